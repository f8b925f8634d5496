#pragma once
// A snapshot's tasks, converted as their pages come. The watch thread asks the server for the
// next page while a thread of this one parses and converts the last (and, for the console, indexes
// it into a TaskStore): at huge, the million tasks' 200 pages took 2.0 s to fetch and 2.2 s to
// convert and index, one after the other before; now the two overlap.

#include "domain.h"
#include "platformscope.h"
#include "taskstore.h"

#include "cpn/v1/state.pb.h"

#include <grpcpp/channel.h>
#include <grpcpp/client_context.h>
#include <grpcpp/support/byte_buffer.h>

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <unordered_map>

namespace cpn {

// One page of tasks as the server sent it. The watch thread keeps its bytes as they come and reads
// only what it needs to ask for the next page (the token, and the count of tasks); the page is
// parsed on TaskPages' thread, the next one meanwhile on its way. It is parsed into memory of its
// own: 5,000 tasks are some 25,000 strings and messages, and freeing them is freeing a few blocks.
class TaskPage {
public:
    // An empty page (filled in place by response(), or by fetch()).
    TaskPage();
    // A page on the wire, parsed by parse().
    explicit TaskPage(grpc::ByteBuffer&& wire);
    static TaskPage fromBytes(std::string_view bytes);
    TaskPage(TaskPage&& other) noexcept;
    TaskPage& operator=(TaskPage&& other) noexcept;

    // One page from the server (ListTasks), kept as it came.
    static grpc::Status fetch(const std::shared_ptr<grpc::Channel>& channel, grpc::ClientContext* context,
        const v1::ListTasksRequest& request, TaskPage* page);
    // The page token and the number of tasks of a page on the wire, without parsing the tasks.
    // False when the bytes are not a page.
    bool peek(std::string* nextPageToken, int* taskCount);
    // The wire bytes into response(); false when they are not a page.
    bool parse();

    v1::ListTasksResponse& response();
    const v1::ListTasksResponse& response() const;

private:
    grpc::ByteBuffer m_wire;
    std::unique_ptr<google::protobuf::Arena> m_arena; // made with the response
    v1::ListTasksResponse* m_response = nullptr; // in m_arena
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
    // than piling pages up. False once a page was not one: the rest is not taken (stop asking).
    bool add(TaskPage&& page);
    // Waits until every page added is converted; the tasks go to `store` or `tasks` (as asked).
    // False (and nothing taken) when a page was not one.
    bool finish(TaskStore* store, QList<Task>* tasks);

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
    bool m_malformed = false; // a page could not be parsed: the rest is dropped
    TaskStore m_store;
    // The keys (in m_store's tables, in either mode) of the site ids and tenants as the server
    // spells them: a million tasks share some thousands, found here without hashing their
    // QStrings, qualified once, and held once.
    std::unordered_map<std::string, int> m_siteKeys;
    std::unordered_map<std::string, int> m_tenantKeys;
    std::unordered_map<std::string, int> m_usersSiteKeys; // into m_usersSites (not the store's: no task is there)
    TaskStore::Interned m_usersSites;
    std::unordered_map<std::string, QStringList> m_regionLists;
    QList<Task> m_tasks;
    std::thread m_thread; // last: started once the rest is made
};

} // namespace cpn
