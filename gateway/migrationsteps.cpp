// SlurmEngine, the migrations' steps: each poll moves every migration under way one step on,
// after looking at what Slurm shows (see migrationrun.h). Only the poll thread steps.

#include "slurmengine.h"

#include <algorithm>

namespace cpn::gateway {

namespace {

constexpr int kMaxAttempts = 5; // failed Slurm commands before a phase gives up

} // namespace

std::size_t SlurmEngine::activeRunsOf(const std::string& drainRequestId) const
{
    std::size_t n = 0;
    for (const auto& [id, run] : m_runs)
        n += run.proto.drain_request_id() == drainRequestId && run.underWay();
    return n;
}

void SlurmEngine::driveMigrations()
{
    std::vector<std::string> ids;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, run] : m_runs)
            if (!run.finished())
                ids.push_back(id);
    }
    for (const auto& id : ids)
        step(id);
}

void SlurmEngine::step(const std::string& id)
{
    std::unique_lock lock(m_mutex);
    MigrationRun& run = m_runs.at(id);
    const std::int64_t now = wallMs();
    const auto jobIt = m_jobs.find(std::stoull("0" + run.jobId));
    const SlurmJob* job = jobIt == m_jobs.end() ? nullptr : &jobIt->second;
    const bool cancel = m_cancelRequested.count(id) > 0;
    if (m_ambiguousJobs.count(run.jobId))
        return; // not on what a user's text may have forged: wait for a clear reading
    auto scontrol = [&](std::vector<std::string> args) {
        args.insert(args.begin(), "scontrol");
        return args;
    };
    const std::string jobArg = "JobId=" + run.jobId;
    // StartTime=now with the move of a requeued job: it would otherwise wait out the credential
    // expiry (BeginTime) after its release. A job that never started keeps its own start time.
    auto toPartition = [&](const std::string& partition) {
        std::vector<std::string> args { "scontrol", "update", jobArg, "Partition=" + partition };
        if (!run.feature.empty())
            args.push_back("Features=" + run.feature);
        if (!run.wasPending)
            args.push_back("StartTime=now");
        return args;
    };

    // What to run, and what the migration becomes once it ran.
    std::vector<std::vector<std::string>> commands;
    std::optional<Phase> next;
    std::optional<cpn::v1::MigrationState> end;
    std::string why;

    const bool atTarget = job && job->partition == run.targetPartition;
    const bool atSource = job && job->partition == run.sourcePartition;
    if (!job || job->finished()) {
        end = cpn::v1::MIGRATION_STATE_FAILED;
        why = "job " + run.jobId + " left Slurm's queue" + (job ? " (" + job->state + ")" : "");
        run.proto.set_failure_code("JOB_LEFT_QUEUE");
        run.proto.set_failure_detail(job ? job->state : "");
    } else if (cancel && run.phase <= Phase::Transferring) {
        if (!job->pending() && job->state != "RUNNING")
            return; // a requeue still under way (COMPLETING, REQUEUED...): put back once it is pending
        if (!atSource && job->pending())
            commands.push_back(toPartition(run.sourcePartition));
        if (job->held())
            commands.push_back(scontrol({ "release", run.jobId }));
        end = cpn::v1::MIGRATION_STATE_CANCELLED;
        why = "cancelled by the operator";
        run.proto.set_failure_code("CANCELLED");
    } else {
        if (cancel) { // too late: released at the target already
            m_cancelRequested.erase(id);
            m_runChanged.notify_all();
        }
        switch (run.phase) {
        case Phase::Waiting:
            if (run.maxConcurrent == 0 || activeRunsOf(run.proto.drain_request_id()) < run.maxConcurrent)
                next = Phase::Signal;
            break;
        case Phase::Signal:
            if (atTarget) { // moved already (a restart after the move, before it was recorded)
                end = cpn::v1::MIGRATION_STATE_COMPLETED;
            } else if (job->pending()) { // not started yet: it just queues at the target
                run.wasPending = true;
                commands.push_back(toPartition(run.targetPartition));
                end = cpn::v1::MIGRATION_STATE_COMPLETED;
            } else {
                // Ask the batch script to checkpoint; a script without a trap just goes on.
                commands.push_back({ "scancel", "--signal=USR1", "--batch", run.jobId });
                next = Phase::Checkpointing;
            }
            break;
        case Phase::Checkpointing:
            if (job->held() || (job->pending() && !atSource) || (!job->running() && !job->pending())
                || job->state == "COMPLETING")
                next = Phase::Transferring; // requeued already, or being requeued (a restart after the hold)
            else if (now - run.phaseSinceMs >= m_options.checkpointGraceMs) {
                commands.push_back(scontrol({ job->pending() ? "hold" : "requeuehold", run.jobId }));
                next = Phase::Transferring;
            }
            break;
        case Phase::Transferring:
            if (job->running() && atTarget) {
                end = cpn::v1::MIGRATION_STATE_COMPLETED;
            } else if (job->pending() && !job->held() && atTarget) {
                next = Phase::Restoring; // released already (a restart after the release)
            } else if (job->running() && job->state != "COMPLETING") {
                commands.push_back(scontrol({ "requeuehold", run.jobId })); // the hold did not take
            } else if (job->pending() && !job->held() && atSource) {
                commands.push_back(scontrol({ "hold", run.jobId })); // released by someone else meanwhile
            } else if (now - run.phaseSinceMs > m_options.startTimeoutMs + std::int64_t(run.transferSeconds * 1000)) {
                next = Phase::RollingBack;
                run.proto.set_failure_code("MOVE_TIMEOUT");
                run.proto.set_failure_detail(job->state + ", " + job->reason);
                run.proto.set_failure_reason("Slurm did not let the job be moved within "
                    + std::to_string(m_options.startTimeoutMs / 1000) + " s (it is " + job->state + ", " + job->reason + ")");
            } else if (job->held()) {
                if (!atTarget)
                    commands.push_back(toPartition(run.targetPartition));
                else if (now - run.phaseSinceMs >= std::int64_t(run.transferSeconds * 1000)) {
                    commands.push_back(scontrol({ "release", run.jobId }));
                    next = Phase::Restoring;
                } else {
                    const double done = double(now - run.phaseSinceMs) / 1000 / std::max(run.transferSeconds, 1e-3);
                    const auto bytes = std::uint64_t(std::clamp(done, 0.0, 1.0) * double(run.proto.bytes_total()));
                    if (bytes >= run.proto.bytes_done() + run.proto.bytes_total() / 50 + 1) {
                        run.proto.set_bytes_done(bytes);
                        run.proto.set_eta_seconds(run.transferSeconds * (1 - done) + kRestartSeconds);
                        publish(run, now);
                        flush();
                    }
                }
            }
            break;
        case Phase::Restoring:
            if (job->running() && atTarget)
                end = cpn::v1::MIGRATION_STATE_COMPLETED;
            else if (now - run.phaseSinceMs > m_options.startTimeoutMs) {
                next = Phase::RollingBack;
                run.proto.set_failure_code("START_TIMEOUT");
                run.proto.set_failure_detail(job->reason);
                run.proto.set_failure_reason("it did not start at " + run.proto.target_site_id() + " within "
                    + std::to_string(m_options.startTimeoutMs / 1000) + " s (Slurm: " + job->reason + ")");
            } else if (job->held())
                commands.push_back(scontrol({ "release", run.jobId }));
            else if (job->pending() && job->reason == "BeginTime")
                commands.push_back(scontrol({ "update", jobArg, "StartTime=now" }));
            break;
        case Phase::RollingBack:
            if (job->running()) {
                end = atTarget ? cpn::v1::MIGRATION_STATE_COMPLETED : cpn::v1::MIGRATION_STATE_ROLLED_BACK;
                if (atTarget) { // it made it after all: nothing failed
                    run.proto.clear_failure_reason();
                    run.proto.clear_failure_code();
                    run.proto.clear_failure_detail();
                }
            } else if (job->pending()) {
                if (!atSource)
                    commands.push_back(toPartition(run.sourcePartition));
                if (job->held())
                    commands.push_back(scontrol({ "release", run.jobId }));
                else if (job->reason == "BeginTime")
                    commands.push_back(scontrol({ "update", jobArg, "StartTime=now" }));
                end = cpn::v1::MIGRATION_STATE_ROLLED_BACK;
            }
            why = run.proto.failure_reason();
            break;
        case Phase::Done:
            return;
        }
    }

    // Slurm's commands run without the lock: the API keeps answering meanwhile. Only this thread
    // steps migrations, so the run stays ours; a cancel only marks it.
    CommandResult failed;
    failed.ok = true;
    if (!commands.empty()) {
        lock.unlock();
        for (const auto& command : commands) {
            const auto result
                = m_slurm.run(command.front(), std::vector<std::string>(command.begin() + 1, command.end()));
            if (!result.ok && !(command[1] == "--signal=USR1")) {
                failed = result;
                failed.err = command.front() + " " + command[1] + ": " + result.describe();
                break;
            }
        }
        lock.lock();
    }
    const std::int64_t after = wallMs();
    if (!failed.ok) {
        if (++run.attempts < kMaxAttempts) {
            m_store.saveMigration(run);
            return;
        }
        if (run.phase != Phase::RollingBack) {
            // Never leave a job held or half-moved: take it back to where it ran.
            next = Phase::RollingBack;
            end.reset();
            run.proto.set_failure_reason("Slurm refused: " + failed.err);
            run.proto.set_failure_code("SCHEDULER_REFUSED");
            run.proto.set_failure_detail(failed.err.substr(0, 1000));
        } else {
            // The way back failed too: release it wherever it is rather than leave it held.
            lock.unlock();
            m_slurm.run("scontrol", { "release", run.jobId });
            lock.lock();
            next.reset();
            end = cpn::v1::MIGRATION_STATE_FAILED;
            why = "Slurm refused to put the job back (" + failed.err + "); it was released where it is";
            run.proto.set_failure_code("RETURN_REFUSED");
            run.proto.set_failure_detail(failed.err.substr(0, 1000));
        }
    }
    if (end) {
        finish(run, *end, why, after);
    } else if (next && *next != run.phase) {
        run.phase = *next;
        run.phaseSinceMs = after;
        run.attempts = 0;
        switch (run.phase) {
        case Phase::Checkpointing:
            run.proto.set_state(cpn::v1::MIGRATION_STATE_CHECKPOINTING);
            break;
        case Phase::Transferring:
            run.proto.set_state(cpn::v1::MIGRATION_STATE_TRANSFERRING);
            break;
        case Phase::Restoring:
            run.proto.set_state(cpn::v1::MIGRATION_STATE_RESTORING);
            run.proto.set_bytes_done(run.proto.bytes_total());
            run.proto.set_eta_seconds(kRestartSeconds);
            break;
        default:
            break;
        }
        publish(run, after);
    } else {
        return;
    }
    flush();
    m_runChanged.notify_all();
}

} // namespace cpn::gateway
