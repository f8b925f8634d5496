// The capacity report built from per-site figures: sums and weighted means per region and for
// the nation, scopes (a region, a hub with the sites under it, a platform), an accelerator type,
// sites reported twice counted once, the gaps, and the table model (tester included).

#include "capacityreport.h"
#include "capacitytablemodel.h"
#include "capacitywording.h"

#include <QAbstractItemModelTester>
#include <QTest>

#include <cmath>

using namespace cpn;

namespace {

Site site(const QString& id, SiteTier tier, const QString& region, const QString& parent, double gpuPflops,
    double cpuPflops, quint32 racks, const QString& platform = {})
{
    Site s;
    s.id = id;
    s.nameZh = id + QStringLiteral("站");
    s.nameEn = id;
    s.tier = tier;
    s.regionId = region;
    s.parentSiteId = parent;
    s.capacity = { { Architecture::NvidiaGpu, 100, gpuPflops, ComputeClass::Unknown, gpuPflops / 4 },
        { Architecture::Cpu, 10, cpuPflops } };
    s.racksBuilt = racks;
    s.storagePb = 10;
    s.platform = platform;
    return s;
}

SiteUsage usage(const QString& id, double mean, double peak, double energy, double pue, double green, quint32 racks)
{
    SiteUsage u;
    u.siteId = id;
    u.meanUtilisation = mean;
    u.peakUtilisation = peak;
    u.architectures = { { Architecture::NvidiaGpu, mean + 0.1, peak }, { Architecture::Cpu, mean / 2, peak / 2 } };
    u.energyMwh = energy;
    u.costCny = energy * 500;
    u.pue = pue;
    u.greenShare = green;
    u.carbonT = energy * (1 - green) * 0.5;
    u.endUtilisation = mean;
    u.growthPerDay = 0.01;
    u.racksInUse = racks;
    u.storageUsedPb = 4;
    u.inferencePflopsUsed = 5;
    u.trainingPflopsUsed = 20;
    u.tolerantPflopsUsed = 30;
    return u;
}

struct Network {
    QList<Region> regions { { QStringLiteral("jjj"), QStringLiteral("京津冀"), QStringLiteral("Beijing-Tianjin-Hebei"),
                                false, { QStringLiteral("BJ") } },
        { QStringLiteral("nx"), QStringLiteral("宁夏"), QStringLiteral("Ningxia"), true, { QStringLiteral("NX") } } };
    QList<Site> sites {
        site(QStringLiteral("hub-bj"), SiteTier::NationalHub, QStringLiteral("jjj"), {}, 300, 100, 1000),
        site(QStringLiteral("zjk"), SiteTier::Cluster, QStringLiteral("jjj"), QStringLiteral("hub-bj"), 100, 0, 500),
        site(QStringLiteral("tj"), SiteTier::Regional, QStringLiteral("jjj"), QStringLiteral("hub-bj"), 50, 50, 200),
        site(QStringLiteral("tj-edge"), SiteTier::Edge, QStringLiteral("jjj"), QStringLiteral("tj"), 10, 0, 0),
        site(QStringLiteral("hub-nx"), SiteTier::NationalHub, QStringLiteral("nx"), {}, 200, 0, 800),
    };
    PlatformUsage reported;

    Network()
    {
        reported.platform = QString();
        reported.requestedFromMs = 1000;
        reported.requestedToMs = 1000 + 24 * 3600 * 1000;
        reported.coveredFromMs = reported.requestedFromMs;
        reported.coveredToMs = reported.requestedToMs;
        reported.generatedTimeMs = reported.requestedToMs;
        reported.samples = 1440;
        reported.sites = { usage(QStringLiteral("hub-bj"), 0.8, 0.95, 1000, 1.25, 0.2, 700),
            usage(QStringLiteral("zjk"), 0.6, 0.7, 500, 1.2, 0.5, 400),
            usage(QStringLiteral("tj"), 0.4, 0.5, 200, 1.4, 0.1, 100),
            usage(QStringLiteral("tj-edge"), 0.9, 1.0, 10, 1.5, 0.0, 0),
            usage(QStringLiteral("hub-nx"), 0.3, 0.4, 800, 1.1, 0.9, 500) };
        reported.regions = { { QStringLiteral("jjj"), 610, { { 1000, 300 }, { 2000, 400 }, { 3000, 350 } } },
            { QStringLiteral("nx"), 200, { { 1000, 60 }, { 2000, 80 }, { 3000, 20 } } } };
    }
    CapacityReport build(const ReportScope& scope, const std::vector<int>& duplicateOf = {}) const
    {
        return buildCapacityReport({ reported }, sites, duplicateOf, regions, scope);
    }
};

const CapacityFigures* row(const QList<CapacityFigures>& rows, const QString& key)
{
    for (const auto& r : rows) {
        if (r.key == key)
            return &r;
    }
    return nullptr;
}

} // namespace

class TestCapacityReport : public QObject {
    Q_OBJECT
private slots:
    void nationSumsAndWeightedMeans()
    {
        const Network n;
        const CapacityReport r = n.build({});
        QCOMPARE(r.total.sites, 5);
        QCOMPARE(r.total.installedPflops, 810.0);
        QCOMPARE(r.total.generalPflops, 150.0);
        QCOMPARE(r.total.intelligentPflops, 660.0);
        QCOMPARE(r.total.energyMwh, 2510.0);
        QCOMPARE(r.total.costCny, 2510.0 * 500);
        // Mean utilisation: used PFLOPS over installed.
        const double used = 400 * 0.8 + 100 * 0.6 + 100 * 0.4 + 10 * 0.9 + 200 * 0.3;
        QCOMPARE(r.total.meanUsedPflops, used);
        QCOMPARE(r.total.meanUtilisation, used / 810);
        // PUE: facility energy over IT energy.
        const double it = 1000 / 1.25 + 500 / 1.2 + 200 / 1.4 + 10 / 1.5 + 800 / 1.1;
        QVERIFY(std::abs(r.total.pue - 2510 / it) < 1e-9);
        QVERIFY(std::abs(r.total.greenShare - (200 + 250 + 20 + 0 + 720) / 2510.0) < 1e-9);
        QCOMPARE(r.total.racksBuilt, 2500u);
        QCOMPARE(r.total.racksInUse, 1700u);
        QCOMPARE(r.total.inferencePflops, 660.0 / 4);
        // The nation's peak is the highest step of the regions' series: (400 + 80) / 810.
        QVERIFY(std::abs(r.total.peakUtilisation - 480.0 / 810) < 1e-9);
        QCOMPARE(r.utilisation.size(), 3);
        QVERIFY(std::abs(r.utilisation[0].value - 360.0 / 810) < 1e-9);
        // Regions in the network's order, each with its series' peak.
        QCOMPARE(r.regions.size(), 2);
        QCOMPARE(r.regions[0].key, QStringLiteral("jjj"));
        QVERIFY(std::abs(r.regions[0].peakUtilisation - 400.0 / 610) < 1e-9);
        QVERIFY(!r.regions[0].western);
        QVERIFY(r.regions[1].western);
        // Hubs and clusters alone; the busiest first.
        QCOMPARE(r.hubs.size(), 3);
        QCOMPARE(r.busiest.first().key, QStringLiteral("tj-edge"));
        QCOMPARE(r.busiest.last().key, QStringLiteral("hub-nx"));
        // The western share of what is in use: 80 of 480 at 2000.
        QCOMPARE(r.westShare.size(), 3);
        QVERIFY(std::abs(r.westShare[1].value - 80.0 / 480) < 1e-9);
    }

    void aHubTakesTheSitesUnderIt()
    {
        const Network n;
        QString error;
        QCOMPARE(sitesInScope(n.sites, {}, { ReportScope::Kind::Site, QStringLiteral("hub-bj") }, &error),
            (QList<int> { 0, 1, 2, 3 }));
        QCOMPARE(sitesInScope(n.sites, {}, { ReportScope::Kind::Site, QStringLiteral("tj") }, &error),
            (QList<int> { 2, 3 }));
        const CapacityReport r = n.build({ ReportScope::Kind::Site, QStringLiteral("hub-bj") });
        QCOMPARE(r.total.sites, 4);
        QCOMPARE(r.total.energyMwh, 1710.0);
        // Not whole regions: the peak is the capacity-weighted mean of the sites' peaks.
        const double peak = (400 * 0.95 + 100 * 0.7 + 100 * 0.5 + 10 * 1.0) / 610;
        QVERIFY(std::abs(r.total.peakUtilisation - peak) < 1e-9);
        QCOMPARE(r.scopeName, QStringLiteral("hub-bj"));
    }

    void unknownScopesAreRefusedWithTheirName()
    {
        const Network n;
        QString error;
        QVERIFY(sitesInScope(n.sites, {}, { ReportScope::Kind::Site, QStringLiteral("nowhere") }, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("nowhere")), qPrintable(error));
        error.clear();
        QVERIFY(sitesInScope(n.sites, {}, { ReportScope::Kind::Region, QStringLiteral("atlantis") }, &error).isEmpty());
        QVERIFY2(error.contains(QStringLiteral("atlantis")), qPrintable(error));
    }

    void aRegionAndAPlatform()
    {
        Network n;
        n.sites[4].platform = QStringLiteral("west");
        n.sites[4].id = QStringLiteral("west/hub-nx");
        n.reported.sites[4].siteId = QStringLiteral("west/hub-nx");
        const CapacityReport region = n.build({ ReportScope::Kind::Region, QStringLiteral("nx") });
        QCOMPARE(region.total.sites, 1);
        QCOMPARE(region.total.energyMwh, 800.0);
        QCOMPARE(region.regions.size(), 1);
        const CapacityReport platform = n.build({ ReportScope::Kind::Platform, QStringLiteral("west") });
        QCOMPARE(platform.total.sites, 1);
        // A site's id on its own platform names it when only one platform has it.
        QCOMPARE(sitesInScope(n.sites, {}, { ReportScope::Kind::Site, QStringLiteral("hub-nx") }), QList<int> { 4 });
    }

    void anAcceleratorType()
    {
        const Network n;
        const CapacityReport r = n.build({ ReportScope::Kind::Nation, {}, Architecture::Cpu });
        QCOMPARE(r.total.installedPflops, 150.0);
        QCOMPARE(r.total.meanUsedPflops, 100 * 0.4 + 50 * 0.2);
        // Energy stays the whole sites'.
        QCOMPARE(r.total.energyMwh, 2510.0);
        QVERIFY(CapacityWording::methodNotes(r).join(QString()).contains(QStringLiteral("CPU")));
    }

    void sitesReportedTwiceCountOnce()
    {
        Network n;
        Site copy = n.sites[1];
        copy.id = QStringLiteral("other/zjk");
        copy.platform = QStringLiteral("other");
        n.sites.append(copy);
        SiteUsage u = n.reported.sites[1];
        u.siteId = copy.id;
        n.reported.sites.append(u);
        const std::vector<int> duplicateOf { -1, -1, -1, -1, -1, 1 };
        QCOMPARE(n.build({}, duplicateOf).total.sites, 5);
        QCOMPARE(n.build({}).total.sites, 6);
    }

    void sitesWithoutFiguresAreCountedApart()
    {
        Network n;
        n.reported.sites.removeLast();
        const CapacityReport r = n.build({});
        QCOMPARE(r.sitesWithoutData, 1);
        QCOMPARE(r.total.sites, 4);
    }

    void gaps()
    {
        Network n;
        // Inference beyond the dedicated capacity in Ningxia (50 PFLOPS dedicated).
        n.reported.sites[4].inferencePflopsUsed = 70;
        // Beijing hot, Ningxia idle.
        for (int i = 0; i < 4; ++i)
            n.reported.sites[i].meanUtilisation = 0.85;
        const CapacityReport r = n.build({});
        const auto has = [&](ReportGap::Kind kind) {
            return std::any_of(r.gaps.cbegin(), r.gaps.cend(), [kind](const ReportGap& g) { return g.kind == kind; });
        };
        QVERIFY(has(ReportGap::Kind::InferenceShort));
        QVERIFY(has(ReportGap::Kind::OutOfStep));
        QVERIFY(has(ReportGap::Kind::WestShare));
        for (const ReportGap& g : r.gaps) {
            if (g.kind == ReportGap::Kind::InferenceShort) {
                QCOMPARE(g.regionId, QStringLiteral("nx"));
                QCOMPARE(g.value, 70.0);
                QCOMPARE(g.other, 50.0);
            }
            if (g.kind == ReportGap::Kind::WestShare) // 30 of 150 tolerant PFLOPS in the west
                QVERIFY(std::abs(g.value - 30.0 / 150) < 1e-9);
            QVERIFY(!CapacityWording::gap(r, g).isEmpty());
        }
        Network even; // 70 % and 50 %: not out of step
        even.reported.sites[4].meanUtilisation = 0.5;
        const CapacityReport calm = even.build({});
        QVERIFY(!std::any_of(calm.gaps.cbegin(), calm.gaps.cend(),
            [](const ReportGap& g) { return g.kind == ReportGap::Kind::OutOfStep; }));
    }

    // What a review found: a site without a PUE does not inflate the group's; the busiest sites
    // of a type are those that have it; a platform that keeps less than the period is named.
    void figuresAServerLeavesOutAndShortCoverage()
    {
        Network n;
        n.reported.sites[4].pue = 0; // Ningxia says nothing of its PUE
        CapacityReport r = n.build({ ReportScope::Kind::Region, QStringLiteral("nx") });
        QCOMPARE(r.total.pue, 0.0); // no PUE rather than an invented one
        r = n.build({});
        const double it = 1000 / 1.25 + 500 / 1.2 + 200 / 1.4 + 10 / 1.5;
        QVERIFY(std::abs(r.total.pue - 1710 / it) < 1e-9);

        // Only hub-bj and tj have CPUs: they alone are the busiest CPU sites.
        r = n.build({ ReportScope::Kind::Nation, {}, Architecture::Cpu });
        QCOMPARE(r.busiest.size(), 2);
        QVERIFY(std::none_of(r.gaps.cbegin(), r.gaps.cend(),
            [](const ReportGap& g) { return g.kind == ReportGap::Kind::InferenceShort; }));

        n.reported.coveredFromMs = n.reported.requestedToMs - 12 * 3600 * 1000;
        r = n.build({});
        QCOMPARE(r.shortCoverage.size(), 1);
        QVERIFY2(CapacityWording::coverageNote(r).contains(QStringLiteral("0.5")), qPrintable(CapacityWording::coverageNote(r)));
        QVERIFY(CapacityWording::coverageNote(Network().build({})).isEmpty());
    }

    void daysUntilFull()
    {
        CapacityFigures f;
        f.installedPflops = 100;
        f.endUtilisation = 0.6;
        f.growthPerDay = 0.01;
        QCOMPARE(f.daysUntilFull(), 40.0);
        f.growthPerDay = -0.01;
        QVERIFY(std::isinf(f.daysUntilFull()));
    }

    void tableShowsFiguresAgainstTargets()
    {
        const Network n;
        CapacityTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const CapacityReport r = n.build({});
        model.setRows(r.regions);
        QCOMPARE(model.rowCount(), 2);
        const QList<ReportColumn> columns = CapacityWording::columns();
        int occupancy = -1;
        int energy = -1;
        for (int c = 0; c < columns.size(); ++c) {
            if (columns[c].header.contains(QStringLiteral("Rack occupancy")))
                occupancy = c;
            if (columns[c].header.contains(QStringLiteral("Energy (MWh)")))
                energy = c;
        }
        QVERIFY(occupancy > 0 && energy > 0);
        // Beijing-Tianjin-Hebei: 1,200 of 1,700 racks (70.6 %) meets 65 %; Ningxia 500 of 800 (62.5 %) misses.
        QCOMPARE(model.index(0, occupancy).data(CapacityTableModel::MetRole).toBool(), true);
        QCOMPARE(model.index(1, occupancy).data(CapacityTableModel::MetRole).toBool(), false);
        QVERIFY(model.index(1, occupancy).data(Qt::ToolTipRole).toString().contains(QStringLiteral("65")));
        QCOMPARE(model.index(0, energy).data(CapacityTableModel::SortRole).toDouble(), 1710.0);
        QCOMPARE(model.index(0, 0).data().toString(), QStringLiteral("Beijing-Tianjin-Hebei"));
        QCOMPARE(model.index(1, 0).data(CapacityTableModel::KeyRole).toString(), QStringLiteral("nx"));
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestCapacityReport)
#include "tst_capacityreport.moc"
