#include "historyclient.h"

#include "dispatchclient.h"
#include "guithreadcall.h"
#include "platformscope.h"

#include "cpn/v1/state.grpc.pb.h"

#include <QPointer>

#include <grpcpp/grpcpp.h>

#include <chrono>

namespace cpn {

namespace {
    constexpr auto kHistoryDeadline = std::chrono::seconds(15);
}

struct HistoryClient::Channel {
    ConnectionSettings settings;
    std::unique_ptr<v1::StateService::Stub> stub;
};

HistoryClient::HistoryClient(ConnectionSettings settings, QObject* parent)
    : QObject(parent)
    , m_channel(std::make_shared<Channel>())
{
    qRegisterMetaType<cpn::HistoryQuery>();
    m_channel->stub = v1::StateService::NewStub(makeChannel(settings));
    m_channel->settings = std::move(settings);
}

HistoryClient::~HistoryClient() = default;

quint64 HistoryClient::query(const HistoryQuery& query)
{
    const quint64 id = m_nextId++;
    // Everything the call needs; the GUI thread releases it (see guithreadcall.h).
    struct Call {
        grpc::ClientContext context;
        v1::QueryHistoryRequest request;
        v1::QueryHistoryResponse reply;
        std::shared_ptr<Channel> channel;
    };
    auto c = std::make_shared<Call>();
    c->channel = m_channel;
    c->request.set_entity_id(PlatformScope(m_channel->settings.platform).local(query.key.entityId).toStdString());
    c->request.set_metric(query.key.metric.toStdString());
    c->request.set_from_ms(query.fromMs);
    c->request.set_to_ms(query.toMs);
    c->request.set_step_ms(query.stepMs);
    authorize(c->context, m_channel->settings);
    c->context.set_deadline(std::chrono::system_clock::now() + kHistoryDeadline);
    QPointer<HistoryClient> self(this);
    auto* context = &c->context;
    auto* request = &c->request;
    auto* reply = &c->reply;
    m_channel->stub->async()->QueryHistory(context, request, reply,
        completeOnGuiThread(std::move(c),
            [self, id, query](Call& done, const grpc::Status& status) -> std::function<void()> {
                // On a gRPC thread: convert here, deliver on the GUI thread; `self` is read there only.
                if (!status.ok()) {
                    return [self, id, query, code = DispatchClient::statusCodeName(int(status.error_code())),
                               message = QString::fromStdString(status.error_message())] {
                        if (self)
                            emit self->historyFailed(id, query, code, message);
                    };
                }
                QList<TimePoint> points;
                points.reserve(done.reply.points_size());
                for (const auto& p : done.reply.points())
                    points.append({ p.time_ms(), p.value() });
                return [self, id, query, unit = QString::fromStdString(done.reply.unit()), points] {
                    if (self)
                        emit self->historyReceived(id, query, unit, points);
                };
            }));
    return id;
}

} // namespace cpn
