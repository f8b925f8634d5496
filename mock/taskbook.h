#pragma once
// The tasks on the network: who runs where, who waits in which queue, when each ends, and the
// cards and compute they hold at their sites.

#include "enginestate.h"
#include "taskfactory.h"
#include "world.h"

#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <array>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <queue>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace cpn::mock {

class TaskBook {
public:
    explicit TaskBook(World& world);

    // The starting population of the scale, part-way through their runs or queued.
    void generate();
    // Tasks whose run is over end (a task being moved ends after its move).
    void completeDue();
    // New work of every kind, about as much as ends, mostly in business hours.
    void submit(double seconds, const Steering& steering);
    // One new task of `kind`: stored, started or queued, announced.
    void admitNew(cpn::v1::TaskKind kind, const Steering& steering);
    // Queued tasks start where their site has the cards now.
    void startQueued();
    // An offline site's tasks restart at the nearest sites with room (or queue there).
    void evacuate(std::uint32_t site);
    // Site or link statuses changed: placement forgets the paths it worked out.
    void networkChanged() { m_factory->networkChanged(); }

    // A page of tasks in id order (ListTasks, but for the revision, which the caller sets).
    grpc::Status list(const cpn::v1::ListTasksRequest& request, cpn::v1::ListTasksResponse* response) const;

    const TaskRecord* find(const std::string& id) const;
    TaskRecord& at(std::uint64_t number) { return m_tasks.at(number); }
    const std::map<std::uint64_t, TaskRecord>& all() const { return m_tasks; }
    std::size_t size() const { return m_tasks.size(); }

    // Cards: a task runs (takes its cards at task.site), is released (gives them back), queues,
    // or leaves its queue (the entry goes stale).
    bool canStart(const TaskRecord& task) const;
    void run(TaskRecord& task);
    void release(TaskRecord& task);
    void enqueue(TaskRecord& task);
    void leaveQueue(TaskRecord& task);
    void addToSiteLoad(std::uint32_t site, const TaskRecord& task, int sign);

    cpn::v1::Task proto(const TaskRecord& task) const;
    void emit(const TaskRecord& task); // a task upsert event

private:
    using Ending = std::pair<std::int64_t, std::uint64_t>; // expected end, task number

    void admit(TaskRecord&& task);

    World& m_world;
    std::unique_ptr<TaskFactory> m_factory;
    std::map<std::uint64_t, TaskRecord> m_tasks; // by number: id order
    std::priority_queue<Ending, std::vector<Ending>, std::greater<>> m_endings; // may hold stale entries
    std::array<std::uint32_t, kTaskKindSlots> m_kindCounts {};
    std::uint64_t m_nextTaskNumber = 1;
    std::set<std::uint32_t> m_sitesWithQueue;
};

} // namespace cpn::mock
