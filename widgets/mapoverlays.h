#pragma once
// What the map draws over the network for the operator's current question: how far the
// selected site reaches in 1, 5 and 20 ms, where a planned migration would go and what it
// would load, and which site a dragged task would land on.

#include "mapframe.h"
#include "mapviewport.h"
#include "migrationpreview.h"

#include <QColor>
#include <QCoreApplication>
#include <QDateTime>
#include <QImage>
#include <QList>

#include <vector>

class QPainter;

namespace cpn {

class LatencyReachOverlay {
public:
    // distances: per site, ms (infinity beyond reach), from LatencyReach::compute.
    void setDistances(int source, std::vector<float> distances);
    void clear();
    bool isEmpty() const { return m_source < 0; }
    int source() const { return m_source; }
    // Latency from the source, ms; infinity when beyond 20 ms or unknown.
    float distance(int site) const;

    // Shaded reach areas: around every reached site a disc as wide as its remaining latency
    // budget allows (fibre, about 100 km per ms, at most 300 km), the union per band. Drawn
    // under the links. Re-rendered when the view changed and is still.
    void paintAreas(QPainter& painter, const MapFrame& frame, const QList<QPointF>& plane, bool interacting);
    // A ring around the visible sites within 1 and 5 ms (the nearest of what is folded).
    void paintRings(QPainter& painter, const MapFrame& frame) const;

private:
    int m_source = -1;
    std::vector<float> m_distance;
    QImage m_image;
    MapViewport m_rendered;
    bool m_valid = false;
};

class MigrationPreviewOverlay {
    Q_DECLARE_TR_FUNCTIONS(cpn::MapView)
public:
    // The path highlighted from source to target, ghost rings and tags with the projected
    // loads on the sites and links involved (at the sites they are folded into).
    static void paint(QPainter& painter, const MapFrame& frame, const MigrationPreview& preview);
    // The ring around the site a dragged task would be dropped on.
    static void paintDropTarget(QPainter& painter, const MapFrame& frame, int site);
};

// Unacknowledged critical alarms: a red ring and mark on their sites (on the site a folded one
// is drawn as) and at the middle of their links, so that they catch the eye until acknowledged.
class AlarmAttentionOverlay {
public:
    // Indexes into state().sites() and state().links().
    static void paint(QPainter& painter, const MapFrame& frame, const QList<int>& sites, const QList<int>& links);
};

// Data that no longer comes live: the network drawn without colour, and a banner saying since when.
class StaleDataOverlay {
    Q_DECLARE_TR_FUNCTIONS(cpn::MapView)
public:
    // The same lightness, with little of its colour left.
    static QColor desaturate(const QColor& color);
    static void paintBanner(QPainter& painter, const QRectF& screen, const MapTheme& theme, const QDateTime& since);
};

} // namespace cpn
