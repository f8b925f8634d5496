#include "apiserver.h"

#include "dispatchservice.h"
#include "engine.h"
#include "listenaddress.h"
#include "stateservice.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <chrono>
#include <mutex>

namespace cpn::server {

namespace {

constexpr auto kShutdownGrace = std::chrono::seconds(2);

// Process-wide switches of gRPC: they apply to every server built after them.
void installGrpcPlugins()
{
    static std::once_flag once;
    std::call_once(once, [] {
        grpc::EnableDefaultHealthCheckService(true);
        grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    });
}

} // namespace

ApiServer::ApiServer(Engine& engine, ApiServerOptions options)
    : m_engine(engine)
    , m_options(std::move(options))
    , m_authenticator(m_options.tokens)
{ }

ApiServer::~ApiServer()
{
    stop();
}

bool ApiServer::checkOptions(const ApiServerOptions& options, std::string* error)
{
    auto fail = [&](std::string why) {
        if (error)
            *error = std::move(why);
        return false;
    };
    const auto listen = parseListenAddress(options.listenAddress);
    if (!listen)
        return fail("bad listen address '" + options.listenAddress + "' (expected HOST:PORT)");
    if (options.tokens.empty() && !isLoopbackHost(listen->host))
        return fail("refusing to listen on " + options.listenAddress
            + " without a token: anyone could dispatch. Pass --token operator=SECRET (and viewer=...) "
              "or listen on a loopback address such as 127.0.0.1");
    return true;
}

std::string ApiServer::address() const
{
    const auto parsed = parseListenAddress(m_options.listenAddress);
    return parsed ? parsed->toString(m_port) : m_options.listenAddress;
}

bool ApiServer::start(std::string* error)
{
    if (m_server)
        return true;
    if (m_stopped) {
        if (error)
            *error = "a server cannot be started again after stop()";
        return false;
    }
    if (!checkOptions(m_options, error))
        return false;
    const auto listen = parseListenAddress(m_options.listenAddress);
    m_stateService = std::make_unique<StateServiceImpl>(m_engine, m_authenticator);
    m_dispatchService = std::make_unique<DispatchServiceImpl>(m_engine, m_authenticator);

    installGrpcPlugins();
    grpc::ServerBuilder builder;
    int selectedPort = 0;
    builder.AddListeningPort(listen->toString(listen->port), grpc::InsecureServerCredentials(), &selectedPort);
    builder.RegisterService(m_stateService.get());
    builder.RegisterService(m_dispatchService.get());
    m_server = builder.BuildAndStart();
    if (!m_server || selectedPort == 0) {
        m_server.reset();
        if (error)
            *error = "cannot listen on " + m_options.listenAddress + " (address in use or not local?)";
        return false;
    }
    m_port = selectedPort;
    return true;
}

void ApiServer::setServing(bool serving)
{
    if (m_server)
        m_server->GetHealthCheckService()->SetServingStatus(serving);
}

void ApiServer::stop()
{
    if (!m_server)
        return;
    m_stopped = true;
    m_engine.events().close(); // Watch streams return at once
    m_server->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
    m_server->Wait();
    m_server.reset();
}

} // namespace cpn::server
