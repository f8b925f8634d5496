// map.*: how long the map takes to draw at 1920x1080 on the offscreen raster engine, with the
// mock scheduler's national and huge networks.
//
// repaint: MapRenderer::render (what MapView's paintEvent runs), with no widget, with the
// basemap image already cached, nothing changed in between, medians of --repeats runs.
// bare: a loop that draws the same picture with no logic: the same cached basemap image, then
// for every link segment and every site glyph drawn by the map one drawLine / drawEllipse with
// the same pen or brush, positions computed beforehand.
// pan: a pan of a few pixels, then the repaint (the basemap image is drawn moved, the network
// re-projected), as while dragging.

#include "benchregistry.h"
#include "mocknetwork.h"

#include "basemaplayer.h"
#include "foldednetwork.h"
#include "latencyreach.h"
#include "linklayer.h"
#include "maprenderer.h"
#include "mapscene.h"
#include "sitehierarchy.h"
#include "utilisationcolor.h"

#include <QDir>
#include <QPainter>

#include <cmath>
#include <cstdio>

namespace cpn::bench {

namespace {

constexpr QSize kSize(1920, 1080);

// A map drawn with no widget: a scene and the renderer that draws it, as MapView paints.
class MapFixture {
public:
    explicit MapFixture(const NetworkState* state, MapThemeKind theme = MapThemeKind::Dark)
        : m_renderer(m_scene)
        , m_target(kSize, QImage::Format_RGB32)
    {
        m_scene.setTheme(MapTheme::of(theme));
        m_scene.setState(state);
        m_scene.viewport().setSize(kSize);
        fitChina();
        paint(); // renders the basemap image once
    }

    MapScene& scene() { return m_scene; }
    MapRenderer& renderer() { return m_renderer; }
    const QImage& image() const { return m_target; }

    // interacting: as while the view moves (the basemap image is drawn moved, not rendered).
    void paint(bool interacting = false)
    {
        QPainter painter(&m_target);
        m_renderer.render(painter, interacting);
    }

    void fitChina()
    {
        m_scene.fitChina();
        m_scene.setUnfoldedPath({});
    }

    // Shows a view that is not interactive (basemap rendered for it), then paints once.
    void settleAt(double latitude, double longitude, double zoom)
    {
        fitChina();
        MapViewport& viewport = m_scene.viewport();
        const QPointF centre(kSize.width() / 2.0, kSize.height() / 2.0);
        viewport.pan(centre - viewport.toScreen(m_scene.projection().project(latitude, longitude)));
        viewport.zoomAbout(centre, zoom);
        paint();
    }

    void save(const Options& options, const QString& name) const
    {
        if (!options.snapshotDir.isEmpty())
            m_target.save(QDir(options.snapshotDir).filePath(name + QStringLiteral(".png")));
    }

private:
    MapScene m_scene;
    MapRenderer m_renderer;
    QImage m_target;
};

// The bare loop's input: exactly the segments and glyphs the map drew, computed beforehand.
struct BareGeometry {
    struct Line {
        QLineF line;
        QPen pen;
    };
    struct Circle {
        QPointF centre;
        double radius;
        QColor fill;
    };
    std::vector<Line> lines;
    std::vector<Line> flows; // drawn antialiased, over the links
    std::vector<Circle> circles;
    bool antialiasedLines = true;
};

BareGeometry bareGeometryOf(const MapScene& scene)
{
    BareGeometry g;
    const FoldedNetwork& folded = scene.folded();
    const QRectF screen(QPointF(0, 0), QSizeF(kSize));
    std::vector<int> shown;
    for (int k = 0; k < int(folded.links().size()); ++k) {
        const FoldedLink& link = folded.links()[k];
        const QPointF p = scene.sitePosition(link.a), q = scene.sitePosition(link.b);
        const QRectF box = QRectF(p, q).normalized().adjusted(-4, -4, 4, 4);
        if (box.intersects(screen) && std::abs(p.x() - q.x()) + std::abs(p.y() - q.y()) >= 2)
            shown.push_back(k);
    }
    g.antialiasedLines = shown.size() <= 5000;
    const bool lanes = shown.size() <= 3000;
    for (int k : shown) {
        const FoldedLink& link = folded.links()[k];
        const QPointF p = scene.sitePosition(link.a), q = scene.sitePosition(link.b);
        const double width = LinkLayer::width(link.totalCapacityGbps);
        const QPointF d = q - p;
        const double length = std::hypot(d.x(), d.y());
        if (!lanes || length < 18) {
            g.lines.push_back({ QLineF(p, q), QPen(utilisationColor(link.utilisation()), width) });
            continue;
        }
        const double lane = std::max(0.8, width * 0.7);
        const QPointF n(-d.y() / length * (lane / 2 + 0.25), d.x() / length * (lane / 2 + 0.25));
        g.lines.push_back({ QLineF(p + n, q + n), QPen(utilisationColor(link.utilisationAb), lane) });
        g.lines.push_back({ QLineF(p - n, q - n), QPen(utilisationColor(link.utilisationBa), lane) });
    }
    // The migration flows: their glow, then their dashes (at phase 0), as the map draws them.
    std::vector<QPointF> positions(std::size_t(folded.siteCount()));
    for (int v : folded.visibleSites())
        positions[v] = scene.sitePosition(v);
    const std::vector<QLineF> paths = LinkLayer::migrationPaths(*scene.state(), folded, positions);
    QColor glow = QColor::fromRgba(MapTheme::dark().preview);
    glow.setAlpha(70);
    for (const QLineF& path : paths)
        g.flows.push_back({ path, QPen(glow, LinkLayer::kFlowGlowWidth, Qt::SolidLine, Qt::FlatCap) });
    std::vector<QLineF> dashes;
    LinkLayer::flowDashes(paths, 0, dashes);
    for (const QLineF& dash : dashes)
        g.flows.push_back({ dash, QPen(QColor::fromRgba(MapTheme::dark().flow), LinkLayer::kFlowDashWidth) });
    for (int v : folded.visibleSites()) {
        const QPointF p = scene.sitePosition(v);
        const double r = scene.siteRadius(v);
        if (r >= 1 && screen.adjusted(-24, -24, 24, 24).contains(p))
            g.circles.push_back({ p, r, utilisationColor(folded.site(v).utilisation) });
    }
    return g;
}

double bareMs(MapFixture& fixture, const Options& options)
{
    const BareGeometry g = bareGeometryOf(fixture.scene());
    // The same cached basemap picture: taken from a paint with the network layers off.
    MapScene& scene = fixture.scene();
    for (MapLayer layer : { MapLayer::Links, MapLayer::Sites, MapLayer::Labels, MapLayer::LatencyCircles })
        scene.setLayerVisible(layer, false);
    scene.setLegendVisible(false);
    fixture.paint();
    const QImage basemap = fixture.image().copy();
    for (MapLayer layer : { MapLayer::Links, MapLayer::Sites, MapLayer::Labels, MapLayer::LatencyCircles })
        scene.setLayerVisible(layer, true);
    scene.setLegendVisible(true);

    QImage target(kSize, QImage::Format_RGB32);
    const auto samples = timeRuns(options.repeats, 10, [&] {
        QPainter painter(&target);
        painter.drawImage(QPointF(0, 0), basemap);
        painter.setRenderHint(QPainter::Antialiasing, g.antialiasedLines);
        for (const auto& line : g.lines) {
            painter.setPen(line.pen);
            painter.drawLine(line.line);
        }
        painter.setRenderHint(QPainter::Antialiasing, true);
        for (const auto& line : g.flows) {
            painter.setPen(line.pen);
            painter.drawLine(line.line);
        }
        painter.setPen(QPen(Qt::black, 1));
        for (const auto& circle : g.circles) {
            painter.setBrush(circle.fill);
            painter.drawEllipse(circle.centre, circle.radius, circle.radius);
        }
    });
    return median(samples);
}

double repaintMs(MapFixture& fixture, const Options& options)
{
    return median(timeRuns(options.repeats, 10, [&] { fixture.paint(); }));
}

void national(const Options& options)
{
    const MockNetwork network = buildMockNetwork(QStringLiteral("national"));
    MapFixture fixture(network.state.get());
    report(QStringLiteral("map.repaint.national.median_ms"), repaintMs(fixture, options), "ms");
    fixture.save(options, QStringLiteral("national-china"));

    // Re-rendering the basemap image (when the view has been still after a change).
    BasemapLayer basemap;
    basemap.setBasemap(fixture.renderer().basemap());
    const MapViewport viewport = fixture.scene().viewport();
    report(QStringLiteral("map.basemap.render_ms"),
        median(timeRuns(std::min(options.repeats, 30), 2, [&] { basemap.render(viewport, 1.0); })), "ms");

    MapFixture light(network.state.get(), MapThemeKind::Light);
    report(QStringLiteral("map.repaint.national.light_ms"), repaintMs(light, options), "ms");
    light.save(options, QStringLiteral("national-china-light"));
}

void huge(const Options& options)
{
    const MockNetwork network = buildMockNetwork(QStringLiteral("huge"));
    const NetworkState& state = *network.state;
    MapFixture fixture(network.state.get());

    const double ours = repaintMs(fixture, options);
    fixture.save(options, QStringLiteral("huge-china"));
    const double bare = bareMs(fixture, options);
    report(QStringLiteral("map.repaint.huge.median_ms"), ours, "ms");
    report(QStringLiteral("map.repaint.huge.bare_ms"), bare, "ms");
    report(QStringLiteral("map.repaint.huge.ratio"), bare > 0 ? ours / bare : 0, "x");

    // Dragging: a few pixels each way, the basemap image moved rather than redrawn.
    int step = 0;
    const auto pans = timeRuns(options.repeats, 10, [&] {
        fixture.scene().viewport().pan(QPointF(step % 2 ? -7 : 7, step % 2 ? -3 : 3));
        ++step;
        fixture.paint(true);
    });
    report(QStringLiteral("map.pan.huge.median_ms"), median(pans), "ms");

    // The same network everywhere unfolded: what folding saves at country zoom.
    fixture.fitChina();
    fixture.scene().setFoldingEnabled(false);
    fixture.paint();
    report(QStringLiteral("map.repaint.huge.unfolded_ms"), repaintMs(fixture, options), "ms");
    fixture.save(options, QStringLiteral("huge-china-unfolded"));
    const double unfoldedBare = bareMs(fixture, options);
    report(QStringLiteral("map.repaint.huge.unfolded_bare_ms"), unfoldedBare, "ms");
    fixture.scene().setFoldingEnabled(true);

    // Zoomed in: hubs unfolded (east China), then every site (the Yangtze delta).
    fixture.settleAt(31.0, 115.5, 2.6);
    report(QStringLiteral("map.repaint.huge.regional_ms"), repaintMs(fixture, options), "ms");
    fixture.save(options, QStringLiteral("huge-regional"));
    fixture.settleAt(31.1, 120.6, 7.0);
    report(QStringLiteral("map.repaint.huge.edge_ms"), repaintMs(fixture, options), "ms");
    fixture.save(options, QStringLiteral("huge-edge"));

    // Selected with its latency reach, and a what-if preview of a move west.
    fixture.fitChina();
    fixture.scene().setSelectedSiteId(QStringLiteral("hub-yrd"));
    fixture.settleAt(33.0, 112.0, 1.6);
    fixture.save(options, QStringLiteral("huge-reach"));
    const int yrd = state.siteIndex(QStringLiteral("hub-yrd"));
    report(QStringLiteral("map.latency_reach.huge_ms"),
        median(timeRuns(std::min(options.repeats, 50), 2, [&] { LatencyReach::compute(state, yrd); })), "ms");

    SiteHierarchy hierarchy;
    hierarchy.build(state.sites());
    FoldedNetwork folded;
    report(QStringLiteral("map.fold.huge_ms"),
        median(timeRuns(std::min(options.repeats, 50), 2, [&] { folded.rebuild(state, hierarchy, 0, {}); })), "ms");
    report(QStringLiteral("map.refresh_metrics.huge_ms"),
        median(timeRuns(std::min(options.repeats, 100), 2, [&] { folded.refreshMetrics(state); })), "ms");
}

void run(const Options& options)
{
    if (options.wants(QStringLiteral("national")))
        national(options);
    if (options.wants(QStringLiteral("huge")))
        huge(options);
}

} // namespace

CPN_BENCH_GROUP("map", 10, run);

} // namespace cpn::bench
