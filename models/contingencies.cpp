// N-1 contingencies: displaced work re-placed greedily by the shared rules (see contingencies.h).

#include "contingencies.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace cpn::analysis {

namespace {

constexpr std::size_t kMaxMaskedScan = 5000; // sites looked at for a task bound to some regions
constexpr int kReroutes = 4; // routes a failed link's traffic is spread over

bool isBackboneTier(SiteTier tier)
{
    return tier == SiteTier::NationalHub || tier == SiteTier::Cluster;
}

// First index whose value is at least a need, over a fixed order (max segment tree).
class FirstFit {
public:
    explicit FirstFit(const std::vector<std::int64_t>& values)
    {
        m_size = 1;
        while (m_size < values.size())
            m_size *= 2;
        m_tree.assign(2 * m_size, -1);
        for (std::size_t i = 0; i < values.size(); ++i)
            m_tree[m_size + i] = values[i];
        for (std::size_t i = m_size - 1; i > 0; --i)
            m_tree[i] = std::max(m_tree[2 * i], m_tree[2 * i + 1]);
    }
    // -1 when none.
    std::int64_t find(std::int64_t need) const
    {
        if (m_tree.size() < 2 || m_tree[1] < need)
            return -1;
        std::size_t i = 1;
        while (i < m_size)
            i = m_tree[2 * i] >= need ? 2 * i : 2 * i + 1;
        return std::int64_t(i - m_size);
    }
    void set(std::size_t index, std::int64_t value)
    {
        std::size_t i = m_size + index;
        m_tree[i] = value;
        for (i /= 2; i > 0; i /= 2)
            m_tree[i] = std::max(m_tree[2 * i], m_tree[2 * i + 1]);
    }

private:
    std::size_t m_size = 1;
    std::vector<std::int64_t> m_tree;
};

// What the latency-bound tasks' users' paths cross now, for the elements studied: worked out once.
struct PathDependence {
    std::unordered_map<std::uint64_t, std::vector<int>> tasksBy; // element key -> tasks
    static std::uint64_t key(ElementKind kind, int index) { return (std::uint64_t(kind) << 32) | std::uint32_t(index); }
};

bool latencyBound(const AnalysisTask& t)
{
    return t.rule.demand.usersSite >= 0 && t.rule.demand.latencySloMs > 0;
}

PathDependence dependenceOf(const AnalysisInput& in, const std::vector<Element>& studied, const CancelFlag* cancel)
{
    PathDependence out;
    std::vector<char> siteStudied(in.network.sites.size(), 0);
    std::vector<char> linkStudied(in.network.links.size(), 0);
    for (const auto& e : studied)
        (e.kind == ElementKind::Site ? siteStudied : linkStudied)[std::size_t(e.index)] = 1;
    std::map<std::int32_t, std::vector<int>> byUsers;
    for (int i = 0; i < int(in.tasks.size()); ++i)
        if (latencyBound(in.tasks[std::size_t(i)]) && in.tasks[std::size_t(i)].rule.holdsCards)
            byUsers[in.tasks[std::size_t(i)].rule.demand.usersSite].push_back(i);
    rules::BoundedSearch search;
    std::vector<std::uint32_t> wanted(in.network.sites.size(), 0);
    std::uint32_t stamp = 0;
    for (const auto& [u, tasks] : byUsers) {
        if (cancel && cancel->load(std::memory_order_relaxed))
            break;
        double bound = 0;
        for (const int t : tasks)
            bound = std::max(bound, double(in.tasks[std::size_t(t)].rule.demand.latencySloMs));
        // Stops once every site of its tasks is settled: inference runs near its users.
        ++stamp;
        std::size_t remaining = 0;
        for (const int t : tasks) {
            const auto site = in.tasks[std::size_t(t)].rule.site;
            if (wanted[site] != stamp) {
                wanted[site] = stamp;
                ++remaining;
            }
        }
        search.run(in.network.graph, std::uint32_t(u), bound, [&](const rules::Hop& hop) { return in.network.hopLatencyMs(hop); },
            [&](std::uint32_t node, double) { return wanted[node] != stamp || --remaining > 0; });
        for (const int t : tasks) {
            std::uint32_t node = in.tasks[std::size_t(t)].rule.site;
            if (!std::isfinite(search.cost(node)))
                continue; // out of its SLO already: no failure changes that
            while (node != std::uint32_t(u)) {
                const auto& back = search.via(node);
                if (linkStudied[back.link])
                    out.tasksBy[PathDependence::key(ElementKind::Link, int(back.link))].push_back(t);
                node = back.to;
                if (node != std::uint32_t(u) && siteStudied[node])
                    out.tasksBy[PathDependence::key(ElementKind::Site, int(node))].push_back(t);
            }
        }
    }
    return out;
}

class Evaluator {
public:
    Evaluator(const AnalysisInput& in, const ContingencyOptions& options, const CancelFlag* cancel,
        const PathDependence* dependence)
        : m_in(in)
        , m_options(options)
        , m_cancel(cancel)
        , m_dependence(dependence)
        , m_siteFailed(in.network.sites.size(), 0)
        , m_linkFailed(in.network.links.size(), 0)
    { }

    bool cancelled() const { return m_cancel && m_cancel->load(std::memory_order_relaxed); }

    double cost(const rules::Hop& hop) const
    {
        return m_linkFailed[hop.link] || m_siteFailed[hop.to] ? -1.0 : m_in.network.hopLatencyMs(hop);
    }

    Contingency evaluate(const std::vector<Element>& failed)
    {
        Contingency c;
        c.failed = failed;
        for (const auto& e : failed) {
            (e.kind == ElementKind::Site ? m_siteFailed : m_linkFailed)[std::size_t(e.index)] = 1;
            if (e.kind == ElementKind::Site && c.tier == SiteTier::Unknown)
                c.tier = m_in.sites[std::size_t(e.index)].tier;
        }
        run(c);
        for (const auto& e : failed)
            (e.kind == ElementKind::Site ? m_siteFailed : m_linkFailed)[std::size_t(e.index)] = 0;
        m_taken.clear();
        m_pflopsIn.clear();
        m_balls.clear();
        m_nearestFrom.clear();
        m_fits.clear();
        m_positions.clear();
        m_reasons.clear();
        return c;
    }

private:
    bool siteOpen(std::uint32_t s) const
    {
        return !m_siteFailed[s] && m_in.network.sites[s].availability == rules::Availability::Open;
    }

    std::int64_t freeAt(std::uint32_t s, std::size_t arch) const
    {
        const auto& site = m_in.network.sites[s];
        const auto it = m_taken.find(std::uint64_t(s) * rules::kArchitectureSlots + arch);
        const std::uint64_t extra = it == m_taken.end() ? 0 : it->second;
        const auto cap = std::uint64_t(std::floor(m_options.maxAllocation * site.installed[arch] + 1e-9));
        const std::uint64_t taken = std::uint64_t(site.taken[arch]) + extra;
        return cap > taken ? std::int64_t(cap - taken) : 0;
    }

    // Sites nearest first from `from` over the failed network (leaving `from` itself is allowed).
    const std::vector<std::uint32_t>& nearestFrom(std::uint32_t from)
    {
        auto it = m_nearestFrom.find(from);
        if (it != m_nearestFrom.end())
            return it->second;
        std::vector<std::uint32_t> near;
        m_search.run(m_in.network.graph, from, rules::kUnreachable, [&](const rules::Hop& hop) { return cost(hop); },
            [&](std::uint32_t node, double) {
                if (node != from && siteOpen(node))
                    near.push_back(node);
                return true;
            });
        auto& positions = m_positions[from];
        positions.assign(m_in.network.sites.size(), -1);
        for (std::size_t i = 0; i < near.size(); ++i)
            positions[near[i]] = int(i);
        return m_nearestFrom.emplace(from, std::move(near)).first->second;
    }

    // The users' sites within `bound`, nearest first, over the failed network.
    const std::vector<std::pair<std::uint32_t, double>>& ballOf(std::int32_t users, double bound)
    {
        auto it = m_balls.find(users);
        if (it != m_balls.end() && it->second.first >= bound)
            return it->second.second;
        std::vector<std::pair<std::uint32_t, double>> ball;
        m_search.run(m_in.network.graph, std::uint32_t(users), bound, [&](const rules::Hop& hop) { return cost(hop); },
            [&](std::uint32_t node, double d) {
                ball.emplace_back(node, d);
                return true;
            });
        auto& slot = m_balls[users];
        slot = { bound, std::move(ball) };
        return slot.second;
    }

    bool fits(const AnalysisTask& t, std::uint32_t s, std::uint32_t platform) const
    {
        const auto& site = m_in.network.sites[s];
        return siteOpen(s) && std::uint32_t(m_in.sites[s].platform) == platform && site.installed[t.rule.architecture] > 0
            && rules::regionAllowed(t.rule.demand.regionMask, site.region)
            && freeAt(s, t.rule.architecture) >= std::int64_t(t.rule.demand.cards);
    }

    // First-fit structure over nearestFrom(from) for one architecture (tasks bound to no region).
    FirstFit& fitsFrom(std::uint32_t from, std::size_t arch, const std::vector<std::uint32_t>& order)
    {
        const std::uint64_t key = std::uint64_t(from) * rules::kArchitectureSlots + arch;
        auto it = m_fits.find(key);
        if (it == m_fits.end()) {
            std::vector<std::int64_t> values(order.size());
            for (std::size_t i = 0; i < order.size(); ++i)
                values[i] = m_in.network.sites[order[i]].installed[arch] > 0 ? freeAt(order[i], arch) : -1;
            it = m_fits.emplace(key, FirstFit(values)).first;
        }
        return it->second;
    }

    void reserve(const AnalysisTask& t, std::uint32_t s)
    {
        m_taken[std::uint64_t(s) * rules::kArchitectureSlots + t.rule.architecture] += t.rule.demand.cards;
        m_pflopsIn[s] += t.rule.pflops;
        // Keep every first-fit structure of this architecture in step.
        for (auto& [key, fit] : m_fits) {
            if (key % rules::kArchitectureSlots != t.rule.architecture)
                continue;
            const int at = m_positions[std::uint32_t(key / rules::kArchitectureSlots)][s];
            if (at >= 0)
                fit.set(std::size_t(at), freeAt(s, t.rule.architecture));
        }
    }

    UnplacedReason classify(const AnalysisTask& t, std::uint32_t platform)
    {
        // Architecture and residency depend on few things: worked out once per kind of demand.
        const std::uint64_t key = (std::uint64_t(platform) << 40) ^ (std::uint64_t(t.rule.architecture) << 32)
            ^ (t.rule.demand.regionMask * 0x9e3779b97f4a7c15ULL);
        auto known = m_reasons.find(key);
        if (known == m_reasons.end())
            known = m_reasons.emplace(key, classifyWhere(t, platform)).first;
        if (known->second != UnplacedReason::Capacity)
            return known->second;
        if (latencyBound(t)) {
            bool near = false;
            for (const auto& [s, d] : ballOf(t.rule.demand.usersSite, t.rule.demand.latencySloMs))
                if (d <= t.rule.demand.latencySloMs && siteOpen(s) && std::uint32_t(m_in.sites[s].platform) == platform
                    && m_in.network.sites[s].installed[t.rule.architecture] > 0
                    && rules::regionAllowed(t.rule.demand.regionMask, m_in.network.sites[s].region)) {
                    near = true;
                    break;
                }
            if (!near)
                return UnplacedReason::Latency;
        }
        return UnplacedReason::Capacity;
    }

    UnplacedReason classifyWhere(const AnalysisTask& t, std::uint32_t platform) const
    {
        bool arch = false;
        bool region = false;
        for (std::uint32_t s = 0; s < m_in.network.sites.size() && !region; ++s) {
            if (!siteOpen(s) || std::uint32_t(m_in.sites[s].platform) != platform
                || m_in.network.sites[s].installed[t.rule.architecture] == 0)
                continue;
            arch = true;
            region = rules::regionAllowed(t.rule.demand.regionMask, m_in.network.sites[s].region);
        }
        return !arch ? UnplacedReason::Architecture : !region ? UnplacedReason::Residency : UnplacedReason::Capacity;
    }

    std::int64_t place(const AnalysisTask& t)
    {
        const auto platform = std::uint32_t(m_in.sites[t.rule.site].platform);
        if (latencyBound(t)) {
            for (const auto& [s, d] : ballOf(t.rule.demand.usersSite, t.rule.demand.latencySloMs))
                if (d <= t.rule.demand.latencySloMs && s != t.rule.site && fits(t, s, platform))
                    return s;
            return -1;
        }
        const auto& order = nearestFrom(t.rule.site);
        if (t.rule.demand.regionMask == 0) {
            const auto i = fitsFrom(t.rule.site, t.rule.architecture, order).find(std::int64_t(t.rule.demand.cards));
            // The structure holds every site with the architecture; the platform is checked here.
            if (i >= 0 && fits(t, order[std::size_t(i)], platform))
                return order[std::size_t(i)];
            if (i < 0)
                return -1;
        }
        for (std::size_t i = 0; i < order.size() && i < kMaxMaskedScan; ++i)
            if (fits(t, order[i], platform))
                return order[i];
        return -1;
    }

    void run(Contingency& c)
    {
        std::vector<int> displaced;
        std::vector<char> seen;
        for (const auto& e : c.failed) {
            if (e.kind == ElementKind::Site) {
                const auto s = std::size_t(e.index);
                for (int i = m_in.siteStart[s]; i < m_in.siteStart[s + 1]; ++i)
                    if (m_in.tasks[std::size_t(m_in.tasksAt[std::size_t(i)])].rule.holdsCards)
                        displaced.push_back(m_in.tasksAt[std::size_t(i)]);
            }
        }
        // Latency-bound tasks elsewhere whose users' path crossed a failed element.
        if (m_dependence) {
            std::vector<int> dependent;
            for (const auto& e : c.failed) {
                const auto it = m_dependence->tasksBy.find(PathDependence::key(e.kind, e.index));
                if (it != m_dependence->tasksBy.end())
                    dependent.insert(dependent.end(), it->second.begin(), it->second.end());
            }
            std::sort(dependent.begin(), dependent.end());
            dependent.erase(std::unique(dependent.begin(), dependent.end()), dependent.end());
            for (const int i : dependent) {
                const auto& t = m_in.tasks[std::size_t(i)];
                if (m_siteFailed[t.rule.site])
                    continue; // counted with its site
                bool stillNear = false;
                for (const auto& [s, d] : ballOf(t.rule.demand.usersSite, t.rule.demand.latencySloMs))
                    if (s == t.rule.site) {
                        stillNear = d <= t.rule.demand.latencySloMs;
                        break;
                    }
                if (!stillNear)
                    displaced.push_back(i);
            }
        }
        std::stable_sort(displaced.begin(), displaced.end(), [&](int a, int b) {
            const auto& x = m_in.tasks[std::size_t(a)];
            const auto& y = m_in.tasks[std::size_t(b)];
            if (latencyBound(x) != latencyBound(y))
                return latencyBound(x);
            return x.rule.demand.cards > y.rule.demand.cards;
        });

        std::map<std::pair<int, int>, DisplacedFlow> flows;
        int step = 0;
        for (const int i : displaced) {
            if (++step % 1024 == 0 && cancelled())
                return;
            const auto& t = m_in.tasks[std::size_t(i)];
            ++c.tasksDisplaced;
            c.pflopsDisplaced += t.rule.pflops;
            const std::int64_t target = place(t);
            if (target < 0) {
                const auto reason = classify(t, std::uint32_t(m_in.sites[t.rule.site].platform));
                ++c.unplacedTasks[std::size_t(reason)];
                c.unplacedPflops[std::size_t(reason)] += t.rule.pflops;
                if (c.unplacedTaskIds.size() < m_options.maxUnplacedIds)
                    c.unplacedTaskIds.append(m_in.taskIds[t.record]);
                continue;
            }
            reserve(t, std::uint32_t(target));
            ++c.tasksPlaced;
            auto& f = flows[{ int(t.rule.site), int(target) }];
            f.source = int(t.rule.site);
            f.target = int(target);
            ++f.tasks;
            f.cards += t.rule.demand.cards;
            f.pflops += t.rule.pflops;
        }
        for (auto& [ends, f] : flows) {
            f.sourceSiteId = m_in.siteIds[f.source];
            f.targetSiteId = m_in.siteIds[f.target];
            c.flows.push_back(std::move(f));
        }
        std::stable_sort(c.flows.begin(), c.flows.end(), [](const auto& a, const auto& b) { return a.pflops > b.pflops; });

        for (const auto& [s, pflops] : m_pflopsIn) {
            const auto& site = m_in.network.sites[s];
            c.absorbing.push_back({ ElementKind::Site, int(s), m_in.siteIds[int(s)], site.utilisation,
                rules::utilisationAfterArriving(site.utilisation, pflops, site.installedPflops) });
        }
        // A failed link's traffic spreads over up to kReroutes routes left between its ends, each
        // avoiding the links of the ones before, in proportion to the spare capacity of each
        // route's narrowest link (as traffic engineering would share it).
        std::unordered_map<std::uint32_t, std::pair<double, double>> extra; // link -> (ab, ba) added
        for (const auto& e : c.failed) {
            if (e.kind != ElementKind::Link)
                continue;
            const auto& l = m_in.network.links[std::size_t(e.index)];
            if (m_siteFailed[l.a] || m_siteFailed[l.b])
                continue;
            std::vector<rules::Route> routes;
            std::vector<double> spare;
            std::unordered_set<std::uint32_t> used;
            for (int k = 0; k < kReroutes; ++k) {
                auto route = rules::shortestRoute(m_in.network.graph, l.a, l.b, [&](const rules::Hop& hop) {
                    return used.count(hop.link) ? -1.0 : cost(hop);
                });
                if (!route.found)
                    break;
                double narrowest = std::numeric_limits<double>::infinity();
                for (const auto& hop : route.hops) {
                    const auto& via = m_in.network.links[hop.link];
                    used.insert(hop.link);
                    const double busy = std::max(via.throughputAbGbps, via.throughputBaGbps);
                    narrowest = std::min(narrowest, std::max(0.0, via.capacityGbps - busy));
                }
                routes.push_back(std::move(route));
                spare.push_back(narrowest);
            }
            double totalSpare = 0;
            for (const double s : spare)
                totalSpare += s;
            for (std::size_t r = 0; r < routes.size(); ++r) {
                const double share = totalSpare > 0 ? spare[r] / totalSpare : 1.0 / double(routes.size());
                for (const auto& hop : routes[r].hops) {
                    auto& add = extra[hop.link];
                    add.first += share * (hop.forward ? l.throughputAbGbps : l.throughputBaGbps);
                    add.second += share * (hop.forward ? l.throughputBaGbps : l.throughputAbGbps);
                }
            }
        }
        for (const auto& [link, add] : extra) {
            const auto& l = m_in.network.links[link];
            c.absorbing.push_back({ ElementKind::Link, int(link), m_in.linkIds[int(link)], l.utilisation(),
                l.capacityGbps > 0
                    ? std::max(l.throughputAbGbps + add.first, l.throughputBaGbps + add.second) / l.capacityGbps
                    : 0 });
        }
        std::stable_sort(c.absorbing.begin(), c.absorbing.end(), [](const auto& a, const auto& b) { return a.after > b.after; });
        double worst = 0;
        for (const auto& a : c.absorbing) {
            auto& w = a.kind == ElementKind::Site ? c.worstSite : c.worstLink;
            if (w.index < 0 || a.after > w.after)
                w = a;
            worst = std::max(worst, a.after);
        }
        double unplaced = 0;
        for (const double p : c.unplacedPflops)
            unplaced += p;
        c.severity = (c.pflopsDisplaced > 0 ? unplaced / c.pflopsDisplaced : 0)
            + std::clamp(worst - m_options.threshold, 0.0, 1.0);
    }

    const AnalysisInput& m_in;
    const ContingencyOptions& m_options;
    const CancelFlag* m_cancel;
    const PathDependence* m_dependence;
    std::vector<char> m_siteFailed;
    std::vector<char> m_linkFailed;
    std::unordered_map<std::uint64_t, std::uint64_t> m_taken; // (site, arch) -> cards re-placed there
    std::unordered_map<std::uint32_t, double> m_pflopsIn;
    std::unordered_map<std::int32_t, std::pair<double, std::vector<std::pair<std::uint32_t, double>>>> m_balls;
    std::unordered_map<std::uint32_t, std::vector<std::uint32_t>> m_nearestFrom;
    std::unordered_map<std::uint64_t, FirstFit> m_fits;
    std::unordered_map<std::uint32_t, std::vector<int>> m_positions; // from -> site -> index in nearestFrom
    std::unordered_map<std::uint64_t, UnplacedReason> m_reasons;
    rules::BoundedSearch m_search;
};

} // namespace

std::vector<Element> contingencyElements(const AnalysisInput& input)
{
    std::vector<Element> out;
    for (int s = 0; s < int(input.sites.size()); ++s)
        if (isBackboneTier(input.sites[std::size_t(s)].tier))
            out.push_back({ ElementKind::Site, s, input.siteIds[s] });
    for (int l = 0; l < int(input.network.links.size()); ++l) {
        const auto& link = input.network.links[std::size_t(l)];
        if (isBackboneTier(input.sites[link.a].tier) && isBackboneTier(input.sites[link.b].tier))
            out.push_back({ ElementKind::Link, l, input.linkIds[l] });
    }
    return out;
}

ContingencyResult contingencies(const AnalysisInput& input, const std::vector<Element>& elements,
    const ContingencyOptions& options, const CancelFlag* cancel)
{
    ContingencyResult result;
    result.revision = input.revision;
    const std::vector<Element> studied = elements.empty() ? contingencyElements(input) : elements;
    const PathDependence dependence = dependenceOf(input, studied, cancel);
    Evaluator evaluator(input, options, cancel, &dependence);
    for (const auto& e : studied) {
        if (evaluator.cancelled()) {
            result.cancelled = true;
            break;
        }
        result.contingencies.push_back(evaluator.evaluate({ e }));
    }
    std::stable_sort(result.contingencies.begin(), result.contingencies.end(), [](const auto& a, const auto& b) {
        return a.severity > b.severity || (a.severity == b.severity && a.pflopsDisplaced > b.pflopsDisplaced);
    });
    return result;
}

Contingency contingencyOf(const AnalysisInput& input, const std::vector<Element>& failedTogether,
    const ContingencyOptions& options, const CancelFlag* cancel)
{
    const PathDependence dependence = dependenceOf(input, failedTogether, cancel);
    Evaluator evaluator(input, options, cancel, &dependence);
    return evaluator.evaluate(failedTogether);
}

} // namespace cpn::analysis
