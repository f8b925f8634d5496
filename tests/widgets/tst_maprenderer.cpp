// The map drawn with no widget at all (only a QGuiApplication): a MapScene and the MapRenderer
// that paints it into a QImage, checked for what an operator would see: sites in the colour of
// their load, sites at the edge drawn and those far off screen not, stale data greyed, the
// latency reach of the selection.

#include "mapnetworks.h"

#include "mapoverlays.h"
#include "maprenderer.h"
#include "mapscene.h"
#include "utilisationcolor.h"

#include <QGuiApplication>
#include <QPainter>
#include <QSet>
#include <QTest>

#include <atomic>
#include <cmath>
#include <functional>
#include <memory>

using namespace cpn;
using namespace maptest;

namespace {

constexpr QSize kCanvas(800, 600);

int distance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

// The pixel nearest to `expected` within 1 px of p: glyphs are stamped on whole pixels.
int closestAround(const QImage& image, QPointF p, QColor expected)
{
    int best = 1 << 20;
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            best = std::min(best, distance(image.pixelColor(p.toPoint() + QPoint(dx, dy)), expected));
    return best;
}

} // namespace

class TestMapRenderer : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void sitesShowTheirLoad_data();
    void sitesShowTheirLoad();
    void sitesFarOffScreenAreNotDrawn();
    void staleDataIsGreyed();
    void latencyReachFollowsTheSelection();
    void clustersAreNamedAtCountryZoom();
    void theBasemapIsRenderedInTheBackground();
    void labelsAreMadeOverSeveralFramesOnScreen();

private:
    QImage render(QSize canvas = kCanvas, QColor fill = Qt::black);
    QPointF at(const char* id) const { return m_scene->sitePosition(index(id)); }
    int index(const char* id) const { return m_state->siteIndex(QString::fromLatin1(id)); }

    std::unique_ptr<NetworkState> m_state;
    std::unique_ptr<MapScene> m_scene;
    std::unique_ptr<MapRenderer> m_renderer;
};

void TestMapRenderer::init()
{
    m_state = std::make_unique<NetworkState>();
    applySnapshot(*m_state, threeLevelNetwork());
    m_scene = std::make_unique<MapScene>();
    m_scene->setState(m_state.get());
    m_scene->viewport().setSize(kCanvas);
    m_scene->fitChina();
    m_renderer = std::make_unique<MapRenderer>(*m_scene);
}

void TestMapRenderer::cleanup()
{
    m_renderer.reset();
    m_scene.reset();
    m_state.reset();
}

QImage TestMapRenderer::render(QSize canvas, QColor fill)
{
    QImage image(canvas, QImage::Format_RGB32);
    image.fill(fill);
    QPainter painter(&image);
    m_renderer->render(painter);
    return image;
}

void TestMapRenderer::sitesShowTheirLoad_data()
{
    QTest::addColumn<QString>("site");
    QTest::addColumn<double>("utilisation");
    // At country zoom the hubs hold their regional and edge sites: the load is theirs summed,
    // weighted by capacity (see tst_mapfolding).
    QTest::newRow("busy cluster, alone") << "cl-e" << 0.9;
    QTest::newRow("east hub with its sites") << "hub-e" << (500 + 20 + 40 + 10) / 1220.0;
    QTest::newRow("idle west hub with Kunming") << "hub-w" << (80 + 30) / 850.0;
}

void TestMapRenderer::sitesShowTheirLoad()
{
    QFETCH(QString, site);
    QFETCH(double, utilisation);
    const QImage image = render();
    const QPointF p = m_scene->sitePosition(m_state->siteIndex(site));
    QVERIFY(QRectF(QPointF(), QSizeF(kCanvas)).contains(p));
    const QColor expected = utilisationPalette()[utilisationStep(utilisation)];
    const int off = closestAround(image, p, expected);
    QVERIFY2(off <= 40,
        qPrintable(QStringLiteral("%1 at %2, %3: %4 rather than %5")
                       .arg(site)
                       .arg(p.x())
                       .arg(p.y())
                       .arg(image.pixelColor(p.toPoint()).name(), expected.name())));
    // And not any load: the far end of the scale is far from what is drawn.
    const QColor opposite = utilisationColor(utilisation < 0.5 ? 1.0 : 0.0);
    QVERIFY(closestAround(image, p, opposite) > off + 60);
}

void TestMapRenderer::sitesFarOffScreenAreNotDrawn()
{
    // The scene is half the canvas: whatever the renderer draws beyond it, it drew although
    // it is off screen. Only the sites layer, so that nothing else reaches out there.
    const QSize view(kCanvas / 2);
    m_scene->viewport().setSize(view);
    for (MapLayer layer : { MapLayer::Basemap, MapLayer::Links, MapLayer::Labels, MapLayer::LatencyCircles })
        m_scene->setLayerVisible(layer, false);
    m_scene->setLegendVisible(false);
    // The west hub just past the right edge, the east hub far beyond it.
    m_scene->viewport().pan(QPointF(view.width() + 3, view.height() / 2.0) - at("hub-w"));
    const QPointF west = at("hub-w"), east = at("hub-e");
    QVERIFY(west.x() > view.width() && east.x() > view.width() + 100);
    QVERIFY(QRectF(QPointF(), QSizeF(kCanvas)).contains(east));
    QVERIFY(m_scene->siteRadius(index("hub-w")) >= 6);

    const QColor outside(255, 0, 255);
    const QImage image = render(kCanvas, outside);
    const QColor background = QColor::fromRgba(m_scene->theme().background);
    // The part of the west hub on screen is drawn ...
    const QColor edge = image.pixelColor(view.width() - 2, int(west.y()));
    QVERIFY2(edge != background && edge != outside, qPrintable(edge.name()));
    // ... the east hub is not drawn at all.
    QCOMPARE(image.pixelColor(east.toPoint()), outside);
    QCOMPARE(image.pixelColor(view.width() / 2, view.height() / 2), background);
}

void TestMapRenderer::staleDataIsGreyed()
{
    m_scene->setLegendVisible(false);
    const QPointF cluster = at("cl-e");
    const QImage live = render();
    const QColor busy = live.pixelColor(cluster.toPoint());
    QVERIFY2(busy.red() > 200 && busy.hslSaturationF() > 0.6, qPrintable(busy.name()));

    m_scene->setStaleSince(QDateTime::currentDateTime().addSecs(-90));
    const QImage stale = render();
    // The same lightness with little of its colour left, everywhere on the network ...
    const QColor grey = stale.pixelColor(cluster.toPoint());
    QVERIFY2(grey.hslSaturationF() < 0.3, qPrintable(grey.name()));
    QVERIFY2(closestAround(stale, cluster, StaleDataOverlay::desaturate(busy)) <= 30, qPrintable(grey.name()));
    // ... under a banner at the top.
    const QRect banner(kCanvas.width() / 2 - 100, 56, 200, 20);
    QVERIFY(stale.copy(banner) != live.copy(banner));

    m_scene->setStaleSince({});
    QCOMPARE(render().pixelColor(cluster.toPoint()), busy);
}

void TestMapRenderer::latencyReachFollowsTheSelection()
{
    m_scene->setSelectedSiteId(QStringLiteral("hub-e"));
    render(); // computed as the map is drawn
    QCOMPARE(m_renderer->latencyFromSelection(index("rg-hz")), 1.5f);
    QCOMPARE(m_renderer->latencyFromSelection(index("rg-km")), 19.0f);
    // Another site selected: no latencies of the old one meanwhile, the new ones once drawn.
    m_scene->setSelectedSiteId(QStringLiteral("hub-w"));
    QVERIFY(!std::isfinite(m_renderer->latencyFromSelection(index("rg-hz"))));
    render();
    QCOMPARE(m_renderer->latencyFromSelection(index("rg-km")), 4.0f);
    m_scene->setLayerVisible(MapLayer::LatencyCircles, false);
    render();
    QVERIFY(!std::isfinite(m_renderer->latencyFromSelection(index("rg-km"))));
}

// At country zoom hubs and the clusters beside them are named, no label over another.
void TestMapRenderer::clustersAreNamedAtCountryZoom()
{
    const QSize canvas(1600, 960);
    m_scene->viewport().setSize(canvas);
    m_scene->fitChina();
    render(canvas);
    QSet<QString> named;
    const auto& labels = m_renderer->network().labels();
    for (const auto& label : labels)
        named.insert(m_state->sites().at(label.site).id);
    QVERIFY2(named.contains(QStringLiteral("hub-e")) && named.contains(QStringLiteral("hub-w")),
        qPrintable(named.values().join(QLatin1Char(' '))));
    QVERIFY2(named.contains(QStringLiteral("cl-e")), qPrintable(named.values().join(QLatin1Char(' '))));
    QVERIFY(!named.contains(QStringLiteral("rg-hz"))); // regional centres wait for a closer zoom
    for (std::size_t a = 0; a < labels.size(); ++a)
        for (std::size_t b = a + 1; b < labels.size(); ++b)
            QVERIFY(!labels[a].box.intersects(labels[b].box));
}

// On screen the basemap is rendered on a worker thread: the first frame has plain background
// where land will be, the frame after `ready` has the land; one rendered for a theme since
// changed is not shown, and the next is rendered in the new theme.
void TestMapRenderer::theBasemapIsRenderedInTheBackground()
{
    const QPointF taklamakan = m_scene->viewport().toScreen(m_scene->projection().project(39, 83));
    // Shared with the worker: a render still running when a check fails outlives this frame.
    const auto renders = std::make_shared<std::atomic<int>>(0);
    std::atomic<int>& ready = *renders;
    const std::function<void()> onReady = [renders] { ++*renders; };
    auto frame = [&] {
        QImage image(m_scene->viewport().size(), QImage::Format_RGB32);
        QPainter painter(&image);
        m_renderer->render(painter, false, onReady);
        painter.end();
        return image.pixelColor(taklamakan.toPoint());
    };
    const QColor background = QColor::fromRgba(MapTheme::dark().background);
    QCOMPARE(frame(), background);
    QTRY_COMPARE(ready.load(), 1);
    QVERIFY(frame() != background);
    QCOMPARE(ready.load(), 1); // nothing more rendered for the same view

    m_scene->viewport().setSize(kCanvas + QSize(40, 0)); // a new view, asked for...
    frame();
    m_scene->setTheme(MapTheme::light()); // ...then the theme changes while it renders
    QTRY_COMPARE(ready.load(), 2);
    // The dark one is not taken in as current: the next frame asks for a light one (taken in,
    // it would have been current and nothing more rendered).
    frame();
    QTRY_COMPARE(ready.load(), 3);
    const QColor lightLand = QColor::fromRgba(MapTheme::light().land);
    QVERIFY2(distance(frame(), lightLand) < 30, qPrintable(frame().name()));
}

// No QApplication: the renderer needs fonts and a paint device, not widgets.
int main(int argc, char** argv)
{
    QGuiApplication app(argc, argv);
    TestMapRenderer test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_maprenderer.moc"

// On screen, label images not made before are made some milliseconds' worth a frame (here one a
// frame): each frame keeps the labels of the one before, where they were, and adds the next in
// importance, asking for another frame until the last has all that an export draws at once.
void TestMapRenderer::labelsAreMadeOverSeveralFramesOnScreen()
{
    const QSize canvas(1600, 960);
    m_scene->viewport().setSize(canvas);
    m_scene->fitChina();
    m_scene->setLayerVisible(MapLayer::Basemap, false); // no background render to wait for
    render(canvas);
    const std::vector<NetworkLayer::Label> all = m_renderer->network().labels();
    QVERIFY(all.size() >= 3);

    MapRenderer onScreen(*m_scene);
    onScreen.setLabelTimePerFrame(std::chrono::milliseconds(0));
    int asked = 0;
    const std::function<void()> moreToDraw = [&asked] { ++asked; };
    std::vector<NetworkLayer::Label> before;
    int askedForMore = 0;
    for (int frames = 0; frames < 50; ++frames) {
        asked = 0;
        QImage image(canvas, QImage::Format_RGB32);
        QPainter painter(&image);
        onScreen.render(painter, false, moreToDraw);
        const auto& labels = onScreen.network().labels();
        QVERIFY(labels.size() >= before.size());
        for (std::size_t k = 0; k < before.size(); ++k) {
            QCOMPARE(labels[k].site, before[k].site);
            QCOMPARE(labels[k].box, before[k].box);
        }
        before = labels;
        if (asked == 0)
            break;
        ++askedForMore;
    }
    QVERIFY2(askedForMore >= 1, "one label a frame: the first frame had more to draw");
    QCOMPARE(before.size(), all.size());
    for (std::size_t k = 0; k < all.size(); ++k) {
        QCOMPARE(before[k].site, all[k].site);
        QCOMPARE(before[k].box, all[k].box);
    }
}
