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
#include <fstream>
#include <mutex>
#include <sstream>

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

// A PEM file's text; empty and why when it cannot be read or holds no PEM block.
std::string readPem(const std::string& path, const char* what, std::string* error)
{
    std::ifstream file(path, std::ios::binary);
    if (!file) {
        *error = std::string("cannot read the ") + what + " " + path;
        return {};
    }
    std::stringstream text;
    text << file.rdbuf();
    if (text.str().find("-----BEGIN ") == std::string::npos) {
        *error = path + " is not a PEM file (the " + what + " must be PEM)";
        return {};
    }
    return text.str();
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
    const TlsFiles& tls = options.tls;
    if (tls.certFile.empty() != tls.keyFile.empty())
        return fail("--tls-cert and --tls-key go together");
    if (!tls.clientCaFile.empty() && !tls.enabled())
        return fail("--tls-client-ca needs --tls-cert and --tls-key");
    if (!tls.enabled() && !options.insecure && !isLoopbackHost(listen->host))
        return fail("refusing to listen on " + options.listenAddress
            + " in plaintext: tokens and commands would cross the network readable by anyone. Pass "
              "--tls-cert FILE --tls-key FILE, or --insecure on a network you trust");
    std::string why;
    for (const auto& [path, what] : { std::pair { tls.certFile, "TLS certificate" }, { tls.keyFile, "TLS key" },
             { tls.clientCaFile, "client CA" } })
        if (!path.empty() && readPem(path, what, &why).empty())
            return fail(why);
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
    std::shared_ptr<grpc::ServerCredentials> credentials = grpc::InsecureServerCredentials();
    if (m_options.tls.enabled()) {
        std::string why;
        grpc::SslServerCredentialsOptions ssl(m_options.tls.clientCaFile.empty()
                ? GRPC_SSL_DONT_REQUEST_CLIENT_CERTIFICATE
                : GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
        ssl.pem_key_cert_pairs.push_back({ readPem(m_options.tls.keyFile, "TLS key", &why),
            readPem(m_options.tls.certFile, "TLS certificate", &why) });
        if (!m_options.tls.clientCaFile.empty())
            ssl.pem_root_certs = readPem(m_options.tls.clientCaFile, "client CA", &why);
        if (!why.empty()) {
            if (error)
                *error = why;
            return false;
        }
        credentials = grpc::SslServerCredentials(ssl);
    }
    builder.AddListeningPort(listen->toString(listen->port), credentials, &selectedPort);
    builder.RegisterService(m_stateService.get());
    builder.RegisterService(m_dispatchService.get());
    m_server = builder.BuildAndStart();
    if (!m_server || selectedPort == 0) {
        m_server.reset();
        if (error)
            *error = "cannot listen on " + m_options.listenAddress
                + (m_options.tls.enabled() ? " (address in use or not local, or the TLS key does not match the certificate?)"
                                           : " (address in use or not local?)");
        return false;
    }
    m_port = selectedPort;
    return true;
}

bool ApiServer::reloadTokens(std::string* error)
{
    if (m_options.tokenFiles.empty()) {
        *error = "no --token-file to read again";
        return false;
    }
    std::vector<AccessToken> tokens = m_options.givenTokens;
    for (const auto& file : m_options.tokenFiles) {
        std::string why;
        auto read = loadTokenFile(file, &why);
        if (!read) {
            *error = file + ": " + why;
            return false;
        }
        tokens.insert(tokens.end(), read->begin(), read->end());
    }
    m_authenticator.setTokens(std::move(tokens));
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
