#pragma once
// What the fuzz targets and their seed writer share: what an input's first byte says the rest
// is, and the mock scheduler they all start from (national, seed 1, moved by hand), so that the
// ids and revisions in the seeds are the ones the targets know.

#include "simulation.h"

#include "cpn/v1/dispatch.pb.h"
#include "cpn/v1/state.pb.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace cpn::fuzz {

// cpn-fuzz-client: a message a server sends the console.
enum class ServerMessage : std::uint8_t {
    Snapshot,
    WatchEvent,
    ListTasksResponse,
    MigrationPlan,
    Migration,
    DrainSiteResponse,
    QueryHistoryResponse,
    Count
};

// cpn-fuzz-server: a request a client sends a server. UserName is the "cpn-user" metadata of a
// command, which the services decode before any engine sees the call.
enum class Request : std::uint8_t {
    ListTasks,
    QueryHistory,
    PlanMigration,
    StartMigration,
    CancelMigration,
    DrainSite,
    AcknowledgeAlarm,
    Watch,
    UserName,
    Count
};

// Every byte means a kind: no input is wasted on an unknown one.
template <typename Kind> Kind kindOf(std::uint8_t byte)
{
    return Kind(byte % std::uint8_t(Kind::Count));
}

// The platform name the console qualifies every id with ("p/<id>").
inline constexpr const char* kPlatform = "p";

// A national mock scheduler with some history: minutes of metrics, raised alarms, a link down,
// a site degraded, a migration started and under way, an alarm acknowledged. Deterministic: each
// call tells the same story.
struct MockStory {
    std::unique_ptr<mock::Simulation> simulation;
    cpn::v1::Snapshot before; // the state before the commands and the last ticks
    cpn::v1::ListTasksResponse firstTasks; // the first page of tasks at `before`
    std::vector<cpn::v1::WatchEvent> events; // everything after `before`, in order
    cpn::v1::MigrationPlan plan; // of the migration started
    cpn::v1::Migration started; // StartMigration's answer
    std::string startRequestId;
    std::string acknowledgedAlarmId;
    std::string linkDown;
    std::string siteDegraded;
};

// A running task of `page` (not `skipTask`) with a feasible move to a hub or cluster: its plan.
bool findMove(const mock::Simulation& simulation, const cpn::v1::Snapshot& snapshot,
    const cpn::v1::ListTasksResponse& page, cpn::v1::MigrationPlan* plan, const std::string& skipTask = {});

// Options of the story's mock: migrations do not fail by chance, and the event log is kept small
// (a fuzzer's engine lives for thousands of commands).
mock::SimulationOptions storyOptions();
MockStory tellStory();

} // namespace cpn::fuzz
