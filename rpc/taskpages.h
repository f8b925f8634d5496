#pragma once
// A snapshot's tasks, converted as their pages come. The watch thread asks the server for the
// next page while a thread of this one converts the last (and, for the console, indexes it into
// a TaskStore): at huge, the million tasks' 200 pages took 2.0 s to fetch and 2.2 s to convert
// and index, one after the other before; now the two overlap.

#include "domain.h"
#include "platformscope.h"
#include "taskstore.h"

#include "cpn/v1/state.pb.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace cpn {

// One page of tasks as the server sent it, parsed into memory of its own: a page of 5,000 tasks
// is some 25,000 strings and messages, and freeing it is freeing a few blocks, not each of them
// (parsing and freeing the pages had cost the watch thread as much as converting them).
class TaskPage {
public:
    TaskPage();
    TaskPage(TaskPage&&) noexcept = default;
    TaskPage& operator=(TaskPage&&) noexcept = default;

    v1::ListTasksResponse& response() { return *m_response; }
    const v1::ListTasksResponse& response() const { return *m_response; }

private:
    std::unique_ptr<google::protobuf::Arena> m_arena;
    v1::ListTasksResponse* m_response; // in m_arena
};

class TaskPages {
public:
    // `expected`: the snapshot's task count, reserved for (bounded by the caller).
    // `intoStore`: build a TaskStore, else a plain list.
    TaskPages(PlatformScope scope, bool intoStore, std::size_t expected);
    // What is not taken is dropped, and the thread stopped.
    ~TaskPages();
    TaskPages(const TaskPages&) = delete;
    TaskPages& operator=(const TaskPages&) = delete;

    // Waits while a few pages wait already: a slow conversion holds the fetching back rather
    // than piling pages up.
    void add(TaskPage&& page);
    // Waits until every page added is converted; the tasks go to `store` or `tasks` (as asked).
    void finish(TaskStore* store, QList<Task>* tasks);

private:
    void run();
    // One shared copy of each list of allowed regions.
    QStringList regionsOf(const google::protobuf::RepeatedPtrField<std::string>& ids);

    const PlatformScope m_scope;
    const bool m_intoStore;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<TaskPage> m_queue;
    bool m_ending = false; // no page more: convert what waits, then stop
    bool m_dropping = false; // stop at once
    TaskStore m_store;
    // The store's keys of the site ids and tenants as the server spells them: a million tasks
    // share some thousands, found here without hashing their QStrings, qualified once, and held
    // once.
    std::unordered_map<std::string, int> m_siteKeys;
    std::unordered_map<std::string, int> m_tenantKeys;
    std::unordered_map<std::string, int> m_usersSiteKeys; // into m_usersSites (not the store's: no task is there)
    TaskStore::Interned m_usersSites;
    std::unordered_map<std::string, QStringList> m_regionLists;
    QList<Task> m_tasks;
    std::thread m_thread; // last: started once the rest is made
};

} // namespace cpn
