// SlurmEngine, the command side: plans with Slurm's own reasons, starting and cancelling
// migrations, drains and acknowledgements. The migrations' steps are in migrationsteps.cpp.

#include "slurmengine.h"

#include "accelerators.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace cpn::gateway {

namespace {

constexpr std::uint32_t kMaxDrainConcurrency = 64;
constexpr std::int64_t kCancelWaitMs = 20000;

std::string fixed(double v, int decimals = 1)
{
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, v);
    return text;
}

const char* stateName(cpn::v1::MigrationState state)
{
    switch (state) {
    case cpn::v1::MIGRATION_STATE_COMPLETED:
        return "completed";
    case cpn::v1::MIGRATION_STATE_FAILED:
        return "failed";
    case cpn::v1::MIGRATION_STATE_CANCELLED:
        return "cancelled";
    case cpn::v1::MIGRATION_STATE_ROLLED_BACK:
        return "rolled back";
    default:
        return "under way";
    }
}

} // namespace

struct SlurmEngine::PlanContext {
    // Cards promised to migrations not yet running at their target, by site and architecture.
    std::map<std::pair<std::uint32_t, cpn::v1::Architecture>, std::uint32_t> reserved;
};

SlurmEngine::PlanContext SlurmEngine::planContext() const
{
    PlanContext context;
    for (const auto& [id, run] : m_runs)
        if (!run.finished())
            if (const auto it = m_tasks.find(std::stoull("0" + run.jobId)); it != m_tasks.end())
                context.reserved[{ m_siteIndex.at(run.proto.target_site_id()), it->second.architecture() }]
                    += it->second.cards();
    return context;
}

grpc::Status SlurmEngine::checkReachable() const
{
    if (m_reachable)
        return grpc::Status::OK;
    return { grpc::StatusCode::UNAVAILABLE,
        "the Slurm controller does not answer (" + m_unreachableWhy.substr(0, 200)
            + "); commands wait until it is back" };
}

grpc::Status SlurmEngine::resolveMove(
    const std::string& taskId, const std::string& targetId, const cpn::v1::Task** task, std::uint32_t* target) const
{
    if (taskId.empty() || targetId.empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "task_id and target_site_id are required" };
    const auto site = m_siteIndex.find(targetId);
    if (site == m_siteIndex.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown site " + targetId.substr(0, 64) };
    const bool numeric = taskId.size() <= 19 && std::all_of(taskId.begin(), taskId.end(), ::isdigit);
    const auto it = numeric ? m_tasks.find(std::stoull(taskId)) : m_tasks.end();
    if (it == m_tasks.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown task " + taskId.substr(0, 64) };
    if (it->second.site_id() == targetId)
        return { grpc::StatusCode::INVALID_ARGUMENT, "task " + taskId + " is already at " + targetId };
    *task = &it->second;
    *target = site->second;
    return grpc::Status::OK;
}

cpn::v1::MigrationPlan SlurmEngine::plan(
    const cpn::v1::Task& task, std::uint32_t target, const PlanContext& context) const
{
    cpn::v1::MigrationPlan p;
    const std::uint32_t source = m_siteIndex.at(task.site_id());
    const auto& sourceSite = m_sites[source];
    const auto& targetSite = m_sites[target];
    const auto arch = task.architecture();
    p.set_task_id(task.id());
    p.set_source_site_id(sourceSite.id());
    p.set_target_site_id(targetSite.id());
    auto violate = [&](cpn::v1::ViolationCode code, std::string message, const std::string& entity,
                       double value = 0, double threshold = 0, const char* unit = "", std::string detail = {}) {
        auto* v = p.add_violations();
        v->set_code(code);
        v->set_message(std::move(message));
        v->set_entity_id(entity);
        v->set_value(value);
        v->set_threshold(threshold);
        v->set_unit(unit);
        v->set_detail(std::move(detail));
    };
    for (const auto& [id, run] : m_runs)
        if (!run.finished() && run.jobId == task.id())
            violate(cpn::v1::VIOLATION_CODE_TASK_BUSY, "Job " + task.id() + " is already being moved by " + id + ".", id);
    const std::string& partitionState = m_partitionState[target];
    if (targetSite.status() == cpn::v1::SITE_STATUS_OFFLINE || targetSite.status() == cpn::v1::SITE_STATUS_MAINTENANCE
        || partitionState != "UP")
        violate(cpn::v1::VIOLATION_CODE_TARGET_UNAVAILABLE,
            targetSite.name_en() + " takes no new work: partition " + m_config.sites[target].partition + " is "
                + (partitionState.empty() ? "missing" : partitionState)
                + (targetSite.status() == cpn::v1::SITE_STATUS_OFFLINE           ? ", its nodes are down"
                        : targetSite.status() == cpn::v1::SITE_STATUS_MAINTENANCE ? ", its nodes are drained"
                                                                                  : "")
                + ".",
            targetSite.id(), 0, 0, "",
            "partition " + m_config.sites[target].partition + ": " + (partitionState.empty() ? "missing" : partitionState));
    const auto& capacity = m_capacity[target];
    const auto installedIt = capacity.installed.find(arch);
    const std::uint32_t installed = installedIt == capacity.installed.end() ? 0 : installedIt->second;
    const std::string archName = server::architectureMetricName(arch);
    if (installed == 0) {
        violate(cpn::v1::VIOLATION_CODE_ARCHITECTURE_MISMATCH,
            targetSite.name_en() + " has no " + archName + " nodes; the job needs " + archName + ".", targetSite.id());
    } else {
        const auto usedIt = capacity.used.find(arch);
        const auto reservedIt = context.reserved.find({ target, arch });
        const std::uint32_t taken = (usedIt == capacity.used.end() ? 0 : usedIt->second)
            + (reservedIt == context.reserved.end() ? 0 : reservedIt->second);
        const std::uint32_t free = installed > taken ? installed - taken : 0;
        const auto largestIt = capacity.largestFree.find(arch);
        const std::uint32_t largest = largestIt == capacity.largestFree.end() ? 0 : largestIt->second;
        if (free < task.cards() || largest == 0)
            violate(cpn::v1::VIOLATION_CODE_INSUFFICIENT_CAPACITY,
                targetSite.name_en() + " has " + std::to_string(free) + " free " + archName + " cards; the job needs "
                    + std::to_string(task.cards()) + ".",
                targetSite.id(), free, task.cards(), "cards");
    }
    if (task.allowed_region_ids_size() > 0
        && std::find(task.allowed_region_ids().begin(), task.allowed_region_ids().end(), targetSite.region_id())
            == task.allowed_region_ids().end()) {
        std::string allowed;
        for (const auto& r : task.allowed_region_ids())
            allowed += (allowed.empty() ? "" : ", ") + r;
        violate(cpn::v1::VIOLATION_CODE_DATA_RESIDENCY,
            "The job's data must stay in " + allowed + "; " + targetSite.name_en() + " is in "
                + targetSite.region_id() + ".",
            targetSite.region_id());
    }

    const server::HopCost latency = [&](const server::Hop& hop) { return m_config.links[hop.link].latency_ms(); };
    if (!task.users_site_id().empty()) {
        const auto users = m_siteIndex.at(task.users_site_id());
        const auto before = server::shortestRoute(m_graph, users, source, latency);
        const auto after = server::shortestRoute(m_graph, users, target, latency);
        p.set_latency_ms_before(before.found ? before.cost : 0);
        p.set_latency_ms_after(after.found ? after.cost : 0);
        if (task.latency_slo_ms() > 0 && (!after.found || after.cost > task.latency_slo_ms()))
            violate(cpn::v1::VIOLATION_CODE_LATENCY_SLO,
                after.found ? "Users at " + m_sites[users].name_en() + " would be " + fixed(after.cost) + " ms from "
                        + targetSite.name_en() + "; the latency SLO is " + fixed(task.latency_slo_ms(), 0) + " ms."
                            : "No path from the users at " + m_sites[users].name_en() + " to " + targetSite.name_en()
                        + ".",
                m_sites[users].id(), after.found ? after.cost : 0, after.found ? task.latency_slo_ms() : 0,
                after.found ? "ms" : "");
    }

    // The data goes over the lowest-latency path, at the spare bandwidth of its busiest link.
    const auto route = server::shortestRoute(m_graph, source, target, latency);
    double rateGbps = 0;
    if (!route.found) {
        violate(cpn::v1::VIOLATION_CODE_NO_ROUTE,
            "No backbone path joins " + sourceSite.name_en() + " and " + targetSite.name_en() + ".", targetSite.id());
    } else {
        rateGbps = std::numeric_limits<double>::infinity();
        for (const auto& hop : route.hops) {
            const auto& link = m_config.links[hop.link];
            const auto& m = m_linkMetrics[hop.link];
            const double busy = hop.forward ? m.throughput_ab_gbps() : m.throughput_ba_gbps();
            rateGbps = std::min(rateGbps, std::max(link.capacity_gbps() - busy, link.capacity_gbps() * 0.05));
            p.add_path_link_ids(link.id());
        }
        const double seconds = rateGbps > 0 ? task.data_gb() * 8 / rateGbps : 0;
        p.set_transfer_gb(task.data_gb());
        p.set_transfer_seconds(seconds);
        const bool running = task.state() != cpn::v1::TASK_STATE_QUEUED;
        p.set_downtime_seconds(running ? m_options.checkpointGraceMs / 1000.0 + seconds + kRestartSeconds : 0);
        for (const auto& hop : route.hops) {
            const auto& link = m_config.links[hop.link];
            const auto& m = m_linkMetrics[hop.link];
            auto* load = p.add_projected_link_loads();
            load->set_entity_id(link.id());
            load->set_utilisation_before(m.utilisation());
            const double extra = seconds > 0 ? rateGbps : 0;
            load->set_utilisation_after(std::max(m.throughput_ab_gbps() + (hop.forward ? extra : 0),
                                            m.throughput_ba_gbps() + (hop.forward ? 0 : extra))
                / link.capacity_gbps());
        }
    }

    // Electricity and carbon per hour at each end, at the sites' PUE, price and green share.
    auto footprint = [&](std::uint32_t s) {
        const auto& site = m_config.sites[s];
        return server::hourlyFootprint(arch, task.cards(), site.pue, site.priceCnyPerKwh, site.greenShare);
    };
    p.set_cost_delta_cny_per_hour(footprint(target).costCnyPerHour - footprint(source).costCnyPerHour);
    p.set_carbon_delta_kg_per_hour(footprint(target).carbonKgPerHour - footprint(source).carbonKgPerHour);

    auto installedPflops = [&](std::uint32_t s) {
        double sum = 0;
        for (const auto& c : m_sites[s].capacity())
            sum += c.pflops();
        return std::max(sum, 1e-9);
    };
    const bool holdsCards = task.state() != cpn::v1::TASK_STATE_QUEUED;
    auto* sourceLoad = p.add_projected_site_loads();
    sourceLoad->set_entity_id(sourceSite.id());
    sourceLoad->set_utilisation_before(m_siteMetrics[source].utilisation());
    sourceLoad->set_utilisation_after(std::max(
        0.0, m_siteMetrics[source].utilisation() - (holdsCards ? task.pflops() / installedPflops(source) : 0)));
    auto* targetLoad = p.add_projected_site_loads();
    targetLoad->set_entity_id(targetSite.id());
    targetLoad->set_utilisation_before(m_siteMetrics[target].utilisation());
    targetLoad->set_utilisation_after(m_siteMetrics[target].utilisation() + task.pflops() / installedPflops(target));

    p.set_feasible(p.violations_size() == 0);
    return p;
}

grpc::Status SlurmEngine::planMigration(const cpn::v1::PlanMigrationRequest& request, cpn::v1::MigrationPlan* plan) const
{
    cpn::v1::Task task;
    std::string partition;
    {
        std::lock_guard lock(m_mutex);
        if (auto status = checkReachable(); !status.ok())
            return status;
        const cpn::v1::Task* found = nullptr;
        std::uint32_t target = 0;
        if (auto status = resolveMove(request.task_id(), request.target_site_id(), &found, &target); !status.ok())
            return status;
        const PlanContext context = planContext();
        *plan = this->plan(*found, target, context);
        task = *found;
        partition = m_config.sites[target].partition;
    }
    // Short of cards: ask Slurm when such a job could start there (outside the lock: it takes a
    // round trip to the controller).
    for (auto& v : *plan->mutable_violations()) {
        if (v.code() != cpn::v1::VIOLATION_CODE_INSUFFICIENT_CAPACITY)
            continue;
        std::vector<std::string> args { "--test-only", "-p", partition, "-J", "cpn-plan", "--wrap", "true" };
        if (task.architecture() != cpn::v1::ARCHITECTURE_CPU) {
            args.push_back("--gres=gpu:" + std::to_string(task.cards()));
            args.push_back("--constraint=" + std::string(gresTypeOf(task.architecture())));
        }
        const auto result = m_slurm.run("sbatch", args);
        const std::string text = result.err + result.out;
        const auto at = text.find("to start at ");
        if (at != std::string::npos) {
            const auto end = text.find(' ', at + 12);
            const std::string when = text.substr(at + 12, end == std::string::npos ? std::string::npos : end - at - 12);
            v.set_message(v.message() + " Slurm expects it could start there at " + when + ".");
            v.set_detail(when);
        } else if (!result.ok) {
            v.set_message(v.message() + " Slurm could not place it there at all.");
        }
    }
    return grpc::Status::OK;
}

MigrationRun SlurmEngine::newRun(const cpn::v1::Task& task, std::uint32_t target, const cpn::v1::MigrationPlan& plan,
    const std::string& requestId, const std::string& reason, const std::string& actor, std::int64_t nowMs)
{
    MigrationRun run;
    auto& m = run.proto;
    m.set_id("mig-" + std::to_string(m_nextMigration++));
    m_store.saveCounter("next_migration", m_nextMigration); // ids are never given twice, even after a quiet week
    m.set_request_id(requestId);
    m.set_task_id(task.id());
    m.set_source_site_id(task.site_id());
    m.set_target_site_id(m_sites[target].id());
    m.set_state(cpn::v1::MIGRATION_STATE_PLANNED);
    *m.mutable_path_link_ids() = plan.path_link_ids();
    m.set_bytes_total(std::uint64_t(plan.transfer_gb() * 1e9));
    m.set_eta_seconds(plan.downtime_seconds());
    m.set_created_time_ms(nowMs);
    m.set_updated_time_ms(nowMs);
    m.set_reason(reason);
    m.set_requested_by(actor);
    run.phase = Phase::Signal;
    run.jobId = task.id();
    run.sourcePartition = m_config.sites[m_siteIndex.at(task.site_id())].partition;
    run.targetPartition = m_config.sites[target].partition;
    // The job's own constraint, as it was: set again with the move and kept on the way back.
    if (const auto job = m_jobs.find(std::stoull("0" + task.id())); job != m_jobs.end())
        run.feature = job->second.features;
    run.wasPending = task.state() == cpn::v1::TASK_STATE_QUEUED;
    run.phaseSinceMs = nowMs;
    run.transferSeconds = std::min(plan.transfer_seconds(), m_options.maxTransferSeconds);
    return run;
}

void SlurmEngine::publish(MigrationRun& run, std::int64_t nowMs)
{
    run.proto.set_updated_time_ms(nowMs);
    m_store.saveMigration(run);
    emitMigration(run.proto, nowMs);
}

void SlurmEngine::emitMigration(const cpn::v1::Migration& migration, std::int64_t nowMs)
{
    cpn::v1::WatchEvent event;
    event.set_sim_time_ms(nowMs);
    *event.mutable_migration() = migration;
    m_pending.push_back(std::move(event));
}

void SlurmEngine::finish(MigrationRun& run, cpn::v1::MigrationState state, const std::string& why, std::int64_t nowMs)
{
    run.phase = Phase::Done;
    run.proto.set_state(state);
    run.proto.set_eta_seconds(0);
    if (state == cpn::v1::MIGRATION_STATE_COMPLETED)
        run.proto.set_bytes_done(run.proto.bytes_total());
    if (!why.empty())
        run.proto.set_failure_reason(why.substr(0, 1000));
    m_cancelRequested.erase(run.proto.id());
    publish(run, nowMs);
    if (state == cpn::v1::MIGRATION_STATE_FAILED || state == cpn::v1::MIGRATION_STATE_ROLLED_BACK) {
        std::map<std::string, bool> seen;
        raise("MIGRATION_FAILED:" + run.proto.id(), cpn::v1::ALARM_SEVERITY_MAJOR, run.proto.id(), "MIGRATION_FAILED",
            "Moving job " + run.jobId + " from " + run.proto.source_site_id() + " to " + run.proto.target_site_id()
                + " " + stateName(state) + ": " + why,
            nowMs, seen);
    }
}

grpc::Status SlurmEngine::startMigration(
    const cpn::v1::StartMigrationRequest& request, const std::string& actor, cpn::v1::Migration* migration)
{
    if (request.request_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "request_id is required (the idempotency key)" };
    {
        std::lock_guard lock(m_mutex);
        if (const auto answer = m_store.findAnswer("start", request.request_id())) {
            const auto it = m_runs.find(*answer);
            if (it != m_runs.end()) {
                *migration = it->second.proto;
                return grpc::Status::OK;
            }
            for (const auto& run : m_store.loadMigrations())
                if (run.proto.id() == *answer) {
                    *migration = run.proto;
                    return grpc::Status::OK;
                }
            return { grpc::StatusCode::NOT_FOUND,
                "request " + request.request_id() + " started " + *answer + ", which is no longer kept" };
        }
        if (auto status = checkReachable(); !status.ok())
            return status;
        const cpn::v1::Task* task = nullptr;
        std::uint32_t target = 0;
        if (auto status = resolveMove(request.task_id(), request.target_site_id(), &task, &target); !status.ok())
            return status;
        const PlanContext context = planContext();
        const auto plan = this->plan(*task, target, context);
        if (!plan.feasible()) {
            std::string why;
            for (const auto& v : plan.violations())
                why += (why.empty() ? "" : " ") + v.message();
            return { grpc::StatusCode::FAILED_PRECONDITION, why };
        }
        const std::int64_t now = wallMs();
        MigrationRun run = newRun(*task, target, plan, request.request_id(), request.reason(), actor, now);
        m_store.saveCommand({ &run }, "start", request.request_id(), run.proto.id());
        *migration = run.proto;
        emitMigration(run.proto, now);
        m_runs[run.proto.id()] = std::move(run);
        flush();
    }
    wake();
    return grpc::Status::OK;
}

grpc::Status SlurmEngine::cancelMigration(
    const cpn::v1::CancelMigrationRequest& request, const std::string& /*actor*/, cpn::v1::Migration* migration)
{
    std::unique_lock lock(m_mutex);
    const auto it = m_runs.find(request.migration_id());
    if (it == m_runs.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown migration " + request.migration_id().substr(0, 64) };
    auto tooLate = [&]() -> grpc::Status {
        const auto& run = it->second;
        if (run.finished())
            return { grpc::StatusCode::FAILED_PRECONDITION,
                "migration " + run.proto.id() + " has " + stateName(run.proto.state()) };
        if (run.phase == Phase::Restoring || run.phase == Phase::RollingBack)
            return { grpc::StatusCode::FAILED_PRECONDITION,
                "job " + run.jobId + " is already released at " + run.proto.target_site_id()
                    + (run.phase == Phase::RollingBack ? " and going back" : "; it starts there") };
        return grpc::Status::OK;
    };
    if (it->second.proto.state() == cpn::v1::MIGRATION_STATE_CANCELLED) {
        *migration = it->second.proto;
        return grpc::Status::OK;
    }
    if (auto status = tooLate(); !status.ok())
        return status;
    if (auto status = checkReachable(); !status.ok())
        return status;
    // The poll thread puts the job back where it was and says when it is done.
    m_cancelRequested[it->first] = true;
    lock.unlock();
    wake();
    lock.lock();
    const bool settled = m_runChanged.wait_for(lock, std::chrono::milliseconds(kCancelWaitMs),
        [&] { return m_stopped || it->second.finished() || !m_cancelRequested.count(it->first); });
    if (it->second.proto.state() == cpn::v1::MIGRATION_STATE_CANCELLED) {
        *migration = it->second.proto;
        return grpc::Status::OK;
    }
    if (!settled)
        return { grpc::StatusCode::UNAVAILABLE, "Slurm has not yet confirmed the cancel of " + it->first };
    if (auto status = tooLate(); !status.ok())
        return status;
    return { grpc::StatusCode::FAILED_PRECONDITION, "migration " + it->first + " could not be cancelled" };
}

grpc::Status SlurmEngine::drainSite(
    const cpn::v1::DrainSiteRequest& request, const std::string& actor, cpn::v1::DrainSiteResponse* response)
{
    if (request.request_id().empty() && !request.dry_run())
        return { grpc::StatusCode::INVALID_ARGUMENT, "request_id is required (the idempotency key)" };
    std::vector<std::string> nodes;
    std::uint32_t site = 0;
    {
        std::lock_guard lock(m_mutex);
        if (!request.dry_run() && repeatedDrain(request.request_id(), response))
            return grpc::Status::OK;
        if (auto status = checkReachable(); !status.ok())
            return status;
        const auto it = m_siteIndex.find(request.site_id());
        if (it == m_siteIndex.end())
            return { grpc::StatusCode::NOT_FOUND, "unknown site " + request.site_id().substr(0, 64) };
        site = it->second;
        nodes = m_capacity[site].nodes;
    }
    // Drained nodes finish nothing new; their jobs move below.
    if (!request.dry_run() && !nodes.empty()) {
        std::string list;
        for (const auto& n : nodes)
            list += (list.empty() ? "" : ",") + n;
        const auto result = m_slurm.run("scontrol",
            { "update", "NodeName=" + list, "State=DRAIN",
                "Reason=" + std::string(kOurDrainReason) + " by " + actor.substr(0, 100) + ": "
                    + request.reason().substr(0, 200) });
        if (!result.ok)
            return { grpc::StatusCode::UNAVAILABLE, "Slurm refused to drain " + list + ": " + result.describe() };
    }

    std::lock_guard lock(m_mutex);
    // The same request again while this one drained the nodes: its answer, not a second drain.
    if (!request.dry_run() && repeatedDrain(request.request_id(), response))
        return grpc::Status::OK;
    const std::int64_t now = wallMs();
    PlanContext context = planContext();
    // Nearest sites first, so that work stays close to where it was.
    const server::HopCost latency = [&](const server::Hop& hop) { return m_config.links[hop.link].latency_ms(); };
    const auto distance = server::costsFrom(m_graph, site, latency);
    std::vector<std::uint32_t> targets;
    for (std::uint32_t s = 0; s < m_sites.size(); ++s)
        if (s != site)
            targets.push_back(s);
    std::stable_sort(targets.begin(), targets.end(), [&](auto a, auto b) { return distance[a] < distance[b]; });
    // Running jobs first, then the queue; larger jobs first while there is room.
    std::vector<const cpn::v1::Task*> tasks;
    for (const auto& [number, task] : m_tasks)
        if (task.site_id() == m_sites[site].id() && task.state() != cpn::v1::TASK_STATE_MIGRATING)
            tasks.push_back(&task);
    std::stable_sort(tasks.begin(), tasks.end(), [](auto* a, auto* b) {
        const bool ra = a->state() == cpn::v1::TASK_STATE_RUNNING, rb = b->state() == cpn::v1::TASK_STATE_RUNNING;
        return ra != rb ? ra : a->cards() > b->cards();
    });
    const std::uint32_t concurrency = std::min(
        request.max_concurrent() == 0 ? m_options.drainConcurrency : request.max_concurrent(), kMaxDrainConcurrency);
    std::vector<MigrationRun> runs;
    response->set_site_id(m_sites[site].id());
    for (const auto* task : tasks) {
        bool placed = false;
        for (const auto target : targets) {
            const auto p = plan(*task, target, context);
            if (!p.feasible())
                continue;
            context.reserved[{ target, task->architecture() }] += task->cards();
            MigrationRun run = newRun(*task, target, p, request.request_id(), request.reason(), actor, now);
            run.phase = Phase::Waiting;
            run.maxConcurrent = concurrency;
            run.proto.set_drain_request_id(request.request_id());
            if (request.dry_run())
                run.proto.set_id("dry-run-" + std::to_string(runs.size() + 1));
            *response->add_migrations() = run.proto;
            runs.push_back(std::move(run));
            placed = true;
            break;
        }
        if (!placed)
            response->add_unplaced_task_ids(task->id());
    }
    if (request.dry_run()) {
        m_nextMigration -= runs.size();
        return grpc::Status::OK;
    }
    std::vector<const MigrationRun*> saved;
    for (const auto& run : runs)
        saved.push_back(&run);
    m_store.saveCommand(saved, "drain", request.request_id(), response->SerializeAsString());
    for (auto& run : runs) {
        emitMigration(run.proto, now);
        m_runs[run.proto.id()] = std::move(run);
    }
    flush();
    wake();
    return grpc::Status::OK;
}

bool SlurmEngine::repeatedDrain(const std::string& requestId, cpn::v1::DrainSiteResponse* response) const
{
    const auto answer = m_store.findAnswer("drain", requestId);
    if (!answer)
        return false;
    response->Clear();
    response->ParseFromString(*answer);
    for (auto& m : *response->mutable_migrations())
        if (const auto it = m_runs.find(m.id()); it != m_runs.end())
            m = it->second.proto;
    return true;
}

grpc::Status SlurmEngine::acknowledgeAlarm(
    const cpn::v1::AcknowledgeAlarmRequest& request, const std::string& actor, cpn::v1::Alarm* alarm)
{
    std::lock_guard lock(m_mutex);
    for (auto& [key, a] : m_alarms) {
        if (a.id() != request.alarm_id())
            continue;
        const std::int64_t now = wallMs();
        a.set_acknowledged(true);
        a.set_acknowledged_by(actor);
        a.set_acknowledged_time_ms(now);
        a.set_acknowledge_note(request.note());
        m_store.saveAlarm(key, a);
        cpn::v1::WatchEvent event;
        event.set_sim_time_ms(now);
        *event.mutable_alarm() = a;
        m_pending.push_back(std::move(event));
        flush();
        *alarm = a;
        return grpc::Status::OK;
    }
    return { grpc::StatusCode::NOT_FOUND, "unknown alarm " + request.alarm_id().substr(0, 64) };
}

} // namespace cpn::gateway
