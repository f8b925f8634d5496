// MetricsModel: live metrics of sites and links.

#include "metricsmodel.h"

#include "dailycycle.h"
#include "scenarioplayer.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cpn::mock {

namespace {

constexpr double kNoiseTimeConstantSeconds = 600;

// Share of a running task's peak compute it uses, given the interactive demand at its site.
double activity(std::size_t kind, double demand)
{
    switch (kind) {
    case cpn::v1::TASK_KIND_TRAINING:
        return 0.95;
    case cpn::v1::TASK_KIND_INFERENCE:
        return 0.1 + 0.9 * demand;
    case cpn::v1::TASK_KIND_BATCH:
        return 0.88;
    case cpn::v1::TASK_KIND_RENDERING:
        return 0.92;
    case cpn::v1::TASK_KIND_SCIENTIFIC:
        return 0.8;
    case cpn::v1::TASK_KIND_STORAGE:
        return 0.35;
    default:
        return 0;
    }
}

double round3(double v)
{
    return std::round(v * 1000) / 1000;
}

} // namespace

MetricsModel::MetricsModel(World& world, const ScenarioPlayer& scenario)
    : m_world(world)
    , m_scenario(scenario)
{ }

void MetricsModel::initialiseLinks()
{
    for (std::size_t l = 0; l < m_world.links.size(); ++l) {
        const auto [a, b] = m_world.topology.linkEnds[l];
        const auto tierA = m_world.topology.sites[a].tier();
        const auto tierB = m_world.topology.sites[b].tier();
        auto& link = m_world.links[l];
        if (tierA == cpn::v1::SITE_TIER_NATIONAL_HUB && tierB == cpn::v1::SITE_TIER_NATIONAL_HUB)
            link.baseUtilisation = m_world.random.uniform(0.08, 0.25); // inter-hub: about 16 % on average
        else if (tierA == cpn::v1::SITE_TIER_CLUSTER || tierB == cpn::v1::SITE_TIER_CLUSTER)
            link.baseUtilisation = m_world.random.uniform(0.2, 0.45);
        else if (tierA == cpn::v1::SITE_TIER_EDGE || tierB == cpn::v1::SITE_TIER_EDGE)
            link.baseUtilisation = m_world.random.uniform(0.1, 0.5);
        else
            link.baseUtilisation = m_world.random.uniform(0.15, 0.45);
        if (m_world.random.chance(0.015)) // a few hot spots
            link.baseUtilisation = m_world.random.uniform(0.75, 0.97);
        link.reverseRatio = m_world.random.uniform(0.4, 0.95);
        link.abBusier = m_world.random.chance(0.5);
        link.noise = m_world.random.normal() * 0.5;
    }
}

double MetricsModel::siteDemand(std::uint32_t site) const
{
    return std::min(
        1.0, demandAt(m_world.nowMs, m_world.topology.economy[site].western) + m_scenario.demandBoost(site));
}

double MetricsModel::siteActivePflops(std::uint32_t site, std::size_t arch) const
{
    const double demand = siteDemand(site);
    const auto& slot = m_world.sites[site].slots[arch];
    double active = 0;
    for (std::size_t k = 0; k < kTaskKindSlots; ++k)
        if (slot.pflopsByKind[k] > 0)
            active += slot.pflopsByKind[k] * activity(k, demand);
    return active;
}

void MetricsModel::update(double seconds)
{
    const double hour = localHour(m_world.nowMs);
    const double decay = std::exp(-seconds / kNoiseTimeConstantSeconds);
    const double shock = std::sqrt(std::max(0.0, 1 - decay * decay));

    cpn::v1::MetricsBatch batch;
    batch.set_sample_time_ms(m_world.nowMs);
    batch.mutable_sites()->Reserve(int(m_world.sites.size()));
    for (std::uint32_t s = 0; s < m_world.sites.size(); ++s) {
        auto& site = m_world.sites[s];
        const auto& economy = m_world.topology.economy[s];
        site.noise = site.noise * decay + shock * m_world.random.normal();
        auto* metrics = batch.add_sites();
        metrics->set_site_id(m_world.topology.sites[s].id());
        metrics->set_sample_time_ms(m_world.nowMs);
        double installed = 0;
        double active = 0;
        for (std::size_t a = 1; a < kArchitectureSlots; ++a) {
            const auto& slot = site.slots[a];
            if (slot.installed == 0)
                continue;
            const double capacity = slot.installed * slot.pflopsPerCard;
            const double used = std::clamp(siteActivePflops(s, a) * (1 + 0.04 * site.noise), 0.0, capacity);
            installed += capacity;
            active += used;
            auto* use = metrics->add_usage();
            use->set_architecture(cpn::v1::Architecture(a));
            use->set_cards_used(slot.used + slot.reserved);
            use->set_pflops_used(round3(used));
            use->set_utilisation(std::clamp(used / capacity, 0.0, 1.0));
        }
        site.utilisation = installed > 0 ? std::clamp(active / installed, 0.0, 1.0) : 0.0;
        metrics->set_utilisation(site.utilisation);
        const double pue = std::max(
            1.05, economy.basePue + 0.03 * warmth(hour) - 0.015 + 0.02 * (0.6 - site.utilisation) + 0.004 * site.noise);
        const double itPower = m_world.isOffline(s)
            ? 0.0
            : m_world.topology.sites[s].power_capacity_mw() * (0.3 + 0.7 * site.utilisation);
        metrics->set_pue(round3(pue));
        metrics->set_power_mw(round3(itPower * pue));
        const double solar = (economy.western ? 0.08 : 0.04) * (sunshine(hour) - 0.5);
        double green = std::clamp(economy.baseGreenShare + solar, 0.0, 1.0);
        double price = economy.basePriceCnyPerKwh * tariffFactor(hour);
        m_scenario.adjustEnergy(s, &green, &price);
        metrics->set_green_share(round3(green));
        metrics->set_price_cny_per_kwh(round3(price));
        metrics->set_queue_length(site.queued);
        metrics->set_running_tasks(site.running);
        metrics->set_racks_in_use(
            racksInUse(m_world.inventory[s], m_world.topology.sites[s].racks_built(), m_world.nowMs));
        metrics->set_storage_used_pb(
            storageUsedPb(m_world.inventory[s], m_world.topology.sites[s].storage_pb(), m_world.nowMs));
    }

    batch.mutable_links()->Reserve(int(m_world.links.size()));
    for (std::size_t l = 0; l < m_world.links.size(); ++l) {
        auto& link = m_world.links[l];
        const auto& proto = m_world.topology.links[l];
        const auto [a, b] = m_world.topology.linkEnds[l];
        link.noise = link.noise * decay + shock * m_world.random.normal();
        const double capacity = proto.capacity_gbps();
        const double demand = 0.5 * (siteDemand(a) + siteDemand(b));
        double background = 0;
        if (proto.status() != cpn::v1::LINK_STATUS_DOWN && !m_world.isOffline(a) && !m_world.isOffline(b))
            background = std::clamp((link.baseUtilisation + link.reroutedGbps / capacity) * (0.7 + 0.5 * demand)
                                 * (1 + 0.06 * link.noise),
                             0.0, 0.98)
                * capacity;
        const double quiet = background * link.reverseRatio;
        link.throughputAbGbps = std::min(capacity, (link.abBusier ? background : quiet) + link.migrationAbGbps);
        link.throughputBaGbps = std::min(capacity, (link.abBusier ? quiet : background) + link.migrationBaGbps);
        link.utilisation = capacity > 0 ? std::max(link.throughputAbGbps, link.throughputBaGbps) / capacity : 0;
        auto* metrics = batch.add_links();
        metrics->set_link_id(proto.id());
        metrics->set_sample_time_ms(m_world.nowMs);
        metrics->set_throughput_ab_gbps(round3(link.throughputAbGbps));
        metrics->set_throughput_ba_gbps(round3(link.throughputBaGbps));
        metrics->set_utilisation(std::clamp(link.utilisation, 0.0, 1.0));
        const double congestion = std::max(0.0, link.utilisation - 0.7);
        metrics->set_latency_ms(
            round3(proto.latency_ms() * (1 + 0.02 * std::fabs(link.noise) + 0.6 * congestion * congestion)));
        metrics->set_loss_ratio(
            link.utilisation > 0.8 ? 1e-5 + (link.utilisation - 0.8) * 0.01 : 1e-6 * (1 + std::fabs(link.noise)));
    }

    m_last = batch;
    cpn::v1::WatchEvent event;
    *event.mutable_metrics() = std::move(batch);
    m_world.emit(std::move(event));
}

void MetricsModel::rerouteBackgroundTraffic()
{
    // The background traffic of a cut link takes the shortest path that is left, a backbone
    // link's over the backbone (access links could not carry it); a link to an offline site
    // carries nothing (its traffic ended with the site).
    for (auto& link : m_world.links)
        link.reroutedGbps = 0;
    auto isHub = [&](std::uint32_t s) { return m_world.topology.sites[s].tier() == cpn::v1::SITE_TIER_NATIONAL_HUB; };
    for (std::uint32_t l = 0; l < m_world.links.size(); ++l) {
        const auto [a, b] = m_world.topology.linkEnds[l];
        if (m_world.topology.links[l].status() != cpn::v1::LINK_STATUS_DOWN || m_world.isOffline(a)
            || m_world.isOffline(b))
            continue;
        const bool backbone = isHub(a) && isHub(b);
        const Route route = shortestRoute(m_world.graph, a, b, [&](const Hop& hop) {
            const auto [x, y] = m_world.topology.linkEnds[hop.link];
            return backbone && !(isHub(x) && isHub(y)) ? -1.0 : m_world.hopLatencyMs(hop);
        });
        const double gbps = m_world.links[l].baseUtilisation * m_world.topology.links[l].capacity_gbps();
        for (const auto& hop : route.hops)
            m_world.links[hop.link].reroutedGbps += gbps;
    }
}

} // namespace cpn::mock
