#pragma once
// Where the sites are on the plane and how big they are drawn: projected once per topology,
// sized by (folded) capacity per tier, ordered for drawing, and hit-tested through a grid.
// Painting is NetworkLayer's; this is what hit-testing and painting both need.

#include "domain.h"
#include "mapprojection.h"
#include "sitegrid.h"

#include <QList>
#include <QPointF>

#include <vector>

namespace cpn {

class FoldedNetwork;
class MapViewport;
class NetworkState;

class SiteGeometry {
public:
    // Re-projects every site; call after the topology changed.
    void rebuild(const NetworkState& state, const MapProjection& projection);
    // Picks up moved sites among these; returns whether any moved.
    bool refreshSites(const NetworkState& state, const MapProjection& projection, const QList<int>& siteIndexes);
    // Sizes and draw order of the visible sites; after folding or capacity changed.
    void updateRadii(const NetworkState& state, const FoldedNetwork& folded);

    int siteCount() const { return int(m_plane.size()); }
    QPointF sitePlanePosition(int index) const { return m_plane.at(index); }
    const QList<QPointF>& planePositions() const { return m_plane; }
    // Glyph radius in pixels of a visible site at zoom 1 (China just fits the widget); 0 when folded.
    const std::vector<float>& baseRadii() const { return m_radius; }
    // Glyph radius in pixels of a visible site; zoom is 1 when China just fits the widget.
    double siteRadius(int index, double zoom) const { return m_radius.at(index) * radiusFactor(zoom); }
    static double radiusFactor(double zoom);
    // Visible sites, hubs first and larger before smaller in a tier, so that small ones stay on top.
    const std::vector<int>& drawOrder() const { return m_drawOrder; }

    // The visible site under a screen point: within its radius + 4 px, the smallest
    // (topmost) one containing the point, else the nearest; -1 when none.
    int siteAt(const MapViewport& viewport, double zoom, const FoldedNetwork& folded, QPointF screen) const;

    // 0 for national hubs up to 3 for edge sites (4: unknown tier).
    static int tierRank(SiteTier tier);

private:
    QList<QPointF> m_plane; // projected site positions, same order as NetworkState::sites()
    QList<double> m_latitude, m_longitude; // what the cache was built from
    std::vector<float> m_radius; // pixels at zoom 1, visible sites
    std::vector<int> m_drawOrder;
    double m_maxRadius = 0;
    SiteGrid m_grid;
};

} // namespace cpn
