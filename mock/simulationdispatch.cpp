// Simulation: the dispatch side (plans, migrations and their progress, site drains, alarm acks).

#include "simulation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace cpn::mock {

namespace {

constexpr double kMinSpareGbps = 1.0;          // a link with less spare cannot carry a transfer
constexpr double kMigrationShareOfSpare = 0.8; // a transfer leaves some headroom on its path
constexpr double kMaxMigrationGbps = 200.0;
constexpr double kMaxTransferSeconds = 300.0; // larger data sets are pre-staged; the rest moves
constexpr double kTypicalDrawShare = 0.8;     // task power draw over its cards' rated power
constexpr double kGridCarbonKgPerKwh = 0.581; // China grid average emission factor
constexpr std::uint32_t kDefaultDrainConcurrency = 4;
constexpr std::uint32_t kMaxDrainConcurrency = 64;
constexpr int kDrainCandidatesTried = 24;
constexpr std::size_t kFinishedMigrationsKept = 1000;

const char* architectureName(cpn::v1::Architecture a)
{
    switch (a) {
    case cpn::v1::ARCHITECTURE_NVIDIA_GPU:
        return "NVIDIA GPU";
    case cpn::v1::ARCHITECTURE_ASCEND:
        return "Ascend";
    case cpn::v1::ARCHITECTURE_HYGON_DCU:
        return "Hygon DCU";
    case cpn::v1::ARCHITECTURE_CAMBRICON_MLU:
        return "Cambricon MLU";
    case cpn::v1::ARCHITECTURE_KUNLUNXIN:
        return "Kunlunxin";
    case cpn::v1::ARCHITECTURE_CPU:
        return "CPU";
    default:
        return "unknown";
    }
}

std::string fixed(double value, int decimals = 1)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
    return buffer;
}

bool isFinished(cpn::v1::MigrationState state)
{
    return state == cpn::v1::MIGRATION_STATE_COMPLETED || state == cpn::v1::MIGRATION_STATE_FAILED
        || state == cpn::v1::MIGRATION_STATE_CANCELLED || state == cpn::v1::MIGRATION_STATE_ROLLED_BACK;
}

// Seconds to checkpoint at the source and to restore at the target, and the downtime, by kind.
struct Phases {
    double checkpoint = 1;
    double restore = 5;
    double downtime(double transfer) const { return checkpoint + transfer + restore; }
};

Phases phasesFor(const TaskRecord& task)
{
    switch (task.kind) {
    case cpn::v1::TASK_KIND_TRAINING:
        return { std::min(90.0, 20 + task.dataGb / 500), std::min(90.0, 30 + task.dataGb / 500) };
    case cpn::v1::TASK_KIND_SCIENTIFIC:
        return { 15, 15 };
    case cpn::v1::TASK_KIND_INFERENCE:
        return { 2, 8 };
    case cpn::v1::TASK_KIND_RENDERING:
        return { 2, 5 };
    case cpn::v1::TASK_KIND_STORAGE:
        return { 1, 2 };
    default:
        return { 1, 5 };
    }
}

double downtimeFor(const TaskRecord& task, const Phases& phases, double transferSeconds)
{
    switch (task.kind) {
    case cpn::v1::TASK_KIND_INFERENCE:
        return 0.5; // a new replica warms up at the target, then traffic switches over
    case cpn::v1::TASK_KIND_STORAGE:
        return 1.0; // replicate, then switch
    default:
        return phases.downtime(transferSeconds); // stop at a checkpoint (batch: requeue) and resume there
    }
}

} // namespace

grpc::Status Simulation::resolveMove(
    const std::string& taskId, const std::string& targetId, const TaskRecord** task, std::uint32_t* target) const
{
    if (taskId.empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "task_id is empty" };
    if (targetId.empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "target_site_id is empty" };
    *task = taskById(taskId);
    if (!*task)
        return { grpc::StatusCode::NOT_FOUND, "unknown task_id " + taskId };
    const auto site = siteIndex(targetId);
    if (!site)
        return { grpc::StatusCode::NOT_FOUND, "unknown target_site_id " + targetId };
    if (*site == (*task)->site)
        return { grpc::StatusCode::INVALID_ARGUMENT, "task " + taskId + " already runs at " + targetId };
    *target = *site;
    return grpc::Status::OK;
}

double Simulation::spareGbps(const Hop& hop) const
{
    const auto& link = m_links[hop.link];
    const double used = hop.forward ? link.throughputAbGbps : link.throughputBaGbps;
    return std::max(0.0, m_topology.links[hop.link].capacity_gbps() - used);
}

double Simulation::transferRateGbps(const Route& route) const
{
    double spare = kMaxMigrationGbps / kMigrationShareOfSpare;
    for (const auto& hop : route.hops)
        spare = std::min(spare, spareGbps(hop));
    return std::max(0.0, spare * kMigrationShareOfSpare);
}

Route Simulation::transferRoute(std::uint32_t from, std::uint32_t to) const
{
    return shortestRoute(m_graph, from, to, [&](const Hop& hop) {
        const auto& link = m_topology.links[hop.link];
        if (link.status() == cpn::v1::LINK_STATUS_DOWN || spareGbps(hop) < kMinSpareGbps)
            return -1.0;
        return link.latency_ms();
    });
}

double Simulation::usersLatencyMs(const TaskRecord& task, std::uint32_t site) const
{
    if (task.usersSite < 0)
        return 0;
    const auto route = shortestRoute(m_graph, std::uint32_t(task.usersSite), site, [&](const Hop& hop) {
        const auto& link = m_topology.links[hop.link];
        return link.status() == cpn::v1::LINK_STATUS_DOWN ? -1.0 : link.latency_ms();
    });
    return route.found ? route.cost : kUnreachable;
}

Simulation::PlanOutcome Simulation::plan(const TaskRecord& task, std::uint32_t target) const
{
    PlanOutcome out;
    auto& p = out.plan;
    const std::uint32_t source = task.site;
    const auto& sourceSite = m_topology.sites[source];
    const auto& targetSite = m_topology.sites[target];
    const auto arch = task.architecture;
    p.set_task_id(taskIdOf(task.number));
    p.set_source_site_id(sourceSite.id());
    p.set_target_site_id(targetSite.id());
    auto violate = [&](cpn::v1::ViolationCode code, std::string message) {
        auto* v = p.add_violations();
        v->set_code(code);
        v->set_message(std::move(message));
    };

    if (!task.migrationId.empty())
        violate(cpn::v1::VIOLATION_CODE_TASK_BUSY,
            "Task " + p.task_id() + " is already being moved by migration " + task.migrationId + ".");
    if (targetSite.status() == cpn::v1::SITE_STATUS_MAINTENANCE || targetSite.status() == cpn::v1::SITE_STATUS_OFFLINE)
        violate(cpn::v1::VIOLATION_CODE_TARGET_UNAVAILABLE,
            targetSite.name_en() + " is "
                + (targetSite.status() == cpn::v1::SITE_STATUS_OFFLINE ? "offline" : "in maintenance")
                + " and takes no new work.");
    const auto& slot = m_sites[target].slots[std::size_t(arch)];
    if (slot.installed == 0)
        violate(cpn::v1::VIOLATION_CODE_ARCHITECTURE_MISMATCH,
            targetSite.name_en() + " has no " + architectureName(arch) + " cards; the task needs "
                + architectureName(arch) + ".");
    else if (slot.freeCards() < task.cards)
        violate(cpn::v1::VIOLATION_CODE_INSUFFICIENT_CAPACITY,
            targetSite.name_en() + " has " + std::to_string(slot.freeCards()) + " free " + architectureName(arch)
                + " cards; the task needs " + std::to_string(task.cards) + ".");
    const std::uint32_t targetRegion = m_topology.siteRegion[target];
    if (task.regionMask != 0 && (task.regionMask & (1u << targetRegion)) == 0) {
        std::string allowed;
        for (std::uint32_t r = 0; r < m_topology.regions.size(); ++r)
            if (task.regionMask & (1u << r))
                allowed += (allowed.empty() ? "" : ", ") + m_topology.regions[r].name_en();
        violate(cpn::v1::VIOLATION_CODE_DATA_RESIDENCY,
            "The task's data must stay in " + allowed + "; " + targetSite.name_en() + " is in "
                + m_topology.regions[targetRegion].name_en() + ".");
    }
    const double before = usersLatencyMs(task, source);
    const double after = usersLatencyMs(task, target);
    p.set_latency_ms_before(std::isfinite(before) ? before : 0);
    p.set_latency_ms_after(std::isfinite(after) ? after : 0);
    if (task.latencySloMs > 0 && task.usersSite >= 0 && after > task.latencySloMs) {
        const auto& users = m_topology.sites[std::size_t(task.usersSite)].name_en();
        violate(cpn::v1::VIOLATION_CODE_LATENCY_SLO,
            std::isfinite(after) ? "Users at " + users + " would be " + fixed(after) + " ms from "
                    + targetSite.name_en() + "; the latency SLO is " + fixed(task.latencySloMs, 0) + " ms."
                                 : "No path from the users at " + users + " to " + targetSite.name_en() + ".");
    }

    const Route route = transferRoute(source, target);
    const Phases phases = phasesFor(task);
    out.checkpointSeconds = phases.checkpoint;
    out.restoreSeconds = phases.restore;
    if (!route.found) {
        violate(cpn::v1::VIOLATION_CODE_NO_ROUTE,
            "No path from " + sourceSite.name_en() + " to " + targetSite.name_en() + " has spare bandwidth.");
    } else {
        out.path = route.hops;
        out.rateGbps = transferRateGbps(route);
        for (const auto& hop : route.hops)
            p.add_path_link_ids(m_topology.links[hop.link].id());
        const double transferGb = std::min(task.dataGb, out.rateGbps * kMaxTransferSeconds / 8);
        const double transferSeconds = out.rateGbps > 0 ? transferGb * 8 / out.rateGbps : 0;
        p.set_transfer_gb(transferGb);
        p.set_transfer_seconds(transferSeconds);
        out.downtimeSeconds = downtimeFor(task, phases, transferSeconds);
        p.set_downtime_seconds(out.downtimeSeconds);
        for (const auto& hop : route.hops) {
            const auto& link = m_links[hop.link];
            const double capacity = m_topology.links[hop.link].capacity_gbps();
            auto* load = p.add_projected_link_loads();
            load->set_entity_id(m_topology.links[hop.link].id());
            load->set_utilisation_before(link.utilisation);
            load->set_utilisation_after(
                std::max(link.throughputAbGbps + (hop.forward ? out.rateGbps : 0),
                    link.throughputBaGbps + (hop.forward ? 0 : out.rateGbps))
                / capacity);
        }
    }

    // Electricity and carbon per hour at each end, at the sites' current PUE, price and green share.
    const double kilowatts = task.cards * kilowattsPerCard(arch) * kTypicalDrawShare;
    const auto& sourceMetrics = m_lastMetrics.sites(int(source));
    const auto& targetMetrics = m_lastMetrics.sites(int(target));
    auto cost = [&](const cpn::v1::SiteMetrics& m) { return kilowatts * m.pue() * m.price_cny_per_kwh(); };
    auto carbon = [&](const cpn::v1::SiteMetrics& m) {
        return kilowatts * m.pue() * (1 - m.green_share()) * kGridCarbonKgPerKwh;
    };
    p.set_cost_delta_cny_per_hour(cost(targetMetrics) - cost(sourceMetrics));
    p.set_carbon_delta_kg_per_hour(carbon(targetMetrics) - carbon(sourceMetrics));

    auto installedPflops = [&](std::uint32_t s) {
        double sum = 0;
        for (const auto& c : m_topology.sites[s].capacity())
            sum += c.pflops();
        return std::max(sum, 1e-9);
    };
    const bool holdsCards = task.state != cpn::v1::TASK_STATE_QUEUED;
    auto* sourceLoad = p.add_projected_site_loads();
    sourceLoad->set_entity_id(sourceSite.id());
    sourceLoad->set_utilisation_before(m_sites[source].utilisation);
    sourceLoad->set_utilisation_after(
        std::max(0.0, m_sites[source].utilisation - (holdsCards ? task.pflops() / installedPflops(source) : 0)));
    auto* targetLoad = p.add_projected_site_loads();
    targetLoad->set_entity_id(targetSite.id());
    targetLoad->set_utilisation_before(m_sites[target].utilisation);
    targetLoad->set_utilisation_after(m_sites[target].utilisation + task.pflops() / installedPflops(target));

    p.set_feasible(p.violations_size() == 0);
    return out;
}

grpc::Status Simulation::planMigration(const cpn::v1::PlanMigrationRequest& request, cpn::v1::MigrationPlan* plan) const
{
    std::lock_guard lock(m_mutex);
    const TaskRecord* task = nullptr;
    std::uint32_t target = 0;
    if (auto status = resolveMove(request.task_id(), request.target_site_id(), &task, &target); !status.ok())
        return status;
    *plan = this->plan(*task, target).plan;
    return grpc::Status::OK;
}

grpc::Status Simulation::startMigration(
    const cpn::v1::StartMigrationRequest& request, const std::string& requestedBy, cpn::v1::Migration* migration)
{
    if (request.request_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "request_id is empty: give each start its own idempotency key" };
    std::lock_guard lock(m_mutex);
    if (auto it = m_migrationByRequest.find(request.request_id()); it != m_migrationByRequest.end()) {
        const auto& existing = m_migrations.at(it->second).proto;
        if (existing.task_id() != request.task_id() || existing.target_site_id() != request.target_site_id())
            return { grpc::StatusCode::INVALID_ARGUMENT,
                "request_id " + request.request_id() + " was already used for migration " + existing.id()
                    + " of task " + existing.task_id() + " to " + existing.target_site_id() };
        *migration = existing;
        return grpc::Status::OK;
    }
    const TaskRecord* found = nullptr;
    std::uint32_t target = 0;
    if (auto status = resolveMove(request.task_id(), request.target_site_id(), &found, &target); !status.ok())
        return status;
    PlanOutcome outcome = plan(*found, target);
    if (!outcome.plan.feasible()) {
        std::string message = "cannot move " + request.task_id() + " to " + request.target_site_id() + ":";
        for (const auto& v : outcome.plan.violations())
            message += " " + cpn::v1::ViolationCode_Name(v.code()).substr(15) + ": " + v.message();
        return { grpc::StatusCode::FAILED_PRECONDITION, message, outcome.plan.SerializeAsString() };
    }
    TaskRecord& task = m_tasks.at(found->number);
    auto& m = createMigration(task, target, std::move(outcome), request.request_id(), request.reason(), requestedBy);
    beginMigration(m);
    m_migrationByRequest.emplace(request.request_id(), m.proto.id());
    *migration = m.proto;
    flushEvents();
    return grpc::Status::OK;
}

grpc::Status Simulation::cancelMigration(const cpn::v1::CancelMigrationRequest& request, cpn::v1::Migration* migration)
{
    if (request.migration_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "migration_id is empty" };
    std::lock_guard lock(m_mutex);
    auto it = m_migrations.find(request.migration_id());
    if (it == m_migrations.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown migration_id " + request.migration_id() };
    MigrationRecord& m = it->second;
    if (isFinished(m.proto.state()))
        return { grpc::StatusCode::FAILED_PRECONDITION,
            "migration " + m.proto.id() + " has already finished ("
                + cpn::v1::MigrationState_Name(m.proto.state()).substr(16) + ")" };
    abandonMigration(m);
    finishMigration(m, cpn::v1::MIGRATION_STATE_CANCELLED);
    *migration = m.proto;
    flushEvents();
    return grpc::Status::OK;
}

Simulation::MigrationRecord& Simulation::createMigration(TaskRecord& task, std::uint32_t target,
    PlanOutcome&& outcome, const std::string& requestId, const std::string& reason, const std::string& requestedBy)
{
    char id[32];
    std::snprintf(id, sizeof id, "mig-%06llu", static_cast<unsigned long long>(m_nextMigrationNumber++));
    MigrationRecord m;
    m.task = task.number;
    m.source = task.site;
    m.target = target;
    m.path = std::move(outcome.path);
    m.rateGbps = outcome.rateGbps;
    m.checkpointSeconds = outcome.checkpointSeconds;
    m.restoreSeconds = outcome.restoreSeconds;
    m.downtimeSeconds = outcome.downtimeSeconds;
    auto& p = m.proto;
    p.set_id(id);
    p.set_request_id(requestId);
    p.set_task_id(taskIdOf(task.number));
    p.set_source_site_id(m_topology.sites[task.site].id());
    p.set_target_site_id(m_topology.sites[target].id());
    p.set_state(cpn::v1::MIGRATION_STATE_PLANNED);
    *p.mutable_path_link_ids() = outcome.plan.path_link_ids();
    p.set_bytes_total(std::uint64_t(std::llround(outcome.plan.transfer_gb() * 1e9)));
    p.set_created_time_ms(m_nowMs);
    p.set_updated_time_ms(m_nowMs);
    p.set_reason(reason);
    p.set_requested_by(requestedBy);
    m_sites[target].slots[std::size_t(task.architecture)].reserved += task.cards;
    task.migrationId = id;
    m_activeMigrations.insert(id);
    updateEta(m);
    return m_migrations.emplace(id, std::move(m)).first->second;
}

void Simulation::beginMigration(MigrationRecord& m)
{
    TaskRecord& task = m_tasks.at(m.task);
    if (task.state == cpn::v1::TASK_STATE_QUEUED) {
        removeFromQueue(task);
        m.taskWasQueued = true;
    }
    task.state = cpn::v1::TASK_STATE_MIGRATING;
    emitTask(task);
    m.proto.set_state(cpn::v1::MIGRATION_STATE_CHECKPOINTING);
    m.phaseLeftSeconds = m.checkpointSeconds;
    emitMigration(m);
}

void Simulation::advanceMigrations(double seconds)
{
    const std::vector<std::string> ids(m_activeMigrations.begin(), m_activeMigrations.end());
    for (const auto& id : ids) {
        MigrationRecord& m = m_migrations.at(id);
        double left = seconds;
        bool progressed = false;
        while (left > 0 && !isFinished(m.proto.state())) {
            const auto state = m.proto.state();
            if (state == cpn::v1::MIGRATION_STATE_CHECKPOINTING || state == cpn::v1::MIGRATION_STATE_RESTORING) {
                const double take = std::min(left, m.phaseLeftSeconds);
                m.phaseLeftSeconds -= take;
                left -= take;
                if (m.phaseLeftSeconds > 1e-9) {
                    progressed = true;
                    break;
                }
                if (state == cpn::v1::MIGRATION_STATE_RESTORING) {
                    completeMove(m);
                } else {
                    m.proto.set_state(cpn::v1::MIGRATION_STATE_TRANSFERRING);
                    setOnLinks(m, true);
                    emitMigration(m);
                }
                progressed = false;
            } else if (state == cpn::v1::MIGRATION_STATE_TRANSFERRING) {
                const double bytesPerSecond = m.rateGbps * 1e9 / 8;
                const double remaining = double(m.proto.bytes_total()) - m.bytesDone;
                const double need = bytesPerSecond > 0 ? remaining / bytesPerSecond : 0;
                if (need > left) {
                    m.bytesDone += left * bytesPerSecond;
                    left = 0;
                    progressed = true;
                    break;
                }
                left -= need;
                m.bytesDone = double(m.proto.bytes_total());
                setOnLinks(m, false);
                m.proto.set_state(cpn::v1::MIGRATION_STATE_RESTORING);
                m.phaseLeftSeconds = m.restoreSeconds;
                emitMigration(m);
                progressed = false;
            } else {
                break; // PLANNED: waits for its drain to start it
            }
        }
        if (progressed)
            emitMigration(m);
    }
}

void Simulation::completeMove(MigrationRecord& m)
{
    TaskRecord& task = m_tasks.at(m.task);
    if (!m.taskWasQueued)
        addToSiteLoad(m.source, task, -1);
    auto& reserved = m_sites[m.target].slots[std::size_t(task.architecture)].reserved;
    reserved -= std::min(reserved, task.cards);
    task.site = m.target;
    task.migrationId.clear();
    if (m.taskWasQueued) {
        task.startedMs = m_nowMs;
        task.expectedEndMs = m_nowMs + task.durationMs;
    } else {
        task.expectedEndMs = std::max(task.expectedEndMs, m_nowMs) + std::llround(m.downtimeSeconds * 1000);
    }
    runTask(task);
    emitTask(task);
    finishMigration(m, cpn::v1::MIGRATION_STATE_COMPLETED);
}

void Simulation::abandonMigration(MigrationRecord& m)
{
    if (m.onLinks)
        setOnLinks(m, false);
    TaskRecord& task = m_tasks.at(m.task);
    auto& reserved = m_sites[m.target].slots[std::size_t(task.architecture)].reserved;
    reserved -= std::min(reserved, task.cards);
    task.migrationId.clear();
    if (task.state == cpn::v1::TASK_STATE_MIGRATING) {
        if (m.taskWasQueued)
            enqueueTask(task);
        else
            task.state = cpn::v1::TASK_STATE_RUNNING;
        emitTask(task);
    }
}

void Simulation::finishMigration(MigrationRecord& m, cpn::v1::MigrationState state, const std::string& failure)
{
    m.proto.set_state(state);
    if (!failure.empty())
        m.proto.set_failure_reason(failure);
    m_activeMigrations.erase(m.proto.id());
    m_finishedMigrations.push_back(m.proto.id());
    while (m_finishedMigrations.size() > kFinishedMigrationsKept)
        m_finishedMigrations.pop_front();
    emitMigration(m);
}

void Simulation::setOnLinks(MigrationRecord& m, bool on)
{
    const double delta = on ? m.rateGbps : -m.rateGbps;
    for (const auto& hop : m.path) {
        auto& link = m_links[hop.link];
        const double capacity = m_topology.links[hop.link].capacity_gbps();
        double& migration = hop.forward ? link.migrationAbGbps : link.migrationBaGbps;
        double& throughput = hop.forward ? link.throughputAbGbps : link.throughputBaGbps;
        migration = std::max(0.0, migration + delta);
        if (migration < 1e-9)
            migration = 0;
        throughput = std::clamp(throughput + delta, 0.0, capacity);
    }
    m.onLinks = on;
}

void Simulation::updateEta(MigrationRecord& m)
{
    const double bytesPerSecond = m.rateGbps * 1e9 / 8;
    const double transfer
        = bytesPerSecond > 0 ? std::max(0.0, double(m.proto.bytes_total()) - m.bytesDone) / bytesPerSecond : 0;
    double eta = 0;
    switch (m.proto.state()) {
    case cpn::v1::MIGRATION_STATE_PLANNED:
        eta = m.checkpointSeconds + transfer + m.restoreSeconds;
        break;
    case cpn::v1::MIGRATION_STATE_CHECKPOINTING:
        eta = m.phaseLeftSeconds + transfer + m.restoreSeconds;
        break;
    case cpn::v1::MIGRATION_STATE_TRANSFERRING:
        eta = transfer + m.restoreSeconds;
        break;
    case cpn::v1::MIGRATION_STATE_RESTORING:
        eta = m.phaseLeftSeconds;
        break;
    default:
        break;
    }
    m.proto.set_eta_seconds(std::round(eta * 10) / 10);
    m.proto.set_bytes_done(std::uint64_t(std::llround(std::min(m.bytesDone, double(m.proto.bytes_total())))));
}

void Simulation::emitMigration(MigrationRecord& m)
{
    m.proto.set_updated_time_ms(m_nowMs);
    updateEta(m);
    cpn::v1::WatchEvent event;
    *event.mutable_migration() = m.proto;
    emit(std::move(event));
}

grpc::Status Simulation::drainSite(
    const cpn::v1::DrainSiteRequest& request, const std::string& requestedBy, cpn::v1::DrainSiteResponse* response)
{
    if (request.request_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "request_id is empty: give each drain its own idempotency key" };
    if (request.site_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "site_id is empty" };
    std::lock_guard lock(m_mutex);
    const auto site = siteIndex(request.site_id());
    if (!site)
        return { grpc::StatusCode::NOT_FOUND, "unknown site_id " + request.site_id() };
    if (auto it = m_drains.find(request.request_id()); it != m_drains.end()) {
        if (it->second.site != *site)
            return { grpc::StatusCode::INVALID_ARGUMENT,
                "request_id " + request.request_id() + " was already used to drain "
                    + m_topology.sites[it->second.site].id() };
        *response = it->second.response;
        for (auto& m : *response->mutable_migrations())
            m = m_migrations.at(m.id()).proto;
        return grpc::Status::OK;
    }

    auto& siteProto = m_topology.sites[*site];
    if (siteProto.status() != cpn::v1::SITE_STATUS_MAINTENANCE) {
        siteProto.set_status(cpn::v1::SITE_STATUS_MAINTENANCE);
        emitSite(*site);
    }
    DrainRecord drain;
    drain.site = *site;
    drain.maxConcurrent = std::min(
        request.max_concurrent() == 0 ? kDefaultDrainConcurrency : request.max_concurrent(), kMaxDrainConcurrency);
    drain.response.set_site_id(siteProto.id());

    // Targets nearest first; each task takes the first that passes every check.
    const auto latency = costsFrom(m_graph, *site, [&](const Hop& hop) {
        const auto& link = m_topology.links[hop.link];
        return link.status() == cpn::v1::LINK_STATUS_DOWN ? -1.0 : link.latency_ms();
    });
    std::vector<std::uint32_t> candidates(m_sites.size());
    std::iota(candidates.begin(), candidates.end(), 0u);
    std::stable_sort(candidates.begin(), candidates.end(),
        [&](std::uint32_t a, std::uint32_t b) { return latency[a] < latency[b]; });
    for (auto& [number, task] : m_tasks) {
        if (task.site != *site || !task.migrationId.empty())
            continue;
        bool placed = false;
        int tried = 0;
        for (const auto c : candidates) {
            if (tried >= kDrainCandidatesTried)
                break;
            if (c == *site || m_topology.sites[c].status() != cpn::v1::SITE_STATUS_ONLINE
                || m_sites[c].freeCards(task.architecture) < task.cards
                || (task.regionMask != 0 && (task.regionMask & (1u << m_topology.siteRegion[c])) == 0))
                continue;
            ++tried;
            PlanOutcome outcome = plan(task, c);
            if (!outcome.plan.feasible())
                continue;
            auto& m = createMigration(task, c, std::move(outcome), request.request_id() + "/" + taskIdOf(number),
                request.reason(), requestedBy);
            m.proto.set_drain_request_id(request.request_id());
            emitMigration(m);
            *drain.response.add_migrations() = m.proto;
            placed = true;
            break;
        }
        if (!placed)
            drain.response.add_unplaced_task_ids(taskIdOf(number));
    }
    auto& stored = m_drains.emplace(request.request_id(), std::move(drain)).first->second;
    advanceDrains();
    *response = stored.response;
    for (auto& m : *response->mutable_migrations())
        m = m_migrations.at(m.id()).proto;
    flushEvents();
    return grpc::Status::OK;
}

void Simulation::advanceDrains()
{
    for (auto& [requestId, drain] : m_drains) {
        std::uint32_t running = 0;
        std::vector<MigrationRecord*> planned;
        for (const auto& entry : drain.response.migrations()) {
            auto& m = m_migrations.at(entry.id());
            if (m.proto.state() == cpn::v1::MIGRATION_STATE_PLANNED)
                planned.push_back(&m);
            else if (!isFinished(m.proto.state()))
                ++running;
        }
        for (auto* m : planned) {
            if (running >= drain.maxConcurrent)
                break;
            // The network has moved on since the plan: route again with today's spare bandwidth.
            const Route route = transferRoute(m->source, m->target);
            const double rate = route.found ? transferRateGbps(route) : 0;
            if (rate <= 0) {
                abandonMigration(*m);
                finishMigration(*m, cpn::v1::MIGRATION_STATE_FAILED, "no path with spare bandwidth when its turn came");
                continue;
            }
            m->path = route.hops;
            m->rateGbps = rate;
            m->proto.clear_path_link_ids();
            for (const auto& hop : route.hops)
                m->proto.add_path_link_ids(m_topology.links[hop.link].id());
            beginMigration(*m);
            ++running;
        }
    }
}

grpc::Status Simulation::acknowledgeAlarm(
    const cpn::v1::AcknowledgeAlarmRequest& request, const std::string& by, cpn::v1::Alarm* alarm)
{
    if (request.alarm_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "alarm_id is empty" };
    std::lock_guard lock(m_mutex);
    auto it = m_alarms.find(request.alarm_id());
    if (it == m_alarms.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown alarm_id " + request.alarm_id() };
    auto& a = it->second;
    a.set_acknowledged(true);
    a.set_acknowledged_by(by);
    a.set_acknowledged_time_ms(m_nowMs);
    a.set_acknowledge_note(request.note());
    cpn::v1::WatchEvent event;
    *event.mutable_alarm() = a;
    emit(std::move(event));
    *alarm = a;
    flushEvents();
    return grpc::Status::OK;
}

} // namespace cpn::mock
