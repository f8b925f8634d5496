// The map as an operator uses it: hit-testing at every tier and zoom, zoom, pan, select,
// unfold a hub and come back by the breadcrumb, search, drag a task onto a site, right-click,
// the what-if preview, migration flow, the layer menu remembered, and the two themes.

#include "mapnetworks.h"

#include "mapbreadcrumb.h"
#include "maplayersmenu.h"
#include "maptheme.h"
#include "mapview.h"
#include "sitesearchbox.h"
#include "utilisationcolor.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCompleter>
#include <QContextMenuEvent>
#include <QMimeData>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QWheelEvent>

#include <cmath>
#include <memory>
#include <numbers>

using namespace cpn;
using namespace maptest;

class TestMapInteraction : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void hitTestingAtEachTierAndZoom();
    void zoomPanSelectUnfoldAndComeBack();
    void searchFindsSitesAndFliesThere_data();
    void searchFindsSitesAndFliesThere();
    void dropATaskOnASite();
    void rightClickOnASite();
    void previewHighlightsPathAndProjectedLoads();
    void migrationFlowAnimatesOnlyWhileActive();
    void latencyCirclesFollowSelection();
    void layersAreRememberedBetweenRuns();
    void themesChangeTheMap();

private:
    void showView(QSize size = QSize(900, 700));
    int index(const char* id) const { return m_state->siteIndex(QString::fromLatin1(id)); }
    QPointF at(const char* id) const { return m_view->sitePosition(index(id)); }
    // Centres the map on a site at a zoom level, without animation.
    void lookAt(const char* id, double zoom);
    void applyEvent(const decltype(StateEvent::change)& change);
    QColor pixel(QPointF p) const { return m_view->grab().toImage().pixelColor(p.toPoint()); }

    std::unique_ptr<NetworkState> m_state;
    std::unique_ptr<MapView> m_view;
};

namespace {

int distance(QColor a, QColor b)
{
    return std::abs(a.red() - b.red()) + std::abs(a.green() - b.green()) + std::abs(a.blue() - b.blue());
}

Migration migration(const QString& id, MigrationState state)
{
    Migration m;
    m.id = id;
    m.taskId = QStringLiteral("t-1");
    m.sourceSiteId = QStringLiteral("hub-e");
    m.targetSiteId = QStringLiteral("hub-w");
    m.state = state;
    m.pathLinkIds = { QStringLiteral("l-hubs") };
    return m;
}

} // namespace

void TestMapInteraction::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("CPN-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_mapinteraction"));
}

void TestMapInteraction::init()
{
    QSettings().clear();
    m_state = std::make_unique<NetworkState>();
    applySnapshot(*m_state, threeLevelNetwork());
}

void TestMapInteraction::cleanup()
{
    m_view.reset();
    m_state.reset();
    QSettings().clear();
}

void TestMapInteraction::showView(QSize size)
{
    m_view = std::make_unique<MapView>();
    m_view->setAnimated(false);
    m_view->setState(m_state.get());
    m_view->resize(size);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestMapInteraction::lookAt(const char* id, double zoom)
{
    m_view->fitChina();
    m_view->panBy(QPointF(m_view->rect().center()) - at(id));
    m_view->zoomAbout(m_view->rect().center(), zoom);
}

void TestMapInteraction::applyEvent(const decltype(StateEvent::change)& change)
{
    StateBatch batch;
    StateEvent event;
    event.revision = m_state->revision() + 1;
    event.change = change;
    batch.events.push_back(event);
    m_state->applyBatch(batch);
}

void TestMapInteraction::hitTestingAtEachTierAndZoom()
{
    showView();
    // Country: hubs and the cluster answer; a folded regional centre is not there to hit.
    QCOMPARE(m_view->zoomLevel(), 1.0);
    QCOMPARE(m_view->siteAt(at("hub-e")), index("hub-e"));
    QCOMPARE(m_view->siteAt(at("hub-w")), index("hub-w"));
    QCOMPARE(m_view->siteAt(at("cl-e")), index("cl-e"));
    QCOMPARE(m_view->siteAt(at("rg-km")), -1);
    QCOMPARE(m_view->shownSiteOf(index("rg-km")), index("hub-w"));

    // Regional zoom over Hangzhou: regional centres answer, edge sites are still inside them.
    lookAt("rg-hz", 3);
    QCOMPARE(m_view->siteAt(at("rg-hz")), index("rg-hz"));
    QCOMPARE(m_view->siteAt(at("rg-nj")), index("rg-nj"));
    QVERIFY(m_view->siteAt(at("ed-hz1")) != index("ed-hz1"));
    QCOMPARE(m_view->shownSiteOf(index("ed-hz1")), index("rg-hz"));

    // Edge zoom: every site answers for itself, just outside its glyph too, not far off.
    lookAt("rg-hz", 9);
    for (const char* id : { "ed-hz1", "ed-hz2", "rg-hz" }) {
        QCOMPARE(m_view->siteAt(at(id)), index(id));
        const double r = m_view->siteRadius(index(id));
        QVERIFY(r >= 1);
        QCOMPARE(m_view->siteAt(at(id) + QPointF(0, r + 2)), index(id));
    }
    QCOMPARE(m_view->siteAt(at("ed-hz1") + QPointF(0, 40)), -1);
}

void TestMapInteraction::zoomPanSelectUnfoldAndComeBack()
{
    showView();
    QSignalSpy selected(m_view.get(), &MapView::siteSelected);
    QCOMPARE(m_view->breadcrumb()->crumbTexts(), QStringList { "China" });

    // Zoom with the wheel over the east hub: it stays under the cursor.
    const QPointF east = at("hub-e");
    QWheelEvent wheel(
        east, m_view->mapToGlobal(east), QPoint(), QPoint(0, 120), Qt::NoButton, {}, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view.get(), &wheel);
    QVERIFY(m_view->zoomLevel() > 1.2);
    QVERIFY(QLineF(at("hub-e"), east).length() < 1e-6);

    // Drag the map: everything moves with the mouse, nothing is selected.
    const QPointF west = at("hub-w");
    const QPoint start = (west + QPointF(40, 60)).toPoint();
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, start);
    for (int step = 1; step <= 3; ++step) {
        const QPoint p = start + QPoint(30, 10) * step;
        QMouseEvent move(QEvent::MouseMove, p, m_view->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(m_view.get(), &move);
    }
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, start + QPoint(90, 30));
    QVERIFY(QLineF(at("hub-w"), west + QPointF(90, 30)).length() < 1e-6);
    QCOMPARE(selected.count(), 0);

    // Select the east hub, then double-click it: it unfolds and the map flies to it.
    m_view->fitChina();
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, at("hub-e").toPoint());
    QCOMPARE(selected.count(), 1);
    QCOMPARE(selected.last().at(0).toString(), QStringLiteral("hub-e"));
    QCOMPARE(m_view->shownSiteOf(index("rg-hz")), index("hub-e"));
    QTest::mouseDClick(m_view.get(), Qt::LeftButton, {}, at("hub-e").toPoint());
    QCOMPARE(m_view->unfoldedPath(), QStringList { "hub-e" });
    QCOMPARE(m_view->shownSiteOf(index("rg-hz")), index("rg-hz"));
    QCOMPARE(m_view->shownSiteOf(index("rg-jn")), index("rg-jn"));
    QVERIFY(m_view->zoomLevel() > 2);
    QVERIFY(m_view->rect().contains(at("rg-jn").toPoint()) && m_view->rect().contains(at("rg-hz").toPoint()));
    QCOMPARE(m_view->breadcrumb()->crumbTexts(), QStringList({ "China", "East hub" }));

    // Down a level more, then back up the breadcrumb to the country.
    QTest::mouseDClick(m_view.get(), Qt::LeftButton, {}, at("rg-hz").toPoint());
    QCOMPARE(m_view->unfoldedPath(), QStringList({ "hub-e", "rg-hz" }));
    QCOMPARE(m_view->shownSiteOf(index("ed-hz1")), index("ed-hz1"));
    QCOMPARE(m_view->breadcrumb()->crumbTexts(), QStringList({ "China", "East hub", "Hangzhou" }));
    m_view->breadcrumb()->activate(1);
    QCOMPARE(m_view->unfoldedPath(), QStringList { "hub-e" });
    m_view->breadcrumb()->activate(0);
    QVERIFY(m_view->unfoldedPath().isEmpty());
    QVERIFY(std::abs(m_view->zoomLevel() - 1) < 1e-9);
    QCOMPARE(m_view->shownSiteOf(index("rg-hz")), index("hub-e"));
    QCOMPARE(m_view->shownSiteOf(index("ed-hz1")), index("hub-e"));
    QCOMPARE(m_view->breadcrumb()->crumbTexts(), QStringList { "China" });
    // The selection (a double-click selects too) survives the trip.
    QCOMPARE(m_view->selectedSiteId(), selected.last().at(0).toString());
    QVERIFY(!m_view->selectedSiteId().isEmpty());
}

void TestMapInteraction::searchFindsSitesAndFliesThere_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("siteId");
    QTest::newRow("Chinese name") << "杭州边缘1"
                                  << "ed-hz1";
    QTest::newRow("English name, any case") << "hangzhou EDGE 2"
                                            << "ed-hz2";
    QTest::newRow("id") << "rg-km"
                        << "rg-km";
    QTest::newRow("part of a name: hubs first") << "hub"
                                                << "hub-e";
}

void TestMapInteraction::searchFindsSitesAndFliesThere()
{
    QFETCH(QString, typed);
    QFETCH(QString, siteId);
    showView();
    QSignalSpy selected(m_view.get(), &MapView::siteSelected);
    SiteSearchBox* search = m_view->searchBox();
    QVERIFY(search->matches(typed).contains(siteId));
    search->setFocus();
    search->setText(typed);
    search->completer()->popup()->hide();
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE(selected.count(), 1);
    QCOMPARE(selected.last().at(0).toString(), siteId);
    QCOMPARE(m_view->selectedSiteId(), siteId);
    // Unfolded as far as needed, and on screen.
    QCOMPARE(m_view->shownSiteOf(index(siteId.toLatin1().constData())), index(siteId.toLatin1().constData()));
    QVERIFY(m_view->rect().contains(at(siteId.toLatin1().constData()).toPoint()));
    QVERIFY(search->matches(QStringLiteral("no such place")).isEmpty());
}

void TestMapInteraction::dropATaskOnASite()
{
    showView();
    QSignalSpy dropped(m_view.get(), &MapView::taskDroppedOnSite);
    QMimeData data;
    data.setData(QString::fromLatin1(kTaskIdMimeType), QByteArray("t-00000042"));
    const QPoint onHub = at("hub-w").toPoint();
    QDragEnterEvent enter(onHub, Qt::MoveAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(m_view.get(), &enter);
    QVERIFY(enter.isAccepted());
    // Over the sea the map refuses the task; over a site it takes it.
    const QPoint sea = m_view->viewport().toScreen(m_view->projection().project(28.5, 126.5)).toPoint();
    QDragMoveEvent overSea(sea, Qt::MoveAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(m_view.get(), &overSea);
    QVERIFY(!overSea.isAccepted());
    QDragMoveEvent overHub(onHub, Qt::MoveAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(m_view.get(), &overHub);
    QVERIFY(overHub.isAccepted());
    QDropEvent drop(onHub, Qt::MoveAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(m_view.get(), &drop);
    QCOMPARE(dropped.count(), 1);
    QCOMPARE(dropped.at(0).at(0).toString(), QStringLiteral("t-00000042"));
    QCOMPARE(dropped.at(0).at(1).toString(), QStringLiteral("hub-w"));

    // Anything else is not a task.
    QMimeData text;
    text.setText(QStringLiteral("t-00000042"));
    QDragEnterEvent other(onHub, Qt::MoveAction, &text, Qt::LeftButton, {});
    QApplication::sendEvent(m_view.get(), &other);
    QVERIFY(!other.isAccepted());
}

void TestMapInteraction::rightClickOnASite()
{
    showView();
    QSignalSpy menu(m_view.get(), &MapView::siteContextMenuRequested);
    QSignalSpy selected(m_view.get(), &MapView::siteSelected);
    const QPoint onCluster = at("cl-e").toPoint();
    QContextMenuEvent event(QContextMenuEvent::Mouse, onCluster, m_view->mapToGlobal(onCluster));
    QApplication::sendEvent(m_view.get(), &event);
    QCOMPARE(menu.count(), 1);
    QCOMPARE(menu.at(0).at(0).toString(), QStringLiteral("cl-e"));
    QCOMPARE(menu.at(0).at(1).toPoint(), m_view->mapToGlobal(onCluster));
    QCOMPARE(m_view->selectedSiteId(), QStringLiteral("cl-e"));
    QCOMPARE(selected.count(), 1);
    const QPoint sea = m_view->viewport().toScreen(m_view->projection().project(28.5, 126.5)).toPoint();
    QContextMenuEvent onSea(QContextMenuEvent::Mouse, sea, m_view->mapToGlobal(sea));
    QApplication::sendEvent(m_view.get(), &onSea);
    QCOMPARE(menu.count(), 1);
}

void TestMapInteraction::previewHighlightsPathAndProjectedLoads()
{
    showView();
    m_view->setLegendVisible(false);
    const QPointF middle = (at("hub-e") + at("hub-w")) / 2;
    const QColor accent = QColor::fromRgba(MapTheme::dark().preview);
    auto closestToAccent = [&](const QImage& image) {
        int best = 1 << 20;
        for (int dx = -3; dx <= 3; ++dx)
            for (int dy = -3; dy <= 3; ++dy)
                best = std::min(best, distance(image.pixelColor((middle + QPointF(dx, dy)).toPoint()), accent));
        return best;
    };
    const int before = closestToAccent(m_view->grab().toImage());

    MigrationPreview preview;
    preview.taskId = QStringLiteral("t-1");
    preview.sourceSiteId = QStringLiteral("hub-e");
    preview.targetSiteId = QStringLiteral("hub-w");
    preview.pathLinkIds = { QStringLiteral("l-hubs") };
    preview.siteUtilisationAfter = { { QStringLiteral("hub-w"), 0.97 } };
    preview.linkUtilisationAfter = { { QStringLiteral("l-hubs"), 0.9 } };
    m_view->setMigrationPreview(preview);
    QVERIFY(m_view->migrationPreview().has_value());
    const QImage shown = m_view->grab().toImage();
    QVERIFY2(closestToAccent(shown) < 60 && before > 120,
        qPrintable(QString("%1 %2").arg(before).arg(closestToAccent(shown))));
    // The west hub's ghost ring is in the colour of its load after the move: red.
    const QPointF w = at("hub-w");
    const double ring = m_view->siteRadius(index("hub-w")) + 9;
    bool red = false;
    for (int a = 0; a < 360 && !red; a += 5) {
        const QColor c = shown.pixelColor(
            (w + QPointF(std::cos(a * std::numbers::pi / 180), std::sin(a * std::numbers::pi / 180)) * ring).toPoint());
        red = c.red() > 200 && c.green() < 120 && c.blue() < 120;
    }
    QVERIFY(red);

    m_view->setMigrationPreview(std::nullopt);
    QVERIFY(!m_view->migrationPreview());
    QCOMPARE(closestToAccent(m_view->grab().toImage()), before);
}

void TestMapInteraction::migrationFlowAnimatesOnlyWhileActive()
{
    showView();
    QVERIFY(!m_view->isFlowAnimating());
    applyEvent(migration("m-1", MigrationState::Transferring));
    QVERIFY(m_view->isFlowAnimating());
    // The dashes move: two frames a moment apart differ along the path.
    const QRect around = QRectF(at("hub-e"), at("hub-w")).normalized().toAlignedRect();
    const QImage first = m_view->grab(around).toImage();
    QTRY_VERIFY_WITH_TIMEOUT(m_view->grab(around).toImage() != first, 2000);
    // Not while the links are hidden, nor once the migration is over.
    m_view->setLayerVisible(MapLayer::Links, false);
    QVERIFY(!m_view->isFlowAnimating());
    m_view->setLayerVisible(MapLayer::Links, true);
    QVERIFY(m_view->isFlowAnimating());
    applyEvent(migration("m-1", MigrationState::Completed));
    QVERIFY(!m_view->isFlowAnimating());
}

void TestMapInteraction::latencyCirclesFollowSelection()
{
    showView();
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, at("hub-e").toPoint());
    m_view->grab(); // computed as the map is drawn
    QCOMPARE(m_view->latencyFromSelection(index("rg-hz")), 1.5f);
    QCOMPARE(m_view->latencyFromSelection(index("rg-km")), 19.0f);
    m_view->setLayerVisible(MapLayer::LatencyCircles, false);
    m_view->grab();
    QVERIFY(!std::isfinite(m_view->latencyFromSelection(index("rg-hz"))));
}

void TestMapInteraction::layersAreRememberedBetweenRuns()
{
    showView();
    {
        MapLayersMenu menu(m_view.get());
        QVERIFY(menu.action(MapLayer::Labels)->isChecked());
        menu.action(MapLayer::Labels)->trigger();
        menu.action(MapLayer::LatencyCircles)->trigger();
        QVERIFY(!m_view->isLayerVisible(MapLayer::Labels));
        QVERIFY(!m_view->isLayerVisible(MapLayer::LatencyCircles));
        QVERIFY(m_view->isLayerVisible(MapLayer::Links));
    }
    // The next run: a new map and menu start as the operator left them.
    MapView next;
    MapLayersMenu menu(&next);
    QVERIFY(!next.isLayerVisible(MapLayer::Labels));
    QVERIFY(!next.isLayerVisible(MapLayer::LatencyCircles));
    QVERIFY(next.isLayerVisible(MapLayer::Sites));
    QVERIFY(!menu.action(MapLayer::Labels)->isChecked());
    // Switched off from elsewhere, the menu follows.
    next.setLayerVisible(MapLayer::Alarms, false);
    QVERIFY(!menu.action(MapLayer::Alarms)->isChecked());
}

void TestMapInteraction::themesChangeTheMap()
{
    showView();
    const QPointF sea = m_view->viewport().toScreen(m_view->projection().project(28.5, 126.5));
    QCOMPARE(pixel(sea), QColor::fromRgba(MapTheme::dark().background));
    m_view->setTheme(MapThemeKind::Light);
    QCOMPARE(m_view->theme(), MapThemeKind::Light);
    QCOMPARE(pixel(sea), QColor::fromRgba(MapTheme::light().background));
    // The load colours stay the same scale in both: the busy cluster is still red-orange.
    const QColor cluster = pixel(at("cl-e"));
    QVERIFY2(cluster.red() > 200 && cluster.blue() < 100, qPrintable(cluster.name()));
}

QTEST_MAIN(TestMapInteraction)
#include "tst_mapinteraction.moc"
