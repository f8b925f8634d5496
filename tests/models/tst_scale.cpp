// The console's models at `huge` (10,000 sites, 50,000 links, 1,000,000 tasks): a generated
// network of that size goes through NetworkState, the task table and its sorted, filtered proxy,
// and a user sees the right counts, a site's figures, and a table that sorts and filters.
// Figures (how long each takes) are cpn-bench's client.*; nothing here is timed.

#include "modelcontract.h"
#include "networkstate.h"
#include "taskfilterproxymodel.h"
#include "tasktablemodel.h"

#include <QSignalSpy>
#include <QTest>

using namespace cpn;

namespace {

constexpr int kSites = 10'000;
constexpr int kLinks = 50'000;
constexpr int kTasks = 1'000'000;

QString siteId(int i) { return QStringLiteral("s%1").arg(i, 5, 10, QLatin1Char('0')); }
QString taskId(int i) { return QStringLiteral("t%1").arg(i, 7, 10, QLatin1Char('0')); }

// Deterministic figures per index, so that the test knows what each site and task holds.
int cardsOf(int task) { return 1 + int((qint64(task) * 7919) % 512); }
double utilisationOf(int site, int frame) { return double((site * 37 + frame * 11) % 100) / 100.0; }

StateBatch hugeSnapshot()
{
    Snapshot s;
    s.revision = 100;
    s.scale = QStringLiteral("huge");
    s.sites.reserve(kSites);
    for (int i = 0; i < kSites; ++i) {
        Site site;
        site.id = siteId(i);
        site.nameZh = QStringLiteral("站点%1").arg(i);
        site.nameEn = QStringLiteral("Site %1").arg(i);
        site.tier = i < 8 ? SiteTier::NationalHub : SiteTier::Edge;
        site.latitude = 20 + (i % 200) * 0.1;
        site.longitude = 100 + (i / 200) * 0.4;
        site.capacity = { { Architecture::Ascend, 1000, 300 } };
        site.status = SiteStatus::Online;
        s.sites.append(site);
    }
    s.links.reserve(kLinks);
    for (int i = 0; i < kLinks; ++i) {
        Link l;
        l.id = QStringLiteral("l%1").arg(i);
        l.siteAId = siteId(i % kSites);
        l.siteBId = siteId((i * 13 + 1) % kSites);
        l.capacityGbps = 400;
        l.latencyMs = 5;
        l.status = LinkStatus::Up;
        s.links.append(l);
    }
    StateBatch batch;
    batch.snapshot = std::move(s);
    batch.tasks.reserve(kTasks);
    for (int i = 0; i < kTasks; ++i) {
        Task t;
        t.id = taskId(i);
        t.name = QStringLiteral("job-%1").arg((qint64(i) * 104729) % kTasks);
        t.kind = TaskKind(1 + i % 6);
        t.state = TaskState::Running;
        t.siteId = siteId(i % kSites);
        t.architecture = Architecture::Ascend;
        t.cards = quint32(cardsOf(i));
        t.tenant = QStringLiteral("tenant-%1").arg(i % 97);
        batch.tasks.append(t);
    }
    return batch;
}

StateEvent metricsFrame(quint64 revision, int frame)
{
    MetricsFrame f;
    f.sites.reserve(kSites);
    for (int i = 0; i < kSites; ++i) {
        SiteMetrics m;
        m.siteId = siteId(i);
        m.utilisation = utilisationOf(i, frame);
        m.powerMw = 10;
        m.pue = 1.2;
        m.runningTasks = quint32(kTasks / kSites);
        f.sites.append(m);
    }
    f.links.reserve(kLinks);
    for (int i = 0; i < kLinks; ++i) {
        LinkMetrics m;
        m.linkId = QStringLiteral("l%1").arg(i);
        m.utilisation = 0.5;
        m.throughputAbGbps = 200;
        f.links.append(m);
    }
    StateEvent e;
    e.revision = revision;
    e.change = std::move(f);
    return e;
}

} // namespace

class TestScale : public QObject {
    Q_OBJECT
private slots:
    void hugeSnapshotReachesTheModels()
    {
        NetworkState state;
        TaskTableModel tasks;
        tasks.setNetworkState(&state);
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&tasks);
        proxy.sort(TaskTableModel::IdColumn, Qt::AscendingOrder);
        QSignalSpy resets(&proxy, &QAbstractItemModel::modelReset);

        const StateBatch start = hugeSnapshot();
        state.applyBatch(start);
        tasks.applyBatch(start);
        QCOMPARE(state.sites().size(), kSites);
        QCOMPARE(state.links().size(), kLinks);
        QCOMPARE(state.warningCount(), 0);
        QCOMPARE(tasks.rowCount(), kTasks);
        QCOMPARE(proxy.rowCount(), kTasks);
        QCOMPARE(resets.count(), 1);
        QCOMPARE(proxy.index(0, 0).data().toString(), taskId(0));
        QCOMPARE(proxy.index(kTasks - 1, 0).data().toString(), taskId(kTasks - 1));

        // A frame for every site and link: a site shows its new figures.
        StateBatch frame;
        frame.events.push_back(metricsFrame(101, 1));
        QSignalSpy sitesChanged(&state, &NetworkState::sitesChanged);
        state.applyBatch(frame);
        tasks.applyBatch(frame);
        QCOMPARE(sitesChanged.count(), 1);
        QCOMPARE(sitesChanged.at(0).at(0).value<QList<int>>().size(), kSites);
        const int site = state.siteIndex(siteId(4321));
        QVERIFY(site >= 0);
        QCOMPARE(state.siteMetrics().at(site).utilisation, utilisationOf(4321, 1));
        QCOMPARE(state.siteMetrics().at(site).runningTasks, quint32(kTasks / kSites));
        QCOMPARE(state.revision(), quint64(101));

        // The operator sorts by cards, most first: the top rows hold the most cards, in order.
        proxy.sort(TaskTableModel::CardsColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.rowCount(), kTasks);
        QCOMPARE(proxy.index(0, TaskTableModel::CardsColumn).data(TaskTableModel::SortRole).toUInt(), 512u);
        for (int row = 1; row < 2000; ++row) {
            QVERIFY(proxy.index(row - 1, TaskTableModel::CardsColumn).data(TaskTableModel::SortRole).toUInt()
                >= proxy.index(row, TaskTableModel::CardsColumn).data(TaskTableModel::SortRole).toUInt());
        }
        QCOMPARE(proxy.index(kTasks - 1, TaskTableModel::CardsColumn).data(TaskTableModel::SortRole).toUInt(), 1u);

        // Selecting a site on the map shows exactly its hundred tasks; typing narrows them.
        proxy.setSiteFilter(siteId(4321));
        QCOMPARE(proxy.rowCount(), kTasks / kSites);
        for (int row = 0; row < proxy.rowCount(); ++row)
            QCOMPARE(proxy.index(row, 0).data(TaskTableModel::SiteIdRole).toString(), siteId(4321));
        const QString tenant = QStringLiteral("tenant-%1").arg(4321 % 97);
        int expected = 0;
        for (int i = 4321; i < kTasks; i += kSites)
            expected += tasks.task(taskId(i))->tenant.contains(tenant) ? 1 : 0;
        QVERIFY(expected > 0 && expected < kTasks / kSites);
        proxy.setTextFilter(tenant);
        QCOMPARE(proxy.rowCount(), expected);
        proxy.setSiteFilter({});
        proxy.setTextFilter(QStringLiteral("t0999999"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setTextFilter({});
        QCOMPARE(proxy.rowCount(), kTasks);

        // A second's churn: scattered completions, arrivals and updates in one batch keep the
        // sorted list whole, with one layout change and no reset.
        // (QAbstractItemModelTester walks every row: tst_models runs it on the same code with fewer;
        // here the row counts across layout changes are checked.)
        ModelContract tableContract(&tasks, ModelContract::WithoutTester);
        ModelContract proxyContract(&proxy, ModelContract::WithoutTester);
        const QPersistentModelIndex selected = proxy.mapFromSource(tasks.index(tasks.rowOf(taskId(5)), 0));
        StateBatch churn;
        quint64 revision = 200;
        for (int i = 0; i < 500; ++i) {
            StateEvent removed;
            removed.revision = ++revision;
            removed.change = TaskRemoved { taskId(i * 1999), siteId(i * 1999 % kSites), QStringLiteral("completed") };
            churn.events.push_back(removed);
            StateEvent added;
            added.revision = ++revision;
            Task t = *tasks.task(taskId(1));
            t.id = QStringLiteral("u%1").arg(i, 4, 10, QLatin1Char('0'));
            t.cards = 600; // more than any: first when sorted by cards, most first
            added.change = t;
            churn.events.push_back(added);
        }
        QSignalSpy layouts(&proxy, &QAbstractItemModel::layoutChanged);
        tasks.applyBatch(churn);
        QCOMPARE(tasks.rowCount(), kTasks);
        QCOMPARE(proxy.rowCount(), kTasks);
        QCOMPARE(resets.count(), 1);
        QVERIFY(layouts.count() <= 2);
        QVERIFY(proxyContract.removals >= 1 && proxyContract.removals <= TaskFilterProxyModel::kMaxRangedRuns);
        QVERIFY(proxyContract.insertions >= 1 && proxyContract.insertions <= TaskFilterProxyModel::kMaxRangedRuns);
        QCOMPARE(tasks.task(taskId(1999)), nullptr);
        QCOMPARE(proxy.index(0, TaskTableModel::CardsColumn).data(TaskTableModel::SortRole).toUInt(), 600u);
        QCOMPARE(proxy.index(500, TaskTableModel::CardsColumn).data(TaskTableModel::SortRole).toUInt(), 512u);
        QVERIFY(selected.isValid()); // the task a user had selected is still selected
        QCOMPARE(selected.data(TaskTableModel::TaskIdRole).toString(), taskId(5));
    }
};

QTEST_MAIN(TestScale)
#include "tst_scale.moc"
