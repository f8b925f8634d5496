#pragma once
// What ministry reports count at a site besides its compute (DOMAIN.md, "What ministry staff
// report on"): racks built and in use, storage installed and used, and how its capacity is
// reported (compute class, capacity dedicated to inference).

#include "topology.h"

#include <cstdint>
#include <vector>

namespace cpn::mock {

// A site's rack occupancy and storage use, drifting slowly with time.
struct SiteInventory {
    double occupancy = 0.58; // racks in use over racks built at the simulation's start, ratio
    double occupancyPerDay = 0; // its growth, ratio per day
    double storageShare = 0.6; // storage used over installed at the start, ratio
    double storagePerDay = 0;
    double phase = 0; // of the slow wobble, radians
    double periodDays = 10;
};

// Sets racks_built, storage_pb and each capacity's compute_class and inference_pflops, and
// returns each site's inventory. Decided by the seed and the site alone, without the world's
// random stream: everything else the seed decides stays as it was.
std::vector<SiteInventory> describeInventory(Topology& topology, std::uint64_t seed);

// Racks in use at timeMs of racksBuilt, count.
std::uint32_t racksInUse(const SiteInventory& inventory, std::uint32_t racksBuilt, std::int64_t timeMs);
// Storage in use at timeMs of storagePb installed, PB.
double storageUsedPb(const SiteInventory& inventory, double storagePb, std::int64_t timeMs);

} // namespace cpn::mock
