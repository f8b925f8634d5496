#pragma once
// The simulated world the engine's parts act on: the network as built with its live status and
// loads, the clock, the random source, and the events of the change under way.

#include "enginestate.h"
#include "random.h"
#include "simulationoptions.h"
#include "siteinventory.h"
#include "topology.h"

#include "cpn/v1/state.pb.h"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace cpn::mock {

// 2026-11-21T08:00+08:00, where every simulation's clock starts, Unix ms.
inline constexpr std::int64_t kSimulationStartMs = 1795219200000;

// Shared by the parts (tasks, metrics, dispatch, alarms, history, scenario), which keep their own
// records beside it; the simulation holding them guards it with its one mutex. A plain struct:
// its loads are written by more than one part (tasks take cards, migrations reserve them and load
// links, metrics sample both), so no one part can own it.
struct World {
    // Generates the network of the options' seed and scale, its capacity sized to the work the
    // scale carries.
    explicit World(const SimulationOptions& options);
    World(const World&) = delete;
    World& operator=(const World&) = delete;

    const SimulationOptions& options;
    Random random; // one stream for everything the seed decides, drawn in a fixed order
    Topology topology; // statuses change (outages, drains); the rest is as built
    LinkGraph graph;
    std::vector<SiteRuntime> sites; // one per topology site
    std::vector<SiteInventory> inventory; // one per topology site; as built, never changes
    std::vector<LinkRuntime> links; // one per topology link
    std::unordered_map<std::string, std::uint32_t> siteById;
    std::unordered_map<std::string, std::uint32_t> linkById;
    std::unordered_map<std::string, std::uint32_t> regionById;
    std::int64_t nowMs = kSimulationStartMs;
    // Events of the change under way, in order; the simulation hands them to the event log when
    // the change is complete (end of a tick or of a command).
    std::vector<cpn::v1::WatchEvent> pending;

    void emit(cpn::v1::WatchEvent event); // stamped with the simulated time
    void emitSite(std::uint32_t site);
    std::optional<std::uint32_t> findSite(const std::string& id) const;
    bool isOffline(std::uint32_t site) const;
    // Latency of a hop as routes see it now; -1 across a down link or into an offline site.
    double hopLatencyMs(const Hop& hop) const;
    // The online sites `site` reaches over the network as it is now, nearest first, and the
    // latency to every site (kUnreachable where it cannot).
    std::vector<std::uint32_t> onlineSitesNearest(std::uint32_t site, std::vector<double>* latency) const;
};

} // namespace cpn::mock
