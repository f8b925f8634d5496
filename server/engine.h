#pragma once
// What the services serve: an engine (the mock's simulation, the Slurm gateway) behind the API.

#include "eventlog.h"

#include "cpn/v1/dispatch.pb.h"
#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <functional>
#include <string>

namespace cpn::server {

// What an engine keeps of the past for GetMetricsAt and GetTimeline (see Timeline in
// state.proto), simulated Unix ms. Empty (toMs < fromMs) before the first sample.
struct KeptSpan {
    std::int64_t fromMs = 0; // oldest sample
    std::int64_t toMs = -1; // newest sample
    std::int64_t fineStepMs = 0;
    std::int64_t fineFromMs = 0; // oldest sample at fineStepMs; coarseStepMs before it
    std::int64_t coarseStepMs = 0;
    bool empty() const { return toMs < fromMs; }
    bool holds(std::int64_t timeMs) const { return timeMs >= fromMs && timeMs <= toMs; }
};

// The services call these from gRPC's threads, several at once: every member must be
// thread-safe. Errors are gRPC statuses as the API defines them (NOT_FOUND, INVALID_ARGUMENT,
// FAILED_PRECONDITION); the services have checked the caller's role already, and pass the
// caller's name (see callerName) as the actor of each command, for the records.
class Engine {
public:
    virtual ~Engine() = default;

    // StateService. The snapshot's revision must be one the event log holds (its current one).
    virtual cpn::v1::Snapshot snapshot() const = 0;
    virtual grpc::Status listTasks(
        const cpn::v1::ListTasksRequest& request, cpn::v1::ListTasksResponse* response) const = 0;
    virtual grpc::Status queryHistory(
        const cpn::v1::QueryHistoryRequest& request, cpn::v1::QueryHistoryResponse* response) const = 0;
    // Replay (GetMetricsAt, GetTimeline): the span kept, and every site's and link's metrics at the
    // newest sample at or before timeMs, with that sample's time in sample_time_ms and in each
    // item, and the fields state.proto lists. They go to `emit` in slices as they are built (the
    // service splits them into parts and sends the first while the rest is built; one slice is
    // fine, an empty one for an empty network, none is an error), each with sample_time_ms set; `emit` says false when the client has gone, and the
    // engine then stops with CANCELLED. OUT_OF_RANGE, before any slice, when no sample is that
    // old or timeMs is after the newest. The alarms and migrations of the timeline are the event
    // log's (EventLog::timeline). By default an engine keeps no past.
    using MetricsSlices = std::function<bool(cpn::v1::MetricsBatch&& slice)>;
    virtual KeptSpan keptSpan() const { return {}; }
    virtual grpc::Status metricsAt(std::int64_t timeMs, const MetricsSlices& /*emit*/) const
    {
        return { grpc::StatusCode::OUT_OF_RANGE, "no metrics kept at " + std::to_string(timeMs) + " ms" };
    }

    // GetCapacityReport: the whole report of the request's span (the service has checked it, see
    // checkCapacityReportRequest, and splits the answer), with requested_*, covered_*,
    // generated_time_ms and samples set. The figures over time come from the samples kept in the
    // span, worked out with SiteCapacityAccumulator and RegionSeriesBuilder (capacitysums.h);
    // OUT_OF_RANGE when no sample of the span is kept. `stop` is asked now and then while
    // building: when it says true (the client has gone) the engine gives up with CANCELLED. By
    // default an engine makes no reports.
    virtual grpc::Status capacityReport(const cpn::v1::GetCapacityReportRequest& /*request*/,
        cpn::v1::CapacityReport* /*report*/, const std::function<bool()>& /*stop*/) const
    {
        return { grpc::StatusCode::UNIMPLEMENTED, "this scheduler makes no capacity reports" };
    }

    // DispatchService
    virtual grpc::Status planMigration(
        const cpn::v1::PlanMigrationRequest& request, cpn::v1::MigrationPlan* plan) const = 0;
    virtual grpc::Status startMigration(
        const cpn::v1::StartMigrationRequest& request, const std::string& actor, cpn::v1::Migration* migration)
        = 0;
    virtual grpc::Status cancelMigration(
        const cpn::v1::CancelMigrationRequest& request, const std::string& actor, cpn::v1::Migration* migration)
        = 0;
    virtual grpc::Status drainSite(
        const cpn::v1::DrainSiteRequest& request, const std::string& actor, cpn::v1::DrainSiteResponse* response)
        = 0;
    virtual grpc::Status acknowledgeAlarm(
        const cpn::v1::AcknowledgeAlarmRequest& request, const std::string& actor, cpn::v1::Alarm* alarm)
        = 0;

    // Every change since the snapshot, in revision order: what Watch streams replay and follow.
    // A server closes it when it stops, which ends the streams at once.
    virtual EventLog& events() = 0;
    virtual const EventLog& events() const = 0;
};

} // namespace cpn::server
