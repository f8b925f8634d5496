// Recommendations: a greedy over candidate moves, checked by the shared rules, capacity reserved
// as moves are chosen (see the design note in recommendations.h).

#include "recommendations.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace cpn::analysis {

namespace {

constexpr int kCancelCheckEvery = 256;
constexpr int kMaxUsersSites = 300; // inference: the users' sites with the most cards are examined
constexpr std::size_t kMaxTargetScan = 3000; // targets looked at (cheap checks) per task
constexpr double kPackSearchMs = 30.0; // a packed site's tasks go this near at most

class Planner {
public:
    Planner(const AnalysisInput& input, const RecommendationOptions& options, const CancelFlag* cancel)
        : m_in(input)
        , m_options(options)
        , m_cancel(cancel)
        , m_work(input.network)
        , m_used(input.tasks.size(), false)
    {
        for (std::size_t a = 0; a < rules::kArchitectureSlots; ++a) {
            auto& all = m_byCost[a];
            for (std::uint32_t s = 0; s < input.network.sites.size(); ++s) {
                const auto& site = input.network.sites[s];
                if (site.installed[a] > 0 && site.availability == rules::Availability::Open)
                    all.push_back(s);
            }
            std::stable_sort(all.begin(), all.end(), [&](std::uint32_t x, std::uint32_t y) { return kwhCost(x) < kwhCost(y); });
            for (const auto s : all)
                if (input.sites[s].western)
                    m_westByCost[a].push_back(s);
        }
    }

    bool cancelled()
    {
        if (m_steps++ % kCancelCheckEvery == 0 && m_cancel && m_cancel->load(std::memory_order_relaxed))
            m_stopped = true;
        return m_stopped;
    }
    bool stopped() const { return m_stopped; }
    void startKind() { m_fullChecks = 0; } // each kind has its own budget of full checks
    bool full(int perKind) const { return perKind >= m_options.maxCount; }

    double kwhCost(std::uint32_t s) const
    {
        const auto& site = m_in.network.sites[s];
        return site.pue * site.priceCnyPerKwh;
    }
    rules::HourlyFootprint footprint(const AnalysisTask& t, std::uint32_t s) const
    {
        const auto& site = m_in.network.sites[s];
        return rules::hourlyFootprint(t.rule.architecture, t.rule.demand.cards, site.pue, site.priceCnyPerKwh,
            site.greenShare, site.gridKgPerKwh);
    }

    bool movable(int task) const
    {
        const auto& t = m_in.tasks[std::size_t(task)];
        return !m_used[std::size_t(task)] && t.rule.holdsCards && !t.rule.demand.busy && t.rule.demand.cards > 0;
    }

    // The cheap checks, on the working state (reservations included).
    bool mayTry(const AnalysisTask& t, std::uint32_t target) const
    {
        if (target == t.rule.site || m_in.sites[target].platform != m_in.sites[t.rule.site].platform)
            return false;
        const auto& site = m_work.sites[target];
        const auto arch = t.rule.architecture;
        return site.availability == rules::Availability::Open && site.installed[arch] > 0
            && site.freeCards(arch) >= t.rule.demand.cards && rules::regionAllowed(t.rule.demand.regionMask, site.region)
            && rules::utilisationAfterArriving(site.utilisation, t.rule.pflops, site.installedPflops)
            <= m_options.threshold;
    }

    // The full rules and the threshold on the path; reserves and records the move when it passes.
    bool tryMove(int task, std::uint32_t target, RecommendationKind kind, Recommendation* out)
    {
        const auto& t = m_in.tasks[std::size_t(task)];
        if (!mayTry(t, target) || m_fullChecks >= m_options.maxFullChecks)
            return false;
        ++m_fullChecks;
        const rules::MoveCheck check = rules::checkMove(m_work, t.rule, target);
        if (!check.feasible())
            return false;
        for (const auto& hop : check.route.hops) {
            const auto& l = m_work.links[hop.link];
            if (rules::projectedLinkUtilisation(l.capacityGbps, l.throughputAbGbps, l.throughputBaGbps, hop.forward,
                    check.rateGbps)
                > m_options.threshold)
                return false;
        }
        Recommendation r;
        r.kind = kind;
        r.task = task;
        r.taskId = m_in.taskIds[t.record];
        r.source = int(t.rule.site);
        r.target = int(target);
        r.sourceSiteId = m_in.siteIds[r.source];
        r.targetSiteId = m_in.siteIds[r.target];
        const auto here = footprint(t, t.rule.site);
        const auto there = footprint(t, target);
        r.costSavedCnyPerHour = here.costCnyPerHour - there.costCnyPerHour;
        r.carbonSavedKgPerHour = here.carbonKgPerHour - there.carbonKgPerHour;
        r.latencyBeforeMs = std::isfinite(check.latencyBeforeMs) ? check.latencyBeforeMs : 0;
        r.latencyAfterMs = std::isfinite(check.latencyAfterMs) ? check.latencyAfterMs : 0;
        auto& from = m_work.sites[t.rule.site];
        auto& to = m_work.sites[target];
        r.sourceLoad = { r.source, from.utilisation, check.sourceUtilisationAfter };
        r.targetLoad = { r.target, to.utilisation, check.targetUtilisationAfter };
        r.loadRelieved = from.utilisation - check.sourceUtilisationAfter;
        r.transferRateGbps = check.rateGbps;
        for (const auto& hop : check.route.hops) {
            auto& l = m_work.links[hop.link];
            const double before = l.utilisation();
            (hop.forward ? l.throughputAbGbps : l.throughputBaGbps) += check.rateGbps;
            r.pathLoads.push_back({ int(hop.link), before, l.utilisation() });
            r.pathLinkIds.append(m_in.linkIds[int(hop.link)]);
            r.pathHops.push_back(hop);
        }
        // Cards stay taken at the source until the move completes: nobody else is given them.
        to.taken[t.rule.architecture] += t.rule.demand.cards;
        to.utilisation = check.targetUtilisationAfter;
        from.utilisation = check.sourceUtilisationAfter;
        m_used[std::size_t(task)] = true;
        const double latencyGain = r.latencyBeforeMs - r.latencyAfterMs;
        r.score = r.costSavedCnyPerHour + r.carbonSavedKgPerHour * m_options.carbonPriceCnyPerKg
            + (kind == RecommendationKind::NearerUsers ? latencyGain * m_options.latencyValueCnyPerMsHour : 0)
            + (kind == RecommendationKind::RelieveSite ? r.loadRelieved * m_options.reliefValueCnyPerHour : 0);
        *out = std::move(r);
        return true;
    }

    // Tries the targets of `candidates` in order (cheap checks first), at most targetsPerTask in full.
    template <typename Accept>
    bool placeAmong(int task, const std::vector<std::uint32_t>& candidates, RecommendationKind kind, Accept accept,
        Recommendation* out)
    {
        const auto& t = m_in.tasks[std::size_t(task)];
        int tried = 0;
        for (std::size_t i = 0; i < candidates.size() && i < kMaxTargetScan && tried < m_options.targetsPerTask; ++i) {
            const auto target = candidates[i];
            if (!accept(target) || !mayTry(t, target))
                continue;
            ++tried;
            if (tryMove(task, target, kind, out))
                return true;
        }
        return false;
    }

    void relieveSites(std::vector<Recommendation>& out)
    {
        std::vector<std::uint32_t> hot;
        for (std::uint32_t s = 0; s < m_in.network.sites.size(); ++s)
            if (m_in.network.sites[s].utilisation > m_options.threshold)
                hot.push_back(s);
        std::sort(hot.begin(), hot.end(), [&](auto a, auto b) {
            return m_in.network.sites[a].utilisation > m_in.network.sites[b].utilisation;
        });
        int count = 0;
        for (const auto s : hot) {
            std::vector<int> tasks(m_in.tasksAt.begin() + m_in.siteStart[s], m_in.tasksAt.begin() + m_in.siteStart[s + 1]);
            std::stable_sort(tasks.begin(), tasks.end(),
                [&](int a, int b) { return m_in.tasks[std::size_t(a)].rule.pflops > m_in.tasks[std::size_t(b)].rule.pflops; });
            int examined = 0;
            for (const int task : tasks) {
                if (m_work.sites[s].utilisation <= m_options.threshold || full(count) || cancelled()
                    || ++examined > m_options.maxCandidates)
                    break;
                if (!movable(task))
                    continue;
                Recommendation r;
                const auto& t = m_in.tasks[std::size_t(task)];
                if (placeAmong(task, m_byCost[t.rule.architecture], RecommendationKind::RelieveSite,
                        [](std::uint32_t) { return true; }, &r)) {
                    out.push_back(std::move(r));
                    ++count;
                }
            }
        }
    }

    void eastToWest(std::vector<Recommendation>& out)
    {
        struct Potential {
            int task;
            double gain;
        };
        std::vector<Potential> potentials;
        std::array<double, rules::kArchitectureSlots> bestWest {};
        for (std::size_t a = 0; a < bestWest.size(); ++a)
            bestWest[a] = m_westByCost[a].empty() ? -1 : kwhCost(m_westByCost[a].front());
        for (int i = 0; i < int(m_in.tasks.size()); ++i) {
            const auto& t = m_in.tasks[std::size_t(i)];
            if (!isLatencyTolerant(t.kind) || m_in.sites[t.rule.site].western || !movable(i)
                || bestWest[t.rule.architecture] < 0)
                continue;
            const double kw = t.rule.demand.cards * rules::kilowattsPerCard(t.rule.architecture) * rules::kTypicalDrawShare;
            const double gain = kw * (kwhCost(t.rule.site) - bestWest[t.rule.architecture]);
            if (gain >= m_options.minCostGainCnyPerHour)
                potentials.push_back({ i, gain });
        }
        const auto keep = std::min(potentials.size(), std::size_t(std::max(0, m_options.maxCandidates)));
        std::partial_sort(potentials.begin(), potentials.begin() + std::ptrdiff_t(keep), potentials.end(),
            [](const Potential& a, const Potential& b) { return a.gain > b.gain || (a.gain == b.gain && a.task < b.task); });
        int count = 0;
        for (std::size_t i = 0; i < keep && !full(count) && !cancelled(); ++i) {
            const int task = potentials[i].task;
            if (!movable(task))
                continue;
            const auto& t = m_in.tasks[std::size_t(task)];
            const double sourceCost = footprint(t, t.rule.site).costCnyPerHour;
            Recommendation r;
            if (placeAmong(task, m_westByCost[t.rule.architecture], RecommendationKind::EastToWest,
                    [&](std::uint32_t s) {
                        return sourceCost - footprint(t, s).costCnyPerHour >= m_options.minCostGainCnyPerHour;
                    },
                    &r)) {
                out.push_back(std::move(r));
                ++count;
            }
        }
    }

    void nearerUsers(std::vector<Recommendation>& out)
    {
        std::unordered_map<std::int32_t, std::vector<int>> byUsers;
        std::unordered_map<std::int32_t, double> cardsByUsers;
        for (int i = 0; i < int(m_in.tasks.size()); ++i) {
            const auto& t = m_in.tasks[std::size_t(i)];
            if (t.kind != TaskKind::Inference || t.rule.demand.usersSite < 0 || !movable(i))
                continue;
            byUsers[t.rule.demand.usersSite].push_back(i);
            cardsByUsers[t.rule.demand.usersSite] += t.rule.demand.cards;
        }
        std::vector<std::int32_t> users;
        for (const auto& [u, tasks] : byUsers)
            users.push_back(u);
        std::sort(users.begin(), users.end(), [&](auto a, auto b) {
            return cardsByUsers[a] > cardsByUsers[b] || (cardsByUsers[a] == cardsByUsers[b] && a < b);
        });
        if (users.size() > std::size_t(kMaxUsersSites))
            users.resize(kMaxUsersSites);
        struct Candidate {
            int task;
            double latency;
        };
        std::vector<Candidate> candidates;
        std::unordered_map<std::int32_t, std::vector<std::uint32_t>> nearest;
        std::unordered_map<std::int32_t, std::vector<double>> latencyOf;
        rules::BoundedSearch search;
        for (const auto u : users) {
            double bound = 0;
            for (const int task : byUsers[u])
                bound = std::max(bound, double(m_in.tasks[std::size_t(task)].rule.demand.latencySloMs));
            bound = std::max(bound, 20.0);
            std::vector<std::uint32_t> near;
            search.run(m_in.network.graph, std::uint32_t(u), bound,
                [&](const rules::Hop& hop) { return m_in.network.hopLatencyMs(hop); },
                [&](std::uint32_t node, double) {
                    near.push_back(node);
                    return true;
                });
            for (const int task : byUsers[u]) {
                const auto& t = m_in.tasks[std::size_t(task)];
                const double now = search.cost(t.rule.site);
                const double nearestLatency = search.cost(near.front());
                if (now - nearestLatency >= m_options.minLatencyGainMs)
                    candidates.push_back({ task, std::isfinite(now) ? now : bound * 2 });
            }
            nearest.emplace(u, std::move(near));
            if (cancelled())
                return;
        }
        std::stable_sort(candidates.begin(), candidates.end(),
            [](const Candidate& a, const Candidate& b) { return a.latency > b.latency; });
        if (candidates.size() > std::size_t(std::max(0, m_options.maxCandidates)))
            candidates.resize(std::size_t(m_options.maxCandidates));
        int count = 0;
        for (const auto& c : candidates) {
            if (full(count) || cancelled())
                break;
            if (!movable(c.task))
                continue;
            const auto& t = m_in.tasks[std::size_t(c.task)];
            Recommendation r;
            if (placeAmong(c.task, nearest[t.rule.demand.usersSite], RecommendationKind::NearerUsers,
                    [&](std::uint32_t) { return true; }, &r)) {
                if (r.latencyBeforeMs - r.latencyAfterMs >= m_options.minLatencyGainMs) {
                    out.push_back(std::move(r));
                    ++count;
                } else {
                    undo(r);
                }
            }
        }
    }

    void packForDrain(std::vector<Recommendation>& out, QStringList& freed)
    {
        std::vector<std::uint32_t> quiet;
        for (std::uint32_t s = 0; s < m_in.network.sites.size(); ++s) {
            const auto tier = m_in.sites[s].tier;
            const auto& site = m_work.sites[s];
            if ((tier == SiteTier::Regional || tier == SiteTier::Edge) && site.availability == rules::Availability::Open
                && site.utilisation <= m_options.packBelow && m_in.siteStart[s + 1] > m_in.siteStart[s])
                quiet.push_back(s);
        }
        std::sort(quiet.begin(), quiet.end(), [&](auto a, auto b) {
            return m_work.sites[a].utilisation < m_work.sites[b].utilisation || (m_work.sites[a].utilisation == m_work.sites[b].utilisation && a < b);
        });
        rules::BoundedSearch search;
        int freedCount = 0;
        for (std::size_t q = 0; q < quiet.size() && q < 50 && freedCount < m_options.maxPackSites && !cancelled(); ++q) {
            const auto s = quiet[q];
            std::vector<std::uint32_t> near;
            search.run(m_in.network.graph, s, kPackSearchMs, [&](const rules::Hop& hop) { return m_in.network.hopLatencyMs(hop); },
                [&](std::uint32_t node, double) {
                    if (node != s)
                        near.push_back(node);
                    return true;
                });
            std::vector<Recommendation> moves;
            bool ok = true;
            for (int i = m_in.siteStart[s]; i < m_in.siteStart[s + 1] && ok; ++i) {
                const int task = m_in.tasksAt[std::size_t(i)];
                const auto& t = m_in.tasks[std::size_t(task)];
                if (!t.rule.holdsCards && t.rule.demand.cards == 0)
                    continue;
                Recommendation r;
                ok = movable(task) && placeAmong(task, near, RecommendationKind::PackForDrain, [](std::uint32_t) { return true; }, &r);
                if (ok)
                    moves.push_back(std::move(r));
            }
            if (!ok || moves.empty() || int(out.size() + moves.size()) > m_options.maxCount) {
                for (auto it = moves.rbegin(); it != moves.rend(); ++it)
                    undo(*it);
                continue;
            }
            ++freedCount;
            freed.append(m_in.siteIds[int(s)]);
            for (auto& m : moves)
                out.push_back(std::move(m));
        }
    }

    void undo(const Recommendation& r)
    {
        const auto& t = m_in.tasks[std::size_t(r.task)];
        auto& to = m_work.sites[std::size_t(r.target)];
        to.taken[t.rule.architecture] -= t.rule.demand.cards;
        to.utilisation = r.targetLoad.before;
        m_work.sites[std::size_t(r.source)].utilisation = r.sourceLoad.before;
        for (const auto& hop : r.pathHops) {
            auto& l = m_work.links[hop.link];
            (hop.forward ? l.throughputAbGbps : l.throughputBaGbps) -= r.transferRateGbps;
        }
        m_used[std::size_t(r.task)] = false;
    }

private:
    const AnalysisInput& m_in;
    const RecommendationOptions& m_options;
    const CancelFlag* m_cancel;
    rules::Network m_work;
    std::vector<bool> m_used;
    std::array<std::vector<std::uint32_t>, rules::kArchitectureSlots> m_byCost;
    std::array<std::vector<std::uint32_t>, rules::kArchitectureSlots> m_westByCost;
    int m_steps = 0;
    int m_fullChecks = 0;
    bool m_stopped = false;
};

} // namespace

RecommendationResult recommend(const AnalysisInput& input, const RecommendationOptions& options, const CancelFlag* cancel)
{
    RecommendationResult result;
    result.revision = input.revision;
    for (int s = 0; s < int(input.network.sites.size()); ++s)
        if (input.network.sites[std::size_t(s)].utilisation > options.threshold)
            result.overloadedSites.push_back({ s, input.network.sites[std::size_t(s)].utilisation, 0 });
    for (int l = 0; l < int(input.network.links.size()); ++l)
        if (input.network.links[std::size_t(l)].utilisation() > options.threshold)
            result.overloadedLinks.push_back({ l, input.network.links[std::size_t(l)].utilisation(), 0 });

    Planner planner(input, options, cancel);
    auto& out = result.recommendations;
    if (options.relieveSites) {
        planner.startKind();
        planner.relieveSites(out);
    }
    if (options.nearerUsers && !planner.stopped()) {
        planner.startKind();
        planner.nearerUsers(out);
    }
    if (options.packForDrain && !planner.stopped()) {
        planner.startKind();
        planner.packForDrain(out, result.sitesFreed);
    }
    if (options.eastToWest && !planner.stopped()) {
        planner.startKind();
        planner.eastToWest(out);
    }
    result.cancelled = planner.stopped();
    std::stable_sort(out.begin(), out.end(), [](const Recommendation& a, const Recommendation& b) { return a.score > b.score; });
    if (out.size() > std::size_t(std::max(0, options.maxCount)))
        out.resize(std::size_t(options.maxCount));
    // What the kept set leaves the overloaded sites at; a site to free only if all its moves were kept.
    for (auto& o : result.overloadedSites) {
        double after = o.before;
        for (const auto& r : out)
            if (r.source == o.index)
                after -= r.loadRelieved;
        o.after = after;
    }
    for (auto& o : result.overloadedLinks)
        o.after = o.before;
    QStringList freed;
    for (const auto& id : std::as_const(result.sitesFreed)) {
        const int s = input.siteIndex(id);
        int moves = 0;
        for (const auto& r : out)
            moves += r.source == s && r.kind == RecommendationKind::PackForDrain;
        int tasks = 0;
        for (int i = input.siteStart[std::size_t(s)]; i < input.siteStart[std::size_t(s) + 1]; ++i)
            tasks += input.tasks[std::size_t(input.tasksAt[std::size_t(i)])].rule.demand.cards > 0;
        if (moves == tasks)
            freed.append(id);
    }
    result.sitesFreed = freed;
    return result;
}

} // namespace cpn::analysis
