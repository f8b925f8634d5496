// The serving side on its own: an ApiServer over a fake engine on a real loopback socket (roles,
// actors, Watch replay and OUT_OF_RANGE, health, port 0, stop, the timeline of the events), the
// idempotency store and the timeline log; what capacity reports are made of (grid factors, the
// site accumulator, region series, walking the history store).

#include "partsreader.h"
#include "apiserver.h"
#include "capacitysums.h"
#include "engine.h"
#include "gridfactors.h"
#include "idempotencystore.h"
#include "metrichistory.h"
#include "rawgrpccall.h"
#include "timelinelog.h"

#include "cpn/v1/dispatch.grpc.pb.h"
#include "cpn/v1/state.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QTest>

#include <cmath>
#include <future>
#include <limits>
#include <mutex>

using namespace cpn;
using namespace cpn::testing;

namespace {

constexpr std::uint64_t kFirstRevision = 100;
constexpr std::size_t kEventsHeld = 5;

// Answers every call from canned data and remembers who asked for what.
class FakeEngine final : public server::Engine {
public:
    FakeEngine()
        : m_events(kFirstRevision, { kEventsHeld, std::size_t(1) << 20, 0 })
    { }

    // Appends `count` task events; returns the last revision.
    std::uint64_t change(int count)
    {
        std::vector<v1::WatchEvent> events(static_cast<std::size_t>(count));
        for (auto& event : events)
            event.mutable_task()->set_id("t-" + std::to_string(++m_changes));
        return m_events.append(std::move(events));
    }

    std::string lastActor() const
    {
        std::lock_guard lock(m_mutex);
        return m_lastActor;
    }

    v1::Snapshot snapshot() const override
    {
        v1::Snapshot snapshot;
        snapshot.set_revision(m_events.currentRevision());
        return snapshot;
    }
    grpc::Status listTasks(const v1::ListTasksRequest&, v1::ListTasksResponse* response) const override
    {
        response->add_tasks()->set_id("t-1");
        return grpc::Status::OK;
    }
    grpc::Status queryHistory(const v1::QueryHistoryRequest& request, v1::QueryHistoryResponse* response) const override
    {
        response->set_entity_id(request.entity_id());
        return grpc::Status::OK;
    }
    grpc::Status planMigration(const v1::PlanMigrationRequest& request, v1::MigrationPlan* plan) const override
    {
        plan->set_task_id(request.task_id());
        return grpc::Status::OK;
    }
    grpc::Status startMigration(
        const v1::StartMigrationRequest& request, const std::string& actor, v1::Migration* migration) override
    {
        record(actor);
        migration->set_task_id(request.task_id());
        migration->set_requested_by(actor);
        return grpc::Status::OK;
    }
    grpc::Status cancelMigration(
        const v1::CancelMigrationRequest& request, const std::string& actor, v1::Migration* migration) override
    {
        record(actor);
        if (request.migration_id() != "mig-1")
            return { grpc::StatusCode::NOT_FOUND, "unknown migration_id " + request.migration_id() };
        migration->set_id(request.migration_id());
        return grpc::Status::OK;
    }
    grpc::Status drainSite(
        const v1::DrainSiteRequest& request, const std::string& actor, v1::DrainSiteResponse* response) override
    {
        record(actor);
        response->set_site_id(request.site_id());
        return grpc::Status::OK;
    }
    grpc::Status acknowledgeAlarm(
        const v1::AcknowledgeAlarmRequest& request, const std::string& actor, v1::Alarm* alarm) override
    {
        record(actor);
        alarm->set_id(request.alarm_id());
        alarm->set_acknowledged_by(actor);
        return grpc::Status::OK;
    }
    server::EventLog& events() override { return m_events; }
    const server::EventLog& events() const override { return m_events; }

private:
    void record(const std::string& actor)
    {
        std::lock_guard lock(m_mutex);
        m_lastActor = actor;
    }

    server::EventLog m_events;
    int m_changes = 0;
    mutable std::mutex m_mutex;
    std::string m_lastActor;
};

std::unique_ptr<grpc::ClientContext> contextFor(const std::string& token, const std::string& user = {})
{
    auto context = std::make_unique<grpc::ClientContext>();
    context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(20));
    if (!token.empty())
        context->AddMetadata("authorization", "Bearer " + token);
    if (!user.empty())
        context->AddMetadata("cpn-user", user);
    return context;
}

// Reads a Watch from `from` until `count` events arrived or the stream ended; the status when it ended.
std::optional<grpc::Status> watch(const std::shared_ptr<grpc::Channel>& channel, std::uint64_t from, std::size_t count,
    std::vector<std::uint64_t>* revisions)
{
    const auto stub = v1::StateService::NewStub(channel);
    auto context = contextFor({});
    v1::WatchRequest request;
    request.set_from_revision(from);
    const auto reader = stub->Watch(context.get(), request);
    v1::WatchEvent event;
    while (revisions->size() < count && reader->Read(&event))
        revisions->push_back(event.revision());
    if (revisions->size() >= count) {
        context->TryCancel();
        reader->Finish().ok();
        return std::nullopt;
    }
    return reader->Finish();
}

} // namespace

class TestServer : public QObject {
    Q_OBJECT

private slots:
    void portZeroPicksAFreePortAndHealthAnswers()
    {
        FakeEngine engine;
        server::ApiServer server(engine, {});
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        QVERIFY(server.isRunning());
        QVERIFY(server.port() > 0);
        QCOMPARE(server.address(), "127.0.0.1:" + std::to_string(server.port()));
        const auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
        const auto health = rawCall(channel, "/grpc.health.v1.Health/Check", {});
        QVERIFY(health);
        QCOMPARE(*health, std::string("\x08\x01", 2)); // SERVING
        const auto services = rawCall(
            channel, "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo", std::string("\x3a\x00", 2));
        QVERIFY(services);
        QVERIFY(services->find("cpn.v1.DispatchService") != std::string::npos);
        server.stop();
        QVERIFY(!server.isRunning());
        QVERIFY(!server.start(&error)); // stopped for good
    }

    void refusesUnsafeOrMalformedAddresses_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("withToken");
        QTest::addColumn<bool>("insecure");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("loopback, open") << "127.0.0.1:0" << false << false << true;
        QTest::newRow("any, open") << "0.0.0.0:0" << false << false << false;
        QTest::newRow("any, with a token, plaintext") << "0.0.0.0:0" << true << false << false;
        QTest::newRow("any, with a token, --insecure") << "0.0.0.0:0" << true << true << true;
        QTest::newRow("any, open, --insecure") << "0.0.0.0:0" << false << true << false;
        QTest::newRow("no port") << "127.0.0.1" << false << false << false;
        QTest::newRow("v6 loopback") << "[::1]:0" << false << false << true;
    }
    void refusesUnsafeOrMalformedAddresses()
    {
        QFETCH(QString, address);
        QFETCH(bool, withToken);
        QFETCH(bool, insecure);
        QFETCH(bool, accepted);
        server::ApiServerOptions options;
        options.listenAddress = address.toStdString();
        options.insecure = insecure;
        if (withToken)
            options.tokens.push_back({ server::Role::Operator, "secret" });
        std::string error;
        QCOMPARE(server::ApiServer::checkOptions(options, &error), accepted);
        QCOMPARE(error.empty(), accepted);
    }

    void rolesAndActors_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("snapshot");
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("actor");
        QTest::newRow("none") << ""
                              << ""
                              << "UNAUTHENTICATED"
                              << "UNAUTHENTICATED"
                              << "";
        QTest::newRow("unknown") << "guess"
                                 << ""
                                 << "UNAUTHENTICATED"
                                 << "UNAUTHENTICATED"
                                 << "";
        QTest::newRow("viewer") << "view-secret"
                                << ""
                                << "OK"
                                << "PERMISSION_DENIED"
                                << "";
        QTest::newRow("operator") << "op-secret"
                                  << ""
                                  << "OK"
                                  << "OK"
                                  << "operator";
        QTest::newRow("operator, named") << "op-secret"
                                         << "li@ops-1"
                                         << "OK"
                                         << "OK"
                                         << "li@ops-1 (operator)";
        QTest::newRow("operator, bad name") << "op-secret"
                                            << "li%ZZ"
                                            << "OK"
                                            << "INVALID_ARGUMENT"
                                            << "";
    }
    void rolesAndActors()
    {
        QFETCH(QString, token);
        QFETCH(QString, user);
        QFETCH(QString, snapshot);
        QFETCH(QString, start);
        QFETCH(QString, actor);
        FakeEngine engine;
        server::ApiServerOptions options;
        options.tokens = { { server::Role::Viewer, "view-secret" }, { server::Role::Operator, "op-secret" } };
        server::ApiServer server(engine, options);
        QVERIFY(server.start());
        const auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
        const auto state = v1::StateService::NewStub(channel);
        const auto dispatch = v1::DispatchService::NewStub(channel);

        v1::Snapshot answer;
        const auto read = v1::readSnapshot(*state, contextFor(token.toStdString()).get(), &answer);
        QCOMPARE(codeName(read), snapshot);
        if (read.ok())
            QCOMPARE(answer.caller_role(), std::string(token == "op-secret" ? "operator" : "viewer"));

        v1::StartMigrationRequest request;
        request.set_request_id("k-1");
        request.set_task_id("t-1");
        request.set_target_site_id("s-2");
        v1::Migration migration;
        const auto status
            = dispatch->StartMigration(contextFor(token.toStdString(), user.toStdString()).get(), request, &migration);
        QCOMPARE(codeName(status), start);
        QCOMPARE(QString::fromStdString(engine.lastActor()), actor);
        if (status.ok())
            QCOMPARE(QString::fromStdString(migration.requested_by()), actor);
    }

    void tokenFiles_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("tokens"); // -1 = refused
        QTest::addColumn<QString>("error");
        QTest::newRow("two") << "# ops\nop-1,li@ops,operator\n\n  view-1 , wang , viewer \n" << 2 << "";
        QTest::newRow("empty") << "" << 0 << "";
        QTest::newRow("two fields") << "op-1,operator\n" << -1 << "line 1: expected token,user,role";
        QTest::newRow("bad role") << "# c\nop-1,li,admin\n" << -1 << "line 2: unknown role 'admin'";
        QTest::newRow("no user") << "op-1,,operator" << -1 << "line 1: the user is empty";
        QTest::newRow("no token") << ",li,operator" << -1 << "line 1: the token for role 'operator' is empty";
    }
    void tokenFiles()
    {
        QFETCH(QString, text);
        QFETCH(int, tokens);
        QFETCH(QString, error);
        std::string why;
        const auto parsed = server::parseTokenFile(text.toStdString(), &why);
        QCOMPARE(parsed ? int(parsed->size()) : -1, tokens);
        QVERIFY2(QString::fromStdString(why).startsWith(error), why.c_str());
        if (tokens == 2) {
            QCOMPARE(parsed->at(1).token, std::string("view-1"));
            QCOMPARE(parsed->at(1).user, std::string("wang"));
            QVERIFY(parsed->at(1).role == server::Role::Viewer);
        }
    }

    void aTokenFilesUserIsTheActor()
    {
        FakeEngine engine;
        server::ApiServerOptions options;
        std::string error;
        options.tokens = *server::parseTokenFile("op-1,li@ops-1,operator\nview-1,wang,viewer\n", &error);
        server::ApiServer server(engine, options);
        QVERIFY(server.start());
        const auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
        const auto dispatch = v1::DispatchService::NewStub(channel);
        v1::AcknowledgeAlarmRequest request;
        request.set_alarm_id("al-1");
        v1::Alarm alarm;
        // The token names its user: what the client claims does not change the record.
        QVERIFY(dispatch->AcknowledgeAlarm(contextFor("op-1", "someone@else").get(), request, &alarm).ok());
        QCOMPARE(alarm.acknowledged_by(), std::string("li@ops-1 (operator)"));
        QCOMPARE(codeName(dispatch->AcknowledgeAlarm(contextFor("view-1").get(), request, &alarm)),
            QStringLiteral("PERMISSION_DENIED"));
    }

    void engineStatusesReachTheClient()
    {
        FakeEngine engine;
        server::ApiServer server(engine, {});
        QVERIFY(server.start());
        const auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
        const auto dispatch = v1::DispatchService::NewStub(channel);
        v1::CancelMigrationRequest request;
        request.set_migration_id("mig-2");
        v1::Migration migration;
        QCOMPARE(codeName(dispatch->CancelMigration(contextFor({}).get(), request, &migration)),
            QStringLiteral("NOT_FOUND"));
        QCOMPARE(engine.lastActor(), std::string("operator")); // an open server serves operator to all
        request.set_migration_id("mig-1");
        QCOMPARE(codeName(dispatch->CancelMigration(contextFor({}).get(), request, &migration)), QStringLiteral("OK"));
        QCOMPARE(migration.id(), std::string("mig-1"));
    }

    // What a client sends is bounded before any engine sees it: a hostile client cannot fill a
    // server's records with megabyte reasons or ids.
    void commandsAreBoundedBeforeTheEngine()
    {
        FakeEngine engine;
        server::ApiServer server(engine, {});
        QVERIFY(server.start());
        const auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
        const auto dispatch = v1::DispatchService::NewStub(channel);
        v1::CancelMigrationRequest cancel;
        cancel.set_migration_id(std::string(257, 'm'));
        v1::Migration migration;
        QCOMPARE(codeName(dispatch->CancelMigration(contextFor({}).get(), cancel, &migration)),
            QStringLiteral("INVALID_ARGUMENT"));
        QCOMPARE(engine.lastActor(), std::string()); // never reached the engine
        cancel.set_migration_id("mig-1");
        cancel.set_request_id(std::string(129, 'r'));
        QCOMPARE(codeName(dispatch->CancelMigration(contextFor({}).get(), cancel, &migration)),
            QStringLiteral("INVALID_ARGUMENT"));
        v1::AcknowledgeAlarmRequest ack;
        ack.set_alarm_id("alarm-1");
        std::string note;
        for (int i = 0; i < 1000; ++i)
            note += "\u5907"; // a thousand Chinese characters (3,000 bytes) are within bounds
        ack.set_note(note);
        v1::Alarm alarm;
        QCOMPARE(codeName(dispatch->AcknowledgeAlarm(contextFor({}).get(), ack, &alarm)), QStringLiteral("OK"));
        ack.set_note(note + "x");
        QCOMPARE(codeName(dispatch->AcknowledgeAlarm(contextFor({}).get(), ack, &alarm)),
            QStringLiteral("INVALID_ARGUMENT"));
    }

    void watchReplaysFollowsAndRefusesWhatIsTrimmed()
    {
        FakeEngine engine;
        server::ApiServer server(engine, {});
        QVERIFY(server.start());
        const auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());

        // Replay: everything after the revision asked for, in order.
        QCOMPARE(engine.change(3), kFirstRevision + 3);
        std::vector<std::uint64_t> revisions;
        QVERIFY(!watch(channel, kFirstRevision + 1, 2, &revisions));
        QCOMPARE(revisions, (std::vector<std::uint64_t> { kFirstRevision + 2, kFirstRevision + 3 }));

        // Follow: a stream at the current revision gets what happens next.
        revisions.clear();
        auto following
            = std::async(std::launch::async, [&] { return watch(channel, kFirstRevision + 3, 2, &revisions); });
        QTest::qWait(300);
        engine.change(2);
        QVERIFY(following.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
        QVERIFY(!following.get());
        QCOMPARE(revisions, (std::vector<std::uint64_t> { kFirstRevision + 4, kFirstRevision + 5 }));

        // The log holds the newest 5: resuming from before them is OUT_OF_RANGE, at the edge is fine.
        engine.change(5); // up to 110, holding 106..110
        revisions.clear();
        const auto trimmed = watch(channel, kFirstRevision + 4, 1, &revisions);
        QVERIFY(trimmed);
        QCOMPARE(codeName(*trimmed), QStringLiteral("OUT_OF_RANGE"));
        QVERIFY(revisions.empty());
        QVERIFY(!watch(channel, kFirstRevision + 5, 1, &revisions));
        QCOMPARE(revisions, (std::vector<std::uint64_t> { kFirstRevision + 6 }));
    }

    void stopEndsWatchStreams()
    {
        FakeEngine engine;
        server::ApiServer server(engine, {});
        QVERIFY(server.start());
        const auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
        std::vector<std::uint64_t> revisions;
        auto following = std::async(std::launch::async, [&] { return watch(channel, kFirstRevision, 1, &revisions); });
        QTest::qWait(300);
        server.stop();
        QVERIFY(following.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
        const auto ended = following.get();
        QVERIFY(ended);
        QCOMPARE(codeName(*ended), QStringLiteral("UNAVAILABLE"));
        QVERIFY(engine.events().isClosed());
    }

    void idempotencyStoreKeepsFirstAnswersWithinItsBound()
    {
        server::IdempotencyStore<std::string> store(3);
        QVERIFY(store.remember("a", "mig-1"));
        QVERIFY(!store.remember("a", "mig-2")); // the first answer stands
        QCOMPARE(*store.find("a"), std::string("mig-1"));
        QVERIFY(store.remember("b", "mig-2"));
        QVERIFY(store.remember("c", "mig-3"));
        QVERIFY(store.remember("d", "mig-4")); // "a" is forgotten
        QCOMPARE(store.size(), std::size_t(3));
        QVERIFY(!store.find("a"));
        QCOMPARE(*store.find("d"), std::string("mig-4"));
    }

    // GetTimeline over an engine that keeps no metrics: the alarms and migrations its log was
    // given, the kept span empty; GetMetricsAt OUT_OF_RANGE. A viewer may ask.
    void timelineOfTheEventLog()
    {
        FakeEngine engine;
        std::vector<v1::WatchEvent> events(3);
        auto* raised = events[0].mutable_alarm();
        raised->set_id("al-1");
        raised->set_code("SITE_OFFLINE");
        raised->set_raised_time_ms(1000);
        auto* migration = events[1].mutable_migration();
        migration->set_id("mig-1");
        migration->set_state(v1::MIGRATION_STATE_TRANSFERRING);
        migration->set_created_time_ms(1500);
        *events[2].mutable_alarm() = *raised;
        events[2].mutable_alarm()->set_cleared_time_ms(2000);
        engine.events().append(std::move(events));
        server::ApiServerOptions options;
        options.tokens = { { server::Role::Viewer, "view-secret" } };
        server::ApiServer server(engine, options);
        QVERIFY(server.start());
        const auto state
            = v1::StateService::NewStub(grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials()));
        auto ask = [&](std::int64_t from, std::int64_t to, v1::Timeline* answer) {
            v1::GetTimelineRequest request;
            request.set_from_ms(from);
            request.set_to_ms(to);
            return state->GetTimeline(contextFor("view-secret").get(), request, answer);
        };
        v1::Timeline answer;
        QCOMPARE(codeName(ask(0, 1800, &answer)), QStringLiteral("OK"));
        QCOMPARE(answer.alarms_size(), 1);
        QCOMPARE(answer.alarms(0).cleared_time_ms(), std::int64_t(2000)); // its latest state
        QCOMPARE(answer.migrations_size(), 1);
        QCOMPARE(answer.kept_to_ms(), std::int64_t(0));
        answer.Clear();
        QVERIFY(ask(2001, 5000, &answer).ok());
        QCOMPARE(answer.alarms_size(), 0); // cleared before
        QCOMPARE(answer.migrations_size(), 1); // still under way
        QCOMPARE(codeName(ask(5, 4, &answer)), QStringLiteral("INVALID_ARGUMENT"));

        v1::GetMetricsAtRequest request;
        request.set_time_ms(1000);
        auto context = contextFor("view-secret");
        auto reader = state->GetMetricsAt(context.get(), request);
        v1::MetricsBatch part;
        QVERIFY(!reader->Read(&part));
        QCOMPARE(codeName(reader->Finish()), QStringLiteral("OUT_OF_RANGE"));
    }

    void timelineLogKeepsTheLatestWithinItsBound()
    {
        server::TimelineLog log({ 3, 2 });
        auto alarm = [](const char* id, std::int64_t raised, std::int64_t cleared) {
            v1::Alarm a;
            a.set_id(id);
            a.set_raised_time_ms(raised);
            a.set_cleared_time_ms(cleared);
            return a;
        };
        log.record(alarm("a", 100, 200));
        log.record(alarm("b", 150, 0));
        log.record(alarm("c", 120, 300));
        log.record(alarm("a", 100, 250)); // an update, not a fourth
        QCOMPARE(log.alarmCount(), std::size_t(3));
        log.record(alarm("d", 400, 0)); // over the bound: "a" ended longest ago
        QCOMPARE(log.alarmCount(), std::size_t(3));
        v1::Timeline all;
        log.collect(0, 1000, 10, &all);
        QCOMPARE(all.alarms_size(), 3);
        QCOMPARE(all.alarms(0).id(), std::string("c")); // by raised time
        QCOMPARE(all.alarms(1).id(), std::string("b"));
        QCOMPARE(all.alarms(2).id(), std::string("d"));
        QVERIFY(!all.truncated());
        // Too many for one answer: the latest.
        v1::Timeline two;
        log.collect(0, 1000, 2, &two);
        QVERIFY(two.truncated());
        QCOMPARE(two.alarms_size(), 2);
        QCOMPARE(two.alarms(0).id(), std::string("b"));
        QCOMPARE(two.alarms(1).id(), std::string("d"));
        // Only what was active in the span.
        v1::Timeline early;
        log.collect(310, 390, 10, &early);
        QCOMPARE(early.alarms_size(), 1);
        QCOMPARE(early.alarms(0).id(), std::string("b"));
        // Forgetting what ended before the kept span.
        log.forgetEndedBefore(301);
        QCOMPARE(log.alarmCount(), std::size_t(2));

        v1::Migration m;
        m.set_id("mig-1");
        m.set_created_time_ms(10);
        m.set_state(v1::MIGRATION_STATE_TRANSFERRING);
        m.set_updated_time_ms(20);
        log.record(m);
        v1::Timeline later;
        log.collect(5000, 6000, 10, &later);
        QCOMPARE(later.migrations_size(), 1); // still under way
        m.set_state(v1::MIGRATION_STATE_COMPLETED);
        m.set_updated_time_ms(30);
        log.record(m);
        later.Clear();
        log.collect(5000, 6000, 10, &later);
        QCOMPARE(later.migrations_size(), 0);
        log.collect(25, 25, 10, &later);
        QCOMPARE(later.migrations_size(), 1);
    }

    void historyTiersFitTheirBudget()
    {
        // Within budget: the API's tiers as they are.
        const auto [fine, coarse] = server::MetricHistory::fitTiers(
            1000, 1000 * (1440 + 672), server::kDayByMinute, server::kWeekByQuarterHour);
        QCOMPARE(fine.frames, std::size_t(1440));
        QCOMPARE(coarse.frames, std::size_t(672));
        // Tight: the coarse tier gives way first but still reaches back past the fine span.
        const auto [tightFine, tightCoarse]
            = server::MetricHistory::fitTiers(1000, 1000 * 1500, server::kDayByMinute, server::kWeekByQuarterHour);
        QCOMPARE(tightFine.frames, std::size_t(1440));
        QCOMPARE(tightCoarse.frames, std::size_t(97));
        // Tighter still: at least an hour of fine frames.
        const auto [leastFine, leastCoarse]
            = server::MetricHistory::fitTiers(1000, 1000, server::kDayByMinute, server::kWeekByQuarterHour);
        QCOMPARE(leastFine.frames, std::size_t(60));
        QCOMPARE(leastCoarse.frames, std::size_t(5));
    }

    void gridFactors_data()
    {
        QTest::addColumn<QString>("province");
        QTest::addColumn<double>("factor");
        QTest::newRow("Hebei, its own") << "HE" << 0.7252;
        QTest::newRow("Shanxi, its own") << "SX" << 0.7096;
        QTest::newRow("Tianjin, its own") << "TJ" << 0.7041;
        QTest::newRow("Inner Mongolia, its own") << "NM" << 0.6849;
        QTest::newRow("Sichuan, its own") << "SC" << 0.1404;
        QTest::newRow("Yunnan, its own") << "YN" << 0.1073;
        QTest::newRow("Qinghai, its own") << "QH" << 0.1567;
        QTest::newRow("Beijing, North China grid") << "BJ" << 0.6776;
        QTest::newRow("Shanghai, East China grid") << "SH" << 0.5617;
        QTest::newRow("Hubei, Central China grid") << "HB" << 0.5395;
        QTest::newRow("Heilongjiang, Northeast grid") << "HL" << 0.5564;
        QTest::newRow("Ningxia, Northwest grid") << "NX" << 0.5857;
        QTest::newRow("Chongqing, Southwest grid") << "CQ" << 0.2268;
        QTest::newRow("Guizhou, South grid") << "GZ" << 0.3869;
        QTest::newRow("Guangdong, South grid") << "GD" << 0.3869;
        QTest::newRow("unknown: national average") << "HK" << 0.5366;
        QTest::newRow("empty: national average") << "" << 0.5366;
        QTest::newRow("lower case is unknown") << "gz" << 0.5366;
    }
    void gridFactors()
    {
        QFETCH(QString, province);
        QFETCH(double, factor);
        QCOMPARE(server::gridEmissionFactor(province.toStdString()), factor);
    }

    // Two hours, the second at full load on green power: energy, cost, PUE by energy, green share
    // by energy, carbon of the rest, the slope, the end.
    void siteAccumulatorWorksOutTheFigures()
    {
        constexpr std::int64_t kHour = 3600000;
        server::SiteCapacityAccumulator site;
        server::CapacitySample first;
        first.timeMs = 10 * kHour;
        first.durationMs = kHour;
        first.utilisation = 0.2;
        first.architectures[cpn::v1::ARCHITECTURE_ASCEND] = 0.1;
        first.architectures[cpn::v1::ARCHITECTURE_CPU] = 0.4;
        first.powerMw = 10;
        first.pue = 1.25;
        first.greenShare = 0;
        first.priceCnyPerKwh = 0.5;
        auto second = first;
        second.timeMs = 10 * kHour + 12 * kHour; // half a day later
        second.utilisation = 0.8;
        second.architectures[cpn::v1::ARCHITECTURE_ASCEND] = 0.9;
        second.powerMw = 30;
        second.pue = 1.5;
        second.greenShare = 1;
        site.add(second); // in any order
        site.add(first);
        QCOMPARE(site.samples(), 2u);
        cpn::v1::SiteReport report;
        site.fill(0.7, &report);
        QCOMPARE(report.mean_utilisation(), 0.5);
        QCOMPARE(report.peak_utilisation(), 0.8);
        QCOMPARE(report.end_utilisation(), 0.8);
        QCOMPARE(report.energy_mwh(), 40.0);
        QCOMPARE(report.cost_cny(), 40.0 * 1000 * 0.5);
        QCOMPARE(report.pue(), 40.0 / (10 / 1.25 + 30 / 1.5));
        QCOMPARE(report.green_share(), 30.0 / 40);
        QVERIFY(std::fabs(report.carbon_t() - 10 * 0.7) < 1e-12); // green power counts as zero
        QCOMPARE(report.grid_factor_kg_per_kwh(), 0.7);
        QVERIFY(std::fabs(report.utilisation_growth_per_day() - 1.2) < 1e-9); // 0.6 in half a day
        QCOMPARE(report.architectures_size(), 2);
        QCOMPARE(report.architectures(0).architecture(), cpn::v1::ARCHITECTURE_ASCEND);
        QCOMPARE(report.architectures(0).mean_utilisation(), 0.5);
        QCOMPARE(report.architectures(0).peak_utilisation(), 0.9);
        QCOMPARE(report.architectures(1).architecture(), cpn::v1::ARCHITECTURE_CPU);

        // Offline all along: no energy, and the PUE and green share it reported.
        server::SiteCapacityAccumulator dark;
        first.powerMw = 0;
        dark.add(first);
        cpn::v1::SiteReport darkReport;
        dark.fill(0.7, &darkReport);
        QCOMPARE(darkReport.energy_mwh(), 0.0);
        QCOMPARE(darkReport.pue(), 1.25);
        QCOMPARE(darkReport.carbon_t(), 0.0);
        QCOMPARE(darkReport.utilisation_growth_per_day(), 0.0);
    }

    // Even steps over the span, time-weighted, the last sample in the last step, empty steps left out.
    void regionSeriesSteps()
    {
        server::RegionSeriesBuilder series(1000, 1600, 3, 2);
        QCOMPARE(series.stepMs(), std::int64_t(201));
        series.add(0, 1000, 100, 10);
        series.add(0, 1100, 300, 20); // same step: (10 * 100 + 20 * 300) / 400
        series.add(0, 1600, 100, 40); // the span's end: the last step
        series.add(1, 1250, 100, 5);
        series.add(1, 999, 100, 1000); // before the span: left out
        series.add(7, 1250, 100, 5); // no such region: left out
        cpn::v1::RegionSeries first;
        series.fill(0, &first);
        QCOMPARE(first.used_pflops_size(), 2);
        QCOMPARE(first.used_pflops(0).time_ms(), std::int64_t(1000));
        QCOMPARE(first.used_pflops(0).value(), 17.5);
        QCOMPARE(first.used_pflops(1).time_ms(), std::int64_t(1402));
        QCOMPARE(first.used_pflops(1).value(), 40.0);
        cpn::v1::RegionSeries second;
        series.fill(1, &second);
        QCOMPARE(second.used_pflops_size(), 1);
        QCOMPARE(second.used_pflops(0).time_ms(), std::int64_t(1201));
    }

    void capacityRequestsChecked_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<int>("points");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("used");
        QTest::newRow("default points") << qint64(0) << qint64(1) << 0 << true << 96;
        QTest::newRow("two") << qint64(0) << qint64(1) << 2 << true << 2;
        QTest::newRow("a thousand") << qint64(0) << qint64(1) << 1000 << true << 1000;
        QTest::newRow("one") << qint64(0) << qint64(1) << 1 << false << 0;
        QTest::newRow("too many") << qint64(0) << qint64(1) << 1001 << false << 0;
        QTest::newRow("empty span") << qint64(5) << qint64(5) << 0 << false << 0;
        QTest::newRow("reversed") << qint64(5) << qint64(4) << 0 << false << 0;
        QTest::newRow("before 1970") << qint64(-5) << qint64(4) << 0 << false << 0;
        QTest::newRow("huge span") << qint64(0) << std::numeric_limits<qint64>::max() << 0 << true << 96;
    }
    void capacityRequestsChecked()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(int, points);
        QFETCH(bool, ok);
        QFETCH(int, used);
        cpn::v1::GetCapacityReportRequest request;
        request.set_from_ms(from);
        request.set_to_ms(to);
        request.set_series_points(points);
        const auto status = server::checkCapacityReportRequest(request);
        QCOMPARE(status.ok(), ok);
        if (ok)
            QCOMPARE(server::seriesPoints(request), used);
        else
            QCOMPARE(codeName(status), QStringLiteral("INVALID_ARGUMENT"));
    }

    // Coarse frames before the oldest fine one, then the fine ones, each standing until the next
    // (a coarse one cut short by the first fine one); only the planes asked are read.
    void walkVisitsTheFramesOfASpan()
    {
        constexpr std::int64_t kMinute = 60000;
        const server::HistoryPlane plane { 0, 1, true, std::vector<float>(2, 1.0f) };
        server::MetricHistory history({ plane, plane }, { kMinute, 5 }, { 15 * kMinute, 10 });
        const std::int64_t start = 1000 * 15 * kMinute;
        for (int q = 0; q < 3; ++q)
            history.recordCoarse(start + q * 15 * kMinute, { { 0.1f * float(q + 1), 0 }, { 1, 1 } });
        const std::int64_t fineFrom = start + 40 * kMinute; // into the third quarter
        for (int m = 0; m < 4; ++m)
            history.recordPast(fineFrom + m * kMinute, { { 0.5f + 0.1f * float(m), 0 }, { 1, 1 } });
        std::vector<std::int64_t> times;
        std::vector<std::int64_t> durations;
        std::vector<float> values;
        const auto visited = history.walk(start + 1, fineFrom + 2 * kMinute, { 0 },
            [&](const server::MetricHistory::WalkedFrame& at, const server::MetricHistory::Frame& frame) {
                times.push_back(at.timeMs);
                durations.push_back(at.durationMs);
                values.push_back(frame[0][0]);
                return frame[1].empty(); // plane 1 not read
            });
        QCOMPARE(visited, std::size_t(5)); // the frame at the span's end too
        QCOMPARE(times,
            (std::vector<std::int64_t> {
                start + 15 * kMinute, start + 30 * kMinute, fineFrom, fineFrom + kMinute, fineFrom + 2 * kMinute }));
        QCOMPARE(durations, (std::vector<std::int64_t> { 15 * kMinute, 10 * kMinute, kMinute, kMinute, kMinute }));
        QVERIFY(std::fabs(values[0] - 0.2f) < 1e-4 && std::fabs(values[3] - 0.6f) < 1e-4);
        // Stops when told.
        int calls = 0;
        QCOMPARE(
            history.walk(0, fineFrom + 10 * kMinute, { 0, 1 }, [&](const auto&, const auto&) { return ++calls < 2; }),
            std::size_t(2));
        // Nothing in the span.
        QCOMPARE(history.walk(fineFrom + 10 * kMinute, fineFrom + 20 * kMinute, { 0 },
                     [](const auto&, const auto&) { return true; }),
            std::size_t(0));
    }

private:
    static QString codeName(const grpc::Status& status)
    {
        static const char* const names[] = { "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
            "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
            "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED" };
        const int i = int(status.error_code());
        return i >= 0 && i < int(std::size(names)) ? QString::fromLatin1(names[i]) : QString::number(i);
    }
};

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"
