// cpn-slurm-gateway against a real Slurm cluster (tools/slurm-lab.sh, started here): what it
// serves matches sinfo and squeue, and what it is asked to do happens in Slurm. Needs root and
// Debian's Slurm (the lab installs it); never skipped.

#include "mockprocess.h"
#include "partsreader.h"
#include "rawgrpccall.h"
#include "slurmlab.h"
#include "watchrecorder.h"

#include "cpn/v1/dispatch.grpc.pb.h"
#include "cpn/v1/state.grpc.pb.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <grpcpp/grpcpp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>

namespace {

// True once `condition` holds, trying for up to `ms` (events keep being processed meanwhile).
template <class Condition> bool eventually(Condition condition, int ms)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > ms)
            return false;
        QTest::qWait(100);
    }
    return true;
}

} // namespace

class TestSlurmGateway : public QObject {
    Q_OBJECT

private:
    SlurmLab m_lab;
    QTemporaryDir m_state;
    std::unique_ptr<ServerProcess> m_gateway;
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<cpn::v1::StateService::Stub> m_stateStub;
    std::unique_ptr<cpn::v1::DispatchService::Stub> m_dispatch;
    int m_requests = 0;
    std::string m_firstMigration; // migratesARunningJob's, finished before survivesAKillMidMigration restarts

    bool startGateway()
    {
        m_gateway = std::make_unique<ServerProcess>(QStringLiteral(CPN_SLURM_GATEWAY_PATH));
        const int port = m_gateway->start(0,
            { QStringLiteral("--slurm-conf"), m_lab.slurmConf(), QStringLiteral("--sites"), m_lab.sitesFile(),
                QStringLiteral("--state-dir"), m_state.path(), QStringLiteral("--poll-ms"), QStringLiteral("300"),
                QStringLiteral("--max-transfer"), QStringLiteral("2"), QStringLiteral("--start-timeout"),
                QStringLiteral("8") });
        if (port == 0)
            return false;
        m_channel = grpc::CreateChannel(m_gateway->address().toStdString(), grpc::InsecureChannelCredentials());
        m_stateStub = cpn::v1::StateService::NewStub(m_channel);
        m_dispatch = cpn::v1::DispatchService::NewStub(m_channel);
        return true;
    }

    cpn::v1::Snapshot snapshot()
    {
        grpc::ClientContext context;
        cpn::v1::Snapshot s;
        cpn::v1::readSnapshot(*m_stateStub, &context, &s);
        return s;
    }

    std::vector<cpn::v1::Task> tasks()
    {
        std::vector<cpn::v1::Task> all;
        std::string token;
        do {
            grpc::ClientContext context;
            cpn::v1::ListTasksRequest request;
            request.set_page_size(50);
            request.set_page_token(token);
            cpn::v1::ListTasksResponse response;
            if (!m_stateStub->ListTasks(&context, request, &response).ok())
                return {};
            all.insert(all.end(), response.tasks().begin(), response.tasks().end());
            token = response.next_page_token();
        } while (!token.empty());
        return all;
    }

    std::optional<cpn::v1::Task> task(const QString& id)
    {
        for (const auto& t : tasks())
            if (t.id() == id.toStdString())
                return t;
        return std::nullopt;
    }

    grpc::Status startMigration(const QString& jobId, const char* target, const std::string& requestId,
        cpn::v1::Migration* migration)
    {
        grpc::ClientContext context;
        cpn::v1::StartMigrationRequest request;
        request.set_request_id(requestId);
        request.set_task_id(jobId.toStdString());
        request.set_target_site_id(target);
        request.set_reason("test");
        return m_dispatch->StartMigration(&context, request, migration);
    }

    std::optional<cpn::v1::Migration> migration(const std::string& id)
    {
        const auto snap = snapshot();
        for (const auto& m : snap.migrations())
            if (m.id() == id)
                return m;
        return std::nullopt;
    }

    // Submits a demo job and waits until both Slurm and the gateway see it running.
    QString runningJob(const QString& partition, const QString& name, int gpus, const QString& arch,
        const QString& comment = QStringLiteral("kind=training;data_gb=40"))
    {
        const QString id = m_lab.submit(partition, name, gpus, arch, comment);
        if (id.isEmpty())
            return {};
        if (!eventually([&] { return m_lab.jobWhere(id).endsWith(QLatin1String("RUNNING")); }, 20000))
            return {};
        if (!eventually([&] { return task(id) && task(id)->state() == cpn::v1::TASK_STATE_RUNNING; }, 10000))
            return {};
        return id;
    }

    std::string nextRequestId() { return "test-request-" + std::to_string(++m_requests); }

    // The job's restart count as Slurm keeps it (each requeue adds one).
    int restarts(const QString& jobId)
    {
        const auto out = m_lab.run(QStringLiteral("scontrol"), { QStringLiteral("show"), QStringLiteral("job"), jobId }).second;
        static const QRegularExpression restartsField(QStringLiteral("Restarts=(\\d+)"));
        const auto match = restartsField.match(out);
        return match.hasMatch() ? match.captured(1).toInt() : -1;
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_lab.start(8, &error), qPrintable(QStringLiteral("the Slurm lab did not start:\n") + error));
        QVERIFY(m_state.isValid());
        QVERIFY2(startGateway(), "cpn-slurm-gateway did not start on the lab");
    }

    void cleanup()
    {
        // Every test starts from an empty queue and usable nodes.
        m_lab.run(QStringLiteral("scancel"), { QStringLiteral("--user=root") });
        const auto drained = m_lab.run(QStringLiteral("sinfo"),
            { QStringLiteral("-h"), QStringLiteral("-t"), QStringLiteral("drain,drng"), QStringLiteral("-o"), QStringLiteral("%N") });
        if (!drained.second.isEmpty())
            m_lab.run(QStringLiteral("scontrol"),
                { QStringLiteral("update"), QStringLiteral("NodeName=") + drained.second, QStringLiteral("State=RESUME") });
        QTRY_VERIFY_WITH_TIMEOUT(
            m_lab.run(QStringLiteral("squeue"), { QStringLiteral("-h") }).second.isEmpty(), 30000);
        // Every node usable again, and the gateway has seen it: every site online.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto states = m_lab.run(QStringLiteral("sinfo"), { QStringLiteral("-h"), QStringLiteral("-N"),
                                                                           QStringLiteral("-o"), QStringLiteral("%t") });
                for (const auto& state : states.second.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                    if (state != QLatin1String("idle"))
                        return false;
                const auto snap = snapshot();
                for (const auto& site : snap.sites())
                    if (site.status() != cpn::v1::SITE_STATUS_ONLINE)
                        return false;
                return true;
            }(),
            60000);
    }

    void cleanupTestCase()
    {
        m_gateway.reset();
        m_lab.stop();
    }

    // Sites are the sites file's partitions with the nodes' cards; tasks are squeue's jobs.
    void servesWhatSlurmShows()
    {
        const QString a = runningJob(QStringLiteral("zhangjiakou"), QStringLiteral("llm-pretrain-1"), 4,
            QStringLiteral("nvidia"), QStringLiteral("kind=training;data_gb=120;tenant=bj-ai-lab"));
        const QString b = runningJob(QStringLiteral("guian"), QStringLiteral("chat-serve-1"), 2, QStringLiteral("ascend"),
            QStringLiteral("kind=inference"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        const QString queued = m_lab.submit(QStringLiteral("shaoguan"), QStringLiteral("render-held"), 4,
            QStringLiteral("dcu"), QStringLiteral("kind=rendering"), 600, { QStringLiteral("--hold") });
        QVERIFY(!queued.isEmpty());

        QFile sitesFile(m_lab.sitesFile());
        QVERIFY(sitesFile.open(QIODevice::ReadOnly));
        const auto sites = QJsonDocument::fromJson(sitesFile.readAll()).object().value(QLatin1String("sites")).toArray();
        QTRY_VERIFY_WITH_TIMEOUT(task(queued).has_value(), 10000);
        const auto s = snapshot();
        QCOMPARE(s.sites_size(), int(sites.size()));
        // Capacity from the nodes' GRES: 2 nodes of 8 cards per site in an 8-node lab.
        const auto sinfo = m_lab.run(QStringLiteral("sinfo"), { QStringLiteral("-h"), QStringLiteral("-N"),
                                                                   QStringLiteral("-o"), QStringLiteral("%P %G") });
        for (const auto& site : s.sites()) {
            int cards = 0;
            for (const auto& line : sinfo.second.split(QLatin1Char('\n')))
                if (line.section(QLatin1Char(' '), 0, 0).remove(QLatin1Char('*')) == QString::fromStdString(site.id()))
                    cards += line.section(QLatin1Char(':'), 2, 2).section(QLatin1Char('('), 0, 0).toInt();
            QVERIFY2(cards > 0, site.id().c_str());
            QCOMPARE(site.capacity_size(), 1);
            QCOMPARE(int(site.capacity(0).cards()), cards);
        }

        // Every job squeue lists, where and in the state squeue says.
        const auto squeue = m_lab.run(QStringLiteral("squeue"), { QStringLiteral("-h"), QStringLiteral("-o"),
                                                                     QStringLiteral("%i %P %T") });
        const auto served = tasks();
        QCOMPARE(int(served.size()), int(squeue.second.split(QLatin1Char('\n'), Qt::SkipEmptyParts).size()));
        for (const auto& line : squeue.second.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            const auto parts = line.split(QLatin1Char(' '));
            const auto t = task(parts[0]);
            QVERIFY2(t, qPrintable(line));
            QCOMPARE(QString::fromStdString(t->site_id()), parts[1]);
            QCOMPARE(t->state(),
                parts[2] == QLatin1String("PENDING") ? cpn::v1::TASK_STATE_QUEUED : cpn::v1::TASK_STATE_RUNNING);
        }
        const auto first = *task(a);
        QCOMPARE(first.name(), std::string("llm-pretrain-1"));
        QCOMPARE(first.kind(), cpn::v1::TASK_KIND_TRAINING);
        QCOMPARE(first.architecture(), cpn::v1::ARCHITECTURE_NVIDIA_GPU);
        QCOMPARE(int(first.cards()), 4);
        QCOMPARE(first.data_gb(), 120.0);
        QCOMPARE(first.tenant(), std::string("bj-ai-lab"));
        QCOMPARE(task(b)->kind(), cpn::v1::TASK_KIND_INFERENCE);
        QCOMPARE(task(b)->architecture(), cpn::v1::ARCHITECTURE_ASCEND);

        // Utilisation from allocation: 4 of Zhangjiakou's 16 cards.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto snap = snapshot();
                for (const auto& m : snap.site_metrics())
                    if (m.site_id() == "zhangjiakou")
                        return m.usage_size() == 1 && m.usage(0).cards_used() == 4 && m.running_tasks() == 1;
                return false;
            }(),
            5000);
    }

    // A job that leaves Slurm's queue is a TaskRemoved with Slurm's reason.
    void watchFollowsSlurm()
    {
        const QString id = runningJob(
            QStringLiteral("zhongwei"), QStringLiteral("etl-nightly"), 1, QStringLiteral("nvidia"), QStringLiteral("kind=batch"));
        QVERIFY(!id.isEmpty());
        WatchRecorder watch(m_channel, snapshot().revision());
        QCOMPARE(m_lab.run(QStringLiteral("scancel"), { id }).first, 0);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto& e : watch.events())
                    if (e.has_task_removed() && e.task_removed().task_id() == id.toStdString())
                        return e.task_removed().reason() == "cancelled" && e.task_removed().site_id() == "zhongwei";
                return false;
            }(),
            10000);
        const QString fresh = m_lab.submit(QStringLiteral("zhongwei"), QStringLiteral("etl-again"), 1,
            QStringLiteral("nvidia"), QStringLiteral("kind=batch"));
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const auto& e : watch.events())
                    if (e.has_task() && e.task().id() == fresh.toStdString())
                        return true;
                return false;
            }(),
            10000);
    }

    // Infeasible is an answer, with Slurm's reasons.
    void plansWithReasons()
    {
        const QString id = runningJob(QStringLiteral("zhangjiakou"), QStringLiteral("vision-train"), 4, QStringLiteral("nvidia"));
        QVERIFY(!id.isEmpty());
        auto plan = [&](const char* target) {
            grpc::ClientContext context;
            cpn::v1::PlanMigrationRequest request;
            request.set_task_id(id.toStdString());
            request.set_target_site_id(target);
            cpn::v1::MigrationPlan p;
            const auto status = m_dispatch->PlanMigration(&context, request, &p);
            return std::make_pair(status, p);
        };
        auto codes = [](const cpn::v1::MigrationPlan& p) {
            std::vector<int> c;
            for (const auto& v : p.violations())
                c.push_back(v.code());
            return c;
        };
        const auto [okStatus, good] = plan("zhongwei");
        QVERIFY(okStatus.ok());
        QVERIFY(good.feasible());
        QVERIFY(good.path_link_ids_size() >= 1);
        QVERIFY(good.transfer_seconds() > 0);
        QVERIFY(good.cost_delta_cny_per_hour() < 0); // Zhongwei's power is cheaper

        const auto [s2, wrongArch] = plan("guian");
        QVERIFY(!wrongArch.feasible());
        QCOMPARE(codes(wrongArch), std::vector<int> { cpn::v1::VIOLATION_CODE_ARCHITECTURE_MISMATCH });

        // Zhongwei full: INSUFFICIENT_CAPACITY, with when Slurm could start it.
        const QString filler = runningJob(QStringLiteral("zhongwei"), QStringLiteral("filler-1"), 8, QStringLiteral("nvidia"));
        const QString filler2 = runningJob(QStringLiteral("zhongwei"), QStringLiteral("filler-2"), 8, QStringLiteral("nvidia"));
        QVERIFY(!filler.isEmpty() && !filler2.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(codes(plan("zhongwei").second)
                == std::vector<int> { cpn::v1::VIOLATION_CODE_INSUFFICIENT_CAPACITY },
            5000);
        QVERIFY2(QString::fromStdString(plan("zhongwei").second.violations(0).message()).contains(QLatin1String("start")),
            plan("zhongwei").second.violations(0).message().c_str());

        // A partition set DOWN takes nothing.
        m_lab.run(QStringLiteral("scontrol"),
            { QStringLiteral("update"), QStringLiteral("PartitionName=zhongwei"), QStringLiteral("State=DOWN") });
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto c = codes(plan("zhongwei").second);
                return std::find(c.begin(), c.end(), cpn::v1::VIOLATION_CODE_TARGET_UNAVAILABLE) != c.end();
            }(),
            5000);
        m_lab.run(QStringLiteral("scontrol"),
            { QStringLiteral("update"), QStringLiteral("PartitionName=zhongwei"), QStringLiteral("State=UP") });

        QCOMPARE(plan("nowhere").first.error_code(), grpc::StatusCode::NOT_FOUND);
        grpc::ClientContext context;
        cpn::v1::PlanMigrationRequest unknown;
        unknown.set_task_id("999999");
        unknown.set_target_site_id("zhongwei");
        cpn::v1::MigrationPlan p;
        QCOMPARE(m_dispatch->PlanMigration(&context, unknown, &p).error_code(), grpc::StatusCode::NOT_FOUND);
    }

    // A running job moves to another partition through the migration states, and runs there.
    void migratesARunningJob()
    {
        const QString id = runningJob(QStringLiteral("zhangjiakou"), QStringLiteral("llm-finetune"), 2, QStringLiteral("nvidia"));
        QVERIFY(!id.isEmpty());
        WatchRecorder watch(m_channel, snapshot().revision());
        const std::string requestId = nextRequestId();
        cpn::v1::Migration started;
        const auto status = startMigration(id, "zhongwei", requestId, &started);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(started.source_site_id(), std::string("zhangjiakou"));
        QVERIFY(started.requested_by().size() > 0);
        m_firstMigration = started.id();
        QTRY_VERIFY_WITH_TIMEOUT(
            migration(started.id()) && migration(started.id())->state() == cpn::v1::MIGRATION_STATE_COMPLETED, 60000);
        QCOMPARE(m_lab.jobWhere(id), QStringLiteral("zhongwei RUNNING"));
        using S = cpn::v1::MigrationState;
        QCOMPARE(watch.statesOf(started.id()),
            (std::vector<S> { cpn::v1::MIGRATION_STATE_PLANNED, cpn::v1::MIGRATION_STATE_CHECKPOINTING,
                cpn::v1::MIGRATION_STATE_TRANSFERRING, cpn::v1::MIGRATION_STATE_RESTORING,
                cpn::v1::MIGRATION_STATE_COMPLETED }));
        // The batch script heard the checkpoint request before the requeue.
        QFile out(m_lab.path(QStringLiteral("jobs/%1.out").arg(id)));
        QVERIFY(out.open(QIODevice::ReadOnly));
        QVERIFY(out.readAll().contains("checkpoint job=" + id.toUtf8()));
        QTRY_VERIFY_WITH_TIMEOUT(task(id) && task(id)->site_id() == "zhongwei"
                && task(id)->state() == cpn::v1::TASK_STATE_RUNNING,
            5000);
        QCOMPARE(restarts(id), 1);

        // The same request again: the same migration, and the job is not moved twice.
        cpn::v1::Migration again;
        QVERIFY(startMigration(id, "zhongwei", requestId, &again).ok());
        QCOMPARE(again.id(), started.id());
        QTest::qWait(1500);
        QCOMPARE(restarts(id), 1);
    }

    // Cancelled before release: the job goes back to where it ran.
    void cancelPutsItBack()
    {
        const QString id = runningJob(QStringLiteral("zhangjiakou"), QStringLiteral("batch-cancel"), 1, QStringLiteral("nvidia"));
        QVERIFY(!id.isEmpty());
        cpn::v1::Migration started;
        QVERIFY(startMigration(id, "zhongwei", nextRequestId(), &started).ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            migration(started.id()) && migration(started.id())->state() == cpn::v1::MIGRATION_STATE_TRANSFERRING, 20000);
        grpc::ClientContext context;
        cpn::v1::CancelMigrationRequest request;
        request.set_migration_id(started.id());
        cpn::v1::Migration cancelled;
        const auto status = m_dispatch->CancelMigration(&context, request, &cancelled);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(cancelled.state(), cpn::v1::MIGRATION_STATE_CANCELLED);
        QTRY_COMPARE_WITH_TIMEOUT(m_lab.jobWhere(id), QStringLiteral("zhangjiakou RUNNING"), 20000);

        grpc::ClientContext again;
        cpn::v1::Migration twice;
        QCOMPARE(m_dispatch->CancelMigration(&again, request, &twice).error_code(), grpc::StatusCode::OK);
        QCOMPARE(twice.state(), cpn::v1::MIGRATION_STATE_CANCELLED);
    }

    // The target fills up while the job is on its way: it does not start there within the bound,
    // and goes back to where it ran.
    void rollsBackWhenTheTargetCannotStartIt()
    {
        const QString id = runningJob(QStringLiteral("zhangjiakou"), QStringLiteral("rollback-test"), 2, QStringLiteral("nvidia"));
        QVERIFY(!id.isEmpty());
        cpn::v1::Migration started;
        const auto status = startMigration(id, "zhongwei", nextRequestId(), &started);
        QVERIFY2(status.ok(), status.error_message().c_str());
        // Someone else takes every card of Zhongwei meanwhile.
        QVERIFY(!m_lab.submit(QStringLiteral("zhongwei"), QStringLiteral("squatter-1"), 8, QStringLiteral("nvidia"),
                              QStringLiteral("kind=batch"))
                     .isEmpty());
        QVERIFY(!m_lab.submit(QStringLiteral("zhongwei"), QStringLiteral("squatter-2"), 8, QStringLiteral("nvidia"),
                              QStringLiteral("kind=batch"))
                     .isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            migration(started.id()) && migration(started.id())->state() == cpn::v1::MIGRATION_STATE_ROLLED_BACK, 60000);
        QVERIFY2(migration(started.id())->failure_reason().find("did not start") != std::string::npos,
            migration(started.id())->failure_reason().c_str());
        QTRY_COMPARE_WITH_TIMEOUT(m_lab.jobWhere(id), QStringLiteral("zhangjiakou RUNNING"), 30000);
        // The failed move is an alarm.
        bool alarmed = false;
        const auto snap = snapshot();
        for (const auto& a : snap.alarms())
            alarmed = alarmed || (a.code() == "MIGRATION_FAILED" && a.source_id() == started.id());
        QVERIFY(alarmed);
    }

    // A drain drains the partition's nodes and moves their jobs, max_concurrent at a time.
    void drainsASite()
    {
        const QString a = runningJob(QStringLiteral("zhongwei"), QStringLiteral("drain-a"), 2, QStringLiteral("nvidia"));
        const QString b = runningJob(QStringLiteral("zhongwei"), QStringLiteral("drain-b"), 1, QStringLiteral("nvidia"));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        WatchRecorder watch(m_channel, snapshot().revision());
        grpc::ClientContext context;
        cpn::v1::DrainSiteRequest request;
        request.set_request_id(nextRequestId());
        request.set_site_id("zhongwei");
        request.set_max_concurrent(1);
        request.set_reason("maintenance test");
        cpn::v1::DrainSiteResponse response;
        const auto status = cpn::v1::drainSite(*m_dispatch, &context, request, &response);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QCOMPARE(response.migrations_size(), 2);
        QCOMPARE(response.unplaced_task_ids_size(), 0);
        for (const auto& m : response.migrations())
            QCOMPARE(m.target_site_id(), std::string("zhangjiakou"));
        // The nodes are drained in Slurm.
        const auto states = m_lab.run(QStringLiteral("sinfo"),
            { QStringLiteral("-h"), QStringLiteral("-p"), QStringLiteral("zhongwei"), QStringLiteral("-o"), QStringLiteral("%t") });
        QVERIFY2(states.second.contains(QLatin1String("drain")) || states.second.contains(QLatin1String("drng")),
            qPrintable(states.second));
        QTRY_VERIFY_WITH_TIMEOUT(m_lab.jobWhere(a) == QLatin1String("zhangjiakou RUNNING")
                && m_lab.jobWhere(b) == QLatin1String("zhangjiakou RUNNING"),
            90000);
        // Never both under way at once.
        int active = 0, most = 0;
        std::map<std::string, bool> busy;
        for (const auto& e : watch.events()) {
            if (!e.has_migration())
                continue;
            const auto st = e.migration().state();
            busy[e.migration().id()] = st >= cpn::v1::MIGRATION_STATE_CHECKPOINTING && st <= cpn::v1::MIGRATION_STATE_RESTORING;
            active = 0;
            for (const auto& [id, b] : busy)
                active += b;
            most = std::max(most, active);
        }
        QCOMPARE(most, 1);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto snap = snapshot();
                for (const auto& site : snap.sites())
                    if (site.id() == "zhongwei")
                        return site.status() == cpn::v1::SITE_STATUS_MAINTENANCE;
                return false;
            }(),
            5000);
    }

    // Killed with -9 mid-migration and started again: it finishes the move, exactly once.
    void survivesAKillMidMigration()
    {
        const QString id = runningJob(QStringLiteral("zhangjiakou"), QStringLiteral("kill-test"), 2, QStringLiteral("nvidia"));
        QVERIFY(!id.isEmpty());
        const std::string requestId = nextRequestId();
        cpn::v1::Migration started;
        const auto status = startMigration(id, "zhongwei", requestId, &started);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(
            migration(started.id()) && migration(started.id())->state() == cpn::v1::MIGRATION_STATE_TRANSFERRING, 20000);
        m_gateway->kill();
        QVERIFY(startGateway());
        QTRY_VERIFY_WITH_TIMEOUT(
            migration(started.id()) && migration(started.id())->state() == cpn::v1::MIGRATION_STATE_COMPLETED, 60000);
        QCOMPARE(m_lab.jobWhere(id), QStringLiteral("zhongwei RUNNING"));
        QCOMPARE(restarts(id), 1);
        cpn::v1::Migration again;
        QVERIFY(startMigration(id, "zhongwei", requestId, &again).ok());
        QCOMPARE(again.id(), started.id());
        QCOMPARE(again.state(), cpn::v1::MIGRATION_STATE_COMPLETED);
        QTest::qWait(1000);
        QCOMPARE(restarts(id), 1);
    }

    // slurmctld away: NOT_SERVING, an alarm, the last state kept, commands UNAVAILABLE; back by itself.
    void ridesOutTheControllerGoingAway()
    {
        const QString id = runningJob(QStringLiteral("guian"), QStringLiteral("ctld-test"), 1, QStringLiteral("ascend"));
        QVERIFY(!id.isEmpty());
        const auto health = [&] {
            // grpc.health.v1.HealthCheckRequest{} -> HealthCheckResponse{status = 1 SERVING, 2 NOT_SERVING}
            const auto reply = cpn::testing::rawCall(m_channel, "/grpc.health.v1.Health/Check", "");
            return reply && reply->size() == 2 ? int((*reply)[1]) : -1;
        };
        QCOMPARE(health(), 1);
        const int tasksBefore = int(tasks().size());
        QVERIFY(m_lab.stopController());
        QTRY_COMPARE_WITH_TIMEOUT(health(), 2, 30000);
        bool alarmed = false;
        const auto snap = snapshot();
        for (const auto& a : snap.alarms())
            alarmed = alarmed || (a.code() == "SCHEDULER_UNREACHABLE" && a.cleared_time_ms() == 0);
        QVERIFY(alarmed);
        QCOMPARE(int(tasks().size()), tasksBefore); // the last state, kept
        cpn::v1::Migration m;
        const auto refused = startMigration(id, "zhangjiakou", nextRequestId(), &m);
        QCOMPARE(refused.error_code(), grpc::StatusCode::UNAVAILABLE);

        QVERIFY(m_lab.startController());
        QTRY_COMPARE_WITH_TIMEOUT(health(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const auto snap = snapshot();
                for (const auto& a : snap.alarms())
                    if (a.code() == "SCHEDULER_UNREACHABLE" && a.cleared_time_ms() == 0)
                        return false;
                return true;
            }(),
            10000);
        QTRY_VERIFY_WITH_TIMEOUT(task(id) && task(id)->state() == cpn::v1::TASK_STATE_RUNNING, 10000);
    }

    // Replay from the state store's samples: GetMetricsAt answers the newest sample at or before
    // the moment, as QueryHistory has it, with every site and link and their statuses; outside
    // the samples OUT_OF_RANGE with the kept span; GetTimeline has the migrations of the earlier
    // tests (also those from before the restart in survivesAKillMidMigration) and the
    // controller's outage of the test before, not outside their times.
    void replaysMetricsAndTimeline()
    {
        auto context = [] {
            auto c = std::make_unique<grpc::ClientContext>();
            c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
            return c;
        };
        auto timeline = [&](std::int64_t from, std::int64_t to, cpn::v1::Timeline* answer) {
            cpn::v1::GetTimelineRequest request;
            request.set_from_ms(from);
            request.set_to_ms(to);
            return m_stateStub->GetTimeline(context().get(), request, answer);
        };
        struct Replay {
            grpc::Status status;
            cpn::v1::MetricsBatch joined;
            std::int64_t sampleMs = -1;
            std::string keptFrom;
        };
        auto metricsAt = [&](std::int64_t t) {
            Replay replay;
            auto c = context();
            cpn::v1::GetMetricsAtRequest request;
            request.set_time_ms(t);
            auto reader = m_stateStub->GetMetricsAt(c.get(), request);
            cpn::v1::MetricsBatch part;
            while (reader->Read(&part)) {
                replay.sampleMs = part.sample_time_ms();
                replay.joined.mutable_sites()->MergeFrom(part.sites());
                replay.joined.mutable_links()->MergeFrom(part.links());
            }
            replay.status = reader->Finish();
            const auto& trailers = c->GetServerTrailingMetadata();
            if (const auto it = trailers.find("cpn-kept-from-ms"); it != trailers.end())
                replay.keptFrom = std::string(it->second.data(), it->second.size());
            return replay;
        };
        auto history = [&](const std::string& entity, const char* metric, std::int64_t t) {
            cpn::v1::QueryHistoryRequest request;
            request.set_entity_id(entity);
            request.set_metric(metric);
            request.set_from_ms(t);
            request.set_to_ms(t);
            cpn::v1::QueryHistoryResponse response;
            const auto status = m_stateStub->QueryHistory(context().get(), request, &response);
            return status.ok() && response.points_size() == 1 ? response.points(0).value() : -1.0;
        };

        const auto now
            = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                  .count();
        cpn::v1::Timeline all;
        QVERIFY(timeline(0, now, &all).ok());
        QVERIFY(all.kept_from_ms() > 0 && all.kept_from_ms() < all.kept_to_ms());
        QVERIFY(all.kept_to_ms() <= now);
        QCOMPARE(all.kept_to_ms() % 60000, std::int64_t(0));
        QCOMPARE(all.fine_step_ms(), std::int64_t(60000));
        QCOMPARE(all.coarse_step_ms(), std::int64_t(15 * 60000));

        const auto snap = snapshot();
        QCOMPARE(metricsAt(all.kept_to_ms()).sampleMs, all.kept_to_ms());
        // Just before the newest sample: the one before it, whatever gap the tests before left
        // (the gateway down, Slurm away), as QueryHistory has it.
        const std::int64_t asked = std::max(all.kept_from_ms(), all.kept_to_ms() - 1);
        cpn::v1::QueryHistoryRequest earlier;
        earlier.set_entity_id(snap.sites(0).id());
        earlier.set_metric("utilisation");
        earlier.set_from_ms(all.kept_from_ms());
        earlier.set_to_ms(asked);
        cpn::v1::QueryHistoryResponse samples;
        QVERIFY(m_stateStub->QueryHistory(context().get(), earlier, &samples).ok());
        QVERIFY(samples.points_size() > 0);
        const auto replay = metricsAt(asked);
        QVERIFY2(replay.status.ok(), replay.status.error_message().c_str());
        QCOMPARE(replay.sampleMs, samples.points(samples.points_size() - 1).time_ms());
        QCOMPARE(replay.joined.sites_size(), snap.sites_size());
        QCOMPARE(replay.joined.links_size(), snap.links_size());
        for (int i = 0; i < snap.sites_size(); ++i) {
            const auto& m = replay.joined.sites(i);
            QCOMPARE(m.site_id(), snap.sites(i).id());
            QCOMPARE(m.sample_time_ms(), replay.sampleMs);
            QVERIFY(m.status() != cpn::v1::SITE_STATUS_UNSPECIFIED);
            QVERIFY(std::fabs(m.utilisation() - history(m.site_id(), "utilisation", replay.sampleMs)) < 1e-9);
            QVERIFY(std::fabs(m.power_mw() - history(m.site_id(), "power_mw", replay.sampleMs)) < 1e-9);
            for (const auto& use : m.usage())
                QVERIFY(use.architecture() != cpn::v1::ARCHITECTURE_UNSPECIFIED && use.utilisation() >= 0);
        }
        for (int i = 0; i < snap.links_size(); ++i) {
            const auto& m = replay.joined.links(i);
            QCOMPARE(m.link_id(), snap.links(i).id());
            QCOMPARE(m.status(), snap.links(i).status());
            QVERIFY(std::fabs(m.latency_ms() - history(m.link_id(), "latency_ms", replay.sampleMs)) < 1e-9);
            QVERIFY(std::fabs(m.utilisation() - history(m.link_id(), "utilisation", replay.sampleMs)) < 1e-9);
        }
        for (const std::int64_t outside : { all.kept_from_ms() - 1, now + 3600000 }) {
            const auto refused = metricsAt(outside);
            QCOMPARE(refused.status.error_code(), grpc::StatusCode::OUT_OF_RANGE);
            QCOMPARE(refused.keptFrom, std::to_string(all.kept_from_ms()));
        }

        // The migrations of the earlier tests, the first from before the gateway's restart.
        QVERIFY(!m_firstMigration.empty());
        QVERIFY(std::any_of(all.migrations().begin(), all.migrations().end(),
            [&](auto& m) { return m.id() == m_firstMigration && m.state() == cpn::v1::MIGRATION_STATE_COMPLETED; }));
        QVERIFY(all.migrations_size() >= 4);
        const cpn::v1::Alarm* outage = nullptr;
        for (const auto& a : all.alarms())
            if (a.code() == "SCHEDULER_UNREACHABLE")
                outage = &a;
        QVERIFY(outage);
        QVERIFY(outage->cleared_time_ms() >= outage->raised_time_ms());
        cpn::v1::Timeline during;
        QVERIFY(timeline(outage->raised_time_ms(), outage->raised_time_ms(), &during).ok());
        QVERIFY(std::any_of(
            during.alarms().begin(), during.alarms().end(), [&](auto& a) { return a.id() == outage->id(); }));
        cpn::v1::Timeline after;
        QVERIFY(timeline(outage->cleared_time_ms() + 1, now, &after).ok());
        QVERIFY(std::none_of(
            after.alarms().begin(), after.alarms().end(), [&](auto& a) { return a.id() == outage->id(); }));
        QCOMPARE(timeline(now, now - 1, &after).error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    }

    // A capacity report over the samples the earlier tests left: every partition's site with the
    // energy it drew, carbon at its province's grid factor, the present's racks and storage from
    // the sites file; the sites say how their capacity is reported.
    void reportsCapacity()
    {
        QFile sitesFile(m_lab.sitesFile());
        QVERIFY(sitesFile.open(QIODevice::ReadOnly));
        const auto entries = QJsonDocument::fromJson(sitesFile.readAll()).object().value(QLatin1String("sites")).toArray();
        std::map<std::string, QJsonObject> file;
        for (const auto& entry : entries)
            file[entry.toObject().value(QLatin1String("id")).toString().toStdString()] = entry.toObject();
        const auto snap = snapshot();
        for (const auto& site : snap.sites()) {
            const auto& entry = file[site.id()];
            QCOMPARE(double(site.racks_built()), entry.value(QLatin1String("racks_built")).toDouble());
            QVERIFY(site.racks_built() > 0 && site.storage_pb() > 0);
            for (const auto& c : site.capacity()) {
                QCOMPARE(c.compute_class(), c.architecture() == cpn::v1::ARCHITECTURE_CPU
                        ? cpn::v1::COMPUTE_CLASS_GENERAL
                        : cpn::v1::COMPUTE_CLASS_INTELLIGENT);
                QVERIFY(c.inference_pflops() > 0 && c.inference_pflops() < c.pflops());
            }
        }
        for (const auto& m : snap.site_metrics())
            QCOMPARE(double(m.racks_in_use()), file[m.site_id()].value(QLatin1String("racks_in_use")).toDouble());

        const auto now
            = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                  .count();
        auto c = std::make_unique<grpc::ClientContext>();
        c->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
        cpn::v1::GetCapacityReportRequest request;
        request.set_from_ms(now - 24 * 3600000LL);
        request.set_to_ms(now);
        request.set_series_points(10);
        auto reader = m_stateStub->GetCapacityReport(c.get(), request);
        cpn::v1::CapacityReport whole, part;
        int parts = 0;
        while (reader->Read(&part)) {
            if (parts++ == 0)
                whole = part;
            else
                whole.MergeFrom(part);
            part.Clear();
        }
        const auto status = reader->Finish();
        QVERIFY2(status.ok(), status.error_message().c_str());
        QVERIFY(whole.samples() > 0);
        QVERIFY(whole.covered_from_ms() >= request.from_ms() && whole.covered_to_ms() <= now);
        QCOMPARE(whole.sites_size(), snap.sites_size());
        const std::map<std::string, double> factors { { "HE", 0.7252 }, { "NX", 0.5857 }, { "GZ", 0.3869 },
            { "GD", 0.3869 }, { "NM", 0.6849 }, { "GS", 0.5857 }, { "AH", 0.6782 }, { "CQ", 0.2268 } };
        for (int i = 0; i < snap.sites_size(); ++i) {
            const auto& site = whole.sites(i);
            QCOMPARE(site.site_id(), snap.sites(i).id());
            QVERIFY2(site.energy_mwh() > 0, site.site_id().c_str());
            QVERIFY(site.cost_cny() > 0);
            QCOMPARE(site.grid_factor_kg_per_kwh(), factors.at(snap.sites(i).province()));
            const double expectedCarbon = site.energy_mwh() * (1 - site.green_share()) * site.grid_factor_kg_per_kwh();
            QVERIFY(std::fabs(site.carbon_t() - expectedCarbon) <= 1e-6 * std::max(1.0, expectedCarbon));
            QCOMPARE(site.pue(), file[site.site_id()].value(QLatin1String("pue")).toDouble());
            QVERIFY(site.peak_utilisation() >= site.mean_utilisation());
            QCOMPARE(double(site.racks_in_use()), file[site.site_id()].value(QLatin1String("racks_in_use")).toDouble());
        }
        QCOMPARE(whole.regions_size(), snap.regions_size());
        for (const auto& series : whole.regions()) {
            QVERIFY(series.installed_pflops() > 0);
            QVERIFY(series.used_pflops_size() > 0 && series.used_pflops_size() <= 10);
        }

        // Before anything kept: OUT_OF_RANGE; a reversed span: INVALID_ARGUMENT.
        auto refused = [&](std::int64_t from, std::int64_t to) {
            grpc::ClientContext context;
            cpn::v1::GetCapacityReportRequest r;
            r.set_from_ms(from);
            r.set_to_ms(to);
            auto stream = m_stateStub->GetCapacityReport(&context, r);
            cpn::v1::CapacityReport ignored;
            while (stream->Read(&ignored)) { }
            return stream->Finish().error_code();
        };
        QCOMPARE(refused(1000, 2000), grpc::StatusCode::OUT_OF_RANGE);
        QCOMPARE(refused(now, now - 1), grpc::StatusCode::INVALID_ARGUMENT);
    }

    // The gateway serves mutual TLS like the mock: a client with the CA and its certificate gets
    // in, one without a certificate does not.
    void servesMutualTls()
    {
        QTemporaryDir certs;
        QProcess make;
        make.start(QStringLiteral("bash"), { QStringLiteral(CPN_SOURCE_DIR "/tools/make-test-certs.sh"), certs.path() });
        QVERIFY(make.waitForFinished(60000) && make.exitCode() == 0);
        auto pem = [&](const char* name) {
            QFile file(certs.filePath(QString::fromLatin1(name)));
            return file.open(QIODevice::ReadOnly) ? file.readAll().toStdString() : std::string();
        };
        QTemporaryDir state;
        ServerProcess gateway(QStringLiteral(CPN_SLURM_GATEWAY_PATH));
        QVERIFY(gateway.start(0,
                    { QStringLiteral("--slurm-conf"), m_lab.slurmConf(), QStringLiteral("--sites"), m_lab.sitesFile(),
                        QStringLiteral("--state-dir"), state.path(), QStringLiteral("--tls-cert"),
                        certs.filePath(QStringLiteral("server.pem")), QStringLiteral("--tls-key"),
                        certs.filePath(QStringLiteral("server.key")), QStringLiteral("--tls-client-ca"),
                        certs.filePath(QStringLiteral("ca.pem")) })
            > 0);
        auto snapshotOver = [&](bool withClientCertificate) {
            grpc::SslCredentialsOptions ssl;
            ssl.pem_root_certs = pem("ca.pem");
            if (withClientCertificate) {
                ssl.pem_cert_chain = pem("client.pem");
                ssl.pem_private_key = pem("client.key");
            }
            const auto channel = grpc::CreateChannel(
                QStringLiteral("localhost:%1").arg(gateway.port()).toStdString(), grpc::SslCredentials(ssl));
            grpc::ClientContext context;
            context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
            cpn::v1::Snapshot s;
            const auto status = cpn::v1::readSnapshot(*cpn::v1::StateService::NewStub(channel), &context, &s);
            return status.ok() ? s.sites_size() : -int(status.error_code());
        };
        QCOMPARE(snapshotOver(true), 4);
        QCOMPARE(snapshotOver(false), -int(grpc::StatusCode::UNAVAILABLE));
    }

    // A sites file at fault stops the gateway at start, naming the entry (exit 2).
    void refusesABadSitesFile()
    {
        QFile file(m_lab.sitesFile());
        QVERIFY(file.open(QIODevice::ReadOnly));
        auto top = QJsonDocument::fromJson(file.readAll()).object();
        QTemporaryDir dir;
        auto tryFile = [&](const QByteArray& content) {
            const QString path = dir.filePath(QStringLiteral("sites.json"));
            QFile out(path);
            out.open(QIODevice::WriteOnly | QIODevice::Truncate);
            out.write(content);
            out.close();
            QProcess p;
            p.start(QStringLiteral(CPN_SLURM_GATEWAY_PATH),
                { QStringLiteral("--slurm-conf"), m_lab.slurmConf(), QStringLiteral("--sites"), path,
                    QStringLiteral("--state-dir"), dir.filePath(QStringLiteral("state")), QStringLiteral("--listen"),
                    QStringLiteral("127.0.0.1:0") });
            p.waitForFinished(30000);
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardError()));
        };
        const auto [malformedCode, malformed] = tryFile("{\"sites\": [");
        QCOMPARE(malformedCode, 2);
        QVERIFY2(malformed.contains(QLatin1String("not JSON")), qPrintable(malformed));

        auto sites = top.value(QLatin1String("sites")).toArray();
        auto first = sites[0].toObject();
        first.insert(QStringLiteral("partition"), QStringLiteral("atlantis"));
        sites[0] = first;
        auto unknownPartition = top;
        unknownPartition.insert(QStringLiteral("sites"), sites);
        const auto [partitionCode, partition] = tryFile(QJsonDocument(unknownPartition).toJson());
        QCOMPARE(partitionCode, 2);
        QVERIFY2(partition.contains(QLatin1String("atlantis")) && partition.contains(first.value(QLatin1String("id")).toString()),
            qPrintable(partition));

        auto links = top.value(QLatin1String("links")).toArray();
        auto link = links[0].toObject();
        link.insert(QStringLiteral("site_b_id"), QStringLiteral("nowhere"));
        links[0] = link;
        auto unknownSite = top;
        unknownSite.insert(QStringLiteral("links"), links);
        const auto [linkCode, linkError] = tryFile(QJsonDocument(unknownSite).toJson());
        QCOMPARE(linkCode, 2);
        QVERIFY2(linkError.contains(QLatin1String("links[0]")) && linkError.contains(QLatin1String("nowhere")),
            qPrintable(linkError));

        auto badClass = top;
        auto classed = top.value(QLatin1String("sites")).toArray();
        auto second = classed[1].toObject();
        second.insert(QStringLiteral("compute_class"), QStringLiteral("quantum"));
        classed[1] = second;
        badClass.insert(QStringLiteral("sites"), classed);
        const auto [classCode, classError] = tryFile(QJsonDocument(badClass).toJson());
        QCOMPARE(classCode, 2);
        QVERIFY2(classError.contains(QLatin1String("sites[1]")) && classError.contains(QLatin1String("quantum")),
            qPrintable(classError));
    }
};

QTEST_GUILESS_MAIN(TestSlurmGateway)
#include "tst_slurmgateway.moc"
