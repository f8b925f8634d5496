#pragma once
// The sites on the map: projected once, sized by (folded) capacity, drawn culled in tier
// order as stamped glyphs with status rings and alarm badges, labelled without overlaps as
// the zoom allows, and hit-tested through a grid.

#include "mapframe.h"
#include "mapprojection.h"
#include "mapsymbols.h"
#include "sitegrid.h"

#include <QList>
#include <QPointF>
#include <QRectF>

#include <vector>

class QPainter;

namespace cpn {

class FoldedNetwork;
class MapViewport;
class NetworkState;

class NetworkLayer {
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
    // Glyph radius in pixels of a visible site; zoom is 1 when China just fits the widget.
    double siteRadius(int index, double zoom) const { return m_radius.at(index) * radiusFactor(zoom); }
    static double radiusFactor(double zoom);

    // The visible site under a screen point: within its radius + 4 px, the smallest
    // (topmost) one containing the point, else the nearest; -1 when none.
    int siteAt(const MapViewport& viewport, double zoom, const FoldedNetwork& folded, QPointF screen) const;

    // Screen positions and radii of the visible sites, for this frame's layers.
    void project(const MapViewport& viewport, const FoldedNetwork& folded, double zoom);
    const std::vector<QPointF>& screenPositions() const { return m_screen; }
    const std::vector<float>& screenRadii() const { return m_screenRadius; }

    void setTheme(const MapTheme& theme) { m_symbols.setTheme(theme); }
    // Stale data is drawn without its colours (see StaleDataOverlay).
    void setStale(bool stale) { m_stale = stale; }
    bool isStale() const { return m_stale; }
    void paintSites(QPainter& painter, const MapFrame& frame, bool alarms);
    // focus: sites whose labels are wanted whatever the zoom (the selection, unfolded sites).
    void paintLabels(QPainter& painter, const MapFrame& frame, const std::vector<int>& focus);
    // A solid ring around the selected site; dashed around the site it is folded into.
    void paintSelection(QPainter& painter, const MapFrame& frame, int selectedSite);
    // Labels are rendered once per name and language.
    void clearLabelCache() { m_symbols.clearLabels(); }
    MapSymbols& symbols() { return m_symbols; }

private:
    MapSymbols::SiteStyle styleOf(const MapFrame& frame, int site) const;

    QList<QPointF> m_plane; // projected site positions, same order as NetworkState::sites()
    QList<double> m_latitude, m_longitude; // what the cache was built from
    std::vector<float> m_radius; // pixels at zoom 1, visible sites
    std::vector<int> m_drawOrder; // visible sites, hubs first, so that smaller ones stay on top
    double m_maxRadius = 0;
    SiteGrid m_grid;

    // Per frame, kept between frames to avoid reallocating.
    std::vector<QPointF> m_screen;
    std::vector<float> m_screenRadius;
    std::vector<QRectF> m_placedLabels;
    std::vector<std::vector<int>> m_labelCells;
    MapSymbols m_symbols;
    bool m_stale = false;
};

} // namespace cpn
