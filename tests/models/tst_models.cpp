// Live network state: batches apply as a user would expect, and anything odd from a server is
// counted and skipped. (The task table and its proxy: tst_tasktable.)

#include "networkstate.h"
#include "recenthistory.h"

#include "modelfixtures.h"

#include <QSignalSpy>
#include <QTest>

#include <cmath>
#include <limits>

using namespace cpn;
using namespace modeltest;

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
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
