#include "taskstore.h"

#include <algorithm>
#include <numeric>

namespace cpn {

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

TaskStore TaskStore::fromTasks(QList<Task>&& tasks)
{
    TaskStore store;
    const auto n = std::size_t(tasks.size());
    store.slotSite.reserve(n);
    store.slotTenant.reserve(n);
    store.slotOf.reserve(tasks.size());
    for (Task& t : tasks) {
        if (t.id.isEmpty())
            continue;
        const qsizetype before = store.slotOf.size();
        int& slot = store.slotOf[t.id]; // one lookup: a new id grows the index
        if (store.slotOf.size() == before)
            continue;
        slot = int(store.tasks.size());
        store.slotSite.push_back(store.sites.intern(t.siteId));
        store.slotTenant.push_back(store.tenants.intern(t.tenant));
        if (!store.platforms.contains(t.platform))
            store.platforms.append(t.platform);
        store.tasks.push_back(std::move(t));
    }
    tasks = {};
    for (std::size_t slot = 1; slot < store.tasks.size() && store.idOrdered; ++slot)
        store.idOrdered = compareTasksById(store.tasks[slot - 1], store.tasks[slot]) < 0;
    store.rowSlot.resize(store.tasks.size());
    std::iota(store.rowSlot.begin(), store.rowSlot.end(), 0);
    store.slotRow = store.rowSlot;
    return store;
}

TaskStore TaskStore::withPlatform(const TaskStore& current, const QString& platform, TaskStore&& platformTasks)
{
    QList<Task> all;
    all.reserve(current.rowCount() + platformTasks.rowCount());
    auto take = [&all](const TaskStore& from, auto keep) {
        for (int row = 0; row < from.rowCount(); ++row) {
            if (keep(from.taskAt(row)))
                all.append(from.taskAt(row));
        }
    };
    take(current, [&platform](const Task& t) { return t.platform < platform; });
    take(platformTasks, [](const Task&) { return true; });
    platformTasks = {};
    take(current, [&platform](const Task& t) { return t.platform > platform; });
    return fromTasks(std::move(all));
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
