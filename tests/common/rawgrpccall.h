#pragma once
// A call to a gRPC method the tests have no stubs for (health, reflection), in raw protobuf bytes.

#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace cpn::testing {

// One request to a method this test has no stubs for (health, reflection), in raw protobuf bytes;
// the first reply's bytes, or nullopt.
inline std::optional<std::string> rawCall(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& method, const std::string& request)
{
    grpc::GenericStub stub(channel);
    grpc::CompletionQueue queue;
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    auto call = stub.PrepareCall(&context, method, &queue);
    void* tag = nullptr;
    bool ok = false;
    auto step = [&](auto&& operation) {
        operation();
        return queue.Next(&tag, &ok) && ok;
    };
    grpc::Slice slice(request);
    grpc::ByteBuffer out(&slice, 1);
    grpc::ByteBuffer in;
    std::optional<std::string> reply;
    if (step([&] { call->StartCall(&queue); }) && step([&] { call->WriteLast(out, grpc::WriteOptions(), &queue); })
        && step([&] { call->Read(&in, &queue); })) {
        std::vector<grpc::Slice> slices;
        in.Dump(&slices).ok();
        reply.emplace();
        for (const auto& s : slices)
            reply->append(reinterpret_cast<const char*>(s.begin()), s.size());
    }
    grpc::Status status;
    step([&] { call->Finish(&status, &queue); });
    queue.Shutdown();
    while (queue.Next(&tag, &ok)) { }
    return reply;
}

} // namespace cpn::testing
