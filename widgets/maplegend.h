#pragma once
// The map's key: the utilisation colour scale, the glyph of each tier, folded sites, status
// rings, link lanes, links down, migration flow, alarms and (when shown) the latency bands.

#include "maptheme.h"

#include <QCoreApplication>
#include <QImage>
#include <QStringList>

class QPainter;

namespace cpn {

class MapViewport;

class MapLegend {
    Q_DECLARE_TR_FUNCTIONS(cpn::MapLegend)
public:
    // The legend panel, in the current language; the caller caches it.
    // `platforms`: sites are coloured by platform (platformColor), each named in the key.
    static QImage render(qreal devicePixelRatio, const MapTheme& theme = MapTheme::dark(), bool latencyBands = false,
        const QStringList& platforms = {});
    // A bar of a round length (1, 2 or 5 times a power of ten km) in the bottom-right corner.
    static void paintScaleBar(QPainter& painter, const MapViewport& viewport, const MapTheme& theme, const QRect& area);
};

} // namespace cpn
