#include "dispatchservice.h"

namespace cpn::mock {

DispatchServiceImpl::DispatchServiceImpl(Simulation& simulation, const Authenticator& authenticator)
    : m_simulation(simulation)
    , m_authenticator(authenticator)
{ }

grpc::Status DispatchServiceImpl::PlanMigration(
    grpc::ServerContext* context, const cpn::v1::PlanMigrationRequest* request, cpn::v1::MigrationPlan* response)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Operator, &role); !status.ok())
        return status;
    return m_simulation.planMigration(*request, response);
}

grpc::Status DispatchServiceImpl::StartMigration(
    grpc::ServerContext* context, const cpn::v1::StartMigrationRequest* request, cpn::v1::Migration* response)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Operator, &role); !status.ok())
        return status;
    return m_simulation.startMigration(*request, roleName(role), response);
}

grpc::Status DispatchServiceImpl::CancelMigration(
    grpc::ServerContext* context, const cpn::v1::CancelMigrationRequest* request, cpn::v1::Migration* response)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Operator, &role); !status.ok())
        return status;
    return m_simulation.cancelMigration(*request, response);
}

grpc::Status DispatchServiceImpl::DrainSite(
    grpc::ServerContext* context, const cpn::v1::DrainSiteRequest* request, cpn::v1::DrainSiteResponse* response)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Operator, &role); !status.ok())
        return status;
    return m_simulation.drainSite(*request, roleName(role), response);
}

grpc::Status DispatchServiceImpl::AcknowledgeAlarm(
    grpc::ServerContext* context, const cpn::v1::AcknowledgeAlarmRequest* request, cpn::v1::Alarm* response)
{
    Role role {};
    if (auto status = m_authenticator.authorize(*context, Role::Operator, &role); !status.ok())
        return status;
    return m_simulation.acknowledgeAlarm(*request, roleName(role), response);
}

} // namespace cpn::mock
