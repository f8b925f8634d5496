#pragma once
// What a simulation is asked to simulate.

#include "eventlog.h"
#include "topology.h"

#include <cstdint>
#include <string>

namespace cpn::mock {

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

} // namespace cpn::mock
