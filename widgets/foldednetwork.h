#pragma once
// The network as the map shows it at one level of detail: regional and edge sites folded into
// the site above them unless that site is unfolded, with capacity and load summed into the
// site they fold into, and the links between folded groups merged into one link per pair of
// visible sites (capacity summed, load per direction weighted by capacity).

#include "domain.h"

#include <QSet>

#include <algorithm>
#include <vector>

namespace cpn {

class NetworkState;
class SiteHierarchy;

struct FoldedLink {
    int a = -1; // visible site indexes
    int b = -1;
    double capacityGbps = 0; // per direction, links that are up
    double totalCapacityGbps = 0; // including links that are down
    double utilisationAb = 0; // 0..1, a -> b
    double utilisationBa = 0;
    int memberCount = 0;
    int downCount = 0;
    int alarmCount = 0;
    int firstMember = -1; // a network link index, for tooltips of single links

    LinkStatus status() const;
    double utilisation() const { return std::max(utilisationAb, utilisationBa); }
};

// Per visible site: itself plus everything folded into it.
struct FoldedSite {
    double pflops = 0;
    double utilisation = 0; // weighted by capacity
    int members = 0; // sites folded into it, itself excluded
    int degradedMembers = 0; // degraded, in maintenance or offline
    int alarmCount = 0; // active alarms on it and its members
    AlarmSeverity worstAlarm = AlarmSeverity::Unknown;
};

class FoldedNetwork {
public:
    // A site is unfolded when its depth is below autoDepth (0: every site folded, 1: hubs
    // unfolded, 2: hubs and regional centres) or when it is in `unfolded`.
    void rebuild(const NetworkState& state, const SiteHierarchy& hierarchy, int autoDepth, const QSet<int>& unfolded);
    // Sums loads again (after metrics changed); topology and folding stay.
    void refreshMetrics(const NetworkState& state);
    // Counts active alarms again.
    void refreshAlarms(const NetworkState& state);

    int siteCount() const { return int(m_representative.size()); }
    int linkCount() const { return int(m_linkFold.size()); }
    int representative(int site) const { return m_representative[site]; }
    bool isVisible(int site) const { return m_representative[site] == site; }
    const std::vector<int>& visibleSites() const { return m_visible; }
    const FoldedSite& site(int visibleSite) const { return m_sites[visibleSite]; }
    const std::vector<FoldedLink>& links() const { return m_links; }
    // The merged link a network link is drawn as, or -1 when both its ends fold into one site.
    int foldedLinkOf(int link) const { return m_linkFold[link]; }
    // Whether the network link runs b -> a of its merged link.
    bool isReversed(int link) const { return m_linkReversed[link]; }
    int autoDepth() const { return m_autoDepth; }
    const QSet<int>& unfolded() const { return m_unfolded; }

private:
    int m_autoDepth = 0;
    QSet<int> m_unfolded;
    std::vector<int> m_representative;
    std::vector<int> m_visible;
    std::vector<FoldedSite> m_sites;
    std::vector<FoldedLink> m_links;
    std::vector<int> m_linkFold;
    std::vector<bool> m_linkReversed;
};

} // namespace cpn
