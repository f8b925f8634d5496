// The mock scheduler's DispatchService over gRPC on a loopback port: infeasible starts carry
// their plan, idempotency by request id (sequential and 20 concurrent callers with one key),
// cancel, drain, alarm acknowledgement, and roles: viewers read but never dispatch.

#include "partsreader.h"
#include "mocktesthelpers.h"

#include <QTest>

#include <future>
#include <set>

using namespace cpn;
using namespace cpn::testing;
using cpn::mock::MockServer;
using cpn::mock::MockServerOptions;

class TestMockDispatch : public QObject {
    Q_OBJECT

private slots:
    void infeasibleStartCarriesItsPlan()
    {
        MockServer server(manualOptions());
        QVERIFY(server.start());
        Client client(server.address());
        const auto snapshot = client.snapshot();
        const auto tasks = client.allTasks();
        // A task and a target without its architecture.
        std::string task;
        std::string target;
        for (const auto& t : tasks) {
            for (const auto& site : snapshot.sites()) {
                bool has = false;
                for (const auto& c : site.capacity())
                    has = has || c.architecture() == t.architecture();
                if (!has) {
                    task = t.id();
                    target = site.id();
                    break;
                }
            }
            if (!target.empty())
                break;
        }
        QVERIFY(!target.empty());
        v1::MigrationPlan plan;
        QCOMPARE(codeName(client.plan(task, target, &plan)), QStringLiteral("OK")); // an answer
        QVERIFY(!plan.feasible() && plan.violations_size() > 0);
        v1::Migration migration;
        std::string details;
        const auto status = client.start("k-mismatch", task, target, &migration, &details);
        QCOMPARE(codeName(status), QStringLiteral("FAILED_PRECONDITION"));
        v1::MigrationPlan attached;
        QVERIFY(attached.ParseFromString(details));
        QCOMPARE(attached.violations(0).code(), v1::VIOLATION_CODE_ARCHITECTURE_MISMATCH);
        QVERIFY(!attached.violations(0).message().empty());
    }

    void oneKeyStartsOneMigration()
    {
        MockServer server(manualOptions(6));
        QVERIFY(server.start());
        Client client(server.address());
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(*server.simulation(), { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH }, &task, &target));

        // Twenty callers at once with one key: one migration, the same answer to all.
        std::vector<std::future<std::pair<grpc::Status, std::string>>> calls;
        for (int i = 0; i < 20; ++i)
            calls.push_back(std::async(std::launch::async, [&] {
                v1::Migration migration;
                const auto status = client.start("k-concurrent", task.id(), target, &migration);
                return std::make_pair(status, migration.id());
            }));
        std::set<std::string> ids;
        for (auto& call : calls) {
            const auto [status, id] = call.get();
            QCOMPARE(codeName(status), QStringLiteral("OK"));
            ids.insert(id);
        }
        QCOMPARE(ids.size(), std::size_t(1));
        int ofTask = 0;
        const auto snapshot = client.snapshot();
        for (const auto& m : snapshot.migrations())
            ofTask += m.task_id() == task.id();
        QCOMPARE(ofTask, 1);

        // Later, and after it finished: the same key still answers the same migration.
        runToEnd(*server.simulation(), *ids.begin());
        v1::Migration again;
        QVERIFY(client.start("k-concurrent", task.id(), target, &again).ok());
        QCOMPARE(again.id(), *ids.begin());
        QCOMPARE(again.state(), v1::MIGRATION_STATE_COMPLETED);
        // The key belongs to that move: reusing it for another is a malformed request.
        QCOMPARE(codeName(client.start("k-concurrent", task.id(), task.site_id(), &again)),
            QStringLiteral("INVALID_ARGUMENT"));
        // A finished migration cannot be cancelled.
        QCOMPARE(codeName(client.cancel(*ids.begin(), &again)), QStringLiteral("FAILED_PRECONDITION"));
    }

    void cancelOverGrpcIsSafeToRepeat()
    {
        MockServer server(manualOptions(9));
        QVERIFY(server.start());
        Client client(server.address());
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(*server.simulation(), { v1::TASK_KIND_TRAINING }, &task, &target));
        v1::Migration migration;
        QVERIFY(client.start("k-cancel", task.id(), target, &migration).ok());
        server.simulation()->tick(5);
        v1::Migration cancelled;
        QCOMPARE(codeName(client.cancel(migration.id(), &cancelled, "c-key")), QStringLiteral("OK"));
        QCOMPARE(cancelled.state(), v1::MIGRATION_STATE_CANCELLED);
        QCOMPARE(codeName(client.cancel(migration.id(), &cancelled, "c-key")), QStringLiteral("OK"));
        QCOMPARE(codeName(client.cancel(migration.id(), &cancelled)), QStringLiteral("FAILED_PRECONDITION"));
        QCOMPARE(server.simulation()->findTask(task.id())->site_id(), task.site_id());
    }

    void drainIsIdempotentByKey()
    {
        MockServer server(manualOptions());
        QVERIFY(server.start());
        Client client(server.address());
        std::string edge;
        const auto before = client.snapshot();
        for (const auto& site : before.site_metrics())
            if (site.site_id().rfind("edge-", 0) == 0 && site.running_tasks() >= 2) {
                edge = site.site_id();
                break;
            }
        QVERIFY(!edge.empty());
        v1::DrainSiteRequest request;
        request.set_request_id("d-edge");
        request.set_site_id(edge);
        request.set_max_concurrent(2);
        v1::DrainSiteResponse first;
        QCOMPARE(codeName(client.drain(request, &first)), QStringLiteral("OK"));
        QCOMPARE(first.site_id(), edge);
        QVERIFY(first.migrations_size() + first.unplaced_task_ids_size() >= 2);
        QVERIFY(first.migrations_size() > 0);
        int active = 0;
        for (const auto& m : first.migrations()) {
            QCOMPARE(m.drain_request_id(), std::string("d-edge"));
            QCOMPARE(m.source_site_id(), edge);
            active += m.state() != v1::MIGRATION_STATE_PLANNED;
        }
        QVERIFY(active <= 2);
        v1::DrainSiteResponse again;
        QVERIFY(client.drain(request, &again).ok());
        QCOMPARE(again.migrations_size(), first.migrations_size());
        for (int i = 0; i < first.migrations_size(); ++i)
            QCOMPARE(again.migrations(i).id(), first.migrations(i).id());
        int migrations = 0;
        const auto during = client.snapshot();
        for (const auto& m : during.migrations())
            migrations += m.drain_request_id() == "d-edge";
        QCOMPARE(migrations, first.migrations_size());
        // The same key for another site is a malformed request.
        request.set_site_id("hub-gz");
        QCOMPARE(codeName(client.drain(request, &again)), QStringLiteral("INVALID_ARGUMENT"));
    }

    void alarmsCanBeAcknowledged()
    {
        MockServer server(manualOptions());
        QVERIFY(server.start());
        Client client(server.address());
        auto snapshot = client.snapshot();
        for (int i = 0; i < 60 && snapshot.alarms_size() == 0; ++i) {
            server.simulation()->tick(600);
            snapshot = client.snapshot();
        }
        QVERIFY(snapshot.alarms_size() > 0);
        const auto& alarm = snapshot.alarms(0);
        QVERIFY(alarm.severity() == v1::ALARM_SEVERITY_WARNING || alarm.severity() == v1::ALARM_SEVERITY_MAJOR);
        v1::AcknowledgeAlarmRequest request;
        request.set_alarm_id(alarm.id());
        request.set_note("looking into it");
        v1::Alarm acknowledged;
        QVERIFY(client.dispatch->AcknowledgeAlarm(client.context().get(), request, &acknowledged).ok());
        QVERIFY(acknowledged.acknowledged());
        QCOMPARE(acknowledged.acknowledge_note(), std::string("looking into it"));
        QCOMPARE(acknowledged.acknowledged_by(), std::string("operator"));
        QCOMPARE(acknowledged.acknowledged_time_ms(), snapshot.sim_time_ms());
        const auto events = eventsAfter(*server.simulation(), snapshot.revision());
        QVERIFY(!events.empty() && events.back()->has_alarm() && events.back()->alarm().acknowledged());
    }

    void viewersReadButNeverDispatch()
    {
        MockServerOptions options = manualOptions();
        options.serving.tokens = { { server::Role::Viewer, "view-secret" }, { server::Role::Operator, "op-secret" } };
        MockServer server(options);
        QVERIFY(server.start());
        v1::Snapshot snapshot;
        Client anonymous(server.address());
        QCOMPARE(codeName(v1::readSnapshot(*anonymous.state, anonymous.context().get(), &snapshot)),
            QStringLiteral("UNAUTHENTICATED"));
        Client wrong(server.address(), "guess");
        QCOMPARE(codeName(v1::readSnapshot(*wrong.state, wrong.context().get(), &snapshot)),
            QStringLiteral("UNAUTHENTICATED"));

        // The snapshot tells each caller its role, so that a console can disable what it may not do.
        Client viewer(server.address(), "view-secret");
        QCOMPARE(codeName(v1::readSnapshot(*viewer.state, viewer.context().get(), &snapshot)), QStringLiteral("OK"));
        QCOMPARE(snapshot.caller_role(), std::string("viewer"));
        Client op(server.address(), "op-secret");
        QCOMPARE(codeName(v1::readSnapshot(*op.state, op.context().get(), &snapshot)), QStringLiteral("OK"));
        QCOMPARE(snapshot.caller_role(), std::string("operator"));

        // Every DispatchService call: viewers are denied, a bad token is unauthenticated, and an
        // operator gets past authorisation (NOT_FOUND for the made-up ids).
        const std::string task = op.allTasks().front().id();
        auto each = [&](const Client& c) {
            std::vector<grpc::Status> statuses;
            v1::MigrationPlan plan;
            statuses.push_back(c.plan(task, "no-such-site", &plan));
            v1::Migration migration;
            statuses.push_back(c.start("k-role", task, "no-such-site", &migration));
            statuses.push_back(c.cancel("mig-999999", &migration));
            v1::DrainSiteRequest drain;
            drain.set_request_id("d-role");
            drain.set_site_id("no-such-site");
            v1::DrainSiteResponse drained;
            statuses.push_back(c.drain(drain, &drained));
            v1::AcknowledgeAlarmRequest ack;
            ack.set_alarm_id("al-999999");
            v1::Alarm alarm;
            statuses.push_back(c.dispatch->AcknowledgeAlarm(c.context().get(), ack, &alarm));
            return statuses;
        };
        for (const auto& status : each(viewer))
            QCOMPARE(codeName(status), QStringLiteral("PERMISSION_DENIED"));
        for (const auto& status : each(wrong))
            QCOMPARE(codeName(status), QStringLiteral("UNAUTHENTICATED"));
        for (const auto& status : each(op))
            QCOMPARE(codeName(status), QStringLiteral("NOT_FOUND"));

        // With no token configured (loopback only) everyone is an operator.
        MockServer open(manualOptions());
        QVERIFY(open.start());
        Client anyone(open.address());
        QCOMPARE(anyone.snapshot().caller_role(), std::string("operator"));
    }
};

QTEST_GUILESS_MAIN(TestMockDispatch)
#include "tst_mockdispatch.moc"
