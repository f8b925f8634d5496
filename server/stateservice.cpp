#include "stateservice.h"

#include "messageparts.h"

#include <chrono>
#include <utility>

namespace cpn::server {

namespace {

constexpr std::size_t kEventsPerRead = 256;
// How long a Watch waits for news before checking for cancellation again.
constexpr std::chrono::milliseconds kWatchPoll { 200 };
// A quiet Watch says it is alive this often (a Heartbeat, see state.proto).
constexpr std::chrono::seconds kHeartbeatEvery { 5 };

} // namespace

StateServiceImpl::StateServiceImpl(Engine& engine, const Authenticator& authenticator)
    : m_engine(engine)
    , m_authenticator(authenticator)
{ }

grpc::Status StateServiceImpl::GetSnapshot(
    grpc::ServerContext* context, const cpn::v1::GetSnapshotRequest*, grpc::ServerWriter<cpn::v1::Snapshot>* writer)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Viewer, &role); !status.ok())
        return status;
    cpn::v1::Snapshot whole = m_engine.snapshot();
    whole.set_caller_role(roleName(role));
    if (!forEachSnapshotPart(std::move(whole), [&](cpn::v1::Snapshot&& part) { return writer->Write(part); }))
        return { grpc::StatusCode::CANCELLED, "the client stopped reading" };
    return grpc::Status::OK;
}

grpc::Status StateServiceImpl::ListTasks(
    grpc::ServerContext* context, const cpn::v1::ListTasksRequest* request, cpn::v1::ListTasksResponse* response)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Viewer, &role); !status.ok())
        return status;
    return m_engine.listTasks(*request, response);
}

grpc::Status StateServiceImpl::Watch(
    grpc::ServerContext* context, const cpn::v1::WatchRequest* request, grpc::ServerWriter<cpn::v1::WatchEvent>* writer)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Viewer, &role); !status.ok())
        return status;
    const EventLog& log = std::as_const(m_engine).events();
    std::uint64_t last = request->from_revision();
    std::vector<EventPtr> events;
    // Headers go once the revision is known to be held (with the first event, or after a quiet
    // poll), so that a client can show the stream as live on a quiet network too.
    context->AddInitialMetadata("cpn-watch", "established");
    context->AddInitialMetadata("cpn-heartbeat-ms", std::to_string(std::chrono::milliseconds(kHeartbeatEvery).count()));
    bool headersSent = false;
    auto lastWrite = std::chrono::steady_clock::now();
    while (!context->IsCancelled()) {
        events.clear();
        switch (log.read(last, kEventsPerRead, kWatchPoll, events)) {
        case EventLog::ReadStatus::Events:
            headersSent = true;
            for (const auto& event : events) {
                if (!writer->Write(*event))
                    return { grpc::StatusCode::CANCELLED, "the client stopped reading" };
                last = event->revision();
            }
            lastWrite = std::chrono::steady_clock::now();
            break;
        case EventLog::ReadStatus::Timeout:
            if (!headersSent) {
                writer->SendInitialMetadata();
                headersSent = true;
            }
            if (std::chrono::steady_clock::now() - lastWrite >= kHeartbeatEvery) {
                cpn::v1::WatchEvent heartbeat;
                heartbeat.mutable_heartbeat();
                if (!writer->Write(heartbeat))
                    return { grpc::StatusCode::CANCELLED, "the client stopped reading" };
                lastWrite = std::chrono::steady_clock::now();
            }
            break;
        case EventLog::ReadStatus::OutOfRange:
            return { grpc::StatusCode::OUT_OF_RANGE,
                "revision " + std::to_string(last) + " is not held (held: " + std::to_string(log.oldestRevision() - 1)
                    + " to " + std::to_string(log.currentRevision()) + "); take a fresh snapshot" };
        case EventLog::ReadStatus::Closed:
            return { grpc::StatusCode::UNAVAILABLE, "the scheduler is shutting down" };
        }
    }
    return { grpc::StatusCode::CANCELLED, "cancelled by the client" };
}

grpc::Status StateServiceImpl::QueryHistory(
    grpc::ServerContext* context, const cpn::v1::QueryHistoryRequest* request, cpn::v1::QueryHistoryResponse* response)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Viewer, &role); !status.ok())
        return status;
    return m_engine.queryHistory(*request, response);
}

} // namespace cpn::server
