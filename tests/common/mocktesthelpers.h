#pragma once
// Shared by the tests that use the mock scheduler in-process: status names, the event log read
// back, a gRPC client of a MockServer, finding a task with a feasible move, and a server whose clock
// the test moves (start it, tick it on, start and run a migration).

#include "partsreader.h"
#include "mockserver.h"
#include "simulation.h"

#include "cpn/v1/dispatch.grpc.pb.h"
#include "cpn/v1/state.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QString>
#include <QtGlobal>

#include <chrono>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace cpn::testing {

inline QString codeName(grpc::StatusCode code)
{
    static const char* const names[] = { "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
        "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
        "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED" };
    const int i = int(code);
    return i >= 0 && i < int(std::size(names)) ? QString::fromLatin1(names[i]) : QStringLiteral("code %1").arg(i);
}

inline QString codeName(const grpc::Status& status)
{
    return codeName(status.error_code());
}

// All events after `after` held by a simulation's log.
inline std::vector<server::EventPtr> eventsAfter(const mock::Simulation& simulation, std::uint64_t after)
{
    std::vector<server::EventPtr> events;
    while (simulation.events().read(after, 100000, std::chrono::milliseconds(0), events)
        == server::EventLog::ReadStatus::Events)
        after = events.back()->revision();
    return events;
}

// Every task of a simulation, in id order.
inline std::vector<v1::Task> allTasks(const mock::Simulation& simulation)
{
    std::vector<v1::Task> tasks;
    v1::ListTasksRequest request;
    request.set_page_size(5000);
    do {
        v1::ListTasksResponse response;
        if (!simulation.listTasks(request, &response).ok())
            break;
        tasks.insert(tasks.end(), response.tasks().begin(), response.tasks().end());
        request.set_page_token(response.next_page_token());
    } while (!request.page_token().empty());
    return tasks;
}

inline v1::MigrationPlan planOf(const mock::Simulation& simulation, const std::string& task, const std::string& target)
{
    v1::PlanMigrationRequest request;
    request.set_task_id(task);
    request.set_target_site_id(target);
    v1::MigrationPlan plan;
    simulation.planMigration(request, &plan);
    return plan;
}

// A running task of one of `kinds` with a feasible move to a hub or cluster; false if none found.
inline bool findFeasibleMove(const mock::Simulation& simulation, std::set<v1::TaskKind> kinds, v1::Task* task,
    std::string* target, const std::set<std::string>& skip = {})
{
    const auto snapshot = simulation.snapshot();
    int tried = 0;
    for (const auto& t : allTasks(simulation)) {
        if (t.state() != v1::TASK_STATE_RUNNING || !kinds.count(t.kind()) || skip.count(t.id()) || ++tried > 200)
            continue;
        for (const auto& site : snapshot.sites()) {
            if (site.tier() > v1::SITE_TIER_CLUSTER || site.id() == t.site_id())
                continue;
            if (planOf(simulation, t.id(), site.id()).feasible()) {
                *task = t;
                *target = site.id();
                return true;
            }
        }
    }
    return false;
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
        const auto status = v1::readSnapshot(*state, context().get(), &snapshot);
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

    grpc::Status cancel(const std::string& id, v1::Migration* migration, const std::string& key = {}) const
    {
        v1::CancelMigrationRequest request;
        request.set_migration_id(id);
        request.set_request_id(key);
        return dispatch->CancelMigration(context().get(), request, migration);
    }

    grpc::Status drain(const v1::DrainSiteRequest& request, v1::DrainSiteResponse* response) const
    {
        return v1::drainSite(*dispatch, context().get(), request, response);
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

// A server on a free loopback port that moves only when the test ticks it, and whose migrations
// do not fail unless a test asks.
inline mock::MockServerOptions manualOptions(std::uint64_t seed = 11)
{
    mock::MockServerOptions options;
    options.serving.listenAddress = "127.0.0.1:0";
    options.seed = seed;
    options.manualTicks = true;
    options.migrationFailureRate = 0;
    return options;
}

// A server of `options`, started; null (and why, as a warning) if it cannot start.
inline std::unique_ptr<mock::MockServer> startServer(const mock::MockServerOptions& options)
{
    auto server = std::make_unique<mock::MockServer>(options);
    std::string error;
    if (!server->start(&error)) {
        qWarning("%s", error.c_str());
        return nullptr;
    }
    return server;
}

// A started server of manualOptions(seed) on a loopback port (0: a free one; the port of an
// earlier server: that scheduler restarted); null if it cannot start.
inline std::unique_ptr<mock::MockServer> startManualServer(std::uint64_t seed, int port = 0)
{
    auto options = manualOptions(seed);
    options.serving.listenAddress = "127.0.0.1:" + std::to_string(port);
    return startServer(options);
}

// Moves a manual server on by `minutes`, one tick a simulated minute: what its own thread does in
// `minutes` wall seconds at --time-scale 60.
inline void advanceMinutes(mock::MockServer& server, int minutes)
{
    for (int i = 0; i < minutes; ++i)
        server.simulation()->tick(60);
}

// Starts a migration on the engine, as an operator's StartMigration would.
inline grpc::Status startMigration(mock::Simulation& simulation, const std::string& key, const std::string& task,
    const std::string& target, v1::Migration* migration)
{
    v1::StartMigrationRequest request;
    request.set_request_id(key);
    request.set_task_id(task);
    request.set_target_site_id(target);
    request.set_reason("test");
    return simulation.startMigration(request, "operator", migration);
}

// Ticks until the migration has finished (or a generous bound), returning its last state and, in
// *ticks, how many ticks that took.
inline v1::Migration runToEnd(mock::Simulation& simulation, const std::string& id, double step = 10, int* ticks = nullptr)
{
    int n = 0;
    for (; n < 1000 && !mock::isFinishedState(simulation.findMigration(id)->state()); ++n)
        simulation.tick(step);
    if (ticks)
        *ticks = n;
    return *simulation.findMigration(id);
}

} // namespace cpn::testing
