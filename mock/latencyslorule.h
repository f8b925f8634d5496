#pragma once
// The latency SLO rule: finds the sites whose running tasks are further from their users than
// their latency SLO allows, checking only when and where the network has changed.

#include "world.h"

#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

namespace cpn::mock {

class TaskBook;

// What the rule found at one site.
struct SloBreach {
    std::uint32_t tasks = 0;
    double worstMs = 0; // infinite: no path within the SLO
    double worstSloMs = 0;
    std::uint32_t worstUsersSite = 0;
};

class LatencySloRule {
public:
    explicit LatencySloRule(const World& world);

    // The breaches by site when the rule has checked, nullopt when nothing was due (the alarms
    // stand as they are).
    std::optional<std::unordered_map<std::uint32_t, SloBreach>> check(const TaskBook& tasks);

private:
    const World& m_world;
    std::vector<float> m_nominalLatencyMs; // per link, at start
    std::uint64_t m_network = 0; // signature of the link states last checked; 0 = healthy
    std::int64_t m_nextCheckMs = 0;
    // Per users' site, the sites nearest to it on the network as built (its tasks run there, and
    // their routes stay among them); filled when first needed.
    std::vector<std::vector<std::uint32_t>> m_neighbourhoods;
};

} // namespace cpn::mock
