#pragma once
// What the services serve: an engine (the mock's simulation, the Slurm gateway) behind the API.

#include "eventlog.h"

#include "cpn/v1/dispatch.pb.h"
#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <string>

namespace cpn::server {

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
