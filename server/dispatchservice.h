#pragma once
// DispatchService over an engine: plans, migrations, drains and alarm acknowledgements.

#include "auth.h"
#include "engine.h"

#include "cpn/v1/dispatch.grpc.pb.h"

namespace cpn::server {

class DispatchServiceImpl final : public cpn::v1::DispatchService::Service {
public:
    DispatchServiceImpl(Engine& engine, const Authenticator& authenticator);

    grpc::Status PlanMigration(grpc::ServerContext* context, const cpn::v1::PlanMigrationRequest* request,
        cpn::v1::MigrationPlan* response) override;
    grpc::Status StartMigration(grpc::ServerContext* context, const cpn::v1::StartMigrationRequest* request,
        cpn::v1::Migration* response) override;
    grpc::Status CancelMigration(grpc::ServerContext* context, const cpn::v1::CancelMigrationRequest* request,
        cpn::v1::Migration* response) override;
    grpc::Status DrainSite(grpc::ServerContext* context, const cpn::v1::DrainSiteRequest* request,
        grpc::ServerWriter<cpn::v1::DrainSiteResponse>* writer) override;
    grpc::Status AcknowledgeAlarm(grpc::ServerContext* context, const cpn::v1::AcknowledgeAlarmRequest* request,
        cpn::v1::Alarm* response) override;

private:
    Engine& m_engine;
    const Authenticator& m_authenticator;
};

} // namespace cpn::server
