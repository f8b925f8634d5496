#include "simulation.h"

#include "dailycycle.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <unordered_set>

namespace cpn::mock {

namespace {

// Cards in use should average about this share of installed cards at the start.
constexpr double kTargetAllocation = 0.7;
constexpr int kSizingSample = 20000; // placements drawn to size the tiers
constexpr std::uint64_t kSizingSalt = 0x512e5a3b1eULL;
constexpr std::size_t kFullMetricsKept = 8;

// At the larger scales a metrics batch is MBs: the log keeps the newest few in full.
server::EventLog::Limits eventLimitsFor(const SimulationOptions& options)
{
    server::EventLog::Limits limits = options.eventLimits;
    if (limits.fullMetricsKept == 0 && options.scale != Scale::National)
        limits.fullMetricsKept = kFullMetricsKept;
    return limits;
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

Simulation::Simulation(SimulationOptions options)
    : m_options(std::move(options))
    , m_random(m_options.seed)
    , m_topology(generateTopology(m_options.scale, m_random))
    , m_graph(m_topology.sites.size(), m_topology.linkEnds)
    , m_events(std::max<std::uint64_t>(1, m_options.initialRevision), eventLimitsFor(m_options))
{
    // Size each tier's capacity to the work placed there at this scale: a sample of placements on
    // the empty network, scaled to the scale's task count. Larger scales add regional and edge
    // sites but keep 8 hubs and 10 clusters, so those grow most.
    {
        std::vector<SiteRuntime> empty(m_topology.sites.size());
        std::array<double, 5> cards {};
        for (std::uint32_t s = 0; s < empty.size(); ++s)
            for (const auto& c : m_topology.sites[s].capacity()) {
                empty[s].slots[std::size_t(c.architecture())].installed = c.cards();
                cards[std::size_t(m_topology.sites[s].tier())] += c.cards();
            }
        TaskFactory sizing(m_topology, m_graph);
        Random sample(m_options.seed ^ kSizingSalt);
        std::array<double, 5> demand {};
        for (int i = 0; i < kSizingSample; ++i) {
            const TaskRecord task = sizing.create(sample, 0, sizing.drawKind(sample), m_nowMs, empty);
            demand[std::size_t(m_topology.sites[task.site].tier())] += task.cards;
        }
        const double perSample = double(scaleTargets(m_options.scale).tasks) / kSizingSample;
        std::array<double, 5> factor {};
        for (std::size_t t = 0; t < factor.size(); ++t) {
            factor[t] = cards[t] > 0 ? demand[t] * perSample / (kTargetAllocation * cards[t]) : 1.0;
            factor[t] = factor[t] > 1.05 ? factor[t] : 1.0;
        }
        scaleCapacity(m_topology, factor);
    }
    m_factory = std::make_unique<TaskFactory>(m_topology, m_graph);

    for (std::uint32_t s = 0; s < m_topology.sites.size(); ++s)
        m_siteIndex.emplace(m_topology.sites[s].id(), s);
    for (std::uint32_t l = 0; l < m_topology.links.size(); ++l)
        m_linkIndex.emplace(m_topology.links[l].id(), l);
    for (std::uint32_t r = 0; r < m_topology.regions.size(); ++r)
        m_regionIndex.emplace(m_topology.regions[r].id(), r);

    m_sites.resize(m_topology.sites.size());
    for (std::uint32_t s = 0; s < m_sites.size(); ++s)
        for (const auto& c : m_topology.sites[s].capacity()) {
            auto& slot = m_sites[s].slots[std::size_t(c.architecture())];
            slot.installed = c.cards();
            slot.pflopsPerCard = pflopsPerCard(c.architecture());
        }

    initialiseLinks();
    setUpScenario();
    generateTasks();
    updateMetrics(0);
    updateAlarms();
    initialiseHistory();
    m_pending.clear(); // the starting state is the initial revision; events start after it
}

Simulation::~Simulation() = default;

void Simulation::generateTasks()
{
    const int target = scaleTargets(m_options.scale).tasks;
    for (int i = 0; i < target; ++i) {
        const auto kind = m_factory->drawKind(m_random);
        TaskRecord task = m_factory->create(m_random, m_nextTaskNumber++, kind, m_nowMs, m_sites);
        // Tasks already running are part-way through their run.
        if (canStart(task)) {
            const auto elapsed = std::int64_t(m_random.uniform() * double(task.durationMs));
            task.startedMs = m_nowMs - elapsed;
            task.submittedMs = task.startedMs - std::int64_t(m_random.uniform(0, 900) * 1000);
            task.expectedEndMs = task.startedMs + task.durationMs;
            if (task.expectedEndMs <= m_nowMs)
                task.expectedEndMs = m_nowMs + 1000;
            auto& stored = m_tasks.emplace(task.number, std::move(task)).first->second;
            runTask(stored);
        } else {
            task.submittedMs = m_nowMs - std::int64_t(m_random.uniform(0, 1800) * 1000);
            auto& stored = m_tasks.emplace(task.number, std::move(task)).first->second;
            enqueueTask(stored);
        }
        ++m_kindCounts[std::size_t(kind)];
    }
}

void Simulation::tick(double simSeconds)
{
    std::lock_guard lock(m_mutex);
    const double seconds = std::max(0.0, simSeconds);
    m_nowMs += std::llround(seconds * 1000);
    advanceScenario();
    completeTasks();
    submitTasks(seconds);
    submitSurge(seconds);
    startQueuedTasks();
    advanceDrains();
    advanceMigrations(seconds);
    updateMetrics(seconds);
    updateAlarms();
    recordHistory();
    flushEvents();
}

std::int64_t Simulation::simTimeMs() const
{
    std::lock_guard lock(m_mutex);
    return m_nowMs;
}

void Simulation::completeTasks()
{
    while (!m_endings.empty() && m_endings.top().first <= m_nowMs) {
        const auto [end, number] = m_endings.top();
        m_endings.pop();
        auto it = m_tasks.find(number);
        if (it == m_tasks.end() || it->second.expectedEndMs != end || it->second.state == cpn::v1::TASK_STATE_QUEUED)
            continue; // stale entry
        TaskRecord& task = it->second;
        if (!task.migrationId.empty()) {
            // A task being moved finishes after its move.
            task.expectedEndMs = m_nowMs + 60000;
            m_endings.push({ task.expectedEndMs, number });
            continue;
        }
        releaseTask(task);
        cpn::v1::WatchEvent event;
        auto* removed = event.mutable_task_removed();
        removed->set_task_id(taskIdOf(number));
        removed->set_site_id(m_topology.sites[task.site].id());
        removed->set_reason("completed");
        emit(std::move(event));
        --m_kindCounts[std::size_t(task.kind)];
        m_tasks.erase(it);
    }
}

void Simulation::admitTask(TaskRecord&& task)
{
    auto& stored = m_tasks.emplace(task.number, std::move(task)).first->second;
    if (canStart(stored)) {
        stored.startedMs = m_nowMs;
        stored.expectedEndMs = m_nowMs + stored.durationMs;
        runTask(stored);
    } else {
        enqueueTask(stored);
    }
    ++m_kindCounts[std::size_t(stored.kind)];
    emitTask(stored);
}

void Simulation::submitTasks(double seconds)
{
    if (seconds <= 0)
        return;
    const double target = scaleTargets(m_options.scale).tasks;
    // Work is submitted mostly in business hours on workdays; the daily mean of this factor is about 1.
    const double submission = 0.5 + demandAt(m_nowMs, false);
    const Steering steering = scenarioSteering();
    for (const auto kind : TaskFactory::kinds()) {
        const double standing = target * m_factory->populationShare(kind);
        const double feedback = std::clamp(standing / std::max(1.0, double(m_kindCounts[std::size_t(kind)])), 0.5, 2.0);
        const double rate = standing / m_factory->meanDurationSeconds(kind) * submission * feedback;
        const auto arrivals = m_random.poisson(rate * seconds);
        for (std::uint32_t i = 0; i < arrivals; ++i)
            admitTask(m_factory->create(m_random, m_nextTaskNumber++, kind, m_nowMs, m_sites, steering));
    }
}

void Simulation::startQueuedTasks()
{
    for (auto it = m_sitesWithQueue.begin(); it != m_sitesWithQueue.end();) {
        const std::uint32_t s = *it;
        auto& site = m_sites[s];
        const bool online = m_topology.sites[s].status() == cpn::v1::SITE_STATUS_ONLINE;
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
                task.startedMs = m_nowMs;
                task.expectedEndMs = m_nowMs + task.durationMs;
                runTask(task);
                emitTask(task);
            } else {
                waiting.push_back(number);
            }
        }
        site.queue = std::move(waiting);
        it = site.queue.empty() ? m_sitesWithQueue.erase(it) : std::next(it);
    }
}

bool Simulation::canStart(const TaskRecord& task) const
{
    return m_topology.sites[task.site].status() == cpn::v1::SITE_STATUS_ONLINE
        && m_sites[task.site].freeCards(task.architecture) >= task.cards;
}

void Simulation::addToSiteLoad(std::uint32_t site, const TaskRecord& task, int sign)
{
    auto& slot = m_sites[site].slots[std::size_t(task.architecture)];
    auto& pflops = slot.pflopsByKind[std::size_t(task.kind)];
    pflops = std::max(0.0, pflops + sign * task.pflops());
    if (sign > 0) {
        slot.used += task.cards;
        ++m_sites[site].running;
    } else {
        slot.used -= std::min(slot.used, task.cards);
        m_sites[site].running -= std::min<std::uint32_t>(m_sites[site].running, 1);
    }
}

void Simulation::runTask(TaskRecord& task)
{
    addToSiteLoad(task.site, task, +1);
    task.state = cpn::v1::TASK_STATE_RUNNING;
    m_endings.push({ task.expectedEndMs, task.number });
}

void Simulation::releaseTask(TaskRecord& task)
{
    if (task.state == cpn::v1::TASK_STATE_QUEUED) {
        removeFromQueue(task);
        return;
    }
    addToSiteLoad(task.site, task, -1);
}

void Simulation::enqueueTask(TaskRecord& task)
{
    task.state = cpn::v1::TASK_STATE_QUEUED;
    task.startedMs = 0;
    auto& site = m_sites[task.site];
    site.queue.push_back(task.number);
    ++site.queued;
    m_sitesWithQueue.insert(task.site);
}

void Simulation::removeFromQueue(TaskRecord& task)
{
    auto& site = m_sites[task.site];
    site.queued -= std::min<std::uint32_t>(site.queued, 1);
    // The queue entry goes stale and is dropped by the next startQueuedTasks().
}

cpn::v1::Task Simulation::taskProto(const TaskRecord& task) const
{
    cpn::v1::Task t;
    t.set_id(taskIdOf(task.number));
    t.set_name(task.name);
    t.set_kind(task.kind);
    t.set_state(task.state);
    t.set_site_id(m_topology.sites[task.site].id());
    t.set_architecture(task.architecture);
    t.set_cards(task.cards);
    t.set_pflops(task.pflops());
    if (task.usersSite >= 0)
        t.set_users_site_id(m_topology.sites[std::size_t(task.usersSite)].id());
    t.set_latency_slo_ms(task.latencySloMs);
    for (std::uint32_t r = 0; r < m_topology.regions.size(); ++r)
        if (task.regionMask & (1u << r))
            t.add_allowed_region_ids(m_topology.regions[r].id());
    t.set_data_gb(task.dataGb);
    t.set_submitted_time_ms(task.submittedMs);
    t.set_expected_end_time_ms(
        task.state == cpn::v1::TASK_STATE_QUEUED ? m_nowMs + task.durationMs : task.expectedEndMs);
    double progress = 0;
    if (task.state != cpn::v1::TASK_STATE_QUEUED && task.startedMs > 0 && task.expectedEndMs > task.startedMs)
        progress = double(m_nowMs - task.startedMs) / double(task.expectedEndMs - task.startedMs);
    t.set_progress(std::clamp(progress, 0.0, 1.0));
    t.set_tenant(m_factory->tenantName(task.tenant));
    return t;
}

void Simulation::emit(cpn::v1::WatchEvent event)
{
    event.set_sim_time_ms(m_nowMs);
    m_pending.push_back(std::move(event));
}

void Simulation::emitTask(const TaskRecord& task)
{
    cpn::v1::WatchEvent event;
    *event.mutable_task() = taskProto(task);
    emit(std::move(event));
}

void Simulation::emitSite(std::uint32_t site)
{
    cpn::v1::WatchEvent event;
    *event.mutable_site() = m_topology.sites[site];
    emit(std::move(event));
}

void Simulation::flushEvents()
{
    if (!m_pending.empty())
        m_events.append(std::move(m_pending));
    m_pending.clear();
}

const TaskRecord* Simulation::taskById(const std::string& id) const
{
    std::uint64_t number = 0;
    if (!parseTaskId(id, &number))
        return nullptr;
    auto it = m_tasks.find(number);
    return it == m_tasks.end() ? nullptr : &it->second;
}

TaskRecord* Simulation::taskById(const std::string& id)
{
    return const_cast<TaskRecord*>(std::as_const(*this).taskById(id));
}

std::optional<std::uint32_t> Simulation::siteIndex(const std::string& id) const
{
    auto it = m_siteIndex.find(id);
    if (it == m_siteIndex.end())
        return std::nullopt;
    return it->second;
}

std::optional<cpn::v1::Task> Simulation::findTask(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    const TaskRecord* task = taskById(id);
    if (!task)
        return std::nullopt;
    return taskProto(*task);
}

std::optional<cpn::v1::Migration> Simulation::findMigration(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_migrations.find(id);
    if (it == m_migrations.end())
        return std::nullopt;
    return it->second.proto;
}

std::string Simulation::checkInvariants() const
{
    std::lock_guard lock(m_mutex);
    std::ostringstream problems;
    // Recount cards from the tasks and migrations, and compare with the running totals.
    std::vector<std::array<std::uint64_t, kArchitectureSlots>> used(m_sites.size()), reserved(m_sites.size());
    std::vector<std::uint32_t> queued(m_sites.size(), 0);
    for (const auto& [number, task] : m_tasks) {
        if (task.state == cpn::v1::TASK_STATE_QUEUED)
            ++queued[task.site];
        else if (task.state == cpn::v1::TASK_STATE_RUNNING)
            used[task.site][std::size_t(task.architecture)] += task.cards;
        else if (task.state == cpn::v1::TASK_STATE_MIGRATING) {
            auto m = m_migrations.find(task.migrationId);
            if (m == m_migrations.end())
                problems << taskIdOf(number) << " migrating without a migration; ";
            else if (!m->second.taskWasQueued)
                used[task.site][std::size_t(task.architecture)] += task.cards;
        }
    }
    for (const auto& id : m_activeMigrations) {
        const auto& m = m_migrations.at(id);
        const auto& task = m_tasks.at(m.task);
        reserved[m.target][std::size_t(task.architecture)] += task.cards;
    }
    for (std::size_t s = 0; s < m_sites.size(); ++s) {
        const auto& id = m_topology.sites[s].id();
        for (std::size_t a = 0; a < kArchitectureSlots; ++a) {
            const auto& slot = m_sites[s].slots[a];
            if (std::uint64_t(slot.used) + slot.reserved > slot.installed)
                problems << id << " arch " << a << " over capacity; ";
            if (slot.used != used[s][a] || slot.reserved != reserved[s][a])
                problems << id << " arch " << a << " card count drifted; ";
        }
        if (m_sites[s].queued != queued[s])
            problems << id << " queue count drifted; ";
    }
    for (const auto& m : m_lastMetrics.sites()) {
        if (!(m.utilisation() >= 0 && m.utilisation() <= 1))
            problems << m.site_id() << " utilisation " << m.utilisation() << "; ";
        for (const auto& use : m.usage())
            if (!(use.utilisation() >= 0 && use.utilisation() <= 1 && use.pflops_used() >= 0))
                problems << m.site_id() << " accelerator utilisation " << use.utilisation() << "; ";
    }
    for (std::size_t l = 0; l < std::size_t(m_lastMetrics.links_size()); ++l) {
        const auto& m = m_lastMetrics.links(int(l));
        const double capacity = m_topology.links[l].capacity_gbps();
        if (!(m.utilisation() >= 0 && m.utilisation() <= 1) || m.throughput_ab_gbps() < 0 || m.throughput_ba_gbps() < 0
            || m.throughput_ab_gbps() > capacity + 1e-6 || m.throughput_ba_gbps() > capacity + 1e-6)
            problems << m.link_id() << " throughput out of range; ";
    }
    return problems.str();
}

} // namespace cpn::mock
