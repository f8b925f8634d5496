#pragma once
// The CPN API served over an engine: StateService and DispatchService with bearer-token roles,
// plus the standard gRPC health and reflection services, on one listening address.

#include "auth.h"

#include <memory>
#include <string>
#include <vector>

namespace grpc {
class Server;
}

namespace cpn::server {

class Engine;
class StateServiceImpl;
class DispatchServiceImpl;

// PEM files; TLS is on when certFile is set.
struct TlsFiles {
    std::string certFile;
    std::string keyFile;
    std::string clientCaFile; // set: mutual TLS, clients must show a certificate this CA signed
    bool enabled() const { return !certFile.empty(); }
};

struct ApiServerOptions {
    std::string listenAddress = "127.0.0.1:0"; // HOST:PORT; port 0 = pick a free port
    std::vector<AccessToken> tokens; // none = everyone is operator, and only on a loopback address
    // Where `tokens` came from: given one by one (--token), and token files, read again by
    // reloadTokens().
    std::vector<AccessToken> givenTokens;
    std::vector<std::string> tokenFiles;
    TlsFiles tls;
    bool insecure = false; // plaintext allowed on an address others can reach
};

class ApiServer {
public:
    // The engine must outlive the server.
    ApiServer(Engine& engine, ApiServerOptions options);
    ~ApiServer(); // stops
    ApiServer(const ApiServer&) = delete;
    ApiServer& operator=(const ApiServer&) = delete;

    // False (and why, in *error) when the options cannot be served: a malformed address, no
    // token on an address others can reach (anyone could dispatch), plaintext there without
    // `insecure`, TLS files missing, unreadable or not PEM. Cheap: owners check before building
    // an expensive engine.
    static bool checkOptions(const ApiServerOptions& options, std::string* error);

    // Binds and serves; false (and why) when the options are invalid or the address cannot be
    // bound. A stopped server does not start again.
    bool start(std::string* error = nullptr);
    // Closes the engine's event log (Watch streams end at once, UNAVAILABLE) and shuts the server
    // down, giving unary calls in flight a short grace; idempotent.
    void stop();

    // Reads the token file again (SIGHUP): calls in flight and open streams go on; calls from
    // now on are checked against the new tokens. False (and why) when the file cannot be used:
    // the old tokens then stay.
    bool reloadTokens(std::string* error);

    // What the standard health service answers for every service: SERVING, or NOT_SERVING while
    // the engine cannot reach what it serves (a gateway whose scheduler is down). Started serving.
    void setServing(bool serving);

    bool isRunning() const { return m_server != nullptr; }
    int port() const { return m_port; } // the bound port once started, else 0
    std::string address() const; // "host:port" with the bound port
    const ApiServerOptions& options() const { return m_options; }

private:
    Engine& m_engine;
    const ApiServerOptions m_options;
    Authenticator m_authenticator;
    std::unique_ptr<StateServiceImpl> m_stateService;
    std::unique_ptr<DispatchServiceImpl> m_dispatchService;
    std::unique_ptr<grpc::Server> m_server; // declared after the services: destroyed before them
    int m_port = 0;
    bool m_stopped = false;
};

} // namespace cpn::server
