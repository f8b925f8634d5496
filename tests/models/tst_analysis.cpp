// Recommendations and N-1 contingencies on small hand-built networks whose answers are known.

#include "analysisinput.h"
#include "contingencies.h"
#include "networkstate.h"
#include "recommendations.h"
#include "taskstore.h"

#include <QTest>

#include <map>

using namespace cpn;
using namespace cpn::analysis;

class TestAnalysis : public QObject {
    Q_OBJECT
private slots:
    void failedHubFitsExactly();
    void failedHubReasons();
    void failedLinkDisplacesLatencyBoundWork();
    void pairFailsTogether();
    void eastToWestGain();
    void residencyRespected();
    void noOvercommit();
    void relievesOverloadedSite();
    void cancelledRunStops();
};

namespace {

// A network built by hand: east hub "h1" (Beijing) with edge site "e1" next to it; west hubs
// "h2" (Guizhou) and "h3" (Ningxia). Links h1-h2 10 ms, h1-h3 15 ms, h2-h3 8 ms, h1-e1 1 ms,
// e1-h2 30 ms.
struct Builder {
    Snapshot snapshot;
    QList<Task> tasks;
    int nextTask = 1;

    Builder()
    {
        snapshot.revision = 42;
        snapshot.regions = { Region { "east", "东", "East", false, { "BJ" } }, Region { "west", "西", "West", true, { "GZ", "NX" } } };
        addSite("h1", SiteTier::NationalHub, "east", "BJ", 0.8, 1.5, 0.2);
        addSite("h2", SiteTier::NationalHub, "west", "GZ", 0.3, 1.2, 0.6);
        addSite("h3", SiteTier::NationalHub, "west", "NX", 0.35, 1.25, 0.5);
        addSite("e1", SiteTier::Edge, "east", "BJ", 0.8, 1.5, 0.2);
        addLink("h1-h2", "h1", "h2", 10);
        addLink("h1-h3", "h1", "h3", 15);
        addLink("h2-h3", "h2", "h3", 8);
        addLink("h1-e1", "h1", "e1", 1);
        addLink("e1-h2", "e1", "h2", 30);
    }
    void addSite(const QString& id, SiteTier tier, const QString& region, const QString& province, double price,
        double pue, double green)
    {
        Site s;
        s.id = id;
        s.nameEn = id;
        s.tier = tier;
        s.regionId = region;
        s.province = province;
        s.status = SiteStatus::Online;
        snapshot.sites.append(s);
        SiteMetrics m;
        m.siteId = id;
        m.sampleTimeMs = 1;
        m.priceCnyPerKwh = price;
        m.pue = pue;
        m.greenShare = green;
        snapshot.siteMetrics.append(m);
    }
    void addLink(const QString& id, const QString& a, const QString& b, double latency)
    {
        Link l;
        l.id = id;
        l.siteAId = a;
        l.siteBId = b;
        l.capacityGbps = 400;
        l.latencyMs = latency;
        l.status = LinkStatus::Up;
        snapshot.links.append(l);
        LinkMetrics m;
        m.linkId = id;
        m.sampleTimeMs = 1;
        m.throughputAbGbps = 40;
        m.throughputBaGbps = 40;
        m.utilisation = 0.1;
        snapshot.linkMetrics.append(m);
    }
    int siteAt(const QString& id) const
    {
        for (int i = 0; i < snapshot.sites.size(); ++i)
            if (snapshot.sites[i].id == id)
                return i;
        return -1;
    }
    // `cards` installed of `arch` at a site, `used` of them taken.
    void capacity(const QString& site, Architecture arch, quint32 cards, quint32 used)
    {
        const int i = siteAt(site);
        const double pflops = cards * rules::pflopsPerCard(std::size_t(arch));
        snapshot.sites[i].capacity.append({ arch, cards, pflops });
        snapshot.siteMetrics[i].usage.append({ arch, used, used * rules::pflopsPerCard(std::size_t(arch)), 0 });
    }
    void utilisation(const QString& site, double value) { snapshot.siteMetrics[siteAt(site)].utilisation = value; }
    QString task(const QString& site, TaskKind kind, Architecture arch, quint32 cards, QStringList regions = {},
        const QString& users = {}, double slo = 0)
    {
        Task t;
        t.id = QStringLiteral("t-%1").arg(nextTask++, 4, 10, QLatin1Char('0'));
        t.kind = kind;
        t.state = TaskState::Running;
        t.siteId = site;
        t.architecture = arch;
        t.cards = cards;
        t.pflops = cards * rules::pflopsPerCard(std::size_t(arch));
        t.allowedRegionIds = regions;
        t.usersSiteId = users;
        t.latencySloMs = slo;
        tasks.append(t);
        return t.id;
    }
    AnalysisInput input() const
    {
        NetworkState state;
        StateBatch batch;
        batch.snapshot = snapshot;
        state.applyBatch(batch);
        QList<Task> copy = tasks;
        const TaskStore store = TaskStore::fromTasks(std::move(copy));
        // In slices, as the GUI thread takes it.
        AnalysisCapture capture(state);
        while (!capture.copyTasks(store, 2)) { }
        return prepareAnalysis(capture.take(store));
    }
};

Element siteElement(const AnalysisInput& in, const QString& id)
{
    return { ElementKind::Site, in.siteIndex(id), id };
}

} // namespace

void TestAnalysis::failedHubFitsExactly()
{
    Builder b;
    b.capacity("h1", Architecture::NvidiaGpu, 16, 12);
    b.capacity("h2", Architecture::NvidiaGpu, 16, 8); // 8 free
    b.capacity("h3", Architecture::NvidiaGpu, 8, 4); // 4 free
    b.task("h1", TaskKind::Training, Architecture::NvidiaGpu, 8);
    b.task("h1", TaskKind::Batch, Architecture::NvidiaGpu, 4);
    const auto in = b.input();
    QCOMPARE(in.revision, quint64(42));
    const auto result = contingencies(in, { siteElement(in, "h1") });
    QCOMPARE(result.revision, quint64(42));
    QCOMPARE(result.contingencies.size(), std::size_t(1));
    const auto& c = result.contingencies.front();
    QCOMPARE(c.tier, SiteTier::NationalHub);
    QCOMPARE(c.tasksDisplaced, 2);
    QCOMPARE(c.tasksPlaced, 2);
    QCOMPARE(c.unplacedTotal(), 0);
    // The 8 cards to h2 (nearest with room), the 4 to h3: both filled exactly.
    std::map<QString, quint64> cardsTo;
    for (const auto& f : c.flows) {
        QCOMPARE(f.sourceSiteId, QStringLiteral("h1"));
        cardsTo[f.targetSiteId] += f.cards;
    }
    QCOMPARE(cardsTo[QStringLiteral("h2")], quint64(8));
    QCOMPARE(cardsTo[QStringLiteral("h3")], quint64(4));
    QCOMPARE(c.severity, 0.0); // everything placed, loads tiny against the default threshold
    QCOMPARE(c.worstSite.index >= 0, true);
}

void TestAnalysis::failedHubReasons()
{
    Builder b;
    b.capacity("h1", Architecture::NvidiaGpu, 64, 40);
    b.capacity("h1", Architecture::Ascend, 16, 4);
    b.capacity("h2", Architecture::NvidiaGpu, 16, 8); // 8 free
    b.capacity("h3", Architecture::NvidiaGpu, 8, 4); // 4 free
    const QString arch = b.task("h1", TaskKind::Training, Architecture::Ascend, 4); // no Ascend elsewhere
    const QString capacity = b.task("h1", TaskKind::Training, Architecture::NvidiaGpu, 16); // more than any site has free
    const QString residency = b.task("h1", TaskKind::Batch, Architecture::NvidiaGpu, 2, { "east" }); // only h1 is east with cards
    const QString latency = b.task("h1", TaskKind::Inference, Architecture::NvidiaGpu, 1, {}, "e1", 5); // h2 is 30 ms from e1
    const QString fits = b.task("h1", TaskKind::Batch, Architecture::NvidiaGpu, 8);
    const auto in = b.input();
    const auto c = contingencyOf(in, { siteElement(in, "h1") });
    QCOMPARE(c.tasksDisplaced, 5);
    QCOMPARE(c.tasksPlaced, 1);
    QCOMPARE(c.unplacedTasks[int(UnplacedReason::Architecture)], 1);
    QCOMPARE(c.unplacedTasks[int(UnplacedReason::Capacity)], 1);
    QCOMPARE(c.unplacedTasks[int(UnplacedReason::Residency)], 1);
    QCOMPARE(c.unplacedTasks[int(UnplacedReason::Latency)], 1);
    QVERIFY(c.unplacedTaskIds.contains(arch));
    QVERIFY(c.unplacedTaskIds.contains(capacity));
    QVERIFY(c.unplacedTaskIds.contains(residency));
    QVERIFY(c.unplacedTaskIds.contains(latency));
    QVERIFY(!c.unplacedTaskIds.contains(fits));
    // Severity: the unplaced share of the displaced PFLOPS.
    const double unplaced = 4 * 0.32 + (16 + 2 + 1) * 0.8;
    const double displaced = unplaced + 8 * 0.8;
    QVERIFY(qAbs(c.severity - unplaced / displaced) < 1e-6);
}

void TestAnalysis::failedLinkDisplacesLatencyBoundWork()
{
    Builder b;
    b.capacity("h1", Architecture::NvidiaGpu, 16, 2);
    b.capacity("h2", Architecture::NvidiaGpu, 16, 0);
    // Users at e1 served from h1 over the 1 ms link; without it, e1 is 30 ms from anything.
    const QString near = b.task("h1", TaskKind::Inference, Architecture::NvidiaGpu, 2, {}, "e1", 10);
    const auto in = b.input();
    const Element link { ElementKind::Link, in.linkIndex("h1-e1"), "h1-e1" };
    const auto c = contingencyOf(in, { link });
    QCOMPARE(c.tasksDisplaced, 1);
    QCOMPARE(c.unplacedTasks[int(UnplacedReason::Latency)], 1);
    QCOMPARE(c.unplacedTaskIds, QStringList { near });
    // A link whose loss changes no users' path displaces nothing; its traffic moves to h1-h3-h2.
    const Element other { ElementKind::Link, in.linkIndex("h1-h2"), "h1-h2" };
    const auto quiet = contingencyOf(in, { other });
    QCOMPARE(quiet.tasksDisplaced, 0);
    QCOMPARE(quiet.worstLink.index >= 0, true);
    QVERIFY(quiet.worstLink.after > quiet.worstLink.before);
    // Every hub and the links between hubs are studied, not the edge site nor its links.
    const auto elements = contingencyElements(in);
    QCOMPARE(int(elements.size()), 3 + 3);
}

void TestAnalysis::pairFailsTogether()
{
    Builder b;
    b.capacity("h1", Architecture::NvidiaGpu, 16, 8);
    b.capacity("h2", Architecture::NvidiaGpu, 16, 8);
    b.capacity("h3", Architecture::NvidiaGpu, 16, 0);
    b.task("h1", TaskKind::Training, Architecture::NvidiaGpu, 8);
    b.task("h2", TaskKind::Training, Architecture::NvidiaGpu, 8);
    const auto in = b.input();
    const auto c = contingencyOf(in, { siteElement(in, "h1"), siteElement(in, "h2") });
    QCOMPARE(c.tasksDisplaced, 2);
    QCOMPARE(c.tasksPlaced, 2); // both into h3's 16 free cards, never into each other
    for (const auto& f : c.flows)
        QCOMPARE(f.targetSiteId, QStringLiteral("h3"));
}

void TestAnalysis::eastToWestGain()
{
    Builder b;
    b.capacity("h1", Architecture::NvidiaGpu, 64, 8);
    b.capacity("h2", Architecture::NvidiaGpu, 64, 0);
    b.capacity("h3", Architecture::NvidiaGpu, 64, 0);
    const QString id = b.task("h1", TaskKind::Training, Architecture::NvidiaGpu, 8);
    const auto in = b.input();
    RecommendationOptions options;
    options.nearerUsers = options.packForDrain = options.relieveSites = false;
    const auto result = recommend(in, options);
    QCOMPARE(result.revision, quint64(42));
    QCOMPARE(result.recommendations.size(), std::size_t(1));
    const auto& r = result.recommendations.front();
    QCOMPARE(r.kind, RecommendationKind::EastToWest);
    QCOMPARE(r.taskId, id);
    QCOMPARE(r.sourceSiteId, QStringLiteral("h1"));
    // Per kWh at the plug: h2 1.2 x 0.3 = 0.36 CNY, h3 1.25 x 0.35 = 0.4375: h2 is cheaper.
    QCOMPARE(r.targetSiteId, QStringLiteral("h2"));
    const double itKw = 8 * 1.0 * 0.8; // 8 NVIDIA cards at 1 kW, drawing 80 %
    const double costBefore = itKw * 1.5 * 0.8;
    const double costAfter = itKw * 1.2 * 0.3;
    QVERIFY(qAbs(r.costSavedCnyPerHour - (costBefore - costAfter)) < 1e-9);
    // Carbon at each province's 2022 grid factor: Beijing (North China grid) 0.6776, Guizhou (South) 0.3869.
    const double carbonBefore = itKw * 1.5 * (1 - 0.2) * 0.6776;
    const double carbonAfter = itKw * 1.2 * (1 - 0.6) * 0.3869;
    QVERIFY(qAbs(r.carbonSavedKgPerHour - (carbonBefore - carbonAfter)) < 1e-9);
    QCOMPARE(r.pathLinkIds, QStringList { "h1-h2" });
    QVERIFY(r.transferRateGbps > 0);
    QCOMPARE(r.latencyBeforeMs, 0.0);
}

void TestAnalysis::residencyRespected()
{
    Builder b;
    b.capacity("h1", Architecture::NvidiaGpu, 64, 16);
    b.capacity("h2", Architecture::NvidiaGpu, 64, 0);
    const QString bound = b.task("h1", TaskKind::Training, Architecture::NvidiaGpu, 8, { "east" });
    const QString free = b.task("h1", TaskKind::Training, Architecture::NvidiaGpu, 8);
    const auto in = b.input();
    const auto result = recommend(in, {});
    QCOMPARE(result.recommendations.size(), std::size_t(1));
    QCOMPARE(result.recommendations.front().taskId, free);
    for (const auto& r : result.recommendations)
        QVERIFY(r.taskId != bound);
}

void TestAnalysis::noOvercommit()
{
    Builder b;
    b.capacity("h1", Architecture::NvidiaGpu, 64, 40);
    b.capacity("h2", Architecture::NvidiaGpu, 20, 8); // 12 free
    b.capacity("h3", Architecture::NvidiaGpu, 8, 7); // 1 free
    for (int i = 0; i < 10; ++i)
        b.task("h1", TaskKind::Batch, Architecture::NvidiaGpu, 4);
    const auto in = b.input();
    RecommendationOptions options;
    options.threshold = 1.0; // only the cards limit here
    const auto result = recommend(in, options);
    std::map<int, quint64> reserved;
    for (const auto& r : result.recommendations)
        reserved[r.target] += in.tasks[std::size_t(r.task)].rule.demand.cards;
    QCOMPARE(reserved[in.siteIndex("h2")], quint64(12)); // three moves fill it, a fourth never comes
    QCOMPARE(reserved.count(in.siteIndex("h3")), std::size_t(0));
    QCOMPARE(result.recommendations.size(), std::size_t(3));
    for (const auto& [site, cards] : reserved)
        QVERIFY(cards <= in.network.sites[std::size_t(site)].freeCards(std::size_t(Architecture::NvidiaGpu)));
}

void TestAnalysis::relievesOverloadedSite()
{
    Builder b;
    b.capacity("h1", Architecture::NvidiaGpu, 10, 10);
    b.capacity("h2", Architecture::NvidiaGpu, 100, 10);
    b.utilisation("h1", 1.0);
    b.utilisation("h2", 0.1);
    for (int i = 0; i < 5; ++i)
        b.task("h1", TaskKind::Scientific, Architecture::NvidiaGpu, 2);
    const auto in = b.input();
    RecommendationOptions options;
    options.threshold = 0.85;
    options.eastToWest = false;
    const auto result = recommend(in, options);
    QCOMPARE(result.overloadedSites.size(), std::size_t(1));
    // One task of 2 of 10 cards takes h1 from 1.0 to 0.8, under the threshold: one move suffices.
    QCOMPARE(result.recommendations.size(), std::size_t(1));
    const auto& r = result.recommendations.front();
    QCOMPARE(r.kind, RecommendationKind::RelieveSite);
    QVERIFY(qAbs(r.sourceLoad.after - 0.8) < 1e-9);
    QVERIFY(qAbs(r.loadRelieved - 0.2) < 1e-9);
    QVERIFY(r.targetLoad.after <= options.threshold);
}

void TestAnalysis::cancelledRunStops()
{
    Builder b;
    b.capacity("h1", Architecture::NvidiaGpu, 100000, 10000);
    b.capacity("h2", Architecture::NvidiaGpu, 100000, 0);
    for (int i = 0; i < 3000; ++i)
        b.task("h1", TaskKind::Batch, Architecture::NvidiaGpu, 4);
    const auto in = b.input();
    CancelFlag cancel { true };
    const auto result = recommend(in, {}, &cancel);
    QVERIFY(result.cancelled);
    QVERIFY(result.recommendations.size() < 200);
    const auto n1 = contingencies(in, {}, {}, &cancel);
    QVERIFY(n1.cancelled);
}

QTEST_GUILESS_MAIN(TestAnalysis)
#include "tst_analysis.moc"
