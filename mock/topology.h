#pragma once
// Generates the network: regions, sites with capacity, and links with latency and capacity.

#include "accelerators.h"
#include "random.h"

#include "cpn/v1/types.pb.h"

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

namespace cpn::mock {

enum class Scale { National, Large, Huge };

std::optional<Scale> parseScale(std::string_view name);
const char* scaleName(Scale scale);

// Sizes a scale aims at (DESIGN.md: national ~300 sites, 600 links, 20k tasks).
struct ScaleTargets {
    int sites = 0;
    int regionalSites = 0; // 0 = one per city of the table
    int links = 0;
    int tasks = 0;
};
ScaleTargets scaleTargets(Scale scale);

// Why power costs what it does at a site: the west is cheaper, greener and cooler.
struct SiteEconomy {
    bool western = false;
    double basePue = 1.3;
    double baseGreenShare = 0.3; // ratio 0..1
    double basePriceCnyPerKwh = 0.6;
};

struct Topology {
    std::vector<cpn::v1::Region> regions;
    std::vector<cpn::v1::Site> sites; // hubs first (in region order), then clusters, regional, edge sites
    std::vector<SiteEconomy> economy; // one per site
    std::vector<std::uint32_t> siteRegion; // region index, one per site
    std::vector<cpn::v1::Link> links;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> linkEnds; // site indices (a, b), one per link
};

// Same scale and same random state give the same topology.
Topology generateTopology(Scale scale, Random& random);

// Multiplies each site's installed cards and power by the factor of its tier (indexed by
// cpn::v1::SiteTier): larger scales carry more tasks per hub than per edge site.
void scaleCapacity(Topology& topology, const std::array<double, 5>& factorByTier);

// What cards offer and draw: the server library's figures, which the gateway shares.
using server::kilowattsPerCard;
using server::pflopsPerCard;
// Nominal one-way latency of a fibre route, ms: 5 us per km plus the equipment on the way.
double routeLatencyMs(double routeKm, double equipmentMs);

inline constexpr double kFibreMsPerKm = 0.005;
inline constexpr double kRouteFactor = 1.3; // fibre route length over great-circle distance
// Equipment delay of a link, one way, by class: backbone links between hubs cross core routers,
// OTN terminals and regenerators at both ends (IP private-line grade, DOMAIN.md: 9.7-14.6 ms
// averages between cluster cities); access links a router or two; metro links inside a city
// stay under 1 ms in all.
inline constexpr double kBackboneEquipmentMs = 3.0;
inline constexpr double kAccessEquipmentMs = 0.5;
inline constexpr double kMetroEquipmentMs = 0.2;
// What the backbone must give between any two hubs (DOMAIN.md: at most 20 ms).
inline constexpr double kHubLatencyMinMs = 5.0;
inline constexpr double kHubLatencyMaxMs = 20.0;

} // namespace cpn::mock
