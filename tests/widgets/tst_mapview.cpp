// The MapView a dispatcher clicks on: selection, pan and zoom, rendering, repaints, tooltips.
// (Projection, viewport and basemap: tst_mapbasemap.cpp.)

#include "basemap.h"
#include "mapprojection.h"
#include "maptheme.h"
#include "mapview.h"
#include "mapviewport.h"
#include "networkstate.h"
#include "utilisationcolor.h"

#include <QHelpEvent>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>
#include <QWheelEvent>
#include <QtMath>

#include <cmath>
#include <memory>

using namespace cpn;

namespace {

Site makeSite(const QString& id, const QString& zh, SiteTier tier, double lat, double lon, double pflops,
    SiteStatus status = SiteStatus::Online)
{
    Site s;
    s.id = id;
    s.nameZh = zh;
    s.nameEn = id;
    s.tier = tier;
    s.latitude = lat;
    s.longitude = lon;
    s.capacity = { AcceleratorCapacity { Architecture::Ascend, 1000, pflops } };
    s.status = status;
    return s;
}

Link makeLink(const QString& id, const QString& a, const QString& b, double gbps, LinkStatus status = LinkStatus::Up)
{
    Link l;
    l.id = id;
    l.siteAId = a;
    l.siteBId = b;
    l.capacityGbps = gbps;
    l.status = status;
    return l;
}

SiteMetrics siteLoad(const QString& id, double utilisation)
{
    SiteMetrics m;
    m.siteId = id;
    m.utilisation = utilisation;
    return m;
}

LinkMetrics linkLoad(const QString& id, double utilisation)
{
    LinkMetrics m;
    m.linkId = id;
    m.utilisation = utilisation;
    return m;
}

// Beijing hub (busy) with a small edge site almost on top of it, Gui'an (idle), Zhangjiakou
// (degraded) and Shanghai (in maintenance).
Snapshot smallNetwork()
{
    Snapshot s;
    s.revision = 1;
    s.sites = {
        makeSite("hub-bj", "北京", SiteTier::NationalHub, 39.90, 116.41, 2000),
        makeSite("hub-gz", "贵阳", SiteTier::NationalHub, 26.65, 106.63, 1500),
        makeSite("cl-zjk", "张家口", SiteTier::Cluster, 40.77, 114.88, 800, SiteStatus::Degraded),
        makeSite("edge-bj", "北京亦庄", SiteTier::Edge, 39.95, 116.45, 10),
        makeSite("reg-sh", "上海", SiteTier::Regional, 31.23, 121.47, 300, SiteStatus::Maintenance),
    };
    s.links = {
        makeLink("l-bj-gz", "hub-bj", "hub-gz", 400),
        makeLink("l-bj-zjk", "hub-bj", "cl-zjk", 100),
        makeLink("l-gz-sh", "hub-gz", "reg-sh", 400, LinkStatus::Down),
    };
    s.siteMetrics = { siteLoad("hub-bj", 0.92), siteLoad("hub-gz", 0.08), siteLoad("cl-zjk", 0.5),
        siteLoad("edge-bj", 0.3), siteLoad("reg-sh", 0.7) };
    s.linkMetrics = { linkLoad("l-bj-gz", 0.85), linkLoad("l-bj-zjk", 0.2) };
    return s;
}

// The 8 hubs, 10 clusters and the provincial capitals of DOMAIN.md with a few edge sites, a
// full hub mesh and a spread of loads: what a dispatcher sees, for the look of the map.
Snapshot nationalNetwork()
{
    struct Place {
        const char* id;
        const char* zh;
        double lat, lon;
    };
    static constexpr Place kHubs[] = { { "hub-jjj", "京津冀", 39.90, 116.41 }, { "hub-yrd", "长三角", 31.23, 121.47 },
        { "hub-gba", "粤港澳", 23.13, 113.26 }, { "hub-cy", "成渝", 30.57, 104.07 },
        { "hub-nm", "内蒙古", 40.84, 111.75 }, { "hub-gz", "贵州", 26.65, 106.63 }, { "hub-gs", "甘肃", 35.71, 107.64 },
        { "hub-nx", "宁夏", 38.49, 106.23 } };
    static constexpr Place kClusters[] = { { "cl-zjk", "张家口", 40.77, 114.88 }, { "cl-yrd", "示范区", 31.15, 121.12 },
        { "cl-wh", "芜湖", 31.35, 118.43 }, { "cl-sg", "韶关", 24.81, 113.60 }, { "cl-tf", "天府", 30.40, 104.10 },
        { "cl-cq", "重庆", 29.56, 106.55 }, { "cl-hlge", "和林格尔", 40.38, 111.82 },
        { "cl-ga", "贵安", 26.40, 106.40 }, { "cl-qy", "庆阳", 35.90, 107.64 }, { "cl-zw", "中卫", 37.51, 105.19 } };
    static constexpr Place kRegional[] = { { "reg-sjz", "石家庄", 38.04, 114.51 }, { "reg-ty", "太原", 37.87, 112.55 },
        { "reg-sy", "沈阳", 41.80, 123.43 }, { "reg-cc", "长春", 43.82, 125.32 },
        { "reg-hrb", "哈尔滨", 45.80, 126.53 }, { "reg-nj", "南京", 32.06, 118.80 },
        { "reg-hz", "杭州", 30.27, 120.16 }, { "reg-hf", "合肥", 31.82, 117.23 }, { "reg-fz", "福州", 26.07, 119.30 },
        { "reg-nc", "南昌", 28.68, 115.86 }, { "reg-jn", "济南", 36.65, 117.12 }, { "reg-zz", "郑州", 34.75, 113.63 },
        { "reg-wh", "武汉", 30.59, 114.31 }, { "reg-cs", "长沙", 28.23, 112.94 }, { "reg-nn", "南宁", 22.82, 108.37 },
        { "reg-hk", "海口", 20.04, 110.20 }, { "reg-km", "昆明", 24.88, 102.83 }, { "reg-ls", "拉萨", 29.65, 91.13 },
        { "reg-xa", "西安", 34.34, 108.94 }, { "reg-lz", "兰州", 36.06, 103.83 }, { "reg-xn", "西宁", 36.62, 101.78 },
        { "reg-wlmq", "乌鲁木齐", 43.83, 87.62 }, { "reg-tj", "天津", 39.08, 117.20 },
        { "reg-sz", "深圳", 22.54, 114.06 }, { "reg-qd", "青岛", 36.07, 120.38 }, { "reg-dl", "大连", 38.91, 121.61 },
        { "reg-xm", "厦门", 24.48, 118.09 }, { "reg-kashi", "喀什", 39.47, 75.99 } };
    Snapshot s;
    s.revision = 1;
    QRandomGenerator random(20240601);
    auto load = [&](double mean) { return std::clamp(mean + (random.generateDouble() - 0.5) * 0.6, 0.02, 0.99); };
    QHash<QString, QPointF> where;
    auto add = [&](const Place& p, SiteTier tier, double pflops, double mean) {
        s.sites << makeSite(p.id, QString::fromUtf8(p.zh), tier, p.lat, p.lon, pflops);
        s.siteMetrics << siteLoad(p.id, load(mean));
        where.insert(p.id, QPointF(p.lon, p.lat));
    };
    auto connect = [&](const QString& a, const QString& b, double gbps, double mean) {
        const QString id = a + "~" + b;
        s.links << makeLink(id, a, b, gbps);
        s.linkMetrics << linkLoad(id, load(mean));
    };
    auto nearest = [&](QPointF at, const auto& places) {
        QString best;
        double bestD = 1e9;
        for (const Place& p : places) {
            const double d = std::hypot(p.lon - at.x(), p.lat - at.y());
            if (d < bestD && d > 1e-9) {
                bestD = d;
                best = p.id;
            }
        }
        return best;
    };
    for (const Place& p : kHubs)
        add(p, SiteTier::NationalHub, 3000 + random.bounded(4000), 0.55);
    for (const Place& p : kClusters)
        add(p, SiteTier::Cluster, 800 + random.bounded(1500), 0.6);
    for (const Place& p : kRegional)
        add(p, SiteTier::Regional, 50 + random.bounded(400), 0.45);
    for (int i = 0; i < 60; ++i) {
        const Place& r = kRegional[i % std::size(kRegional)];
        const QByteArray id = "edge-" + QByteArray::number(i);
        const Place edge { id.constData(), "", r.lat + (random.generateDouble() - 0.5) * 3,
            r.lon + (random.generateDouble() - 0.5) * 3 };
        add(edge, SiteTier::Edge, 2 + random.bounded(20), 0.4);
        s.sites.last().nameZh.clear();
        connect(r.id, id, 100, 0.3);
    }
    for (std::size_t a = 0; a < std::size(kHubs); ++a)
        for (std::size_t b = a + 1; b < std::size(kHubs); ++b)
            connect(kHubs[a].id, kHubs[b].id, 1600, 0.35);
    for (const Place& p : kClusters)
        connect(p.id, nearest(QPointF(p.lon, p.lat), kHubs), 800, 0.5);
    for (const Place& p : kRegional)
        connect(p.id, nearest(QPointF(p.lon, p.lat), kHubs), 400, 0.4);
    s.sites[s.sites.size() - 3].status = SiteStatus::Offline;
    s.sites[12].status = SiteStatus::Maintenance;
    s.sites[30].status = SiteStatus::Degraded;
    s.sites[9].status = SiteStatus::Degraded;
    s.links[70].status = LinkStatus::Down;
    s.links[100].status = LinkStatus::Down;
    return s;
}

void applySnapshot(NetworkState& state, const Snapshot& snapshot)
{
    StateBatch batch;
    batch.snapshot = snapshot;
    state.applyBatch(batch);
}

bool isRedDominant(QColor c)
{
    return c.red() > c.green() + 40 && c.red() > c.blue() + 40;
}
bool isGreenDominant(QColor c)
{
    return c.green() > c.red() + 40 && c.green() > c.blue() + 20;
}

class PaintCounter : public QObject {
public:
    int paints = 0;
    bool eventFilter(QObject*, QEvent* event) override
    {
        if (event->type() == QEvent::Paint)
            ++paints;
        return false;
    }
};

} // namespace

class TestMapView : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void clickSelectsSite_data();
    void clickSelectsSite();
    void clickOnEmptyMapClearsSelection();
    void dragPansWithoutSelecting();
    void wheelZoomKeepsPointUnderCursor();
    void keysZoomPanAndFit();
    void renderShowsSitesLinksAndLand();
    void stateChangesRepaintCoalesced();
    void toolTipShowsSiteDetails();
    void utilisationScaleRunsGreenToRed();
    void nationalNetworkRenders();

private:
    void showView();

    std::unique_ptr<NetworkState> m_state;
    std::unique_ptr<MapView> m_view;
};

void TestMapView::init()
{
    m_state = std::make_unique<NetworkState>();
    applySnapshot(*m_state, smallNetwork());
}

void TestMapView::cleanup()
{
    m_view.reset();
    m_state.reset();
}

void TestMapView::showView()
{
    m_view = std::make_unique<MapView>();
    m_view->setState(m_state.get());
    m_view->resize(800, 600);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view.get()));
}

void TestMapView::clickSelectsSite_data()
{
    QTest::addColumn<QString>("siteId");
    QTest::addColumn<QPoint>("offset"); // from the site's centre
    // edge-bj sits about a pixel from hub-bj's centre and is drawn on top: clicking the centre
    // picks the edge site, clicking the rest of the hub's circle picks the hub.
    QTest::newRow("hub-bj, away from the edge site") << "hub-bj" << QPoint(-8, 0);
    QTest::newRow("edge-bj, on the hub") << "edge-bj" << QPoint(0, 0);
    QTest::newRow("hub-gz") << "hub-gz" << QPoint(0, 0);
    QTest::newRow("hub-gz, just outside") << "hub-gz" << QPoint(0, 13);
    QTest::newRow("cl-zjk") << "cl-zjk" << QPoint(1, -1);
    QTest::newRow("reg-sh") << "reg-sh" << QPoint(0, 0);
}

void TestMapView::clickSelectsSite()
{
    QFETCH(QString, siteId);
    QFETCH(QPoint, offset);
    showView();
    QSignalSpy spy(m_view.get(), &MapView::siteSelected);
    const int index = m_state->siteIndex(siteId);
    QVERIFY(index >= 0);
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, m_view->sitePosition(index).toPoint() + offset);
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), siteId);
    QCOMPARE(m_view->selectedSiteId(), siteId);
}

void TestMapView::clickOnEmptyMapClearsSelection()
{
    showView();
    m_view->setSelectedSiteId("hub-gz");
    QSignalSpy spy(m_view.get(), &MapView::siteSelected);
    // The East China Sea, far from every site.
    const QPointF sea = m_view->viewport().toScreen(m_view->projection().project(28.5, 126.5));
    QVERIFY(m_view->rect().contains(sea.toPoint()));
    QTest::mouseClick(m_view.get(), Qt::LeftButton, {}, sea.toPoint());
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toString(), QString());
    QVERIFY(m_view->selectedSiteId().isEmpty());
}

void TestMapView::dragPansWithoutSelecting()
{
    showView();
    QSignalSpy spy(m_view.get(), &MapView::siteSelected);
    const int gz = m_state->siteIndex("hub-gz");
    const QPointF before = m_view->sitePosition(gz);
    const QPoint start = before.toPoint(); // starting on a site must not select it
    const QPoint end = start + QPoint(120, -40);
    QTest::mousePress(m_view.get(), Qt::LeftButton, {}, start);
    for (int step = 1; step <= 4; ++step) {
        const QPoint at = start + (end - start) * step / 4;
        QMouseEvent move(QEvent::MouseMove, at, m_view->mapToGlobal(at), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(m_view.get(), &move);
    }
    QTest::mouseRelease(m_view.get(), Qt::LeftButton, {}, end);
    const QPointF after = m_view->sitePosition(gz);
    QVERIFY(std::abs(after.x() - before.x() - 120) < 1e-6);
    QVERIFY(std::abs(after.y() - before.y() + 40) < 1e-6);
    QCOMPARE(spy.count(), 0);
}

void TestMapView::wheelZoomKeepsPointUnderCursor()
{
    showView();
    const QPointF cursor(530.5, 210.25);
    const QPointF plane = m_view->viewport().toPlane(cursor);
    const double zoomBefore = m_view->zoomLevel();
    QWheelEvent wheel(
        cursor, m_view->mapToGlobal(cursor), QPoint(), QPoint(0, 240), Qt::NoButton, {}, Qt::NoScrollPhase, false);
    QApplication::sendEvent(m_view.get(), &wheel);
    QVERIFY(m_view->zoomLevel() > zoomBefore * 1.4);
    const QPointF back = m_view->viewport().toScreen(plane);
    QVERIFY(std::abs(back.x() - cursor.x()) < 1e-6 && std::abs(back.y() - cursor.y()) < 1e-6);
    // A site moved away from the cursor by the zoom factor.
    const QPointF gz = m_view->sitePosition(m_state->siteIndex("hub-gz"));
    const QPointF gzBefore = cursor + (gz - cursor) / (m_view->zoomLevel() / zoomBefore);
    QVERIFY(QLineF(gz, cursor).length() > QLineF(gzBefore, cursor).length());
}

void TestMapView::keysZoomPanAndFit()
{
    showView();
    const int bj = m_state->siteIndex("hub-bj");
    const QPointF fitted = m_view->sitePosition(bj);
    QCOMPARE(m_view->zoomLevel(), 1.0);
    QTest::keyClick(m_view.get(), Qt::Key_Plus);
    QVERIFY(m_view->zoomLevel() > 1.2);
    QTest::keyClick(m_view.get(), Qt::Key_Minus);
    QVERIFY(std::abs(m_view->zoomLevel() - 1) < 1e-9);
    QTest::keyClick(m_view.get(), Qt::Key_Left); // look west: the map moves right
    QVERIFY(m_view->sitePosition(bj).x() > fitted.x() + 50);
    QTest::keyClick(m_view.get(), Qt::Key_Up);
    QVERIFY(m_view->sitePosition(bj).y() > fitted.y() + 50);
    QTest::keyClick(m_view.get(), Qt::Key_Home);
    QVERIFY(QLineF(m_view->sitePosition(bj), fitted).length() < 1e-6);
}

void TestMapView::renderShowsSitesLinksAndLand()
{
    showView();
    const QImage image = m_view->grab().toImage();
    const QColor background = QColor::fromRgba(MapTheme::dark().background);
    auto pixel = [&](QPointF p) { return image.pixelColor(p.toPoint()); };
    auto screenOf
        = [&](double lat, double lon) { return m_view->viewport().toScreen(m_view->projection().project(lat, lon)); };

    const QPointF gz = m_view->sitePosition(m_state->siteIndex("hub-gz"));
    QVERIFY2(isGreenDominant(pixel(gz)), qPrintable(pixel(gz).name())); // 8 % busy
    // West of Beijing's centre, clear of the edge site drawn on top of it: 92 % busy.
    const QPointF bj = m_view->sitePosition(m_state->siteIndex("hub-bj")) - QPointF(5, 0);
    QVERIFY2(isRedDominant(pixel(bj)), qPrintable(pixel(bj).name()));
    // The busy Beijing-Gui'an link, halfway: the reddest pixel across the line.
    const QPointF mid = (m_view->sitePosition(m_state->siteIndex("hub-bj")) + gz) / 2;
    QColor reddest;
    for (int dx = -2; dx <= 2; ++dx) {
        const QColor c = pixel(mid + QPointF(dx, 0));
        if (c.red() - c.green() > reddest.red() - reddest.green())
            reddest = c;
    }
    QVERIFY2(isRedDominant(reddest), qPrintable(reddest.name()));
    // Land in the Taklamakan is drawn (the basemap is rendered on a worker thread: the view
    // repaints itself once it is ready), the East China Sea is plain background.
    PaintCounter counter;
    m_view->installEventFilter(&counter);
    QTRY_VERIFY(counter.paints >= 1);
    m_view->removeEventFilter(&counter);
    QVERIFY(m_view->grab().toImage().pixelColor(screenOf(39, 83).toPoint()) != background);
    QCOMPARE(m_view->grab().toImage().pixelColor(screenOf(28.5, 126.5).toPoint()), background);
}

void TestMapView::stateChangesRepaintCoalesced()
{
    showView();
    PaintCounter counter;
    m_view->installEventFilter(&counter);
    const int gz = m_state->siteIndex("hub-gz");
    const QPointF before = m_view->sitePosition(gz);
    quint64 revision = m_state->revision();
    for (int i = 0; i < 20; ++i) {
        StateBatch batch;
        StateEvent event;
        event.revision = ++revision;
        MetricsFrame frame;
        frame.sites = { siteLoad("hub-gz", 0.05 * i) };
        event.change = frame;
        batch.events.push_back(event);
        m_state->applyBatch(batch);
        QCoreApplication::processEvents();
    }
    // The site moves (an upsert with new coordinates) and turns red: one repaint shows both.
    Site moved = m_state->sites().at(gz);
    moved.latitude = 30.0;
    moved.longitude = 110.0;
    StateBatch batch;
    StateEvent event;
    event.revision = ++revision;
    event.change = moved;
    batch.events.push_back(event);
    m_state->applyBatch(batch);
    QTRY_VERIFY(counter.paints >= 1);
    QTRY_VERIFY(QLineF(m_view->sitePosition(gz), before).length() > 20);
    QVERIFY2(counter.paints <= 3, qPrintable(QString::number(counter.paints)));
    const QImage image = m_view->grab().toImage();
    const QColor at = image.pixelColor(m_view->sitePosition(gz).toPoint());
    QVERIFY2(isRedDominant(at), qPrintable(at.name()));
}

void TestMapView::toolTipShowsSiteDetails()
{
    showView();
    const int sh = m_state->siteIndex("reg-sh");
    const QPoint at = m_view->sitePosition(sh).toPoint();
    QHelpEvent help(QEvent::ToolTip, at, m_view->mapToGlobal(at));
    QApplication::sendEvent(m_view.get(), &help);
    QTRY_VERIFY(QToolTip::isVisible());
    const QString text = QToolTip::text();
    QVERIFY2(text.contains("reg-sh") && text.contains("上海") && text.contains("70.0") && text.contains("300.0"),
        qPrintable(text));
    QToolTip::hideText();
}

void TestMapView::utilisationScaleRunsGreenToRed()
{
    QVERIFY(isGreenDominant(utilisationColor(0)));
    QVERIFY(isRedDominant(utilisationColor(1)));
    const QColor mid = utilisationColor(0.6);
    QVERIFY(mid.red() > 200 && mid.green() > 180 && mid.blue() < 100); // yellow
    QCOMPARE(utilisationColor(-3), utilisationColor(0));
    QCOMPARE(utilisationColor(7), utilisationColor(1));
    QCOMPARE(utilisationColor(std::nan("")), utilisationColor(0));
}

void TestMapView::nationalNetworkRenders()
{
    applySnapshot(*m_state, nationalNetwork());
    QVERIFY(m_state->sites().size() > 100);
    const QByteArray saveTo = qgetenv("CPN_MAP_SNAPSHOT"); // e.g. /tmp/map: writes /tmp/map-*.png
    showView();
    m_view->resize(1280, 860);
    auto shoot = [&](const char* name) {
        const QImage image = m_view->grab().toImage();
        if (!saveTo.isEmpty())
            image.save(QString::fromLocal8Bit(saveTo) + "-" + name + ".png");
        return image;
    };
    const QImage fitted = shoot("china");
    const QColor background = QColor::fromRgba(MapTheme::dark().background);
    const QColor land = QColor::fromRgba(MapTheme::dark().land);
    for (int i = 0; i < 8; ++i) { // every hub is drawn
        const QColor c = fitted.pixelColor(m_view->sitePosition(i).toPoint() - QPoint(4, 0));
        QVERIFY2(c != background && c != land, qPrintable(m_state->sites().at(i).id));
    }

    // Zoomed in on Beijing with it selected: it wears the selection ring.
    const int beijing = m_state->siteIndex("hub-jjj");
    m_view->setSelectedSiteId("hub-jjj");
    m_view->zoomAbout(m_view->sitePosition(beijing), 3);
    QVERIFY(std::abs(m_view->zoomLevel() - 3) < 1e-9);
    const QImage moving = m_view->grab().toImage();
    const QColor selection = QColor::fromRgba(MapTheme::dark().selection);
    const QPointF centre = m_view->sitePosition(beijing);
    const double ring = m_view->siteRadius(beijing) + 5;
    int ringPixels = 0;
    for (int degrees = 0; degrees < 360; degrees += 10) {
        const double a = qDegreesToRadians(double(degrees));
        const QColor c = moving.pixelColor((centre + QPointF(std::cos(a), std::sin(a)) * ring).toPoint());
        ringPixels += std::abs(c.red() - selection.red()) + std::abs(c.green() - selection.green())
                + std::abs(c.blue() - selection.blue())
            < 90;
    }
    QVERIFY2(ringPixels >= 18, qPrintable(QString::number(ringPixels)));
    // While the view moves, the old basemap image is shown scaled; once it has been still a
    // moment the basemap is drawn again, sharp.
    QTRY_VERIFY(m_view->grab().toImage() != moving);
    shoot("beijing");
}

QTEST_MAIN(TestMapView)
#include "tst_mapview.moc"
