// The three levels of the map: the site tree, folding regional and edge sites into their hub
// with capacity and load summed, merged links, and latency reach along the network.

#include "mapnetworks.h"

#include "foldednetwork.h"
#include "latencyreach.h"
#include "sitehierarchy.h"
#include "sitesummary.h"

#include <QTest>

#include <cmath>

using namespace cpn;
using namespace maptest;

namespace {

bool near(double a, double b)
{
    return std::abs(a - b) < 1e-9;
}

} // namespace

class TestMapFolding : public QObject {
    Q_OBJECT

private slots:
    void init();

    void hierarchyFollowsParents();
    void hierarchyBreaksCyclesAndUnknownParents();
    void nationalZoomFoldsIntoHubs();
    void foldingSumsCapacityAndLoad();
    void foldingMergesLinksPerDirection();
    void unfoldingShowsTheNextLevel_data();
    void unfoldingShowsTheNextLevel();
    void summaryOfAFoldedHub();
    void latencyFollowsTheNetwork();
    void latencyBands_data();
    void latencyBands();

private:
    NetworkState m_state;
    SiteHierarchy m_hierarchy;
    int index(const char* id) const { return m_state.siteIndex(QString::fromLatin1(id)); }
};

void TestMapFolding::init()
{
    applySnapshot(m_state, threeLevelNetwork());
    m_hierarchy.build(m_state.sites());
}

void TestMapFolding::hierarchyFollowsParents()
{
    QCOMPARE(m_hierarchy.parent(index("hub-e")), -1);
    QCOMPARE(m_hierarchy.parent(index("rg-hz")), index("hub-e"));
    QCOMPARE(m_hierarchy.parent(index("ed-hz1")), index("rg-hz"));
    QCOMPARE(m_hierarchy.depth(index("ed-hz1")), 2);
    QCOMPARE(m_hierarchy.root(index("ed-hz1")), index("hub-e"));
    QCOMPARE(m_hierarchy.root(index("rg-km")), index("hub-w"));
    QCOMPARE(m_hierarchy.ancestry(index("ed-hz2")), QList<int>({ index("ed-hz2"), index("rg-hz"), index("hub-e") }));
    std::vector<int> below;
    m_hierarchy.descendants(index("hub-e"), below);
    QCOMPARE(int(below.size()), 6); // cluster, three regional, two edge
    // Clusters stay visible at national zoom; regional and edge sites fold.
    QVERIFY(!m_hierarchy.folds(index("cl-e")));
    QVERIFY(m_hierarchy.folds(index("rg-hz")));
    QVERIFY(m_hierarchy.folds(index("ed-hz1")));
}

void TestMapFolding::hierarchyBreaksCyclesAndUnknownParents()
{
    QList<Site> sites = m_state.sites();
    sites[index("hub-w")].parentSiteId = QStringLiteral("rg-km"); // hub-w <-> rg-km
    sites[index("rg-jn")].parentSiteId = QStringLiteral("no-such-site");
    SiteHierarchy h;
    h.build(sites);
    QCOMPARE(h.parent(index("rg-jn")), -1);
    int roots = 0;
    for (int s : { index("hub-w"), index("rg-km") })
        roots += h.parent(s) < 0 ? 1 : 0;
    QCOMPARE(roots, 1); // the loop is cut once, nothing hangs
    QVERIFY(h.differs(m_state.sites(), { index("hub-w") }));
    QVERIFY(!m_hierarchy.differs(m_state.sites(), { index("hub-w") }));
}

void TestMapFolding::nationalZoomFoldsIntoHubs()
{
    FoldedNetwork folded;
    folded.rebuild(m_state, m_hierarchy, 0, {});
    QCOMPARE(folded.visibleSites(), std::vector<int>({ index("hub-e"), index("hub-w"), index("cl-e") }));
    for (const char* id : { "rg-hz", "rg-nj", "rg-jn", "ed-hz1", "ed-hz2" })
        QCOMPARE(folded.representative(index(id)), index("hub-e"));
    QCOMPARE(folded.representative(index("rg-km")), index("hub-w"));
    QCOMPARE(folded.representative(index("cl-e")), index("cl-e"));
}

void TestMapFolding::foldingSumsCapacityAndLoad()
{
    FoldedNetwork folded;
    folded.rebuild(m_state, m_hierarchy, 0, {});
    const FoldedSite& east = folded.site(index("hub-e"));
    QCOMPARE(east.members, 5);
    QCOMPARE(east.degradedMembers, 1); // ed-hz2
    QVERIFY(near(east.pflops, 1000 + 100 + 100 + 0 + 10 + 10));
    // Weighted by capacity: 1000 x 0.5 + 100 x 0.2 + 100 x 0.4 + 10 x 1.0 (Jinan has none).
    QVERIFY(near(east.utilisation, (500 + 20 + 40 + 10) / 1220.0));
    const FoldedSite& west = folded.site(index("hub-w"));
    QCOMPARE(west.members, 1);
    QVERIFY(near(west.pflops, 850));
    QVERIFY(near(west.utilisation, (80 + 30) / 850.0));
    // The cluster is itself only.
    QCOMPARE(folded.site(index("cl-e")).members, 0);
    QVERIFY(near(folded.site(index("cl-e")).utilisation, 0.9));

    // A new metrics frame is summed again without refolding.
    StateBatch batch;
    StateEvent event;
    event.revision = m_state.revision() + 1;
    event.change = MetricsFrame { 0, { load("rg-jn", 0.7), load("ed-hz1", 0.0) }, {} };
    batch.events.push_back(event);
    m_state.applyBatch(batch);
    folded.refreshMetrics(m_state);
    QVERIFY(near(folded.site(index("hub-e")).utilisation, (500 + 20 + 40) / 1220.0));
}

void TestMapFolding::foldingMergesLinksPerDirection()
{
    FoldedNetwork folded;
    folded.rebuild(m_state, m_hierarchy, 0, {});
    QCOMPARE(int(folded.links().size()), 2); // hubs, and east hub - cluster; the rest is inside
    const int hubs = folded.foldedLinkOf(m_state.linkIndex("l-hubs"));
    QVERIFY(hubs >= 0);
    QCOMPARE(folded.foldedLinkOf(m_state.linkIndex("l-x")), hubs); // Kunming-Nanjing joins it
    for (const char* inside : { "l-hz", "l-nj", "l-hz1", "l-nj-hz", "l-km" })
        QCOMPARE(folded.foldedLinkOf(m_state.linkIndex(inside)), -1);
    const FoldedLink& merged = folded.links()[hubs];
    QCOMPARE(merged.a, index("hub-e"));
    QCOMPARE(merged.b, index("hub-w"));
    QCOMPARE(merged.memberCount, 2);
    QVERIFY(near(merged.capacityGbps, 1700));
    // l-x runs Kunming -> Nanjing, so its b->a (80 of 100 Gbps) is east -> west.
    QVERIFY(folded.isReversed(m_state.linkIndex("l-x")));
    QVERIFY(near(merged.utilisationAb, (800 + 80) / 1700.0));
    QVERIFY(near(merged.utilisationBa, (160 + 10) / 1700.0));
    QCOMPARE(merged.status(), LinkStatus::Up);

    // One member down: the merged link is degraded, its capacity is what is left.
    StateBatch batch;
    StateEvent event;
    event.revision = m_state.revision() + 1;
    event.change = link("l-x", "rg-km", "rg-nj", 100, 20, LinkStatus::Down);
    batch.events.push_back(event);
    m_state.applyBatch(batch);
    folded.refreshMetrics(m_state);
    QCOMPARE(folded.links()[hubs].status(), LinkStatus::Degraded);
    QVERIFY(near(folded.links()[hubs].capacityGbps, 1600));
    QVERIFY(near(folded.links()[hubs].totalCapacityGbps, 1700));
}

void TestMapFolding::unfoldingShowsTheNextLevel_data()
{
    QTest::addColumn<int>("autoDepth");
    QTest::addColumn<QStringList>("unfolded");
    QTest::addColumn<QString>("site");
    QTest::addColumn<QString>("shownAs");
    QTest::newRow("national: edge in hub") << 0 << QStringList() << "ed-hz1"
                                           << "hub-e";
    QTest::newRow("zoomed to regional: edge in regional") << 1 << QStringList() << "ed-hz1"
                                                          << "rg-hz";
    QTest::newRow("zoomed to regional: regional itself") << 1 << QStringList() << "rg-nj"
                                                         << "rg-nj";
    QTest::newRow("zoomed to edge: edge itself") << 2 << QStringList() << "ed-hz1"
                                                 << "ed-hz1";
    QTest::newRow("east hub unfolded by hand") << 0 << QStringList { "hub-e" } << "rg-hz"
                                               << "rg-hz";
    QTest::newRow("east hub unfolded, west still folded") << 0 << QStringList { "hub-e" } << "rg-km"
                                                          << "hub-w";
    QTest::newRow("regional unfolded without its hub: still in hub") << 0 << QStringList { "rg-hz" } << "ed-hz1"
                                                                     << "hub-e";
    QTest::newRow("hub and regional unfolded") << 0 << QStringList { "hub-e", "rg-hz" } << "ed-hz2"
                                               << "ed-hz2";
}

void TestMapFolding::unfoldingShowsTheNextLevel()
{
    QFETCH(int, autoDepth);
    QFETCH(QStringList, unfolded);
    QFETCH(QString, site);
    QFETCH(QString, shownAs);
    QSet<int> set;
    for (const QString& id : unfolded)
        set.insert(m_state.siteIndex(id));
    FoldedNetwork folded;
    folded.rebuild(m_state, m_hierarchy, autoDepth, set);
    QCOMPARE(folded.representative(m_state.siteIndex(site)), m_state.siteIndex(shownAs));
    // Whatever is shown, capacity is never lost or counted twice.
    double total = 0, shown = 0;
    for (const Site& s : m_state.sites())
        total += s.totalPflops();
    for (int v : folded.visibleSites())
        shown += folded.site(v).pflops;
    QVERIFY(near(total, shown));
}

void TestMapFolding::summaryOfAFoldedHub()
{
    FoldedNetwork folded;
    folded.rebuild(m_state, m_hierarchy, 0, {});
    const SiteSummary s = SiteSummaries::summarize(m_state, &folded, index("hub-e"));
    QCOMPARE(s.members, 5);
    QCOMPARE(s.membersByTier[std::size_t(SiteTier::Regional)], 3);
    QCOMPARE(s.membersByTier[std::size_t(SiteTier::Edge)], 2);
    QVERIFY(near(s.pflops, 1220));
    QCOMPARE(s.accelerators.size(), 1);
    QCOMPARE(s.accelerators.first().cards, quint64(3000 + 300 + 300 + 0 + 30 + 30));
    // PUE weighted by power: hub 80 MW at 1.2, Hangzhou 10 MW at 1.4.
    QVERIFY(std::abs(s.pue - (80 * 1.2 + 10 * 1.4) / 90) < 1e-9);
    const SiteSummary alone = SiteSummaries::summarize(m_state, nullptr, index("hub-e"));
    QCOMPARE(alone.members, 0);
    QVERIFY(near(alone.pflops, 1000));
    QVERIFY(SiteSummaries::membersText(s).contains("3 regional"));
}

void TestMapFolding::latencyFollowsTheNetwork()
{
    const std::vector<float> d = LatencyReach::compute(m_state, index("hub-e"));
    QCOMPARE(d[index("hub-e")], 0.0f);
    QCOMPARE(d[index("rg-hz")], 1.5f);
    QVERIFY(std::abs(d[index("ed-hz1")] - 1.8f) < 1e-5);
    QCOMPARE(d[index("rg-nj")], 2.0f); // direct, not 2.5 through Hangzhou
    QCOMPARE(d[index("hub-w")], 15.0f);
    QCOMPARE(d[index("rg-km")], 19.0f); // through the west hub, not 22 across from Nanjing
    QCOMPARE(d[index("rg-jn")], 6.0f);
}

void TestMapFolding::latencyBands_data()
{
    // A hand-made line: A -0.5- B -0.4- C -3.5- D -16- E, a longer A-C shortcut, F 19 ms off A,
    // G next to A but only on a link that is down, I behind the offline H.
    QTest::addColumn<QString>("site");
    QTest::addColumn<int>("band"); // -1: beyond 20 ms or unreachable
    QTest::newRow("A itself") << "A" << 0;
    QTest::newRow("B 0.5 ms") << "B" << 0;
    QTest::newRow("C 0.9 ms via B, not 2 direct") << "C" << 0;
    QTest::newRow("D 4.4 ms") << "D" << 1;
    QTest::newRow("E 20.4 ms") << "E" << -1;
    QTest::newRow("F 19 ms") << "F" << 2;
    QTest::newRow("G beside A, link down") << "G" << -1;
    QTest::newRow("H offline, reached") << "H" << 0;
    QTest::newRow("I behind offline H") << "I" << -1;
}

void TestMapFolding::latencyBands()
{
    QFETCH(QString, site);
    QFETCH(int, band);
    Snapshot s;
    s.revision = 1;
    for (const char* id : { "A", "B", "C", "D", "E", "F", "G", "I" })
        s.sites << maptest::site(id, id, id, SiteTier::Regional, {}, 30, 110, 1);
    s.sites << maptest::site("H", "H", "H", SiteTier::Regional, {}, 30, 110, 1, SiteStatus::Offline);
    s.links = { link("ab", "A", "B", 100, 0.5), link("bc", "B", "C", 100, 0.4), link("ac", "A", "C", 100, 2.0),
        link("cd", "C", "D", 100, 3.5), link("de", "D", "E", 100, 16), link("af", "A", "F", 100, 19),
        link("ag", "A", "G", 100, 0.1, LinkStatus::Down), link("ah", "A", "H", 100, 1),
        link("hi", "H", "I", 100, 0.1) };
    NetworkState state;
    applySnapshot(state, s);
    const std::vector<float> d = LatencyReach::compute(state, state.siteIndex("A"));
    const float ms = d[state.siteIndex(site)];
    QCOMPARE(std::isfinite(ms) ? LatencyReach::band(ms) : -1, band);

    // A measured latency replaces the nominal one: B-C at 0.6 puts C past 1 ms.
    StateBatch batch;
    StateEvent event;
    event.revision = 2;
    LinkMetrics measured;
    measured.linkId = "bc";
    measured.latencyMs = 0.6;
    event.change = MetricsFrame { 0, {}, { measured } };
    batch.events.push_back(event);
    state.applyBatch(batch);
    QCOMPARE(LatencyReach::band(LatencyReach::compute(state, state.siteIndex("A"))[state.siteIndex("C")]), 1);
}

QTEST_MAIN(TestMapFolding)
#include "tst_mapfolding.moc"
