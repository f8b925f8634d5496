#include "peerscene.h"

#include "linklayer.h"
#include "mapview.h"
#include "utilisationcolor.h"

#include <QBuffer>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cpn::bench {

namespace {

constexpr MapLayer kNetworkLayers[]
    = { MapLayer::Links, MapLayer::Sites, MapLayer::Labels, MapLayer::LatencyCircles, MapLayer::Alarms };

// As LinkLayer draws a link when more than 5,000 are on screen: the middle colour of its load
// step mixed into the land at 0.4 of the theme's link opacity, opaque.
QRgb linkColour(const MapTheme& theme, const FoldedLink& link)
{
    if (link.status() == LinkStatus::Down)
        return theme.linkDown;
    const QColor c = utilisationColor((utilisationStep(link.utilisation()) + 0.5) / kUtilisationSteps);
    const QColor land = QColor::fromRgba(theme.land);
    const double a = theme.linkOpacity * 0.4;
    auto mix = [a](int top, int bottom) { return int(std::lround(top * a + bottom * (1 - a))); };
    return qRgb(mix(c.red(), land.red()), mix(c.green(), land.green()), mix(c.blue(), land.blue()));
}

QRgb siteColour(const MapTheme& theme, const NetworkState& state, const FoldedNetwork& folded, int site)
{
    if (state.sites()[site].status == SiteStatus::Offline)
        return theme.siteOffline;
    return utilisationPalette()[std::size_t(utilisationStep(folded.site(site).utilisation))].rgb();
}

template <typename T, typename F>
void appendArray(QByteArray& out, const char* name, const std::vector<T>& items, F&& value)
{
    out += '"';
    out += name;
    out += "\":[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0)
            out += ',';
        out += QByteArray::number(value(items[i]), 'g', 7);
    }
    out += ']';
}

void appendColours(QByteArray& out, const PeerColours& colours)
{
    out += '{';
    appendArray(out, "sites", colours.sites, [](QRgb c) { return double(c & 0xffffff); });
    out += ',';
    appendArray(out, "links", colours.links, [](QRgb c) { return double(c & 0xffffff); });
    out += '}';
}

} // namespace

PeerScene peerSceneOf(MapView& view)
{
    PeerScene scene;
    scene.size = view.size();
    const MapTheme& theme = MapTheme::of(view.theme());
    scene.siteOutline = QColor::fromRgba(theme.siteOutline);

    const bool legend = view.isLegendVisible();
    std::vector<bool> shown;
    for (MapLayer layer : kNetworkLayers) {
        shown.push_back(view.isLayerVisible(layer));
        view.setLayerVisible(layer, false);
    }
    view.setLegendVisible(false);
    scene.basemap = QImage(scene.size, QImage::Format_RGB32);
    {
        QPainter painter(&scene.basemap);
        view.render(painter);
    }
    for (std::size_t i = 0; i < std::size(kNetworkLayers); ++i)
        view.setLayerVisible(kNetworkLayers[i], shown[i]);
    view.setLegendVisible(legend);

    const FoldedNetwork& folded = view.foldedNetwork();
    std::vector<int> order(folded.links().size());
    std::iota(order.begin(), order.end(), 0);
    auto widthOf = [&](int k) { return LinkLayer::width(folded.links()[std::size_t(k)].totalCapacityGbps); };
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return widthOf(a) < widthOf(b); });
    for (int k : order) {
        const FoldedLink& link = folded.links()[std::size_t(k)];
        scene.links.emplace_back(view.sitePosition(link.a), view.sitePosition(link.b));
        scene.linkWidths.push_back(widthOf(k));
        scene.linkSources.push_back(k);
    }

    std::vector<int> sites(folded.visibleSites().begin(), folded.visibleSites().end());
    std::stable_sort(sites.begin(), sites.end(), [&](int a, int b) { return view.siteRadius(a) > view.siteRadius(b); });
    for (int i : sites) {
        scene.sites.push_back(view.sitePosition(i));
        scene.siteRadii.push_back(view.siteRadius(i));
        scene.siteSources.push_back(i);
    }
    return scene;
}

PeerColours peerColoursOf(const MapView& view, const PeerScene& scene)
{
    const MapTheme& theme = MapTheme::of(view.theme());
    const FoldedNetwork& folded = view.foldedNetwork();
    PeerColours colours;
    colours.sites.reserve(scene.siteSources.size());
    for (int i : scene.siteSources)
        colours.sites.push_back(siteColour(theme, *view.state(), folded, i));
    colours.links.reserve(scene.linkSources.size());
    for (int k : scene.linkSources)
        colours.links.push_back(linkColour(theme, folded.links()[std::size_t(k)]));
    return colours;
}

QByteArray peerSceneJson(const PeerScene& scene, const PeerColours& colours)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    scene.basemap.save(&buffer, "PNG");

    QByteArray out;
    out.reserve(8 << 20);
    out += "{\"width\":" + QByteArray::number(scene.size.width());
    out += ",\"height\":" + QByteArray::number(scene.size.height());
    out += ",\"outlineMinRadius\":" + QByteArray::number(PeerScene::kOutlineMinRadius);
    out += ",\"siteOutline\":" + QByteArray::number(scene.siteOutline.rgb() & 0xffffff);
    out += ",\"basemap\":\"data:image/png;base64," + png.toBase64() + '"';
    out += ",\"sites\":{";
    appendArray(out, "x", scene.sites, [](QPointF p) { return p.x(); });
    out += ',';
    appendArray(out, "y", scene.sites, [](QPointF p) { return p.y(); });
    out += ',';
    appendArray(out, "radius", scene.siteRadii, [](double r) { return r; });
    out += "},\"links\":{";
    appendArray(out, "x1", scene.links, [](const QLineF& l) { return l.x1(); });
    out += ',';
    appendArray(out, "y1", scene.links, [](const QLineF& l) { return l.y1(); });
    out += ',';
    appendArray(out, "x2", scene.links, [](const QLineF& l) { return l.x2(); });
    out += ',';
    appendArray(out, "y2", scene.links, [](const QLineF& l) { return l.y2(); });
    out += ',';
    appendArray(out, "width", scene.linkWidths, [](double w) { return w; });
    out += "},\"colours\":";
    appendColours(out, colours);
    out += '}';
    return out;
}

QByteArray peerColoursJson(const PeerColours& colours)
{
    QByteArray out;
    out.reserve(1 << 20);
    appendColours(out, colours);
    return out;
}

} // namespace cpn::bench
