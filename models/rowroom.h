#pragma once
// Containers with an entry per task row (a million at huge) grow as tasks arrive. Made to the
// exact size, the first arrival after a snapshot or a removal outgrew them: a copy of the million
// into new memory on the GUI thread (each new 4 MB costs a page fault per 4 KB, 15 ms on the
// 2-core machine), again at every arrival that went past the largest count yet.

#include <algorithm>
#include <cstddef>
#include <vector>

namespace cpn {

// Room for `rows` entries and an eighth more, unless there is room already.
template <typename Container> void reserveRows(Container& container, std::size_t rows)
{
    if (std::size_t(container.capacity()) < rows)
        container.reserve(rows + rows / 8);
}

// Scratch buffers of a row each, reused from change to change. Made anew for every batch, such
// buffers sent glibc's allocator through consolidating the small blocks other threads freed, and
// their memory was new to touch: the biggest cost on the GUI thread at huge. Keeps the roomiest
// `keep` of those given back; take() hands out the roomiest, empty.
class SpareRows {
public:
    explicit SpareRows(std::size_t keep)
        : m_keep(keep)
    {
    }
    std::vector<int> take()
    {
        if (m_spares.empty())
            return {};
        const auto roomiest = std::max_element(m_spares.begin(), m_spares.end(), byRoom);
        std::vector<int> spare = std::move(*roomiest);
        m_spares.erase(roomiest);
        spare.clear();
        return spare;
    }
    void giveBack(std::vector<int>&& rows)
    {
        if (rows.capacity() == 0)
            return;
        if (m_spares.size() < m_keep) {
            m_spares.push_back(std::move(rows));
            return;
        }
        const auto smallest = std::min_element(m_spares.begin(), m_spares.end(), byRoom);
        if (rows.capacity() > smallest->capacity())
            *smallest = std::move(rows);
    }

private:
    static bool byRoom(const std::vector<int>& a, const std::vector<int>& b) { return a.capacity() < b.capacity(); }
    std::size_t m_keep;
    std::vector<std::vector<int>> m_spares;
};

} // namespace cpn
