#pragma once
// StateService over an engine: snapshot, task pages, the live Watch stream, history, replay,
// capacity reports.

#include "auth.h"
#include "engine.h"

#include "cpn/v1/state.grpc.pb.h"

namespace cpn::server {

class StateServiceImpl final : public cpn::v1::StateService::Service {
public:
    StateServiceImpl(Engine& engine, const Authenticator& authenticator);

    grpc::Status GetSnapshot(grpc::ServerContext* context, const cpn::v1::GetSnapshotRequest* request,
        grpc::ServerWriter<cpn::v1::Snapshot>* writer) override;
    grpc::Status ListTasks(grpc::ServerContext* context, const cpn::v1::ListTasksRequest* request,
        cpn::v1::ListTasksResponse* response) override;
    grpc::Status Watch(grpc::ServerContext* context, const cpn::v1::WatchRequest* request,
        grpc::ServerWriter<cpn::v1::WatchEvent>* writer) override;
    grpc::Status QueryHistory(grpc::ServerContext* context, const cpn::v1::QueryHistoryRequest* request,
        cpn::v1::QueryHistoryResponse* response) override;
    grpc::Status GetMetricsAt(grpc::ServerContext* context, const cpn::v1::GetMetricsAtRequest* request,
        grpc::ServerWriter<cpn::v1::MetricsBatch>* writer) override;
    grpc::Status GetTimeline(
        grpc::ServerContext* context, const cpn::v1::GetTimelineRequest* request, cpn::v1::Timeline* response) override;
    grpc::Status GetCapacityReport(grpc::ServerContext* context, const cpn::v1::GetCapacityReportRequest* request,
        grpc::ServerWriter<cpn::v1::CapacityReport>* writer) override;

private:
    Engine& m_engine;
    const Authenticator& m_authenticator;
};

} // namespace cpn::server
