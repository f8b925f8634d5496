#pragma once
// A migration as the gateway carries it out: the API's record, and where it stands with Slurm.
//
// A running job moves in steps (SLURM.md): a checkpoint signal to its batch script
// (CHECKPOINTING), requeue-hold and a new partition and features (TRANSFERRING, for the time the
// data would take over the path), release and start now (RESTORING), running at the target
// (COMPLETED). A pending job just changes partition. Each step looks at what Slurm shows before
// it acts, so a gateway restarted at any point finishes or rolls back without acting twice.

#include "cpn/v1/types.pb.h"

#include <cstdint>
#include <string>

namespace cpn::gateway {

// From release to running at the target, as seen in the lab, s.
inline constexpr double kRestartSeconds = 2;

enum class Phase : int {
    Waiting = 0, // planned, waiting for its turn (a drain's max_concurrent)
    Signal = 1, // planned: send the checkpoint signal next
    Checkpointing = 2, // signalled; requeue-hold when the grace is over
    Transferring = 3, // held (requeued) in the target partition; release when the transfer is done
    Restoring = 4, // released; until it runs at the target (or the bound runs out)
    RollingBack = 5, // back to the source partition, then release
    Done = 6,
};

struct MigrationRun {
    cpn::v1::Migration proto;
    Phase phase = Phase::Waiting;
    std::string jobId;
    std::string sourcePartition;
    std::string targetPartition;
    std::string feature; // the job's architecture constraint, kept across the move
    bool wasPending = false; // the job had not started: only its partition changes
    std::int64_t phaseSinceMs = 0; // wall clock, when the phase began
    double transferSeconds = 0; // how long TRANSFERRING lasts
    int attempts = 0; // Slurm commands that failed in this phase
    std::uint32_t maxConcurrent = 0; // a drain's: its migrations under way at once

    bool finished() const { return phase == Phase::Done; }
    bool underWay() const { return phase != Phase::Waiting && phase != Phase::Done; }
};

} // namespace cpn::gateway
