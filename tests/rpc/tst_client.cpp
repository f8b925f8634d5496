// The client against a real cpn-mock-scheduler process over loopback gRPC: snapshot, every
// task, the watch in order, a killed and restarted server, a cut connection resumed, and
// commands with the status codes of DESIGN.md. Coalescing and the commands run against an
// in-process scheduler whose clock the test moves.

// The mock's headers name a member `slots`: they go before any Qt header defines that keyword.
#include "mocktesthelpers.h"

#include "dispatchclient.h"
#include "mockprocess.h"
#include "networkstate.h"
#include "statefeed.h"
#include "taskpages.h"
#include "tasktablemodel.h"
#include "tcpproxy.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace cpn;

namespace {

// What the console does with a feed: apply its batches to the models, and record revisions.
struct Console {
    explicit Console(const QString& target)
        : feed(ConnectionSettings { target, {} })
    {
        QObject::connect(&feed, &StateFeed::batchReady, &feed, [this] {
            const StateBatch batch = feed.takeBatch();
            if (batch.snapshot)
                ++snapshotsApplied;
            for (const auto& e : batch.events) {
                if (!batch.snapshot && e.revision <= lastEventRevision)
                    ++eventsOutOfOrder;
                lastEventRevision = std::max(lastEventRevision, e.revision);
            }
            if (batch.snapshot)
                lastEventRevision = std::max(batch.snapshot->revision, batch.events.empty() ? 0 : batch.events.back().revision);
            state.applyBatch(batch);
            tasks.applyBatch(batch);
        });
    }

    StateFeed feed;
    NetworkState state;
    TaskTableModel tasks;
    int snapshotsApplied = 0;
    int eventsOutOfOrder = 0;
    quint64 lastEventRevision = 0;
};

// Counts the calls queued to the application object: each gRPC answer of a DispatchClient is one,
// whether or not its client is still there to hear it (see guithreadcall.h).
class QueuedAnswerCounter final : public QObject {
public:
    QueuedAnswerCounter() { QCoreApplication::instance()->installEventFilter(this); }
    ~QueuedAnswerCounter() override { QCoreApplication::instance()->removeEventFilter(this); }
    int count() const { return m_count; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == QCoreApplication::instance() && event->type() == QEvent::MetaCall)
            ++m_count;
        return false;
    }

private:
    int m_count = 0;
};

constexpr int kTimeoutMs = 20000;
const QStringList kFastArgs = MockProcess::reliableArgs();

} // namespace

class TestClient : public QObject {
    Q_OBJECT
private slots:
    // A snapshot's task pages, converted on TaskPages' thread: each field as sent, ids qualified,
    // what tasks share (sites, tenants, allowed regions) one copy each and never confused.
    void taskPagesKeepEveryTaskAndShareWhatTasksShare()
    {
        const std::string longSite(300, 'x'); // longer than is kept as a key
        auto pageOf = [&](int from, int count) {
            TaskPage page;
            for (int i = from; i < from + count; ++i) {
                v1::Task* t = page.response().add_tasks();
                t->set_id("t" + std::to_string(1000 + i));
                t->set_name("任务 " + std::to_string(i));
                t->set_site_id(i % 7 == 6 ? longSite : "s" + std::to_string(i % 3));
                t->set_users_site_id(i % 2 ? "u1" : "");
                t->set_tenant(i % 2 ? "租户甲" : "tenant-b");
                t->set_state(v1::TASK_STATE_RUNNING);
                t->set_cards(std::uint32_t(i));
                // ["ab"] and ["a", "b"]: two lists, not one.
                if (i % 3 == 1)
                    t->add_allowed_region_ids("ab");
                if (i % 3 == 2) {
                    t->add_allowed_region_ids("a");
                    t->add_allowed_region_ids("b");
                }
            }
            return page;
        };
        for (const bool intoStore : { true, false }) {
            TaskPages pages(PlatformScope(QStringLiteral("east")), intoStore, 30);
            pages.add(pageOf(0, 20));
            pages.add(pageOf(20, 10));
            TaskStore store;
            QList<Task> list;
            pages.finish(&store, &list);
            QList<Task> tasks;
            if (intoStore) {
                for (int row = 0; row < store.rowCount(); ++row)
                    tasks.append(store.taskAt(row));
                QCOMPARE(store.sites.values.size(), std::size_t(4));
                QCOMPARE(store.tenants.values.size(), std::size_t(2));
            } else {
                tasks = list;
            }
            QCOMPARE(tasks.size(), 30);
            for (int i = 0; i < 30; ++i) {
                const Task& t = tasks.at(i);
                QCOMPARE(t.id, QStringLiteral("east/t%1").arg(1000 + i));
                QCOMPARE(t.name, QStringLiteral("任务 %1").arg(i));
                QCOMPARE(t.platform, QStringLiteral("east"));
                QCOMPARE(t.siteId,
                    i % 7 == 6 ? QStringLiteral("east/") + QString::fromStdString(longSite)
                               : QStringLiteral("east/s%1").arg(i % 3));
                QCOMPARE(t.usersSiteId, i % 2 ? QStringLiteral("east/u1") : QString());
                QCOMPARE(t.tenant, i % 2 ? QStringLiteral("租户甲") : QStringLiteral("tenant-b"));
                QCOMPARE(t.state, TaskState::Running);
                QCOMPARE(t.cards, quint32(i));
                const QStringList regions = i % 3 == 0 ? QStringList()
                    : i % 3 == 1                       ? QStringList { QStringLiteral("ab") }
                                                       : QStringList { QStringLiteral("a"), QStringLiteral("b") };
                QCOMPARE(t.allowedRegionIds, regions);
            }
            // One copy of a site's id and of a list of regions, shared by their tasks.
            QVERIFY(tasks.at(0).siteId.constData() == tasks.at(3).siteId.constData());
            QVERIFY(tasks.at(1).allowedRegionIds.constData() == tasks.at(4).allowedRegionIds.constData());
        }
    }

    // A page as it comes off the wire: read for its token and count without parsing its tasks;
    // one that is not a page is said so, and the pages taken with it are not taken.
    void aTaskPageOnTheWireIsReadThenParsed()
    {
        v1::ListTasksResponse response;
        response.add_tasks()->set_id("t1");
        response.add_tasks()->set_id("t2");
        response.set_next_page_token("t2");
        response.set_total_count(9);
        std::string token;
        int count = -1;
        TaskPage good = TaskPage::fromBytes(response.SerializeAsString());
        QVERIFY(good.peek(&token, &count));
        QCOMPARE(token, std::string("t2"));
        QCOMPARE(count, 2);
        QVERIFY(good.parse());
        QCOMPARE(good.response().tasks(1).id(), std::string("t2"));
        QCOMPARE(good.response().total_count(), quint64(9));

        // A task whose length runs past the end, a zero tag: not even their counts can be read.
        QVERIFY(!TaskPage::fromBytes(std::string("\x0a\xff\xff\x03", 4)).peek(&token, &count));
        QVERIFY(!TaskPage::fromBytes(std::string("\x0a\x00\x00\x0a\x00", 5)).peek(&token, &count));
        // A task of two bytes that are not a task: counted, but not parsed.
        TaskPage bad = TaskPage::fromBytes(std::string("\x0a\x02\xff\xff", 4));
        QVERIFY(bad.peek(&token, &count));
        QCOMPARE(count, 1);
        TaskPages pages(PlatformScope(), true, 3);
        QVERIFY(pages.add(TaskPage::fromBytes(response.SerializeAsString())));
        pages.add(std::move(bad));
        // The pages after it are refused (the feed stops asking): at once, or once the few
        // that may wait are full.
        int added = 0;
        while (added < 10 && pages.add(TaskPage::fromBytes(response.SerializeAsString())))
            ++added;
        QVERIFY2(added < 10, "pages after one that is not one are refused");
        TaskStore store;
        QVERIFY(!pages.finish(&store, nullptr));
        QCOMPARE(store.rowCount(), 0);
    }

    void snapshotTasksAndOrderedWatch()
    {
        MockProcess mock;
        QVERIFY(mock.start(0, kFastArgs) > 0);
        Console console(mock.address());
        QSignalSpy snapshots(&console.feed, &StateFeed::snapshotTaken);
        console.feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(console.state.hasSnapshot(), kTimeoutMs);
        QCOMPARE(console.feed.state(), ConnectionState::Live);

        // The national network: 8 hubs and 10 clusters among a few hundred sites.
        int hubs = 0;
        int clusters = 0;
        for (const auto& s : console.state.sites()) {
            hubs += s.tier == SiteTier::NationalHub;
            clusters += s.tier == SiteTier::Cluster;
        }
        QCOMPARE(hubs, 8);
        QCOMPARE(clusters, 10);
        QVERIFY(console.state.sites().size() >= 200);
        QVERIFY(console.state.links().size() >= 300);
        QCOMPARE(console.state.warningCount(), 0);
        // Every task was paged in (the listing is a few revisions after the snapshot).
        const int listed = snapshots.at(0).at(1).toInt();
        QVERIFY2(listed > 10000, qPrintable(QString::number(listed)));
        QCOMPARE(console.tasks.rowCount(), listed);

        // Live events arrive in strictly increasing revisions and move the metrics.
        const quint64 first = console.state.revision();
        QTRY_VERIFY_WITH_TIMEOUT(console.state.revision() > first + 2, kTimeoutMs);
        QCOMPARE(console.eventsOutOfOrder, 0);
        QCOMPARE(console.state.duplicateEventCount(), 0);
        QCOMPARE(console.feed.outOfOrderCount(), 0);
        double sum = 0;
        for (const auto& m : console.state.siteMetrics())
            sum += m.utilisation;
        QVERIFY(sum > 0);
        QCOMPARE(mock.stop(), 0);
    }

    // Disconnect and reconnect (the Connections dialog): what the stopped run gathered and the
    // GUI had not taken is dropped with it; the next run starts from a snapshot of its own.
    void aStoppedFeedKeepsNothingOfItsRun()
    {
        MockProcess mock;
        QVERIFY(mock.start(0, kFastArgs) > 0);
        StateFeed feed(ConnectionSettings { mock.address(), {} });
        QSignalSpy ready(&feed, &StateFeed::batchReady);
        QSignalSpy snapshots(&feed, &StateFeed::snapshotTaken);
        feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() > 0 && snapshots.count() > 0, kTimeoutMs);
        feed.stop();
        QCOMPARE(feed.state(), ConnectionState::Stopped);
        QVERIFY(feed.takeBatch().isEmpty());
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 2, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(feed.state() == ConnectionState::Live, kTimeoutMs);
        // The new run's snapshot, waiting since snapshotTaken.
        const StateBatch batch = feed.takeBatch();
        QVERIFY(batch.snapshot.has_value());
        QVERIFY(!batch.snapshot->sites.isEmpty());
        feed.stop();
    }

    void reconnectsAfterTheServerIsKilledAndRestarted()
    {
        MockProcess mock;
        const int port = mock.start(0, kFastArgs);
        QVERIFY(port > 0);
        Console console(mock.address());
        QSignalSpy snapshots(&console.feed, &StateFeed::snapshotTaken);
        QSignalSpy retries(&console.feed, &StateFeed::reconnectScheduled);
        console.feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(console.state.revision() > 0, kTimeoutMs);
        const int sitesBefore = int(console.state.sites().size());

        mock.kill();
        QTRY_COMPARE_WITH_TIMEOUT(console.feed.state(), ConnectionState::Reconnecting, kTimeoutMs);
        QVERIFY(retries.count() >= 1);
        // While it is down the console keeps what it has.
        QCOMPARE(int(console.state.sites().size()), sitesBefore);

        MockProcess restarted;
        QCOMPARE(restarted.start(port, kFastArgs), port);
        QTRY_COMPARE_WITH_TIMEOUT(console.feed.state(), ConnectionState::Live, kTimeoutMs);
        // A restarted scheduler no longer holds our revision: a fresh snapshot, then live again.
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 2, kTimeoutMs);
        const quint64 after = console.state.revision();
        QTRY_VERIFY_WITH_TIMEOUT(console.state.revision() > after, kTimeoutMs);
        QCOMPARE(int(console.state.sites().size()), sitesBefore);
        QCOMPARE(console.eventsOutOfOrder, 0);
        QCOMPARE(console.state.duplicateEventCount(), 0);
        QCOMPARE(console.state.warningCount(), 0);
        QCOMPARE(restarted.stop(), 0);
    }

    void metricsWaitingForTheGuiAreCoalesced()
    {
        const auto server = cpn::testing::startManualServer(7);
        QVERIFY(server);
        // A GUI that is behind: nobody takes the batches while frames keep coming.
        StateFeed feed(ConnectionSettings { QString::fromStdString(server->address()), {} });
        QSignalSpy snapshots(&feed, &StateFeed::snapshotTaken);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 1, kTimeoutMs);
        NetworkState state;
        state.applyBatch(feed.takeBatch());
        QVERIFY(state.hasSnapshot());
        QCOMPARE(feed.coalescedFrameCount(), 0);
        // Three frames: the second and the third are merged into the first, still waiting.
        cpn::testing::advanceMinutes(*server, 3);
        QTRY_COMPARE_WITH_TIMEOUT(feed.coalescedFrameCount(), 2, kTimeoutMs);

        const StateBatch behind = feed.takeBatch();
        int frames = 0;
        for (const StateEvent& e : behind.events) {
            if (const auto* frame = std::get_if<MetricsFrame>(&e.change)) {
                ++frames;
                // Every site and link that had news has its latest value, once.
                QCOMPARE(frame->sites.size(), state.sites().size());
                QCOMPARE(frame->links.size(), state.links().size());
            }
        }
        QCOMPARE(frames, 1);
        const quint64 before = state.revision();
        state.applyBatch(behind);
        QVERIFY(state.revision() > before);
        QCOMPARE(state.warningCount(), 0);
        QCOMPARE(state.duplicateEventCount(), 0);
    }

    void resumesFromTheLastRevisionAfterACutConnection()
    {
        MockProcess mock;
        QVERIFY(mock.start(0, kFastArgs) > 0);
        TcpProxy proxy(quint16(mock.port()));
        Console console(QStringLiteral("127.0.0.1:%1").arg(proxy.port()));
        QSignalSpy snapshots(&console.feed, &StateFeed::snapshotTaken);
        QSignalSpy resumed(&console.feed, &StateFeed::resumed);
        console.feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(snapshots.count(), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(console.state.hasSnapshot(), kTimeoutMs);
        const quint64 snapshotRevision = console.state.revision();
        QTRY_VERIFY_WITH_TIMEOUT(console.state.revision() > snapshotRevision, kTimeoutMs);

        proxy.cutAll();
        QTRY_VERIFY_WITH_TIMEOUT(resumed.count() >= 1, kTimeoutMs);
        const quint64 from = resumed.at(0).at(0).toULongLong();
        QVERIFY(from > 0);
        QTRY_COMPARE_WITH_TIMEOUT(console.feed.state(), ConnectionState::Live, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(console.state.revision() > from + 1, kTimeoutMs);
        // Resumed, not restarted: no second snapshot, nothing applied twice, nothing out of order.
        QCOMPARE(snapshots.count(), 1);
        QCOMPARE(console.eventsOutOfOrder, 0);
        QCOMPARE(console.state.duplicateEventCount(), 0);
        QCOMPARE(console.feed.outOfOrderCount(), 0);
        QVERIFY(proxy.connectionCount() >= 2);
    }

    // Closing a window (or the console) while commands are still on their way to a dead
    // scheduler must neither crash nor deliver answers to the deleted client; a later client
    // still hears that the scheduler is unreachable.
    void clientsDeletedWithCommandsInFlight()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const ConnectionSettings dead { QStringLiteral("127.0.0.1:%1").arg(probe.serverPort()), {} };
        probe.close();
        QueuedAnswerCounter answers;
        constexpr int kRounds = 100;
        constexpr int kCallsPerClient = 5;
        for (int round = 0; round < kRounds; ++round) {
            auto* client = new DispatchClient(dead);
            for (int i = 0; i < kCallsPerClient; ++i)
                client->cancelMigration(QStringLiteral("m-%1").arg(i));
            delete client;
            QCoreApplication::processEvents();
        }
        DispatchClient survivor(dead);
        QSignalSpy failed(&survivor, &DispatchClient::commandFailed);
        const QString id = survivor.cancelMigration(QStringLiteral("m-1"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
        QCOMPARE(failed.at(0).at(0).toString(), id);
        QCOMPARE(failed.at(0).at(1).value<CommandError>().codeName, QStringLiteral("UNAVAILABLE"));
        // The late answers of the deleted clients all came back to the GUI thread, which dropped
        // them (and released their calls there) without a crash; the survivor heard only its own.
        QTRY_COMPARE_WITH_TIMEOUT(answers.count(), kRounds * kCallsPerClient + 1, kTimeoutMs);
        QCOMPARE(failed.count(), 1);
    }

    void commandsAnswerWithStatusCodes()
    {
        const auto server = cpn::testing::startManualServer(7);
        QVERIFY(server);
        const QString address = QString::fromStdString(server->address());
        Console console(address);
        console.feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(console.tasks.rowCount() > 0, kTimeoutMs);
        DispatchClient dispatch(ConnectionSettings { address, {} });
        QSignalSpy failed(&dispatch, &DispatchClient::commandFailed);
        QSignalSpy planned(&dispatch, &DispatchClient::migrationPlanned);
        QSignalSpy started(&dispatch, &DispatchClient::migrationStarted);

        // Unknown ids and malformed requests.
        const QString unknown = dispatch.cancelMigration(QStringLiteral("no-such-migration"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
        QCOMPARE(failed.at(0).at(0).toString(), unknown);
        QCOMPARE(failed.at(0).at(1).value<CommandError>().codeName, QStringLiteral("NOT_FOUND"));
        const Task& anyTask = console.tasks.taskAt(0);
        dispatch.planMigration(anyTask.id, anyTask.siteId);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, kTimeoutMs);
        QCOMPARE(failed.at(1).at(1).value<CommandError>().codeName, QStringLiteral("INVALID_ARGUMENT"));

        // Find a feasible move of a running training task to a hub, then start it twice with one key.
        QString taskId;
        QString target;
        for (int row = 0; row < console.tasks.rowCount() && target.isEmpty(); ++row) {
            const Task& t = console.tasks.taskAt(row);
            if (t.kind != TaskKind::Training || t.state != TaskState::Running)
                continue;
            for (const auto& s : console.state.sites()) {
                if (s.tier != SiteTier::NationalHub || s.id == t.siteId)
                    continue;
                const int before = int(planned.count());
                dispatch.planMigration(t.id, s.id);
                QTRY_COMPARE_WITH_TIMEOUT(int(planned.count()), before + 1, kTimeoutMs);
                const auto plan = planned.last().at(1).value<MigrationPlan>();
                QCOMPARE(plan.taskId, t.id);
                if (plan.feasible) {
                    QVERIFY(!plan.pathLinkIds.isEmpty());
                    QVERIFY(plan.transferSeconds > 0);
                    taskId = t.id;
                    target = s.id;
                    break;
                }
                QVERIFY(!plan.violations.isEmpty());
            }
            if (row > 50)
                break;
        }
        QVERIFY2(!target.isEmpty(), "no feasible migration found");
        const QString key = DispatchClient::newRequestId();
        dispatch.startMigration(taskId, target, QStringLiteral("test"), key);
        dispatch.startMigration(taskId, target, QStringLiteral("test"), key);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, kTimeoutMs);
        const auto first = started.at(0).at(1).value<Migration>();
        const auto second = started.at(1).at(1).value<Migration>();
        QCOMPARE(first.id, second.id);
        QCOMPARE(started.at(0).at(0).toString(), key);

        // The migration runs to completion (the scheduler's clock moved on until it has) and the
        // task ends at its target.
        QCOMPARE(cpn::testing::runToEnd(*server->simulation(), first.id.toStdString()).state(),
            v1::MIGRATION_STATE_COMPLETED);
        QTRY_VERIFY_WITH_TIMEOUT(console.state.migrations().value(first.id).state == MigrationState::Completed, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(console.tasks.task(taskId)->siteId, target, kTimeoutMs);

        // A finished migration cannot be cancelled.
        const int failures = int(failed.count());
        dispatch.cancelMigration(first.id);
        QTRY_COMPARE_WITH_TIMEOUT(int(failed.count()), failures + 1, kTimeoutMs);
        QCOMPARE(failed.last().at(1).value<CommandError>().codeName, QStringLiteral("FAILED_PRECONDITION"));
    }

    void snapshotRoleDrainPreviewAndRepeatedCancel()
    {
        MockProcess mock;
        QVERIFY(mock.start(0, kFastArgs + QStringList { QStringLiteral("--token"), QStringLiteral("viewer=v"),
                                  QStringLiteral("--token"), QStringLiteral("operator=o") })
            > 0);
        ConnectionSettings op { mock.address(), QStringLiteral("o") };
        StateFeed feed(op);
        NetworkState state;
        QObject::connect(&feed, &StateFeed::batchReady, &feed, [&] { state.applyBatch(feed.takeBatch()); });
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(state.callerRole(), QStringLiteral("operator"), kTimeoutMs);

        // A drain's dry run says where tasks would go and changes nothing.
        DispatchClient dispatch(op);
        QSignalSpy previewed(&dispatch, &DispatchClient::drainPreviewed);
        QSignalSpy failed(&dispatch, &DispatchClient::commandFailed);
        const QString site = QStringLiteral("hub-nx");
        const QString previewId = dispatch.previewDrain(site, 3);
        QTRY_COMPARE_WITH_TIMEOUT(previewed.count(), 1, kTimeoutMs);
        QCOMPARE(previewed.at(0).at(0).toString(), previewId);
        const auto preview = previewed.at(0).at(1).value<DrainResult>();
        QCOMPARE(preview.siteId, site);
        QVERIFY(preview.migrations.size() + preview.unplacedTaskIds.size() > 0);
        for (const Migration& m : preview.migrations) {
            QVERIFY(m.id.isEmpty());
            QCOMPARE(m.state, MigrationState::Planned);
        }
        QCOMPARE(state.sites().at(state.siteIndex(site)).status, SiteStatus::Online);

        // Start one of them, then cancel it twice with one key: the same answer, no error.
        QSignalSpy started(&dispatch, &DispatchClient::migrationStarted);
        QSignalSpy cancelled(&dispatch, &DispatchClient::migrationCancelled);
        QVERIFY(!preview.migrations.isEmpty());
        dispatch.startMigration(preview.migrations.first().taskId, preview.migrations.first().targetSiteId,
            QStringLiteral("test"));
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, kTimeoutMs);
        const QString migrationId = started.at(0).at(1).value<Migration>().id;
        const QString key = DispatchClient::newRequestId();
        dispatch.cancelMigration(migrationId, key);
        dispatch.cancelMigration(migrationId, key);
        QTRY_COMPARE_WITH_TIMEOUT(cancelled.count(), 2, kTimeoutMs);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(cancelled.at(1).at(1).value<Migration>().state, MigrationState::Cancelled);

        // A viewer is told so by the snapshot.
        StateFeed viewerFeed(ConnectionSettings { mock.address(), QStringLiteral("v") });
        NetworkState viewerState;
        QObject::connect(&viewerFeed, &StateFeed::batchReady, &viewerFeed,
            [&] { viewerState.applyBatch(viewerFeed.takeBatch()); });
        viewerFeed.start();
        QTRY_COMPARE_WITH_TIMEOUT(viewerState.callerRole(), QStringLiteral("viewer"), kTimeoutMs);
    }
};

QTEST_MAIN(TestClient)
#include "tst_client.moc"
