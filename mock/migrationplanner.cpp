// MigrationPlanner: checks, route, transfer, costs and projected loads of a move.

#include "migrationplanner.h"

#include "metricsmodel.h"
#include "taskbook.h"

#include "placementrules.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cpn::mock {

namespace {

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
        return { std::min(60.0, 15 + task.dataGb / 1000), std::min(60.0, 20 + task.dataGb / 1000) };
    case cpn::v1::TASK_KIND_SCIENTIFIC:
        return { 15, 15 };
    case cpn::v1::TASK_KIND_INFERENCE:
        return { 5, 25 }; // snapshot the serving state; load the weights and warm up a replica
    case cpn::v1::TASK_KIND_RENDERING:
        return { 5, 10 };
    case cpn::v1::TASK_KIND_STORAGE:
        return { 2, 10 }; // verify the replica before switching
    default:
        return { 5, 15 }; // batch: requeue at the source, resubmit at the target
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

MigrationPlanner::MigrationPlanner(const World& world, const TaskBook& tasks, const MetricsModel& metrics)
    : m_world(world)
    , m_tasks(tasks)
    , m_metrics(metrics)
{ }

grpc::Status MigrationPlanner::resolveMove(
    const std::string& taskId, const std::string& targetId, const TaskRecord** task, std::uint32_t* target) const
{
    if (taskId.empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "task_id is empty" };
    if (targetId.empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "target_site_id is empty" };
    *task = m_tasks.find(taskId);
    if (!*task)
        return { grpc::StatusCode::NOT_FOUND, "unknown task_id " + taskId };
    const auto site = m_world.findSite(targetId);
    if (!site)
        return { grpc::StatusCode::NOT_FOUND, "unknown target_site_id " + targetId };
    if (*site == (*task)->site)
        return { grpc::StatusCode::INVALID_ARGUMENT, "task " + taskId + " already runs at " + targetId };
    *target = *site;
    return grpc::Status::OK;
}

double MigrationPlanner::spareGbps(const Hop& hop) const
{
    const auto& link = m_world.links[hop.link];
    return rules::spareGbps(
        m_world.topology.links[hop.link].capacity_gbps(), hop.forward ? link.throughputAbGbps : link.throughputBaGbps);
}

double MigrationPlanner::transferRateGbps(const Route& route) const
{
    double spare = rules::kUncappedSpareGbps;
    for (const auto& hop : route.hops)
        spare = std::min(spare, spareGbps(hop));
    return rules::transferRateGbps(spare);
}

Route MigrationPlanner::transferRoute(std::uint32_t from, std::uint32_t to, PlanCache* cache) const
{
    if (cache)
        if (auto it = cache->routes.find({ from, to }); it != cache->routes.end())
            return it->second;
    Route route = shortestRoute(m_world.graph, from, to,
        [&](const Hop& hop) { return rules::transferHopCost(m_world.hopLatencyMs(hop), spareGbps(hop)); });
    if (cache)
        cache->routes.emplace(std::make_pair(from, to), route);
    return route;
}

double MigrationPlanner::usersLatencyMs(const TaskRecord& task, std::uint32_t site, PlanCache* cache) const
{
    if (task.usersSite < 0)
        return 0;
    const auto usersSite = std::uint32_t(task.usersSite);
    const HopCost cost = [&](const Hop& hop) { return m_world.hopLatencyMs(hop); };
    if (cache) {
        auto it = cache->latencyFrom.find(usersSite);
        if (it == cache->latencyFrom.end())
            it = cache->latencyFrom.emplace(usersSite, costsFrom(m_world.graph, usersSite, cost)).first;
        return it->second[site];
    }
    const auto route = shortestRoute(m_world.graph, usersSite, site, cost);
    return route.found ? route.cost : kUnreachable;
}

PlanOutcome MigrationPlanner::plan(const TaskRecord& task, std::uint32_t target, PlanCache* cache) const
{
    PlanOutcome out;
    auto& p = out.plan;
    const std::uint32_t source = task.site;
    const auto& sourceSite = m_world.topology.sites[source];
    const auto& targetSite = m_world.topology.sites[target];
    const auto arch = task.architecture;
    p.set_task_id(taskIdOf(task.number));
    p.set_source_site_id(sourceSite.id());
    p.set_target_site_id(targetSite.id());
    auto violate = [&](cpn::v1::ViolationCode code, std::string message, const std::string& entity,
                       double value = 0, double threshold = 0, const char* unit = "") {
        auto* v = p.add_violations();
        v->set_code(code);
        v->set_message(std::move(message));
        v->set_entity_id(entity);
        v->set_value(value);
        v->set_threshold(threshold);
        v->set_unit(unit);
    };

    // The checks are the shared rules' (rules/placementrules.h); the words are the mock's own.
    const auto& slot = m_world.sites[target].slots[std::size_t(arch)];
    const std::uint32_t targetRegion = m_world.topology.siteRegion[target];
    rules::Demand demand;
    demand.cards = task.cards;
    demand.regionMask = task.regionMask;
    demand.usersSite = task.usersSite;
    demand.latencySloMs = task.latencySloMs;
    demand.busy = !task.migrationId.empty();
    rules::TargetFacts facts;
    facts.availability = targetSite.status() == cpn::v1::SITE_STATUS_OFFLINE ? rules::Availability::Offline
        : targetSite.status() == cpn::v1::SITE_STATUS_MAINTENANCE            ? rules::Availability::Maintenance
                                                                              : rules::Availability::Open;
    facts.installedCards = slot.installed;
    facts.freeCards = slot.freeCards();
    facts.region = targetRegion;
    std::vector<rules::Finding> findings;
    rules::checkTarget(demand, facts, findings);
    const double before = usersLatencyMs(task, source, cache);
    const double after = usersLatencyMs(task, target, cache);
    p.set_latency_ms_before(std::isfinite(before) ? before : 0);
    p.set_latency_ms_after(std::isfinite(after) ? after : 0);
    rules::checkLatency(demand, after, findings);

    for (const auto& f : findings) {
        switch (f.code) {
        case rules::Violation::TaskBusy:
            violate(cpn::v1::VIOLATION_CODE_TASK_BUSY,
                "Task " + p.task_id() + " is already being moved by migration " + task.migrationId + ".",
                task.migrationId);
            break;
        case rules::Violation::TargetUnavailable:
            violate(cpn::v1::VIOLATION_CODE_TARGET_UNAVAILABLE,
                targetSite.name_en() + " is "
                    + (targetSite.status() == cpn::v1::SITE_STATUS_OFFLINE ? "offline" : "in maintenance")
                    + " and takes no new work.",
                targetSite.id());
            break;
        case rules::Violation::ArchitectureMismatch:
            violate(cpn::v1::VIOLATION_CODE_ARCHITECTURE_MISMATCH,
                targetSite.name_en() + " has no " + architectureName(arch) + " cards; the task needs "
                    + architectureName(arch) + ".",
                targetSite.id());
            break;
        case rules::Violation::InsufficientCapacity:
            violate(cpn::v1::VIOLATION_CODE_INSUFFICIENT_CAPACITY,
                targetSite.name_en() + " has " + std::to_string(slot.freeCards()) + " free " + architectureName(arch)
                    + " cards; the task needs " + std::to_string(task.cards) + ".",
                targetSite.id(), f.value, f.threshold, "cards");
            break;
        case rules::Violation::DataResidency: {
            std::string allowed;
            for (std::uint32_t r = 0; r < m_world.topology.regions.size(); ++r)
                if (task.regionMask & (1u << r))
                    allowed += (allowed.empty() ? "" : ", ") + m_world.topology.regions[r].name_en();
            violate(cpn::v1::VIOLATION_CODE_DATA_RESIDENCY,
                "The task's data must stay in " + allowed + "; " + targetSite.name_en() + " is in "
                    + m_world.topology.regions[targetRegion].name_en() + ".",
                m_world.topology.regions[targetRegion].id());
            break;
        }
        case rules::Violation::LatencySlo: {
            const auto& usersSite = m_world.topology.sites[std::size_t(task.usersSite)];
            const auto& users = usersSite.name_en();
            const bool reachable = std::isfinite(after);
            violate(cpn::v1::VIOLATION_CODE_LATENCY_SLO,
                reachable ? "Users at " + users + " would be " + fixed(after) + " ms from " + targetSite.name_en()
                        + "; the latency SLO is " + fixed(task.latencySloMs, 0) + " ms."
                          : "No path from the users at " + users + " to " + targetSite.name_en() + ".",
                usersSite.id(), f.value, f.threshold, reachable ? "ms" : "");
            break;
        }
        case rules::Violation::NoRoute:
            break; // checked with the route below
        }
    }

    const Route route = transferRoute(source, target, cache);
    const Phases phases = phasesFor(task);
    out.checkpointSeconds = phases.checkpoint;
    out.restoreSeconds = phases.restore;
    if (!route.found) {
        violate(cpn::v1::VIOLATION_CODE_NO_ROUTE,
            "No path from " + sourceSite.name_en() + " to " + targetSite.name_en() + " has spare bandwidth.",
            targetSite.id());
    } else {
        out.path = route.hops;
        out.rateGbps = transferRateGbps(route);
        for (const auto& hop : route.hops)
            p.add_path_link_ids(m_world.topology.links[hop.link].id());
        const double transferGb = std::min(task.dataGb, out.rateGbps * rules::kMaxTransferSeconds / 8);
        const double transferSeconds = out.rateGbps > 0 ? transferGb * 8 / out.rateGbps : 0;
        p.set_transfer_gb(transferGb);
        p.set_transfer_seconds(transferSeconds);
        out.downtimeSeconds = downtimeFor(task, phases, transferSeconds);
        p.set_downtime_seconds(out.downtimeSeconds);
        for (const auto& hop : route.hops) {
            const auto& link = m_world.links[hop.link];
            const double capacity = m_world.topology.links[hop.link].capacity_gbps();
            auto* load = p.add_projected_link_loads();
            load->set_entity_id(m_world.topology.links[hop.link].id());
            load->set_utilisation_before(link.utilisation);
            load->set_utilisation_after(rules::projectedLinkUtilisation(
                capacity, link.throughputAbGbps, link.throughputBaGbps, hop.forward, out.rateGbps));
        }
    }

    // Electricity and carbon per hour at each end, at the sites' current PUE, price and green share.
    auto footprint = [&](const cpn::v1::SiteMetrics& m) {
        return server::hourlyFootprint(arch, task.cards, m.pue(), m.price_cny_per_kwh(), m.green_share());
    };
    const auto here = footprint(m_metrics.last().sites(int(source)));
    const auto there = footprint(m_metrics.last().sites(int(target)));
    p.set_cost_delta_cny_per_hour(there.costCnyPerHour - here.costCnyPerHour);
    p.set_carbon_delta_kg_per_hour(there.carbonKgPerHour - here.carbonKgPerHour);

    auto installedPflops = [&](std::uint32_t s) {
        double sum = 0;
        for (const auto& c : m_world.topology.sites[s].capacity())
            sum += c.pflops();
        return std::max(sum, 1e-9);
    };
    const bool holdsCards = task.state != cpn::v1::TASK_STATE_QUEUED;
    auto* sourceLoad = p.add_projected_site_loads();
    sourceLoad->set_entity_id(sourceSite.id());
    sourceLoad->set_utilisation_before(m_world.sites[source].utilisation);
    sourceLoad->set_utilisation_after(rules::utilisationAfterLeaving(
        m_world.sites[source].utilisation, task.pflops(), installedPflops(source), holdsCards));
    auto* targetLoad = p.add_projected_site_loads();
    targetLoad->set_entity_id(targetSite.id());
    targetLoad->set_utilisation_before(m_world.sites[target].utilisation);
    targetLoad->set_utilisation_after(
        rules::utilisationAfterArriving(m_world.sites[target].utilisation, task.pflops(), installedPflops(target)));

    p.set_feasible(p.violations_size() == 0);
    return out;
}

} // namespace cpn::mock
