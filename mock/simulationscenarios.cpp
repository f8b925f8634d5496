// Simulation: scenarios (evening peak, hub outage, backbone cut, green surplus), site and link
// outages, and what reroutes around them.

#include "simulation.h"

#include "dailycycle.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

namespace cpn::mock {

namespace {

constexpr std::uint64_t kScenarioSalt = 0x5ce7a410c0ffeeULL;
// A failed-over task never pushes a site's cards of one architecture past this share.
constexpr double kMaxFailoverAllocation = 0.95;
// A task restarted elsewhere loses the work since its last checkpoint.
constexpr std::int64_t kRestartPenaltyMs = 10 * 60 * 1000;
// Evening surge: autoscaled replicas per hour at its height, as a share of the scale's tasks.
constexpr double kSurgeReplicasPerHour = 0.3;
constexpr double kSurgeDemandBoost = 0.6; // added to eastern interactive demand at the height
constexpr double kGreenSurplusPull = 0.85; // share of latency-tolerant work sent west at the height
constexpr double kGreenSurplusRaise = 0.5; // night wind above which the surplus is announced

struct ScenarioInfo {
    Scenario scenario;
    const char* name;
};
constexpr std::array<ScenarioInfo, 5> kScenarios { { { Scenario::Normal, "normal" }, { Scenario::Peak, "peak" },
    { Scenario::HubOutage, "hub-outage" }, { Scenario::LinkCut, "link-cut" },
    { Scenario::GreenSurplus, "green-surplus" } } };

// The evening surge in the east: 0 before 17:30, 1 at 20:30, 0 again after 23:30.
double eveningSurge(std::int64_t unixMs)
{
    return hourBump(localHour(unixMs), 20.5, 3);
}

} // namespace

std::optional<Scenario> parseScenario(std::string_view name)
{
    for (const auto& info : kScenarios)
        if (name == info.name)
            return info.scenario;
    return std::nullopt;
}

const char* scenarioName(Scenario scenario)
{
    for (const auto& info : kScenarios)
        if (info.scenario == scenario)
            return info.name;
    return "normal";
}

std::vector<std::string> scenarioNames()
{
    std::vector<std::string> names;
    for (const auto& info : kScenarios)
        names.emplace_back(info.name);
    return names;
}

const char* scenarioHelp()
{
    return R"(Scenarios (--scenario NAME); the same seed and scenario give the same run:
  normal         an ordinary day from 08:00 Beijing time: business-hours and evening peaks
                 in the east, quieter weekends, tasks arriving and finishing by kind.
  peak           starts at 18:00; an evening surge of interactive work in the east (autoscaled
                 inference replicas near their users, peaking at 20:30) fills the city sites:
                 queues grow and high-utilisation alarms follow.
  hub-outage     5 simulated minutes in, one national hub (chosen by the seed) goes offline:
                 SITE_OFFLINE alarm, its migrations fail, its tasks restart at the nearest
                 sites with room (or queue there), routes avoid it. It is back after 3 hours.
  link-cut       5 simulated minutes in, a backbone link between two hubs (chosen by the seed)
                 is cut: LINK_DOWN alarm, its traffic and the migrations on it take other
                 paths, plans route around it. Spliced after 4 hours.
  green-surplus  starts at 23:00; night wind in the west: green share near 100 %, valley
                 prices falling further, most new batch, training and rendering work placed
                 in the west; a GREEN_SURPLUS advisory (INFO) at each western hub while it lasts.
)";
}

std::int64_t scenarioClockOffsetMs(Scenario scenario)
{
    switch (scenario) {
    case Scenario::Peak:
        return 10 * 3600 * 1000;
    case Scenario::GreenSurplus:
        return 15 * 3600 * 1000;
    default:
        return 0;
    }
}

void Simulation::setUpScenario()
{
    // A generator of its own: the network and its tasks stay those of the seed in every scenario.
    Random random(m_options.seed ^ kScenarioSalt);
    m_scenario.kind = parseScenario(m_options.scenario).value_or(Scenario::Normal);
    m_nowMs += scenarioClockOffsetMs(m_scenario.kind);
    m_scenario.incidentMs = m_nowMs + kIncidentAfterMs;
    if (m_scenario.kind == Scenario::HubOutage) {
        std::vector<std::uint32_t> hubs;
        for (std::uint32_t s = 0; s < m_topology.sites.size(); ++s)
            if (m_topology.sites[s].tier() == cpn::v1::SITE_TIER_NATIONAL_HUB)
                hubs.push_back(s);
        m_scenario.site = hubs[random.index(hubs.size())];
        m_scenario.recoveryMs = m_scenario.incidentMs + kHubOutageMs;
    } else if (m_scenario.kind == Scenario::LinkCut) {
        std::vector<std::uint32_t> backbone;
        for (std::uint32_t l = 0; l < m_topology.links.size(); ++l) {
            const auto [a, b] = m_topology.linkEnds[l];
            if (m_topology.sites[a].tier() == cpn::v1::SITE_TIER_NATIONAL_HUB
                && m_topology.sites[b].tier() == cpn::v1::SITE_TIER_NATIONAL_HUB)
                backbone.push_back(l);
        }
        m_scenario.link = backbone[random.index(backbone.size())];
        m_scenario.recoveryMs = m_scenario.incidentMs + kLinkRepairMs;
    }
    m_scenario.advisories.assign(m_topology.sites.size(), {});
}

void Simulation::advanceScenario()
{
    auto& sc = m_scenario;
    const bool incident = sc.kind == Scenario::HubOutage || sc.kind == Scenario::LinkCut;
    if (incident && !sc.incidentActive && !sc.incidentOver && m_nowMs >= sc.incidentMs) {
        sc.incidentActive = true;
        if (sc.kind == Scenario::HubOutage)
            applySiteStatus(sc.site, cpn::v1::SITE_STATUS_OFFLINE);
        else
            applyLinkStatus(sc.link, cpn::v1::LINK_STATUS_DOWN);
    }
    if (incident && sc.incidentActive && m_nowMs >= sc.recoveryMs) {
        sc.incidentActive = false;
        sc.incidentOver = true;
        if (sc.kind == Scenario::HubOutage)
            applySiteStatus(sc.site, cpn::v1::SITE_STATUS_ONLINE);
        else
            applyLinkStatus(sc.link, cpn::v1::LINK_STATUS_UP);
    }
    if (sc.kind == Scenario::GreenSurplus) {
        const double wind = nightWind(localHour(m_nowMs));
        for (std::uint32_t s = 0; s < m_topology.sites.size(); ++s) {
            const auto& site = m_topology.sites[s];
            if (site.tier() != cpn::v1::SITE_TIER_NATIONAL_HUB || !m_topology.economy[s].western)
                continue;
            auto& alarmId = sc.advisories[s];
            if (alarmId.empty() && wind >= kGreenSurplusRaise)
                raiseAlarm(alarmId, cpn::v1::ALARM_SEVERITY_INFO, site.id(), "GREEN_SURPLUS",
                    "Night wind: surplus green power in " + m_topology.regions[m_topology.siteRegion[s]].name_en()
                        + "; electricity at valley prices. Move latency-tolerant work here.");
            else if (!alarmId.empty() && wind < kGreenSurplusRaise * 0.8)
                clearAlarm(alarmId);
        }
    }
}

Steering Simulation::scenarioSteering() const
{
    Steering steering;
    if (m_scenario.kind == Scenario::GreenSurplus)
        steering.westPull = kGreenSurplusPull * nightWind(localHour(m_nowMs));
    return steering;
}

void Simulation::submitSurge(double seconds)
{
    if (m_scenario.kind != Scenario::Peak || seconds <= 0)
        return;
    const double perSecond = kSurgeReplicasPerHour * scaleTargets(m_options.scale).tasks / 3600.0;
    const auto arrivals = m_random.poisson(perSecond * eveningSurge(m_nowMs) * seconds);
    Steering steering;
    steering.easternUsers = true;
    steering.surgeReplica = true;
    for (std::uint32_t i = 0; i < arrivals; ++i) {
        admitTask(m_factory->create(
            m_random, m_nextTaskNumber++, cpn::v1::TASK_KIND_INFERENCE, m_nowMs, m_sites, steering));
    }
}

double Simulation::scenarioDemandBoost(std::uint32_t site) const
{
    if (m_scenario.kind != Scenario::Peak || m_topology.economy[site].western)
        return 0;
    return kSurgeDemandBoost * eveningSurge(m_nowMs);
}

void Simulation::adjustEnergyForScenario(std::uint32_t site, double* greenShare, double* priceCnyPerKwh) const
{
    if (m_scenario.kind != Scenario::GreenSurplus || !m_topology.economy[site].western)
        return;
    // Wind that would be curtailed: nearly all green, sold off at a fraction of the valley price.
    const double wind = nightWind(localHour(m_nowMs));
    *greenShare = *greenShare + (0.98 - *greenShare) * wind;
    *priceCnyPerKwh = *priceCnyPerKwh * (1 - 0.5 * wind);
}

bool Simulation::isOffline(std::uint32_t site) const
{
    return m_topology.sites[site].status() == cpn::v1::SITE_STATUS_OFFLINE;
}

double Simulation::hopLatencyMs(const Hop& hop) const
{
    const auto& link = m_topology.links[hop.link];
    if (link.status() == cpn::v1::LINK_STATUS_DOWN || isOffline(hop.to))
        return -1.0;
    return link.latency_ms();
}

bool Simulation::setLinkStatus(const std::string& linkId, cpn::v1::LinkStatus status)
{
    std::lock_guard lock(m_mutex);
    auto it = m_linkIndex.find(linkId);
    if (it == m_linkIndex.end())
        return false;
    applyLinkStatus(it->second, status);
    flushEvents();
    return true;
}

bool Simulation::setSiteStatus(const std::string& siteId, cpn::v1::SiteStatus status)
{
    std::lock_guard lock(m_mutex);
    const auto s = siteIndex(siteId);
    if (!s)
        return false;
    applySiteStatus(*s, status);
    flushEvents();
    return true;
}

void Simulation::applyLinkStatus(std::uint32_t l, cpn::v1::LinkStatus status)
{
    auto& link = m_topology.links[l];
    if (link.status() == status)
        return;
    link.set_status(status);
    cpn::v1::WatchEvent event;
    *event.mutable_link() = link;
    emit(std::move(event));
    networkChanged();
}

void Simulation::applySiteStatus(std::uint32_t site, cpn::v1::SiteStatus status)
{
    auto& proto = m_topology.sites[site];
    if (proto.status() == status)
        return;
    const bool goesOffline = status == cpn::v1::SITE_STATUS_OFFLINE;
    proto.set_status(status);
    emitSite(site);
    if (goesOffline) {
        // Moves to or from it stop where they are; then its own work goes elsewhere.
        const std::vector<std::string> ids(m_activeMigrations.begin(), m_activeMigrations.end());
        for (const auto& id : ids) {
            auto& m = m_migrations.at(id);
            if (m.source != site && m.target != site)
                continue;
            abandonMigration(m);
            finishMigration(m, cpn::v1::MIGRATION_STATE_FAILED,
                (m.source == site ? "the source " : "the target ") + proto.name_en() + " went offline");
        }
        evacuateSite(site);
    }
    networkChanged();
}

void Simulation::evacuateSite(std::uint32_t site)
{
    // Other sites nearest first, over the network as it is now (nothing enters the offline site).
    const auto latency = costsFrom(m_graph, site, [&](const Hop& hop) { return hopLatencyMs(hop); });
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t c = 0; c < m_sites.size(); ++c)
        if (c != site && latency[c] < kUnreachable
            && m_topology.sites[c].status() == cpn::v1::SITE_STATUS_ONLINE)
            candidates.push_back(c);
    std::stable_sort(candidates.begin(), candidates.end(),
        [&](std::uint32_t a, std::uint32_t b) { return latency[a] < latency[b]; });
    std::unordered_map<std::uint32_t, std::vector<double>> usersLatency;
    auto fits = [&](const TaskRecord& task, std::uint32_t c) {
        if (!m_sites[c].hasArchitecture(task.architecture))
            return false;
        if (task.regionMask != 0 && (task.regionMask & (1u << m_topology.siteRegion[c])) == 0)
            return false;
        if (task.usersSite < 0 || task.latencySloMs <= 0)
            return true;
        auto it = usersLatency.find(std::uint32_t(task.usersSite));
        if (it == usersLatency.end())
            it = usersLatency
                     .emplace(std::uint32_t(task.usersSite),
                         costsFrom(m_graph, std::uint32_t(task.usersSite), [&](const Hop& hop) { return hopLatencyMs(hop); }))
                     .first;
        return it->second[c] <= task.latencySloMs;
    };

    std::vector<std::uint64_t> numbers;
    for (const auto& [number, task] : m_tasks)
        if (task.site == site && task.migrationId.empty())
            numbers.push_back(number);
    for (const auto number : numbers) {
        TaskRecord& task = m_tasks.at(number);
        std::int64_t roomAt = -1;
        std::int64_t queueAt = -1;
        for (const auto c : candidates) {
            if (!fits(task, c))
                continue;
            if (queueAt < 0)
                queueAt = c;
            const auto& slot = m_sites[c].slots[std::size_t(task.architecture)];
            if (double(std::uint64_t(slot.used) + slot.reserved + task.cards) <= kMaxFailoverAllocation * slot.installed) {
                roomAt = c;
                break;
            }
        }
        if (roomAt < 0 && queueAt < 0)
            continue; // nowhere it may run: it waits, queued, for its site to come back
        const bool wasRunning = task.state == cpn::v1::TASK_STATE_RUNNING;
        releaseTask(task);
        task.site = std::uint32_t(roomAt >= 0 ? roomAt : queueAt);
        if (roomAt >= 0) {
            // Restarts from its last checkpoint (a queued task simply starts).
            if (wasRunning)
                task.expectedEndMs = std::max(task.expectedEndMs, m_nowMs) + kRestartPenaltyMs;
            else {
                task.startedMs = m_nowMs;
                task.expectedEndMs = m_nowMs + task.durationMs;
            }
            runTask(task);
        } else {
            enqueueTask(task);
        }
        emitTask(task);
    }
    // What stays (nowhere else to go) waits in the site's queue.
    for (const auto number : numbers) {
        TaskRecord& task = m_tasks.at(number);
        if (task.site == site && task.state == cpn::v1::TASK_STATE_RUNNING) {
            releaseTask(task);
            enqueueTask(task);
            emitTask(task);
        }
    }
}

void Simulation::networkChanged()
{
    m_factory->networkChanged();
    // The background traffic of a cut link takes the shortest path that is left, a backbone
    // link's over the backbone (access links could not carry it); a link to an offline site
    // carries nothing (its traffic ended with the site).
    for (auto& link : m_links)
        link.reroutedGbps = 0;
    auto isHub = [&](std::uint32_t s) { return m_topology.sites[s].tier() == cpn::v1::SITE_TIER_NATIONAL_HUB; };
    for (std::uint32_t l = 0; l < m_links.size(); ++l) {
        const auto [a, b] = m_topology.linkEnds[l];
        if (m_topology.links[l].status() != cpn::v1::LINK_STATUS_DOWN || isOffline(a) || isOffline(b))
            continue;
        const bool backbone = isHub(a) && isHub(b);
        const Route route = shortestRoute(m_graph, a, b, [&](const Hop& hop) {
            const auto [x, y] = m_topology.linkEnds[hop.link];
            return backbone && !(isHub(x) && isHub(y)) ? -1.0 : hopLatencyMs(hop);
        });
        const double gbps = m_links[l].baseUtilisation * m_topology.links[l].capacity_gbps();
        for (const auto& hop : route.hops)
            m_links[hop.link].reroutedGbps += gbps;
    }
    rerouteMigrations();
}

void Simulation::rerouteMigrations()
{
    const std::vector<std::string> ids(m_activeMigrations.begin(), m_activeMigrations.end());
    for (const auto& id : ids) {
        auto& m = m_migrations.at(id);
        const bool broken = std::any_of(m.path.begin(), m.path.end(), [&](const Hop& hop) { return hopLatencyMs(hop) < 0; });
        if (!broken)
            continue;
        const bool wasOnLinks = m.onLinks;
        if (wasOnLinks)
            setOnLinks(m, false);
        const Route route = transferRoute(m.source, m.target);
        const double rate = route.found ? transferRateGbps(route) : 0;
        if (rate <= 0) {
            rollBack(m, "its path was cut and no other path has spare bandwidth");
            continue;
        }
        m.path = route.hops;
        m.rateGbps = rate;
        m.proto.clear_path_link_ids();
        for (const auto& hop : route.hops)
            m.proto.add_path_link_ids(m_topology.links[hop.link].id());
        if (wasOnLinks)
            setOnLinks(m, true);
        emitMigration(m);
    }
}

} // namespace cpn::mock
