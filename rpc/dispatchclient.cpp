#include "dispatchclient.h"

#include "guithreadcall.h"
#include "platformscope.h"
#include "protoconvert.h"

#include "partsreader.h"

#include <QDir>
#include <QPointer>
#include <QSysInfo>
#include <QThreadPool>
#include <QUrl>
#include <QUuid>

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <mutex>
#include <set>

namespace cpn {

namespace {
    constexpr auto kCommandDeadline = std::chrono::seconds(15);
    constexpr auto kDrainDeadline = std::chrono::seconds(120);
    constexpr std::size_t kMaxAnswerBytes = std::size_t(256) << 20; // what a server can make the console hold

    CommandError errorFrom(const grpc::Status& status, const QString& platform)
    {
        CommandError error;
        error.code = int(status.error_code());
        error.codeName = DispatchClient::statusCodeName(error.code);
        error.message = QString::fromStdString(status.error_message());
        // An infeasible migration carries its plan, with the reasons, in the details.
        v1::MigrationPlan plan;
        if (!status.error_details().empty() && plan.ParseFromString(status.error_details())) {
            MigrationPlan converted = convert::fromProto(plan);
            PlatformScope(platform).qualify(converted);
            error.violations = converted.violations;
        }
        return error;
    }
} // namespace

struct DispatchClient::Channel {
    ConnectionSettings settings;
    std::unique_ptr<v1::DispatchService::Stub> stub;
    std::string user; // the cpn-user metadata: ASCII

    // Who asks, and by when the answer must be there.
    void prepare(grpc::ClientContext& context, std::chrono::seconds deadline) const
    {
        authorize(context, settings);
        context.AddMetadata("cpn-user", user);
        context.set_deadline(std::chrono::system_clock::now() + deadline);
    }
    // The streamed calls under way, cancelled when the client goes.
    std::mutex mutex;
    std::set<grpc::ClientContext*> streams;
    bool closing = false;
};

DispatchClient::DispatchClient(ConnectionSettings settings, QObject* parent)
    : QObject(parent)
    , m_channel(std::make_shared<Channel>())
{
    qRegisterMetaType<cpn::CommandError>();
    m_channel->stub = v1::DispatchService::NewStub(makeChannel(settings));
    m_channel->settings = std::move(settings);
    m_channel->user = QUrl::toPercentEncoding(localOperatorName(), "@").toStdString();
    m_streams = new QThreadPool(this);
    m_streams->setObjectName(QStringLiteral("cpn-drain"));
    m_streams->setMaxThreadCount(4); // drains at once; more wait their turn
}

DispatchClient::~DispatchClient()
{
    {
        std::lock_guard lock(m_channel->mutex);
        m_channel->closing = true;
        for (grpc::ClientContext* context : m_channel->streams)
            context->TryCancel();
    }
    m_streams->waitForDone();
}

QString DispatchClient::localOperatorName()
{
    QString user = qEnvironmentVariable("USER");
    if (user.isEmpty())
        user = qEnvironmentVariable("LOGNAME");
    if (user.isEmpty())
        user = qEnvironmentVariable("USERNAME"); // Windows
    if (user.isEmpty())
        user = QDir::home().dirName();
    return user + QLatin1Char('@') + QSysInfo::machineHostName();
}

QString DispatchClient::newRequestId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QString DispatchClient::statusCodeName(int code)
{
    static const char* const names[] = { "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED",
        "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION", "ABORTED",
        "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED" };
    return (code >= 0 && code < int(std::size(names))) ? QString::fromLatin1(names[code]) : QString::number(code);
}

bool DispatchClient::isTransient(int code)
{
    switch (grpc::StatusCode(code)) {
    case grpc::StatusCode::CANCELLED:
    case grpc::StatusCode::UNKNOWN:
    case grpc::StatusCode::DEADLINE_EXCEEDED:
    case grpc::StatusCode::RESOURCE_EXHAUSTED:
    case grpc::StatusCode::ABORTED:
    case grpc::StatusCode::INTERNAL:
    case grpc::StatusCode::UNAVAILABLE:
        return true;
    default:
        return false;
    }
}

std::string DispatchClient::local(const QString& id) const
{
    return PlatformScope(m_channel->settings.platform).local(id).toStdString();
}

template <typename Reply, typename Request, typename Method, typename OnReply>
void DispatchClient::call(const QString& requestId, const Request& request, Method method, OnReply onReply)
{
    // Everything the call needs; the GUI thread releases it (see guithreadcall.h).
    struct Call {
        grpc::ClientContext context;
        Request request;
        Reply reply;
        std::shared_ptr<Channel> channel;
    };
    auto c = std::make_shared<Call>();
    c->request = request;
    c->channel = m_channel;
    m_channel->prepare(c->context, kCommandDeadline);
    QPointer<DispatchClient> self(this);
    auto* context = &c->context;
    auto* req = &c->request;
    auto* reply = &c->reply;
    method(m_channel->stub->async(), context, req, reply,
        completeOnGuiThread(std::move(c),
            [self, requestId, onReply](Call& done, const grpc::Status& status) -> std::function<void()> {
                // On a gRPC thread: convert here, deliver on the GUI thread; `self` is read there only.
                if (!status.ok()) {
                    return [self, requestId, error = errorFrom(status, done.channel->settings.platform)] {
                        if (self)
                            emit self->commandFailed(requestId, error);
                    };
                }
                auto value = convert::fromProto(done.reply);
                PlatformScope(done.channel->settings.platform).qualify(value);
                return [self, requestId, onReply, value = std::move(value)] {
                    if (self)
                        onReply(self.data(), requestId, value);
                };
            }));
}

void DispatchClient::callDrain(const QString& requestId, const v1::DrainSiteRequest& request,
    void (*onReply)(DispatchClient*, const QString&, const DrainResult&))
{
    QPointer<DispatchClient> self(this);
    m_streams->start([channel = m_channel, request, self, requestId, onReply] {
        grpc::ClientContext context;
        channel->prepare(context, kDrainDeadline); // planning where 40,000 tasks go takes tens of seconds
        {
            std::lock_guard lock(channel->mutex);
            if (channel->closing)
                return;
            channel->streams.insert(&context);
        }
        v1::DrainSiteResponse response;
        v1::PartsFault fault = v1::PartsFault::None;
        const grpc::Status status
            = v1::drainSite(*channel->stub, &context, request, &response, kMaxAnswerBytes, &fault);
        {
            std::lock_guard lock(channel->mutex);
            channel->streams.erase(&context);
        }
        std::function<void()> deliver;
        if (!status.ok()) {
            CommandError error = errorFrom(status, channel->settings.platform);
            if (fault == v1::PartsFault::TooLarge)
                error.message = tr("The scheduler's answer is larger than %L1 MB; not taken").arg(kMaxAnswerBytes >> 20);
            else if (fault == v1::PartsFault::PartsDisagree)
                error.message = tr("The scheduler's answer comes in parts that do not belong together; not taken");
            deliver = [self, requestId, error] {
                if (self)
                    emit self->commandFailed(requestId, error);
            };
        } else {
            DrainResult value = convert::fromProto(response);
            PlatformScope(channel->settings.platform).qualify(value);
            deliver = [self, requestId, onReply, value = std::move(value)] {
                if (self)
                    onReply(self.data(), requestId, value);
            };
        }
        QMetaObject::invokeMethod(self, std::move(deliver), Qt::QueuedConnection);
    });
}

QString DispatchClient::planMigration(const QString& taskId, const QString& targetSiteId)
{
    const QString id = newRequestId();
    v1::PlanMigrationRequest request;
    request.set_task_id(local(taskId));
    request.set_target_site_id(local(targetSiteId));
    call<v1::MigrationPlan>(id, request, [](auto* api, auto&&... args) { api->PlanMigration(args...); },
        [](DispatchClient* self, const QString& rid, const MigrationPlan& plan) {
            emit self->migrationPlanned(rid, plan);
        });
    return id;
}

QString DispatchClient::startMigration(
    const QString& taskId, const QString& targetSiteId, const QString& reason, const QString& requestId)
{
    const QString id = requestId.isEmpty() ? newRequestId() : requestId;
    v1::StartMigrationRequest request;
    request.set_request_id(id.toStdString());
    request.set_task_id(local(taskId));
    request.set_target_site_id(local(targetSiteId));
    request.set_reason(reason.toStdString());
    call<v1::Migration>(id, request, [](auto* api, auto&&... args) { api->StartMigration(args...); },
        [](DispatchClient* self, const QString& rid, const Migration& m) { emit self->migrationStarted(rid, m); });
    return id;
}

QString DispatchClient::cancelMigration(const QString& migrationId, const QString& requestId)
{
    const QString id = requestId.isEmpty() ? newRequestId() : requestId;
    v1::CancelMigrationRequest request;
    request.set_migration_id(local(migrationId));
    request.set_request_id(id.toStdString());
    call<v1::Migration>(id, request, [](auto* api, auto&&... args) { api->CancelMigration(args...); },
        [](DispatchClient* self, const QString& rid, const Migration& m) { emit self->migrationCancelled(rid, m); });
    return id;
}

QString DispatchClient::drainSite(const QString& siteId, int maxConcurrent, const QString& reason, const QString& requestId)
{
    const QString id = requestId.isEmpty() ? newRequestId() : requestId;
    v1::DrainSiteRequest request;
    request.set_request_id(id.toStdString());
    request.set_site_id(local(siteId));
    request.set_max_concurrent(quint32(std::max(0, maxConcurrent)));
    request.set_reason(reason.toStdString());
    callDrain(id, request, [](DispatchClient* self, const QString& rid, const DrainResult& r) { emit self->drainStarted(rid, r); });
    return id;
}

QString DispatchClient::previewDrain(const QString& siteId, int maxConcurrent)
{
    const QString id = newRequestId(); // tags the answer only: a dry run consumes no key
    v1::DrainSiteRequest request;
    request.set_site_id(local(siteId));
    request.set_max_concurrent(quint32(std::max(0, maxConcurrent)));
    request.set_dry_run(true);
    callDrain(id, request, [](DispatchClient* self, const QString& rid, const DrainResult& r) { emit self->drainPreviewed(rid, r); });
    return id;
}

QString DispatchClient::acknowledgeAlarm(const QString& alarmId, const QString& note)
{
    const QString id = newRequestId();
    v1::AcknowledgeAlarmRequest request;
    request.set_alarm_id(local(alarmId));
    request.set_note(note.toStdString());
    call<v1::Alarm>(id, request, [](auto* api, auto&&... args) { api->AcknowledgeAlarm(args...); },
        [](DispatchClient* self, const QString& rid, const Alarm& a) { emit self->alarmAcknowledged(rid, a); });
    return id;
}

} // namespace cpn
