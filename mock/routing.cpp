#include "routing.h"

#include <algorithm>
#include <queue>
#include <unordered_map>

namespace cpn::mock {

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

} // namespace

Route shortestRoute(const LinkGraph& graph, std::uint32_t from, std::uint32_t to, const HopCost& cost)
{
    Route route;
    const auto n = graph.nodeCount();
    if (from >= n || to >= n)
        return route;
    std::vector<double> dist(n, kUnreachable);
    std::vector<Hop> via(n);
    MinQueue queue;
    dist[from] = 0;
    queue.push({ 0, from });
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        if (d > dist[node])
            continue;
        if (node == to)
            break;
        for (const Hop& hop : graph.hops(node)) {
            const double c = cost(hop);
            if (c < 0)
                continue;
            if (d + c < dist[hop.to]) {
                dist[hop.to] = d + c;
                via[hop.to] = { hop.link, node, hop.forward }; // `to` holds the previous node here
                queue.push({ dist[hop.to], hop.to });
            }
        }
    }
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
        for (const Hop& hop : graph.hops(node)) {
            const double c = cost(hop);
            if (c < 0 || d + c > maxCost)
                continue;
            if (d + c < dist[hop.to]) {
                dist[hop.to] = d + c;
                queue.push({ dist[hop.to], hop.to });
            }
        }
    }
    return dist;
}

std::vector<std::pair<std::uint32_t, double>> nodesWithin(
    const LinkGraph& graph, std::uint32_t from, const HopCost& cost, double maxCost, std::size_t maxCount)
{
    std::vector<std::pair<std::uint32_t, double>> result;
    if (from >= graph.nodeCount())
        return result;
    std::unordered_map<std::uint32_t, double> dist;
    MinQueue queue;
    dist[from] = 0;
    queue.push({ 0, from });
    while (!queue.empty()) {
        const auto [d, node] = queue.top();
        queue.pop();
        if (d > dist[node])
            continue;
        result.emplace_back(node, d);
        if (result.size() >= maxCount)
            break;
        for (const Hop& hop : graph.hops(node)) {
            const double c = cost(hop);
            if (c < 0 || d + c > maxCost)
                continue;
            auto it = dist.find(hop.to);
            if (it == dist.end() || d + c < it->second) {
                dist[hop.to] = d + c;
                queue.push({ d + c, hop.to });
            }
        }
    }
    return result;
}

} // namespace cpn::mock
