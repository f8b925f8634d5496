// The mock scheduler: its simulation (determinism, topology, accounting) and its gRPC services
// driven through a real MockServer on a loopback port, plus the stand-alone executable.

#include "mockserver.h"
#include "simulation.h"
#include "topology.h"

#include "cpn/v1/dispatch.grpc.pb.h"
#include "cpn/v1/state.grpc.pb.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <chrono>
#include <future>
#include <set>
#include <thread>
#include <utility>

using namespace cpn;
using cpn::mock::MockServer;
using cpn::mock::MockServerOptions;
using cpn::mock::Simulation;
using cpn::mock::SimulationOptions;

namespace {

struct Place {
    const char* id;
    double latitude;
    double longitude;
};

// DOMAIN.md: hub centres and the 10 clusters.
const Place kHubs[] = { { "hub-jjj", 39.90, 116.41 }, { "hub-yrd", 31.23, 121.47 }, { "hub-gba", 23.13, 113.26 },
    { "hub-cy", 30.57, 104.07 }, { "hub-nm", 40.84, 111.75 }, { "hub-gz", 26.65, 106.63 }, { "hub-gs", 35.71, 107.64 },
    { "hub-nx", 38.49, 106.23 } };
const Place kClusters[] = { { "cl-zhangjiakou", 40.77, 114.88 }, { "cl-yrd-demo", 31.15, 121.12 },
    { "cl-wuhu", 31.35, 118.43 }, { "cl-shaoguan", 24.81, 113.60 }, { "cl-tianfu", 30.57, 104.07 },
    { "cl-chongqing", 29.56, 106.55 }, { "cl-horinger", 40.38, 111.82 }, { "cl-guian", 26.40, 106.40 },
    { "cl-qingyang", 35.71, 107.64 }, { "cl-zhongwei", 37.51, 105.19 } };

std::string deterministicBytes(const google::protobuf::Message& message)
{
    std::string bytes;
    {
        google::protobuf::io::StringOutputStream stream(&bytes);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        message.SerializeToCodedStream(&coded);
    }
    return bytes;
}

QString codeName(grpc::StatusCode code)
{
    switch (code) {
    case grpc::StatusCode::OK:
        return QStringLiteral("OK");
    case grpc::StatusCode::CANCELLED:
        return QStringLiteral("CANCELLED");
    case grpc::StatusCode::INVALID_ARGUMENT:
        return QStringLiteral("INVALID_ARGUMENT");
    case grpc::StatusCode::NOT_FOUND:
        return QStringLiteral("NOT_FOUND");
    case grpc::StatusCode::PERMISSION_DENIED:
        return QStringLiteral("PERMISSION_DENIED");
    case grpc::StatusCode::FAILED_PRECONDITION:
        return QStringLiteral("FAILED_PRECONDITION");
    case grpc::StatusCode::OUT_OF_RANGE:
        return QStringLiteral("OUT_OF_RANGE");
    case grpc::StatusCode::UNAVAILABLE:
        return QStringLiteral("UNAVAILABLE");
    case grpc::StatusCode::UNAUTHENTICATED:
        return QStringLiteral("UNAUTHENTICATED");
    default:
        return QStringLiteral("code %1").arg(int(code));
    }
}

QString codeName(const grpc::Status& status)
{
    return codeName(status.error_code());
}

// All events after `after` held by a simulation's log.
std::vector<mock::EventPtr> eventsAfter(const Simulation& simulation, std::uint64_t after)
{
    std::vector<mock::EventPtr> events;
    while (simulation.events().read(after, 100000, std::chrono::milliseconds(0), events)
        == mock::EventLog::ReadStatus::Events)
        after = events.back()->revision();
    return events;
}

// One request to a method this test has no stubs for (health, reflection), in raw protobuf bytes;
// the first reply's bytes, or nullopt.
std::optional<std::string> rawCall(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& method, const std::string& request)
{
    grpc::GenericStub stub(channel);
    grpc::CompletionQueue queue;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    auto call = stub.PrepareCall(&context, method, &queue);
    void* tag = nullptr;
    bool ok = false;
    auto step = [&](auto&& operation) {
        operation();
        return queue.Next(&tag, &ok) && ok;
    };
    grpc::Slice slice(request);
    grpc::ByteBuffer out(&slice, 1);
    grpc::ByteBuffer in;
    std::optional<std::string> reply;
    if (step([&] { call->StartCall(&queue); }) && step([&] { call->WriteLast(out, grpc::WriteOptions(), &queue); })
        && step([&] { call->Read(&in, &queue); })) {
        std::vector<grpc::Slice> slices;
        in.Dump(&slices).ok();
        reply.emplace();
        for (const auto& s : slices)
            reply->append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
    grpc::Status status;
    step([&] { call->Finish(&status, &queue); });
    queue.Shutdown();
    while (queue.Next(&tag, &ok)) { }
    return reply;
}

// A gRPC client of one MockServer.
struct Client {
    explicit Client(const std::string& address, std::string token = {})
        : channel(grpc::CreateChannel(address, grpc::InsecureChannelCredentials()))
        , state(v1::StateService::NewStub(channel))
        , dispatch(v1::DispatchService::NewStub(channel))
        , token(std::move(token))
    { }

    std::unique_ptr<grpc::ClientContext> context() const
    {
        auto context = std::make_unique<grpc::ClientContext>();
        context->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
        if (!token.empty())
            context->AddMetadata("authorization", "Bearer " + token);
        return context;
    }

    v1::Snapshot snapshot() const
    {
        v1::Snapshot snapshot;
        const auto status = state->GetSnapshot(context().get(), {}, &snapshot);
        if (!status.ok())
            qWarning("GetSnapshot: %s", status.error_message().c_str());
        return snapshot;
    }

    grpc::Status listTasks(const v1::ListTasksRequest& request, v1::ListTasksResponse* response) const
    {
        return state->ListTasks(context().get(), request, response);
    }

    grpc::Status plan(const std::string& task, const std::string& target, v1::MigrationPlan* plan) const
    {
        v1::PlanMigrationRequest request;
        request.set_task_id(task);
        request.set_target_site_id(target);
        return dispatch->PlanMigration(context().get(), request, plan);
    }

    grpc::Status start(const std::string& key, const std::string& task, const std::string& target,
        v1::Migration* migration, std::string* details = nullptr) const
    {
        v1::StartMigrationRequest request;
        request.set_request_id(key);
        request.set_task_id(task);
        request.set_target_site_id(target);
        request.set_reason("test");
        const auto status = dispatch->StartMigration(context().get(), request, migration);
        if (details)
            *details = status.error_details();
        return status;
    }

    grpc::Status cancel(const std::string& id, v1::Migration* migration) const
    {
        v1::CancelMigrationRequest request;
        request.set_migration_id(id);
        return dispatch->CancelMigration(context().get(), request, migration);
    }

    std::vector<v1::Task> allTasks() const
    {
        std::vector<v1::Task> tasks;
        v1::ListTasksRequest request;
        request.set_page_size(5000);
        do {
            v1::ListTasksResponse response;
            if (!listTasks(request, &response).ok())
                break;
            tasks.insert(tasks.end(), response.tasks().begin(), response.tasks().end());
            request.set_page_token(response.next_page_token());
        } while (!request.page_token().empty());
        return tasks;
    }

    std::shared_ptr<grpc::Channel> channel;
    std::unique_ptr<v1::StateService::Stub> state;
    std::unique_ptr<v1::DispatchService::Stub> dispatch;
    std::string token;
};

MockServerOptions manualOptions(std::uint64_t seed = 11)
{
    MockServerOptions options;
    options.listenAddress = "127.0.0.1:0";
    options.seed = seed;
    options.manualTicks = true;
    return options;
}

// A running task of one of `kinds` with a feasible move to a hub or cluster; false if none found.
bool findFeasibleMove(const Client& client, const std::vector<v1::Task>& tasks, const v1::Snapshot& snapshot,
    std::set<v1::TaskKind> kinds, v1::Task* task, std::string* target, const std::set<std::string>& skip = {})
{
    int tried = 0;
    for (const auto& t : tasks) {
        if (t.state() != v1::TASK_STATE_RUNNING || !kinds.count(t.kind()) || skip.count(t.id()) || ++tried > 200)
            continue;
        for (const auto& site : snapshot.sites()) {
            if (site.tier() > v1::SITE_TIER_CLUSTER || site.id() == t.site_id())
                continue;
            v1::MigrationPlan plan;
            if (client.plan(t.id(), site.id(), &plan).ok() && plan.feasible()) {
                *task = t;
                *target = site.id();
                return true;
            }
        }
    }
    return false;
}

} // namespace

class TestSimulation : public QObject {
    Q_OBJECT

private slots:
    void sameSeedGivesSameStates()
    {
        SimulationOptions options;
        options.seed = 7;
        Simulation a(options);
        Simulation b(options);
        QCOMPARE(deterministicBytes(a.snapshot()), deterministicBytes(b.snapshot()));
        for (int i = 0; i < 30; ++i) {
            a.tick(10);
            b.tick(10);
        }
        QCOMPARE(deterministicBytes(a.snapshot()), deterministicBytes(b.snapshot()));
        const auto eventsA = eventsAfter(a, 1);
        const auto eventsB = eventsAfter(b, 1);
        QCOMPARE(eventsA.size(), eventsB.size());
        QVERIFY(eventsA.size() >= 30);
        for (std::size_t i = 0; i < eventsA.size(); ++i)
            QVERIFY2(
                deterministicBytes(*eventsA[i]) == deterministicBytes(*eventsB[i]), qPrintable(QString::number(i)));
        v1::ListTasksRequest request;
        request.set_page_size(5000);
        v1::ListTasksResponse pageA;
        v1::ListTasksResponse pageB;
        QVERIFY(a.listTasks(request, &pageA).ok());
        QVERIFY(b.listTasks(request, &pageB).ok());
        QCOMPARE(deterministicBytes(pageA), deterministicBytes(pageB));
    }

    void differentSeedGivesDifferentStates()
    {
        SimulationOptions options;
        options.seed = 7;
        Simulation a(options);
        options.seed = 8;
        Simulation b(options);
        a.tick(10);
        b.tick(10);
        QVERIFY(deterministicBytes(a.snapshot()) != deterministicBytes(b.snapshot()));
    }

    void nationalNetworkHasTheDomainShape()
    {
        Simulation simulation;
        const auto snapshot = simulation.snapshot();
        QCOMPARE(snapshot.scale(), std::string("national"));
        QCOMPARE(snapshot.regions_size(), 8);
        QVERIFY2(snapshot.sites_size() >= 270 && snapshot.sites_size() <= 330,
            qPrintable(QString::number(snapshot.sites_size())));
        QVERIFY2(snapshot.links_size() >= 540 && snapshot.links_size() <= 660,
            qPrintable(QString::number(snapshot.links_size())));
        QVERIFY(snapshot.task_count() >= 18000 && snapshot.task_count() <= 22000);
        QCOMPARE(snapshot.site_metrics_size(), snapshot.sites_size());
        QCOMPARE(snapshot.link_metrics_size(), snapshot.links_size());

        std::map<std::string, const v1::Site*> sites;
        for (const auto& site : snapshot.sites()) {
            QVERIFY2(sites.emplace(site.id(), &site).second, site.id().c_str());
            QVERIFY(!site.name_zh().empty() && !site.name_en().empty() && !site.region_id().empty());
        }
        auto expectAt = [&](const Place& place, v1::SiteTier tier) {
            auto it = sites.find(place.id);
            QVERIFY2(it != sites.end(), place.id);
            QCOMPARE(it->second->tier(), tier);
            QCOMPARE(it->second->latitude(), place.latitude);
            QCOMPARE(it->second->longitude(), place.longitude);
        };
        for (const auto& hub : kHubs)
            expectAt(hub, v1::SITE_TIER_NATIONAL_HUB);
        for (const auto& cluster : kClusters)
            expectAt(cluster, v1::SITE_TIER_CLUSTER);
        int hubs = 0;
        int clusters = 0;
        for (const auto& site : snapshot.sites()) {
            hubs += site.tier() == v1::SITE_TIER_NATIONAL_HUB;
            clusters += site.tier() == v1::SITE_TIER_CLUSTER;
        }
        QCOMPARE(hubs, 8);
        QCOMPARE(clusters, 10);
        int western = 0;
        for (const auto& region : snapshot.regions())
            western += region.western();
        QCOMPARE(western, 5);

        // The hubs form a full mesh with inter-hub latencies of 5..20 ms.
        int hubLinks = 0;
        for (const auto& link : snapshot.links()) {
            QVERIFY(link.capacity_gbps() > 0 && link.latency_ms() > 0);
            if (sites.at(link.site_a_id())->tier() == v1::SITE_TIER_NATIONAL_HUB
                && sites.at(link.site_b_id())->tier() == v1::SITE_TIER_NATIONAL_HUB) {
                ++hubLinks;
                QVERIFY2(link.latency_ms() >= 5.0 && link.latency_ms() <= 20.0, link.id().c_str());
                QVERIFY(link.capacity_gbps() >= 1600 && link.capacity_gbps() <= 6400);
            }
        }
        QCOMPARE(hubLinks, 28);

        // Every site reachable from every other.
        std::map<std::string, std::vector<std::string>> adjacent;
        for (const auto& link : snapshot.links()) {
            adjacent[link.site_a_id()].push_back(link.site_b_id());
            adjacent[link.site_b_id()].push_back(link.site_a_id());
        }
        std::set<std::string> seen { snapshot.sites(0).id() };
        std::vector<std::string> frontier { snapshot.sites(0).id() };
        while (!frontier.empty()) {
            const auto site = frontier.back();
            frontier.pop_back();
            for (const auto& next : adjacent[site])
                if (seen.insert(next).second)
                    frontier.push_back(next);
        }
        QCOMPARE(int(seen.size()), snapshot.sites_size());
    }

    void revisionsIncreaseByOnePerEvent()
    {
        Simulation simulation;
        const std::uint64_t start = simulation.snapshot().revision();
        for (int i = 0; i < 20; ++i)
            simulation.tick(30);
        const auto events = eventsAfter(simulation, start);
        QVERIFY(!events.empty());
        std::uint64_t expected = start + 1;
        int metrics = 0;
        std::int64_t lastTime = 0;
        for (const auto& event : events) {
            QCOMPARE(event->revision(), expected++);
            QVERIFY(event->sim_time_ms() >= lastTime);
            lastTime = event->sim_time_ms();
            if (event->has_metrics()) {
                ++metrics;
                QCOMPARE(event->metrics().sites_size(), simulation.snapshot().sites_size());
                QCOMPARE(event->metrics().links_size(), simulation.snapshot().links_size());
            }
        }
        QCOMPARE(metrics, 20); // one batch per tick
        QCOMPARE(simulation.snapshot().revision(), expected - 1);
        QCOMPARE(simulation.snapshot().sim_time_ms(), mock::kSimulationStartMs + 20 * 30000);
    }

    void capacityAccountingHoldsOverTime()
    {
        SimulationOptions options;
        options.seed = 3;
        Simulation simulation(options);
        // Keep migrations in flight too: drain a busy regional site.
        const auto snapshot = simulation.snapshot();
        std::string regional;
        for (const auto& site : snapshot.sites())
            if (site.tier() == v1::SITE_TIER_REGIONAL) {
                regional = site.id();
                break;
            }
        v1::DrainSiteRequest drain;
        drain.set_request_id("drain-accounting");
        drain.set_site_id(regional);
        drain.set_max_concurrent(8);
        v1::DrainSiteResponse drained;
        QVERIFY(simulation.drainSite(drain, "operator", &drained).ok());
        QVERIFY(drained.migrations_size() > 0);

        for (int i = 0; i < 240; ++i) {
            simulation.tick(60);
            if (i % 20 == 0) {
                const auto problems = simulation.checkInvariants();
                QVERIFY2(problems.empty(), problems.c_str());
            }
        }
        const auto after = simulation.snapshot();
        for (int s = 0; s < after.sites_size(); ++s) {
            const auto& site = after.sites(s);
            const auto& metrics = after.site_metrics(s);
            QCOMPARE(metrics.site_id(), site.id());
            QVERIFY(metrics.utilisation() >= 0 && metrics.utilisation() <= 1);
            QVERIFY(metrics.power_mw() > 0 && metrics.pue() >= 1);
            QCOMPARE(metrics.usage_size(), site.capacity_size());
            for (int a = 0; a < site.capacity_size(); ++a) {
                QCOMPARE(metrics.usage(a).architecture(), site.capacity(a).architecture());
                QVERIFY(metrics.usage(a).cards_used() <= site.capacity(a).cards());
                QVERIFY(metrics.usage(a).pflops_used() <= site.capacity(a).pflops() + 1e-6);
            }
        }
        for (int l = 0; l < after.links_size(); ++l) {
            const auto& metrics = after.link_metrics(l);
            QVERIFY(metrics.utilisation() >= 0 && metrics.utilisation() <= 1);
            QVERIFY(
                metrics.throughput_ab_gbps() >= 0 && metrics.throughput_ab_gbps() <= after.links(l).capacity_gbps());
            QVERIFY(
                metrics.throughput_ba_gbps() >= 0 && metrics.throughput_ba_gbps() <= after.links(l).capacity_gbps());
        }
        // Four hours later tasks have come and gone, but the population holds.
        QVERIFY(after.task_count() > 15000 && after.task_count() < 25000);
        int finished = 0;
        for (const auto& m : after.migrations())
            finished += m.state() == v1::MIGRATION_STATE_COMPLETED;
        QVERIFY(finished > 0);
    }

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
        for (const auto& id : before)
            if (after.count(id))
                QVERIFY2(unique.count(id), id.c_str()); // present throughout: seen

        // Filters: by site and by a case-insensitive substring.
        const auto some = client.allTasks().at(100);
        v1::ListTasksRequest bySite;
        bySite.set_site_id(some.site_id());
        v1::ListTasksResponse onSite;
        QVERIFY(client.listTasks(bySite, &onSite).ok());
        QVERIFY(onSite.total_count() >= 1);
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
        } else if (request == "drain-site" || request == "drain-key") {
            v1::DrainSiteRequest drain;
            drain.set_request_id(request == "drain-key" ? "" : "d-1");
            drain.set_site_id(request == "drain-key" ? task.site_id() : "no-such-site");
            v1::DrainSiteResponse drained;
            status = client.dispatch->DrainSite(client.context().get(), drain, &drained);
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
            request.set_step_ms(3600000);
            QVERIFY(client.state->QueryHistory(client.context().get(), request, &response).ok());
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
        std::vector<mock::EventPtr> events;
        QCOMPARE(int(small.events().read(1, 10, std::chrono::milliseconds(0), events)),
            int(mock::EventLog::ReadStatus::OutOfRange));
        QCOMPARE(
            int(small.events().read(small.events().oldestRevision() - 1, 10, std::chrono::milliseconds(0), events)),
            int(mock::EventLog::ReadStatus::Events));
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
        streaming.get_future().wait();
        server->stop();
        // A guard against hanging, not a timing assertion.
        QVERIFY(watcher.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
        QVERIFY(!watcher.get().ok());
        QVERIFY(!server->isRunning());
    }

    void plansExplainInfeasibleMoves()
    {
        MockServer server(manualOptions());
        QVERIFY(server.start());
        Client client(server.address());
        const auto snapshot = client.snapshot();
        const auto tasks = client.allTasks();
        std::map<std::string, const v1::Site*> sites;
        for (const auto& site : snapshot.sites())
            sites[site.id()] = &site;
        auto hasArchitecture = [](const v1::Site& site, v1::Architecture a) {
            for (const auto& c : site.capacity())
                if (c.architecture() == a)
                    return true;
            return false;
        };
        auto violations = [](const v1::MigrationPlan& plan) {
            std::set<v1::ViolationCode> codes;
            for (const auto& v : plan.violations()) {
                codes.insert(v.code());
                if (v.message().empty())
                    qWarning("violation without a message");
            }
            return codes;
        };

        // Architecture mismatch, and starting it anyway: FAILED_PRECONDITION with the plan attached.
        const v1::Task* mismatched = nullptr;
        const v1::Site* lacking = nullptr;
        for (const auto& task : tasks) {
            for (const auto& site : snapshot.sites())
                if (!hasArchitecture(site, task.architecture())) {
                    mismatched = &task;
                    lacking = &site;
                    break;
                }
            if (mismatched)
                break;
        }
        QVERIFY(mismatched && lacking);
        v1::MigrationPlan plan;
        QVERIFY(client.plan(mismatched->id(), lacking->id(), &plan).ok());
        QVERIFY(!plan.feasible());
        QVERIFY(violations(plan).count(v1::VIOLATION_CODE_ARCHITECTURE_MISMATCH));
        v1::Migration migration;
        std::string details;
        const auto status = client.start("k-mismatch", mismatched->id(), lacking->id(), &migration, &details);
        QCOMPARE(codeName(status), QStringLiteral("FAILED_PRECONDITION"));
        QVERIFY(QString::fromStdString(status.error_message()).contains(QStringLiteral("ARCHITECTURE_MISMATCH")));
        v1::MigrationPlan attached;
        QVERIFY(attached.ParseFromString(details));
        QCOMPARE(attached.task_id(), mismatched->id());
        QVERIFY(violations(attached).count(v1::VIOLATION_CODE_ARCHITECTURE_MISMATCH));

        // Inference too far from its users.
        bool sloChecked = false;
        for (const auto& task : tasks) {
            if (task.kind() != v1::TASK_KIND_INFERENCE || task.latency_slo_ms() <= 0 || task.latency_slo_ms() > 10
                || sites.at(task.users_site_id())->longitude() < 110)
                continue;
            QVERIFY(client.plan(task.id(), "rg-urumqi", &plan).ok());
            QVERIFY(violations(plan).count(v1::VIOLATION_CODE_LATENCY_SLO));
            QVERIFY(plan.latency_ms_after() > task.latency_slo_ms());
            sloChecked = true;
            break;
        }
        QVERIFY(sloChecked);

        // Data that must stay in its region.
        bool residencyChecked = false;
        for (const auto& task : tasks) {
            if (task.allowed_region_ids_size() != 1)
                continue;
            for (const auto& site : snapshot.sites()) {
                if (site.region_id() == task.allowed_region_ids(0))
                    continue;
                QVERIFY(client.plan(task.id(), site.id(), &plan).ok());
                QVERIFY(violations(plan).count(v1::VIOLATION_CODE_DATA_RESIDENCY));
                residencyChecked = true;
                break;
            }
            break;
        }
        QVERIFY(residencyChecked);

        // A site in maintenance takes no new work.
        v1::DrainSiteRequest drain;
        drain.set_request_id("d-maintenance");
        drain.set_site_id("hub-gz");
        v1::DrainSiteResponse drained;
        QVERIFY(client.dispatch->DrainSite(client.context().get(), drain, &drained).ok());
        const auto& someTask = tasks.front().site_id() == "hub-gz" ? tasks.at(1) : tasks.front();
        QVERIFY(client.plan(someTask.id(), "hub-gz", &plan).ok());
        QVERIFY(violations(plan).count(v1::VIOLATION_CODE_TARGET_UNAVAILABLE));
    }

    void migrationRunsToCompletion()
    {
        MockServer server(manualOptions(5));
        QVERIFY(server.start());
        Client client(server.address());
        const auto snapshot = client.snapshot();
        const auto tasks = client.allTasks();
        v1::Task task;
        std::string target;
        QVERIFY(
            findFeasibleMove(client, tasks, snapshot, { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH }, &task, &target));
        v1::MigrationPlan plan;
        QVERIFY(client.plan(task.id(), target, &plan).ok());
        QVERIFY(plan.feasible() && plan.path_link_ids_size() > 0);
        QVERIFY(plan.transfer_seconds() > 0 && plan.transfer_seconds() <= 300.5);
        QVERIFY(plan.downtime_seconds() > 0);
        QCOMPARE(plan.projected_site_loads_size(), 2);
        QCOMPARE(plan.projected_link_loads_size(), plan.path_link_ids_size());

        const std::uint64_t from = client.snapshot().revision();
        v1::Migration first;
        v1::Migration again;
        QCOMPARE(codeName(client.start("k-run", task.id(), target, &first)), QStringLiteral("OK"));
        QCOMPARE(codeName(client.start("k-run", task.id(), target, &again)), QStringLiteral("OK"));
        QCOMPARE(again.id(), first.id());
        QCOMPARE(first.state(), v1::MIGRATION_STATE_CHECKPOINTING);
        QCOMPARE(first.request_id(), std::string("k-run"));
        QCOMPARE(server.simulation()->findTask(task.id())->state(), v1::TASK_STATE_MIGRATING);
        // The task is busy now: a second migration of it is refused.
        QVERIFY(client.plan(task.id(), task.site_id() == "hub-nx" ? "hub-gs" : "hub-nx", &plan).ok());
        QVERIFY(!plan.feasible());

        for (int i = 0; i < 120; ++i) {
            server.simulation()->tick(10);
            const auto now = server.simulation()->findMigration(first.id());
            QVERIFY(now);
            if (now->state() == v1::MIGRATION_STATE_TRANSFERRING) {
                QVERIFY(now->bytes_done() <= now->bytes_total());
                QVERIFY(now->eta_seconds() > 0);
            }
            if (now->state() == v1::MIGRATION_STATE_COMPLETED)
                break;
        }
        QVERIFY(server.simulation()->findMigration(first.id())->state() == v1::MIGRATION_STATE_COMPLETED);
        // Every step was an event, in order.
        std::vector<v1::MigrationState> seen;
        bool taskMoved = false;
        for (const auto& event : eventsAfter(*server.simulation(), from)) {
            if (event->has_migration() && event->migration().id() == first.id()
                && (seen.empty() || seen.back() != event->migration().state()))
                seen.push_back(event->migration().state());
            if (event->has_task() && event->task().id() == task.id() && event->task().site_id() == target)
                taskMoved = true;
        }
        const std::vector<v1::MigrationState> lifecycle { v1::MIGRATION_STATE_CHECKPOINTING,
            v1::MIGRATION_STATE_TRANSFERRING, v1::MIGRATION_STATE_RESTORING, v1::MIGRATION_STATE_COMPLETED };
        QVERIFY(seen == lifecycle);
        QVERIFY(taskMoved);
        const auto moved = server.simulation()->findTask(task.id());
        QVERIFY(moved);
        QCOMPARE(moved->site_id(), target);
        QCOMPARE(moved->state(), v1::TASK_STATE_RUNNING);
        v1::ListTasksRequest atTarget;
        atTarget.set_site_id(target);
        atTarget.set_filter(task.id());
        v1::ListTasksResponse listed;
        QVERIFY(client.listTasks(atTarget, &listed).ok());
        QCOMPARE(listed.tasks_size(), 1);

        // Finished: cannot be cancelled; the same key still answers the same migration.
        v1::Migration cancelled;
        QCOMPARE(codeName(client.cancel(first.id(), &cancelled)), QStringLiteral("FAILED_PRECONDITION"));
        QCOMPARE(codeName(client.start("k-run", task.id(), target, &again)), QStringLiteral("OK"));
        QCOMPARE(again.id(), first.id());
        QCOMPARE(again.state(), v1::MIGRATION_STATE_COMPLETED);
        QVERIFY(server.simulation()->checkInvariants().empty());
    }

    void concurrentStartsWithOneKeyStartOneMigration()
    {
        MockServer server(manualOptions(6));
        QVERIFY(server.start());
        Client client(server.address());
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(client, client.allTasks(), client.snapshot(),
            { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH, v1::TASK_KIND_RENDERING }, &task, &target));
        std::vector<std::future<std::pair<grpc::Status, std::string>>> calls;
        for (int i = 0; i < 6; ++i)
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
    }

    void cancelledMigrationLeavesTaskAtSource()
    {
        MockServer server(manualOptions(9));
        QVERIFY(server.start());
        Client client(server.address());
        v1::Task task;
        std::string target;
        QVERIFY(
            findFeasibleMove(client, client.allTasks(), client.snapshot(), { v1::TASK_KIND_TRAINING }, &task, &target));
        v1::Migration migration;
        QVERIFY(client.start("k-cancel", task.id(), target, &migration).ok());
        server.simulation()->tick(5);
        v1::Migration cancelled;
        QCOMPARE(codeName(client.cancel(migration.id(), &cancelled)), QStringLiteral("OK"));
        QCOMPARE(cancelled.state(), v1::MIGRATION_STATE_CANCELLED);
        const auto after = server.simulation()->findTask(task.id());
        QCOMPARE(after->site_id(), task.site_id());
        QCOMPARE(after->state(), v1::TASK_STATE_RUNNING);
        QCOMPARE(codeName(client.cancel(migration.id(), &cancelled)), QStringLiteral("FAILED_PRECONDITION"));
        QVERIFY(server.simulation()->checkInvariants().empty());
    }

    void drainPutsSiteInMaintenanceAndMovesItsTasks()
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
        QCOMPARE(codeName(client.dispatch->DrainSite(client.context().get(), request, &first)), QStringLiteral("OK"));
        QCOMPARE(first.site_id(), edge);
        QVERIFY(first.migrations_size() + first.unplaced_task_ids_size() >= 2);
        int active = 0;
        for (const auto& m : first.migrations()) {
            QCOMPARE(m.drain_request_id(), std::string("d-edge"));
            QCOMPARE(m.source_site_id(), edge);
            active += m.state() != v1::MIGRATION_STATE_PLANNED;
        }
        QVERIFY(active <= 2);
        v1::DrainSiteResponse again;
        QVERIFY(client.dispatch->DrainSite(client.context().get(), request, &again).ok());
        QCOMPARE(again.migrations_size(), first.migrations_size());
        for (int i = 0; i < first.migrations_size(); ++i)
            QCOMPARE(again.migrations(i).id(), first.migrations(i).id());
        const auto during = client.snapshot();
        for (const auto& site : during.sites())
            if (site.id() == edge)
                QCOMPARE(site.status(), v1::SITE_STATUS_MAINTENANCE);
        for (int i = 0; i < 300; ++i)
            server.simulation()->tick(10);
        for (const auto& m : first.migrations())
            QCOMPARE(server.simulation()->findMigration(m.id())->state(), v1::MIGRATION_STATE_COMPLETED);
        QVERIFY(server.simulation()->checkInvariants().empty());
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

    void tokensGrantRoles()
    {
        MockServerOptions options = manualOptions();
        options.tokens = { { mock::Role::Viewer, "view-secret" }, { mock::Role::Operator, "op-secret" } };
        MockServer server(options);
        QVERIFY(server.start());
        v1::Snapshot snapshot;
        v1::MigrationPlan plan;
        Client anonymous(server.address());
        QCOMPARE(codeName(anonymous.state->GetSnapshot(anonymous.context().get(), {}, &snapshot)),
            QStringLiteral("UNAUTHENTICATED"));
        Client wrong(server.address(), "guess");
        QCOMPARE(codeName(wrong.state->GetSnapshot(wrong.context().get(), {}, &snapshot)),
            QStringLiteral("UNAUTHENTICATED"));
        Client viewer(server.address(), "view-secret");
        QCOMPARE(codeName(viewer.state->GetSnapshot(viewer.context().get(), {}, &snapshot)), QStringLiteral("OK"));
        QCOMPARE(codeName(viewer.plan("t-00000001", "hub-gz", &plan)), QStringLiteral("PERMISSION_DENIED"));
        Client op(server.address(), "op-secret");
        QCOMPARE(codeName(op.state->GetSnapshot(op.context().get(), {}, &snapshot)), QStringLiteral("OK"));
        const auto status = op.plan("t-99999999", "hub-gz", &plan);
        QCOMPARE(codeName(status), QStringLiteral("NOT_FOUND")); // past auth
    }

    void openServerStaysOnLoopback()
    {
        MockServerOptions options = manualOptions();
        options.listenAddress = "0.0.0.0:0";
        MockServer open(options);
        std::string error;
        QVERIFY(!open.start(&error));
        QVERIFY2(QString::fromStdString(error).contains(QStringLiteral("token")), error.c_str());
        options.scenario = "meteor-strike";
        options.listenAddress = "127.0.0.1:0";
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

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
