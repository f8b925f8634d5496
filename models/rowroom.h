#pragma once
// Containers with an entry per task row (a million at huge) grow as tasks arrive. Made to the
// exact size, the first arrival after a snapshot or a removal outgrew them: a copy of the million
// into new memory on the GUI thread (each new 4 MB costs a page fault per 4 KB, 15 ms on the
// 2-core machine), again at every arrival that went past the largest count yet.

#include <cstddef>

namespace cpn {

// Room for `rows` entries and an eighth more, unless there is room already.
template <typename Container> void reserveRows(Container& container, std::size_t rows)
{
    if (std::size_t(container.capacity()) < rows)
        container.reserve(rows + rows / 8);
}

} // namespace cpn
