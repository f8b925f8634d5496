#pragma once
// Shortest paths over the link graph (Dijkstra), with a caller-chosen cost per hop.

#include <cstdint>
#include <functional>
#include <limits>
#include <utility>
#include <vector>

namespace cpn::server {

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

} // namespace cpn::server
