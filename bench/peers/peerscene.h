#pragma once
// What the peers draw: the map's unfolded network as plain geometry in widget pixels (sites
// projected by the map's MapProjection and viewport), each item in the colour our map draws it
// in, over the same basemap picture. One site glyph becomes a circle, one link a line.

#include <QColor>
#include <QImage>
#include <QLineF>

#include <vector>

namespace cpn {
class MapView;
}

namespace cpn::bench {

struct PeerScene {
    QSize size;
    QImage basemap; // the map's cached basemap picture, as drawn under the network
    std::vector<QLineF> links; // thin links first, as the map draws them
    std::vector<double> linkWidths;
    std::vector<int> linkSources; // each line's merged link in the map's folded network
    std::vector<QPointF> sites;
    std::vector<double> siteRadii;
    std::vector<int> siteSources; // each circle's site index
    QColor siteOutline;
    static constexpr double kOutlineMinRadius = 2.5; // smaller glyphs have no outline (MapSymbols)
};

// A data update for the peers: a colour per site and per link, in the scene's order.
struct PeerColours {
    std::vector<QRgb> sites;
    std::vector<QRgb> links;
};

// The geometry of a map shown with folding off, all of its sites and links; the map's network
// layers are switched off for a moment to take the basemap picture.
PeerScene peerSceneOf(MapView& view);
// The colours the map draws the scene's items in now (after a metrics update).
PeerColours peerColoursOf(const MapView& view, const PeerScene& scene);

// JSON for bench/peers/echarts/peer.html: the scene with its first colours, then updates.
QByteArray peerSceneJson(const PeerScene& scene, const PeerColours& colours);
QByteArray peerColoursJson(const PeerColours& colours);

} // namespace cpn::bench
