#pragma once
// Every task of a scheduler, indexed for the task table: tasks in slots that never move while the
// task lives, rows as a permutation of the slots (removing rows moves ints, not tasks), an id
// index, and the values a million tasks share (site ids, tenants) kept once under small keys.
//
// Building one from a snapshot (an index of a million ids at huge) is the heavy part of taking
// in a snapshot: fromTasks() runs on any thread, and the table takes the result over on the GUI
// thread by swapping containers. Plain data: no signals, no Qt models.

#include "domain.h"

#include <QHash>
#include <QStringList>

#include <memory>
#include <vector>

namespace cpn {

// Tasks by slot, in chunks that never move: a task more never relocates the million before it
// (a vector's growth would copy them all on the GUI thread, a stall of a few hundred ms). A chunk
// is about one large page (2 MB): a million tasks are 230 MB, in 4 KB pages 57,000 page faults
// as they were first written, 0.85 s of the start on the 2-core machine.
class TaskSlots {
public:
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }
    Task& operator[](std::size_t slot) { return m_chunks[slot >> kShift].get()[slot & kMask]; }
    const Task& operator[](std::size_t slot) const { return m_chunks[slot >> kShift].get()[slot & kMask]; }
    void push_back(Task&& task)
    {
        if ((m_size & kMask) == 0)
            m_chunks.push_back(makeChunk());
        (*this)[m_size++] = std::move(task);
    }

private:
    static constexpr int kShift = 13;
    static constexpr std::size_t kChunk = std::size_t(1) << kShift;
    static constexpr std::size_t kMask = kChunk - 1;
    static constexpr std::size_t kLargePage = std::size_t(2) << 20;
    static constexpr std::size_t kChunkBytes = kLargePage; // kChunk tasks fit (asserted where made)
    struct FreeChunk {
        void operator()(Task* tasks) const;
    };
    using Chunk = std::unique_ptr<Task, FreeChunk>;
    static Chunk makeChunk();
    std::vector<Chunk> m_chunks;
    std::size_t m_size = 0;
};

struct TaskStore {
    // Values many tasks share, each kept once and named by a small key.
    struct Interned {
        std::vector<QString> values;
        QHash<QString, int> keys;
        int intern(const QString& value);
    };

    TaskSlots tasks;
    std::vector<int> freeSlots;
    std::vector<int> rowSlot;
    std::vector<int> slotRow; // -1 for a free slot
    QHash<QString, int> slotOf;
    std::vector<int> slotSite; // slot -> key in sites
    std::vector<int> slotTenant; // slot -> key in tenants
    Interned sites;
    Interned tenants;
    bool idOrdered = true; // rows ascend by id (a snapshot comes so)
    QStringList platforms; // of the tasks held (or once held), a few names

    // Tasks without an id, and repeats of an id, are left out.
    static TaskStore fromTasks(QList<Task>&& tasks);
    // `current`'s tasks of every other platform, and `platformTasks` as the tasks of `platform`,
    // grouped by platform in name order (runs on any thread; `current` must not change meanwhile).
    // `platformTasks` is the base: only the other platforms' tasks are copied and indexed, so a
    // huge platform's snapshot beside national ones costs what the national ones hold.
    static TaskStore withPlatform(const TaskStore& current, const QString& platform, TaskStore&& platformTasks);
    // No task of another platform than `platform`.
    bool holdsOnly(const QString& platform) const
    {
        return platforms.isEmpty() || (platforms.size() == 1 && platforms.front() == platform);
    }

    bool isEmpty() const { return tasks.empty(); }
    int rowCount() const { return int(rowSlot.size()); }
    const Task& taskAt(int row) const { return tasks[std::size_t(rowSlot[std::size_t(row)])]; }
    int rowOf(const QString& id) const;
    const Task* find(const QString& id) const;

    // Replaces the task in a live slot (same id).
    void put(int slot, const Task& task);
    // Appends a task with a new id as the last row.
    void append(const Task& task);
    // Frees the slots of these rows (ascending, unique) and drops the rows, the others keeping
    // their order.
    void removeRows(const std::vector<int>& rows);
    // For each row, its new row once `rows` (ascending, unique) are moved to the end, the others
    // keeping their order and the moved ones theirs.
    void moveToEndRemap(const std::vector<int>& rows, std::vector<int>& remap) const;
    // Puts each row r at remap[r] (a permutation).
    void permute(const std::vector<int>& remap);

    // Building a store a task at a time, rows in the order added (a snapshot's pages as they
    // come): add() leaves out a task without an id or with an id held already, and returns
    // whether it was kept; finishRows() then makes the rows.
    void reserve(std::size_t tasks);
    bool add(Task&& task);
    // The same, with the task's site id and tenant interned already (keys into sites, tenants).
    bool add(Task&& task, int siteKey, int tenantKey);
    void finishRows();

private:
    int takeSlot();
    std::vector<int> m_spare; // permute()'s scratch, reused
    void renumberFrom(int row);
};

} // namespace cpn
