// The regional summary: per hub region, capacity against use by accelerator type, the green share
// and the average PUE weighted by power, as a ministry reader would add them up; refreshed at most
// about once a second from live metrics; one card per region, in the UI language.

#include "networkstate.h"
#include "regionsummary.h"
#include "regionsummarymodel.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>

using namespace cpn;

namespace {

Site site(const QString& id, const QString& region, QList<AcceleratorCapacity> capacity)
{
    Site s;
    s.id = id;
    s.nameZh = id;
    s.nameEn = id;
    s.tier = SiteTier::Cluster;
    s.regionId = region;
    s.latitude = 30;
    s.longitude = 110;
    s.capacity = capacity;
    s.status = SiteStatus::Online;
    return s;
}

SiteMetrics metrics(const QString& id, QList<AcceleratorUse> usage, double powerMw, double pue, double green)
{
    SiteMetrics m;
    m.siteId = id;
    m.usage = usage;
    m.powerMw = powerMw;
    m.pue = pue;
    m.greenShare = green;
    return m;
}

Region region(const QString& id, const QString& zh, const QString& en, bool western)
{
    Region r;
    r.id = id;
    r.nameZh = zh;
    r.nameEn = en;
    r.western = western;
    return r;
}

// Guizhou: two sites, NVIDIA and Ascend; Yangtze River Delta: one CPU site; Gansu: nothing yet.
StateBatch network()
{
    StateBatch batch;
    Snapshot s;
    s.revision = 1;
    s.regions = { region(QStringLiteral("gz"), QStringLiteral("贵州"), QStringLiteral("Guizhou"), true),
        region(QStringLiteral("yrd"), QStringLiteral("长三角"), QStringLiteral("Yangtze River Delta"), false),
        region(QStringLiteral("gs"), QStringLiteral("甘肃"), QStringLiteral("Gansu"), true) };
    s.sites = { site(QStringLiteral("gz-1"), QStringLiteral("gz"),
                    { { Architecture::NvidiaGpu, 1000, 400 }, { Architecture::Ascend, 2000, 600 } }),
        site(QStringLiteral("gz-2"), QStringLiteral("gz"), { { Architecture::Ascend, 1000, 200 } }),
        site(QStringLiteral("yrd-1"), QStringLiteral("yrd"), { { Architecture::Cpu, 500, 50 } }) };
    s.siteMetrics = {
        metrics(QStringLiteral("gz-1"),
            { { Architecture::NvidiaGpu, 0, 100, 0.25 }, { Architecture::Ascend, 0, 300, 0.5 } }, 30, 1.2, 0.9),
        metrics(QStringLiteral("gz-2"), { { Architecture::Ascend, 0, 150, 0.75 } }, 10, 1.6, 0.5),
        metrics(QStringLiteral("yrd-1"), { { Architecture::Cpu, 0, 10, 0.2 } }, 5, 1.3, 0.2),
    };
    batch.snapshot = s;
    return batch;
}

} // namespace

class TestRegionSummary : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void sumsCapacityUseGreenShareAndPueByRegion()
    {
        NetworkState state;
        state.applyBatch(network());
        const QList<RegionSummary> all = RegionSummaryModel::compute(state);
        QCOMPARE(all.size(), 3);

        const RegionSummary& gz = all.at(0);
        QCOMPARE(gz.name, QStringLiteral("Guizhou"));
        QVERIFY(gz.western);
        QCOMPARE(gz.siteCount, 2);
        QCOMPARE(gz.accelerators.size(), 2);
        QCOMPARE(gz.accelerators.at(0).architecture, Architecture::NvidiaGpu);
        QCOMPARE(gz.accelerators.at(0).capacityPflops, 400.0);
        QCOMPARE(gz.accelerators.at(0).usedPflops, 100.0);
        QCOMPARE(gz.accelerators.at(1).architecture, Architecture::Ascend);
        QCOMPARE(gz.accelerators.at(1).capacityPflops, 800.0);
        QCOMPARE(gz.accelerators.at(1).usedPflops, 450.0);
        QCOMPARE(gz.capacityPflops, 1200.0);
        QCOMPARE(gz.powerMw, 40.0);
        // Weighted by power: (30 * 0.9 + 10 * 0.5) / 40 and (30 * 1.2 + 10 * 1.6) / 40.
        QVERIFY(qFuzzyCompare(gz.greenShare, 0.8));
        QVERIFY(qFuzzyCompare(gz.averagePue, 1.3));

        const RegionSummary& yrd = all.at(1);
        QVERIFY(!yrd.western);
        QCOMPARE(yrd.accelerators.size(), 1);
        QCOMPARE(yrd.accelerators.at(0).architecture, Architecture::Cpu);
        QVERIFY(qFuzzyCompare(yrd.averagePue, 1.3));

        const RegionSummary& gs = all.at(2);
        QCOMPARE(gs.siteCount, 0);
        QVERIFY(gs.accelerators.isEmpty());
        QCOMPARE(gs.averagePue, 0.0); // nothing draws power: no PUE, rather than a made-up one
    }

    void liveMetricsAreThrottled()
    {
        constexpr int kIntervalMs = 100;
        NetworkState state;
        state.applyBatch(network());
        RegionSummaryModel model;
        model.setRefreshInterval(kIntervalMs);
        model.setNetworkState(&state);
        QSignalSpy changed(&model, &RegionSummaryModel::summariesChanged);

        // Three frames in quick succession: one refresh.
        for (int i = 0; i < 3; ++i) {
            StateBatch batch;
            StateEvent event;
            event.revision = 2 + i;
            MetricsFrame frame;
            frame.sites
                = { metrics(QStringLiteral("yrd-1"), { { Architecture::Cpu, 0, 20.0 + i, 0.4 } }, 5, 1.3, 0.2) };
            event.change = frame;
            batch.events.push_back(event);
            state.applyBatch(batch);
        }
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.summaries().at(1).usedPflops, 10.0);
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(model.summaries().at(1).usedPflops, 22.0);
        // Nothing else is pending: a refresh the throttle still held would come within one
        // interval, before a timer of the same kind started now.
        QTimer later;
        later.setSingleShot(true);
        later.setInterval(kIntervalMs);
        QSignalSpy laterFired(&later, &QTimer::timeout);
        later.start();
        QVERIFY(laterFired.wait());
        QCOMPARE(changed.count(), 1);
    }

    void oneCardPerRegion()
    {
        NetworkState state;
        state.applyBatch(network());
        RegionSummaryModel model;
        model.setNetworkState(&state);
        RegionSummaryPanel panel(&model);
        panel.resize(560, 700);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QCOMPARE(panel.cardCount(), 3);
        // Two columns fit: cards side by side, none overlapping, all on the widget.
        QCOMPARE(panel.cardRect(0).top(), panel.cardRect(1).top());
        QVERIFY(panel.cardRect(2).top() > panel.cardRect(0).bottom());
        for (int i = 0; i < 3; ++i) {
            QVERIFY(panel.cards()->rect().contains(panel.cardRect(i)));
            for (int j = i + 1; j < 3; ++j)
                QVERIFY(!panel.cardRect(i).intersects(panel.cardRect(j)));
        }
        const QString gz = panel.cardText(0);
        QVERIFY2(gz.startsWith(QStringLiteral("Guizhou West")), qPrintable(gz));
        QVERIFY2(gz.contains(QStringLiteral("100 / 400 PF")), qPrintable(gz));
        QVERIFY2(gz.contains(QStringLiteral("450 / 800 PF")), qPrintable(gz));
        QVERIFY2(gz.contains(QStringLiteral("Green power 80%")), qPrintable(gz));
        QVERIFY2(gz.contains(QStringLiteral("PUE 1.30")), qPrintable(gz));
        QVERIFY(panel.cardText(2).contains(QStringLiteral("PUE -")));

        // Region names follow the language.
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        model.refresh();
        QVERIFY(panel.cardText(0).startsWith(QStringLiteral("贵州")));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));

        // A narrow dock: one column.
        panel.resize(300, 700);
        QTRY_COMPARE(panel.cardRect(1).left(), panel.cardRect(0).left());
    }
};

QTEST_MAIN(TestRegionSummary)
#include "tst_regionsummary.moc"
