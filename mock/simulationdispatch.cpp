// Simulation: the dispatch side (migrations and their progress, site drains, alarm acks).

#include "simulation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace cpn::mock {

namespace {

constexpr std::size_t kFinishedMigrationsKept = 1000;
constexpr std::uint64_t kFailureSalt = 0xfa11ed5eedULL;

// Why a transfer broke or a restore did not come up, in plain words; picked by a hash.
const char* const kTransferFailures[] = {
    "the transfer was interrupted by a fibre fault on the path",
    "the checkpoint failed its checksum at the target",
    "the target's storage stopped accepting data",
};
const char* const kRestoreFailures[] = {
    "the task did not come up at the target (health check failed)",
    "the target's scheduler rejected the restored task (driver mismatch)",
};

} // namespace

bool isFinishedState(cpn::v1::MigrationState state)
{
    return state == cpn::v1::MIGRATION_STATE_COMPLETED || state == cpn::v1::MIGRATION_STATE_FAILED
        || state == cpn::v1::MIGRATION_STATE_CANCELLED || state == cpn::v1::MIGRATION_STATE_ROLLED_BACK;
}

grpc::Status Simulation::startMigration(
    const cpn::v1::StartMigrationRequest& request, const std::string& requestedBy, cpn::v1::Migration* migration)
{
    if (request.request_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "request_id is empty: give each start its own idempotency key" };
    std::lock_guard lock(m_mutex);
    if (const std::string* started = m_migrationByRequest.find(request.request_id())) {
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
    if (auto status = resolveMove(request.task_id(), request.target_site_id(), &found, &target); !status.ok())
        return status;
    PlanOutcome outcome = plan(*found, target);
    if (!outcome.plan.feasible()) {
        std::string message = "cannot move " + request.task_id() + " to " + request.target_site_id() + ":";
        for (const auto& v : outcome.plan.violations())
            message += " " + cpn::v1::ViolationCode_Name(v.code()).substr(15) + ": " + v.message();
        return { grpc::StatusCode::FAILED_PRECONDITION, message, outcome.plan.SerializeAsString() };
    }
    TaskRecord& task = m_tasks.at(found->number);
    auto& m = createMigration(task, target, std::move(outcome), request.request_id(), request.reason(), requestedBy);
    beginMigration(m);
    m_migrationByRequest.remember(request.request_id(), m.proto.id());
    *migration = m.proto;
    flushEvents();
    return grpc::Status::OK;
}

grpc::Status Simulation::cancelMigration(
    const cpn::v1::CancelMigrationRequest& request, const std::string& /*actor*/, cpn::v1::Migration* migration)
{
    if (request.migration_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "migration_id is empty" };
    std::lock_guard lock(m_mutex);
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
    abandonMigration(m);
    m.cancelRequestId = request.request_id();
    finishMigration(m, cpn::v1::MIGRATION_STATE_CANCELLED, "cancelled by an operator; the task stays at its source");
    *migration = m.proto;
    flushEvents();
    return grpc::Status::OK;
}

Simulation::MigrationRecord& Simulation::createMigration(TaskRecord& task, std::uint32_t target, PlanOutcome&& outcome,
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
    p.set_source_site_id(m_topology.sites[task.site].id());
    p.set_target_site_id(m_topology.sites[target].id());
    p.set_state(cpn::v1::MIGRATION_STATE_PLANNED);
    *p.mutable_path_link_ids() = outcome.plan.path_link_ids();
    p.set_bytes_total(std::uint64_t(std::llround(outcome.plan.transfer_gb() * 1e9)));
    p.set_created_time_ms(m_nowMs);
    p.set_updated_time_ms(m_nowMs);
    p.set_reason(reason);
    p.set_requested_by(requestedBy);
    m_sites[target].slots[std::size_t(task.architecture)].reserved += task.cards;
    task.migrationId = id;
    m_activeMigrations.insert(id);
    updateEta(m);
    return m_migrations.emplace(id, std::move(m)).first->second;
}

void Simulation::beginMigration(MigrationRecord& m)
{
    TaskRecord& task = m_tasks.at(m.task);
    if (task.state == cpn::v1::TASK_STATE_QUEUED) {
        removeFromQueue(task);
        m.taskWasQueued = true;
    }
    task.state = cpn::v1::TASK_STATE_MIGRATING;
    emitTask(task);
    m.proto.set_state(cpn::v1::MIGRATION_STATE_CHECKPOINTING);
    m.phaseLeftSeconds = m.checkpointSeconds;
    emitMigration(m);
}

void Simulation::advanceMigrations(double seconds)
{
    const std::vector<std::string> ids(m_activeMigrations.begin(), m_activeMigrations.end());
    for (const auto& id : ids) {
        MigrationRecord& m = m_migrations.at(id);
        double left = seconds;
        bool progressed = false;
        while (left > 0 && !isFinishedState(m.proto.state())) {
            const auto state = m.proto.state();
            if (state == cpn::v1::MIGRATION_STATE_CHECKPOINTING || state == cpn::v1::MIGRATION_STATE_RESTORING) {
                const double take = std::min(left, m.phaseLeftSeconds);
                m.phaseLeftSeconds -= take;
                left -= take;
                if (m.phaseLeftSeconds > 1e-9) {
                    progressed = true;
                    break;
                }
                if (state == cpn::v1::MIGRATION_STATE_RESTORING && m.failsInRestore) {
                    rollBack(m,
                        kRestoreFailures[std::size_t(
                            hashUnit(m_options.seed, std::hash<std::string> {}(m.proto.id())) * 2) % 2]);
                    break;
                }
                if (state == cpn::v1::MIGRATION_STATE_RESTORING) {
                    completeMove(m);
                } else {
                    m.proto.set_state(cpn::v1::MIGRATION_STATE_TRANSFERRING);
                    setOnLinks(m, true);
                    emitMigration(m);
                }
                progressed = false;
            } else if (state == cpn::v1::MIGRATION_STATE_TRANSFERRING) {
                const double bytesPerSecond = m.rateGbps * 1e9 / 8;
                const double total = double(m.proto.bytes_total());
                const double breakAt = m.failAtFraction >= 0 ? m.failAtFraction * total : total;
                const double stopAt = std::max(m.bytesDone, breakAt);
                const double remaining = stopAt - m.bytesDone;
                const double need = bytesPerSecond > 0 ? remaining / bytesPerSecond : 0;
                if (need > left) {
                    m.bytesDone += left * bytesPerSecond;
                    left = 0;
                    progressed = true;
                    break;
                }
                left -= need;
                m.bytesDone = stopAt;
                if (stopAt < total) {
                    rollBack(m,
                        kTransferFailures[std::size_t(
                            hashUnit(m_options.seed, std::hash<std::string> {}(m.proto.id())) * 3) % 3]);
                    break;
                }
                setOnLinks(m, false);
                m.proto.set_state(cpn::v1::MIGRATION_STATE_RESTORING);
                m.phaseLeftSeconds = m.restoreSeconds;
                emitMigration(m);
                progressed = false;
            } else {
                break; // PLANNED: waits for its drain to start it
            }
        }
        if (progressed)
            emitMigration(m);
    }
}

void Simulation::drawFailure(MigrationRecord& m, std::uint64_t number) const
{
    if (hashUnit(m_options.seed ^ kFailureSalt, number) >= m_options.migrationFailureRate)
        return;
    const double where = hashUnit(m_options.seed + 1, number);
    if (where < 0.25)
        m.failsInRestore = true;
    else
        m.failAtFraction = 0.1 + 0.8 * (where - 0.25) / 0.75;
}

void Simulation::rollBack(MigrationRecord& m, const std::string& why)
{
    abandonMigration(m);
    finishMigration(m, cpn::v1::MIGRATION_STATE_ROLLED_BACK, why + "; rolled back, the task runs at its source again");
}

void Simulation::completeMove(MigrationRecord& m)
{
    TaskRecord& task = m_tasks.at(m.task);
    if (!m.taskWasQueued)
        addToSiteLoad(m.source, task, -1);
    auto& reserved = m_sites[m.target].slots[std::size_t(task.architecture)].reserved;
    reserved -= std::min(reserved, task.cards);
    task.site = m.target;
    task.migrationId.clear();
    if (m.taskWasQueued) {
        task.startedMs = m_nowMs;
        task.expectedEndMs = m_nowMs + task.durationMs;
    } else {
        task.expectedEndMs = std::max(task.expectedEndMs, m_nowMs) + std::llround(m.downtimeSeconds * 1000);
    }
    runTask(task);
    emitTask(task);
    finishMigration(m, cpn::v1::MIGRATION_STATE_COMPLETED);
}

void Simulation::abandonMigration(MigrationRecord& m)
{
    if (m.onLinks)
        setOnLinks(m, false);
    TaskRecord& task = m_tasks.at(m.task);
    auto& reserved = m_sites[m.target].slots[std::size_t(task.architecture)].reserved;
    reserved -= std::min(reserved, task.cards);
    task.migrationId.clear();
    if (task.state == cpn::v1::TASK_STATE_MIGRATING) {
        if (m.taskWasQueued)
            enqueueTask(task);
        else
            task.state = cpn::v1::TASK_STATE_RUNNING;
        emitTask(task);
    }
}

void Simulation::finishMigration(MigrationRecord& m, cpn::v1::MigrationState state, const std::string& failure)
{
    m.proto.set_state(state);
    if (!failure.empty())
        m.proto.set_failure_reason(failure);
    m_activeMigrations.erase(m.proto.id());
    m_finishedMigrations.push_back(m.proto.id());
    while (m_finishedMigrations.size() > kFinishedMigrationsKept)
        m_finishedMigrations.pop_front();
    emitMigration(m);
}

void Simulation::setOnLinks(MigrationRecord& m, bool on)
{
    const double delta = on ? m.rateGbps : -m.rateGbps;
    for (const auto& hop : m.path) {
        auto& link = m_links[hop.link];
        const double capacity = m_topology.links[hop.link].capacity_gbps();
        double& migration = hop.forward ? link.migrationAbGbps : link.migrationBaGbps;
        double& throughput = hop.forward ? link.throughputAbGbps : link.throughputBaGbps;
        migration = std::max(0.0, migration + delta);
        if (migration < 1e-9)
            migration = 0;
        throughput = std::clamp(throughput + delta, 0.0, capacity);
    }
    m.onLinks = on;
}

void Simulation::updateEta(MigrationRecord& m)
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

void Simulation::emitMigration(MigrationRecord& m)
{
    m.proto.set_updated_time_ms(m_nowMs);
    updateEta(m);
    cpn::v1::WatchEvent event;
    *event.mutable_migration() = m.proto;
    emit(std::move(event));
}

// The first acknowledgement stands: acknowledging again answers the alarm as it is and changes
// nothing (a rise in severity withdraws it, see simulationalarms.cpp). MIGRATION_FAILED reports
// an event rather than a condition, so acknowledging it also clears it.
grpc::Status Simulation::acknowledgeAlarm(
    const cpn::v1::AcknowledgeAlarmRequest& request, const std::string& by, cpn::v1::Alarm* alarm)
{
    if (request.alarm_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "alarm_id is empty" };
    std::lock_guard lock(m_mutex);
    auto it = m_alarms.find(request.alarm_id());
    if (it == m_alarms.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown alarm_id " + request.alarm_id() };
    auto& a = it->second;
    if (!a.acknowledged()) {
        a.set_acknowledged(true);
        a.set_acknowledged_by(by);
        a.set_acknowledged_time_ms(m_nowMs);
        a.set_acknowledge_note(request.note());
        if (a.code() == "MIGRATION_FAILED" && a.cleared_time_ms() == 0) {
            std::string id = a.id();
            clearAlarm(id); // its event carries the acknowledgement too
        } else {
            cpn::v1::WatchEvent event;
            *event.mutable_alarm() = a;
            emit(std::move(event));
        }
        flushEvents();
    }
    *alarm = a;
    return grpc::Status::OK;
}

} // namespace cpn::mock
