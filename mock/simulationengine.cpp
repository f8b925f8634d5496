// Simulation: the engine's API (each call under the one lock, its events handed to the log
// before it returns), and what tests and tools ask of it.

#include "simulation.h"

#include <sstream>

namespace cpn::mock {

cpn::v1::Snapshot Simulation::snapshot() const
{
    std::lock_guard lock(m_mutex);
    cpn::v1::Snapshot snapshot;
    snapshot.set_revision(m_events.currentRevision());
    snapshot.set_sim_time_ms(m_world.nowMs);
    snapshot.set_time_scale(m_options.timeScale);
    for (const auto& region : m_world.topology.regions)
        *snapshot.add_regions() = region;
    for (const auto& site : m_world.topology.sites)
        *snapshot.add_sites() = site;
    for (const auto& link : m_world.topology.links)
        *snapshot.add_links() = link;
    *snapshot.mutable_site_metrics() = m_metrics.last().sites();
    *snapshot.mutable_link_metrics() = m_metrics.last().links();
    for (const auto& [id, alarm] : m_alarms.all())
        *snapshot.add_alarms() = alarm;
    m_dispatcher.addTo(snapshot);
    snapshot.set_task_count(m_tasks.size());
    snapshot.set_scale(scaleName(m_options.scale));
    return snapshot;
}

grpc::Status Simulation::listTasks(const cpn::v1::ListTasksRequest& request, cpn::v1::ListTasksResponse* response) const
{
    std::lock_guard lock(m_mutex);
    auto status = m_tasks.list(request, response);
    if (status.ok())
        response->set_revision(m_events.currentRevision());
    return status;
}

grpc::Status Simulation::queryHistory(
    const cpn::v1::QueryHistoryRequest& request, cpn::v1::QueryHistoryResponse* response) const
{
    std::unique_lock lock(m_mutex); // released before reading the samples (see MetricHistory)
    HistoryQuery query;
    if (auto status = m_history.resolve(request, &query); !status.ok())
        return status;
    lock.unlock();
    m_history.answer(query, request, response);
    return grpc::Status::OK;
}

// Without the lock: the history has its own, and what it reads of the network does not change.
server::KeptSpan Simulation::keptSpan() const
{
    return m_history.keptSpan();
}

grpc::Status Simulation::metricsAt(std::int64_t timeMs, const MetricsSlices& emit) const
{
    return m_history.metricsAt(timeMs, emit);
}

// The present under the lock (racks, storage, the tasks' PFLOPS by kind); the past without it.
grpc::Status Simulation::capacityReport(const cpn::v1::GetCapacityReportRequest& request,
    cpn::v1::CapacityReport* report, const std::function<bool()>& stop) const
{
    std::vector<NetworkHistory::SiteNow> now(m_world.sites.size());
    std::int64_t generatedMs = 0;
    {
        std::lock_guard lock(m_mutex);
        generatedMs = m_world.nowMs;
        const auto& metrics = m_metrics.last();
        for (std::size_t s = 0; s < now.size(); ++s) {
            auto& site = now[s];
            if (s < std::size_t(metrics.sites_size())) {
                site.racksInUse = metrics.sites(int(s)).racks_in_use();
                site.storageUsedPb = metrics.sites(int(s)).storage_used_pb();
            }
            for (const auto& slot : m_world.sites[s].slots) {
                site.inferencePflops += slot.pflopsByKind[cpn::v1::TASK_KIND_INFERENCE];
                site.trainingPflops += slot.pflopsByKind[cpn::v1::TASK_KIND_TRAINING];
                for (const auto kind : { cpn::v1::TASK_KIND_TRAINING, cpn::v1::TASK_KIND_BATCH,
                         cpn::v1::TASK_KIND_RENDERING, cpn::v1::TASK_KIND_SCIENTIFIC, cpn::v1::TASK_KIND_STORAGE })
                    site.tolerantPflops += slot.pflopsByKind[kind];
            }
        }
    }
    return m_history.capacityReport(request, now, generatedMs, report, stop);
}

grpc::Status Simulation::planMigration(const cpn::v1::PlanMigrationRequest& request, cpn::v1::MigrationPlan* plan) const
{
    std::lock_guard lock(m_mutex);
    return m_dispatcher.plan(request, plan);
}

grpc::Status Simulation::startMigration(
    const cpn::v1::StartMigrationRequest& request, const std::string& requestedBy, cpn::v1::Migration* migration)
{
    std::lock_guard lock(m_mutex);
    auto status = m_dispatcher.start(request, requestedBy, migration);
    flushEvents();
    return status;
}

// Cancelling records no actor: a migration says who started it, and its events say when it ended.
grpc::Status Simulation::cancelMigration(
    const cpn::v1::CancelMigrationRequest& request, const std::string& /*actor*/, cpn::v1::Migration* migration)
{
    std::lock_guard lock(m_mutex);
    auto status = m_dispatcher.cancel(request, migration);
    flushEvents();
    return status;
}

grpc::Status Simulation::drainSite(
    const cpn::v1::DrainSiteRequest& request, const std::string& requestedBy, cpn::v1::DrainSiteResponse* response)
{
    std::lock_guard lock(m_mutex);
    auto status = m_dispatcher.drain(request, requestedBy, response);
    flushEvents();
    return status;
}

grpc::Status Simulation::acknowledgeAlarm(
    const cpn::v1::AcknowledgeAlarmRequest& request, const std::string& by, cpn::v1::Alarm* alarm)
{
    std::lock_guard lock(m_mutex);
    auto status = m_alarms.acknowledge(request, by, alarm);
    flushEvents();
    return status;
}

std::optional<cpn::v1::Task> Simulation::findTask(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    const TaskRecord* task = m_tasks.find(id);
    if (!task)
        return std::nullopt;
    return m_tasks.proto(*task);
}

std::optional<cpn::v1::Migration> Simulation::findMigration(const std::string& id) const
{
    std::lock_guard lock(m_mutex);
    const MigrationRecord* m = m_dispatcher.find(id);
    if (!m)
        return std::nullopt;
    return m->proto;
}

std::string Simulation::checkInvariants() const
{
    std::lock_guard lock(m_mutex);
    std::ostringstream problems;
    // Recount cards from the tasks and migrations, and compare with the running totals.
    std::vector<std::array<std::uint64_t, kArchitectureSlots>> used(m_world.sites.size()),
        reserved(m_world.sites.size());
    std::vector<std::uint32_t> queued(m_world.sites.size(), 0);
    for (const auto& [number, task] : m_tasks.all()) {
        if (task.state == cpn::v1::TASK_STATE_QUEUED)
            ++queued[task.site];
        else if (task.state == cpn::v1::TASK_STATE_RUNNING)
            used[task.site][std::size_t(task.architecture)] += task.cards;
        else if (task.state == cpn::v1::TASK_STATE_MIGRATING) {
            const MigrationRecord* m = m_dispatcher.find(task.migrationId);
            if (!m)
                problems << taskIdOf(number) << " migrating without a migration; ";
            else if (!m->taskWasQueued)
                used[task.site][std::size_t(task.architecture)] += task.cards;
        }
    }
    for (const auto& id : m_dispatcher.active()) {
        const auto& m = *m_dispatcher.find(id);
        const auto& task = m_tasks.all().at(m.task);
        reserved[m.target][std::size_t(task.architecture)] += task.cards;
    }
    for (std::size_t s = 0; s < m_world.sites.size(); ++s) {
        const auto& id = m_world.topology.sites[s].id();
        for (std::size_t a = 0; a < kArchitectureSlots; ++a) {
            const auto& slot = m_world.sites[s].slots[a];
            if (std::uint64_t(slot.used) + slot.reserved > slot.installed)
                problems << id << " arch " << a << " over capacity; ";
            if (slot.used != used[s][a] || slot.reserved != reserved[s][a])
                problems << id << " arch " << a << " card count drifted; ";
        }
        if (m_world.sites[s].queued != queued[s])
            problems << id << " queue count drifted; ";
    }
    for (const auto& m : m_metrics.last().sites()) {
        if (!(m.utilisation() >= 0 && m.utilisation() <= 1))
            problems << m.site_id() << " utilisation " << m.utilisation() << "; ";
        for (const auto& use : m.usage())
            if (!(use.utilisation() >= 0 && use.utilisation() <= 1 && use.pflops_used() >= 0))
                problems << m.site_id() << " accelerator utilisation " << use.utilisation() << "; ";
    }
    for (std::size_t l = 0; l < std::size_t(m_metrics.last().links_size()); ++l) {
        const auto& m = m_metrics.last().links(int(l));
        const double capacity = m_world.topology.links[l].capacity_gbps();
        if (!(m.utilisation() >= 0 && m.utilisation() <= 1) || m.throughput_ab_gbps() < 0 || m.throughput_ba_gbps() < 0
            || m.throughput_ab_gbps() > capacity + 1e-6 || m.throughput_ba_gbps() > capacity + 1e-6)
            problems << m.link_id() << " throughput out of range; ";
    }
    return problems.str();
}

} // namespace cpn::mock
