// LatencySloRule: which sites run tasks further from their users than their latency SLO allows.

#include "latencyslorule.h"

#include "taskbook.h"

#include <algorithm>
#include <cmath>

namespace cpn::mock {

namespace {

constexpr std::int64_t kSloCheckIntervalMs = 5 * 60000; // while some link is worse than at start
constexpr double kLatencyWorseFactor = 1.001; // a link this much slower than at start counts as changed
constexpr std::size_t kSloNeighbourhood = 64; // sites; tasks are placed among the 48 nearest their users

// One running task with a latency SLO, as the rule sees it.
struct SloTask {
    std::uint32_t usersSite = 0;
    std::uint32_t site = 0;
    double sloMs = 0;
};

} // namespace

LatencySloRule::LatencySloRule(const World& world)
    : m_world(world)
{ }

// Users' latency depends only on link latencies and on which links and sites are out (see
// MigrationPlanner::usersLatencyMs), and tasks are placed and moved within their SLO. So an SLO
// can only be broken while some link is down, next to an offline site or slower than at start,
// and only for users near such a link. The rule therefore does nothing on a healthy network;
// otherwise it checks at once when the links change and then every few simulated minutes: one
// pass over the tasks, and for each users' site with a changed link among its nearest sites one
// shortest-path search that stops as soon as it has reached the sites its tasks run at (not one
// per task).
std::optional<std::unordered_map<std::uint32_t, SloBreach>> LatencySloRule::check(const TaskBook& taskBook)
{
    for (std::size_t l = m_nominalLatencyMs.size(); l < m_world.topology.links.size(); ++l)
        m_nominalLatencyMs.push_back(float(m_world.topology.links[l].latency_ms()));
    std::vector<std::uint32_t> worse;
    std::uint64_t signature = 0;
    for (std::uint32_t l = 0; l < m_world.topology.links.size(); ++l) {
        // Routes avoid down links and offline sites (hopLatencyMs).
        const auto& link = m_world.topology.links[l];
        const auto [a, b] = m_world.topology.linkEnds[l];
        const int ends = int(m_world.isOffline(a)) + 2 * int(m_world.isOffline(b));
        if (link.status() == cpn::v1::LINK_STATUS_DOWN || ends != 0
            || link.latency_ms() > m_nominalLatencyMs[l] * kLatencyWorseFactor) {
            worse.push_back(l);
            signature = signature * 1000003 + l * 7 + std::uint64_t(link.status()) + std::uint64_t(ends) * 131
                + std::uint64_t(std::llround(link.latency_ms() * 1000));
        }
    }
    if (!worse.empty())
        signature |= 1; // never 0, the healthy network's signature
    const bool changed = signature != m_network;
    if (!changed && (signature == 0 || m_world.nowMs < m_nextCheckMs))
        return std::nullopt;
    m_network = signature;
    m_nextCheckMs = m_world.nowMs + kSloCheckIntervalMs;

    std::unordered_map<std::uint32_t, SloBreach> breaches;
    if (!worse.empty()) {
        std::vector<SloTask> tasks;
        for (const auto& [number, task] : taskBook.all())
            if (task.state == cpn::v1::TASK_STATE_RUNNING && task.latencySloMs > 0 && task.usersSite >= 0)
                tasks.push_back({ std::uint32_t(task.usersSite), task.site, task.latencySloMs });
        std::sort(tasks.begin(), tasks.end(), [](const SloTask& x, const SloTask& y) {
            return x.usersSite != y.usersSite ? x.usersSite < y.usersSite : x.sloMs > y.sloMs;
        });
        std::vector<char> worseEnd(m_world.sites.size(), 0);
        for (const auto l : worse)
            worseEnd[m_world.topology.linkEnds[l].first] = worseEnd[m_world.topology.linkEnds[l].second] = 1;
        m_neighbourhoods.resize(m_world.sites.size());
        const HopCost nominal = [&](const Hop& hop) { return double(m_nominalLatencyMs[hop.link]); };
        // Whether a users' site's tasks may have lost their SLO: a changed link lies among the
        // sites nearest to it (shortest routes to its tasks stay among them), or a task runs
        // further out than that.
        auto affected = [&](std::uint32_t users, const std::vector<std::uint32_t>& targets) {
            auto& near = m_neighbourhoods[users];
            if (near.empty()) {
                for (const auto& [node, cost] :
                    nodesWithin(m_world.graph, users, nominal, kUnreachable, kSloNeighbourhood))
                    near.push_back(node);
                std::sort(near.begin(), near.end());
            }
            auto contains = [&](std::uint32_t site) { return std::binary_search(near.begin(), near.end(), site); };
            if (!std::all_of(targets.begin(), targets.end(), contains))
                return true;
            for (const auto site : near)
                if (worseEnd[site])
                    for (const auto l : worse)
                        if ((m_world.topology.linkEnds[l].first == site
                                && contains(m_world.topology.linkEnds[l].second))
                            || (m_world.topology.linkEnds[l].second == site
                                && contains(m_world.topology.linkEnds[l].first)))
                            return true;
            return false;
        };
        const HopCost live = [&](const Hop& hop) { return m_world.hopLatencyMs(hop); };
        std::vector<std::pair<std::uint32_t, double>> near;
        for (std::size_t first = 0, last = 0; first < tasks.size(); first = last) {
            // One users' site: its tasks are tasks[first, last), the largest SLO first.
            const std::uint32_t users = tasks[first].usersSite;
            std::vector<std::uint32_t> targets;
            for (last = first; last < tasks.size() && tasks[last].usersSite == users; ++last)
                targets.push_back(tasks[last].site);
            std::sort(targets.begin(), targets.end());
            targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
            if (!affected(users, targets))
                continue;
            // Nearest sites first, widening until every target is reached or the SLO is exhausted.
            for (std::size_t count = 64;; count *= 4) {
                near = nodesWithin(m_world.graph, users, live, tasks[first].sloMs, count);
                std::sort(near.begin(), near.end());
                const bool all = std::all_of(targets.begin(), targets.end(), [&](std::uint32_t site) {
                    const auto f = std::lower_bound(near.begin(), near.end(), std::make_pair(site, -kUnreachable));
                    return f != near.end() && f->first == site;
                });
                if (all || near.size() < count)
                    break;
            }
            for (std::size_t i = first; i < last; ++i) {
                const auto& t = tasks[i];
                const auto found = std::lower_bound(near.begin(), near.end(), std::make_pair(t.site, -kUnreachable));
                const double latency = found != near.end() && found->first == t.site ? found->second : kUnreachable;
                if (latency <= t.sloMs)
                    continue;
                auto& breach = breaches[t.site];
                ++breach.tasks;
                if (breach.tasks == 1 || latency / t.sloMs > breach.worstMs / breach.worstSloMs) {
                    breach.worstMs = latency;
                    breach.worstSloMs = t.sloMs;
                    breach.worstUsersSite = t.usersSite;
                }
            }
        }
    }
    return breaches;
}

} // namespace cpn::mock
