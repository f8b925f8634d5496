#include "taskpages.h"

#include "protoconvert.h"

#include <optional>
#include <utility>

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>
#include <grpcpp/completion_queue.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/impl/codegen/proto_utils.h>
#include <grpcpp/support/proto_buffer_reader.h>

namespace cpn {

namespace {
    // Pages waiting (5,000 tasks, 1-2 MB each).
    constexpr std::size_t kQueuedPages = 4;
    // Longer spellings are not kept as keys (a hostile server's megabyte ids), nor more than so
    // many of each kind (a server naming a new site for each task): interned each time.
    constexpr std::size_t kMaxKeyBytes = 256;
    constexpr std::size_t kMaxKeys = 65536;

    template <typename Value> bool keeps(const std::unordered_map<std::string, Value>& keys, const std::string& raw)
    {
        return raw.size() <= kMaxKeyBytes && (keys.size() < kMaxKeys || keys.count(raw));
    }

    // The key in `interned` of what the server spells `raw` (made by `value()` the first time),
    // and its shared copy in `into`.
    template <typename Make>
    int keyOf(std::unordered_map<std::string, int>& keys, const std::string& raw, TaskStore::Interned& interned,
        Make value, QString& into)
    {
        if (!keeps(keys, raw)) {
            const int key = interned.intern(value());
            into = interned.values[std::size_t(key)];
            return key;
        }
        const auto [it, added] = keys.try_emplace(raw, 0);
        if (added)
            it->second = interned.intern(value());
        into = interned.values[std::size_t(it->second)];
        return it->second;
    }
}

TaskPage::TaskPage() = default;

TaskPage::TaskPage(grpc::ByteBuffer&& wire)
{
    m_wire.Swap(&wire);
}

TaskPage TaskPage::fromBytes(std::string_view bytes)
{
    grpc::Slice slice(bytes.data(), bytes.size());
    return TaskPage(grpc::ByteBuffer(&slice, 1));
}

v1::ListTasksResponse& TaskPage::response()
{
    if (!m_response) {
        // Made when first needed: a page on its way has only bytes.
        google::protobuf::ArenaOptions options;
        options.start_block_size = 256 << 10;
        options.max_block_size = 1 << 20; // a full page holds 1-2 MB
        m_arena = std::make_unique<google::protobuf::Arena>(options);
        m_response = google::protobuf::Arena::CreateMessage<v1::ListTasksResponse>(m_arena.get());
    }
    return *m_response;
}

const v1::ListTasksResponse& TaskPage::response() const
{
    return m_response ? *m_response : v1::ListTasksResponse::default_instance();
}

TaskPage::TaskPage(TaskPage&& other) noexcept
    : m_arena(std::move(other.m_arena))
    , m_response(std::exchange(other.m_response, nullptr))
{
    m_wire.Swap(&other.m_wire); // a ByteBuffer has no move of its own
}

TaskPage& TaskPage::operator=(TaskPage&& other) noexcept
{
    m_wire.Swap(&other.m_wire);
    std::swap(m_arena, other.m_arena);
    std::swap(m_response, other.m_response);
    return *this;
}

grpc::Status TaskPage::fetch(const std::shared_ptr<grpc::Channel>& channel, grpc::ClientContext* context,
    const v1::ListTasksRequest& request, TaskPage* page)
{
    // The typed stub would parse the answer here; a generic one hands over its bytes.
    grpc::TemplatedGenericStub<v1::ListTasksRequest, grpc::ByteBuffer> stub(channel);
    grpc::CompletionQueue queue;
    const auto call = stub.PrepareUnaryCall(context, "/cpn.v1.StateService/ListTasks", request, &queue);
    call->StartCall();
    grpc::ByteBuffer wire;
    grpc::Status status;
    call->Finish(&wire, &status, nullptr);
    void* tag = nullptr;
    bool ok = false;
    queue.Next(&tag, &ok); // the call's end (or its cancellation: TryCancel on `context`)
    queue.Shutdown();
    while (queue.Next(&tag, &ok)) { }
    if (status.ok())
        *page = TaskPage(std::move(wire));
    return status;
}

bool TaskPage::peek(std::string* nextPageToken, int* taskCount)
{
    using google::protobuf::internal::WireFormatLite;
    nextPageToken->clear();
    *taskCount = 0;
    grpc::ProtoBufferReader reader(&m_wire);
    google::protobuf::io::CodedInputStream in(&reader);
    for (;;) {
        const std::uint32_t tag = in.ReadTag();
        if (tag == 0)
            return in.ConsumedEntireMessage(); // the end, not a zero tag or bytes cut short
        const int field = WireFormatLite::GetTagFieldNumber(tag);
        const bool delimited = WireFormatLite::GetTagWireType(tag) == WireFormatLite::WIRETYPE_LENGTH_DELIMITED;
        int size = 0;
        if (field == v1::ListTasksResponse::kTasksFieldNumber && delimited) {
            if (!in.ReadVarintSizeAsInt(&size) || !in.Skip(size))
                return false;
            ++*taskCount;
        } else if (field == v1::ListTasksResponse::kNextPageTokenFieldNumber && delimited) {
            if (!in.ReadVarintSizeAsInt(&size) || !in.ReadString(nextPageToken, size))
                return false;
        } else if (!WireFormatLite::SkipField(&in, tag)) {
            return false;
        }
    }
}

bool TaskPage::parse()
{
    if (m_wire.Length() == 0)
        return true; // filled in place, or an empty page
    grpc::ProtoBufferReader reader(&m_wire);
    const bool parsed = response().ParseFromZeroCopyStream(&reader);
    m_wire.Clear();
    return parsed;
}

TaskPages::TaskPages(PlatformScope scope, bool intoStore, std::size_t expected)
    : m_scope(std::move(scope))
    , m_intoStore(intoStore)
{
    if (m_intoStore)
        m_store.reserve(expected);
    else
        m_tasks.reserve(qsizetype(expected));
    m_thread = std::thread([this] { run(); });
}

TaskPages::~TaskPages()
{
    {
        std::lock_guard lock(m_mutex);
        m_dropping = true;
    }
    m_changed.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool TaskPages::add(TaskPage&& page)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kQueuedPages || m_dropping; });
    if (m_dropping)
        return false;
    m_queue.push_back(std::move(page));
    m_changed.notify_all();
    return true;
}

bool TaskPages::finish(TaskStore* store, QList<Task>* tasks)
{
    {
        std::lock_guard lock(m_mutex);
        m_ending = true;
    }
    m_changed.notify_all();
    m_thread.join();
    if (m_malformed)
        return false;
    if (m_intoStore) {
        m_store.finishRows();
        *store = std::move(m_store);
    } else {
        *tasks = std::move(m_tasks);
    }
    return true;
}

void TaskPages::run()
{
    for (;;) {
        std::optional<TaskPage> page;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return !m_queue.empty() || m_ending || m_dropping; });
            if (m_dropping || m_queue.empty())
                return;
            page.emplace(std::move(m_queue.front()));
            m_queue.pop_front();
        }
        m_changed.notify_all(); // room for the next page
        if (!page->parse()) {
            std::lock_guard lock(m_mutex);
            m_malformed = true;
            m_dropping = true; // the pages still to come are not taken either
            m_changed.notify_all();
            return;
        }
        for (const auto& t : page->response().tasks()) {
            // What a million tasks share (their sites, tenants, allowed regions: some thousands)
            // is converted and qualified once, found again by the server's spelling, and held
            // once.
            Task task = convert::taskBody(t);
            m_scope.qualify(task);
            auto qualified = [this](const std::string& raw) { return m_scope.qualify(convert::text(raw)); };
            const int site = keyOf(m_siteKeys, t.site_id(), m_store.sites, [&] { return qualified(t.site_id()); }, task.siteId);
            const int tenant
                = keyOf(m_tenantKeys, t.tenant(), m_store.tenants, [&] { return convert::text(t.tenant()); }, task.tenant);
            keyOf(m_usersSiteKeys, t.users_site_id(), m_usersSites, [&] { return qualified(t.users_site_id()); },
                task.usersSiteId);
            task.allowedRegionIds = regionsOf(t.allowed_region_ids());
            if (m_intoStore)
                m_store.add(std::move(task), site, tenant);
            else
                m_tasks.append(std::move(task));
        }
    }
}

QStringList TaskPages::regionsOf(const google::protobuf::RepeatedPtrField<std::string>& ids)
{
    if (ids.empty())
        return {};
    // Keyed by each id's length and bytes: no two lists share a key.
    std::string key;
    for (const std::string& id : ids) {
        const auto size = std::uint32_t(id.size());
        key.append(reinterpret_cast<const char*>(&size), sizeof size).append(id);
    }
    if (!keeps(m_regionLists, key))
        return convert::strings(ids);
    const auto [it, added] = m_regionLists.try_emplace(std::move(key));
    if (added)
        it->second = convert::strings(ids);
    return it->second;
}

} // namespace cpn
