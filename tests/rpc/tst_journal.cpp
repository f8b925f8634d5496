// Commands are never lost: the journal keeps them across a restart of the console, and the
// outbox sends what has no answer again with the same request id (after a lost connection, and
// after a crash), against a real mock scheduler over loopback gRPC; a refusal is final.

// The mock's headers name a member `slots`: they go before any Qt header defines that keyword.
#include "mocktesthelpers.h"

#include "commandjournal.h"
#include "dispatchclient.h"
#include "dispatchoutbox.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace cpn;
using namespace cpn::testing;
using cpn::mock::MockServer;

namespace {

constexpr int kTimeoutMs = 20000;

// What the console holds for one scheduler: a client and the outbox over the shared journal file.
struct Console {
    Console(const QString& target, const QString& journalPath)
        : client(ConnectionSettings { target, {} })
        , outbox(&client, std::make_unique<CommandJournal>(journalPath), target)
    {
    }
    DispatchClient client;
    DispatchOutbox outbox;
};

std::unique_ptr<MockServer> startServer(int port = 0)
{
    return startManualServer(21, port);
}

DispatchCommand command(const QString& id, CommandKind kind, qint64 createdMs)
{
    DispatchCommand c;
    c.requestId = id;
    c.kind = kind;
    c.taskId = QStringLiteral("t-00000042");
    c.siteId = QStringLiteral("hub-gz");
    c.reason = QStringLiteral("east-west rebalancing, ticket 7731");
    c.maxConcurrent = 3;
    c.scheduler = QStringLiteral("10.0.0.5:50051");
    c.operatorName = QStringLiteral("li.wei@ops-3");
    c.role = QStringLiteral("operator");
    c.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs);
    return c;
}

} // namespace

class TestJournal : public QObject {
    Q_OBJECT
private slots:
    void journalSurvivesARestart()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("sub/journal.sqlite"));
        {
            CommandJournal journal(path);
            QVERIFY2(journal.isOpen(), qPrintable(journal.lastError()));
            QVERIFY(journal.record(command(QStringLiteral("r-1"), CommandKind::StartMigration, 1000)));
            QVERIFY(journal.record(command(QStringLiteral("r-2"), CommandKind::DrainSite, 2000)));
            QVERIFY(!journal.record(command(QStringLiteral("r-1"), CommandKind::StartMigration, 3000))); // one id, once
            QVERIFY(journal.noteAttempt(QStringLiteral("r-1")));
            auto answered = *journal.find(QStringLiteral("r-2"));
            answered.outcome = CommandOutcome::Succeeded;
            answered.outcomeCode = QStringLiteral("OK");
            answered.answeredAt = QDateTime::fromMSecsSinceEpoch(2500);
            answered.drainMigrations = 12;
            answered.drainUnplaced = 1;
            QVERIFY(journal.recordAnswer(answered));
        } // the console goes away

        CommandJournal reopened(path);
        QVERIFY(reopened.isOpen());
        const auto pending = reopened.pending();
        QCOMPARE(pending.size(), 1);
        const DispatchCommand& p = pending.first();
        QCOMPARE(p.requestId, QStringLiteral("r-1"));
        QCOMPARE(p.kind, CommandKind::StartMigration);
        QCOMPARE(p.taskId, QStringLiteral("t-00000042"));
        QCOMPARE(p.siteId, QStringLiteral("hub-gz"));
        QCOMPARE(p.reason, QStringLiteral("east-west rebalancing, ticket 7731"));
        QCOMPARE(p.operatorName, QStringLiteral("li.wei@ops-3"));
        QCOMPARE(p.role, QStringLiteral("operator"));
        QCOMPARE(p.createdAt.toMSecsSinceEpoch(), 1000);
        QCOMPARE(p.attempts, 1);
        QVERIFY(!p.answeredAt.isValid());
        const auto recent = reopened.recent();
        QCOMPARE(recent.size(), 2);
        QCOMPARE(recent.first().requestId, QStringLiteral("r-2")); // newest first
        QCOMPARE(recent.first().outcome, CommandOutcome::Succeeded);
        QCOMPARE(recent.first().drainMigrations, 12);
        QCOMPARE(recent.first().drainUnplaced, 1);
        QCOMPARE(recent.first().answeredAt.toMSecsSinceEpoch(), 2500);
    }

    void unansweredCommandsAreSentAgainWithTheSameId()
    {
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
        // Find a move on a scheduler, note its port, then take the scheduler away.
        auto server = startServer();
        QVERIFY(server);
        const int port = server->port();
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(*server->simulation(), { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH }, &task, &target));
        const QString taskId = QString::fromStdString(task.id());
        const QString targetId = QString::fromStdString(target);
        server.reset();
        const QString address = QStringLiteral("127.0.0.1:%1").arg(port);

        // The connection is gone: the command waits in the journal and is retried.
        QString requestId;
        {
            Console console(address, journal);
            QSignalSpy deferred(&console.outbox, &DispatchOutbox::commandDeferred);
            requestId = console.outbox.startMigration(taskId, targetId, QStringLiteral("before a crash"));
            QTRY_VERIFY_WITH_TIMEOUT(deferred.count() >= 1, kTimeoutMs);
            QCOMPARE(console.outbox.pendingCount(), 1);
        } // the console crashes before any answer

        // The console starts again, and so does the scheduler: the command goes out again.
        server = startServer(port);
        QVERIFY(server);
        Console restarted(address, journal);
        QCOMPARE(restarted.outbox.pendingCount(), 1);
        QSignalSpy started(&restarted.outbox, &DispatchOutbox::migrationStarted);
        QSignalSpy answered(&restarted.outbox, &DispatchOutbox::commandAnswered);
        restarted.outbox.resendPending();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, kTimeoutMs);
        QCOMPARE(started.at(0).at(0).toString(), requestId);
        const auto migration = started.at(0).at(1).value<Migration>();
        QCOMPARE(migration.requestId, requestId);
        QCOMPARE(migration.taskId, taskId);
        QCOMPARE(answered.count(), 1);
        const auto outcome = answered.at(0).at(0).value<DispatchCommand>();
        QCOMPARE(outcome.outcome, CommandOutcome::Succeeded);
        QCOMPARE(outcome.migrationId, migration.id);
        QVERIFY(outcome.attempts >= 2);
        QCOMPARE(restarted.outbox.pendingCount(), 0);

        // The answer was lost after the scheduler acted: sending it again starts nothing new.
        CommandJournal* j = restarted.outbox.journal();
        DispatchCommand lost = *j->find(requestId);
        lost.requestId = DispatchClient::newRequestId();
        lost.outcome = CommandOutcome::Pending;
        lost.migrationId.clear();
        v1::Task other;
        std::string otherTarget;
        QVERIFY(findFeasibleMove(*server->simulation(), { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH }, &other,
            &otherTarget, { task.id() }));
        lost.taskId = QString::fromStdString(other.id());
        lost.siteId = QString::fromStdString(otherTarget);
        Client direct(server->address());
        v1::Migration acted;
        QVERIFY(direct.start(lost.requestId.toStdString(), other.id(), otherTarget, &acted).ok());
        QVERIFY(j->record(lost));
        restarted.outbox.resendPending();
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 2, kTimeoutMs);
        QCOMPARE(started.at(1).at(1).value<Migration>().id, QString::fromStdString(acted.id()));
        int ofTask = 0;
        const auto snapshot = direct.snapshot();
        for (const auto& m : snapshot.migrations())
            ofTask += m.task_id() == other.id();
        QCOMPARE(ofTask, 1);
    }

    void aLostConnectionIsRetriedWithoutARestart()
    {
        QTemporaryDir dir;
        auto server = startServer();
        QVERIFY(server);
        const int port = server->port();
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(*server->simulation(), { v1::TASK_KIND_TRAINING }, &task, &target));
        server.reset();
        Console console(QStringLiteral("127.0.0.1:%1").arg(port), dir.filePath(QStringLiteral("journal.sqlite")));
        QSignalSpy deferred(&console.outbox, &DispatchOutbox::commandDeferred);
        QSignalSpy started(&console.outbox, &DispatchOutbox::migrationStarted);
        const QString id = console.outbox.startMigration(
            QString::fromStdString(task.id()), QString::fromStdString(target), QStringLiteral("retry"));
        QTRY_VERIFY_WITH_TIMEOUT(deferred.count() >= 1, kTimeoutMs);
        server = startServer(port); // back: the outbox's own retry gets through
        QVERIFY(server);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, kTimeoutMs);
        QCOMPARE(started.at(0).at(0).toString(), id);
        QCOMPARE(console.outbox.journal()->find(id)->outcome, CommandOutcome::Succeeded);
    }

    void aRefusalIsFinal()
    {
        QTemporaryDir dir;
        auto server = startServer();
        QVERIFY(server);
        Console console(QString::fromStdString(server->address()), dir.filePath(QStringLiteral("journal.sqlite")));
        QSignalSpy failed(&console.outbox, &DispatchOutbox::commandFailed);
        const QString id = console.outbox.cancelMigration(QStringLiteral("mig-999999"), QStringLiteral("test"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
        const auto c = *console.outbox.journal()->find(id);
        QCOMPARE(c.outcome, CommandOutcome::Failed);
        QCOMPARE(c.outcomeCode, QStringLiteral("NOT_FOUND"));
        QVERIFY(!c.outcomeText.isEmpty());
        QCOMPARE(console.outbox.pendingCount(), 0);
    }

    void theEmbeddedSchedulerLeavesNothingToResend()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("journal.sqlite"));
        {
            CommandJournal journal(path);
            auto c = command(QStringLiteral("r-embedded"), CommandKind::StartMigration, 1000);
            c.scheduler = QLatin1String(DispatchOutbox::kEmbeddedScheduler);
            QVERIFY(journal.record(c));
            auto remote = command(QStringLiteral("r-remote"), CommandKind::StartMigration, 1000);
            QVERIFY(journal.record(remote));
        }
        DispatchClient client(ConnectionSettings { QStringLiteral("127.0.0.1:1"), {} });
        DispatchOutbox outbox(&client, std::make_unique<CommandJournal>(path), QLatin1String(DispatchOutbox::kEmbeddedScheduler));
        QCOMPARE(outbox.pendingCount(), 0);
        QCOMPARE(outbox.journal()->find(QStringLiteral("r-embedded"))->outcome, CommandOutcome::Abandoned);
        // Another scheduler's commands wait for it.
        QCOMPARE(outbox.journal()->find(QStringLiteral("r-remote"))->outcome, CommandOutcome::Pending);
    }
};

QTEST_GUILESS_MAIN(TestJournal)
#include "tst_journal.moc"
