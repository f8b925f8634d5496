// Racks, storage and the classes of compute of the mock's sites.
//
// Racks: a standard rack is 2.5 kW, and not all of a site's contracted IT power goes to racks of
// servers (network and storage rows, the reserve a contract keeps): 75-90 % does. Occupancy
// (racks in use over racks built) is drawn around the figures DOMAIN.md gives: national hubs are
// asked for at least 65 % and mostly reach it, the IDC average is about 58 % (regional and edge
// sites, below it), Zhongwei reports 76.7 %; it grows slowly (up to about 2 % a month) with a
// wobble of a point over one to two weeks.
//
// Storage: 1,680 EB over about 27 GW of racks (10.85 million at 2.5 kW, June 2025) is some 60 PB
// per MW nationally; compute-dense AI sites hold less, western hubs more ("East Data, West
// Store"), edge sites little.
//
// Compute class: CPU pools are general computing; Hygon DCUs at the sites in the cities of
// national supercomputing centres (Tianjin, Shenzhen, Guangzhou, Jinan, Changsha, Zhengzhou,
// Chengdu's in Tianfu, Kunshan's in Suzhou; the mock has no Wuxi) are supercomputing; the rest is
// intelligent computing. Dedicated inference: edge sites are mostly inference serving near users
// (60-90 % of their intelligent capacity), regional sites about half (35-60 %), hubs and clusters
// a small share (5-15 %): the gap the seeds name.

#include "siteinventory.h"

#include "random.h"
#include "world.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <string_view>

namespace cpn::mock {

namespace {

constexpr double kRackKw = 2.5;
constexpr double kDayMs = 86400000.0;
constexpr double kZhongweiOccupancy = 0.767;
constexpr std::array<std::string_view, 8> kSupercomputingSites { "rg-tianjin", "rg-shenzhen", "rg-guangzhou",
    "rg-jinan", "rg-changsha", "rg-zhengzhou", "cl-tianfu", "rg-suzhou" };

// A draw in [lo, hi) keyed by the seed, the site and what is drawn.
struct Draw {
    std::uint64_t seed;
    std::uint32_t site;
    double operator()(std::uint64_t what, double lo, double hi) const
    {
        return lo + (hi - lo) * hashUnit(seed ^ mix64(what), site);
    }
};

double round2(double v)
{
    return std::round(v * 100) / 100;
}

double driftedShare(double base, double perDay, const SiteInventory& inventory, std::int64_t timeMs, double top)
{
    const double days = double(timeMs - kSimulationStartMs) / kDayMs;
    const double wobble = 0.01 * std::sin(2 * std::numbers::pi * days / inventory.periodDays + inventory.phase);
    return std::clamp(base + perDay * days + wobble, 0.0, top);
}

} // namespace

std::vector<SiteInventory> describeInventory(Topology& topology, std::uint64_t seed)
{
    std::vector<SiteInventory> inventories;
    inventories.reserve(topology.sites.size());
    for (std::uint32_t s = 0; s < topology.sites.size(); ++s) {
        auto& site = topology.sites[s];
        const Draw draw { seed, s };
        const bool western = topology.economy[s].western;
        const auto tier = site.tier();
        const bool big = tier == cpn::v1::SITE_TIER_NATIONAL_HUB || tier == cpn::v1::SITE_TIER_CLUSTER;

        site.set_racks_built(
            std::uint32_t(std::max(1.0, std::round(site.power_capacity_mw() * 1000 / kRackKw * draw(1, 0.75, 0.9)))));
        const double pbPerMw = big                ? (western ? draw(2, 40, 70) : draw(2, 20, 40))
            : tier == cpn::v1::SITE_TIER_REGIONAL ? draw(2, 15, 30)
                                                  : draw(2, 2, 8);
        site.set_storage_pb(std::max(0.1, std::round(site.power_capacity_mw() * pbPerMw * 10) / 10));

        SiteInventory inventory;
        switch (tier) {
        case cpn::v1::SITE_TIER_NATIONAL_HUB:
            inventory.occupancy = draw(3, 0.64, 0.78);
            break;
        case cpn::v1::SITE_TIER_CLUSTER:
            inventory.occupancy = site.id() == "cl-zhongwei" ? kZhongweiOccupancy : draw(3, 0.6, 0.8);
            break;
        case cpn::v1::SITE_TIER_REGIONAL:
            inventory.occupancy = draw(3, 0.5, 0.68);
            break;
        default:
            inventory.occupancy = draw(3, 0.42, 0.66);
            break;
        }
        inventory.occupancyPerDay = draw(4, 0, 0.0007);
        inventory.storageShare = draw(5, 0.45, 0.75);
        inventory.storagePerDay = draw(6, 0, 0.001);
        inventory.phase = draw(7, 0, 2 * std::numbers::pi);
        inventory.periodDays = draw(8, 7, 15);
        inventories.push_back(inventory);

        const bool supercomputing = std::find(kSupercomputingSites.begin(), kSupercomputingSites.end(), site.id())
            != kSupercomputingSites.end();
        const double inferenceShare = tier == cpn::v1::SITE_TIER_EDGE ? draw(9, 0.6, 0.9)
            : tier == cpn::v1::SITE_TIER_REGIONAL                     ? draw(9, 0.35, 0.6)
                                                                      : draw(9, 0.05, 0.15);
        for (auto& capacity : *site.mutable_capacity()) {
            if (capacity.architecture() == cpn::v1::ARCHITECTURE_CPU) {
                capacity.set_compute_class(cpn::v1::COMPUTE_CLASS_GENERAL);
            } else if (supercomputing && capacity.architecture() == cpn::v1::ARCHITECTURE_HYGON_DCU) {
                capacity.set_compute_class(cpn::v1::COMPUTE_CLASS_SUPERCOMPUTING);
            } else {
                capacity.set_compute_class(cpn::v1::COMPUTE_CLASS_INTELLIGENT);
                capacity.set_inference_pflops(std::min(capacity.pflops(), round2(capacity.pflops() * inferenceShare)));
            }
        }
    }
    return inventories;
}

std::uint32_t racksInUse(const SiteInventory& inventory, std::uint32_t racksBuilt, std::int64_t timeMs)
{
    const double share = driftedShare(inventory.occupancy, inventory.occupancyPerDay, inventory, timeMs, 0.98);
    return std::uint32_t(std::lround(share * racksBuilt));
}

double storageUsedPb(const SiteInventory& inventory, double storagePb, std::int64_t timeMs)
{
    const double share = driftedShare(inventory.storageShare, inventory.storagePerDay, inventory, timeMs, 0.95);
    return std::round(share * storagePb * 100) / 100;
}

} // namespace cpn::mock
