#pragma once
// Moves work between sites: migrations (started, cancelled, progressing through their phases,
// failing and rolling back, rerouted around outages) and site drains that move a site's tasks a
// few at a time.

#include "enginestate.h"
#include "idempotencystore.h"
#include "migrationplanner.h"
#include "world.h"

#include "cpn/v1/dispatch.pb.h"
#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace cpn::mock {

class MetricsModel;
class TaskBook;

bool isFinishedState(cpn::v1::MigrationState state);

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

class Dispatcher {
public:
    Dispatcher(World& world, TaskBook& tasks, const MetricsModel& metrics);

    // The DispatchService's commands (but for alarms); events go to the world's pending list.
    grpc::Status plan(const cpn::v1::PlanMigrationRequest& request, cpn::v1::MigrationPlan* plan) const;
    grpc::Status start(
        const cpn::v1::StartMigrationRequest& request, const std::string& requestedBy, cpn::v1::Migration* migration);
    grpc::Status cancel(const cpn::v1::CancelMigrationRequest& request, cpn::v1::Migration* migration);
    grpc::Status drain(
        const cpn::v1::DrainSiteRequest& request, const std::string& requestedBy, cpn::v1::DrainSiteResponse* response);

    // Drains start their next planned moves as earlier ones finish.
    void advanceDrains();
    // Migrations move through their phases for `seconds`; some fail as the seed decided.
    void advance(double seconds);
    // A site went offline: moves to or from it fail where they are.
    void failMigrationsAt(std::uint32_t site);
    // Links or sites changed: moves whose path broke take another one, or roll back.
    void rerouteMigrations();

    const MigrationRecord* find(const std::string& id) const;
    const std::set<std::string>& active() const { return m_activeMigrations; }
    // The active migrations, then the most recently finished ones.
    void addTo(cpn::v1::Snapshot& snapshot) const;

private:
    struct DrainRecord {
        std::uint32_t site = 0;
        std::uint32_t maxConcurrent = 4;
        cpn::v1::DrainSiteResponse response;
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

    MigrationRecord& create(TaskRecord& task, std::uint32_t target, PlanOutcome&& outcome, const std::string& requestId,
        const std::string& reason, const std::string& requestedBy);
    void begin(MigrationRecord& m);
    DrainPlan planDrain(std::uint32_t site) const; // changes nothing
    void drawFailure(MigrationRecord& m, std::uint64_t number) const;
    // `code` is the Migration's failure_code, `why` its failure_reason (types.proto).
    void rollBack(MigrationRecord& m, const char* code, const std::string& why);
    void completeMove(MigrationRecord& m);
    void abandon(MigrationRecord& m); // undoes reservations; the task stays at its source
    void finish(MigrationRecord& m, cpn::v1::MigrationState state, const char* code = "", const std::string& failure = {});
    void setOnLinks(MigrationRecord& m, bool on);
    void updateEta(MigrationRecord& m);
    void emit(MigrationRecord& m);

    World& m_world;
    TaskBook& m_tasks;
    MigrationPlanner m_planner;
    std::map<std::string, MigrationRecord> m_migrations; // every one, by id
    std::set<std::string> m_activeMigrations; // not finished, including PLANNED
    std::deque<std::string> m_finishedMigrations; // the recent ones, oldest first
    // Start keys -> migration ids. Kept far beyond a client's retries; a repeat answers with the
    // migration as it is now.
    server::IdempotencyStore<std::string> m_startKeys;
    // By request id: a drain's key is also what orders the drains and names their moves; kept
    // until a number of later drains have finished too (a repeated DrainSite returns it).
    std::map<std::string, DrainRecord> m_drains;
    std::deque<std::string> m_finishedDrains; // request ids of drains with every migration finished
    std::uint64_t m_nextMigrationNumber = 1;
};

} // namespace cpn::mock
