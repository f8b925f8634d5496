#pragma once
// Where the scheduler is and how to authenticate to it.

#include <QString>

#include <memory>

namespace grpc {
class Channel;
class ClientContext;
}

namespace cpn {

struct ConnectionSettings {
    QString target = QStringLiteral("127.0.0.1:50051"); // host:port
    QString token; // bearer token; empty = none
};

std::shared_ptr<grpc::Channel> makeChannel(const ConnectionSettings& settings);
// Adds the bearer token to a call's metadata.
void authorize(grpc::ClientContext& context, const ConnectionSettings& settings);

} // namespace cpn
