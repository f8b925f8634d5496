#pragma once
// The completion callback of a unary call made with gRPC's callback API
// (`stub->async()->Method(context, request, reply, callback)`), for the clients whose answers
// go to the GUI thread.
//
// Ownership rule: a call owns its ClientContext, its messages and a share of its client's
// channel and stub, so it never outlives them however early the client goes. It must not be
// released on a gRPC thread: once the client is gone, that release may drop the last
// grpc::Channel, whose destructor gives up the process-wide callback queue (gRPC 1.51: shut it
// down, join its "nexting" threads, delete it). Run on one of those threads, that deletes the
// queue under the thread, which then aborts ("grpc_cq_internal_unref: assertion failed:
// prior > 0"). gRPC destroys the callback, with all it captured, on its own thread; so the
// callback hands its only share of the call to the GUI thread, which releases it after delivering.

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
            app,
            [owned = std::move(owned), deliver = std::move(deliver)]() mutable {
                deliver();
                // Released here, not with this functor: Qt drops its last reference to the functor
                // on the posting (gRPC) thread when this has already run by then.
                owned.reset();
            },
            Qt::QueuedConnection);
    };
}

} // namespace cpn
