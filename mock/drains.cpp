// Dispatcher: draining a site (planning where each task goes, then moving them a few at a time).

#include "dispatcher.h"

#include "taskbook.h"

#include <algorithm>
#include <cmath>

namespace cpn::mock {

namespace {

constexpr std::uint32_t kDefaultDrainConcurrency = 4;
constexpr std::uint32_t kMaxDrainConcurrency = 64;
// Targets considered per task: the nearest ones that pass the cheap checks.
constexpr std::size_t kDrainShortlist = 8;
// A drain never fills a target's cards of one architecture beyond this share, so that the work
// spreads out instead of piling onto the nearest site.
constexpr double kDrainMaxAllocation = 0.9;
// How much a millisecond further away weighs against a target's allocation (ratio per ms).
constexpr double kLatencyWeightPerMs = 0.02;
constexpr std::size_t kFinishedDrainsKept = 64;

} // namespace

Dispatcher::DrainPlan Dispatcher::planDrain(std::uint32_t site) const
{
    DrainPlan out;
    PlanCache cache;
    std::vector<double> latency;
    const std::vector<std::uint32_t> candidates = m_world.onlineSitesNearest(site, &latency);

    // Cards this plan has already placed, by (site, architecture): later tasks see them as taken.
    std::map<std::pair<std::uint32_t, std::size_t>, std::uint32_t> placed;
    struct Scored {
        std::uint32_t site;
        double score;
    };
    std::vector<Scored> shortlist;
    for (const auto& [number, task] : m_tasks.all()) {
        if (task.site != site || !task.migrationId.empty())
            continue;
        const auto arch = std::size_t(task.architecture);
        shortlist.clear();
        for (const auto c : candidates) {
            if (shortlist.size() >= kDrainShortlist)
                break;
            const auto& slot = m_world.sites[c].slots[arch];
            if (slot.installed == 0)
                continue;
            const auto it = placed.find({ c, arch });
            const std::uint32_t extra = it == placed.end() ? 0 : it->second;
            const std::uint64_t taken = std::uint64_t(slot.used) + slot.reserved + extra + task.cards;
            const double allocation = double(taken) / slot.installed;
            if (allocation > kDrainMaxAllocation
                || (task.regionMask != 0 && (task.regionMask & (1u << m_world.topology.siteRegion[c])) == 0))
                continue;
            shortlist.push_back({ c, allocation + kLatencyWeightPerMs * latency[c] });
        }
        std::stable_sort(
            shortlist.begin(), shortlist.end(), [](const Scored& a, const Scored& b) { return a.score < b.score; });
        bool done = false;
        for (const auto& candidate : shortlist) {
            PlanOutcome outcome = m_planner.plan(task, candidate.site, &cache);
            if (!outcome.plan.feasible())
                continue;
            placed[{ candidate.site, arch }] += task.cards;
            out.placements.push_back({ number, candidate.site, std::move(outcome) });
            done = true;
            break;
        }
        if (!done)
            out.unplaced.push_back(number);
    }
    return out;
}

grpc::Status Dispatcher::drain(
    const cpn::v1::DrainSiteRequest& request, const std::string& requestedBy, cpn::v1::DrainSiteResponse* response)
{
    if (request.request_id().empty() && !request.dry_run())
        return { grpc::StatusCode::INVALID_ARGUMENT, "request_id is empty: give each drain its own idempotency key" };
    if (request.site_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "site_id is empty" };
    const auto site = m_world.findSite(request.site_id());
    if (!site)
        return { grpc::StatusCode::NOT_FOUND, "unknown site_id " + request.site_id() };
    if (auto it = m_drains.find(request.request_id()); !request.dry_run() && it != m_drains.end()) {
        if (it->second.site != *site)
            return { grpc::StatusCode::INVALID_ARGUMENT,
                "request_id " + request.request_id() + " was already used to drain "
                    + m_world.topology.sites[it->second.site].id() };
        *response = it->second.response;
        for (auto& m : *response->mutable_migrations())
            m = m_migrations.at(m.id()).proto;
        return grpc::Status::OK;
    }

    auto& siteProto = m_world.topology.sites[*site];
    DrainPlan planned = planDrain(*site);
    response->set_site_id(siteProto.id());
    if (request.dry_run()) {
        for (const auto& p : planned.placements) {
            auto* m = response->add_migrations();
            m->set_task_id(taskIdOf(p.task));
            m->set_source_site_id(siteProto.id());
            m->set_target_site_id(m_world.topology.sites[p.target].id());
            m->set_state(cpn::v1::MIGRATION_STATE_PLANNED);
            *m->mutable_path_link_ids() = p.outcome.plan.path_link_ids();
            m->set_bytes_total(std::uint64_t(std::llround(p.outcome.plan.transfer_gb() * 1e9)));
            m->set_eta_seconds(
                p.outcome.checkpointSeconds + p.outcome.plan.transfer_seconds() + p.outcome.restoreSeconds);
            m->set_created_time_ms(m_world.nowMs);
            m->set_updated_time_ms(m_world.nowMs);
            m->set_reason(request.reason());
            m->set_requested_by(requestedBy);
        }
        for (const auto number : planned.unplaced)
            response->add_unplaced_task_ids(taskIdOf(number));
        return grpc::Status::OK;
    }

    if (siteProto.status() != cpn::v1::SITE_STATUS_MAINTENANCE) {
        siteProto.set_status(cpn::v1::SITE_STATUS_MAINTENANCE);
        m_world.emitSite(*site);
    }
    DrainRecord drain;
    drain.site = *site;
    drain.maxConcurrent = std::min(
        request.max_concurrent() == 0 ? kDefaultDrainConcurrency : request.max_concurrent(), kMaxDrainConcurrency);
    drain.response.set_site_id(siteProto.id());
    for (auto& p : planned.placements) {
        TaskRecord& task = m_tasks.at(p.task);
        auto& m = create(task, p.target, std::move(p.outcome), request.request_id() + "/" + taskIdOf(p.task),
            request.reason(), requestedBy);
        m.proto.set_drain_request_id(request.request_id());
        emit(m);
        *drain.response.add_migrations() = m.proto;
    }
    for (const auto number : planned.unplaced)
        drain.response.add_unplaced_task_ids(taskIdOf(number));
    auto& stored = m_drains.emplace(request.request_id(), std::move(drain)).first->second;
    advanceDrains();
    *response = stored.response;
    for (auto& m : *response->mutable_migrations())
        m = m_migrations.at(m.id()).proto;
    return grpc::Status::OK;
}

void Dispatcher::advanceDrains()
{
    std::vector<std::string> finished;
    for (auto& [requestId, drain] : m_drains) {
        std::uint32_t running = 0;
        std::vector<MigrationRecord*> planned;
        for (const auto& entry : drain.response.migrations()) {
            auto& m = m_migrations.at(entry.id());
            if (m.proto.state() == cpn::v1::MIGRATION_STATE_PLANNED)
                planned.push_back(&m);
            else if (!isFinishedState(m.proto.state()))
                ++running;
        }
        if (planned.empty() && running == 0
            && std::find(m_finishedDrains.begin(), m_finishedDrains.end(), requestId) == m_finishedDrains.end())
            finished.push_back(requestId);
        for (auto* m : planned) {
            if (running >= drain.maxConcurrent)
                break;
            // The network has moved on since the plan: route again with today's spare bandwidth.
            const Route route = m_planner.transferRoute(m->source, m->target);
            const double rate = route.found ? m_planner.transferRateGbps(route) : 0;
            if (rate <= 0) {
                abandon(*m);
                finish(*m, cpn::v1::MIGRATION_STATE_FAILED, "NO_ROUTE", "no path with spare bandwidth when its turn came");
                continue;
            }
            m->path = route.hops;
            m->rateGbps = rate;
            m->proto.clear_path_link_ids();
            for (const auto& hop : route.hops)
                m->proto.add_path_link_ids(m_world.topology.links[hop.link].id());
            begin(*m);
            ++running;
        }
    }
    // A finished drain is kept a while for its request id (a repeated DrainSite returns it), then
    // forgotten, so that a long run does not walk every drain it ever had on each tick.
    for (auto& id : finished)
        m_finishedDrains.push_back(std::move(id));
    while (m_finishedDrains.size() > kFinishedDrainsKept) {
        m_drains.erase(m_finishedDrains.front());
        m_finishedDrains.pop_front();
    }
}

} // namespace cpn::mock
