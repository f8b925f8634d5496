#pragma once
// The colours of the map in its two themes: the dark control-room one (the default, for large
// screens in a dark room) and a light one for offices and print. Shared by every map layer and
// the legend; the utilisation scale itself is the same in both (utilisationcolor.h).

#include <QRgb>

#include <array>

namespace cpn {

enum class MapThemeKind : quint8 { Dark, Light };

struct MapTheme {
    MapThemeKind kind = MapThemeKind::Dark;

    QRgb background = 0; // sea and everything outside the map data
    QRgb graticule = 0;
    QRgb land = 0;
    QRgb coastGlow = 0; // opaque: see Basemap::paint
    QRgb border = 0;
    QRgb regionLabel = 0;
    QRgb insetFrame = 0; // the South China Sea islands inset

    QRgb linkDown = 0;
    QRgb linkBreak = 0; // the mark in the middle of a link that is down
    QRgb siteOutline = 0;
    QRgb siteOffline = 0;
    QRgb ringDegraded = 0;
    QRgb ringMaintenance = 0;
    QRgb ringOffline = 0;
    QRgb selection = 0;
    QRgb foldedMark = 0; // the dashed ring of a hub that holds folded sites

    QRgb labelText = 0;
    QRgb labelSubText = 0;
    QRgb labelHalo = 0;
    QRgb panel = 0;
    QRgb panelBorder = 0;
    QRgb panelText = 0;

    QRgb alarmCritical = 0;
    QRgb alarmWarning = 0;
    QRgb alarmText = 0;
    QRgb flow = 0; // migration flow along its path
    QRgb preview = 0; // the planned path of a what-if preview
    QRgb dropTarget = 0;
    // Latency reach bands: within 1, 5 and 20 ms.
    std::array<QRgb, 3> reach {};
    // Link colours are mixed into the land this much, see LinkLayer.
    double linkOpacity = 0.75;

    static const MapTheme& dark();
    static const MapTheme& light();
    static const MapTheme& of(MapThemeKind kind);
};

} // namespace cpn
