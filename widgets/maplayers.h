#pragma once
// The map's layers the operator can switch on and off (View > Map layers).

#include <QString>

namespace cpn {

enum class MapLayer : quint8 { Basemap, Links, Sites, Labels, LatencyCircles, Alarms };
inline constexpr int kMapLayerCount = 6;

// Stable name for settings ("map/layers/<name>").
inline QString mapLayerKey(MapLayer layer)
{
    switch (layer) {
    case MapLayer::Basemap:
        return QStringLiteral("basemap");
    case MapLayer::Links:
        return QStringLiteral("links");
    case MapLayer::Sites:
        return QStringLiteral("sites");
    case MapLayer::Labels:
        return QStringLiteral("labels");
    case MapLayer::LatencyCircles:
        return QStringLiteral("latency");
    case MapLayer::Alarms:
        return QStringLiteral("alarms");
    }
    return {};
}

} // namespace cpn
