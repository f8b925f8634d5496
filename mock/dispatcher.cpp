// Dispatcher: migrations started, cancelled, finished and rerouted.

#include "dispatcher.h"

#include "taskbook.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cpn::mock {

namespace {

constexpr std::size_t kFinishedMigrationsKept = 1000;
constexpr std::size_t kFinishedMigrationsInSnapshot = 100;
constexpr std::size_t kStartKeysKept = 100000;

} // namespace

bool isFinishedState(cpn::v1::MigrationState state)
{
    return state == cpn::v1::MIGRATION_STATE_COMPLETED || state == cpn::v1::MIGRATION_STATE_FAILED
        || state == cpn::v1::MIGRATION_STATE_CANCELLED || state == cpn::v1::MIGRATION_STATE_ROLLED_BACK;
}

Dispatcher::Dispatcher(World& world, TaskBook& tasks, const MetricsModel& metrics)
    : m_world(world)
    , m_tasks(tasks)
    , m_planner(world, tasks, metrics)
    , m_startKeys(kStartKeysKept)
{ }

grpc::Status Dispatcher::plan(const cpn::v1::PlanMigrationRequest& request, cpn::v1::MigrationPlan* plan) const
{
    const TaskRecord* task = nullptr;
    std::uint32_t target = 0;
    if (auto status = m_planner.resolveMove(request.task_id(), request.target_site_id(), &task, &target); !status.ok())
        return status;
    *plan = m_planner.plan(*task, target).plan;
    return grpc::Status::OK;
}

const MigrationRecord* Dispatcher::find(const std::string& id) const
{
    const auto it = m_migrations.find(id);
    return it == m_migrations.end() ? nullptr : &it->second;
}

void Dispatcher::addTo(cpn::v1::Snapshot& snapshot) const
{
    for (const auto& id : m_activeMigrations)
        *snapshot.add_migrations() = m_migrations.at(id).proto;
    const std::size_t recent = std::min(m_finishedMigrations.size(), kFinishedMigrationsInSnapshot);
    for (auto it = m_finishedMigrations.end() - std::ptrdiff_t(recent); it != m_finishedMigrations.end(); ++it)
        *snapshot.add_migrations() = m_migrations.at(*it).proto;
}

void Dispatcher::failMigrationsAt(std::uint32_t site)
{
    const auto& name = m_world.topology.sites[site].name_en();
    const std::vector<std::string> ids(m_activeMigrations.begin(), m_activeMigrations.end());
    for (const auto& id : ids) {
        auto& m = m_migrations.at(id);
        if (m.source != site && m.target != site)
            continue;
        abandon(m);
        finish(m, cpn::v1::MIGRATION_STATE_FAILED, m.source == site ? "SOURCE_OFFLINE" : "TARGET_OFFLINE",
            (m.source == site ? "the source " : "the target ") + name + " went offline");
    }
}

grpc::Status Dispatcher::start(
    const cpn::v1::StartMigrationRequest& request, const std::string& requestedBy, cpn::v1::Migration* migration)
{
    if (request.request_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "request_id is empty: give each start its own idempotency key" };
    if (const std::string* started = m_startKeys.find(request.request_id())) {
        const auto& existing = m_migrations.at(*started).proto;
        if (existing.task_id() != request.task_id() || existing.target_site_id() != request.target_site_id())
            return { grpc::StatusCode::INVALID_ARGUMENT,
                "request_id " + request.request_id() + " was already used for migration " + existing.id() + " of task "
                    + existing.task_id() + " to " + existing.target_site_id() };
        *migration = existing;
        return grpc::Status::OK;
    }
    const TaskRecord* found = nullptr;
    std::uint32_t target = 0;
    if (auto status = m_planner.resolveMove(request.task_id(), request.target_site_id(), &found, &target); !status.ok())
        return status;
    PlanOutcome outcome = m_planner.plan(*found, target);
    if (!outcome.plan.feasible()) {
        std::string message = "cannot move " + request.task_id() + " to " + request.target_site_id() + ":";
        for (const auto& v : outcome.plan.violations())
            message += " " + cpn::v1::ViolationCode_Name(v.code()).substr(15) + ": " + v.message();
        return { grpc::StatusCode::FAILED_PRECONDITION, message, outcome.plan.SerializeAsString() };
    }
    TaskRecord& task = m_tasks.at(found->number);
    auto& m = create(task, target, std::move(outcome), request.request_id(), request.reason(), requestedBy);
    begin(m);
    m_startKeys.remember(request.request_id(), m.proto.id());
    *migration = m.proto;
    return grpc::Status::OK;
}

grpc::Status Dispatcher::cancel(const cpn::v1::CancelMigrationRequest& request, cpn::v1::Migration* migration)
{
    if (request.migration_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "migration_id is empty" };
    auto it = m_migrations.find(request.migration_id());
    if (it == m_migrations.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown migration_id " + request.migration_id() };
    MigrationRecord& m = it->second;
    if (!request.request_id().empty() && m.cancelRequestId == request.request_id()) {
        *migration = m.proto; // the same cancel again: its answer was lost
        return grpc::Status::OK;
    }
    if (isFinishedState(m.proto.state()))
        return { grpc::StatusCode::FAILED_PRECONDITION,
            "migration " + m.proto.id() + " has already finished ("
                + cpn::v1::MigrationState_Name(m.proto.state()).substr(16) + ")" };
    abandon(m);
    m.cancelRequestId = request.request_id();
    finish(m, cpn::v1::MIGRATION_STATE_CANCELLED, "CANCELLED", "cancelled by an operator; the task stays at its source");
    *migration = m.proto;
    return grpc::Status::OK;
}

MigrationRecord& Dispatcher::create(TaskRecord& task, std::uint32_t target, PlanOutcome&& outcome,
    const std::string& requestId, const std::string& reason, const std::string& requestedBy)
{
    char id[32];
    const std::uint64_t number = m_nextMigrationNumber++;
    std::snprintf(id, sizeof id, "mig-%06llu", static_cast<unsigned long long>(number));
    MigrationRecord m;
    drawFailure(m, number);
    m.task = task.number;
    m.source = task.site;
    m.target = target;
    m.path = std::move(outcome.path);
    m.rateGbps = outcome.rateGbps;
    m.checkpointSeconds = outcome.checkpointSeconds;
    m.restoreSeconds = outcome.restoreSeconds;
    m.downtimeSeconds = outcome.downtimeSeconds;
    auto& p = m.proto;
    p.set_id(id);
    p.set_request_id(requestId);
    p.set_task_id(taskIdOf(task.number));
    p.set_source_site_id(m_world.topology.sites[task.site].id());
    p.set_target_site_id(m_world.topology.sites[target].id());
    p.set_state(cpn::v1::MIGRATION_STATE_PLANNED);
    *p.mutable_path_link_ids() = outcome.plan.path_link_ids();
    p.set_bytes_total(std::uint64_t(std::llround(outcome.plan.transfer_gb() * 1e9)));
    p.set_created_time_ms(m_world.nowMs);
    p.set_updated_time_ms(m_world.nowMs);
    p.set_reason(reason);
    p.set_requested_by(requestedBy);
    m_world.sites[target].slots[std::size_t(task.architecture)].reserved += task.cards;
    task.migrationId = id;
    m_activeMigrations.insert(id);
    updateEta(m);
    return m_migrations.emplace(id, std::move(m)).first->second;
}

void Dispatcher::begin(MigrationRecord& m)
{
    TaskRecord& task = m_tasks.at(m.task);
    if (task.state == cpn::v1::TASK_STATE_QUEUED) {
        m_tasks.leaveQueue(task);
        m.taskWasQueued = true;
    }
    task.state = cpn::v1::TASK_STATE_MIGRATING;
    m_tasks.emit(task);
    m.proto.set_state(cpn::v1::MIGRATION_STATE_CHECKPOINTING);
    m.phaseLeftSeconds = m.checkpointSeconds;
    emit(m);
}

void Dispatcher::rollBack(MigrationRecord& m, const char* code, const std::string& why)
{
    abandon(m);
    finish(m, cpn::v1::MIGRATION_STATE_ROLLED_BACK, code, why + "; rolled back, the task runs at its source again");
}

void Dispatcher::completeMove(MigrationRecord& m)
{
    TaskRecord& task = m_tasks.at(m.task);
    if (!m.taskWasQueued)
        m_tasks.addToSiteLoad(m.source, task, -1);
    auto& reserved = m_world.sites[m.target].slots[std::size_t(task.architecture)].reserved;
    reserved -= std::min(reserved, task.cards);
    task.site = m.target;
    task.migrationId.clear();
    if (m.taskWasQueued) {
        task.startedMs = m_world.nowMs;
        task.expectedEndMs = m_world.nowMs + task.durationMs;
    } else {
        task.expectedEndMs = std::max(task.expectedEndMs, m_world.nowMs) + std::llround(m.downtimeSeconds * 1000);
    }
    m_tasks.run(task);
    m_tasks.emit(task);
    finish(m, cpn::v1::MIGRATION_STATE_COMPLETED);
}

void Dispatcher::abandon(MigrationRecord& m)
{
    if (m.onLinks)
        setOnLinks(m, false);
    TaskRecord& task = m_tasks.at(m.task);
    auto& reserved = m_world.sites[m.target].slots[std::size_t(task.architecture)].reserved;
    reserved -= std::min(reserved, task.cards);
    task.migrationId.clear();
    if (task.state == cpn::v1::TASK_STATE_MIGRATING) {
        if (m.taskWasQueued)
            m_tasks.enqueue(task);
        else
            task.state = cpn::v1::TASK_STATE_RUNNING;
        m_tasks.emit(task);
    }
}

void Dispatcher::finish(MigrationRecord& m, cpn::v1::MigrationState state, const char* code, const std::string& failure)
{
    m.proto.set_state(state);
    if (!failure.empty())
        m.proto.set_failure_reason(failure);
    m.proto.set_failure_code(code);
    m_activeMigrations.erase(m.proto.id());
    m_finishedMigrations.push_back(m.proto.id());
    while (m_finishedMigrations.size() > kFinishedMigrationsKept)
        m_finishedMigrations.pop_front();
    emit(m);
}

void Dispatcher::setOnLinks(MigrationRecord& m, bool on)
{
    const double delta = on ? m.rateGbps : -m.rateGbps;
    for (const auto& hop : m.path) {
        auto& link = m_world.links[hop.link];
        const double capacity = m_world.topology.links[hop.link].capacity_gbps();
        double& migration = hop.forward ? link.migrationAbGbps : link.migrationBaGbps;
        double& throughput = hop.forward ? link.throughputAbGbps : link.throughputBaGbps;
        migration = std::max(0.0, migration + delta);
        if (migration < 1e-9)
            migration = 0;
        throughput = std::clamp(throughput + delta, 0.0, capacity);
    }
    m.onLinks = on;
}

void Dispatcher::updateEta(MigrationRecord& m)
{
    const double bytesPerSecond = m.rateGbps * 1e9 / 8;
    const double transfer
        = bytesPerSecond > 0 ? std::max(0.0, double(m.proto.bytes_total()) - m.bytesDone) / bytesPerSecond : 0;
    double eta = 0;
    switch (m.proto.state()) {
    case cpn::v1::MIGRATION_STATE_PLANNED:
        eta = m.checkpointSeconds + transfer + m.restoreSeconds;
        break;
    case cpn::v1::MIGRATION_STATE_CHECKPOINTING:
        eta = m.phaseLeftSeconds + transfer + m.restoreSeconds;
        break;
    case cpn::v1::MIGRATION_STATE_TRANSFERRING:
        eta = transfer + m.restoreSeconds;
        break;
    case cpn::v1::MIGRATION_STATE_RESTORING:
        eta = m.phaseLeftSeconds;
        break;
    default:
        break;
    }
    m.proto.set_eta_seconds(std::round(eta * 10) / 10);
    m.proto.set_bytes_done(std::uint64_t(std::llround(std::min(m.bytesDone, double(m.proto.bytes_total())))));
}

void Dispatcher::emit(MigrationRecord& m)
{
    m.proto.set_updated_time_ms(m_world.nowMs);
    updateEta(m);
    cpn::v1::WatchEvent event;
    *event.mutable_migration() = m.proto;
    m_world.emit(std::move(event));
}

void Dispatcher::rerouteMigrations()
{
    const std::vector<std::string> ids(m_activeMigrations.begin(), m_activeMigrations.end());
    for (const auto& id : ids) {
        auto& m = m_migrations.at(id);
        const bool broken
            = std::any_of(m.path.begin(), m.path.end(), [&](const Hop& hop) { return m_world.hopLatencyMs(hop) < 0; });
        if (!broken)
            continue;
        const bool wasOnLinks = m.onLinks;
        if (wasOnLinks)
            setOnLinks(m, false);
        const Route route = m_planner.transferRoute(m.source, m.target);
        const double rate = route.found ? m_planner.transferRateGbps(route) : 0;
        if (rate <= 0) {
            rollBack(m, "PATH_CUT", "its path was cut and no other path has spare bandwidth");
            continue;
        }
        m.path = route.hops;
        m.rateGbps = rate;
        m.proto.clear_path_link_ids();
        for (const auto& hop : route.hops)
            m.proto.add_path_link_ids(m_world.topology.links[hop.link].id());
        if (wasOnLinks)
            setOnLinks(m, true);
        emit(m);
    }
}

} // namespace cpn::mock
