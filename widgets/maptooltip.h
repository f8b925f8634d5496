#pragma once
// What the map tells about the site or link under the pointer: a site's summary (folded
// members, latency from the selection), or a merged link's capacity, loads per direction and
// alarms.

#include <QCoreApplication>
#include <QPointF>
#include <QRect>
#include <QString>

namespace cpn {

class MapRenderer;
class MapScene;
class NetworkState;
struct FoldedLink;

class MapToolTip {
    // The strings keep the translation context they had when MapView built them.
    Q_DECLARE_TR_FUNCTIONS(cpn::MapView)
public:
    // Rich text for the tooltip at a canvas point, and in *area where it stays valid; empty
    // when there is nothing under the point.
    static QString textAt(const MapScene& scene, MapRenderer& renderer, QPointF position, QRect* area);

private:
    static QString linkText(const NetworkState& state, const FoldedLink& link);
};

} // namespace cpn
