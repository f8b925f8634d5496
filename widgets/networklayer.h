#pragma once
// The live network on the map: sites and links projected once, drawn culled and batched by
// style (links, sites, status rings, labels, selection), and hit-tested through a grid.

#include "mapprojection.h"
#include "mapsymbols.h"
#include "sitegrid.h"

#include <QColor>
#include <QLineF>
#include <QList>
#include <QPointF>

#include <array>
#include <vector>

class QPainter;

namespace cpn {

class MapViewport;
class NetworkState;

class NetworkLayer {
public:
    NetworkLayer();

    // Re-projects every site; call after the topology changed.
    void rebuild(const NetworkState& state, const MapProjection& projection);
    // Picks up moved or resized sites among these; returns whether anything changed.
    bool refreshSites(const NetworkState& state, const MapProjection& projection, const QList<int>& siteIndexes);

    int siteCount() const { return int(m_plane.size()); }
    QPointF sitePlanePosition(int index) const { return m_plane.at(index); }
    // Symbol radius in pixels; zoom is 1 when China just fits the widget.
    double siteRadius(int index, double zoom) const { return m_radius.at(index) * radiusFactor(zoom); }

    // The site under a screen point: within its radius + 4 px, the smallest (topmost) one
    // containing the point, else the nearest; -1 when none.
    int siteAt(const MapViewport& viewport, double zoom, QPointF screen) const;

    void paint(
        QPainter& painter, const NetworkState& state, const MapViewport& viewport, double zoom, int selectedSite);
    // Labels are rendered once per name and language.
    void clearLabelCache() { m_symbols.clearLabels(); }

private:
    static double radiusFactor(double zoom);
    void updateRadii(const NetworkState& state);
    void paintLinks(QPainter& painter, const NetworkState& state, const QRectF& screen, int selectedSite);
    void paintSites(QPainter& painter, const NetworkState& state, const QRectF& screen, double factor);
    void paintLabels(QPainter& painter, const NetworkState& state, const QRectF& screen, double zoom, int selectedSite);
    void paintSelection(QPainter& painter, int selectedSite, double factor);

    static constexpr int kColorSteps = 24;
    static constexpr int kWidthSteps = 5;

    QList<QPointF> m_plane; // projected site positions, same order as NetworkState::sites()
    QList<double> m_latitude, m_longitude, m_pflops; // what the cache was built from
    QList<float> m_radius; // pixels at zoom 1
    QList<int> m_drawOrder; // hubs first, so that smaller sites stay visible on top of them
    double m_maxPflops = 0;
    double m_maxRadius = 0; // of m_radius
    SiteGrid m_grid;

    // Per frame, kept between frames to avoid reallocating.
    std::vector<QPointF> m_screen;
    std::array<std::vector<QLineF>, kColorSteps * kWidthSteps + 1> m_lineBatches;
    std::array<QColor, kColorSteps> m_palette;
    std::array<QColor, kColorSteps> m_linkPalette;
    std::vector<QRectF> m_placedLabels;
    MapSymbols m_symbols;
};

} // namespace cpn
