// ScenarioPlayer: what each scenario does as the clock moves.

#include "scenarioplayer.h"

#include "alarmrules.h"
#include "dailycycle.h"
#include "simulationoptions.h"
#include "taskbook.h"

#include <algorithm>
#include <cmath>

namespace cpn::mock {

namespace {

constexpr std::uint64_t kScenarioSalt = 0x5ce7a410c0ffeeULL;
// Evening surge: autoscaled replicas per hour at its height, as a share of the scale's tasks.
constexpr double kSurgeReplicasPerHour = 0.3;
constexpr double kSurgeDemandBoost = 0.6; // added to eastern interactive demand at the height
constexpr double kGreenSurplusPull = 0.85; // share of latency-tolerant work sent west at the height
constexpr double kGreenSurplusRaise = 0.5; // night wind above which the surplus is announced

// The evening surge in the east: 0 before 17:30, 1 at 20:30, 0 again after 23:30.
double eveningSurge(std::int64_t unixMs)
{
    return hourBump(localHour(unixMs), 20.5, 3);
}

} // namespace

ScenarioPlayer::ScenarioPlayer(World& world)
    : m_world(world)
{ }

void ScenarioPlayer::setUp()
{
    // A generator of its own: the network and its tasks stay those of the seed in every scenario.
    Random random(m_world.options.seed ^ kScenarioSalt);
    m_state.kind = parseScenario(m_world.options.scenario).value_or(Scenario::Normal);
    m_world.nowMs += scenarioClockOffsetMs(m_state.kind);
    m_state.incidentMs = m_world.nowMs + kIncidentAfterMs;
    if (m_state.kind == Scenario::HubOutage) {
        std::vector<std::uint32_t> hubs;
        for (std::uint32_t s = 0; s < m_world.topology.sites.size(); ++s)
            if (m_world.topology.sites[s].tier() == cpn::v1::SITE_TIER_NATIONAL_HUB)
                hubs.push_back(s);
        m_state.site = hubs[random.index(hubs.size())];
        m_state.recoveryMs = m_state.incidentMs + kHubOutageMs;
    } else if (m_state.kind == Scenario::LinkCut) {
        std::vector<std::uint32_t> backbone;
        for (std::uint32_t l = 0; l < m_world.topology.links.size(); ++l) {
            const auto [a, b] = m_world.topology.linkEnds[l];
            if (m_world.topology.sites[a].tier() == cpn::v1::SITE_TIER_NATIONAL_HUB
                && m_world.topology.sites[b].tier() == cpn::v1::SITE_TIER_NATIONAL_HUB)
                backbone.push_back(l);
        }
        m_state.link = backbone[random.index(backbone.size())];
        m_state.recoveryMs = m_state.incidentMs + kLinkRepairMs;
    }
    m_state.advisories.assign(m_world.topology.sites.size(), {});
}

std::vector<StatusChange> ScenarioPlayer::advance(AlarmRules& alarms)
{
    std::vector<StatusChange> changes;
    auto& sc = m_state;
    const bool incident = sc.kind == Scenario::HubOutage || sc.kind == Scenario::LinkCut;
    if (incident && !sc.incidentActive && !sc.incidentOver && m_world.nowMs >= sc.incidentMs) {
        sc.incidentActive = true;
        if (sc.kind == Scenario::HubOutage)
            changes.push_back({ StatusChange::Target::Site, sc.site, cpn::v1::SITE_STATUS_OFFLINE });
        else
            changes.push_back({ StatusChange::Target::Link, sc.link, cpn::v1::LINK_STATUS_DOWN });
    }
    if (incident && sc.incidentActive && m_world.nowMs >= sc.recoveryMs) {
        sc.incidentActive = false;
        sc.incidentOver = true;
        if (sc.kind == Scenario::HubOutage)
            changes.push_back({ StatusChange::Target::Site, sc.site, cpn::v1::SITE_STATUS_ONLINE });
        else
            changes.push_back({ StatusChange::Target::Link, sc.link, cpn::v1::LINK_STATUS_UP });
    }
    if (sc.kind == Scenario::GreenSurplus) {
        const double wind = nightWind(localHour(m_world.nowMs));
        for (std::uint32_t s = 0; s < m_world.topology.sites.size(); ++s) {
            const auto& site = m_world.topology.sites[s];
            if (site.tier() != cpn::v1::SITE_TIER_NATIONAL_HUB || !m_world.topology.economy[s].western)
                continue;
            auto& alarmId = sc.advisories[s];
            if (alarmId.empty() && wind >= kGreenSurplusRaise)
                alarms.raise(alarmId, cpn::v1::ALARM_SEVERITY_INFO, site.id(), "GREEN_SURPLUS",
                    AlarmRules::facts("Night wind: surplus green power in "
                            + m_world.topology.regions[m_world.topology.siteRegion[s]].name_en()
                            + "; electricity at valley prices. Move latency-tolerant work here.",
                        0, 0, "", 0, m_world.topology.regions[m_world.topology.siteRegion[s]].id()));
            else if (!alarmId.empty() && wind < kGreenSurplusRaise * 0.8)
                alarms.clear(alarmId);
        }
    }
    return changes;
}

Steering ScenarioPlayer::steering() const
{
    Steering steering;
    if (m_state.kind == Scenario::GreenSurplus)
        steering.westPull = kGreenSurplusPull * nightWind(localHour(m_world.nowMs));
    return steering;
}

void ScenarioPlayer::submitSurge(double seconds, TaskBook& tasks)
{
    if (m_state.kind != Scenario::Peak || seconds <= 0)
        return;
    const double perSecond = kSurgeReplicasPerHour * scaleTargets(m_world.options.scale).tasks / 3600.0;
    const auto arrivals = m_world.random.poisson(perSecond * eveningSurge(m_world.nowMs) * seconds);
    Steering steering;
    steering.easternUsers = true;
    steering.surgeReplica = true;
    for (std::uint32_t i = 0; i < arrivals; ++i)
        tasks.admitNew(cpn::v1::TASK_KIND_INFERENCE, steering);
}

double ScenarioPlayer::demandBoost(std::uint32_t site) const
{
    if (m_state.kind != Scenario::Peak || m_world.topology.economy[site].western)
        return 0;
    return kSurgeDemandBoost * eveningSurge(m_world.nowMs);
}

void ScenarioPlayer::adjustEnergy(std::uint32_t site, double* greenShare, double* priceCnyPerKwh) const
{
    if (m_state.kind != Scenario::GreenSurplus || !m_world.topology.economy[site].western)
        return;
    // Wind that would be curtailed: nearly all green, sold off at a fraction of the valley price.
    const double wind = nightWind(localHour(m_world.nowMs));
    *greenShare = *greenShare + (0.98 - *greenShare) * wind;
    *priceCnyPerKwh = *priceCnyPerKwh * (1 - 0.5 * wind);
}

} // namespace cpn::mock
