// Live network state and the task table: batches apply as a user would expect, and anything
// odd from a server is counted and skipped.

#include "networkstate.h"
#include "recenthistory.h"
#include "taskfilterproxymodel.h"
#include "tasktablemodel.h"

#include "modelcontract.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>

using namespace cpn;

namespace {

Site site(const QString& id, double lat, double lon, SiteTier tier = SiteTier::Regional)
{
    Site s;
    s.id = id;
    s.nameZh = id + QStringLiteral("中心");
    s.nameEn = id + QStringLiteral(" centre");
    s.tier = tier;
    s.latitude = lat;
    s.longitude = lon;
    s.capacity = { { Architecture::Ascend, 1000, 300 } };
    s.status = SiteStatus::Online;
    return s;
}

Link link(const QString& id, const QString& a, const QString& b)
{
    Link l;
    l.id = id;
    l.siteAId = a;
    l.siteBId = b;
    l.capacityGbps = 400;
    l.latencyMs = 5;
    l.status = LinkStatus::Up;
    return l;
}

Task task(const QString& id, const QString& siteId, const QString& name = {})
{
    Task t;
    t.id = id;
    t.name = name.isEmpty() ? QStringLiteral("job-") + id : name;
    t.siteId = siteId;
    t.kind = TaskKind::Training;
    t.state = TaskState::Running;
    t.architecture = Architecture::Ascend;
    t.cards = 8;
    t.tenant = QStringLiteral("tenant-a");
    return t;
}

StateBatch snapshotBatch(quint64 revision = 10)
{
    Snapshot s;
    s.revision = revision;
    s.simTimeMs = 1'000'000;
    s.sites = { site(QStringLiteral("bj"), 39.9, 116.4, SiteTier::NationalHub), site(QStringLiteral("sh"), 31.2, 121.5),
        site(QStringLiteral("gy"), 26.6, 106.6) };
    s.links = { link(QStringLiteral("l1"), QStringLiteral("bj"), QStringLiteral("sh")),
        link(QStringLiteral("l2"), QStringLiteral("sh"), QStringLiteral("gy")) };
    StateBatch batch;
    batch.snapshot = s;
    batch.tasks = { task(QStringLiteral("t1"), QStringLiteral("bj")), task(QStringLiteral("t2"), QStringLiteral("sh")),
        task(QStringLiteral("t3"), QStringLiteral("gy")) };
    return batch;
}

StateEvent stateEvent(quint64 revision, decltype(StateEvent::change) change)
{
    StateEvent e;
    e.revision = revision;
    e.simTimeMs = 1'000'000 + qint64(revision);
    e.change = std::move(change);
    return e;
}

SiteMetrics siteMetrics(const QString& id, double utilisation)
{
    SiteMetrics m;
    m.siteId = id;
    m.utilisation = utilisation;
    m.pue = 1.2;
    m.powerMw = 10;
    return m;
}

} // namespace

class TestModels : public QObject {
    Q_OBJECT
private slots:
    void snapshotBuildsFlatArrays()
    {
        NetworkState state;
        QSignalSpy reset(&state, &NetworkState::topologyReset);
        state.applyBatch(snapshotBatch());
        QCOMPARE(reset.count(), 1);
        QCOMPARE(state.sites().size(), 3);
        QCOMPARE(state.links().size(), 2);
        QCOMPARE(state.siteMetrics().size(), 3);
        QCOMPARE(state.siteIndex(QStringLiteral("sh")), 1);
        QCOMPARE(state.linkSiteA(1), 1);
        QCOMPARE(state.linkSiteB(1), 2);
        QCOMPARE(state.revision(), 10u);
        QCOMPARE(state.warningCount(), 0);
    }

    void metricsMarkOnlyChangedSites()
    {
        NetworkState state;
        state.applyBatch(snapshotBatch());
        QSignalSpy sites(&state, &NetworkState::sitesChanged);
        QSignalSpy revision(&state, &NetworkState::revisionChanged);
        StateBatch batch;
        MetricsFrame frame;
        frame.sites = { siteMetrics(QStringLiteral("gy"), 0.75) };
        batch.events.push_back(stateEvent(11, frame));
        state.applyBatch(batch);
        QCOMPARE(sites.count(), 1);
        QCOMPARE(sites.at(0).at(0).value<QList<int>>(), QList<int> { 2 });
        QCOMPARE(state.siteMetrics().at(2).utilisation, 0.75);
        QCOMPARE(revision.count(), 1);
        QCOMPARE(state.revision(), 11u);
    }

    void oddServerDataIsCountedNotTrusted_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("duplicate site") << 0;
        QTest::newRow("link to missing site") << 1;
        QTest::newRow("NaN utilisation") << 2;
        QTest::newRow("negative power") << 3;
        QTest::newRow("metrics for unknown site") << 4;
        QTest::newRow("update of unknown site") << 5;
    }

    void oddServerDataIsCountedNotTrusted()
    {
        QFETCH(int, kind);
        NetworkState state;
        QSignalSpy warnings(&state, &NetworkState::warningRaised);
        StateBatch batch = snapshotBatch();
        MetricsFrame frame;
        switch (kind) {
        case 0:
            batch.snapshot->sites.append(site(QStringLiteral("bj"), 10, 10));
            break;
        case 1:
            batch.snapshot->links.append(link(QStringLiteral("l9"), QStringLiteral("bj"), QStringLiteral("nowhere")));
            break;
        case 2:
            frame.sites = { siteMetrics(QStringLiteral("bj"), std::numeric_limits<double>::quiet_NaN()) };
            break;
        case 3: {
            SiteMetrics m = siteMetrics(QStringLiteral("bj"), 0.5);
            m.powerMw = -3;
            frame.sites = { m };
            break;
        }
        case 4:
            frame.sites = { siteMetrics(QStringLiteral("nowhere"), 0.5) };
            break;
        case 5:
            batch.events.push_back(stateEvent(12, site(QStringLiteral("nowhere"), 30, 110)));
            break;
        }
        if (!frame.sites.isEmpty())
            batch.events.push_back(stateEvent(11, frame));
        state.applyBatch(batch);
        QCOMPARE(state.warningCount(), 1);
        QCOMPARE(warnings.count(), 1);
        QVERIFY(!state.lastWarning().isEmpty());
        // What was good is still there and nothing odd got in.
        QCOMPARE(state.sites().size(), 3);
        QCOMPARE(state.links().size(), 2);
        QCOMPARE(state.sites().at(0).latitude, 39.9);
        QCOMPARE(state.siteMetrics().at(0).utilisation, 0.0);
        QVERIFY(std::isfinite(state.siteMetrics().at(0).powerMw));
    }

    void eventsAtOrBelowTheRevisionAreNotAppliedTwice()
    {
        NetworkState state;
        state.applyBatch(snapshotBatch(10));
        StateBatch batch;
        MetricsFrame late;
        late.sites = { siteMetrics(QStringLiteral("bj"), 0.9) };
        batch.events.push_back(stateEvent(10, late));
        state.applyBatch(batch);
        QCOMPARE(state.duplicateEventCount(), 1);
        QCOMPARE(state.siteMetrics().at(0).utilisation, 0.0);
    }

    void aSnapshotPreparedElsewhereIsTakenOverWhole()
    {
        // As the console does: the snapshot applied to a state of its own (on a worker thread),
        // then swapped into the one the views follow.
        NetworkState shown;
        shown.applyBatch(snapshotBatch(5));
        StateBatch next = snapshotBatch(20);
        next.snapshot->sites.append(site(QStringLiteral("bad"), 200, 0)); // invalid coordinates
        next.snapshot->links.append(link(QStringLiteral("l3"), QStringLiteral("gy"), QStringLiteral("bj")));
        next.events.push_back(
            stateEvent(21, MetricsFrame { 1'000'021, { siteMetrics(QStringLiteral("gy"), 0.75) }, {} }));
        NetworkState prepared;
        prepared.applyBatch(next);
        NetworkState direct;
        direct.applyBatch(next);

        QSignalSpy reset(&shown, &NetworkState::topologyReset);
        QSignalSpy revision(&shown, &NetworkState::revisionChanged);
        QSignalSpy warnings(&shown, &NetworkState::warningRaised);
        shown.adopt(prepared);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(revision.count(), 1);
        QCOMPARE(warnings.count(), 1); // the site left out is said, once
        QCOMPARE(shown.revision(), direct.revision());
        QCOMPARE(shown.sites().size(), direct.sites().size());
        QCOMPARE(shown.links().size(), 3);
        QCOMPARE(shown.linkIndex(QStringLiteral("l3")), direct.linkIndex(QStringLiteral("l3")));
        QCOMPARE(shown.linkSiteB(shown.linkIndex(QStringLiteral("l3"))), shown.siteIndex(QStringLiteral("bj")));
        QCOMPARE(shown.siteMetrics().at(shown.siteIndex(QStringLiteral("gy"))).utilisation, 0.75);
        QCOMPARE(shown.warningCount(), direct.warningCount());
        QCOMPARE(shown.siteIndex(QStringLiteral("bad")), -1);
    }

    void aPastMomentIsShownOverTheLiveNetwork()
    {
        NetworkState state;
        state.applyBatch(snapshotBatch(5));
        StateBatch live;
        live.events.push_back(stateEvent(6, MetricsFrame { 1'000'006, { siteMetrics(QStringLiteral("bj"), 0.4) }, {} }));
        state.applyBatch(live);
        const int bj = state.siteIndex(QStringLiteral("bj"));

        // The past: bj offline and busier then, l1 down; sh and gy not in the frame.
        MetricsFrame then { 500'000, { siteMetrics(QStringLiteral("bj"), 0.9) }, {} };
        then.sites[0].sampleTimeMs = 500'000;
        then.sites[0].status = SiteStatus::Offline;
        LinkMetrics l1;
        l1.linkId = QStringLiteral("l1");
        l1.throughputAbGbps = 7;
        l1.status = LinkStatus::Down;
        then.links = { l1 };
        QSignalSpy past(&state, &NetworkState::pastChanged);
        QSignalSpy sites(&state, &NetworkState::sitesChanged);
        state.showPast(510'000, { { QString(), then } });
        QCOMPARE(past.count(), 1);
        QCOMPARE(sites.count(), 1);
        QVERIFY(state.isPast());
        QCOMPARE(state.pastTimeMs(), 510'000);
        QVERIFY(state.hasPastData(QString()));
        QVERIFY(!state.hasPastData(QStringLiteral("other")));
        QCOMPARE(state.siteMetrics().at(bj).utilisation, 0.9);
        QCOMPARE(state.sites().at(bj).status, SiteStatus::Offline);
        QCOMPARE(state.links().at(0).status, LinkStatus::Down);
        QVERIFY(!state.linkInService(0));
        QCOMPARE(state.linkMetrics().at(0).throughputAbGbps, 7.0);
        QCOMPARE(state.siteMetrics().at(state.siteIndex(QStringLiteral("sh"))).powerMw, 0.0); // nothing known then

        // Live changes meanwhile stay underneath, a new snapshot too.
        StateBatch more;
        more.events.push_back(stateEvent(7, MetricsFrame { 1'000'007, { siteMetrics(QStringLiteral("bj"), 0.55) }, {} }));
        Site renamed = site(QStringLiteral("bj"), 39.9, 116.4, SiteTier::NationalHub);
        renamed.nameEn = QStringLiteral("Beijing hub");
        more.events.push_back(stateEvent(8, renamed));
        state.applyBatch(more);
        QCOMPARE(state.siteMetrics().at(bj).utilisation, 0.9);
        QCOMPARE(state.sites().at(bj).status, SiteStatus::Offline);
        QCOMPARE(state.sites().at(bj).nameEn, QStringLiteral("Beijing hub"));
        NetworkState prepared;
        state.copyTo(prepared);
        QCOMPARE(prepared.siteMetrics().at(bj).utilisation, 0.55); // the live network goes on from there
        QCOMPARE(prepared.sites().at(bj).status, SiteStatus::Online);
        prepared.applyBatch(snapshotBatch(30));
        state.adopt(prepared);
        QVERIFY(state.isPast());
        QCOMPARE(state.siteMetrics().at(state.siteIndex(QStringLiteral("bj"))).utilisation, 0.9);

        state.showLive();
        QVERIFY(!state.isPast());
        QCOMPARE(past.count(), 2);
        QCOMPARE(state.sites().at(state.siteIndex(QStringLiteral("bj"))).status, SiteStatus::Online);
        QCOMPARE(state.links().at(0).status, LinkStatus::Up);
        QCOMPARE(state.siteMetrics().at(state.siteIndex(QStringLiteral("bj"))).utilisation, 0.0); // the new snapshot's
        QCOMPARE(state.warningCount(), 0);
    }

    // A past moment that lists every site and link in order (the usual answer) is shown as the
    // frame says, statuses included; one with a bad entry still shows the rest and leaves that
    // one out, with a warning.
    void aWholePastMomentIsShownAsOneWithGaps()
    {
        NetworkState state;
        state.applyBatch(snapshotBatch(5));
        MetricsFrame whole { 500'000, {}, {} };
        for (const Site& s : state.sites())
            whole.sites.append(siteMetrics(s.id, 0.25 + 0.25 * whole.sites.size()));
        whole.sites[1].status = SiteStatus::Maintenance;
        for (const Link& l : state.links()) {
            LinkMetrics m;
            m.linkId = l.id;
            m.throughputAbGbps = 10.0 * (whole.links.size() + 1);
            whole.links.append(m);
        }
        whole.links[1].status = LinkStatus::Degraded;
        state.showPast(500'000, { { QString(), whole } });
        QCOMPARE(state.siteMetrics().constData(), whole.sites.constData()); // shared, not copied
        QCOMPARE(state.linkMetrics().constData(), whole.links.constData());
        for (int i = 0; i < state.sites().size(); ++i)
            QCOMPARE(state.siteMetrics().at(i).utilisation, 0.25 + 0.25 * i);
        QCOMPARE(state.sites().at(1).status, SiteStatus::Maintenance);
        QCOMPARE(state.sites().at(0).status, SiteStatus::Online);
        QCOMPARE(state.linkMetrics().at(1).throughputAbGbps, 20.0);
        QCOMPARE(state.links().at(1).status, LinkStatus::Degraded);
        QCOMPARE(state.warningCount(), 0);
        state.showLive();
        QCOMPARE(state.sites().at(1).status, SiteStatus::Online);
        QCOMPARE(state.siteMetrics().at(0).utilisation, 0.0);

        MetricsFrame bad = whole;
        bad.sites[2].utilisation = std::numeric_limits<double>::quiet_NaN();
        state.showPast(500'000, { { QString(), bad } });
        QVERIFY(state.siteMetrics().constData() != bad.sites.constData());
        QCOMPARE(state.siteMetrics().at(0).utilisation, 0.25);
        QCOMPARE(state.siteMetrics().at(2).utilisation, 0.0); // left out
        QCOMPARE(state.sites().at(1).status, SiteStatus::Maintenance);
        QCOMPARE(state.linkMetrics().at(1).throughputAbGbps, 20.0);
        QCOMPARE(state.warningCount(), 1);
    }

    // The sparklines' last hour is of the live network: a visit to the past neither writes into
    // it nor stops it.
    void theLastHourStaysLiveThroughAVisitToThePast()
    {
        NetworkState state;
        state.applyBatch(snapshotBatch(5));
        RecentHistory recent(&state);
        const qint64 minute = RecentHistory::kMinuteMs;
        const qint64 start = 100 * minute;
        quint64 revision = 5;
        auto live = [&](int m, double load) {
            SiteMetrics metrics = siteMetrics(QStringLiteral("gy"), load);
            metrics.sampleTimeMs = start + m * minute;
            StateBatch batch;
            batch.events.push_back(stateEvent(++revision, MetricsFrame { metrics.sampleTimeMs, { metrics }, {} }));
            state.applyBatch(batch);
        };
        live(0, 0.1);
        live(1, 0.2);
        SiteMetrics then = siteMetrics(QStringLiteral("gy"), 0.9);
        then.sampleTimeMs = start - 30 * minute;
        state.showPast(then.sampleTimeMs, { { QString(), MetricsFrame { then.sampleTimeMs, { then }, {} } } });
        live(2, 0.3); // underneath
        state.showLive();
        live(3, 0.4);
        const QList<double> hour = recent.utilisation(QStringLiteral("gy"));
        QCOMPARE(hour.size(), RecentHistory::kMinutes);
        const QList<double> expected { 0.1, 0.2, 0.3, 0.4 };
        for (int i = 0; i < expected.size(); ++i) // kept as floats
            QCOMPARE(float(hour.at(hour.size() - 4 + i)), float(expected.at(i)));
    }

    void migrationsAndAlarmsAreUpserted()
    {
        NetworkState state;
        state.applyBatch(snapshotBatch());
        QSignalSpy migrations(&state, &NetworkState::migrationsChanged);
        Migration m;
        m.id = QStringLiteral("m1");
        m.state = MigrationState::Transferring;
        Alarm a;
        a.id = QStringLiteral("a1");
        a.severity = AlarmSeverity::Critical;
        StateBatch batch;
        batch.events.push_back(stateEvent(11, m));
        m.state = MigrationState::Completed;
        batch.events.push_back(stateEvent(12, m));
        batch.events.push_back(stateEvent(13, a));
        state.applyBatch(batch);
        QCOMPARE(migrations.count(), 1);
        QCOMPARE(state.migrations().size(), 1);
        QCOMPARE(state.migrations().value(QStringLiteral("m1")).state, MigrationState::Completed);
        QCOMPARE(state.activeAlarmCount(), 1);
    }

    // Removal::Later: the rows of ended tasks stay until removePending(), the removals of
    // several batches go as one, and a task that comes again meanwhile keeps its row.
    void taskTableRemovesEndedTasksTogetherLater()
    {
        TaskTableModel model;
        ModelContract contract(&model);
        model.applyBatch(snapshotBatch());
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        const std::vector<StateEvent> first { stateEvent(11, TaskRemoved { QStringLiteral("t1"), QStringLiteral("bj"), {} }),
            stateEvent(12, task(QStringLiteral("t4"), QStringLiteral("sh"))) };
        model.applyEvents({}, first, TaskTableModel::Removal::Later);
        QCOMPARE(model.rowCount(), 4); // t4 shown at once, t1 still there
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.pendingRemovals(), 1);
        const std::vector<StateEvent> second { stateEvent(13, TaskRemoved { QStringLiteral("t3"), QStringLiteral("gy"), {} }),
            stateEvent(14, TaskRemoved { QStringLiteral("t2"), QStringLiteral("sh"), {} }),
            stateEvent(15, task(QStringLiteral("t2"), QStringLiteral("gy"))) }; // ended, and came again
        model.applyEvents({}, second, TaskTableModel::Removal::Later);
        QCOMPARE(model.pendingRemovals(), 2);
        QVERIFY(removed.isEmpty());
        QCOMPARE(model.task(QStringLiteral("t2"))->siteId, QStringLiteral("gy"));

        model.removePending();
        QCOMPARE(removed.count(), 1); // t1 and t3, scattered: to the end, one range
        QCOMPARE(model.pendingRemovals(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.task(QStringLiteral("t1")), nullptr);
        QCOMPARE(model.task(QStringLiteral("t3")), nullptr);
        QCOMPARE(model.taskAt(model.rowOf(QStringLiteral("t2"))).siteId, QStringLiteral("gy"));
        QVERIFY(model.task(QStringLiteral("t4")));

        // What is pending goes before a new snapshot is taken.
        const std::vector<StateEvent> third { stateEvent(16, TaskRemoved { QStringLiteral("t4"), QStringLiteral("sh"), {} }) };
        model.applyEvents({}, third, TaskTableModel::Removal::Later);
        model.applyBatch(snapshotBatch(20));
        QCOMPARE(model.pendingRemovals(), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.task(QStringLiteral("t4")), nullptr);
    }

    void taskTableAppliesOneRangePerBatch()
    {
        TaskTableModel model;
        ModelContract contract(&model);
        model.applyBatch(snapshotBatch());
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        StateBatch batch;
        batch.events.push_back(stateEvent(11, task(QStringLiteral("t4"), QStringLiteral("bj"))));
        batch.events.push_back(stateEvent(12, task(QStringLiteral("t5"), QStringLiteral("sh"))));
        batch.events.push_back(stateEvent(13, TaskRemoved { QStringLiteral("t1"), QStringLiteral("bj"), {} }));
        batch.events.push_back(stateEvent(14, TaskRemoved { QStringLiteral("t2"), QStringLiteral("sh"), {} }));
        Task moved = task(QStringLiteral("t3"), QStringLiteral("bj"));
        batch.events.push_back(stateEvent(15, moved));
        batch.events.push_back(stateEvent(16, task(QStringLiteral("t6"), QStringLiteral("gy"))));
        batch.events.push_back(stateEvent(17, TaskRemoved { QStringLiteral("t6"), QStringLiteral("gy"), {} }));
        model.applyBatch(batch);

        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(removed.count(), 1); // t1 and t2 were adjacent: one range
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.taskAt(0).id, QStringLiteral("t3"));
        QCOMPARE(model.taskAt(0).siteId, QStringLiteral("bj"));
        QCOMPARE(model.rowOf(QStringLiteral("t5")), 2);
        QCOMPARE(model.task(QStringLiteral("t6")), nullptr);
        QCOMPARE(model.task(QStringLiteral("t1")), nullptr);
    }

    void taskTableShowsTranslatedColumns()
    {
        TaskTableModel model;
        model.applyBatch(snapshotBatch());
        QCOMPARE(model.index(0, TaskTableModel::KindColumn).data().toString(), QStringLiteral("Training"));
        QCOMPARE(model.index(0, TaskTableModel::ArchitectureColumn).data().toString(), QStringLiteral("Ascend"));
        QCOMPARE(model.headerData(TaskTableModel::SiteColumn, Qt::Horizontal).toString(), QStringLiteral("Site"));
        NetworkState state;
        state.applyBatch(snapshotBatch());
        model.setNetworkState(&state);
        QLocale::setDefault(QLocale(QLocale::English));
        QCOMPARE(model.index(0, TaskTableModel::SiteColumn).data().toString(), QStringLiteral("bj centre"));
    }

    void proxyFiltersBySiteAndText()
    {
        TaskTableModel model;
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract proxyContract(&proxy);
        StateBatch batch = snapshotBatch();
        batch.tasks.append(task(QStringLiteral("t9"), QStringLiteral("bj"), QStringLiteral("llm-pretrain")));
        model.applyBatch(batch);
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setSiteFilter(QStringLiteral("bj"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setTextFilter(QStringLiteral("PRETRAIN"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t9"));
        proxy.setSiteFilter({});
        proxy.setTextFilter({});
        QCOMPARE(proxy.rowCount(), 4);
    }

    void scatteredRemovalsMoveToTheEndAndGoInOneRange()
    {
        TaskTableModel model;
        ModelContract contract(&model);
        StateBatch batch = snapshotBatch();
        batch.tasks.clear();
        for (int i = 0; i < 100; ++i)
            batch.tasks.append(task(QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0')), QStringLiteral("bj")));
        model.applyBatch(batch);
        const QPersistentModelIndex kept = model.index(51, TaskTableModel::NameColumn);
        const QPersistentModelIndex gone = model.index(40, 0);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        StateBatch removals;
        for (int i = 0; i < 100; i += 10) // ten runs of one row
            removals.events.push_back(stateEvent(quint64(11 + i), TaskRemoved { QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0')), {}, {} }));
        model.applyBatch(removals);
        // One layout change (the row count unchanged: the contract checks it) and one range off the end.
        QCOMPARE(layout.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 90);
        QCOMPARE(removed.at(0).at(2).toInt(), 99);
        QCOMPARE(model.rowCount(), 90);
        QVERIFY(!gone.isValid());
        QCOMPARE(kept.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t051"));
        QCOMPARE(kept.row(), 45);
        QCOMPARE(model.rowOf(QStringLiteral("t099")), 89);
        QCOMPARE(model.task(QStringLiteral("t050")), nullptr);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.taskAt(r - 1).id < model.taskAt(r).id);

        // Freed places are reused by new tasks, which come last.
        StateBatch more;
        more.events.push_back(stateEvent(200, task(QStringLiteral("t100"), QStringLiteral("sh"))));
        model.applyBatch(more);
        QCOMPARE(model.rowOf(QStringLiteral("t100")), 90);
        QCOMPARE(model.taskAt(90).siteId, QStringLiteral("sh"));
    }

    void filteringReportsRowsThatComeAndGo_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<int>("shownFirst");
        QTest::addColumn<int>("shownSecond");
        // 200 tasks "t000".."t199" named job-<n % 7>.
        QTest::newRow("narrowing, scattered") << QStringLiteral("job") << QStringLiteral("job-3") << 200 << 29;
        QTest::newRow("widening, scattered") << QStringLiteral("job-3") << QStringLiteral("job") << 29 << 200;
        QTest::newRow("one run") << QString() << QStringLiteral("t19") << 200 << 10;
        QTest::newRow("other rows") << QStringLiteral("job-2") << QStringLiteral("job-5") << 29 << 28;
    }

    void filteringReportsRowsThatComeAndGo()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(int, shownFirst);
        QFETCH(int, shownSecond);
        TaskTableModel model;
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract contract(&proxy);
        StateBatch batch = snapshotBatch();
        batch.tasks.clear();
        for (int i = 0; i < 200; ++i)
            batch.tasks.append(task(QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0')), QStringLiteral("bj"),
                QStringLiteral("job-%1").arg(i % 7)));
        model.applyBatch(batch);
        proxy.sort(TaskTableModel::NameColumn);
        proxy.setTextFilter(first);
        QCOMPARE(proxy.rowCount(), shownFirst);
        const QPersistentModelIndex current = proxy.index(0, 0);
        const QString currentId = current.data(TaskTableModel::TaskIdRole).toString();
        const int layoutsBefore = contract.layoutChanges;
        const int signalsBefore = contract.insertions + contract.removals;
        proxy.setTextFilter(second);
        QCOMPARE(proxy.rowCount(), shownSecond);
        // Bounded whatever the number of rows: at most two layout changes and a few ranges.
        QVERIFY(contract.layoutChanges - layoutsBefore <= 2);
        QVERIFY(contract.insertions + contract.removals - signalsBefore <= 2 * TaskFilterProxyModel::kMaxRangedRuns);
        QVERIFY(contract.insertions + contract.removals > signalsBefore);
        // A row still shown is still held; one filtered out is let go.
        const bool stillShown = second.isEmpty() || currentId.contains(second)
            || QStringLiteral("job-%1").arg(currentId.mid(1).toInt() % 7).contains(second);
        QCOMPARE(current.isValid(), stillShown);
        if (stillShown)
            QCOMPARE(current.data(TaskTableModel::TaskIdRole).toString(), currentId);
    }

    void preparedSnapshotIsFoundByTenantAndSiteName()
    {
        QLocale::setDefault(QLocale(QLocale::English));
        NetworkState state;
        state.applyBatch(snapshotBatch());
        TaskTableModel model;
        model.setNetworkState(&state);
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract proxyContract(&proxy);
        // As the console applies a snapshot: the table's storage built beforehand, off the GUI thread.
        StateBatch batch = snapshotBatch();
        TaskStore prepared = TaskStore::fromTasks(std::move(batch.tasks));
        batch.tasks.clear();
        model.applyBatch(std::move(batch), std::move(prepared));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.taskAt(1).id, QStringLiteral("t2"));
        QCOMPARE(model.rowOf(QStringLiteral("t3")), 2);
        QCOMPARE(proxy.rowCount(), 3);

        proxy.setTextFilter(QStringLiteral("SH CEN")); // the site's shown name, in another case
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t2"));
        proxy.setTextFilter(QStringLiteral("mango"));
        QCOMPARE(proxy.rowCount(), 0);
        // A tenant the table has not seen before shows up under the filter already typed.
        Task newcomer = task(QStringLiteral("t4"), QStringLiteral("gy"));
        newcomer.tenant = QStringLiteral("Mango TV");
        StateBatch more;
        more.events.push_back(stateEvent(11, newcomer));
        model.applyBatch(more);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t4"));
        proxy.setTextFilter(QStringLiteral("TENANT-"));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setSiteFilter(QStringLiteral("gy"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t3"));
    }

    // Several platforms: a big platform's snapshot is merged with the others' tasks (its own
    // store the base), a small one goes in place a part at a time; either way the rows are
    // grouped by platform name, found by id, and what the operator holds among the other
    // platforms' rows stays held.
    void platformSnapshotsMergeOrGoInPlaceInParts()
    {
        auto tasksOf = [](const QString& platform, int count) {
            QList<Task> tasks;
            for (int i = 0; i < count; ++i) {
                Task t = task(platform + QStringLiteral("/t%1").arg(i, 3, 10, QLatin1Char('0')), platform + QStringLiteral("/gy"));
                t.platform = platform;
                tasks.append(t);
            }
            return tasks;
        };
        // withPlatform: "b" comes with 5 tasks beside "a" (3) and "c" (2).
        TaskStore current = TaskStore::fromTasks(tasksOf(QStringLiteral("a"), 3) + tasksOf(QStringLiteral("c"), 2));
        const TaskStore merged
            = TaskStore::withPlatform(current, QStringLiteral("b"), TaskStore::fromTasks(tasksOf(QStringLiteral("b"), 5)));
        QCOMPARE(merged.rowCount(), 10);
        QStringList order;
        for (int row = 0; row < merged.rowCount(); ++row)
            order << merged.taskAt(row).platform;
        QCOMPARE(order.join(QString()), QStringLiteral("aaabbbbbcc"));
        QVERIFY(merged.idOrdered);
        for (int row = 0; row < merged.rowCount(); ++row)
            QCOMPARE(merged.rowOf(merged.taskAt(row).id), row);
        QCOMPARE(merged.find(QStringLiteral("c/t001"))->platform, QStringLiteral("c"));
        QCOMPARE(merged.sites.values.size(), std::size_t(3));

        // In place, two tasks a part: "b" comes again with 5 tasks beside "a" and "c".
        TaskTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        StateBatch first = snapshotBatch();
        first.platform = QStringLiteral("a");
        first.tasks = tasksOf(QStringLiteral("a"), 3) + tasksOf(QStringLiteral("b"), 4) + tasksOf(QStringLiteral("c"), 2);
        model.applyBatch(std::move(first));
        const QPersistentModelIndex held = proxy.index(proxy.rowCount() - 1, 0); // one of c's
        QCOMPARE(held.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("c/t001"));
        TaskStore again = TaskStore::fromTasks(tasksOf(QStringLiteral("b"), 5));
        QVERIFY(!model.mergesSnapshot(QStringLiteral("b"), again.rowCount()));
        int taken = 0;
        QVERIFY(!model.takeSnapshotPart(QStringLiteral("b"), 30, again, &taken, 2));
        QCOMPARE(model.rowCount(), 3 + 2 + 2); // b's old rows gone, two new ones in
        QVERIFY(!model.takeSnapshotPart(QStringLiteral("b"), 30, again, &taken, 2));
        QVERIFY(model.takeSnapshotPart(QStringLiteral("b"), 30, again, &taken, 2));
        QCOMPARE(taken, 5);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(proxy.rowCount(), 10);
        QVERIFY(model.task(QStringLiteral("b/t004")));
        QVERIFY(held.isValid());
        QCOMPARE(held.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("c/t001"));
        // Its events then apply from the snapshot's revision on.
        StateBatch more;
        more.platform = QStringLiteral("b");
        more.events.push_back(stateEvent(30, TaskRemoved { QStringLiteral("b/t000"), {}, {} }));
        more.events.push_back(stateEvent(31, TaskRemoved { QStringLiteral("b/t001"), {}, {} }));
        model.applyBatch(more);
        QVERIFY(model.task(QStringLiteral("b/t000"))); // at the snapshot's revision: already in it
        QVERIFY(!model.task(QStringLiteral("b/t001")));
    }

    // Slurm's job ids are numbers: 9 before 10, in the table's order, a sort, and an insertion.
    void numericIdsSortAsNumbers()
    {
        QCOMPARE(compareTaskIds(u"9", u"10") < 0, true);
        QCOMPARE(compareTaskIds(u"10", u"9") > 0, true);
        QCOMPARE(compareTaskIds(u"10", u"t-1") < 0, true);
        QCOMPARE(compareTaskIds(u"t-2", u"t-10") > 0, true); // text stays text
        NetworkState state;
        state.applyBatch(snapshotBatch());
        TaskTableModel model;
        model.setNetworkState(&state);
        StateBatch batch = snapshotBatch();
        batch.tasks.clear();
        for (const char* id : { "8", "9", "10", "11", "100" })
            batch.tasks.append(task(QString::fromLatin1(id), QStringLiteral("gy")));
        model.applyBatch(std::move(batch));
        QVERIFY(model.rowsInIdOrder()); // as the gateway sends them: no sort needed
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract contract(&proxy);
        proxy.sort(TaskTableModel::NameColumn);
        proxy.sort(TaskTableModel::IdColumn);
        auto ids = [&] {
            QStringList out;
            for (int row = 0; row < proxy.rowCount(); ++row)
                out << proxy.index(row, 0).data(TaskTableModel::TaskIdRole).toString();
            return out;
        };
        QCOMPARE(ids(), (QStringList { "8", "9", "10", "11", "100" }));
        StateBatch more;
        more.events.push_back(stateEvent(11, task(QStringLiteral("12"), QStringLiteral("gy"))));
        model.applyBatch(more);
        QCOMPARE(ids(), (QStringList { "8", "9", "10", "11", "12", "100" }));
    }

    void proxyStaysSortedAndFilteredThroughEveryKindOfChange_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("text");
        QTest::newRow("cards ascending") << int(TaskTableModel::CardsColumn) << false << QString();
        QTest::newRow("name descending") << int(TaskTableModel::NameColumn) << true << QString();
        QTest::newRow("id, filtered") << int(TaskTableModel::IdColumn) << false << QStringLiteral("7");
        QTest::newRow("kind descending, filtered") << int(TaskTableModel::KindColumn) << true << QStringLiteral("job-1");
    }

    void proxyStaysSortedAndFilteredThroughEveryKindOfChange()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        QFETCH(QString, text);
        TaskTableModel model;
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract proxyContract(&proxy);
        proxy.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        proxy.setTextFilter(text);

        // A seeded stream of inserts, updates and removals, checked against a plain sort of what is left.
        quint32 seed = 7;
        auto next = [&seed](quint32 bound) {
            seed = seed * 1664525u + 1013904223u;
            return (seed >> 8) % bound;
        };
        auto makeTask = [&](int n) {
            Task t = task(QStringLiteral("t%1").arg(n, 4, 10, QLatin1Char('0')), QStringLiteral("bj"),
                QStringLiteral("job-%1").arg(next(50)));
            t.cards = next(16);
            t.kind = TaskKind(1 + next(6));
            return t;
        };
        StateBatch batch = snapshotBatch();
        batch.tasks.clear();
        int created = 0;
        for (; created < 300; ++created)
            batch.tasks.append(makeTask(created));
        model.applyBatch(batch);
        quint64 revision = 10;
        for (int round = 0; round < 30; ++round) {
            StateBatch b;
            const int changes = 1 + int(next(20));
            for (int c = 0; c < changes && model.rowCount() > 0; ++c) {
                const QString id = model.taskAt(int(next(quint32(model.rowCount())))).id;
                switch (next(3)) {
                case 0:
                    b.events.push_back(stateEvent(++revision, makeTask(created++)));
                    break;
                case 1: {
                    Task t = makeTask(0);
                    t.id = id;
                    b.events.push_back(stateEvent(++revision, t));
                    break;
                }
                default:
                    b.events.push_back(stateEvent(++revision, TaskRemoved { id, {}, {} }));
                }
            }
            model.applyBatch(b);

            QStringList expected;
            QList<int> rows;
            for (int r = 0; r < model.rowCount(); ++r) {
                const Task& t = model.taskAt(r);
                if (text.isEmpty() || t.id.contains(text) || t.name.contains(text))
                    rows.append(r);
            }
            // What the user sees in the column (cards as numbers, not as text).
            const auto field = [&](int r) {
                return column == TaskTableModel::CardsColumn ? QVariant(model.taskAt(r).cards)
                                                             : model.index(r, column).data();
            };
            std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
                const QVariant x = field(a);
                const QVariant y = field(b);
                const auto c = QVariant::compare(x, y);
                return descending ? c == QPartialOrdering::Greater : c == QPartialOrdering::Less;
            });
            for (const int r : rows)
                expected.append(model.taskAt(r).id);
            QStringList shown;
            for (int r = 0; r < proxy.rowCount(); ++r)
                shown.append(proxy.index(r, 0).data(TaskTableModel::TaskIdRole).toString());
            QCOMPARE(shown, expected);
            for (int r = 0; r < proxy.rowCount(); ++r)
                QCOMPARE(proxy.mapFromSource(proxy.mapToSource(proxy.index(r, 1))).row(), r);
        }
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
