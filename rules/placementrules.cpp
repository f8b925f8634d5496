// Placement rules: the checks, paths, rates, loads and footprints of a move.

#include "placementrules.h"

#include <algorithm>
#include <cmath>

namespace cpn::rules {

double pflopsPerCard(std::size_t architecture)
{
    static constexpr std::array<double, kArchitectureSlots> kPflops {
        0,
        0.8, // NVIDIA: a mix of H800/H20/A800-class cards
        0.32, // Ascend 910B
        0.3, // Hygon DCU
        0.3, // Cambricon MLU
        0.35, // Kunlunxin
        0.005, // CPU: a dual-socket server
    };
    return architecture < kPflops.size() ? kPflops[architecture] : 0;
}

double kilowattsPerCard(std::size_t architecture)
{
    static constexpr std::array<double, kArchitectureSlots> kKilowatts { 0, 1.0, 0.6, 0.5, 0.45, 0.5, 0.6 };
    return architecture < kKilowatts.size() ? kKilowatts[architecture] : 0;
}

void checkTarget(const Demand& demand, const TargetFacts& target, std::vector<Finding>& out)
{
    if (demand.busy)
        out.push_back({ Violation::TaskBusy });
    if (target.availability != Availability::Open)
        out.push_back({ Violation::TargetUnavailable });
    if (target.installedCards == 0)
        out.push_back({ Violation::ArchitectureMismatch });
    else if (target.freeCards < demand.cards)
        out.push_back({ Violation::InsufficientCapacity, double(target.freeCards), double(demand.cards) });
    if (!regionAllowed(demand.regionMask, target.region))
        out.push_back({ Violation::DataResidency });
}

bool breaksLatencySlo(const Demand& demand, double latencyAfterMs)
{
    return demand.latencySloMs > 0 && demand.usersSite >= 0 && latencyAfterMs > demand.latencySloMs;
}

void checkLatency(const Demand& demand, double latencyAfterMs, std::vector<Finding>& out)
{
    if (!breaksLatencySlo(demand, latencyAfterMs))
        return;
    const bool reachable = std::isfinite(latencyAfterMs);
    out.push_back({ Violation::LatencySlo, reachable ? latencyAfterMs : 0, reachable ? demand.latencySloMs : 0 });
}

double transferRateGbps(double leastSpareGbps)
{
    return std::max(0.0, std::min(leastSpareGbps, kUncappedSpareGbps) * kMigrationShareOfSpare);
}

double projectedLinkUtilisation(
    double capacityGbps, double throughputAbGbps, double throughputBaGbps, bool forward, double rateGbps)
{
    return std::max(throughputAbGbps + (forward ? rateGbps : 0), throughputBaGbps + (forward ? 0 : rateGbps))
        / capacityGbps;
}

double utilisationAfterLeaving(double before, double pflops, double installedPflops, bool holdsCards)
{
    return std::max(0.0, before - (holdsCards ? pflops / std::max(installedPflops, 1e-9) : 0));
}

double utilisationAfterArriving(double before, double pflops, double installedPflops)
{
    return before + pflops / std::max(installedPflops, 1e-9);
}

HourlyFootprint hourlyFootprint(std::size_t architecture, std::uint32_t cards, double pue, double priceCnyPerKwh,
    double greenShare, double gridKgPerKwh)
{
    const double facilityKw = cards * kilowattsPerCard(architecture) * kTypicalDrawShare * pue;
    return { facilityKw * priceCnyPerKwh, facilityKw * (1 - greenShare) * gridKgPerKwh };
}

double LinkState::utilisation() const
{
    return capacityGbps > 0 ? std::max(throughputAbGbps, throughputBaGbps) / capacityGbps : 0;
}

void Network::buildGraph()
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    ends.reserve(links.size());
    for (const auto& l : links)
        ends.emplace_back(l.a, l.b);
    graph = LinkGraph(sites.size(), ends);
}

double Network::spareGbps(const Hop& hop) const
{
    const auto& link = links[hop.link];
    return rules::spareGbps(link.capacityGbps, hop.forward ? link.throughputAbGbps : link.throughputBaGbps);
}

double usersLatencyMs(const Network& network, std::int32_t usersSite, std::uint32_t site)
{
    if (usersSite < 0)
        return 0;
    const auto route = shortestRoute(
        network.graph, std::uint32_t(usersSite), site, [&](const Hop& hop) { return network.hopLatencyMs(hop); });
    return route.found ? route.cost : kUnreachable;
}

Route transferRoute(const Network& network, std::uint32_t from, std::uint32_t to)
{
    return shortestRoute(network.graph, from, to,
        [&](const Hop& hop) { return transferHopCost(network.hopLatencyMs(hop), network.spareGbps(hop)); });
}

double transferRateGbps(const Network& network, const Route& route)
{
    double spare = kUncappedSpareGbps;
    for (const auto& hop : route.hops)
        spare = std::min(spare, network.spareGbps(hop));
    return transferRateGbps(spare);
}

MoveCheck checkMove(const Network& network, const TaskDemand& task, std::uint32_t target, std::uint32_t extraTaken)
{
    MoveCheck out;
    const auto& to = network.sites[target];
    const std::size_t arch = task.architecture < kArchitectureSlots ? task.architecture : 0;
    const TargetFacts facts { to.availability, to.installed[arch],
        freeCards(to.installed[arch], std::uint64_t(to.taken[arch]) + extraTaken), to.region };
    checkTarget(task.demand, facts, out.findings);
    out.latencyBeforeMs = usersLatencyMs(network, task.demand.usersSite, task.site);
    out.latencyAfterMs = usersLatencyMs(network, task.demand.usersSite, target);
    checkLatency(task.demand, out.latencyAfterMs, out.findings);
    out.route = transferRoute(network, task.site, target);
    if (!out.route.found)
        out.findings.push_back({ Violation::NoRoute });
    else
        out.rateGbps = transferRateGbps(network, out.route);
    const auto& from = network.sites[task.site];
    out.sourceUtilisationAfter
        = utilisationAfterLeaving(from.utilisation, task.pflops, from.installedPflops, task.holdsCards);
    out.targetUtilisationAfter = utilisationAfterArriving(to.utilisation, task.pflops, to.installedPflops);
    return out;
}

} // namespace cpn::rules
