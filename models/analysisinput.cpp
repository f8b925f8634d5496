// The analysis input: taken on the GUI thread, prepared on a worker.

#include "analysisinput.h"

#include "networkstate.h"
#include "taskstore.h"

#include "gridfactors.h"

#include <QSet>

#include <algorithm>

namespace cpn::analysis {

AnalysisCapture::AnalysisCapture(const NetworkState& state)
{
    m_source.revision = state.revision();
    m_source.regions = state.regions();
    m_source.sites = state.sites();
    m_source.links = state.links();
    m_source.siteMetrics = state.liveSiteMetrics();
    m_source.linkMetrics = state.liveLinkMetrics();
    m_source.migrations = state.migrations();
}

bool AnalysisCapture::copyTasks(const TaskStore& store, int maxTasks)
{
    const std::size_t end = std::min(store.tasks.size(), m_nextSlot + std::size_t(std::max(0, maxTasks)));
    if (m_source.tasks.capacity() < store.tasks.size())
        m_source.tasks.reserve(store.tasks.size());
    for (; m_nextSlot < end; ++m_nextSlot) {
        if (store.slotRow[m_nextSlot] < 0)
            continue; // a free slot
        const Task& t = store.tasks[m_nextSlot];
        TaskRecord r;
        r.id = t.id;
        r.usersSiteId = t.usersSiteId;
        r.allowedRegionIds = t.allowedRegionIds;
        r.siteKey = store.slotSite[m_nextSlot];
        r.latencySloMs = float(t.latencySloMs);
        r.pflops = t.pflops;
        r.cards = t.cards;
        r.kind = t.kind;
        r.state = t.state;
        r.architecture = t.architecture;
        m_source.tasks.push_back(std::move(r));
    }
    return m_nextSlot >= store.tasks.size();
}

AnalysisSource AnalysisCapture::take(const TaskStore& store)
{
    m_source.siteIds = store.sites.values;
    return std::move(m_source);
}

AnalysisSource captureAnalysisSource(const NetworkState& state, const TaskStore& store)
{
    AnalysisCapture capture(state);
    capture.copyTasks(store, int(store.tasks.size()));
    return capture.take(store);
}

bool isLatencyTolerant(TaskKind kind)
{
    return kind != TaskKind::Inference && kind != TaskKind::Unknown;
}

AnalysisInput prepareAnalysis(AnalysisSource&& source)
{
    AnalysisInput in;
    in.revision = source.revision;
    QHash<QString, int> regionIndex;
    for (int r = 0; r < source.regions.size(); ++r)
        regionIndex.insert(source.regions[r].id, r);
    QHash<QString, int> platformIndex;
    const int siteCount = int(source.sites.size());
    in.network.sites.resize(std::size_t(siteCount));
    in.sites.resize(std::size_t(siteCount));
    QHash<QString, int> siteIndex;
    siteIndex.reserve(siteCount);
    for (int s = 0; s < siteCount; ++s) {
        const Site& site = source.sites[s];
        siteIndex.insert(site.id, s);
        in.siteIds.append(site.id);
        auto& rs = in.network.sites[std::size_t(s)];
        rs.availability = site.status == SiteStatus::Offline ? rules::Availability::Offline
            : site.status == SiteStatus::Maintenance         ? rules::Availability::Maintenance
                                                             : rules::Availability::Open;
        rs.offline = site.status == SiteStatus::Offline;
        const int region = regionIndex.value(site.regionId, -1);
        rs.region = region < 0 ? 63u : std::uint32_t(region);
        for (const auto& c : site.capacity) {
            rs.installed[std::size_t(c.architecture)] += c.cards;
            rs.installedPflops += c.pflops;
        }
        rs.gridKgPerKwh = rules::gridEmissionFactor(site.province.toStdString());
        auto& facts = in.sites[std::size_t(s)];
        facts.tier = site.tier;
        facts.western = region >= 0 && source.regions[region].western;
        const auto p = platformIndex.constFind(site.platform);
        facts.platform = p != platformIndex.cend() ? *p : int(platformIndex.size());
        if (p == platformIndex.cend())
            platformIndex.insert(site.platform, facts.platform);
    }
    std::vector<bool> hasMetrics(std::size_t(siteCount), false);
    for (int s = 0; s < std::min(siteCount, int(source.siteMetrics.size())); ++s) {
        const SiteMetrics& m = source.siteMetrics[s];
        if (m.sampleTimeMs == 0 && m.usage.isEmpty())
            continue;
        hasMetrics[std::size_t(s)] = true;
        auto& rs = in.network.sites[std::size_t(s)];
        for (const auto& u : m.usage)
            rs.taken[std::size_t(u.architecture)] += u.cardsUsed;
        rs.utilisation = m.utilisation;
        if (m.pue > 0)
            rs.pue = m.pue;
        rs.priceCnyPerKwh = m.priceCnyPerKwh;
        rs.greenShare = m.greenShare;
    }
    in.network.links.resize(std::size_t(source.links.size()));
    for (int l = 0; l < source.links.size(); ++l) {
        const Link& link = source.links[l];
        in.linkIds.append(link.id);
        auto& rl = in.network.links[std::size_t(l)];
        rl.a = std::uint32_t(siteIndex.value(link.siteAId, 0));
        rl.b = std::uint32_t(siteIndex.value(link.siteBId, 0));
        rl.capacityGbps = link.capacityGbps;
        rl.latencyMs = link.latencyMs;
        rl.down = link.status == LinkStatus::Down || !siteIndex.contains(link.siteAId)
            || !siteIndex.contains(link.siteBId);
        if (l < source.linkMetrics.size()) {
            rl.throughputAbGbps = source.linkMetrics[l].throughputAbGbps;
            rl.throughputBaGbps = source.linkMetrics[l].throughputBaGbps;
        }
    }
    in.network.buildGraph();

    QSet<QString> busy;
    for (const auto& m : std::as_const(source.migrations))
        if (!isFinished(m.state))
            busy.insert(m.taskId);
    std::vector<int> siteOfKey(source.siteIds.size(), -1);
    for (std::size_t k = 0; k < source.siteIds.size(); ++k)
        siteOfKey[k] = siteIndex.value(source.siteIds[k], -1);
    in.tasks.reserve(source.tasks.size());
    in.taskIds.reserve(qsizetype(source.tasks.size()));
    for (auto& r : source.tasks) {
        const int site = r.siteKey >= 0 && std::size_t(r.siteKey) < siteOfKey.size() ? siteOfKey[std::size_t(r.siteKey)] : -1;
        if (site < 0)
            continue;
        AnalysisTask t;
        t.record = int(in.taskIds.size());
        t.kind = r.kind;
        t.rule.site = std::uint32_t(site);
        t.rule.architecture = std::uint8_t(r.architecture);
        t.rule.holdsCards = r.state != TaskState::Queued;
        t.rule.pflops = r.pflops;
        t.rule.demand.cards = r.cards;
        t.rule.demand.latencySloMs = r.latencySloMs;
        t.rule.demand.usersSite = r.usersSiteId.isEmpty() ? -1 : siteIndex.value(r.usersSiteId, -1);
        t.rule.demand.busy = r.state == TaskState::Migrating || busy.contains(r.id);
        for (const auto& region : std::as_const(r.allowedRegionIds)) {
            const int i = regionIndex.value(region, -1);
            if (i >= 0 && i < 64)
                t.rule.demand.regionMask |= std::uint64_t(1) << i;
        }
        if (!r.allowedRegionIds.isEmpty() && t.rule.demand.regionMask == 0)
            t.rule.demand.regionMask = std::uint64_t(1) << 63; // only regions this console does not know
        in.taskIds.append(std::move(r.id));
        // A site without metrics: its cards taken are its tasks'.
        if (!hasMetrics[std::size_t(site)] && t.rule.holdsCards)
            in.network.sites[std::size_t(site)].taken[t.rule.architecture] += r.cards;
        in.tasks.push_back(t);
    }
    source.tasks.clear();
    in.siteStart.assign(std::size_t(siteCount) + 1, 0);
    for (const auto& t : in.tasks)
        ++in.siteStart[t.rule.site + 1];
    for (int s = 0; s < siteCount; ++s)
        in.siteStart[std::size_t(s) + 1] += in.siteStart[std::size_t(s)];
    in.tasksAt.resize(in.tasks.size());
    std::vector<int> fill(in.siteStart.begin(), in.siteStart.end() - 1);
    for (int i = 0; i < int(in.tasks.size()); ++i)
        in.tasksAt[std::size_t(fill[in.tasks[std::size_t(i)].rule.site]++)] = i;
    return in;
}

} // namespace cpn::analysis
