#include "mockserver.h"

#include "dispatchservice.h"
#include "listenaddress.h"
#include "scenario.h"
#include "simulation.h"
#include "stateservice.h"

#include <grpcpp/ext/proto_server_reflection_plugin.h>
#include <grpcpp/health_check_service_interface.h>
#include <grpcpp/security/server_credentials.h>
#include <grpcpp/server.h>
#include <grpcpp/server_builder.h>

#include <algorithm>
#include <chrono>
#include <cmath>

namespace cpn::mock {

namespace {

constexpr auto kTickPeriod = std::chrono::seconds(1);
constexpr auto kShutdownGrace = std::chrono::seconds(2);

void installGrpcPlugins()
{
    static std::once_flag once;
    std::call_once(once, [] {
        grpc::EnableDefaultHealthCheckService(true);
        grpc::reflection::InitProtoReflectionServerBuilderPlugin();
    });
}

} // namespace

MockServer::MockServer(MockServerOptions options)
    : m_options(std::move(options))
{ }

MockServer::~MockServer()
{
    stop();
}

std::vector<std::string> MockServer::scenarios()
{
    return scenarioNames();
}

std::string MockServer::address() const
{
    const auto parsed = parseListenAddress(m_options.listenAddress);
    return parsed ? parsed->toString(m_port) : m_options.listenAddress;
}

bool MockServer::start(std::string* error)
{
    auto fail = [&](std::string why) {
        if (error)
            *error = std::move(why);
        return false;
    };
    if (m_server)
        return true;
    if (m_simulation)
        return fail("a mock server cannot be started again after stop()");
    const auto listen = parseListenAddress(m_options.listenAddress);
    if (!listen)
        return fail("bad listen address '" + m_options.listenAddress + "' (expected HOST:PORT)");
    if (m_options.tokens.empty() && !isLoopbackHost(listen->host))
        return fail("refusing to listen on " + m_options.listenAddress
            + " without a token: anyone could dispatch. Pass --token operator=SECRET (and viewer=...) "
              "or listen on a loopback address such as 127.0.0.1");
    if (!parseScenario(m_options.scenario)) {
        std::string known;
        for (const auto& name : scenarioNames())
            known += (known.empty() ? "" : ", ") + name;
        return fail("unknown scenario '" + m_options.scenario + "' (available: " + known + ")");
    }
    if (!std::isfinite(m_options.timeScale) || m_options.timeScale <= 0)
        return fail("the time scale must be a positive number");
    if (!(m_options.migrationFailureRate >= 0 && m_options.migrationFailureRate <= 1))
        return fail("the migration failure rate must be between 0 and 1");

    SimulationOptions simulation;
    simulation.seed = m_options.seed;
    simulation.scale = m_options.scale;
    simulation.timeScale = m_options.timeScale;
    simulation.scenario = m_options.scenario;
    simulation.migrationFailureRate = m_options.migrationFailureRate;
    simulation.initialRevision = m_options.firstRevision;
    if (simulation.initialRevision == 0) {
        const auto now = std::chrono::system_clock::now().time_since_epoch();
        simulation.initialRevision
            = std::uint64_t(std::chrono::duration_cast<std::chrono::milliseconds>(now).count()) * 1000;
    }
    m_simulation = std::make_unique<Simulation>(simulation);
    m_authenticator = std::make_unique<Authenticator>(m_options.tokens);
    m_stateService = std::make_unique<StateServiceImpl>(*m_simulation, *m_authenticator);
    m_dispatchService = std::make_unique<DispatchServiceImpl>(*m_simulation, *m_authenticator);

    installGrpcPlugins();
    grpc::ServerBuilder builder;
    int selectedPort = 0;
    builder.AddListeningPort(listen->toString(listen->port), grpc::InsecureServerCredentials(), &selectedPort);
    builder.RegisterService(m_stateService.get());
    builder.RegisterService(m_dispatchService.get());
    m_server = builder.BuildAndStart();
    if (!m_server || selectedPort == 0) {
        m_server.reset();
        return fail("cannot listen on " + m_options.listenAddress + " (address in use or not local?)");
    }
    m_port = selectedPort;

    if (!m_options.manualTicks)
        m_tickThread = std::thread([this] { tickLoop(); });
    return true;
}

void MockServer::stop()
{
    {
        std::lock_guard lock(m_tickMutex);
        m_stopping = true;
    }
    m_tickWake.notify_all();
    if (m_tickThread.joinable())
        m_tickThread.join();
    if (m_simulation)
        m_simulation->events().close(); // Watch streams return at once
    if (m_server) {
        m_server->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
        m_server->Wait();
        m_server.reset();
    }
}

void MockServer::tickLoop()
{
    auto next = std::chrono::steady_clock::now() + kTickPeriod;
    std::unique_lock lock(m_tickMutex);
    while (!m_stopping) {
        if (m_tickWake.wait_until(lock, next, [this] { return m_stopping; }))
            break;
        lock.unlock();
        m_simulation->tick(m_options.timeScale);
        lock.lock();
        next += kTickPeriod;
        const auto now = std::chrono::steady_clock::now();
        if (now > next + 5 * kTickPeriod) // fell far behind (a slow tick, a paused process): don't catch up
            next = now + kTickPeriod;
    }
}

} // namespace cpn::mock
