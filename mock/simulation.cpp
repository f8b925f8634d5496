#include "simulation.h"

#include <algorithm>
#include <cmath>

namespace cpn::mock {

namespace {

constexpr std::size_t kFullMetricsKept = 16; // two samples at huge (six batches each)

// At the larger scales a metrics batch is MBs: the log keeps the newest few in full.
server::EventLog::Limits eventLimitsFor(const SimulationOptions& options)
{
    server::EventLog::Limits limits = options.eventLimits;
    if (limits.fullMetricsKept == 0 && options.scale != Scale::National)
        limits.fullMetricsKept = kFullMetricsKept;
    return limits;
}

} // namespace

Simulation::Simulation(SimulationOptions options)
    : m_options(std::move(options))
    , m_world(m_options)
    , m_scenario(m_world)
    , m_tasks(m_world)
    , m_metrics(m_world, m_scenario)
    , m_alarms(m_world, m_tasks)
    , m_dispatcher(m_world, m_tasks, m_metrics)
    , m_history(m_world)
    , m_events(std::max<std::uint64_t>(1, m_options.initialRevision), eventLimitsFor(m_options))
{
    // The order of these steps is the order of the random draws: keep it.
    m_metrics.initialiseLinks();
    m_scenario.setUp();
    m_tasks.generate();
    m_metrics.update(0);
    m_alarms.update();
    m_history.initialise(m_metrics.last());
    m_world.pending.clear(); // the starting state is the initial revision; events start after it
    // The timeline starts with what is under way at the start (later changes come through the log).
    for (const auto& [id, alarm] : m_alarms.all())
        m_events.timeline().record(alarm);
    cpn::v1::Snapshot migrations;
    m_dispatcher.addTo(migrations);
    for (const auto& migration : migrations.migrations())
        m_events.timeline().record(migration);
}

Simulation::~Simulation() = default;

void Simulation::tick(double simSeconds)
{
    std::lock_guard lock(m_mutex);
    const double seconds = std::max(0.0, simSeconds);
    m_world.nowMs += std::llround(seconds * 1000);
    for (const auto& change : m_scenario.advance(m_alarms)) {
        if (change.target == StatusChange::Target::Site)
            applySiteStatus(change.index, cpn::v1::SiteStatus(change.status));
        else
            applyLinkStatus(change.index, cpn::v1::LinkStatus(change.status));
    }
    m_tasks.completeDue();
    m_tasks.submit(seconds, m_scenario.steering());
    m_scenario.submitSurge(seconds, m_tasks);
    m_tasks.startQueued();
    m_dispatcher.advanceDrains();
    m_dispatcher.advance(seconds);
    m_metrics.update(seconds);
    m_alarms.update();
    m_history.record(m_metrics.last());
    flushEvents();
    m_events.timeline().forgetEndedBefore(m_history.keptSpan().fromMs);
}

std::int64_t Simulation::simTimeMs() const
{
    std::lock_guard lock(m_mutex);
    return m_world.nowMs;
}

void Simulation::flushEvents()
{
    if (!m_world.pending.empty())
        m_events.append(std::move(m_world.pending));
    m_world.pending.clear();
}

bool Simulation::setLinkStatus(const std::string& linkId, cpn::v1::LinkStatus status)
{
    std::lock_guard lock(m_mutex);
    auto it = m_world.linkById.find(linkId);
    if (it == m_world.linkById.end())
        return false;
    applyLinkStatus(it->second, status);
    flushEvents();
    return true;
}

bool Simulation::setSiteStatus(const std::string& siteId, cpn::v1::SiteStatus status)
{
    std::lock_guard lock(m_mutex);
    const auto s = m_world.findSite(siteId);
    if (!s)
        return false;
    applySiteStatus(*s, status);
    flushEvents();
    return true;
}

void Simulation::applyLinkStatus(std::uint32_t l, cpn::v1::LinkStatus status)
{
    auto& link = m_world.topology.links[l];
    if (link.status() == status)
        return;
    link.set_status(status);
    cpn::v1::WatchEvent event;
    *event.mutable_link() = link;
    m_world.emit(std::move(event));
    networkChanged();
}

void Simulation::applySiteStatus(std::uint32_t site, cpn::v1::SiteStatus status)
{
    auto& proto = m_world.topology.sites[site];
    if (proto.status() == status)
        return;
    proto.set_status(status);
    m_world.emitSite(site);
    if (status == cpn::v1::SITE_STATUS_OFFLINE) {
        // Moves to or from it stop where they are; then its own work goes elsewhere.
        m_dispatcher.failMigrationsAt(site);
        m_tasks.evacuate(site);
    }
    networkChanged();
}

void Simulation::networkChanged()
{
    m_tasks.networkChanged();
    m_metrics.rerouteBackgroundTraffic();
    m_dispatcher.rerouteMigrations();
}

} // namespace cpn::mock
