#pragma once
// The mock scheduler as an embeddable object: a simulation (the engine) served by the API server
// on a local port, advanced once per wall second by its own thread.

#include "apiserver.h"
#include "topology.h"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace cpn::server {
class ApiServer;
}

namespace cpn::mock {

class Simulation;

struct MockServerOptions {
    // Where and how it serves: address (port 0 = pick a free port), tokens (none = everyone is
    // operator, loopback only), TLS.
    server::ApiServerOptions serving;
    std::uint64_t seed = 1;
    Scale scale = Scale::National;
    double timeScale = 10.0; // simulated seconds per wall second
    double migrationFailureRate = 0.05; // share of migrations that fail and roll back, ratio 0..1
    std::string scenario = "normal";
    bool manualTicks = false; // no tick thread: the owner calls simulation()->tick() (tests)
    // Revision of the starting state; 0 = derived from the wall clock (Unix ms * 1000), so that a
    // restarted server never holds revisions of an earlier run and clients resuming with one get
    // OUT_OF_RANGE (and take a fresh snapshot) instead of silently mixing two runs.
    std::uint64_t firstRevision = 0;
};

class MockServer {
public:
    explicit MockServer(MockServerOptions options = {});
    ~MockServer(); // stops
    MockServer(const MockServer&) = delete;
    MockServer& operator=(const MockServer&) = delete;

    // Builds the simulation, starts serving and ticking. False (and why, in *error) when the
    // options are invalid or the address cannot be bound.
    bool start(std::string* error = nullptr);
    // Stops ticking, ends Watch streams and shuts the server down; idempotent.
    void stop();

    // Reads the token file again (see ApiServer::reloadTokens).
    bool reloadTokens(std::string* error);

    bool isRunning() const;
    int port() const; // the bound port once started, else 0
    std::string address() const; // "host:port" with the bound port
    Simulation* simulation() { return m_simulation.get(); } // null before start()
    const MockServerOptions& options() const { return m_options; }

    // Scenarios this build knows.
    static std::vector<std::string> scenarios();

private:
    void tickLoop();

    MockServerOptions m_options;
    std::unique_ptr<Simulation> m_simulation;
    std::unique_ptr<server::ApiServer> m_server; // declared after the simulation: destroyed before it

    std::mutex m_tickMutex;
    std::condition_variable m_tickWake;
    bool m_stopping = false;
    std::thread m_tickThread;
};

} // namespace cpn::mock
