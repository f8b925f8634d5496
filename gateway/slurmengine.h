#pragma once
// The Slurm engine: the CPN API's state and commands over a real Slurm cluster. Sites are
// partitions (placed by the sites file), tasks are jobs; a poll thread reads Slurm every
// --poll-ms, diffs against the last poll and publishes the changes as Watch events, and carries
// the migrations forward step by step (see migrationrun.h). What must survive a restart is kept
// in the state store.

#include "engine.h"
#include "migrationrun.h"
#include "routing.h"
#include "sitesfile.h"
#include "slurm.h"
#include "statestore.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace cpn::gateway {

// Wall clock, Unix ms: the gateway's time is Slurm's, the real one.
inline std::int64_t wallMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// How the gateway's drains start the reason they give Slurm's nodes; a drain by anyone else is
// an alarm, ours is the site's maintenance.
inline constexpr const char* kOurDrainReason = "cpn drain";

struct GatewayOptions {
    std::string slurmConf; // empty: SLURM_CONF as the commands find it
    std::string stateDir = "cpn-gateway-state";
    int pollMs = 1000;
    int checkpointGraceMs = 2000; // from the checkpoint signal to requeue-hold
    double maxTransferSeconds = 30; // longest TRANSFERRING lasts, whatever the estimate
    int startTimeoutMs = 120000; // a released job not running at the target by then rolls back
    std::uint32_t drainConcurrency = 2; // a drain's max_concurrent when it gives 0
    std::uint64_t firstRevision = 0; // 0 = wall clock ms * 1000 (a restart never reuses one)
};

// Figures of the last poll, for the benchmark and --verbose.
struct PollStats {
    double slurmMs = 0; // wall time of the Slurm commands
    double applyMs = 0; // wall time diffing and publishing
    std::size_t jobs = 0;
    std::size_t events = 0;
    bool ok = false;
};

class SlurmEngine final : public server::Engine {
public:
    SlurmEngine(SitesConfig config, GatewayOptions options);
    ~SlurmEngine() override;
    SlurmEngine(const SlurmEngine&) = delete;
    SlurmEngine& operator=(const SlurmEngine&) = delete;

    // Opens the state store and reads Slurm once: every site's partition must exist. Picks up
    // the migrations a previous run left. Does not start the poll thread. On failure says why,
    // and whether the sites file is at fault (a partition Slurm lacks) or the machine.
    enum class OpenResult { Ok, BadSites, Failed };
    OpenResult open(std::string* error);
    // Polls on a thread of its own until stop(); `servingChanged` hears when Slurm stops and
    // starts answering (for the health service).
    void startPolling(std::function<void(bool)> servingChanged = {});
    void stop();
    // One poll and one round of migration steps on the caller's thread (tests, benchmark).
    PollStats pollOnce();
    PollStats lastPoll() const;

    // server::Engine
    cpn::v1::Snapshot snapshot() const override;
    grpc::Status listTasks(
        const cpn::v1::ListTasksRequest& request, cpn::v1::ListTasksResponse* response) const override;
    grpc::Status queryHistory(
        const cpn::v1::QueryHistoryRequest& request, cpn::v1::QueryHistoryResponse* response) const override;
    server::KeptSpan keptSpan() const override;
    grpc::Status metricsAt(std::int64_t timeMs, const MetricsSlices& emit) const override;
    grpc::Status capacityReport(const cpn::v1::GetCapacityReportRequest& request, cpn::v1::CapacityReport* report,
        const std::function<bool()>& stop) const override; // gatewayreport.cpp
    grpc::Status planMigration(const cpn::v1::PlanMigrationRequest& request, cpn::v1::MigrationPlan* plan) const override;
    grpc::Status startMigration(const cpn::v1::StartMigrationRequest& request, const std::string& actor,
        cpn::v1::Migration* migration) override;
    grpc::Status cancelMigration(const cpn::v1::CancelMigrationRequest& request, const std::string& actor,
        cpn::v1::Migration* migration) override;
    grpc::Status drainSite(const cpn::v1::DrainSiteRequest& request, const std::string& actor,
        cpn::v1::DrainSiteResponse* response) override;
    grpc::Status acknowledgeAlarm(
        const cpn::v1::AcknowledgeAlarmRequest& request, const std::string& actor, cpn::v1::Alarm* alarm) override;
    server::EventLog& events() override { return m_events; }
    const server::EventLog& events() const override { return m_events; }

private:
    // Per site, what its nodes hold, by architecture.
    struct Capacity {
        std::map<cpn::v1::Architecture, std::uint32_t> installed;
        std::map<cpn::v1::Architecture, std::uint32_t> used;
        std::map<cpn::v1::Architecture, std::uint32_t> largestFree; // most free cards on one usable node
        std::vector<std::string> nodes;
    };
    struct PlanContext; // what planning one or many moves shares

    // Poll side (poll.cpp), under m_mutex.
    void apply(const SlurmView& view, std::int64_t nowMs);
    void applySites(const SlurmView& view);
    void applyTasks(const SlurmView& view, std::int64_t nowMs);
    void applyMetrics(const SlurmView& view, std::int64_t nowMs);
    void applyAlarms(const SlurmView& view, std::int64_t nowMs);
    void setUnreachable(const std::string& why, std::int64_t nowMs);
    void recordHistory(std::int64_t nowMs);
    void forgetFinishedMigrations(std::int64_t nowMs);
    cpn::v1::Task taskOf(const SlurmJob& job, std::uint32_t site, std::int64_t nowMs) const;
    // `facts`: the alarm's particulars (value, threshold, unit, count, related_id, detail).
    void raise(const std::string& key, cpn::v1::AlarmSeverity severity, const std::string& sourceId,
        const std::string& code, const std::string& message, std::int64_t nowMs,
        std::map<std::string, bool>& seen, const cpn::v1::Alarm& facts = {});
    void flush(); // hands m_pending to the event log

    // Command side (migrations.cpp).
    PlanContext planContext() const; // the cards already promised to migrations under way
    grpc::Status checkReachable() const;
    grpc::Status resolveMove(const std::string& taskId, const std::string& targetId, const cpn::v1::Task** task,
        std::uint32_t* target) const;
    cpn::v1::MigrationPlan plan(const cpn::v1::Task& task, std::uint32_t target, const PlanContext& context) const;
    MigrationRun newRun(const cpn::v1::Task& task, std::uint32_t target, const cpn::v1::MigrationPlan& plan,
        const std::string& requestId, const std::string& reason, const std::string& actor, std::int64_t nowMs);
    void publish(MigrationRun& run, std::int64_t nowMs); // persists, emits the migration
    void emitMigration(const cpn::v1::Migration& migration, std::int64_t nowMs);
    void finish(MigrationRun& run, cpn::v1::MigrationState state, const std::string& why, std::int64_t nowMs);
    void driveMigrations();
    // One step of one migration; false when it waits for Slurm.
    void step(const std::string& migrationId);
    std::size_t activeRunsOf(const std::string& drainRequestId) const;
    // The stored answer of a drain already made with this request id, with its migrations now.
    bool repeatedDrain(const std::string& requestId, cpn::v1::DrainSiteResponse* response) const;
    std::optional<std::uint32_t> siteOfPartition(const std::string& partition) const;

    void loop();
    void wake();

    const SitesConfig m_config;
    const GatewayOptions m_options;
    const SlurmCli m_slurm;
    StateStore m_store;
    server::LinkGraph m_graph;
    std::map<std::string, std::uint32_t> m_siteIndex;

    mutable std::mutex m_mutex; // everything below
    server::EventLog m_events;
    std::vector<cpn::v1::WatchEvent> m_pending; // events of the change under way
    std::vector<cpn::v1::Site> m_sites;
    std::vector<Capacity> m_capacity;
    std::vector<std::string> m_partitionState; // per site: UP, DOWN, DRAIN, INACTIVE, "" = missing
    std::vector<cpn::v1::SiteMetrics> m_siteMetrics;
    std::vector<cpn::v1::LinkMetrics> m_linkMetrics;
    std::map<std::uint64_t, cpn::v1::Task> m_tasks; // by job id
    std::map<std::uint64_t, SlurmJob> m_jobs; // as the last poll saw them
    std::set<std::string> m_ambiguousJobs; // the last poll could not read them clearly
    std::map<std::string, cpn::v1::Alarm> m_alarms; // by key: code and entity
    std::map<std::string, MigrationRun> m_runs; // by migration id
    std::map<std::string, bool> m_cancelRequested; // migration ids
    std::uint64_t m_nextMigration = 1;
    bool m_reachable = true;
    bool m_stopped = false; // no more polls: nothing will answer a waiting cancel
    bool m_polledOnce = false;
    std::string m_unreachableWhy;
    std::int64_t m_lastPollMs = 0;
    std::int64_t m_nextSampleMs = 0;
    std::int64_t m_nextCompactMs = 0;
    PollStats m_lastPoll;

    std::condition_variable m_runChanged; // a migration moved (cancel waits on it)
    std::mutex m_loopMutex;
    std::condition_variable m_loopWake;
    bool m_stopping = false;
    bool m_woken = false;
    std::function<void(bool)> m_servingChanged;
    std::thread m_thread;
};

} // namespace cpn::gateway
