#include "sitegeometry.h"

#include "foldednetwork.h"
#include "mapviewport.h"
#include "networkstate.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace cpn {

namespace {

constexpr double kHitSlackPx = 4;

} // namespace

int SiteGeometry::tierRank(SiteTier tier)
{
    switch (tier) {
    case SiteTier::NationalHub:
        return 0;
    case SiteTier::Cluster:
        return 1;
    case SiteTier::Regional:
        return 2;
    case SiteTier::Edge:
        return 3;
    case SiteTier::Unknown:
        break;
    }
    return 4;
}

double SiteGeometry::radiusFactor(double zoom)
{
    return std::clamp(std::pow(zoom, 0.35), 0.7, 1.8);
}

void SiteGeometry::rebuild(const NetworkState& state, const MapProjection& projection)
{
    const QList<Site>& sites = state.sites();
    const qsizetype n = sites.size();
    m_plane.resize(n);
    m_latitude.resize(n);
    m_longitude.resize(n);
    for (qsizetype i = 0; i < n; ++i) {
        m_latitude[i] = sites[i].latitude;
        m_longitude[i] = sites[i].longitude;
        m_plane[i] = projection.project(sites[i].latitude, sites[i].longitude);
    }
    m_radius.assign(n, 0);
    m_drawOrder.clear();
    m_grid.build(m_plane);
}

bool SiteGeometry::refreshSites(
    const NetworkState& state, const MapProjection& projection, const QList<int>& siteIndexes)
{
    const QList<Site>& sites = state.sites();
    if (sites.size() != m_plane.size()) {
        rebuild(state, projection);
        return true;
    }
    bool moved = false;
    for (int i : siteIndexes) {
        if (i < 0 || i >= sites.size())
            continue;
        const Site& site = sites[i];
        if (site.latitude != m_latitude[i] || site.longitude != m_longitude[i]) {
            m_latitude[i] = site.latitude;
            m_longitude[i] = site.longitude;
            m_plane[i] = projection.project(site.latitude, site.longitude);
            moved = true;
        }
    }
    if (moved)
        m_grid.build(m_plane);
    return moved;
}

void SiteGeometry::updateRadii(const NetworkState& state, const FoldedNetwork& folded)
{
    const QList<Site>& sites = state.sites();
    if (folded.siteCount() != sites.size() || m_plane.size() != sites.size())
        return;
    // Each tier has its own size range, so that the levels read at a glance whatever is folded
    // where; within a tier, area follows (folded) capacity.
    struct Range {
        double low, high;
    };
    constexpr Range kRanges[] = { { 8, 14 }, { 5, 9 }, { 3, 6.5 }, { 1.8, 3.4 }, { 2.5, 5 } };
    std::array<double, 5> maxPflops {};
    for (int v : folded.visibleSites()) {
        double& m = maxPflops[std::size_t(tierRank(sites[v].tier))];
        m = std::max(m, folded.site(v).pflops);
    }
    m_radius.assign(sites.size(), 0);
    m_maxRadius = 0;
    for (int v : folded.visibleSites()) {
        const int rank = tierRank(sites[v].tier);
        const double max = maxPflops[std::size_t(rank)];
        const double norm = max > 0 ? std::sqrt(std::max(0.0, folded.site(v).pflops) / max) : 0.5;
        const double r = kRanges[rank].low + (kRanges[rank].high - kRanges[rank].low) * norm;
        m_radius[v] = float(r);
        m_maxRadius = std::max(m_maxRadius, r);
    }
    m_drawOrder = folded.visibleSites();
    std::stable_sort(m_drawOrder.begin(), m_drawOrder.end(), [&](int a, int b) {
        const int ra = tierRank(sites[a].tier), rb = tierRank(sites[b].tier);
        return ra != rb ? ra < rb : m_radius[a] > m_radius[b];
    });
}

int SiteGeometry::siteAt(const MapViewport& viewport, double zoom, const FoldedNetwork& folded, QPointF screen) const
{
    if (folded.siteCount() != m_plane.size() || m_radius.size() != std::size_t(m_plane.size()))
        return -1;
    const double factor = radiusFactor(zoom);
    const double reach = (m_maxRadius * factor + kHitSlackPx) / viewport.scale();
    const QPointF centre = viewport.toPlane(screen);
    std::vector<int> candidates;
    m_grid.query(QRectF(centre.x() - reach, centre.y() - reach, 2 * reach, 2 * reach), candidates);

    int best = -1;
    bool bestInside = false;
    double bestRadius = 0, bestGap = 0;
    for (int i : candidates) {
        if (!folded.isVisible(i))
            continue;
        const double r = m_radius[i] * factor;
        if (r < 1) // not drawn, so not clickable
            continue;
        const QPointF d = viewport.toScreen(m_plane[i]) - screen;
        const double distance = std::hypot(d.x(), d.y());
        if (distance > r + kHitSlackPx)
            continue;
        const bool inside = distance <= r;
        const double gap = distance - r;
        bool better = false;
        if (best < 0)
            better = true;
        else if (inside != bestInside)
            better = inside;
        else if (inside)
            better = r < bestRadius || (r == bestRadius && gap < bestGap);
        else
            better = gap < bestGap;
        if (better) {
            best = i;
            bestInside = inside;
            bestRadius = r;
            bestGap = gap;
        }
    }
    return best;
}

} // namespace cpn
