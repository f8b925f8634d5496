#include "taskstore.h"

#include "rowroom.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <new>
#include <type_traits>
#include <numeric>

#include <sys/mman.h>

namespace cpn {

// A mapping of its own, on a large page's boundary (from the heap, an aligned block leaves a gap
// before it that a large page would make resident too).
TaskSlots::Chunk TaskSlots::makeChunk()
{
    static_assert(kChunk * sizeof(Task) <= kChunkBytes);
    static_assert(std::is_nothrow_default_constructible_v<Task>);
    void* mapped = ::mmap(nullptr, kChunkBytes + kLargePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    // The aligned part kept, what is before and after it given back.
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = (start + kLargePage - 1) / kLargePage * kLargePage;
    if (aligned > start)
        ::munmap(mapped, aligned - start);
    if (const std::uintptr_t end = start + kChunkBytes + kLargePage; end > aligned + kChunkBytes)
        ::munmap(reinterpret_cast<void*>(aligned + kChunkBytes), end - aligned - kChunkBytes);
    ::madvise(reinterpret_cast<void*>(aligned), kChunkBytes, MADV_HUGEPAGE); // a hint: else small pages
    auto* tasks = reinterpret_cast<Task*>(aligned);
    std::uninitialized_value_construct_n(tasks, kChunk);
    return Chunk(tasks);
}

void TaskSlots::FreeChunk::operator()(Task* tasks) const
{
    std::destroy_n(tasks, kChunk);
    ::munmap(tasks, kChunkBytes);
}

int TaskStore::Interned::intern(const QString& value)
{
    const auto it = keys.constFind(value);
    if (it != keys.cend())
        return *it;
    const int key = int(values.size());
    keys.insert(value, key);
    values.push_back(value);
    return key;
}

void TaskStore::reserve(std::size_t count)
{
    reserveRows(slotSite, count);
    reserveRows(slotTenant, count);
    reserveRows(slotOf, count);
}

bool TaskStore::add(Task&& t)
{
    const int site = sites.intern(t.siteId);
    return add(std::move(t), site, tenants.intern(t.tenant));
}

bool TaskStore::add(Task&& t, int siteKey, int tenantKey)
{
    if (t.id.isEmpty())
        return false;
    const qsizetype before = slotOf.size();
    int& slot = slotOf[t.id]; // one lookup: a new id grows the index
    if (slotOf.size() == before)
        return false;
    slot = int(tasks.size());
    slotSite.push_back(siteKey);
    slotTenant.push_back(tenantKey);
    if (!platforms.contains(t.platform))
        platforms.append(t.platform);
    if (idOrdered && !tasks.empty())
        idOrdered = compareTasksById(tasks[tasks.size() - 1], t) < 0;
    tasks.push_back(std::move(t));
    return true;
}

void TaskStore::finishRows()
{
    reserveRows(rowSlot, tasks.size());
    rowSlot.resize(tasks.size());
    std::iota(rowSlot.begin(), rowSlot.end(), 0);
    reserveRows(slotRow, tasks.size());
    slotRow.assign(rowSlot.cbegin(), rowSlot.cend());
}

TaskStore TaskStore::fromTasks(QList<Task>&& tasks)
{
    TaskStore store;
    store.reserve(std::size_t(tasks.size()));
    for (Task& t : tasks)
        store.add(std::move(t));
    tasks = {};
    store.finishRows();
    return store;
}

TaskStore TaskStore::withPlatform(const TaskStore& current, const QString& platform, TaskStore&& platformTasks)
{
    TaskStore merged = std::move(platformTasks); // its platforms: `platform`, if it holds any task
    platformTasks = {};
    // Rows: the platforms before `platform` by name, `platform`'s own in their order, the rest.
    std::vector<int> before;
    std::vector<int> after;
    for (int row = 0; row < current.rowCount(); ++row) {
        const Task& t = current.taskAt(row);
        if (t.platform == platform)
            continue;
        Task copy = t;
        if (merged.add(std::move(copy)))
            (t.platform < platform ? before : after).push_back(int(merged.tasks.size()) - 1);
    }
    std::vector<int> rows;
    reserveRows(rows, before.size() + merged.rowSlot.size() + after.size());
    rows.insert(rows.end(), before.begin(), before.end());
    rows.insert(rows.end(), merged.rowSlot.begin(), merged.rowSlot.end());
    rows.insert(rows.end(), after.begin(), after.end());
    merged.rowSlot = std::move(rows);
    reserveRows(merged.slotRow, merged.tasks.size());
    merged.slotRow.assign(merged.tasks.size(), -1);
    for (std::size_t row = 0; row < merged.rowSlot.size(); ++row)
        merged.slotRow[std::size_t(merged.rowSlot[row])] = int(row);
    merged.idOrdered = true;
    for (int row = 1; row < merged.rowCount() && merged.idOrdered; ++row)
        merged.idOrdered = compareTasksById(merged.taskAt(row - 1), merged.taskAt(row)) < 0;
    return merged;
}

int TaskStore::rowOf(const QString& id) const
{
    const auto it = slotOf.constFind(id);
    return it == slotOf.cend() ? -1 : slotRow[std::size_t(*it)];
}

const Task* TaskStore::find(const QString& id) const
{
    const auto it = slotOf.constFind(id);
    return it == slotOf.cend() ? nullptr : &tasks[std::size_t(*it)];
}

void TaskStore::put(int slot, const Task& task)
{
    const auto at = std::size_t(slot);
    tasks[at] = task;
    slotSite[at] = sites.intern(task.siteId);
    slotTenant[at] = tenants.intern(task.tenant);
}

int TaskStore::takeSlot()
{
    if (!freeSlots.empty()) {
        const int slot = freeSlots.back();
        freeSlots.pop_back();
        return slot;
    }
    tasks.push_back({});
    slotSite.push_back(0);
    slotTenant.push_back(0);
    slotRow.push_back(-1);
    return int(tasks.size()) - 1;
}

void TaskStore::append(const Task& task)
{
    if (idOrdered && !rowSlot.empty())
        idOrdered = compareTasksById(taskAt(rowCount() - 1), task) < 0;
    const int slot = takeSlot();
    put(slot, task);
    if (!platforms.contains(task.platform))
        platforms.append(task.platform);
    slotOf.insert(task.id, slot);
    slotRow[std::size_t(slot)] = rowCount();
    rowSlot.push_back(slot);
}

void TaskStore::renumberFrom(int row)
{
    for (std::size_t r = std::size_t(std::max(row, 0)); r < rowSlot.size(); ++r)
        slotRow[std::size_t(rowSlot[r])] = int(r);
}

void TaskStore::moveToEndRemap(const std::vector<int>& rows, std::vector<int>& remap) const
{
    remap.resize(rowSlot.size());
    int kept = 0;
    int moved = rowCount() - int(rows.size());
    auto next = rows.cbegin();
    for (std::size_t row = 0; row < rowSlot.size(); ++row) {
        if (next != rows.cend() && *next == int(row)) {
            remap[row] = moved++;
            ++next;
        } else {
            remap[row] = kept++;
        }
    }
}

void TaskStore::permute(const std::vector<int>& remap)
{
    std::size_t first = 0; // rows before it stay where they are
    while (first < remap.size() && remap[first] == int(first))
        ++first;
    std::vector<int>& permuted = m_spare;
    permuted.resize(rowSlot.size());
    for (std::size_t row = first; row < rowSlot.size(); ++row)
        permuted[std::size_t(remap[row])] = rowSlot[row];
    std::copy(permuted.begin() + std::ptrdiff_t(first), permuted.end(), rowSlot.begin() + std::ptrdiff_t(first));
    renumberFrom(int(first));
}

void TaskStore::removeRows(const std::vector<int>& rows)
{
    if (rows.empty())
        return;
    const bool atEnd = rows.front() == rowCount() - int(rows.size()) && rows.back() == rowCount() - 1;
    if (!atEnd) {
        std::vector<int> remap;
        moveToEndRemap(rows, remap);
        permute(remap);
    }
    const int kept = rowCount() - int(rows.size());
    for (int row = kept; row < rowCount(); ++row) {
        const int slot = rowSlot[std::size_t(row)];
        Task& t = tasks[std::size_t(slot)];
        slotOf.remove(t.id);
        t = Task {}; // frees its strings now; the slot is reused by a later task
        slotRow[std::size_t(slot)] = -1;
        freeSlots.push_back(slot);
    }
    rowSlot.resize(std::size_t(kept));
}

} // namespace cpn
