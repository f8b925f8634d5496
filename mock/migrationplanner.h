#pragma once
// Plans moving a task to another site: the checks (capacity, architecture, residency, latency
// SLO, availability), the route and its transfer, costs and carbon, projected loads. Changes
// nothing. The checks, the path rule, rates and loads are the shared rules of
// rules/placementrules.h, which the console's analysis uses too; the words are the mock's.

#include "enginestate.h"
#include "world.h"

#include "cpn/v1/dispatch.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace cpn::mock {

class MetricsModel;
class TaskBook;

// A plan and what carrying it out needs.
struct PlanOutcome {
    cpn::v1::MigrationPlan plan;
    std::vector<Hop> path;
    double rateGbps = 0;
    double checkpointSeconds = 0;
    double restoreSeconds = 0;
    double downtimeSeconds = 0;
};

// Routes and users' latencies already worked out while planning many moves at once (a drain).
struct PlanCache {
    std::map<std::pair<std::uint32_t, std::uint32_t>, Route> routes; // by (from, to)
    std::unordered_map<std::uint32_t, std::vector<double>> latencyFrom; // by users' site
};

class MigrationPlanner {
public:
    MigrationPlanner(const World& world, const TaskBook& tasks, const MetricsModel& metrics);

    // The task and target of a move request; INVALID_ARGUMENT or NOT_FOUND when they are not.
    grpc::Status resolveMove(
        const std::string& taskId, const std::string& targetId, const TaskRecord** task, std::uint32_t* target) const;
    PlanOutcome plan(const TaskRecord& task, std::uint32_t target, PlanCache* cache = nullptr) const;

    // The route a transfer takes now (links with spare bandwidth, lowest latency), and its rate.
    Route transferRoute(std::uint32_t from, std::uint32_t to, PlanCache* cache = nullptr) const;
    double transferRateGbps(const Route& route) const;

private:
    double spareGbps(const Hop& hop) const; // in the hop's direction
    double usersLatencyMs(const TaskRecord& task, std::uint32_t site, PlanCache* cache) const;

    const World& m_world;
    const TaskBook& m_tasks;
    const MetricsModel& m_metrics;
};

} // namespace cpn::mock
