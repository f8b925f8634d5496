#include "routing.h"

#include <algorithm>
#include <queue>

namespace cpn::rules {

LinkGraph::LinkGraph(std::size_t nodeCount, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& linkEnds)
    : m_adjacency(nodeCount)
{
    for (std::uint32_t l = 0; l < linkEnds.size(); ++l) {
        const auto [a, b] = linkEnds[l];
        m_adjacency[a].push_back({ l, b, true });
        m_adjacency[b].push_back({ l, a, false });
    }
}

namespace {

using QueueEntry = std::pair<double, std::uint32_t>;
using MinQueue = std::priority_queue<QueueEntry, std::vector<QueueEntry>, std::greater<>>;

// Dijkstra from `from`: settles nodes in order of cost, calling `settled(node, cost)` for each
// until it returns false; routes dearer than `maxCost` are not followed. Records in `via`, when
// given, the hop each node was last reached by (its `to` holding the previous node).
template <typename Settled>
std::vector<double> search(const LinkGraph& graph, std::uint32_t from, const HopCost& cost, double maxCost,
    std::vector<Hop>* via, Settled settled)
{
    std::vector<double> dist(graph.nodeCount(), kUnreachable);
    if (from >= graph.nodeCount())
        return dist;
    MinQueue queue;
    dist[from] = 0;
    queue.push({ 0, from });
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        if (d > dist[node])
            continue;
        if (!settled(node, d))
            break;
        for (const Hop& hop : graph.hops(node)) {
            const double c = cost(hop);
            if (c < 0 || d + c > maxCost || d + c >= dist[hop.to])
                continue;
            dist[hop.to] = d + c;
            if (via)
                (*via)[hop.to] = { hop.link, node, hop.forward };
            queue.push({ dist[hop.to], hop.to });
        }
    }
    return dist;
}

} // namespace

Route shortestRoute(const LinkGraph& graph, std::uint32_t from, std::uint32_t to, const HopCost& cost)
{
    Route route;
    if (from >= graph.nodeCount() || to >= graph.nodeCount())
        return route;
    std::vector<Hop> via(graph.nodeCount());
    const auto dist = search(graph, from, cost, kUnreachable, &via, [to](std::uint32_t node, double) { return node != to; });
    if (dist[to] == kUnreachable)
        return route;
    route.found = true;
    route.cost = dist[to];
    for (std::uint32_t node = to; node != from;) {
        const Hop& back = via[node];
        route.hops.push_back({ back.link, node, back.forward });
        node = back.to;
    }
    std::reverse(route.hops.begin(), route.hops.end());
    return route;
}

std::vector<double> costsFrom(const LinkGraph& graph, std::uint32_t from, const HopCost& cost, double maxCost)
{
    return search(graph, from, cost, maxCost, nullptr, [](std::uint32_t, double) { return true; });
}

std::vector<std::pair<std::uint32_t, double>> nodesWithin(
    const LinkGraph& graph, std::uint32_t from, const HopCost& cost, double maxCost, std::size_t maxCount)
{
    std::vector<std::pair<std::uint32_t, double>> result;
    search(graph, from, cost, maxCost, nullptr, [&](std::uint32_t node, double d) {
        result.emplace_back(node, d);
        return result.size() < maxCount;
    });
    return result;
}

} // namespace cpn::rules
