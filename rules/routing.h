#pragma once
// Shortest paths over the link graph (Dijkstra), with a caller-chosen cost per hop: the path rule
// of placement (placementrules.h), shared by the engines and the console's analysis.

#include <algorithm>
#include <cstdint>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

namespace cpn::rules {

// One hop: crossing a link from the node that owns the adjacency entry to `to`.
struct Hop {
    std::uint32_t link = 0;
    std::uint32_t to = 0;
    bool forward = true; // true when crossed from the link's site a to its site b
};

class LinkGraph {
public:
    LinkGraph() = default;
    LinkGraph(std::size_t nodeCount, const std::vector<std::pair<std::uint32_t, std::uint32_t>>& linkEnds);

    std::size_t nodeCount() const { return m_adjacency.size(); }
    const std::vector<Hop>& hops(std::uint32_t node) const { return m_adjacency[node]; }

private:
    std::vector<std::vector<Hop>> m_adjacency;
};

// Cost of crossing a hop; a negative cost means the hop cannot be used.
using HopCost = std::function<double(const Hop&)>;

struct Route {
    bool found = false;
    double cost = 0;
    std::vector<Hop> hops; // from source to target
};

inline constexpr double kUnreachable = std::numeric_limits<double>::infinity();

// Lowest-cost route from `from` to `to`.
Route shortestRoute(const LinkGraph& graph, std::uint32_t from, std::uint32_t to, const HopCost& cost);

// Cost from `from` to every node (kUnreachable where none); stops exploring past maxCost.
std::vector<double> costsFrom(
    const LinkGraph& graph, std::uint32_t from, const HopCost& cost, double maxCost = kUnreachable);

// Up to maxCount nodes within maxCost of `from` with their costs, nearest first; explores only
// that neighbourhood.
std::vector<std::pair<std::uint32_t, double>> nodesWithin(const LinkGraph& graph, std::uint32_t from,
    const HopCost& cost, double maxCost, std::size_t maxCount = std::numeric_limits<std::size_t>::max());

} // namespace cpn::rules

// The serving side's names for these, from before they moved here (server/, mock/ and gateway/
// use them).
namespace cpn::server {
using rules::costsFrom;
using rules::Hop;
using rules::HopCost;
using rules::kUnreachable;
using rules::LinkGraph;
using rules::nodesWithin;
using rules::Route;
using rules::shortestRoute;
} // namespace cpn::server

namespace cpn::rules {

// Dijkstra from one node out to a bound, reusing its buffers between runs so that a run costs
// only what it explores (the console's analysis runs thousands of small searches).
class BoundedSearch {
public:
    // Settles nodes nearest first up to maxCost, calling visit(node, cost) for each (false stops).
    // cost(hop) < 0 means the hop cannot be used.
    template <typename Cost, typename Visit>
    void run(const LinkGraph& graph, std::uint32_t from, double maxCost, Cost&& cost, Visit&& visit)
    {
        for (const auto node : m_touched)
            m_dist[node] = kUnreachable;
        m_touched.clear();
        if (m_dist.size() != graph.nodeCount()) {
            m_dist.assign(graph.nodeCount(), kUnreachable);
            m_via.assign(graph.nodeCount(), Hop {});
        }
        if (from >= graph.nodeCount())
            return;
        m_queue.clear();
        m_dist[from] = 0;
        m_via[from] = { 0, from, true };
        m_touched.push_back(from);
        m_queue.push_back({ 0, from });
        const auto later = [](const Entry& a, const Entry& b) { return a.first > b.first; };
        while (!m_queue.empty()) {
            std::pop_heap(m_queue.begin(), m_queue.end(), later);
            const auto [d, node] = m_queue.back();
            m_queue.pop_back();
            if (d > m_dist[node])
                continue;
            if (!visit(node, d))
                break;
            for (const Hop& hop : graph.hops(node)) {
                const double c = cost(hop);
                if (c < 0 || d + c > maxCost || d + c >= m_dist[hop.to])
                    continue;
                if (m_dist[hop.to] == kUnreachable)
                    m_touched.push_back(hop.to);
                m_dist[hop.to] = d + c;
                m_via[hop.to] = { hop.link, node, hop.forward };
                m_queue.push_back({ d + c, hop.to });
                std::push_heap(m_queue.begin(), m_queue.end(), later);
            }
        }
    }
    // After run(): a node's cost (kUnreachable if not reached), and the hop it was reached by
    // (its `to` is the node before it; the start's own hop points at itself).
    double cost(std::uint32_t node) const { return node < m_dist.size() ? m_dist[node] : kUnreachable; }
    const Hop& via(std::uint32_t node) const { return m_via[node]; }

private:
    using Entry = std::pair<double, std::uint32_t>;
    std::vector<double> m_dist;
    std::vector<Hop> m_via;
    std::vector<std::uint32_t> m_touched;
    std::vector<Entry> m_queue;
};

} // namespace cpn::rules
