#pragma once
// The mock scheduler's engine: the network, its tasks and migrations, moving in simulated time.

#include "engine.h"
#include "enginestate.h"
#include "eventlog.h"
#include "idempotencystore.h"
#include "metrichistory.h"
#include "random.h"
#include "routing.h"
#include "scenario.h"
#include "taskfactory.h"
#include "topology.h"

#include "cpn/v1/dispatch.pb.h"
#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace cpn::mock {

// Where each recorded metric of each site lives in the history store.
struct HistoryLayout {
    std::vector<std::vector<std::int32_t>> archChannel; // [architecture][site] -> channel, -1 = not installed
};

// 2026-11-21T08:00+08:00, where every simulation's clock starts, Unix ms.
inline constexpr std::int64_t kSimulationStartMs = 1795219200000;

struct SimulationOptions {
    std::uint64_t seed = 1;
    Scale scale = Scale::National;
    double timeScale = 10.0; // simulated s per wall s; reported in snapshots, the caller paces tick()
    std::string scenario = "normal";
    server::EventLog::Limits eventLimits {};
    // Revision of the starting state. A server gives each run its own range (see MockServerOptions)
    // so that a client holding a revision of an earlier run cannot resume into this one.
    std::uint64_t initialRevision = 1;
    // Share of migrations that fail part-way (a transfer interrupted, a restore that does not
    // come up) and roll back on their own, ratio 0..1. Which ones is decided by the seed and the
    // migration's number, so a run does not depend on when commands arrive between ticks.
    double migrationFailureRate = 0.05;
};

bool isFinishedState(cpn::v1::MigrationState state);

// Deterministic: the same options and the same sequence of tick() calls give the same states and
// events. Every public member is thread-safe; one mutex guards the engine.
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
    struct MigrationRecord {
        cpn::v1::Migration proto;
        std::uint64_t task = 0;
        std::uint32_t source = 0;
        std::uint32_t target = 0;
        std::vector<Hop> path;
        double rateGbps = 0;
        double checkpointSeconds = 0;
        double restoreSeconds = 0;
        double downtimeSeconds = 0;
        double phaseLeftSeconds = 0; // of the current timed phase (checkpoint, restore)
        double bytesDone = 0;
        bool taskWasQueued = false;
        bool onLinks = false; // its rate is counted on the path links
        double failAtFraction = -1; // of the transfer, where it breaks; -1 = does not
        bool failsInRestore = false; // the restore at the target fails instead
        std::string cancelRequestId; // key of the cancel that ended it, if any
    };
    struct DrainRecord {
        std::uint32_t site = 0;
        std::uint32_t maxConcurrent = 4;
        cpn::v1::DrainSiteResponse response;
    };
    struct PlanOutcome {
        cpn::v1::MigrationPlan plan;
        std::vector<Hop> path;
        double rateGbps = 0;
        double checkpointSeconds = 0;
        double restoreSeconds = 0;
        double downtimeSeconds = 0;
    };
    struct DrainPlacement {
        std::uint64_t task = 0;
        std::uint32_t target = 0;
        PlanOutcome outcome;
    };
    struct DrainPlan {
        std::vector<DrainPlacement> placements;
        std::vector<std::uint64_t> unplaced;
    };
    // Routes and users' latencies already worked out while planning many moves at once (a drain).
    struct PlanCache {
        std::map<std::pair<std::uint32_t, std::uint32_t>, Route> routes; // by (from, to)
        std::unordered_map<std::uint32_t, std::vector<double>> latencyFrom; // by users' site
    };
    using Ending = std::pair<std::int64_t, std::uint64_t>; // expected end, task number

    // simulation.cpp: set-up, tasks, events
    void generateTasks();
    void completeTasks();
    void submitTasks(double seconds);
    void startQueuedTasks();
    bool canStart(const TaskRecord& task) const;
    void runTask(TaskRecord& task); // takes its cards at task.site
    void releaseTask(TaskRecord& task); // gives them back
    void enqueueTask(TaskRecord& task);
    void admitTask(TaskRecord&& task); // a new arrival: stored, started or queued, announced
    void removeFromQueue(TaskRecord& task);
    void addToSiteLoad(std::uint32_t site, const TaskRecord& task, int sign);
    cpn::v1::Task taskProto(const TaskRecord& task) const;
    void emit(cpn::v1::WatchEvent event);
    void emitTask(const TaskRecord& task);
    void emitSite(std::uint32_t site);
    void flushEvents();
    const TaskRecord* taskById(const std::string& id) const;
    TaskRecord* taskById(const std::string& id);
    std::optional<std::uint32_t> siteIndex(const std::string& id) const;

    // simulationmetrics.cpp: metrics, alarms, history
    void initialiseLinks();
    void updateMetrics(double seconds);
    void updateAlarms();
    void updateStatusAlarms();
    void updateLatencySloAlarms();
    void updateMigrationAlarms();
    // Raises the alarm held in alarmId, or re-states it (same id, new severity or message); another
    // code clears it and raises a new one.
    void setAlarm(std::string& alarmId, cpn::v1::AlarmSeverity severity, const std::string& sourceId,
        const char* code, const std::string& message);
    void raiseAlarm(std::string& alarmId, cpn::v1::AlarmSeverity severity, const std::string& sourceId,
        const char* code, const std::string& message);
    void clearAlarm(std::string& alarmId);
    void initialiseHistory();
    void recordHistory();
    double siteActivePflops(std::uint32_t site, std::size_t arch) const;
    double siteDemand(std::uint32_t site) const; // interactive demand now, ratio 0..1

    // simulationscenarios.cpp: scenarios, site and link outages, what reroutes around them
    void setUpScenario();
    void advanceScenario();
    Steering scenarioSteering() const;
    void submitSurge(double seconds);
    double scenarioDemandBoost(std::uint32_t site) const;
    void adjustEnergyForScenario(std::uint32_t site, double* greenShare, double* priceCnyPerKwh) const;
    void applySiteStatus(std::uint32_t site, cpn::v1::SiteStatus status);
    void applyLinkStatus(std::uint32_t link, cpn::v1::LinkStatus status);
    void evacuateSite(std::uint32_t site);
    void networkChanged(); // reroutes background traffic and migrations, forgets cached paths
    void rerouteMigrations();
    double hopLatencyMs(const Hop& hop) const; // -1 across a down link or into an offline site
    bool isOffline(std::uint32_t site) const;

    // simulationplanning.cpp: checks and plans; simulationdispatch.cpp: migrations, drains
    grpc::Status resolveMove(
        const std::string& taskId, const std::string& targetId, const TaskRecord** task, std::uint32_t* target) const;
    PlanOutcome plan(const TaskRecord& task, std::uint32_t target, PlanCache* cache = nullptr) const;
    double spareGbps(const Hop& hop) const; // in the hop's direction
    double transferRateGbps(const Route& route) const;
    double usersLatencyMs(const TaskRecord& task, std::uint32_t site, PlanCache* cache = nullptr) const;
    Route transferRoute(std::uint32_t from, std::uint32_t to, PlanCache* cache = nullptr) const;
    MigrationRecord& createMigration(TaskRecord& task, std::uint32_t target, PlanOutcome&& outcome,
        const std::string& requestId, const std::string& reason, const std::string& requestedBy);
    void beginMigration(MigrationRecord& m);
    void advanceMigrations(double seconds);
    void advanceDrains();
    DrainPlan planDrain(std::uint32_t site) const; // changes nothing
    void drawFailure(MigrationRecord& m, std::uint64_t number) const;
    void rollBack(MigrationRecord& m, const std::string& why);
    void completeMove(MigrationRecord& m);
    void abandonMigration(MigrationRecord& m); // undoes reservations; the task stays at its source
    void finishMigration(MigrationRecord& m, cpn::v1::MigrationState state, const std::string& failure = {});
    void setOnLinks(MigrationRecord& m, bool on);
    void updateEta(MigrationRecord& m);
    void emitMigration(MigrationRecord& m);

    const SimulationOptions m_options;
    mutable std::mutex m_mutex;
    Random m_random;
    Topology m_topology;
    LinkGraph m_graph;
    std::unique_ptr<TaskFactory> m_factory;
    std::vector<SiteRuntime> m_sites;
    std::vector<LinkRuntime> m_links;
    std::unordered_map<std::string, std::uint32_t> m_siteIndex;
    std::unordered_map<std::string, std::uint32_t> m_linkIndex;
    std::unordered_map<std::string, std::uint32_t> m_regionIndex;

    std::int64_t m_nowMs = kSimulationStartMs;
    std::map<std::uint64_t, TaskRecord> m_tasks;
    std::priority_queue<Ending, std::vector<Ending>, std::greater<>> m_endings;
    std::array<std::uint32_t, kTaskKindSlots> m_kindCounts {};
    std::uint64_t m_nextTaskNumber = 1;
    std::set<std::uint32_t> m_sitesWithQueue;

    std::map<std::string, MigrationRecord> m_migrations;
    std::set<std::string> m_activeMigrations; // not finished, including PLANNED
    std::deque<std::string> m_finishedMigrations;
    // Start keys -> migration ids. Kept far beyond a client's retries; migrations themselves are
    // kept for good (a repeat answers with the migration as it is now).
    server::IdempotencyStore<std::string> m_migrationByRequest { 100000 };
    std::map<std::string, DrainRecord> m_drains; // by request id
    std::uint64_t m_nextMigrationNumber = 1;

    std::map<std::string, cpn::v1::Alarm> m_alarms;
    std::deque<std::string> m_clearedAlarms;
    std::uint64_t m_nextAlarmNumber = 1;
    std::deque<std::string> m_migrationAlarms; // MIGRATION_FAILED alarm ids, oldest first
    std::vector<float> m_nominalLatencyMs; // per link, at start (the latency SLO rule)
    std::uint64_t m_sloNetwork = 0; // signature of the link states the latency SLO rule last saw
    std::int64_t m_nextSloCheckMs = 0;
    // Per users' site, the sites nearest to it on the network as built (its tasks run there, and
    // their routes stay among them); filled when first needed.
    std::vector<std::vector<std::uint32_t>> m_sloNeighbourhoods;

    cpn::v1::MetricsBatch m_lastMetrics;
    server::MetricHistory m_history;
    HistoryLayout m_historyLayout;
    std::int64_t m_nextHistoryMs = 0;

    ScenarioState m_scenario;
    std::deque<std::string> m_finishedDrains; // request ids of drains with every migration finished

    std::vector<cpn::v1::WatchEvent> m_pending;
    server::EventLog m_events;
};

} // namespace cpn::mock
