// Dispatcher: migrations moving through their phases, and the ones that fail on the way.

#include "dispatcher.h"

#include "taskbook.h"

#include <algorithm>
#include <functional>

namespace cpn::mock {

namespace {

constexpr std::uint64_t kFailureSalt = 0xfa11ed5eedULL;

// Why a transfer broke or a restore did not come up, in plain words; picked by a hash.
struct Failure {
    const char* code; // Migration.failure_code
    const char* why;
};
const Failure kTransferFailures[] = {
    { "TRANSFER_INTERRUPTED", "the transfer was interrupted by a fibre fault on the path" },
    { "CHECKSUM_FAILED", "the checkpoint failed its checksum at the target" },
    { "TARGET_STORAGE_FAILED", "the target's storage stopped accepting data" },
};
const Failure kRestoreFailures[] = {
    { "RESTORE_FAILED", "the task did not come up at the target (health check failed)" },
    { "RESTORE_REJECTED", "the target's scheduler rejected the restored task (driver mismatch)" },
};

} // namespace

void Dispatcher::advance(double seconds)
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
                    const Failure& f = kRestoreFailures
                        [std::size_t(hashUnit(m_world.options.seed, std::hash<std::string> {}(m.proto.id())) * 2) % 2];
                    rollBack(m, f.code, f.why);
                    break;
                }
                if (state == cpn::v1::MIGRATION_STATE_RESTORING) {
                    completeMove(m);
                } else {
                    m.proto.set_state(cpn::v1::MIGRATION_STATE_TRANSFERRING);
                    setOnLinks(m, true);
                    emit(m);
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
                    const Failure& f = kTransferFailures
                        [std::size_t(hashUnit(m_world.options.seed, std::hash<std::string> {}(m.proto.id())) * 3) % 3];
                    rollBack(m, f.code, f.why);
                    break;
                }
                setOnLinks(m, false);
                m.proto.set_state(cpn::v1::MIGRATION_STATE_RESTORING);
                m.phaseLeftSeconds = m.restoreSeconds;
                emit(m);
                progressed = false;
            } else {
                break; // PLANNED: waits for its drain to start it
            }
        }
        if (progressed)
            emit(m);
    }
}

void Dispatcher::drawFailure(MigrationRecord& m, std::uint64_t number) const
{
    if (hashUnit(m_world.options.seed ^ kFailureSalt, number) >= m_world.options.migrationFailureRate)
        return;
    const double where = hashUnit(m_world.options.seed + 1, number);
    if (where < 0.25)
        m.failsInRestore = true;
    else
        m.failAtFraction = 0.1 + 0.8 * (where - 0.25) / 0.75;
}

} // namespace cpn::mock
