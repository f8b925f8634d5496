#pragma once
// What every map layer needs to draw one frame: the state as folded for this zoom, the view,
// the theme, and the screen geometry of the visible sites computed once per frame.

#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QString>
#include <QStringList>

#include <vector>

namespace cpn {

class FoldedNetwork;
class MapViewport;
class NetworkState;
struct MapTheme;

struct MapFrame {
    const NetworkState& state;
    const FoldedNetwork& folded;
    const MapViewport& viewport;
    const MapTheme& theme;
    double zoom = 1; // 1 when China just fits the widget
    QRectF screen; // the widget's rectangle
    qreal devicePixelRatio = 1;
    // Per site index; meaningful for visible sites only.
    const std::vector<QPointF>& position;
    const std::vector<float>& radius;
    // The visible sites, hubs first, so that smaller ones are drawn on top.
    const std::vector<int>& drawOrder;
    // Platforms whose part is no longer live: their sites and links are drawn greyed.
    const QSet<QString>& stalePlatforms;
    // Sites coloured by platform (platformColor of the index here) instead of by load; empty: by load.
    const QStringList& platformColours;
};

} // namespace cpn
