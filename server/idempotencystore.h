#pragma once
// The answers of the recent commands by their idempotency key (request_id), so that a client
// repeating a command whose answer it lost gets that answer instead of a second action.

#include <cstddef>
#include <deque>
#include <string>
#include <unordered_map>

namespace cpn::server {

// Bounded: beyond `capacity` keys the oldest is forgotten (a repeat that late acts again), so
// that no client can grow a server without end. Not thread-safe: the engine holding it guards
// it with its own lock, together with the state the answers refer to.
template <class Answer> class IdempotencyStore {
public:
    explicit IdempotencyStore(std::size_t capacity)
        : m_capacity(capacity > 0 ? capacity : 1)
    { }

    // The answer remembered for `key`, or null.
    const Answer* find(const std::string& key) const
    {
        const auto it = m_answers.find(key);
        return it == m_answers.end() ? nullptr : &it->second;
    }

    // Remembers `key`'s answer; a key already known keeps its first answer (returns false).
    bool remember(const std::string& key, Answer answer)
    {
        if (!m_answers.emplace(key, std::move(answer)).second)
            return false;
        m_order.push_back(key);
        while (m_order.size() > m_capacity) {
            m_answers.erase(m_order.front());
            m_order.pop_front();
        }
        return true;
    }

    std::size_t size() const { return m_answers.size(); }
    std::size_t capacity() const { return m_capacity; }

private:
    std::size_t m_capacity;
    std::unordered_map<std::string, Answer> m_answers;
    std::deque<std::string> m_order; // keys, oldest first
};

} // namespace cpn::server
