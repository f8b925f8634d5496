#include "mockserver.h"

#include "apiserver.h"
#include "listenaddress.h"
#include "scenario.h"
#include "simulation.h"

#include <algorithm>
#include <chrono>
#include <cmath>

namespace cpn::mock {

namespace {

constexpr auto kTickPeriod = std::chrono::seconds(1);

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

bool MockServer::reloadTokens(std::string* error)
{
    if (!m_server) {
        *error = "not serving";
        return false;
    }
    return m_server->reloadTokens(error);
}

bool MockServer::isRunning() const
{
    return m_server && m_server->isRunning();
}

int MockServer::port() const
{
    return m_server ? m_server->port() : 0;
}

std::string MockServer::address() const
{
    if (m_server)
        return m_server->address();
    const auto parsed = server::parseListenAddress(m_options.serving.listenAddress);
    return parsed ? parsed->toString(0) : m_options.serving.listenAddress;
}

bool MockServer::start(std::string* error)
{
    auto fail = [&](std::string why) {
        if (error)
            *error = std::move(why);
        return false;
    };
    if (isRunning())
        return true;
    if (m_simulation)
        return fail("a mock server cannot be started again after stop()");
    const server::ApiServerOptions& serving = m_options.serving;
    std::string why;
    if (!server::ApiServer::checkOptions(serving, &why)) // before building the simulation: it takes long at huge
        return fail(why);
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
    m_server = std::make_unique<server::ApiServer>(*m_simulation, serving);
    if (!m_server->start(&why)) {
        m_server.reset();
        return fail(why);
    }

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
    if (m_server)
        m_server->stop(); // also closes the simulation's event log: Watch streams return at once
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
