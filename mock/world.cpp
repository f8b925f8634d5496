#include "world.h"

#include "simulationoptions.h"
#include "taskfactory.h"

#include <algorithm>
#include <array>

namespace cpn::mock {

namespace {

// Cards in use should average about this share of installed cards at the start.
constexpr double kTargetAllocation = 0.7;
constexpr int kSizingSample = 20000; // placements drawn to size the tiers
constexpr std::uint64_t kSizingSalt = 0x512e5a3b1eULL;

// Sizes each tier's capacity to the work placed there at this scale: a sample of placements on
// the empty network, scaled to the scale's task count. Larger scales add regional and edge sites
// but keep 8 hubs and 10 clusters, so those grow most.
void sizeCapacity(Topology& topology, const LinkGraph& graph, const SimulationOptions& options, std::int64_t nowMs)
{
    std::vector<SiteRuntime> empty(topology.sites.size());
    std::array<double, 5> cards {};
    for (std::uint32_t s = 0; s < empty.size(); ++s)
        for (const auto& c : topology.sites[s].capacity()) {
            empty[s].slots[std::size_t(c.architecture())].installed = c.cards();
            cards[std::size_t(topology.sites[s].tier())] += c.cards();
        }
    TaskFactory sizing(topology, graph);
    Random sample(options.seed ^ kSizingSalt);
    std::array<double, 5> demand {};
    for (int i = 0; i < kSizingSample; ++i) {
        const TaskRecord task = sizing.create(sample, 0, sizing.drawKind(sample), nowMs, empty);
        demand[std::size_t(topology.sites[task.site].tier())] += task.cards;
    }
    const double perSample = double(scaleTargets(options.scale).tasks) / kSizingSample;
    std::array<double, 5> factor {};
    for (std::size_t t = 0; t < factor.size(); ++t) {
        factor[t] = cards[t] > 0 ? demand[t] * perSample / (kTargetAllocation * cards[t]) : 1.0;
        factor[t] = factor[t] > 1.05 ? factor[t] : 1.0;
    }
    scaleCapacity(topology, factor);
}

} // namespace

World::World(const SimulationOptions& options)
    : options(options)
    , random(options.seed)
    , topology(generateTopology(options.scale, random))
    , graph(topology.sites.size(), topology.linkEnds)
{
    sizeCapacity(topology, graph, options, nowMs);
    inventory = describeInventory(topology, options.seed);
    for (std::uint32_t s = 0; s < topology.sites.size(); ++s)
        siteById.emplace(topology.sites[s].id(), s);
    for (std::uint32_t l = 0; l < topology.links.size(); ++l)
        linkById.emplace(topology.links[l].id(), l);
    for (std::uint32_t r = 0; r < topology.regions.size(); ++r)
        regionById.emplace(topology.regions[r].id(), r);
    sites.resize(topology.sites.size());
    for (std::uint32_t s = 0; s < sites.size(); ++s)
        for (const auto& c : topology.sites[s].capacity()) {
            auto& slot = sites[s].slots[std::size_t(c.architecture())];
            slot.installed = c.cards();
            slot.pflopsPerCard = pflopsPerCard(c.architecture());
        }
    links.resize(topology.links.size());
}

void World::emit(cpn::v1::WatchEvent event)
{
    event.set_sim_time_ms(nowMs);
    pending.push_back(std::move(event));
}

void World::emitSite(std::uint32_t site)
{
    cpn::v1::WatchEvent event;
    *event.mutable_site() = topology.sites[site];
    emit(std::move(event));
}

std::optional<std::uint32_t> World::findSite(const std::string& id) const
{
    const auto it = siteById.find(id);
    if (it == siteById.end())
        return std::nullopt;
    return it->second;
}

bool World::isOffline(std::uint32_t site) const
{
    return topology.sites[site].status() == cpn::v1::SITE_STATUS_OFFLINE;
}

std::vector<std::uint32_t> World::onlineSitesNearest(std::uint32_t site, std::vector<double>* latency) const
{
    *latency = costsFrom(graph, site, [this](const Hop& hop) { return hopLatencyMs(hop); });
    const std::vector<double>& cost = *latency;
    std::vector<std::uint32_t> candidates;
    for (std::uint32_t c = 0; c < sites.size(); ++c)
        if (c != site && cost[c] < kUnreachable && topology.sites[c].status() == cpn::v1::SITE_STATUS_ONLINE)
            candidates.push_back(c);
    std::stable_sort(
        candidates.begin(), candidates.end(), [&cost](std::uint32_t a, std::uint32_t b) { return cost[a] < cost[b]; });
    return candidates;
}

double World::hopLatencyMs(const Hop& hop) const
{
    const auto& link = topology.links[hop.link];
    if (link.status() == cpn::v1::LINK_STATUS_DOWN || isOffline(hop.to))
        return -1.0;
    return link.latency_ms();
}

} // namespace cpn::mock
