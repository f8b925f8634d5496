// The mock scheduler's StateService and server over gRPC on a loopback port: task pages, status
// codes of malformed requests, history, Watch (replay, follow, refuse, stop), the loopback rule,
// and the stand-alone executable. DispatchService over gRPC: tst_mockdispatch.

#include "mocktesthelpers.h"
#include "rawgrpccall.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <future>
#include <set>
#include <thread>
#include <utility>

using namespace cpn;
using namespace cpn::testing;
using cpn::mock::MockServer;
using cpn::mock::MockServerOptions;
using cpn::mock::Simulation;
using cpn::mock::SimulationOptions;

class TestMockService : public QObject {
    Q_OBJECT

private slots:
    void taskPagesVisitEveryTaskOnce()
    {
        MockServer server(manualOptions());
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        Client client(server.address());
        std::set<std::string> before;
        for (const auto& task : client.allTasks())
            before.insert(task.id());
        QCOMPARE(before.size(), std::size_t(client.snapshot().task_count()));

        // Page slowly while the network changes under the pages.
        std::vector<std::string> visited;
        v1::ListTasksRequest request;
        request.set_page_size(997);
        std::uint64_t total = 0;
        do {
            v1::ListTasksResponse response;
            QCOMPARE(codeName(client.listTasks(request, &response)), QStringLiteral("OK"));
            QVERIFY(response.tasks_size() <= 997);
            QVERIFY(response.revision() > 0);
            total = response.total_count();
            for (const auto& task : response.tasks())
                visited.push_back(task.id());
            request.set_page_token(response.next_page_token());
            server.simulation()->tick(120);
        } while (!request.page_token().empty());
        QVERIFY(total > 0);
        QVERIFY(std::is_sorted(visited.begin(), visited.end()));
        const std::set<std::string> unique(visited.begin(), visited.end());
        QCOMPARE(unique.size(), visited.size()); // nothing twice
        std::set<std::string> after;
        for (const auto& task : client.allTasks())
            after.insert(task.id());
        QVERIFY(after != before); // tasks did come and go
        std::size_t throughout = 0;
        for (const auto& id : before) {
            if (after.count(id)) {
                QVERIFY2(unique.count(id), id.c_str()); // present throughout: seen
                ++throughout;
            }
        }
        QVERIFY2(throughout > before.size() / 2, qPrintable(QString::number(throughout)));

        // Filters: by site and by a case-insensitive substring.
        const auto some = client.allTasks().at(100);
        v1::ListTasksRequest bySite;
        bySite.set_site_id(some.site_id());
        v1::ListTasksResponse onSite;
        QVERIFY(client.listTasks(bySite, &onSite).ok());
        QVERIFY(onSite.total_count() >= 1);
        QCOMPARE(std::uint64_t(onSite.tasks_size()), std::uint64_t(onSite.total_count()));
        for (const auto& task : onSite.tasks())
            QCOMPARE(task.site_id(), some.site_id());
        v1::ListTasksRequest byTenant;
        byTenant.set_filter(QString::fromStdString(some.tenant()).toUpper().toStdString());
        v1::ListTasksResponse ofTenant;
        QVERIFY(client.listTasks(byTenant, &ofTenant).ok());
        QVERIFY(ofTenant.total_count() >= 1);
        v1::ListTasksRequest byId;
        byId.set_filter(some.id());
        v1::ListTasksResponse one;
        QVERIFY(client.listTasks(byId, &one).ok());
        QCOMPARE(one.tasks_size(), 1);
        QCOMPARE(one.tasks(0).id(), some.id());
        QVERIFY(one.next_page_token().empty());
    }

    void malformedRequestsAnswerWithStatusCodes_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<QString>("code");
        QTest::newRow("list: negative page size") << "list-negative"
                                                  << "INVALID_ARGUMENT";
        QTest::newRow("list: malformed token") << "list-token"
                                               << "INVALID_ARGUMENT";
        QTest::newRow("list: unknown site") << "list-site"
                                            << "NOT_FOUND";
        QTest::newRow("list: huge page is capped") << "list-huge"
                                                   << "OK";
        QTest::newRow("history: unknown entity") << "history-entity"
                                                 << "NOT_FOUND";
        QTest::newRow("history: to before from") << "history-range"
                                                 << "INVALID_ARGUMENT";
        QTest::newRow("history: negative step") << "history-step"
                                                << "INVALID_ARGUMENT";
        QTest::newRow("history: unknown metric") << "history-metric"
                                                 << "INVALID_ARGUMENT";
        QTest::newRow("plan: empty ids") << "plan-empty"
                                         << "INVALID_ARGUMENT";
        QTest::newRow("plan: unknown task") << "plan-task"
                                            << "NOT_FOUND";
        QTest::newRow("plan: unknown site") << "plan-site"
                                            << "NOT_FOUND";
        QTest::newRow("plan: same site") << "plan-same"
                                         << "INVALID_ARGUMENT";
        QTest::newRow("start: empty request id") << "start-key"
                                                 << "INVALID_ARGUMENT";
        QTest::newRow("start: unknown task") << "start-task"
                                             << "NOT_FOUND";
        QTest::newRow("cancel: unknown") << "cancel-unknown"
                                         << "NOT_FOUND";
        QTest::newRow("cancel: empty id") << "cancel-empty"
                                          << "INVALID_ARGUMENT";
        QTest::newRow("drain: unknown site") << "drain-site"
                                             << "NOT_FOUND";
        QTest::newRow("drain: empty request id") << "drain-key"
                                                 << "INVALID_ARGUMENT";
        QTest::newRow("ack: unknown alarm") << "ack-unknown"
                                            << "NOT_FOUND";
    }

    void malformedRequestsAnswerWithStatusCodes()
    {
        QFETCH(QString, request);
        QFETCH(QString, code);
        if (!m_server) {
            m_server = std::make_unique<MockServer>(manualOptions());
            std::string error;
            QVERIFY2(m_server->start(&error), error.c_str());
        }
        Client client(m_server->address());
        v1::ListTasksRequest list;
        list.set_page_size(1);
        v1::ListTasksResponse page;
        QVERIFY(client.listTasks(list, &page).ok());
        const v1::Task task = page.tasks(0);
        grpc::Status status;
        v1::ListTasksResponse listed;
        v1::QueryHistoryRequest history;
        history.set_entity_id(task.site_id());
        history.set_metric("utilisation");
        history.set_from_ms(mock::kSimulationStartMs - 3600000);
        history.set_to_ms(mock::kSimulationStartMs);
        v1::QueryHistoryResponse points;
        v1::MigrationPlan plan;
        v1::Migration migration;
        if (request == "list-negative") {
            list.set_page_size(-1);
            status = client.listTasks(list, &listed);
        } else if (request == "list-token") {
            list.set_page_token("not-a-token");
            status = client.listTasks(list, &listed);
        } else if (request == "list-site") {
            list.set_site_id("no-such-site");
            status = client.listTasks(list, &listed);
        } else if (request == "list-huge") {
            list.set_page_size(1000000);
            status = client.listTasks(list, &listed);
            QCOMPARE(listed.tasks_size(), 5000);
        } else if (request == "history-entity") {
            history.set_entity_id("no-such-site");
            status = client.state->QueryHistory(client.context().get(), history, &points);
        } else if (request == "history-range") {
            history.set_to_ms(history.from_ms() - 1);
            status = client.state->QueryHistory(client.context().get(), history, &points);
        } else if (request == "history-step") {
            history.set_step_ms(-1);
            status = client.state->QueryHistory(client.context().get(), history, &points);
        } else if (request == "history-metric") {
            history.set_metric("happiness");
            status = client.state->QueryHistory(client.context().get(), history, &points);
        } else if (request == "plan-empty") {
            status = client.plan("", "", &plan);
        } else if (request == "plan-task") {
            status = client.plan("t-99999999", task.site_id(), &plan);
        } else if (request == "plan-site") {
            status = client.plan(task.id(), "no-such-site", &plan);
        } else if (request == "plan-same") {
            status = client.plan(task.id(), task.site_id(), &plan);
        } else if (request == "start-key") {
            status = client.start("", task.id(), "hub-gz", &migration);
        } else if (request == "start-task") {
            status = client.start("k-unknown-task", "t-99999999", "hub-gz", &migration);
        } else if (request == "cancel-unknown") {
            status = client.cancel("mig-999999", &migration);
        } else if (request == "cancel-empty") {
            status = client.cancel("", &migration);
        } else if (request == "drain-site" || request == "drain-key") {
            v1::DrainSiteRequest drain;
            drain.set_request_id(request == "drain-key" ? "" : "d-1");
            drain.set_site_id(request == "drain-key" ? task.site_id() : "no-such-site");
            v1::DrainSiteResponse drained;
            status = v1::drainSite(*client.dispatch, client.context().get(), drain, &drained);
        } else if (request == "ack-unknown") {
            v1::AcknowledgeAlarmRequest ack;
            ack.set_alarm_id("al-999999");
            v1::Alarm alarm;
            status = client.dispatch->AcknowledgeAlarm(client.context().get(), ack, &alarm);
        } else {
            QFAIL("unknown request");
        }
        QCOMPARE(codeName(status), code);
        if (!status.ok())
            QVERIFY(!status.error_message().empty());
    }

    void historyHasADayOfPoints()
    {
        MockServer server(manualOptions());
        QVERIFY(server.start());
        Client client(server.address());
        const auto snapshot = client.snapshot();
        for (const auto& entity : { snapshot.sites(0).id(), snapshot.links(0).id(), snapshot.regions(0).id() }) {
            v1::QueryHistoryRequest request;
            request.set_entity_id(entity);
            request.set_metric("utilisation");
            request.set_from_ms(snapshot.sim_time_ms() - 24 * 3600000LL);
            request.set_to_ms(snapshot.sim_time_ms());
            v1::QueryHistoryResponse response;
            QCOMPARE(
                codeName(client.state->QueryHistory(client.context().get(), request, &response)), QStringLiteral("OK"));
            QCOMPARE(response.unit(), std::string("ratio"));
            QVERIFY2(response.points_size() >= 1400, qPrintable(QString::number(response.points_size())));
            for (const auto& point : response.points())
                QVERIFY(point.value() >= 0 && point.value() <= 1);
            // Hourly means of the day: 24 of them (25 when the day does not start on the hour), an hour apart.
            request.set_step_ms(3600000);
            v1::QueryHistoryResponse hourly;
            QCOMPARE(codeName(client.state->QueryHistory(client.context().get(), request, &hourly)), QStringLiteral("OK"));
            QVERIFY2(hourly.points_size() >= 24 && hourly.points_size() <= 25, qPrintable(QString::number(hourly.points_size())));
            for (int i = 1; i < hourly.points_size(); ++i)
                QCOMPARE(hourly.points(i).time_ms() - hourly.points(i - 1).time_ms(), std::int64_t(3600000));
        }
    }

    void watchRejectsRevisionsNotHeld()
    {
        MockServer server(manualOptions());
        QVERIFY(server.start());
        server.simulation()->tick(10);
        Client client(server.address());
        const std::uint64_t current = client.snapshot().revision();
        for (const std::uint64_t from : { current + 5, std::uint64_t(0) }) {
            v1::WatchRequest request;
            request.set_from_revision(from);
            auto context = client.context();
            auto reader = client.state->Watch(context.get(), request);
            v1::WatchEvent event;
            QVERIFY(!reader->Read(&event)); // the error comes before any event
            QCOMPARE(codeName(reader->Finish()), QStringLiteral("OUT_OF_RANGE"));
        }

        // A restarted server does not hold the revisions of an earlier run, even with the same seed.
        MockServer restarted(manualOptions());
        QVERIFY(restarted.start());
        for (int i = 0; i < 5; ++i)
            restarted.simulation()->tick(10);
        Client again(restarted.address());
        QVERIFY(again.snapshot().revision() > current);
        {
            v1::WatchRequest request;
            request.set_from_revision(current);
            auto context = again.context();
            auto reader = again.state->Watch(context.get(), request);
            v1::WatchEvent event;
            QVERIFY(!reader->Read(&event));
            QCOMPARE(codeName(reader->Finish()), QStringLiteral("OUT_OF_RANGE"));
        }

        // A log that has dropped old events refuses to resume from before them.
        SimulationOptions options;
        options.eventLimits.maxEvents = 50;
        Simulation small(options);
        for (int i = 0; i < 40; ++i)
            small.tick(10);
        QVERIFY(!small.events().canResumeFrom(1));
        QVERIFY(small.events().canResumeFrom(small.events().currentRevision()));
        std::vector<server::EventPtr> events;
        QCOMPARE(int(small.events().read(1, 10, std::chrono::milliseconds(0), events)),
            int(server::EventLog::ReadStatus::OutOfRange));
        QCOMPARE(
            int(small.events().read(small.events().oldestRevision() - 1, 10, std::chrono::milliseconds(0), events)),
            int(server::EventLog::ReadStatus::Events));
    }

    void watchReplaysThenFollows()
    {
        MockServer server(manualOptions());
        QVERIFY(server.start());
        Client client(server.address());
        const std::uint64_t from = client.snapshot().revision();
        server.simulation()->tick(10); // replayed
        v1::WatchRequest request;
        request.set_from_revision(from);
        auto context = client.context();
        auto reader = client.state->Watch(context.get(), request);
        std::uint64_t expected = from + 1;
        int batches = 0;
        v1::WatchEvent event;
        while (batches < 3 && reader->Read(&event)) {
            QCOMPARE(event.revision(), expected++);
            if (event.has_metrics() && ++batches < 3)
                server.simulation()->tick(10); // followed live
        }
        QCOMPARE(batches, 3);
        context->TryCancel();
        while (reader->Read(&event)) { }
        QCOMPARE(codeName(reader->Finish()), QStringLiteral("CANCELLED"));
    }

    void stopEndsWatchStreams()
    {
        auto server = std::make_unique<MockServer>(manualOptions());
        QVERIFY(server->start());
        Client client(server->address());
        const std::uint64_t from = client.snapshot().revision();
        std::promise<void> streaming;
        auto watcher = std::async(std::launch::async, [&] {
            v1::WatchRequest request;
            request.set_from_revision(from);
            auto context = client.context();
            auto reader = client.state->Watch(context.get(), request);
            v1::WatchEvent event;
            bool first = true;
            while (reader->Read(&event))
                if (std::exchange(first, false))
                    streaming.set_value();
            return reader->Finish();
        });
        server->simulation()->tick(10);
        // Guards against hanging, not timing assertions.
        QVERIFY(streaming.get_future().wait_for(std::chrono::seconds(20)) == std::future_status::ready);
        server->stop();
        QVERIFY(watcher.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
        QVERIFY(!watcher.get().ok());
        QVERIFY(!server->isRunning());
    }

    void openServerStaysOnLoopback()
    {
        MockServerOptions options = manualOptions();
        options.serving.listenAddress = "0.0.0.0:0";
        MockServer open(options);
        std::string error;
        QVERIFY(!open.start(&error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("token")), error.c_str());
        options.scenario = "meteor-strike";
        options.serving.listenAddress = "127.0.0.1:0";
        MockServer unknown(options);
        QVERIFY(!unknown.start(&error));
        QVERIFY(QString::fromStdString(error).contains(QStringLiteral("scenario")));
    }

    void executableServesAndStopsOnSigterm()
    {
        QProcess process;
        process.setProgram(QStringLiteral(CPN_MOCK_SCHEDULER_PATH));
        process.setArguments({ QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--seed"),
            QStringLiteral("4"), QStringLiteral("--time-scale"), QStringLiteral("30") });
        process.start();
        QVERIFY(process.waitForStarted(10000));
        static const QRegularExpression listening(
            QStringLiteral("^cpn-mock-scheduler listening on 127\\.0\\.0\\.1:(\\d+)$"));
        QString line;
        QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine() || process.state() != QProcess::Running, 20000);
        line = QString::fromUtf8(process.readLine()).trimmed();
        const auto match = listening.match(line);
        QVERIFY2(match.hasMatch(), qPrintable(line));
        const int port = match.captured(1).toInt();
        QVERIFY(port > 0);
        Client client("127.0.0.1:" + std::to_string(port));
        const auto snapshot = client.snapshot();
        QCOMPARE(snapshot.sites_size() > 0, true);
        QCOMPARE(snapshot.time_scale(), 30.0);
        // Ordinary gRPC tools can talk to it: health (SERVING) and reflection (lists our services).
        const auto health = rawCall(client.channel, "/grpc.health.v1.Health/Check", {});
        QVERIFY(health);
        QCOMPARE(*health, std::string("\x08\x01", 2));
        const auto services = rawCall(client.channel, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
            std::string("\x3a\x00", 2));
        QVERIFY(services);
        QVERIFY(services->find("cpn.v1.StateService") != std::string::npos);
        QVERIFY(services->find("cpn.v1.DispatchService") != std::string::npos);
        process.terminate(); // SIGTERM
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
    }

    void executableRejectsBadArguments_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::newRow("help") << QStringList { QStringLiteral("--help") } << 0;
        QTest::newRow("unknown option") << QStringList { QStringLiteral("--frobnicate") } << 2;
        QTest::newRow("bad scale") << QStringList { QStringLiteral("--scale"), QStringLiteral("galactic") } << 2;
        QTest::newRow("bad seed") << QStringList { QStringLiteral("--seed"), QStringLiteral("-3") } << 2;
        QTest::newRow("bad listen") << QStringList { QStringLiteral("--listen"), QStringLiteral("nowhere") } << 2;
        QTest::newRow("bad token") << QStringList { QStringLiteral("--token"), QStringLiteral("admin=x") } << 2;
        QTest::newRow("bad time scale") << QStringList { QStringLiteral("--time-scale"), QStringLiteral("0") } << 2;
        QTest::newRow("bad failure rate") << QStringList { QStringLiteral("--failure-rate"), QStringLiteral("1.5") } << 2;
        QTest::newRow("unknown scenario") << QStringList { QStringLiteral("--scenario"), QStringLiteral("chaos") } << 2;
        QTest::newRow("open on all interfaces")
            << QStringList { QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0") } << 2;
        QTest::newRow("missing value") << QStringList { QStringLiteral("--seed") } << 2;
    }

    void executableRejectsBadArguments()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QProcess process;
        process.start(QStringLiteral(CPN_MOCK_SCHEDULER_PATH), arguments);
        QVERIFY(process.waitForFinished(20000));
        QCOMPARE(process.exitCode(), exitCode);
        if (exitCode != 0)
            QVERIFY(!process.readAllStandardError().isEmpty());
        else
            QVERIFY(process.readAllStandardOutput().contains("--listen"));
    }

    void cleanupTestCase() { m_server.reset(); }

private:
    std::unique_ptr<MockServer> m_server; // shared by the rows of the status-code test
};

QTEST_GUILESS_MAIN(TestMockService)
#include "tst_mockservice.moc"
