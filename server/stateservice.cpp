#include <optional>
#include "stateservice.h"

#include "capacitysums.h"
#include "messageparts.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>

namespace cpn::server {

namespace {

constexpr std::size_t kEventsPerRead = 256;
// GetMetricsAt: parts smaller than other answers' (a quarter of kMessagePartBytes), so that the
// client converts the first while the engine builds the rest (a moment at huge is about 6 MB).
constexpr std::size_t kMomentPartBytes = kMessagePartBytes / 4;
// How long a Watch waits for news before checking for cancellation again.
constexpr std::chrono::milliseconds kWatchPoll { 200 };
// A quiet Watch says it is alive this often (a Heartbeat, see state.proto).
constexpr std::chrono::seconds kHeartbeatEvery { 5 };
// A Timeline holds at most this many alarms and as many migrations (state.proto), and stays
// within gRPC's 4 MB whatever their texts.
constexpr std::size_t kTimelineItems = 5000;
constexpr std::size_t kTimelineMaxBytes = std::size_t(3) << 20;

// OUT_OF_RANGE for a moment not kept, with the kept range in the message and the trailers.
grpc::Status notKept(grpc::ServerContext& context, const KeptSpan& span, std::int64_t timeMs)
{
    if (span.empty())
        return { grpc::StatusCode::OUT_OF_RANGE, "no metrics are kept yet" };
    context.AddTrailingMetadata("cpn-kept-from-ms", std::to_string(span.fromMs));
    context.AddTrailingMetadata("cpn-kept-to-ms", std::to_string(span.toMs));
    return { grpc::StatusCode::OUT_OF_RANGE,
        "no metrics kept at " + std::to_string(timeMs) + " ms; kept: " + std::to_string(span.fromMs) + " to "
            + std::to_string(span.toMs) + " ms" };
}

// OUT_OF_RANGE for a span of which nothing is kept, with the kept range as notKept gives it.
grpc::Status spanNotKept(grpc::ServerContext& context, const KeptSpan& span, std::int64_t fromMs, std::int64_t toMs)
{
    if (span.empty())
        return { grpc::StatusCode::OUT_OF_RANGE, "no metrics are kept yet" };
    context.AddTrailingMetadata("cpn-kept-from-ms", std::to_string(span.fromMs));
    context.AddTrailingMetadata("cpn-kept-to-ms", std::to_string(span.toMs));
    return { grpc::StatusCode::OUT_OF_RANGE,
        "no metrics kept from " + std::to_string(fromMs) + " to " + std::to_string(toMs)
            + " ms; kept: " + std::to_string(span.fromMs) + " to " + std::to_string(span.toMs) + " ms" };
}

// Drops the earliest alarms or migrations (of the longer list) until the answer fits.
void fitTimeline(cpn::v1::Timeline* timeline)
{
    while (timeline->ByteSizeLong() > kTimelineMaxBytes) {
        timeline->set_truncated(true);
        if (timeline->alarms_size() >= timeline->migrations_size())
            timeline->mutable_alarms()->DeleteSubrange(0, std::max(1, timeline->alarms_size() / 10));
        else
            timeline->mutable_migrations()->DeleteSubrange(0, std::max(1, timeline->migrations_size() / 10));
    }
}

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

grpc::Status StateServiceImpl::GetMetricsAt(grpc::ServerContext* context, const cpn::v1::GetMetricsAtRequest* request,
    grpc::ServerWriter<cpn::v1::MetricsBatch>* writer)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Viewer, &role); !status.ok())
        return status;
    const std::int64_t timeMs = request->time_ms();
    if (const KeptSpan span = m_engine.keptSpan(); !span.holds(timeMs))
        return notKept(*context, span, timeMs);
    if (context->IsCancelled()) // a console dragging its timeline asked for another moment already
        return { grpc::StatusCode::CANCELLED, "cancelled by the client" };
    // Parts go out as the engine builds: the client reads the first while the rest is built.
    const auto write = [&](cpn::v1::MetricsBatch&& part, std::size_t) {
        return !context->IsCancelled() && writer->Write(part);
    };
    std::optional<PartBuilder<cpn::v1::MetricsBatch, decltype(write)>> parts;
    auto status = m_engine.metricsAt(timeMs, [&](cpn::v1::MetricsBatch&& slice) {
        if (!parts) {
            cpn::v1::MetricsBatch blank;
            blank.set_sample_time_ms(slice.sample_time_ms());
            parts.emplace(blank, blank, write, kMomentPartBytes);
        }
        return parts->add(*slice.mutable_sites(), [](auto& p) { return p.mutable_sites(); })
            && parts->add(*slice.mutable_links(), [](auto& p) { return p.mutable_links(); });
    });
    if (status.error_code() == grpc::StatusCode::OUT_OF_RANGE && !parts) // the span moved on meanwhile
        return notKept(*context, m_engine.keptSpan(), timeMs);
    if (!status.ok())
        return status;
    if (!parts)
        return { grpc::StatusCode::INTERNAL, "the scheduler built no metrics for the moment" };
    if (!parts->finish())
        return { grpc::StatusCode::CANCELLED, "the client stopped reading" };
    return grpc::Status::OK;
}

grpc::Status StateServiceImpl::GetTimeline(
    grpc::ServerContext* context, const cpn::v1::GetTimelineRequest* request, cpn::v1::Timeline* response)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Viewer, &role); !status.ok())
        return status;
    if (request->from_ms() < 0 || request->to_ms() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "times must not be before 1970" };
    if (request->to_ms() < request->from_ms())
        return { grpc::StatusCode::INVALID_ARGUMENT, "to_ms is before from_ms" };
    const KeptSpan span = m_engine.keptSpan();
    if (!span.empty()) {
        response->set_kept_from_ms(span.fromMs);
        response->set_kept_to_ms(span.toMs);
        response->set_fine_from_ms(span.fineFromMs);
    }
    response->set_fine_step_ms(span.fineStepMs);
    response->set_coarse_step_ms(span.coarseStepMs);
    std::as_const(m_engine).events().timeline().collect(request->from_ms(), request->to_ms(), kTimelineItems, response);
    fitTimeline(response);
    return grpc::Status::OK;
}

grpc::Status StateServiceImpl::GetCapacityReport(grpc::ServerContext* context,
    const cpn::v1::GetCapacityReportRequest* request, grpc::ServerWriter<cpn::v1::CapacityReport>* writer)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Viewer, &role); !status.ok())
        return status;
    if (auto status = checkCapacityReportRequest(*request); !status.ok())
        return status;
    const std::int64_t fromMs = request->from_ms();
    const std::int64_t toMs = request->to_ms();
    if (const KeptSpan span = m_engine.keptSpan(); span.empty() || toMs < span.fromMs || fromMs > span.toMs)
        return spanNotKept(*context, span, fromMs, toMs);
    cpn::v1::CapacityReport whole;
    auto status = m_engine.capacityReport(*request, &whole, [context] { return context->IsCancelled(); });
    if (status.error_code() == grpc::StatusCode::OUT_OF_RANGE) // no sample in it, or the span moved on
        return spanNotKept(*context, m_engine.keptSpan(), fromMs, toMs);
    if (!status.ok())
        return status;
    // Parts as state.proto says: the first with the fields that are not lists, each with the time
    // it was made.
    cpn::v1::CapacityReport lists;
    lists.mutable_sites()->Swap(whole.mutable_sites());
    lists.mutable_regions()->Swap(whole.mutable_regions());
    cpn::v1::CapacityReport blank;
    blank.set_generated_time_ms(whole.generated_time_ms());
    PartBuilder parts(std::move(whole), std::move(blank),
        [&](cpn::v1::CapacityReport&& part, std::size_t) { return !context->IsCancelled() && writer->Write(part); });
    if (!parts.add(*lists.mutable_sites(), [](auto& p) { return p.mutable_sites(); })
        || !parts.add(*lists.mutable_regions(), [](auto& p) { return p.mutable_regions(); }) || !parts.finish())
        return { grpc::StatusCode::CANCELLED, "the client stopped reading" };
    return grpc::Status::OK;
}

} // namespace cpn::server
