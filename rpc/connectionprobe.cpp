#include "connectionprobe.h"

#include "guithreadcall.h"

#include "cpn/v1/state.grpc.pb.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPointer>

#include <grpcpp/grpcpp.h>

#include <chrono>

namespace cpn {

namespace {
constexpr auto kProbeDeadline = std::chrono::seconds(5);
}

void probeConnection(
    const ConnectionSettings& settings, QObject* receiver, std::function<void(bool, const QString&)> done)
{
    // Everything the call needs; the GUI thread releases it (see guithreadcall.h).
    struct Call {
        ConnectionSettings settings;
        std::shared_ptr<grpc::Channel> channel;
        std::unique_ptr<v1::StateService::Stub> stub;
        grpc::ClientContext context;
        v1::ListTasksRequest request;
        v1::ListTasksResponse reply;
    };
    auto c = std::make_shared<Call>();
    c->settings = settings;
    c->channel = makeChannel(settings);
    c->stub = v1::StateService::NewStub(c->channel);
    c->request.set_page_size(1);
    authorize(c->context, settings);
    c->context.set_deadline(std::chrono::system_clock::now() + kProbeDeadline);
    QPointer<QObject> alive(receiver);
    auto* stub = c->stub.get();
    auto* context = &c->context;
    auto* request = &c->request;
    auto* reply = &c->reply;
    stub->async()->ListTasks(context, request, reply,
        completeOnGuiThread(
            std::move(c), [alive, done](Call& call, const grpc::Status& status) -> std::function<void()> {
                // On a gRPC thread: the words of a failure may take a TLS handshake of their own.
                const bool ok = status.ok();
                const QString text = ok
                    ? QCoreApplication::translate("cpn::Connections", "Connected: the scheduler holds %1 tasks.")
                          .arg(QLocale().toString(qulonglong(call.reply.total_count())))
                    : describeFailure(status.error_code(), status.error_message(), call.settings, false);
                return [alive, done, ok, text] {
                    if (alive)
                        done(ok, text);
                };
            }));
}

} // namespace cpn
