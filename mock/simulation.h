#pragma once
// The mock scheduler's engine: the network, its tasks and migrations, moving in simulated time.

#include "alarmrules.h"
#include "dispatcher.h"
#include "engine.h"
#include "eventlog.h"
#include "metricsmodel.h"
#include "networkhistory.h"
#include "scenarioplayer.h"
#include "simulationoptions.h"
#include "taskbook.h"
#include "world.h"

#include "cpn/v1/dispatch.pb.h"
#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

namespace cpn::mock {

// Deterministic: the same options and the same sequence of tick() calls give the same states and
// events. Every public member is thread-safe: one mutex guards the parts (each of which keeps
// its own records) and the world they share; the event log has its own lock, so that Watch
// streams read it without waiting for a tick.
class Simulation final : public server::Engine {
public:
    explicit Simulation(SimulationOptions options = {});
    ~Simulation() override;
    Simulation(const Simulation&) = delete;
    Simulation& operator=(const Simulation&) = delete;

    // Advances the clock by simSeconds and applies what happens meanwhile: tasks end and arrive,
    // queues move, migrations progress; then emits one metrics batch and the alarm changes.
    void tick(double simSeconds);

    server::EventLog& events() override { return m_events; }
    const server::EventLog& events() const override { return m_events; }
    const SimulationOptions& options() const { return m_options; }
    std::int64_t simTimeMs() const;

    // server::Engine: StateService
    cpn::v1::Snapshot snapshot() const override;
    grpc::Status listTasks(
        const cpn::v1::ListTasksRequest& request, cpn::v1::ListTasksResponse* response) const override;
    grpc::Status queryHistory(
        const cpn::v1::QueryHistoryRequest& request, cpn::v1::QueryHistoryResponse* response) const override;
    server::KeptSpan keptSpan() const override;
    grpc::Status metricsAt(std::int64_t timeMs, const MetricsSlices& emit) const override;
    grpc::Status capacityReport(const cpn::v1::GetCapacityReportRequest& request, cpn::v1::CapacityReport* report,
        const std::function<bool()>& stop) const override;

    // server::Engine: DispatchService
    grpc::Status planMigration(
        const cpn::v1::PlanMigrationRequest& request, cpn::v1::MigrationPlan* plan) const override;
    grpc::Status startMigration(const cpn::v1::StartMigrationRequest& request, const std::string& requestedBy,
        cpn::v1::Migration* migration) override;
    grpc::Status cancelMigration(const cpn::v1::CancelMigrationRequest& request, const std::string& actor,
        cpn::v1::Migration* migration) override;
    grpc::Status drainSite(const cpn::v1::DrainSiteRequest& request, const std::string& requestedBy,
        cpn::v1::DrainSiteResponse* response) override;
    grpc::Status acknowledgeAlarm(
        const cpn::v1::AcknowledgeAlarmRequest& request, const std::string& by, cpn::v1::Alarm* alarm) override;

    // For tests and tools.
    std::optional<cpn::v1::Task> findTask(const std::string& id) const;
    std::optional<cpn::v1::Migration> findMigration(const std::string& id) const;
    // Takes a link down or brings it back (a fibre cut, a repair); false for an unknown id.
    bool setLinkStatus(const std::string& linkId, cpn::v1::LinkStatus status);
    // Sets a site's status (an outage, a repair); false for an unknown id. For tests and scenarios.
    bool setSiteStatus(const std::string& siteId, cpn::v1::SiteStatus status);
    // Empty when all capacity accounting holds (cards in use within installed, ratios in 0..1);
    // otherwise what is wrong.
    std::string checkInvariants() const;

private:
    // Outages and repairs, with all that follows: moves fail, work leaves an offline site, traffic
    // and migrations reroute.
    void applySiteStatus(std::uint32_t site, cpn::v1::SiteStatus status);
    void applyLinkStatus(std::uint32_t link, cpn::v1::LinkStatus status);
    void networkChanged();
    // Hands the change's events to the log, which gives them their revisions.
    void flushEvents();

    const SimulationOptions m_options;
    mutable std::mutex m_mutex;
    World m_world;
    // The parts, in the order they are built; each holds references to the ones before it.
    ScenarioPlayer m_scenario;
    TaskBook m_tasks;
    MetricsModel m_metrics;
    AlarmRules m_alarms;
    Dispatcher m_dispatcher;
    NetworkHistory m_history;
    server::EventLog m_events;
};

} // namespace cpn::mock
