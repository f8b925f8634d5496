#include "dispatchservice.h"

namespace cpn::server {

namespace {

// OK for an operator; *caller then names them for the records (see callerName).
grpc::Status admitOperator(const Authenticator& authenticator, const grpc::ServerContext& context, std::string* caller)
{
    Caller who;
    if (auto status = authenticator.authorize(context, Role::Operator, &who); !status.ok())
        return status;
    return callerName(context, who, caller);
}

} // namespace

DispatchServiceImpl::DispatchServiceImpl(Engine& engine, const Authenticator& authenticator)
    : m_engine(engine)
    , m_authenticator(authenticator)
{ }

grpc::Status DispatchServiceImpl::PlanMigration(
    grpc::ServerContext* context, const cpn::v1::PlanMigrationRequest* request, cpn::v1::MigrationPlan* response)
{
    std::string caller;
    if (auto status = admitOperator(m_authenticator, *context, &caller); !status.ok())
        return status;
    return m_engine.planMigration(*request, response);
}

grpc::Status DispatchServiceImpl::StartMigration(
    grpc::ServerContext* context, const cpn::v1::StartMigrationRequest* request, cpn::v1::Migration* response)
{
    std::string caller;
    if (auto status = admitOperator(m_authenticator, *context, &caller); !status.ok())
        return status;
    return m_engine.startMigration(*request, caller, response);
}

grpc::Status DispatchServiceImpl::CancelMigration(
    grpc::ServerContext* context, const cpn::v1::CancelMigrationRequest* request, cpn::v1::Migration* response)
{
    std::string caller;
    if (auto status = admitOperator(m_authenticator, *context, &caller); !status.ok())
        return status;
    return m_engine.cancelMigration(*request, caller, response);
}

grpc::Status DispatchServiceImpl::DrainSite(
    grpc::ServerContext* context, const cpn::v1::DrainSiteRequest* request, cpn::v1::DrainSiteResponse* response)
{
    std::string caller;
    if (auto status = admitOperator(m_authenticator, *context, &caller); !status.ok())
        return status;
    return m_engine.drainSite(*request, caller, response);
}

grpc::Status DispatchServiceImpl::AcknowledgeAlarm(
    grpc::ServerContext* context, const cpn::v1::AcknowledgeAlarmRequest* request, cpn::v1::Alarm* response)
{
    std::string caller;
    if (auto status = admitOperator(m_authenticator, *context, &caller); !status.ok())
        return status;
    return m_engine.acknowledgeAlarm(*request, caller, response);
}

} // namespace cpn::server
