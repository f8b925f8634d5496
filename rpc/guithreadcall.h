#pragma once
// The completion callback of a unary call made with gRPC's callback API
// (`stub->async()->Method(context, request, reply, callback)`), for the clients whose answers
// go to the GUI thread.
//
// Ownership rule: a call owns its ClientContext, its messages and a share of its client's
// channel and stub, so it never outlives them however early the client goes. It must not be
// released on a gRPC thread: when the client is already gone, that release drops the last
// grpc::Channel, whose destructor shuts down the completion queue that is running the callback,
// and gRPC aborts ("grpc_cq_internal_unref: assertion failed: prior > 0"). gRPC destroys the
// callback, with everything it captured, on its own thread after it returns; so the callback
// hands its only share of the call over to the GUI thread, which releases it after delivering.

#include <QCoreApplication>

#include <grpcpp/support/status.h>

#include <functional>
#include <memory>

namespace cpn {

// `answer(call, status)` runs on a gRPC thread and returns what to run on the GUI thread
// (posted to the application, which outlives the clients); `call` is released after that.
template <typename Call, typename Answer>
std::function<void(grpc::Status)> completeOnGuiThread(std::shared_ptr<Call> call, Answer answer)
{
    return [call = std::move(call), answer = std::move(answer)](grpc::Status status) mutable {
        std::function<void()> deliver = answer(*call, status);
        auto owned = std::move(call); // the callback must hold no share of the call when it returns
        QCoreApplication* app = QCoreApplication::instance();
        if (!app) {
            // The process is ending and nothing can be posted: keep the call alive to the end
            // rather than release it here.
            new std::shared_ptr<Call>(std::move(owned));
            return;
        }
        QMetaObject::invokeMethod(
            app, [owned = std::move(owned), deliver = std::move(deliver)] { deliver(); }, Qt::QueuedConnection);
    };
}

} // namespace cpn
