// TaskBook: the tasks' lives (arrival, start, queue, end), their cards, and their pages.

#include "taskbook.h"

#include "dailycycle.h"
#include "simulationoptions.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <unordered_set>

namespace cpn::mock {

namespace {

constexpr int kDefaultPageSize = 1000;
constexpr int kMaxPageSize = 5000;

std::string lowered(std::string text)
{
    for (auto& c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool containsLowered(const std::string& haystack, const std::string& loweredNeedle)
{
    if (loweredNeedle.empty())
        return true;
    const auto it = std::search(haystack.begin(), haystack.end(), loweredNeedle.begin(), loweredNeedle.end(),
        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it != haystack.end();
}

} // namespace

std::string taskIdOf(std::uint64_t number)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "t-%08llu", static_cast<unsigned long long>(number));
    return buffer;
}

bool parseTaskId(const std::string& id, std::uint64_t* number)
{
    if (id.size() < 3 || id.size() > 22 || id.compare(0, 2, "t-") != 0)
        return false;
    std::uint64_t value = 0;
    for (std::size_t i = 2; i < id.size(); ++i) {
        if (id[i] < '0' || id[i] > '9')
            return false;
        value = value * 10 + std::uint64_t(id[i] - '0');
    }
    if (taskIdOf(value) != id)
        return false;
    *number = value;
    return true;
}

double TaskRecord::pflops() const
{
    return cards * pflopsPerCard(architecture);
}

TaskBook::TaskBook(World& world)
    : m_world(world)
    , m_factory(std::make_unique<TaskFactory>(world.topology, world.graph))
{ }

void TaskBook::generate()
{
    const int target = scaleTargets(m_world.options.scale).tasks;
    for (int i = 0; i < target; ++i) {
        const auto kind = m_factory->drawKind(m_world.random);
        TaskRecord task = m_factory->create(m_world.random, m_nextTaskNumber++, kind, m_world.nowMs, m_world.sites);
        // Tasks already running are part-way through their run.
        if (canStart(task)) {
            const auto elapsed = std::int64_t(m_world.random.uniform() * double(task.durationMs));
            task.startedMs = m_world.nowMs - elapsed;
            task.submittedMs = task.startedMs - std::int64_t(m_world.random.uniform(0, 900) * 1000);
            task.expectedEndMs = task.startedMs + task.durationMs;
            if (task.expectedEndMs <= m_world.nowMs)
                task.expectedEndMs = m_world.nowMs + 1000;
            auto& stored = m_tasks.emplace(task.number, std::move(task)).first->second;
            run(stored);
        } else {
            task.submittedMs = m_world.nowMs - std::int64_t(m_world.random.uniform(0, 1800) * 1000);
            auto& stored = m_tasks.emplace(task.number, std::move(task)).first->second;
            enqueue(stored);
        }
        ++m_kindCounts[std::size_t(kind)];
    }
}

void TaskBook::completeDue()
{
    while (!m_endings.empty() && m_endings.top().first <= m_world.nowMs) {
        const auto [end, number] = m_endings.top();
        m_endings.pop();
        auto it = m_tasks.find(number);
        if (it == m_tasks.end() || it->second.expectedEndMs != end || it->second.state == cpn::v1::TASK_STATE_QUEUED)
            continue; // stale entry
        TaskRecord& task = it->second;
        if (!task.migrationId.empty()) {
            // A task being moved finishes after its move.
            task.expectedEndMs = m_world.nowMs + 60000;
            m_endings.push({ task.expectedEndMs, number });
            continue;
        }
        release(task);
        cpn::v1::WatchEvent event;
        auto* removed = event.mutable_task_removed();
        removed->set_task_id(taskIdOf(number));
        removed->set_site_id(m_world.topology.sites[task.site].id());
        removed->set_reason("completed");
        m_world.emit(std::move(event));
        --m_kindCounts[std::size_t(task.kind)];
        m_tasks.erase(it);
    }
}

void TaskBook::admit(TaskRecord&& task)
{
    auto& stored = m_tasks.emplace(task.number, std::move(task)).first->second;
    if (canStart(stored)) {
        stored.startedMs = m_world.nowMs;
        stored.expectedEndMs = m_world.nowMs + stored.durationMs;
        run(stored);
    } else {
        enqueue(stored);
    }
    ++m_kindCounts[std::size_t(stored.kind)];
    emit(stored);
}

void TaskBook::admitNew(cpn::v1::TaskKind kind, const Steering& steering)
{
    admit(m_factory->create(m_world.random, m_nextTaskNumber++, kind, m_world.nowMs, m_world.sites, steering));
}

void TaskBook::submit(double seconds, const Steering& steering)
{
    if (seconds <= 0)
        return;
    const double target = scaleTargets(m_world.options.scale).tasks;
    // Work is submitted mostly in business hours on workdays; the daily mean of this factor is about 1.
    const double submission = 0.5 + demandAt(m_world.nowMs, false);
    for (const auto kind : TaskFactory::kinds()) {
        const double standing = target * m_factory->populationShare(kind);
        const double feedback = std::clamp(standing / std::max(1.0, double(m_kindCounts[std::size_t(kind)])), 0.5, 2.0);
        const double rate = standing / m_factory->meanDurationSeconds(kind) * submission * feedback;
        const auto arrivals = m_world.random.poisson(rate * seconds);
        for (std::uint32_t i = 0; i < arrivals; ++i)
            admit(m_factory->create(m_world.random, m_nextTaskNumber++, kind, m_world.nowMs, m_world.sites, steering));
    }
}

void TaskBook::startQueued()
{
    for (auto it = m_sitesWithQueue.begin(); it != m_sitesWithQueue.end();) {
        const std::uint32_t s = *it;
        auto& site = m_world.sites[s];
        const bool online = m_world.topology.sites[s].status() == cpn::v1::SITE_STATUS_ONLINE;
        std::deque<std::uint64_t> waiting;
        std::unordered_set<std::uint64_t> listed;
        for (const auto number : site.queue) {
            auto t = m_tasks.find(number);
            if (t == m_tasks.end() || t->second.state != cpn::v1::TASK_STATE_QUEUED || t->second.site != s
                || !listed.insert(number).second)
                continue; // stale: finished, moved or already listed
            TaskRecord& task = t->second;
            if (online && canStart(task) && task.migrationId.empty()) {
                --site.queued;
                task.startedMs = m_world.nowMs;
                task.expectedEndMs = m_world.nowMs + task.durationMs;
                run(task);
                emit(task);
            } else {
                waiting.push_back(number);
            }
        }
        site.queue = std::move(waiting);
        it = site.queue.empty() ? m_sitesWithQueue.erase(it) : std::next(it);
    }
}

bool TaskBook::canStart(const TaskRecord& task) const
{
    return m_world.topology.sites[task.site].status() == cpn::v1::SITE_STATUS_ONLINE
        && m_world.sites[task.site].freeCards(task.architecture) >= task.cards;
}

void TaskBook::addToSiteLoad(std::uint32_t site, const TaskRecord& task, int sign)
{
    auto& slot = m_world.sites[site].slots[std::size_t(task.architecture)];
    auto& pflops = slot.pflopsByKind[std::size_t(task.kind)];
    pflops = std::max(0.0, pflops + sign * task.pflops());
    if (sign > 0) {
        slot.used += task.cards;
        ++m_world.sites[site].running;
    } else {
        slot.used -= std::min(slot.used, task.cards);
        m_world.sites[site].running -= std::min<std::uint32_t>(m_world.sites[site].running, 1);
    }
}

void TaskBook::run(TaskRecord& task)
{
    addToSiteLoad(task.site, task, +1);
    task.state = cpn::v1::TASK_STATE_RUNNING;
    m_endings.push({ task.expectedEndMs, task.number });
}

void TaskBook::release(TaskRecord& task)
{
    if (task.state == cpn::v1::TASK_STATE_QUEUED) {
        leaveQueue(task);
        return;
    }
    addToSiteLoad(task.site, task, -1);
}

void TaskBook::enqueue(TaskRecord& task)
{
    task.state = cpn::v1::TASK_STATE_QUEUED;
    task.startedMs = 0;
    auto& site = m_world.sites[task.site];
    site.queue.push_back(task.number);
    ++site.queued;
    m_sitesWithQueue.insert(task.site);
}

void TaskBook::leaveQueue(TaskRecord& task)
{
    auto& site = m_world.sites[task.site];
    site.queued -= std::min<std::uint32_t>(site.queued, 1);
    // The queue entry goes stale and is dropped by the next startQueuedTasks().
}

cpn::v1::Task TaskBook::proto(const TaskRecord& task) const
{
    cpn::v1::Task t;
    t.set_id(taskIdOf(task.number));
    t.set_name(task.name);
    t.set_kind(task.kind);
    t.set_state(task.state);
    t.set_site_id(m_world.topology.sites[task.site].id());
    t.set_architecture(task.architecture);
    t.set_cards(task.cards);
    t.set_pflops(task.pflops());
    if (task.usersSite >= 0)
        t.set_users_site_id(m_world.topology.sites[std::size_t(task.usersSite)].id());
    t.set_latency_slo_ms(task.latencySloMs);
    for (std::uint32_t r = 0; r < m_world.topology.regions.size(); ++r)
        if (task.regionMask & (1u << r))
            t.add_allowed_region_ids(m_world.topology.regions[r].id());
    t.set_data_gb(task.dataGb);
    t.set_submitted_time_ms(task.submittedMs);
    t.set_expected_end_time_ms(
        task.state == cpn::v1::TASK_STATE_QUEUED ? m_world.nowMs + task.durationMs : task.expectedEndMs);
    double progress = 0;
    if (task.state != cpn::v1::TASK_STATE_QUEUED && task.startedMs > 0 && task.expectedEndMs > task.startedMs)
        progress = double(m_world.nowMs - task.startedMs) / double(task.expectedEndMs - task.startedMs);
    t.set_progress(std::clamp(progress, 0.0, 1.0));
    t.set_tenant(m_factory->tenantName(task.tenant));
    return t;
}

void TaskBook::emit(const TaskRecord& task)
{
    cpn::v1::WatchEvent event;
    *event.mutable_task() = proto(task);
    m_world.emit(std::move(event));
}

const TaskRecord* TaskBook::find(const std::string& id) const
{
    std::uint64_t number = 0;
    if (!parseTaskId(id, &number))
        return nullptr;
    auto it = m_tasks.find(number);
    return it == m_tasks.end() ? nullptr : &it->second;
}

grpc::Status TaskBook::list(const cpn::v1::ListTasksRequest& request, cpn::v1::ListTasksResponse* response) const
{
    if (request.page_size() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "page_size must not be negative" };
    const int pageSize = request.page_size() == 0 ? kDefaultPageSize : std::min(request.page_size(), kMaxPageSize);
    std::uint64_t after = 0;
    if (!request.page_token().empty() && !parseTaskId(request.page_token(), &after))
        return { grpc::StatusCode::INVALID_ARGUMENT, "malformed page_token: pass next_page_token unchanged" };

    std::optional<std::uint32_t> site;
    if (!request.site_id().empty()) {
        site = m_world.findSite(request.site_id());
        if (!site)
            return { grpc::StatusCode::NOT_FOUND, "unknown site_id " + request.site_id() };
    }
    const std::string filter = lowered(request.filter());
    auto matches = [&](const TaskRecord& task) {
        if (site && task.site != *site)
            return false;
        if (filter.empty())
            return true;
        return containsLowered(taskIdOf(task.number), filter) || containsLowered(task.name, filter)
            || containsLowered(m_factory->tenantName(task.tenant), filter);
    };

    // Pages follow task id order and resume after the last id returned, so tasks that come and go
    // between pages never shift the others: each task present throughout is listed exactly once.
    const bool filtered = site.has_value() || !filter.empty();
    std::uint64_t total = filtered ? 0 : m_tasks.size();
    if (filtered)
        for (const auto& [number, task] : m_tasks)
            total += matches(task) ? 1 : 0;
    auto it = request.page_token().empty() ? m_tasks.begin() : m_tasks.upper_bound(after);
    std::uint64_t last = 0;
    for (; it != m_tasks.end() && response->tasks_size() < pageSize; ++it)
        if (matches(it->second)) {
            *response->add_tasks() = proto(it->second);
            last = it->first;
        }
    while (it != m_tasks.end() && !matches(it->second))
        ++it;
    if (it != m_tasks.end() && response->tasks_size() > 0)
        response->set_next_page_token(taskIdOf(last));
    response->set_total_count(total);
    return grpc::Status::OK;
}

} // namespace cpn::mock
