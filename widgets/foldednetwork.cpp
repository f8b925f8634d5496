#include "foldednetwork.h"

#include "networkstate.h"
#include "sitehierarchy.h"

#include <QHash>

#include <algorithm>

namespace cpn {

namespace {

// Load of one direction of a link: throughput over capacity, or the link's single
// utilisation figure when the scheduler sent no throughput.
std::pair<double, double> directionLoads(const Link& link, const LinkMetrics& m)
{
    if (m.throughputAbGbps <= 0 && m.throughputBaGbps <= 0)
        return { m.utilisation, m.utilisation };
    if (link.capacityGbps <= 0)
        return { 0.0, 0.0 };
    return { std::min(1.0, m.throughputAbGbps / link.capacityGbps),
        std::min(1.0, m.throughputBaGbps / link.capacityGbps) };
}

} // namespace

LinkStatus FoldedLink::status() const
{
    if (memberCount > 0 && downCount == memberCount)
        return LinkStatus::Down;
    return downCount > 0 ? LinkStatus::Degraded : LinkStatus::Up;
}

void FoldedNetwork::rebuild(
    const NetworkState& state, const SiteHierarchy& hierarchy, int autoDepth, const QSet<int>& unfolded)
{
    m_autoDepth = autoDepth;
    m_unfolded = unfolded;
    const int n = hierarchy.size();
    m_representative.assign(n, -1);

    // Parents before children: order by depth.
    int maxDepth = 0;
    for (int i = 0; i < n; ++i)
        maxDepth = std::max(maxDepth, hierarchy.depth(i));
    std::vector<int> order;
    order.reserve(n);
    for (int d = 0; d <= maxDepth; ++d)
        for (int i = 0; i < n; ++i)
            if (hierarchy.depth(i) == d)
                order.push_back(i);
    auto isUnfolded = [&](int s) { return hierarchy.depth(s) < autoDepth || unfolded.contains(s); };
    m_visible.clear();
    for (int s : order) {
        const int p = hierarchy.parent(s);
        const bool visible = p < 0 || (m_representative[p] == p && (isUnfolded(p) || !hierarchy.folds(s)));
        m_representative[s] = visible ? s : m_representative[p];
        if (visible)
            m_visible.push_back(s);
    }
    // A site two platforms report is drawn once, as its primary (NetworkState::duplicateOf): the
    // duplicate, and whatever folds into it, fold into the primary's place.
    if (std::any_of(m_visible.cbegin(), m_visible.cend(), [&state](int s) { return state.duplicateOf(s) >= 0; })) {
        // A primary may itself fold into a duplicate (its hub another platform's too): followed
        // until a site that is no one's duplicate (primaries never are; bounded all the same).
        const auto resolve = [&](int v) {
            for (int guard = 0; guard < 8 && state.duplicateOf(v) >= 0; ++guard)
                v = m_representative[state.duplicateOf(v)];
            return v;
        };
        std::vector<int> resolved(m_representative.size());
        for (int s = 0; s < n; ++s)
            resolved[s] = resolve(m_representative[s]);
        m_representative = std::move(resolved);
        m_visible.erase(
            std::remove_if(m_visible.begin(), m_visible.end(), [this](int s) { return m_representative[s] != s; }),
            m_visible.end());
    }
    std::sort(m_visible.begin(), m_visible.end());

    const QList<Link>& links = state.links();
    m_links.clear();
    m_linkFold.assign(links.size(), -1);
    m_linkReversed.assign(links.size(), false);
    QHash<quint64, int> pairs;
    for (int i = 0; i < int(links.size()); ++i) {
        const int a = state.linkSiteA(i), b = state.linkSiteB(i);
        if (a < 0 || b < 0 || a >= n || b >= n)
            continue;
        const int ra = m_representative[a], rb = m_representative[b];
        // Between two sites another platform reports too: the same link, drawn once.
        if (ra == rb || (state.duplicateOf(a) >= 0 && state.duplicateOf(b) >= 0))
            continue;
        const quint64 key = quint64(std::min(ra, rb)) << 32 | quint64(std::max(ra, rb));
        auto it = pairs.find(key);
        if (it == pairs.end()) {
            it = pairs.insert(key, int(m_links.size()));
            FoldedLink merged;
            merged.a = ra;
            merged.b = rb;
            merged.firstMember = i;
            m_links.push_back(merged);
        }
        FoldedLink& merged = m_links[*it];
        m_linkFold[i] = *it;
        m_linkReversed[i] = merged.a != ra;
        ++merged.memberCount;
    }
    refreshMetrics(state);
    refreshAlarms(state);
}

void FoldedNetwork::refreshMetrics(const NetworkState& state)
{
    const QList<Site>& sites = state.sites();
    const QList<SiteMetrics>& siteMetrics = state.siteMetrics();
    const int n = int(m_representative.size());
    if (sites.size() != n)
        return;
    std::vector<double> used(n, 0), count(n, 0), plainLoad(n, 0);
    m_sites.resize(n);
    for (FoldedSite& s : m_sites) { // alarms are counted by refreshAlarms
        s.pflops = s.utilisation = 0;
        s.members = s.degradedMembers = 0;
    }
    for (int i = 0; i < n; ++i) {
        if (state.duplicateOf(i) >= 0)
            continue; // counted as its primary
        const int r = m_representative[i];
        FoldedSite& f = m_sites[r];
        const double pflops = sites[i].totalPflops();
        const double load = i < siteMetrics.size() ? siteMetrics[i].utilisation : 0;
        f.pflops += pflops;
        used[r] += load * pflops;
        plainLoad[r] += load;
        count[r] += 1;
        if (r != i) {
            ++f.members;
            if (sites[i].status == SiteStatus::Degraded || sites[i].status == SiteStatus::Maintenance
                || sites[i].status == SiteStatus::Offline)
                ++f.degradedMembers;
        }
    }
    for (int v : m_visible) {
        FoldedSite& f = m_sites[v];
        f.utilisation = f.pflops > 0 ? used[v] / f.pflops : (count[v] > 0 ? plainLoad[v] / count[v] : 0);
    }

    const QList<Link>& links = state.links();
    const QList<LinkMetrics>& linkMetrics = state.linkMetrics();
    std::vector<double> ab(m_links.size(), 0), ba(m_links.size(), 0);
    for (FoldedLink& f : m_links) {
        f.capacityGbps = f.totalCapacityGbps = 0;
        f.downCount = 0;
    }
    for (int i = 0; i < int(links.size()); ++i) {
        const int k = m_linkFold[i];
        if (k < 0)
            continue;
        FoldedLink& f = m_links[k];
        const Link& link = links[i];
        f.totalCapacityGbps += link.capacityGbps;
        if (!state.linkInService(i)) {
            ++f.downCount;
            continue;
        }
        f.capacityGbps += link.capacityGbps;
        auto [forward, backward] = i < linkMetrics.size() ? directionLoads(link, linkMetrics[i]) : std::pair(0.0, 0.0);
        if (m_linkReversed[i])
            std::swap(forward, backward);
        ab[k] += forward * link.capacityGbps;
        ba[k] += backward * link.capacityGbps;
    }
    for (std::size_t k = 0; k < m_links.size(); ++k) {
        FoldedLink& f = m_links[k];
        f.utilisationAb = f.capacityGbps > 0 ? ab[k] / f.capacityGbps : 0;
        f.utilisationBa = f.capacityGbps > 0 ? ba[k] / f.capacityGbps : 0;
    }
}

void FoldedNetwork::refreshAlarms(const NetworkState& state)
{
    const int n = int(m_representative.size());
    if (int(m_sites.size()) != n)
        return;
    for (FoldedSite& s : m_sites) {
        s.alarmCount = 0;
        s.worstAlarm = AlarmSeverity::Unknown;
    }
    for (FoldedLink& f : m_links)
        f.alarmCount = 0;
    for (const Alarm& alarm : state.alarms()) {
        if (!alarm.isActive())
            continue;
        if (const int s = state.siteIndex(alarm.sourceId); s >= 0 && s < n) {
            FoldedSite& f = m_sites[m_representative[s]];
            ++f.alarmCount;
            f.worstAlarm = std::max(f.worstAlarm, alarm.severity);
        } else if (const int l = state.linkIndex(alarm.sourceId); l >= 0 && l < int(m_linkFold.size())) {
            if (m_linkFold[l] >= 0)
                ++m_links[m_linkFold[l]].alarmCount;
        }
    }
}

} // namespace cpn
