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
    // The lists go into parts; the first part carries everything else.
    cpn::v1::Snapshot lists;
    lists.mutable_regions()->Swap(whole.mutable_regions());
    lists.mutable_sites()->Swap(whole.mutable_sites());
    lists.mutable_links()->Swap(whole.mutable_links());
    lists.mutable_site_metrics()->Swap(whole.mutable_site_metrics());
    lists.mutable_link_metrics()->Swap(whole.mutable_link_metrics());
    lists.mutable_alarms()->Swap(whole.mutable_alarms());
    lists.mutable_migrations()->Swap(whole.mutable_migrations());
    cpn::v1::Snapshot blank;
    blank.set_revision(whole.revision());
    PartBuilder parts(std::move(whole), std::move(blank),
        [&](cpn::v1::Snapshot&& part, std::size_t) { return writer->Write(part); });
    const bool sent = parts.add(*lists.mutable_regions(), [](auto& p) { return p.mutable_regions(); })
        && parts.add(*lists.mutable_sites(), [](auto& p) { return p.mutable_sites(); })
        && parts.add(*lists.mutable_links(), [](auto& p) { return p.mutable_links(); })
        && parts.add(*lists.mutable_site_metrics(), [](auto& p) { return p.mutable_site_metrics(); })
        && parts.add(*lists.mutable_link_metrics(), [](auto& p) { return p.mutable_link_metrics(); })
        && parts.add(*lists.mutable_alarms(), [](auto& p) { return p.mutable_alarms(); })
        && parts.add(*lists.mutable_migrations(), [](auto& p) { return p.mutable_migrations(); })
        && parts.finish();
    if (!sent)
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
