#pragma once
// How far a site reaches in 1, 5 and 20 ms: shortest one-way latency along the network (link
// latencies, Dijkstra), not straight-line distance. Links that are down and offline sites carry
// nothing.

#include <array>
#include <vector>

namespace cpn {

class NetworkState;

class LatencyReach {
public:
    static constexpr std::array<double, 3> kBandsMs { 1.0, 5.0, 20.0 };

    // Latency from source to every site, ms; infinity beyond maxMs or unreachable.
    static std::vector<float> compute(const NetworkState& state, int source, double maxMs = kBandsMs.back());
    // 0, 1 or 2 for within 1, 5 or 20 ms; -1 beyond.
    static int band(double ms);
};

} // namespace cpn
