#include "connectionsettings.h"

#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

namespace cpn {

std::shared_ptr<grpc::Channel> makeChannel(const ConnectionSettings& settings)
{
    grpc::ChannelArguments args;
    // Snapshots of the large scales are far above gRPC's 4 MB default.
    args.SetMaxReceiveMessageSize(512 * 1024 * 1024);
    // Notice a dead peer on a quiet connection, and come back quickly once it returns.
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 20000);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 250);
    return grpc::CreateCustomChannel(settings.target.toStdString(), grpc::InsecureChannelCredentials(), args);
}

void authorize(grpc::ClientContext& context, const ConnectionSettings& settings)
{
    if (!settings.token.isEmpty())
        context.AddMetadata("authorization", "Bearer " + settings.token.toStdString());
}

} // namespace cpn
