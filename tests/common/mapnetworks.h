#pragma once
// Small hand-made networks with the three levels, for the map's tests.

#include "domain.h"
#include "networkstate.h"

namespace maptest {

using namespace cpn;

inline Site site(const QString& id, const QString& zh, const QString& en, SiteTier tier, const QString& parent,
    double lat, double lon, double pflops, SiteStatus status = SiteStatus::Online)
{
    Site s;
    s.id = id;
    s.nameZh = zh;
    s.nameEn = en;
    s.tier = tier;
    s.parentSiteId = parent;
    s.latitude = lat;
    s.longitude = lon;
    s.capacity = { AcceleratorCapacity { Architecture::Ascend, quint32(pflops * 3), pflops } };
    s.powerCapacityMw = pflops / 10;
    s.status = status;
    return s;
}

inline Link link(const QString& id, const QString& a, const QString& b, double gbps, double latencyMs,
    LinkStatus status = LinkStatus::Up)
{
    Link l;
    l.id = id;
    l.siteAId = a;
    l.siteBId = b;
    l.capacityGbps = gbps;
    l.latencyMs = latencyMs;
    l.status = status;
    return l;
}

inline SiteMetrics load(const QString& id, double utilisation, double powerMw = 0, double pue = 0)
{
    SiteMetrics m;
    m.siteId = id;
    m.utilisation = utilisation;
    m.powerMw = powerMw;
    m.pue = pue;
    return m;
}

inline LinkMetrics traffic(const QString& id, double abGbps, double baGbps, double utilisation = 0)
{
    LinkMetrics m;
    m.linkId = id;
    m.throughputAbGbps = abGbps;
    m.throughputBaGbps = baGbps;
    m.utilisation = utilisation;
    return m;
}

// An east hub (Shanghai) with a cluster, three regional centres and two edge sites under
// Hangzhou; a west hub (Guiyang) with one regional centre. Links: the two hubs, every site to
// its parent, Nanjing-Hangzhou inside the east, and Kunming-Nanjing across (drawn b -> a).
inline Snapshot threeLevelNetwork()
{
    Snapshot s;
    s.revision = 1;
    s.sites = {
        site("hub-e", "长三角枢纽", "East hub", SiteTier::NationalHub, {}, 31.23, 121.47, 1000),
        site("hub-w", "贵州枢纽", "West hub", SiteTier::NationalHub, {}, 26.65, 106.63, 800),
        site("cl-e", "芜湖集群", "Wuhu cluster", SiteTier::Cluster, "hub-e", 31.35, 118.43, 400),
        site("rg-hz", "杭州", "Hangzhou", SiteTier::Regional, "hub-e", 30.27, 120.16, 100),
        site("rg-nj", "南京", "Nanjing", SiteTier::Regional, "hub-e", 32.06, 118.80, 100),
        site("rg-jn", "济南", "Jinan", SiteTier::Regional, "hub-e", 36.65, 117.12, 0),
        site("ed-hz1", "杭州边缘1", "Hangzhou edge 1", SiteTier::Edge, "rg-hz", 30.00, 120.60, 10),
        site(
            "ed-hz2", "杭州边缘2", "Hangzhou edge 2", SiteTier::Edge, "rg-hz", 30.45, 119.75, 10, SiteStatus::Degraded),
        site("rg-km", "昆明", "Kunming", SiteTier::Regional, "hub-w", 24.88, 102.83, 50),
    };
    s.siteMetrics
        = { load("hub-e", 0.5, 80, 1.2), load("hub-w", 0.1, 20, 1.1), load("cl-e", 0.9), load("rg-hz", 0.2, 10, 1.4),
              load("rg-nj", 0.4), load("rg-jn", 0.7), load("ed-hz1", 1.0), load("ed-hz2", 0.0), load("rg-km", 0.6) };
    s.links = {
        link("l-hubs", "hub-e", "hub-w", 1600, 15),
        link("l-cl", "hub-e", "cl-e", 800, 2),
        link("l-hz", "hub-e", "rg-hz", 400, 1.5),
        link("l-nj", "hub-e", "rg-nj", 400, 2),
        link("l-jn", "hub-e", "rg-jn", 400, 6),
        link("l-hz1", "rg-hz", "ed-hz1", 100, 0.3),
        link("l-hz2", "rg-hz", "ed-hz2", 100, 0.4),
        link("l-km", "hub-w", "rg-km", 200, 4),
        link("l-nj-hz", "rg-nj", "rg-hz", 100, 1),
        link("l-x", "rg-km", "rg-nj", 100, 20),
    };
    s.linkMetrics = { traffic("l-hubs", 800, 160), traffic("l-cl", 0, 0, 0.3), traffic("l-x", 10, 80) };
    return s;
}

inline void applySnapshot(NetworkState& state, const Snapshot& snapshot)
{
    StateBatch batch;
    batch.snapshot = snapshot;
    state.applyBatch(batch);
}

} // namespace maptest
