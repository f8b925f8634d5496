// Trends: the time-series store (merge, trim, gap), the last hour kept for sparklines, the chart
// showing exactly the store's points, and the panel against a mock scheduler over gRPC whose clock
// the test moves: backfill on selection, a new range asks again, a refusal is shown, and after a
// lost connection or a restarted scheduler the lines are completed.

// The mock's headers name a member `slots`: they go before any Qt header defines that keyword.
#include "mocktesthelpers.h"

#include "consolesession.h"
#include "mapview.h"
#include "networkstate.h"
#include "recenthistory.h"
#include "sparklinedelegate.h"
#include "statefeed.h"
#include "tasktablemodel.h"
#include "tasktablepanel.h"
#include "tcpproxy.h"
#include "trendchart.h"
#include "trendcontroller.h"
#include "trendpanel.h"

#include <QComboBox>
#include <QMainWindow>
#include <QMenu>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QToolButton>

#include <cmath>

using namespace cpn;
using namespace cpn::testing;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr int kTimeoutMs = 20000;
const SeriesKey kSiteLoad { QStringLiteral("bj"), QStringLiteral("utilisation") };

QList<TimePoint> ramp(qint64 fromMs, qint64 toMs, qint64 stepMs, double start = 0.1)
{
    QList<TimePoint> points;
    for (qint64 t = fromMs; t <= toMs; t += stepMs)
        points.append({ t, start + double(t - fromMs) / double(std::max<qint64>(1, toMs - fromMs)) * 0.5 });
    return points;
}

QList<qint64> timesOf(const QList<TimePoint>& points)
{
    QList<qint64> times;
    for (const auto& p : points)
        times.append(p.timeMs);
    return times;
}

// The largest spacing between the chart's points of a line within [fromMs, toMs].
qint64 largestHole(const QList<QPointF>& points, qint64 fromMs, qint64 toMs)
{
    qint64 hole = 0;
    for (qsizetype i = 1; i < points.size(); ++i) {
        const auto a = qint64(points.at(i - 1).x());
        const auto b = qint64(points.at(i).x());
        if (b >= fromMs && a <= toMs)
            hole = std::max(hole, b - a);
    }
    return hole;
}

Site site(const QString& id)
{
    Site s;
    s.id = id;
    s.nameZh = id;
    s.nameEn = id;
    s.tier = SiteTier::NationalHub;
    s.capacity = { { Architecture::Ascend, 100, 30 } };
    s.status = SiteStatus::Online;
    return s;
}

StateBatch metricsBatch(quint64 revision, qint64 timeMs, double bjLoad)
{
    SiteMetrics m;
    m.siteId = QStringLiteral("bj");
    m.sampleTimeMs = timeMs;
    m.utilisation = bjLoad;
    StateEvent e;
    e.revision = revision;
    e.simTimeMs = timeMs;
    e.change = MetricsFrame { timeMs, { m }, {} };
    StateBatch batch;
    batch.events.push_back(e);
    return batch;
}

// The console's parts the trend controller wires, around one session.
struct TrendConsole {
    explicit TrendConsole(const QString& target)
        : session(ConnectionSettings { target, {} })
        , map(&window)
        , tasks(session.tasks(), &window)
        , menu(&window)
        , trends(&window, &session, &map, &tasks, &menu)
    {
        map.setState(session.state());
        window.setCentralWidget(&map);
        window.resize(1200, 800);
        window.show();
        session.start();
    }
    // A national hub's id, once the snapshot is in.
    QString hub() const
    {
        for (const auto& s : session.state()->sites()) {
            if (s.tier == SiteTier::NationalHub)
                return s.id;
        }
        return {};
    }
    QList<QPointF> line(int i = 0) const { return trends.panel()->chart()->linePoints(i); }
    qint64 now() const { return session.state()->simTimeMs(); }

    ConsoleSession session;
    QMainWindow window;
    MapView map;
    TaskTablePanel tasks;
    QMenu menu;
    TrendController trends;
};

QString addressOf(const mock::MockServer& server)
{
    return QString::fromStdString(server.address());
}

constexpr std::uint64_t kSeed = 7;

} // namespace

class TestTrends : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void mergeKeepsOlderHistoryAndLaterLivePoints()
    {
        TimeSeriesStore store;
        store.setSpan(3600 * 1000);
        store.mergeBackfill(kSiteLoad, 0, 10 * kMinute, ramp(0, 10 * kMinute, kMinute), QStringLiteral("ratio"));
        QCOMPARE(store.points(kSiteLoad).size(), 11);
        QCOMPARE(store.unit(kSiteLoad), QStringLiteral("ratio"));
        // Live samples after the answer, then an answer for [5, 12] min: it replaces 5..10 and
        // keeps the live sample at 13 min that came after it was asked.
        QVERIFY(store.appendLive(kSiteLoad, { 11 * kMinute, 0.9 }));
        QVERIFY(store.appendLive(kSiteLoad, { 13 * kMinute, 0.95 }));
        QVERIFY(!store.appendLive(kSiteLoad, { 13 * kMinute, 0.5 })); // not newer
        store.mergeBackfill(kSiteLoad, 5 * kMinute, 12 * kMinute, { { 6 * kMinute + 1, 0.3 }, { 12 * kMinute, 0.4 } },
            QStringLiteral("ratio"));
        QCOMPARE(timesOf(store.points(kSiteLoad)),
            (QList<qint64> { 0, kMinute, 2 * kMinute, 3 * kMinute, 4 * kMinute, 6 * kMinute + 1, 12 * kMinute,
                13 * kMinute }));
        QCOMPARE(store.points(kSiteLoad).last().value, 0.95);
    }

    void livePointsStaySparse()
    {
        TimeSeriesStore store;
        store.setLiveStep(kMinute);
        store.mergeBackfill(kSiteLoad, 0, 2 * kMinute, ramp(0, 2 * kMinute, kMinute), {});
        // Frames every 10 s: the head moves, one point a minute stays.
        for (qint64 t = 2 * kMinute + 10000; t <= 5 * kMinute; t += 10000)
            store.appendLive(kSiteLoad, { t, double(t) });
        const QList<qint64> times = timesOf(store.points(kSiteLoad));
        QCOMPARE(times.last(), 5 * kMinute);
        QCOMPARE(store.points(kSiteLoad).last().value, double(5 * kMinute));
        for (qsizetype i = 4; i < times.size(); ++i)
            QVERIFY2(times.at(i) - times.at(i - 2) >= kMinute, qPrintable(QString::number(times.at(i))));
        QVERIFY(times.size() <= 7);
    }

    void trimKeepsTheSpanAndDropsTheFuture()
    {
        TimeSeriesStore store;
        store.setSpan(15 * kMinute);
        store.mergeBackfill(kSiteLoad, 0, 60 * kMinute, ramp(0, 60 * kMinute, kMinute), {});
        store.trim(40 * kMinute); // e.g. a restarted scheduler whose clock is behind
        const QList<qint64> times = timesOf(store.points(kSiteLoad));
        QCOMPARE(times.first(), 25 * kMinute);
        QCOMPARE(times.last(), 40 * kMinute);
        QCOMPARE(times.size(), 16);
    }

    void gapStart_data()
    {
        QTest::addColumn<QList<qint64>>("times");
        QTest::addColumn<qint64>("expected");
        // now = 60 min, span 60 min, holes wider than 3 min.
        QTest::newRow("nothing held: the whole span") << QList<qint64> {} << 0ll;
        QTest::newRow("continuous: from the last point")
            << QList<qint64> { 0, kMinute, 2 * kMinute, 58 * kMinute } << 2 * kMinute;
        QList<qint64> continuous;
        for (qint64 t = 0; t <= 59 * kMinute; t += kMinute)
            continuous.append(t);
        QTest::newRow("all there: from the last point") << continuous << 59 * kMinute;
        QList<qint64> holed = continuous;
        holed.erase(std::remove_if(holed.begin(), holed.end(), [](qint64 t) { return t > 20 * kMinute && t < 40 * kMinute; }),
            holed.end());
        QTest::newRow("a hole: from its start") << holed << 20 * kMinute;
        QTest::newRow("missing start: the whole span") << QList<qint64> { 30 * kMinute, 31 * kMinute } << 0ll;
    }

    void gapStart()
    {
        QFETCH(QList<qint64>, times);
        QFETCH(qint64, expected);
        TimeSeriesStore store;
        store.setSpan(60 * kMinute);
        QList<TimePoint> points;
        for (qint64 t : times)
            points.append({ t, 0.5 });
        store.mergeBackfill(kSiteLoad, 0, 60 * kMinute, points, {});
        QCOMPARE(store.gapStartMs(kSiteLoad, 60 * kMinute, 3 * kMinute), expected);
    }

    void recentHistoryKeepsAMinuteEach()
    {
        NetworkState state;
        RecentHistory history(&state);
        Snapshot snapshot;
        snapshot.revision = 1;
        snapshot.simTimeMs = 100 * kMinute;
        snapshot.sites = { site(QStringLiteral("bj")) };
        StateBatch first;
        first.snapshot = snapshot;
        state.applyBatch(first);
        QSignalSpy updated(&history, &RecentHistory::updated);
        quint64 revision = 2;
        // Minutes 100..104 with samples, 105..106 without, then 107; the latest of a minute wins.
        for (qint64 m = 100; m <= 104; ++m) {
            state.applyBatch(metricsBatch(revision++, m * kMinute + 1000, 0.9));
            state.applyBatch(metricsBatch(revision++, m * kMinute + 30000, double(m - 100) / 10));
        }
        state.applyBatch(metricsBatch(revision++, 107 * kMinute, 0.7));
        QVERIFY(updated.count() >= 11);
        const QList<double> values = history.utilisation(QStringLiteral("bj"));
        QCOMPARE(values.size(), RecentHistory::kMinutes);
        QCOMPARE(values.last(), 0.7f);
        QVERIFY(std::isnan(values.at(values.size() - 2)));
        QVERIFY(std::isnan(values.at(values.size() - 3)));
        for (int m = 0; m < 5; ++m)
            QCOMPARE(values.at(values.size() - 8 + m), double(float(m / 10.0)));
        QVERIFY(history.utilisation(QStringLiteral("nowhere")).isEmpty());
        // A scheduler whose clock went back starts the hour afresh.
        state.applyBatch(metricsBatch(revision++, 50 * kMinute, 0.2));
        const QList<double> restarted = history.utilisation(QStringLiteral("bj"));
        QCOMPARE(restarted.last(), 0.2f);
        QCOMPARE(std::count_if(restarted.cbegin(), restarted.cend(), [](double v) { return !std::isnan(v); }), 1);
    }

    void aBigNetworksHourIsRebuiltBesideTheGuiThread()
    {
        // 6,000 sites, more than are rebuilt on the GUI thread: the rings come a moment after the
        // topology, and a site's hour is carried over through two topologies in a row.
        NetworkState state;
        RecentHistory history(&state);
        const auto snapshotOf = [](quint64 revision, qint64 timeMs, int sites) {
            Snapshot snapshot;
            snapshot.revision = revision;
            snapshot.simTimeMs = timeMs;
            for (int i = 0; i < sites; ++i)
                snapshot.sites.append(site(i == 0 ? QStringLiteral("bj") : QStringLiteral("s%1").arg(i)));
            StateBatch batch;
            batch.snapshot = snapshot;
            return batch;
        };
        const QString bj = QStringLiteral("bj");
        state.applyBatch(snapshotOf(1, 100 * kMinute, 6000));
        QTRY_VERIFY_WITH_TIMEOUT(!history.utilisation(bj).isEmpty(), kTimeoutMs);
        state.applyBatch(metricsBatch(2, 101 * kMinute, 0.4));
        QCOMPARE(history.utilisation(bj).last(), 0.4f);
        // A site fewer, then another while the first is rebuilt.
        state.applyBatch(snapshotOf(3, 102 * kMinute, 5999));
        QVERIFY(history.utilisation(bj).isEmpty()); // not this topology's rings yet, nor another's
        state.applyBatch(snapshotOf(4, 103 * kMinute, 5998));
        QTRY_VERIFY_WITH_TIMEOUT(!history.utilisation(bj).isEmpty(), kTimeoutMs);
        const QList<double> values = history.utilisation(bj);
        QCOMPARE(values.at(values.size() - 3), 0.4f); // minute 101, before both
        QVERIFY(!std::isnan(values.last())); // the last snapshot's own sample
        QVERIFY(!history.utilisation(QStringLiteral("s5997")).isEmpty());
        QVERIFY(history.utilisation(QStringLiteral("s5998")).isEmpty());
    }

    void sparklineBreaksWhereMinutesAreMissing()
    {
        const double nan = std::nan("");
        const QRectF rect(0, 0, 60, 10);
        const auto parts = SparklineDelegate::sparkline({ 0.0, 1.0, nan, 0.5, nan, nan }, rect);
        QCOMPARE(parts.size(), 2);
        QCOMPARE(parts.at(0), QPolygonF({ QPointF(0, 10), QPointF(12, 0) }));
        QCOMPARE(parts.at(1), QPolygonF({ QPointF(36, 5) }));
        QVERIFY(SparklineDelegate::sparkline({}, rect).isEmpty());
    }

    void chartShowsTheStorePoints()
    {
        TimeSeriesStore store;
        store.setSpan(3600 * 1000);
        const qint64 now = 1'795'219'200'000;
        const SeriesKey power { QStringLiteral("bj"), QStringLiteral("power_mw") };
        const SeriesKey pue { QStringLiteral("sh"), QStringLiteral("pue") };
        store.mergeBackfill(kSiteLoad, now - 3600 * 1000, now, ramp(now - 3600 * 1000, now, kMinute), QStringLiteral("ratio"));
        store.mergeBackfill(power, now - 3600 * 1000, now, { { now - kMinute, 42.5 }, { now, 43 } }, QStringLiteral("MW"));
        store.mergeBackfill(pue, now - 3600 * 1000, now, { { now, 1.21 } }, QStringLiteral("ratio"));
        TrendPanel panel;
        panel.setStore(&store);
        QSignalSpy lines(&panel, &TrendPanel::linesChanged);
        panel.setEntities({ { QStringLiteral("bj"), QStringLiteral("Beijing"), TrendEntityKind::Site,
                                trendMetrics(TrendEntityKind::Site, { Architecture::Ascend }) },
            { QStringLiteral("sh"), QStringLiteral("Shanghai"), TrendEntityKind::Site, trendMetrics(TrendEntityKind::Site) } });
        QCOMPARE(lines.count(), 1);
        QCOMPARE(panel.lines().size(), 1);
        QCOMPARE(panel.lines().first().key, kSiteLoad);
        panel.refresh(now);

        TrendChart* chart = panel.chart();
        QCOMPARE(chart->lineCount(), 1);
        QCOMPARE(chart->axisTitle(0), QStringLiteral("%"));
        QCOMPARE(chart->windowFromMs(), now - 3600 * 1000);
        QCOMPARE(chart->windowToMs(), now);
        const auto expected = store.points(kSiteLoad);
        const QList<QPointF> drawn = chart->linePoints(0);
        QCOMPARE(drawn.size(), expected.size());
        for (qsizetype i = 0; i < drawn.size(); ++i) {
            QCOMPARE(qint64(drawn.at(i).x()), expected.at(i).timeMs);
            QCOMPARE(drawn.at(i).y(), expected.at(i).value * 100);
        }

        // Compare: keep Beijing's power, then pick Shanghai's PUE: three lines, three axes.
        panel.selectMetric(QStringLiteral("power_mw"));
        QVERIFY(panel.compareCurrent());
        QVERIFY(!panel.compareCurrent()); // already kept
        panel.selectMetric(QStringLiteral("utilisation"));
        QVERIFY(panel.compareCurrent());
        panel.findChild<QComboBox*>(QStringLiteral("TrendEntity"))->setCurrentIndex(1);
        panel.selectMetric(QStringLiteral("pue"));
        QCOMPARE(panel.lines().size(), 3);
        panel.refresh(now);
        QCOMPARE(chart->lineCount(), 3);
        QCOMPARE(chart->lineName(0), TrendPanel::tr("%1 · %2").arg(QStringLiteral("Shanghai"), trendMetricLabel(pue.metric)));
        QCOMPARE(chart->axisTitle(0), QString()); // PUE has no unit, and is not a percentage
        QCOMPARE(chart->linePoints(0), QList<QPointF>({ QPointF(double(now), 1.21) }));
        QCOMPARE(chart->axisTitle(1), QStringLiteral("MW"));
        QCOMPARE(chart->linePoints(1), QList<QPointF>({ QPointF(double(now - kMinute), 42.5), QPointF(double(now), 43) }));
        QCOMPARE(chart->axisTitle(2), QStringLiteral("%"));
        panel.removeCompared(0);
        panel.refresh(now);
        QCOMPARE(chart->lineCount(), 2);
        QCOMPARE(chart->axisTitle(1), QStringLiteral("%"));
    }

    void panelSaysWhatIsWrong()
    {
        TimeSeriesStore store;
        TrendPanel panel;
        panel.setStore(&store);
        panel.refresh(1000 * kMinute);
        QVERIFY(panel.message().contains(QLatin1String("Select a site")));
        panel.setEntities({ { QStringLiteral("bj"), QStringLiteral("Beijing"), TrendEntityKind::Site,
            trendMetrics(TrendEntityKind::Site) } });
        panel.setLineStatus(kSiteLoad, true, {});
        QVERIFY(panel.message().contains(QLatin1String("Loading")));
        panel.setLineStatus(kSiteLoad, false, QStringLiteral("INVALID_ARGUMENT: unknown metric"));
        QVERIFY(panel.message().contains(QLatin1String("INVALID_ARGUMENT: unknown metric")));
        QVERIFY(panel.message().contains(QLatin1String("Beijing")));
        panel.setLineStatus(kSiteLoad, false, {});
        QVERIFY(panel.message().contains(QLatin1String("No data")));
        panel.setStale(true);
        QVERIFY(panel.message().contains(QLatin1String("cannot be reached")));
    }

    void backfillsFromTheSchedulerAndAsksAgainForANewRange()
    {
        const auto server = startManualServer(kSeed);
        QVERIFY(server);
        TrendConsole console(addressOf(*server));
        QTRY_VERIFY_WITH_TIMEOUT(console.session.state()->hasSnapshot(), kTimeoutMs);
        console.trends.showSite(console.hub());
        TrendChart* chart = console.trends.panel()->chart();
        // An hour of 1-min history, right away, then extended by live frames.
        QTRY_VERIFY_WITH_TIMEOUT(chart->lineCount() == 1 && console.line().size() >= 55, kTimeoutMs);
        const QList<QPointF> hour = console.line();
        QVERIFY(qint64(hour.first().x()) >= chart->windowFromMs());
        QVERIFY(largestHole(hour, chart->windowFromMs(), chart->windowToMs()) <= 3 * kMinute);
        for (const QPointF& p : hour)
            QVERIFY(p.y() >= 0 && p.y() <= 100);
        const qint64 lastBefore = qint64(hour.last().x());
        advanceMinutes(*server, 1);
        const qint64 now = server->simulation()->simTimeMs();
        QVERIFY(now > lastBefore);
        QTRY_COMPARE_WITH_TIMEOUT(qint64(console.line().last().x()), now, kTimeoutMs);

        // 6 h: asked again, six hours drawn.
        const int asked = console.trends.queryCount();
        QTest::mouseClick(console.trends.panel()->findChild<QToolButton*>(QStringLiteral("TrendRange6h")), Qt::LeftButton);
        QCOMPARE(console.trends.panel()->spanMs(), 6 * 3600 * 1000);
        QVERIFY(console.trends.queryCount() > asked);
        QTRY_VERIFY_WITH_TIMEOUT(console.line().size() >= 300, kTimeoutMs);
        QCOMPARE(chart->windowToMs() - chart->windowFromMs(), 6 * 3600 * 1000);
        QVERIFY(qint64(console.line().last().x()) - qint64(console.line().first().x()) > 5 * 3600 * 1000);

        // Another metric of the same site, with the scheduler's unit.
        console.trends.panel()->selectMetric(QStringLiteral("power_mw"));
        QTRY_VERIFY_WITH_TIMEOUT(chart->axisTitle(0) == QLatin1String("MW") && console.line().size() >= 300, kTimeoutMs);
        QVERIFY(console.line().last().y() > 0);
        QVERIFY(!console.trends.panel()->message().contains(QLatin1String("INVALID_ARGUMENT")));
    }

    void aRefusalIsShown()
    {
        const auto server = startManualServer(kSeed);
        QVERIFY(server);
        TrendConsole console(addressOf(*server));
        QTRY_VERIFY_WITH_TIMEOUT(console.session.state()->hasSnapshot(), kTimeoutMs);
        // A metric this scheduler does not keep.
        console.trends.panel()->setEntities({ { console.hub(), QStringLiteral("Hub"), TrendEntityKind::Site,
            { QStringLiteral("humidity_percent") } } });
        QTRY_VERIFY_WITH_TIMEOUT(
            console.trends.panel()->message().contains(QLatin1String("INVALID_ARGUMENT")), kTimeoutMs);
        QVERIFY(console.trends.panel()->message().contains(QLatin1String("Hub")));
        QTRY_COMPARE(console.trends.panel()->chart()->lineCount(), 1);
        QCOMPARE(console.trends.panel()->chart()->linePoints(0).size(), 0);
    }

    void fillsTheGapAfterALostConnection()
    {
        const auto server = startManualServer(kSeed);
        QVERIFY(server);
        TcpProxy proxy(quint16(server->port()));
        TrendConsole console(QStringLiteral("127.0.0.1:%1").arg(proxy.port()));
        QTRY_VERIFY_WITH_TIMEOUT(console.session.state()->hasSnapshot(), kTimeoutMs);
        console.trends.showSite(console.hub());
        QTRY_VERIFY_WITH_TIMEOUT(console.line().size() >= 55, kTimeoutMs);
        QSignalSpy resumed(console.session.feed(), &StateFeed::resumed);
        QSignalSpy snapshots(console.session.feed(), &StateFeed::snapshotTaken);
        const qint64 before = console.now();
        const int asked = console.trends.queryCount();
        // The network goes down; once the console knows, the scheduler runs on for six minutes (in
        // one tick: the stream then replays one frame, at the end of the outage).
        proxy.setDown(true);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.feed()->state(), ConnectionState::Reconnecting, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(console.trends.panel()->message().contains(QLatin1String("cannot be reached")), kTimeoutMs);
        server->simulation()->tick(6 * 60);
        const qint64 after = server->simulation()->simTimeMs();
        QCOMPARE(after, before + 6 * kMinute);
        proxy.setDown(false);
        QTRY_VERIFY_WITH_TIMEOUT(resumed.count() + snapshots.count() > 0, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(console.now(), after, kTimeoutMs);
        // Back: the panel asks for what it missed, and the scheduler's minutes of the outage are
        // drawn from that answer up to its now, a point a minute.
        QTRY_VERIFY_WITH_TIMEOUT(console.trends.queryCount() > asked, kTimeoutMs);
        const auto drawnThrough = [&console, before, after] {
            const QList<QPointF> line = console.line();
            return !line.isEmpty() && qint64(line.last().x()) == after && largestHole(line, before, after) <= kMinute;
        };
        const auto drawn = [&console, before] {
            QStringList minutes;
            for (const QPointF& p : console.line())
                if (qint64(p.x()) >= before - kMinute)
                    minutes << QString::number(double(qint64(p.x()) - before) / kMinute);
            return QStringLiteral("minutes drawn after the outage began: ") + minutes.join(QLatin1Char(' '));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(drawnThrough(), qPrintable(drawn()), kTimeoutMs);
        QVERIFY(!console.trends.panel()->message().contains(QLatin1String("cannot be reached")));
    }

    void recoversAfterTheSchedulerRestarts()
    {
        auto server = startManualServer(kSeed);
        QVERIFY(server);
        const int port = server->port();
        TrendConsole console(addressOf(*server));
        QTRY_VERIFY_WITH_TIMEOUT(console.session.state()->hasSnapshot(), kTimeoutMs);
        console.trends.showSite(console.hub());
        QTRY_VERIFY_WITH_TIMEOUT(console.line().size() >= 55, kTimeoutMs);
        // The first scheduler's clock runs on for ten minutes, drawn live.
        advanceMinutes(*server, 10);
        const qint64 oldClock = server->simulation()->simTimeMs();
        QTRY_COMPARE_WITH_TIMEOUT(qint64(console.line().last().x()), oldClock, kTimeoutMs);

        server.reset();
        QTRY_VERIFY_WITH_TIMEOUT(console.trends.panel()->message().contains(QLatin1String("cannot be reached")), kTimeoutMs);
        const int asked = console.trends.queryCount();
        const auto restarted = startManualServer(kSeed, port);
        QVERIFY(restarted);
        QTRY_VERIFY_WITH_TIMEOUT(console.session.feed()->state() == ConnectionState::Live, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!console.trends.panel()->message().contains(QLatin1String("cannot be reached")), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(console.trends.queryCount() > asked, kTimeoutMs);
        // The new scheduler's clock started again, ten minutes behind the old: nothing is drawn
        // after its now, the line reaches it without a hole, and it goes on live.
        QCOMPARE(restarted->simulation()->simTimeMs(), oldClock - 10 * kMinute);
        const auto reachesNow = [&console] {
            const QList<QPointF> line = console.line();
            return line.size() >= 55 && qint64(line.last().x()) > console.now() - kMinute
                && qint64(line.last().x()) <= console.now();
        };
        QTRY_COMPARE_WITH_TIMEOUT(console.now(), restarted->simulation()->simTimeMs(), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(reachesNow(), kTimeoutMs);
        const QList<QPointF> line = console.line();
        TrendChart* chart = console.trends.panel()->chart();
        QVERIFY(largestHole(line, chart->windowFromMs(), chart->windowToMs()) <= 3 * kMinute);
        advanceMinutes(*restarted, 1);
        QTRY_COMPARE_WITH_TIMEOUT(qint64(console.line().last().x()), restarted->simulation()->simTimeMs(), kTimeoutMs);
    }
};

QTEST_MAIN(TestTrends)
#include "tst_trends.moc"
