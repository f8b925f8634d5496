#include "latencyreach.h"

#include "networkstate.h"

#include <functional>
#include <limits>
#include <queue>

namespace cpn {

std::vector<float> LatencyReach::compute(const NetworkState& state, int source, double maxMs)
{
    const QList<Site>& sites = state.sites();
    const QList<Link>& links = state.links();
    const QList<LinkMetrics>& metrics = state.linkMetrics();
    const int n = int(sites.size());
    std::vector<float> distance(std::size_t(std::max(0, n)), std::numeric_limits<float>::infinity());
    if (source < 0 || source >= n)
        return distance;

    // Adjacency in compressed rows: offsets per site, then (neighbour, latency) pairs.
    std::vector<int> start(n + 1, 0);
    for (int i = 0; i < int(links.size()); ++i) {
        if (links[i].status == LinkStatus::Down)
            continue;
        ++start[state.linkSiteA(i) + 1];
        ++start[state.linkSiteB(i) + 1];
    }
    for (int s = 0; s < n; ++s)
        start[s + 1] += start[s];
    std::vector<std::pair<int, float>> edges(start[n]);
    std::vector<int> fill(start.begin(), start.end() - 1);
    for (int i = 0; i < int(links.size()); ++i) {
        if (links[i].status == LinkStatus::Down)
            continue;
        // Measured latency when the scheduler reports it, else the nominal one.
        const double measured = i < metrics.size() ? metrics[i].latencyMs : 0;
        const auto latency = float(measured > 0 ? measured : links[i].latencyMs);
        const int a = state.linkSiteA(i), b = state.linkSiteB(i);
        edges[fill[a]++] = { b, latency };
        edges[fill[b]++] = { a, latency };
    }

    using Entry = std::pair<float, int>;
    std::priority_queue<Entry, std::vector<Entry>, std::greater<>> queue;
    distance[source] = 0;
    queue.push({ 0.0f, source });
    while (!queue.empty()) {
        const auto [d, s] = queue.top();
        queue.pop();
        if (d > distance[s])
            continue;
        // An offline site is reached but relays nothing.
        if (s != source && sites[s].status == SiteStatus::Offline)
            continue;
        for (int e = start[s]; e < start[s + 1]; ++e) {
            const auto [t, latency] = edges[e];
            const float next = d + latency;
            if (next < distance[t] && next <= maxMs + 1e-6) {
                distance[t] = next;
                queue.push({ next, t });
            }
        }
    }
    return distance;
}

int LatencyReach::band(double ms)
{
    for (std::size_t b = 0; b < kBandsMs.size(); ++b)
        if (ms <= kBandsMs[b] + 1e-9)
            return int(b);
    return -1;
}

} // namespace cpn
