// peers.*: our map against its peers drawing the same huge network (10,000 sites, 50,000 links,
// loads coloured) at 1920x1080, in one run, interleaved round by round so that the shared
// machine's swings hit all of them alike; the ratios are the figures to read.
//
// Each round gives every site and link a new load (a metrics frame, so new colours), then times
// a full redraw by:
// - ours: the frame applied to the console's NetworkState, then MapView::render, with folding
//   off so that every site and link is drawn as the peers draw them (unfolded), and the default
//   folded map for reference;
// - QGraphicsView: one item per site and link (bench/peers/graphicsviewpeer.h), new pens and
//   brushes, one viewport()->repaint(); without antialiasing like our links at this density,
//   and with it;
// - ECharts 6 (scatter + lines, per-item colours) in headless Chromium, which rasterises on
//   the CPU: setOption up to a pixel read back (bench/peers/echarts/, timed in the page);
// - floors: a bare QPainter loop over the peers' geometry, antialiased, with and without a clip
//   rectangle (Qt 6.4 strokes antialiased thin lines about 3x faster with one); our repaint is
//   timed both ways too (the renderer sets one itself where the painter has none: the two agree).
// The peers draw the geometry of our unfolded map (positions from our projection and viewport,
// our colours and widths) over the same basemap picture; mean absolute pixel differences to our
// frame say how alike the pictures are.

#include "benchregistry.h"
#include "mocknetwork.h"
#include "peers/echartspeer.h"
#include "peers/graphicsviewpeer.h"
#include "peers/peerscene.h"

#include "mapview.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QPainter>
#include <QRandomGenerator>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cpn::bench {

namespace {

constexpr QSize kSize(1920, 1080);
constexpr int kRounds = 20;

// A map shown offscreen at kSize, painted into an image as MapView::paintEvent would.
class MapUnderTest {
public:
    MapUnderTest(const NetworkState* state, bool folding)
        : m_target(kSize, QImage::Format_RGB32)
    {
        m_view.setAttribute(Qt::WA_DontShowOnScreen);
        m_view.setAnimated(false);
        m_view.setFoldingEnabled(folding);
        m_view.resize(kSize);
        m_view.setState(state);
        m_view.show();
        QApplication::processEvents();
        m_view.fitChina();
        // Lets the basemap settle timer run out, so that the basemap image is rendered sharp.
        QElapsedTimer wait;
        wait.start();
        while (wait.elapsed() < 200)
            QApplication::processEvents(QEventLoop::AllEvents, 50);
        paint(false);
    }

    MapView& view() { return m_view; }
    const QImage& image() const { return m_target; }

    double paint(bool clip)
    {
        QElapsedTimer timer;
        timer.start();
        QPainter painter(&m_target);
        if (clip)
            painter.setClipRect(QRect(QPoint(0, 0), kSize));
        m_view.render(painter);
        return double(timer.nsecsElapsed()) / 1e6;
    }

private:
    MapView m_view;
    QImage m_target;
};

// Lets the event loop run for a moment, untimed: the paints queued by the last redraw (the map's
// coalescing timer, QGraphicsView's item updates) and Chromium's work after its frame are done
// before the next timing starts.
void settle()
{
    QElapsedTimer wait;
    wait.start();
    while (wait.elapsed() < 100)
        QApplication::processEvents(QEventLoop::AllEvents, 20);
}

// A metrics frame with every load moved by up to +-0.3 from where it is: new colours for most
// sites and links.
StateBatch newLoads(const NetworkState& state, QRandomGenerator& random)
{
    auto drift = [&random](double u) { return std::clamp(u + (random.generateDouble() - 0.5) * 0.6, 0.0, 1.0); };
    StateEvent event;
    event.revision = state.revision() + 1;
    event.simTimeMs = state.simTimeMs() + 1000;
    MetricsFrame frame;
    frame.sampleTimeMs = event.simTimeMs;
    frame.sites = state.siteMetrics();
    for (qsizetype i = 0; i < frame.sites.size(); ++i) {
        SiteMetrics& m = frame.sites[i];
        m.siteId = state.sites()[i].id;
        m.sampleTimeMs = frame.sampleTimeMs;
        m.utilisation = drift(m.utilisation);
    }
    frame.links = state.linkMetrics();
    for (qsizetype i = 0; i < frame.links.size(); ++i) {
        LinkMetrics& m = frame.links[i];
        const double capacity = state.links()[i].capacityGbps;
        m.linkId = state.links()[i].id;
        m.sampleTimeMs = frame.sampleTimeMs;
        m.throughputAbGbps = drift(capacity > 0 ? m.throughputAbGbps / capacity : m.utilisation) * capacity;
        m.throughputBaGbps = drift(capacity > 0 ? m.throughputBaGbps / capacity : m.utilisation) * capacity;
        m.utilisation = capacity > 0 ? std::max(m.throughputAbGbps, m.throughputBaGbps) / capacity : 0;
    }
    event.change = std::move(frame);
    StateBatch batch;
    batch.events.push_back(std::move(event));
    return batch;
}

// A bare loop over the peers' geometry: basemap, a pen per line, a brush per circle.
double floorMs(const PeerScene& scene, const PeerColours& colours, bool clip, QImage& target)
{
    QElapsedTimer timer;
    timer.start();
    QPainter painter(&target);
    if (clip)
        painter.setClipRect(QRect(QPoint(0, 0), kSize));
    painter.drawImage(QPointF(0, 0), scene.basemap);
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (std::size_t k = 0; k < scene.links.size(); ++k) {
        painter.setPen(QPen(QColor::fromRgb(colours.links[k]), scene.linkWidths[k], Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(scene.links[k]);
    }
    const QPen outline(scene.siteOutline, 1.0);
    for (std::size_t i = 0; i < scene.sites.size(); ++i) {
        const double r = scene.siteRadii[i];
        painter.setPen(r >= PeerScene::kOutlineMinRadius ? outline : QPen(Qt::NoPen));
        painter.setBrush(QColor::fromRgb(colours.sites[i]));
        painter.drawEllipse(scene.sites[i], r, r);
    }
    painter.end();
    return double(timer.nsecsElapsed()) / 1e6;
}

// Mean absolute difference over the red, green and blue of every pixel, 0..255.
double meanAbsoluteDifference(const QImage& a, const QImage& b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    if (x.size() != y.size() || x.isNull())
        return std::nan("");
    double sum = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            sum += std::abs(qRed(p[col]) - qRed(q[col])) + std::abs(qGreen(p[col]) - qGreen(q[col]))
                + std::abs(qBlue(p[col]) - qBlue(q[col]));
    }
    return sum / (3.0 * x.width() * x.height());
}

struct Figure {
    std::vector<double> ms;
    double median() const { return bench::median(ms); }
    double max() const { return ms.empty() ? 0 : *std::max_element(ms.begin(), ms.end()); }
};

void reportPeer(const QString& name, double firstMs, const Figure& figure)
{
    report(QStringLiteral("peers.%1.first_ms").arg(name), firstMs, "ms");
    report(QStringLiteral("peers.%1.median_ms").arg(name), figure.median(), "ms");
    report(QStringLiteral("peers.%1.max_ms").arg(name), figure.max(), "ms");
}

void reportUnavailable(const QString& name, const char* unit, const QString& reason)
{
    // A value that parses (nan), then why, for a reader.
    std::printf("%s nan %s (unavailable: %s)\n", qPrintable(name), unit, qPrintable(reason));
    std::fflush(stdout);
}

void saveSnapshot(const Options& options, const QImage& image, const QString& name)
{
    if (!options.snapshotDir.isEmpty() && !image.isNull())
        image.save(QDir(options.snapshotDir).filePath(name + QStringLiteral(".png")));
}

void run(const Options& options)
{
    if (!options.wants(QStringLiteral("huge"))) {
        std::fprintf(stderr, "cpn-bench: peers: skipped (draws the huge network; --scales leaves it out)\n");
        return;
    }
    const int rounds = std::min(options.repeats, kRounds);
    const MockNetwork network = buildMockNetwork(QStringLiteral("huge"));
    NetworkState& state = *network.state;
    MapUnderTest unfolded(&state, false);
    MapUnderTest folded(&state, true);

    const PeerScene scene = peerSceneOf(unfolded.view());
    PeerColours colours = peerColoursOf(unfolded.view(), scene);
    std::fprintf(stderr, "cpn-bench: peers: %zu sites and %zu links drawn by each, %d rounds at %dx%d\n",
        scene.sites.size(), scene.links.size(), rounds, kSize.width(), kSize.height());

    std::fprintf(stderr, "cpn-bench: peers: QGraphicsView: building %zu items...\n",
        scene.sites.size() + scene.links.size() + 1);
    GraphicsViewPeer graphicsView(scene, colours, false);
    GraphicsViewPeer graphicsViewAa(scene, colours, true);
    const double graphicsViewFirst = graphicsView.firstPaintMs();
    const double graphicsViewAaFirst = graphicsViewAa.firstPaintMs();

    QTemporaryDir files;
    EChartsPeer echarts;
    bool echartsUp = files.isValid() && echarts.start(kSize);
    std::optional<double> echartsFirst;
    if (echartsUp) {
        const QJsonObject gpu = echarts.gpu();
        std::fprintf(stderr,
            "cpn-bench: peers: %s with ECharts %s renders on the CPU, no GPU (2D canvas: %s, compositing: %s, "
            "rasterisation: %s)\n",
            qPrintable(echarts.chromiumVersion()), qPrintable(echarts.echartsVersion()),
            qPrintable(gpu.value(QStringLiteral("canvas2d")).toString()),
            qPrintable(gpu.value(QStringLiteral("compositing")).toString()),
            qPrintable(gpu.value(QStringLiteral("rasterization")).toString()));
        QFile sceneFile(files.filePath(QStringLiteral("scene.json")));
        echartsUp = sceneFile.open(QIODevice::WriteOnly) && sceneFile.write(peerSceneJson(scene, colours)) > 0;
        sceneFile.close();
        if (echartsUp) {
            echartsFirst = echarts.load(sceneFile.fileName());
            echartsUp = echartsFirst.has_value();
            if (echartsUp)
                std::fprintf(
                    stderr, "cpn-bench: peers: ECharts draws into canvases %s\n", qPrintable(echarts.layers()));
        }
    }

    Figure apply, oursUnfolded, oursFolded, oursRepaint, oursRepaintClip, qgv, qgvUpdate, qgvAa, chart, floorClip,
        floorNoClip;
    QImage floorImage(kSize, QImage::Format_RGB32);
    QRandomGenerator random(12);
    const QString coloursFile = files.filePath(QStringLiteral("colours.json"));
    for (int round = 0; round < rounds; ++round) {
        const StateBatch batch = newLoads(state, random);
        settle();
        QElapsedTimer timer;
        timer.start();
        state.applyBatch(batch);
        apply.ms.push_back(double(timer.nsecsElapsed()) / 1e6);
        oursUnfolded.ms.push_back(apply.ms.back() + unfolded.paint(false));
        oursFolded.ms.push_back(apply.ms.back() + folded.paint(false));
        // Painted again with nothing changed, without and with a clip rectangle (which first
        // alternates: the first of two paints pays for cold caches).
        for (const bool clip : { round % 2 == 0, round % 2 != 0 })
            (clip ? oursRepaintClip : oursRepaint).ms.push_back(unfolded.paint(clip));

        colours = peerColoursOf(unfolded.view(), scene);
        settle();
        qgv.ms.push_back(graphicsView.redrawMs(colours));
        qgvUpdate.ms.push_back(graphicsView.lastUpdateMs());
        settle();
        qgvAa.ms.push_back(graphicsViewAa.redrawMs(colours));
        if (echartsUp) {
            QFile file(coloursFile);
            echartsUp = file.open(QIODevice::WriteOnly) && file.write(peerColoursJson(colours)) > 0;
            file.close();
            settle();
            const auto ms = echartsUp ? echarts.redraw(coloursFile) : std::nullopt;
            echartsUp = ms.has_value();
            if (ms)
                chart.ms.push_back(*ms);
        }
        settle();
        for (const bool clip : { round % 2 == 0, round % 2 != 0 })
            (clip ? floorClip : floorNoClip).ms.push_back(floorMs(scene, colours, clip, floorImage));
        std::fprintf(stderr,
            "cpn-bench: peers: round %d: ours %.1f ms (folded %.1f), QGraphicsView %.0f ms (antialiased %.0f), "
            "ECharts %s ms\n",
            round + 1, oursUnfolded.ms.back(), oursFolded.ms.back(), qgv.ms.back(), qgvAa.ms.back(),
            echartsUp ? qPrintable(QString::number(chart.ms.back(), 'f', 0)) : "-");
    }

    report(QStringLiteral("peers.network.sites"), double(scene.sites.size()), "sites");
    report(QStringLiteral("peers.network.links"), double(scene.links.size()), "links");
    report(QStringLiteral("peers.ours.apply_median_ms"), apply.median(), "ms");
    report(QStringLiteral("peers.ours.unfolded_median_ms"), oursUnfolded.median(), "ms");
    report(QStringLiteral("peers.ours.unfolded_max_ms"), oursUnfolded.max(), "ms");
    report(QStringLiteral("peers.ours.folded_median_ms"), oursFolded.median(), "ms");
    report(QStringLiteral("peers.ours.unfolded_repaint_median_ms"), oursRepaint.median(), "ms");
    report(QStringLiteral("peers.ours.unfolded_repaint_clip_median_ms"), oursRepaintClip.median(), "ms");
    reportPeer(QStringLiteral("qgraphicsview"), graphicsViewFirst, qgv);
    report(QStringLiteral("peers.qgraphicsview.set_pen_brush_median_ms"), qgvUpdate.median(), "ms");
    reportPeer(QStringLiteral("qgraphicsview_aa"), graphicsViewAaFirst, qgvAa);
    const QString echartsError
        = echarts.error().isEmpty() ? QStringLiteral("could not write its data") : echarts.error();
    const bool echartsComplete = echartsUp && int(chart.ms.size()) == rounds;
    if (echartsComplete) {
        reportPeer(QStringLiteral("echarts"), *echartsFirst, chart);
    } else {
        std::fprintf(stderr, "cpn-bench: peers: ECharts unavailable: %s\n", qPrintable(echartsError));
        for (const char* figure : { "first_ms", "median_ms", "max_ms" })
            reportUnavailable(QStringLiteral("peers.echarts.") + QLatin1String(figure), "ms", echartsError);
    }
    report(QStringLiteral("peers.floor.noclip_median_ms"), floorNoClip.median(), "ms");
    report(QStringLiteral("peers.floor.clip_median_ms"), floorClip.median(), "ms");

    const double ours = oursUnfolded.median();
    report(QStringLiteral("peers.ratio.qgraphicsview_over_ours"), qgv.median() / ours, "x");
    report(QStringLiteral("peers.ratio.qgraphicsview_aa_over_ours"), qgvAa.median() / ours, "x");
    if (echartsComplete)
        report(QStringLiteral("peers.ratio.echarts_over_ours"), chart.median() / ours, "x");
    else
        reportUnavailable(QStringLiteral("peers.ratio.echarts_over_ours"), "x", echartsError);
    report(QStringLiteral("peers.ratio.floor_noclip_over_ours"), floorNoClip.median() / ours, "x");

    // The pictures of the last round, all of the same loads, against ours without what the
    // peers do not draw (labels and legend).
    unfolded.view().setLayerVisible(MapLayer::Labels, false);
    unfolded.view().setLegendVisible(false);
    unfolded.paint(false);
    const QImage ourNetwork = unfolded.image();
    unfolded.view().setLayerVisible(MapLayer::Labels, true);
    unfolded.view().setLegendVisible(true);
    unfolded.paint(true);
    const QImage ourClippedFrame = unfolded.image();
    unfolded.paint(false);
    const QImage ourFrame = unfolded.image();
    report(QStringLiteral("peers.similarity.ours_clip_vs_noclip_mad"),
        meanAbsoluteDifference(ourFrame, ourClippedFrame), "levels");
    const QImage graphicsViewFrame = graphicsView.frame();
    const QImage graphicsViewAaFrame = graphicsViewAa.frame();
    report(QStringLiteral("peers.similarity.basemap_only_mad"), meanAbsoluteDifference(ourNetwork, scene.basemap),
        "levels");
    report(QStringLiteral("peers.similarity.floor_mad"), meanAbsoluteDifference(ourNetwork, floorImage), "levels");
    report(QStringLiteral("peers.similarity.qgraphicsview_mad"), meanAbsoluteDifference(ourNetwork, graphicsViewFrame),
        "levels");
    report(QStringLiteral("peers.similarity.qgraphicsview_aa_mad"),
        meanAbsoluteDifference(ourNetwork, graphicsViewAaFrame), "levels");
    QImage chartFrame;
    const QString shot = files.filePath(QStringLiteral("echarts.png"));
    if (echartsComplete && echarts.screenshot(shot) && chartFrame.load(shot))
        report(
            QStringLiteral("peers.similarity.echarts_mad"), meanAbsoluteDifference(ourNetwork, chartFrame), "levels");
    else
        reportUnavailable(QStringLiteral("peers.similarity.echarts_mad"), "levels", echartsError);
    saveSnapshot(options, ourFrame, QStringLiteral("peers-ours-unfolded"));
    saveSnapshot(options, ourNetwork, QStringLiteral("peers-ours-unfolded-unlabelled"));
    saveSnapshot(options, folded.image(), QStringLiteral("peers-ours-folded"));
    saveSnapshot(options, graphicsViewFrame, QStringLiteral("peers-qgraphicsview"));
    saveSnapshot(options, graphicsViewAaFrame, QStringLiteral("peers-qgraphicsview-aa"));
    saveSnapshot(options, chartFrame, QStringLiteral("peers-echarts"));
    saveSnapshot(options, floorImage, QStringLiteral("peers-floor"));
}

} // namespace

CPN_BENCH_GROUP("peers", 90, run);

} // namespace cpn::bench
