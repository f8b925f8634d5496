#include "taskpages.h"

#include "protoconvert.h"

#include <optional>

namespace cpn {

namespace {
    // Pages waiting (5,000 tasks, about 1 MB each at most).
    constexpr std::size_t kQueuedPages = 4;
    // Longer spellings are not kept as keys (a hostile server's megabyte ids): interned each time.
    constexpr std::size_t kMaxKeyBytes = 256;

    // The key in `interned` of what the server spells `raw` (made by `value()` the first time),
    // and its shared copy in `into`.
    template <typename Make>
    int keyOf(std::unordered_map<std::string, int>& keys, const std::string& raw, TaskStore::Interned& interned,
        Make value, QString& into)
    {
        if (raw.size() > kMaxKeyBytes) {
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

TaskPage::TaskPage()
{
    google::protobuf::ArenaOptions options;
    options.start_block_size = 256 << 10;
    options.max_block_size = 1 << 20; // a full page holds 1-2 MB
    m_arena = std::make_unique<google::protobuf::Arena>(options);
    m_response = google::protobuf::Arena::CreateMessage<v1::ListTasksResponse>(m_arena.get());
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

void TaskPages::add(TaskPage&& page)
{
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_queue.size() < kQueuedPages || m_dropping; });
    m_queue.push_back(std::move(page));
    m_changed.notify_all();
}

void TaskPages::finish(TaskStore* store, QList<Task>* tasks)
{
    {
        std::lock_guard lock(m_mutex);
        m_ending = true;
    }
    m_changed.notify_all();
    m_thread.join();
    if (m_intoStore) {
        m_store.finishRows();
        *store = std::move(m_store);
    } else {
        *tasks = std::move(m_tasks);
    }
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
        for (const auto& t : page->response().tasks()) {
            // What a million tasks share (their sites, tenants, allowed regions: some thousands)
            // is converted and qualified once, found again by the server's spelling, and held
            // once.
            Task task = convert::taskBody(t);
            m_scope.qualify(task);
            const int site = keyOf(m_siteKeys, t.site_id(), m_store.sites,
                [&] { return m_scope.qualify(convert::text(t.site_id())); }, task.siteId);
            const int tenant
                = keyOf(m_tenantKeys, t.tenant(), m_store.tenants, [&] { return convert::text(t.tenant()); }, task.tenant);
            keyOf(m_usersSiteKeys, t.users_site_id(), m_usersSites,
                [&] { return m_scope.qualify(convert::text(t.users_site_id())); }, task.usersSiteId);
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
    if (key.size() > kMaxKeyBytes)
        return convert::strings(ids);
    const auto [it, added] = m_regionLists.try_emplace(std::move(key));
    if (added)
        it->second = convert::strings(ids);
    return it->second;
}

} // namespace cpn
