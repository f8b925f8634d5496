#pragma once
// The sites on the map, as SiteGeometry places and sizes them: drawn culled in tier order as
// stamped glyphs with status rings and alarm badges, and labelled without overlaps as the zoom
// allows.

#include "mapframe.h"
#include "mapsymbols.h"
#include "sitegeometry.h"

#include <QDeadlineTimer>
#include <QPointF>
#include <QRectF>

#include <vector>

class QPainter;

namespace cpn {

class FoldedNetwork;
class MapViewport;

class NetworkLayer {
public:
    // Screen positions and radii of the visible sites, for this frame's layers.
    void project(const SiteGeometry& geometry, const MapViewport& viewport, const FoldedNetwork& folded, double zoom);
    const std::vector<QPointF>& screenPositions() const { return m_screen; }
    const std::vector<float>& screenRadii() const { return m_screenRadius; }

    void setTheme(const MapTheme& theme) { m_symbols.setTheme(theme); }
    // Stale data is drawn without its colours (see StaleDataOverlay).
    void setStale(bool stale) { m_stale = stale; }
    bool isStale() const { return m_stale; }
    void paintSites(QPainter& painter, const MapFrame& frame, bool alarms);
    // focus: sites whose labels are wanted whatever the zoom (the selection, unfolded sites).
    // Label images not made before are made until `makeBy` (focus labels always, and one at
    // least); past it the labels stop there, in order of importance, and false says that the
    // next frame has more.
    bool paintLabels(QPainter& painter, const MapFrame& frame, const std::vector<int>& focus,
        QDeadlineTimer makeBy = QDeadlineTimer::Forever);
    // The labels of the last frame: which site, where.
    struct Label {
        int site;
        QRectF box;
    };
    const std::vector<Label>& labels() const { return m_labels; }
    // A solid ring around the selected site; dashed around the site it is folded into.
    void paintSelection(QPainter& painter, const MapFrame& frame, int selectedSite);
    // Labels are rendered once per name and language.
    void clearLabelCache() { m_symbols.clearLabels(); }
    MapSymbols& symbols() { return m_symbols; }

private:
    MapSymbols::SiteStyle styleOf(const MapFrame& frame, int site) const;

    // Per frame, kept between frames to avoid reallocating.
    std::vector<QPointF> m_screen;
    std::vector<float> m_screenRadius;
    std::vector<QRectF> m_placedLabels; // labels and the glyphs they keep clear of
    std::vector<Label> m_labels;
    std::vector<std::vector<int>> m_labelCells;
    MapSymbols m_symbols;
    bool m_stale = false;
};

} // namespace cpn
