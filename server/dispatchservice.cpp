#include "dispatchservice.h"

#include "messageparts.h"

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

// The bounds every command's strings keep (DESIGN.md), so that no client can bloat a server's
// records: ids 256 bytes, request ids 128, reasons and notes 1,000 characters.
constexpr std::size_t kMaxIdBytes = 256;
constexpr std::size_t kMaxRequestIdBytes = 128;
constexpr std::size_t kMaxTextCharacters = 1000;

std::size_t utf8Characters(const std::string& text)
{
    std::size_t n = 0;
    for (const char c : text)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

grpc::Status bounded(std::initializer_list<std::pair<const char*, const std::string*>> ids, const std::string* requestId,
    const std::pair<const char*, const std::string*>& text = { nullptr, nullptr })
{
    for (const auto& [name, value] : ids)
        if (value->size() > kMaxIdBytes)
            return { grpc::StatusCode::INVALID_ARGUMENT, std::string(name) + " is longer than 256 bytes" };
    if (requestId && requestId->size() > kMaxRequestIdBytes)
        return { grpc::StatusCode::INVALID_ARGUMENT, "request_id is longer than 128 bytes" };
    if (text.second && utf8Characters(*text.second) > kMaxTextCharacters)
        return { grpc::StatusCode::INVALID_ARGUMENT, std::string(text.first) + " is longer than 1,000 characters" };
    return grpc::Status::OK;
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
    if (auto status = bounded({ { "task_id", &request->task_id() }, { "target_site_id", &request->target_site_id() } },
            nullptr);
        !status.ok())
        return status;
    return m_engine.planMigration(*request, response);
}

grpc::Status DispatchServiceImpl::StartMigration(
    grpc::ServerContext* context, const cpn::v1::StartMigrationRequest* request, cpn::v1::Migration* response)
{
    std::string caller;
    if (auto status = admitOperator(m_authenticator, *context, &caller); !status.ok())
        return status;
    if (auto status = bounded({ { "task_id", &request->task_id() }, { "target_site_id", &request->target_site_id() } },
            &request->request_id(), { "reason", &request->reason() });
        !status.ok())
        return status;
    return m_engine.startMigration(*request, caller, response);
}

grpc::Status DispatchServiceImpl::CancelMigration(
    grpc::ServerContext* context, const cpn::v1::CancelMigrationRequest* request, cpn::v1::Migration* response)
{
    std::string caller;
    if (auto status = admitOperator(m_authenticator, *context, &caller); !status.ok())
        return status;
    if (auto status = bounded({ { "migration_id", &request->migration_id() } }, &request->request_id()); !status.ok())
        return status;
    return m_engine.cancelMigration(*request, caller, response);
}

grpc::Status DispatchServiceImpl::DrainSite(grpc::ServerContext* context, const cpn::v1::DrainSiteRequest* request,
    grpc::ServerWriter<cpn::v1::DrainSiteResponse>* writer)
{
    std::string caller;
    if (auto status = admitOperator(m_authenticator, *context, &caller); !status.ok())
        return status;
    if (auto status = bounded({ { "site_id", &request->site_id() } }, &request->request_id(), { "reason", &request->reason() });
        !status.ok())
        return status;
    cpn::v1::DrainSiteResponse whole;
    if (auto status = m_engine.drainSite(*request, caller, &whole); !status.ok())
        return status;
    cpn::v1::DrainSiteResponse lists;
    lists.mutable_migrations()->Swap(whole.mutable_migrations());
    lists.mutable_unplaced_task_ids()->Swap(whole.mutable_unplaced_task_ids());
    PartBuilder parts(
        whole, whole, [&](cpn::v1::DrainSiteResponse&& part, std::size_t) { return writer->Write(part); });
    if (!parts.add(*lists.mutable_migrations(), [](auto& p) { return p.mutable_migrations(); })
        || !parts.add(*lists.mutable_unplaced_task_ids(), [](auto& p) { return p.mutable_unplaced_task_ids(); })
        || !parts.finish())
        return { grpc::StatusCode::CANCELLED, "the client stopped reading" };
    return grpc::Status::OK;
}

grpc::Status DispatchServiceImpl::AcknowledgeAlarm(
    grpc::ServerContext* context, const cpn::v1::AcknowledgeAlarmRequest* request, cpn::v1::Alarm* response)
{
    std::string caller;
    if (auto status = admitOperator(m_authenticator, *context, &caller); !status.ok())
        return status;
    if (auto status = bounded({ { "alarm_id", &request->alarm_id() } }, nullptr, { "note", &request->note() });
        !status.ok())
        return status;
    return m_engine.acknowledgeAlarm(*request, caller, response);
}

} // namespace cpn::server
