#include "statuslog.h"

#include <algorithm>
#include <array>
#include <map>

namespace cpn::mock {

namespace {

// Changes kept at most; older ones fold into the base (a flapping link cannot grow the log).
constexpr std::size_t kMaxChanges = 1'000'000;

} // namespace

void StatusLog::reset(std::int64_t timeMs, std::vector<std::uint8_t> statuses)
{
    std::unique_lock lock(m_lock);
    m_baseMs = timeMs;
    m_current = statuses;
    m_base = std::move(statuses);
    m_changes.clear();
}

void StatusLog::update(std::int64_t timeMs, const std::vector<std::uint8_t>& now)
{
    // Read without the lock: only this (the writer's) thread changes m_current.
    std::vector<std::uint32_t> changed;
    const std::size_t n = std::min(now.size(), m_current.size());
    for (std::size_t e = 0; e < n; ++e)
        if (now[e] != m_current[e])
            changed.push_back(std::uint32_t(e));
    if (changed.empty())
        return;
    std::unique_lock lock(m_lock);
    for (const auto e : changed) {
        m_current[e] = now[e];
        m_changes.push_back({ timeMs, e, now[e] });
    }
    while (m_changes.size() > kMaxChanges) {
        const auto& c = m_changes.front();
        m_base[c.entity] = c.status;
        m_baseMs = std::max(m_baseMs, c.timeMs);
        m_changes.pop_front();
    }
}

void StatusLog::forgetBefore(std::int64_t timeMs)
{
    if (m_changes.empty() || m_changes.front().timeMs >= timeMs)
        return; // the usual case, and only this thread adds changes
    std::unique_lock lock(m_lock);
    while (!m_changes.empty() && m_changes.front().timeMs < timeMs) {
        const auto& c = m_changes.front();
        m_base[c.entity] = c.status;
        m_changes.pop_front();
    }
    m_baseMs = std::max(m_baseMs, timeMs);
}

void StatusLog::applyUntil(std::vector<std::uint8_t>& statuses, std::int64_t timeMs) const
{
    for (const auto& c : m_changes) {
        if (c.timeMs > timeMs)
            break;
        statuses[c.entity] = c.status;
    }
}

std::vector<std::uint8_t> StatusLog::at(std::int64_t timeMs) const
{
    std::shared_lock lock(m_lock);
    std::vector<std::uint8_t> statuses = m_base;
    applyUntil(statuses, timeMs);
    return statuses;
}

std::vector<std::uint8_t> StatusLog::heldLongest(std::int64_t fromMs, std::int64_t toMs) const
{
    std::shared_lock lock(m_lock);
    std::vector<std::uint8_t> statuses = m_base;
    applyUntil(statuses, fromMs);
    // Only the entities that change within the span: how long each status lasted there.
    struct Held {
        std::uint8_t status;
        std::int64_t sinceMs;
        std::array<std::int64_t, 8> durations {};
    };
    std::map<std::uint32_t, Held> held;
    for (const auto& c : m_changes) {
        if (c.timeMs <= fromMs)
            continue;
        if (c.timeMs >= toMs)
            break;
        auto [it, added] = held.try_emplace(c.entity, Held { statuses[c.entity], fromMs });
        Held& h = it->second;
        h.durations[h.status & 7] += c.timeMs - h.sinceMs;
        h.status = c.status;
        h.sinceMs = c.timeMs;
    }
    for (auto& [entity, h] : held) {
        h.durations[h.status & 7] += toMs - h.sinceMs;
        statuses[entity] = std::uint8_t(std::max_element(h.durations.begin(), h.durations.end()) - h.durations.begin());
    }
    return statuses;
}

std::size_t StatusLog::changeCount() const
{
    std::shared_lock lock(m_lock);
    return m_changes.size();
}

} // namespace cpn::mock
