// cpn-fuzz-server: whatever a client asks, handled as a server handles it. The first byte says
// what the rest is (fuzzstory.h: Request, the byte modulo their count); the rest is the
// serialized request. Unary calls go straight to the services of server/ (StateServiceImpl,
// DispatchServiceImpl) with a server context made here: with no token configured the
// authenticator admits every caller as an operator and looks at nothing of the call, so the
// services' own checks (roles, the bounds on every string) run before the engine, a national
// mock scheduler (mock::Simulation). The streaming calls write through a ServerWriter that only
// gRPC can make: DrainSite goes to the same service through an in-process gRPC server (no port);
// GetSnapshot, which takes no input, goes there too with each tick below; Watch, which never
// ends, is read from the event log as the service reads it. The "cpn-user" metadata, which a
// context made here cannot carry, is decoded on its own.
//
// Commands change the engine, as they would a server's: after each one that is accepted the
// engine's own accounting is checked (Simulation::checkInvariants), every so often the clock moves
// on (migrations progress, drains proceed over what the inputs did), and the engine is made anew
// now and then so that thousands of accepted commands cannot grow it without end.

#include "fuzzstory.h"

#include "auth.h"
#include "dispatchservice.h"
#include "partsreader.h"
#include "stateservice.h"

#include "cpn/v1/dispatch.grpc.pb.h"

#include <google/protobuf/stubs/logging.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>

using namespace cpn;

namespace {

// Inputs between two ticks of the clock (a simulated half minute), and between two engines.
constexpr std::uint64_t kTickEvery = 2000;
constexpr std::uint64_t kRenewEvery = 20000;

struct Server {
    Server()
    {
        grpc::ServerBuilder builder;
        builder.RegisterService(&state);
        builder.RegisterService(&dispatch);
        inProcess = builder.BuildAndStart();
        if (!inProcess) {
            std::fprintf(stderr, "cannot start an in-process gRPC server\n");
            std::abort();
        }
        const auto channel = inProcess->InProcessChannel({});
        stateStub = v1::StateService::NewStub(channel);
        dispatchStub = v1::DispatchService::NewStub(channel);
    }
    ~Server() { inProcess->Shutdown(); }

    fuzz::MockStory story = fuzz::tellStory();
    server::Authenticator open { {} };
    server::StateServiceImpl state { *story.simulation, open };
    server::DispatchServiceImpl dispatch { *story.simulation, open };
    std::unique_ptr<grpc::Server> inProcess;
    std::unique_ptr<v1::StateService::Stub> stateStub;
    std::unique_ptr<v1::DispatchService::Stub> dispatchStub;
};
std::unique_ptr<Server> g_server;
std::uint64_t g_runs = 0;

void checkEngine(const char* after)
{
    const std::string problems = g_server->story.simulation->checkInvariants();
    if (!problems.empty()) {
        std::fprintf(stderr, "engine inconsistent after %s: %s\n", after, problems.c_str());
        std::abort();
    }
}

template <typename Message> bool parse(Message& message, const std::uint8_t* data, std::size_t size)
{
    return size <= std::size_t(INT32_MAX) && message.ParseFromArray(data, int(size));
}

// The call's answer; nothing when the input is no such request. A command the engine accepted
// has changed it: its accounting is checked then.
std::optional<grpc::Status> handle(fuzz::Request kind, const std::uint8_t* data, std::size_t size)
{
    Server& s = *g_server;
    grpc::ServerContext context;
    auto command = [](grpc::Status status, const char* name) {
        if (status.ok())
            checkEngine(name);
        return status;
    };
    switch (kind) {
    case fuzz::Request::ListTasks: {
        v1::ListTasksRequest request;
        if (!parse(request, data, size))
            return {};
        v1::ListTasksResponse page;
        grpc::Status status = s.state.ListTasks(&context, &request, &page);
        if (status.ok() && !page.next_page_token().empty()) {
            // A client pages on with the token it was given.
            request.set_page_token(page.next_page_token());
            v1::ListTasksResponse next;
            status = s.state.ListTasks(&context, &request, &next);
        }
        return status;
    }
    case fuzz::Request::QueryHistory: {
        v1::QueryHistoryRequest request;
        v1::QueryHistoryResponse response;
        if (!parse(request, data, size))
            return {};
        return s.state.QueryHistory(&context, &request, &response);
    }
    case fuzz::Request::PlanMigration: {
        v1::PlanMigrationRequest request;
        v1::MigrationPlan plan;
        if (!parse(request, data, size))
            return {};
        return s.dispatch.PlanMigration(&context, &request, &plan);
    }
    case fuzz::Request::StartMigration: {
        v1::StartMigrationRequest request;
        v1::Migration migration;
        if (!parse(request, data, size))
            return {};
        return command(s.dispatch.StartMigration(&context, &request, &migration), "StartMigration");
    }
    case fuzz::Request::CancelMigration: {
        v1::CancelMigrationRequest request;
        v1::Migration migration;
        if (!parse(request, data, size))
            return {};
        return command(s.dispatch.CancelMigration(&context, &request, &migration), "CancelMigration");
    }
    case fuzz::Request::DrainSite: {
        v1::DrainSiteRequest request;
        if (!parse(request, data, size))
            return {};
        // Joined as the console joins the parts: parts that disagree are the server's fault.
        grpc::ClientContext call;
        v1::DrainSiteResponse response;
        v1::PartsFault fault = v1::PartsFault::None;
        const grpc::Status status = v1::drainSite(*s.dispatchStub, &call, request, &response, 0, &fault);
        if (fault != v1::PartsFault::None) {
            std::fprintf(stderr, "DrainSite's parts disagree\n");
            std::abort();
        }
        return command(status, "DrainSite");
    }
    case fuzz::Request::AcknowledgeAlarm: {
        v1::AcknowledgeAlarmRequest request;
        v1::Alarm alarm;
        if (!parse(request, data, size))
            return {};
        return command(s.dispatch.AcknowledgeAlarm(&context, &request, &alarm), "AcknowledgeAlarm");
    }
    case fuzz::Request::Watch: {
        v1::WatchRequest request;
        if (!parse(request, data, size))
            return {};
        // StateServiceImpl::Watch's first read; it never waits here.
        std::vector<server::EventPtr> events;
        const auto read = std::as_const(*s.story.simulation)
                              .events()
                              .read(request.from_revision(), 256, std::chrono::milliseconds(0), events);
        for (const auto& event : events)
            event->ByteSizeLong();
        if (read == server::EventLog::ReadStatus::OutOfRange)
            return grpc::Status(grpc::StatusCode::OUT_OF_RANGE, "revision not held");
        return grpc::Status(grpc::StatusCode::OK, std::to_string(events.size()) + " events");
    }
    case fuzz::Request::UserName: {
        std::string error;
        if (!server::decodeUserName(std::string_view(reinterpret_cast<const char*>(data), size), &error))
            return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT, error);
        return grpc::Status::OK;
    }
    case fuzz::Request::Count:
        break;
    }
    return {};
}

} // namespace

extern "C" const char* __ubsan_default_options()
{
    return "halt_on_error=1:print_stacktrace=1";
}

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // Malformed strings are the point here: protobuf's complaints about them go unsaid.
    google::protobuf::SetLogHandler(nullptr);
    g_server = std::make_unique<Server>();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0)
        return 0;
    if (++g_runs % kRenewEvery == 0) {
        g_server.reset();
        g_server = std::make_unique<Server>();
    } else if (g_runs % kTickEvery == 0) {
        g_server->story.simulation->tick(30);
        checkEngine("a tick");
        // What a console joining now would get of the state the inputs made, in its parts.
        grpc::ClientContext call;
        v1::Snapshot snapshot;
        v1::PartsFault fault = v1::PartsFault::None;
        const grpc::Status status = v1::readSnapshot(*g_server->stateStub, &call, &snapshot, 0, &fault);
        if (!status.ok() || fault != v1::PartsFault::None) {
            std::fprintf(
                stderr, "GetSnapshot failed: %d %s\n", int(status.error_code()), status.error_message().c_str());
            std::abort();
        }
    }
    const auto kind = fuzz::kindOf<fuzz::Request>(data[0]);
    const auto status = handle(kind, data + 1, size - 1);
    // CPN_FUZZ_VERBOSE=1: each input's answer, to see what a corpus reaches.
    static const bool verbose = std::getenv("CPN_FUZZ_VERBOSE") != nullptr;
    if (verbose) {
        if (status)
            std::fprintf(
                stderr, "request %d: %d %s\n", int(kind), int(status->error_code()), status->error_message().c_str());
        else
            std::fprintf(stderr, "request %d: not parsed\n", int(kind));
    }
    return 0;
}
