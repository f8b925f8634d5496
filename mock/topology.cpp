#include "topology.h"

#include "citytables.h"
#include "geo.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <unordered_map>

namespace cpn::mock {

using cpn::v1::Architecture;

namespace {

constexpr std::array<Architecture, 6> kArchitectures { cpn::v1::ARCHITECTURE_NVIDIA_GPU, cpn::v1::ARCHITECTURE_ASCEND,
    cpn::v1::ARCHITECTURE_HYGON_DCU, cpn::v1::ARCHITECTURE_CAMBRICON_MLU, cpn::v1::ARCHITECTURE_KUNLUNXIN,
    cpn::v1::ARCHITECTURE_CPU };

struct Builder {
    Random& random;
    Topology topology;
    std::vector<GeoPoint> points;
    std::vector<int> cityWeight; // per site: weight of its city (regional sites), 0 otherwise
    std::vector<std::uint32_t> parent; // per site: index of its parent site (itself for hubs)
    std::set<std::pair<std::uint32_t, std::uint32_t>> linked;

    std::uint32_t addSite(cpn::v1::Site site, std::uint32_t region, std::uint32_t parentIndex, int weight = 0)
    {
        const auto index = std::uint32_t(topology.sites.size());
        parent.push_back(parentIndex);
        site.set_status(cpn::v1::SITE_STATUS_ONLINE);
        points.push_back({ site.latitude(), site.longitude() });
        topology.sites.push_back(std::move(site));
        topology.siteRegion.push_back(region);
        cityWeight.push_back(weight);
        return index;
    }

    double distanceKm(std::uint32_t a, std::uint32_t b) const
    {
        return greatCircleKm(points[a].latitude, points[a].longitude, points[b].latitude, points[b].longitude);
    }

    bool hasLink(std::uint32_t a, std::uint32_t b) const { return linked.count(std::minmax(a, b)) > 0; }

    void addLink(std::uint32_t a, std::uint32_t b, double capacityGbps)
    {
        if (a == b || hasLink(a, b))
            return;
        linked.insert(std::minmax(a, b));
        const double routeKm = distanceKm(a, b) * kRouteFactor;
        const auto tierA = topology.sites[a].tier();
        const auto tierB = topology.sites[b].tier();
        const double equipment = tierA == cpn::v1::SITE_TIER_NATIONAL_HUB && tierB == cpn::v1::SITE_TIER_NATIONAL_HUB
            ? kBackboneEquipmentMs
            : (tierA == cpn::v1::SITE_TIER_EDGE || tierB == cpn::v1::SITE_TIER_EDGE ? kMetroEquipmentMs
                                                                                     : kAccessEquipmentMs);
        const double latency = routeLatencyMs(routeKm, equipment);
        cpn::v1::Link link;
        link.set_id("lk-" + topology.sites[a].id() + "--" + topology.sites[b].id());
        link.set_site_a_id(topology.sites[a].id());
        link.set_site_b_id(topology.sites[b].id());
        link.set_capacity_gbps(capacityGbps);
        link.set_latency_ms(std::round(latency * 1000) / 1000);
        link.set_length_km(std::round(routeKm * 10) / 10);
        link.set_status(cpn::v1::LINK_STATUS_UP);
        topology.links.push_back(std::move(link));
        topology.linkEnds.emplace_back(a, b);
    }

    template <std::size_t N> double pick(const std::array<double, N>& values) { return values[random.index(N)]; }
};

std::uint32_t roundCards(double cards, std::uint32_t multiple)
{
    const auto rounded = std::uint32_t(std::max(1.0, std::round(cards / multiple))) * multiple;
    return rounded;
}

void setCapacity(cpn::v1::Site& site, const std::array<double, 6>& cards)
{
    double kilowatts = 0;
    for (std::size_t i = 0; i < kArchitectures.size(); ++i) {
        if (cards[i] <= 0)
            continue;
        const Architecture arch = kArchitectures[i];
        const std::uint32_t count = roundCards(cards[i], arch == cpn::v1::ARCHITECTURE_CPU ? 4 : 8);
        auto* capacity = site.add_capacity();
        capacity->set_architecture(arch);
        capacity->set_cards(count);
        capacity->set_pflops(std::round(count * pflopsPerCard(arch) * 100) / 100);
        kilowatts += count * kilowattsPerCard(arch);
    }
    site.set_power_capacity_mw(kilowatts / 1000.0);
}

// Cards per architecture (NVIDIA, Ascend, Hygon, Cambricon, Kunlunxin, CPU servers) by tier.
std::array<double, 6> drawCapacity(Random& r, cpn::v1::SiteTier tier, bool western, int weight)
{
    std::array<double, 6> c {};
    switch (tier) {
    case cpn::v1::SITE_TIER_NATIONAL_HUB:
    case cpn::v1::SITE_TIER_CLUSTER: {
        const double size = tier == cpn::v1::SITE_TIER_CLUSTER ? r.uniform(0.7, 1.3) : 1.0;
        // Western builds lean on domestic accelerators.
        c[0] = r.uniform(6000, 16000) * size * (western ? 0.7 : 1.0);
        c[1] = r.uniform(5000, 14000) * size * (western ? 1.3 : 1.0);
        c[2] = r.uniform(1500, 5000) * size;
        c[3] = r.uniform(800, 3000) * size;
        c[4] = r.uniform(500, 2500) * size;
        c[5] = r.uniform(4000, 10000) * size;
        break;
    }
    case cpn::v1::SITE_TIER_REGIONAL: {
        const double size = std::sqrt(std::max(1, weight));
        c[0] = r.uniform(300, 2000) * size;
        c[1] = r.uniform(300, 2000) * size;
        c[2] = r.chance(0.5) ? r.uniform(100, 800) * size : 0;
        c[3] = r.chance(0.4) ? r.uniform(100, 600) * size : 0;
        c[4] = r.chance(0.4) ? r.uniform(64, 512) * size : 0;
        c[5] = r.uniform(500, 2000) * size;
        break;
    }
    default:
        if (r.chance(0.65))
            c[0] = r.uniform(8, 64);
        else
            c[1] = r.uniform(8, 64);
        if (r.chance(0.3))
            c[r.chance(0.5) ? 3 : 4] = r.uniform(8, 32);
        c[5] = r.uniform(8, 40);
        break;
    }
    return c;
}

SiteEconomy drawEconomy(Random& r, cpn::v1::SiteTier tier, bool western)
{
    const bool big = tier == cpn::v1::SITE_TIER_NATIONAL_HUB || tier == cpn::v1::SITE_TIER_CLUSTER;
    SiteEconomy e;
    e.western = western;
    switch (tier) {
    case cpn::v1::SITE_TIER_NATIONAL_HUB:
        e.basePue = western ? r.uniform(1.12, 1.2) : r.uniform(1.2, 1.25);
        break;
    case cpn::v1::SITE_TIER_CLUSTER:
        e.basePue = western ? r.uniform(1.1, 1.18) : r.uniform(1.18, 1.25);
        break;
    case cpn::v1::SITE_TIER_REGIONAL:
        e.basePue = western ? r.uniform(1.15, 1.25) : r.uniform(1.28, 1.42);
        break;
    default:
        e.basePue = western ? r.uniform(1.18, 1.25) : r.uniform(1.32, 1.45);
        break;
    }
    if (western)
        e.baseGreenShare = big ? r.uniform(0.65, 0.9) : r.uniform(0.45, 0.7);
    else
        e.baseGreenShare = big ? r.uniform(0.25, 0.4) : r.uniform(0.12, 0.3);
    if (western)
        e.basePriceCnyPerKwh = r.uniform(0.30, 0.40);
    else if (tier == cpn::v1::SITE_TIER_CLUSTER) // e.g. Shaoguan: 0.134 CNY/kWh below the Pearl River Delta
        e.basePriceCnyPerKwh = r.uniform(0.48, 0.6);
    else
        e.basePriceCnyPerKwh = r.uniform(0.55, 0.75);
    return e;
}

std::vector<std::string> splitWords(const char* text)
{
    std::vector<std::string> words;
    std::istringstream in(text);
    for (std::string word; in >> word;)
        words.push_back(word);
    return words;
}

// Up to k nearest neighbours of every point among `members`, through a uniform grid.
std::vector<std::pair<std::uint32_t, std::uint32_t>> nearestPairs(
    const Builder& b, const std::vector<std::uint32_t>& members, int k, double maxKm)
{
    constexpr double kCellDegrees = 1.0;
    std::map<std::pair<int, int>, std::vector<std::uint32_t>> grid;
    auto cellOf = [&](std::uint32_t s) {
        return std::pair<int, int>(int(std::floor(b.points[s].latitude / kCellDegrees)),
            int(std::floor(b.points[s].longitude / kCellDegrees)));
    };
    for (auto s : members)
        grid[cellOf(s)].push_back(s);
    // A point outside rings 0..r of its cell is at least r cells away; at 55N a degree of
    // longitude is still about 64 km.
    constexpr double kMinKmPerCell = 64.0 * kCellDegrees;
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    std::vector<std::pair<double, std::uint32_t>> found;
    for (auto s : members) {
        const auto [cy, cx] = cellOf(s);
        found.clear();
        for (int ring = 0; ring < 40; ++ring) {
            for (int dy = -ring; dy <= ring; ++dy)
                for (int dx = -ring; dx <= ring; ++dx) {
                    if (std::max(std::abs(dx), std::abs(dy)) != ring)
                        continue;
                    auto it = grid.find({ cy + dy, cx + dx });
                    if (it == grid.end())
                        continue;
                    for (auto o : it->second)
                        if (o != s)
                            found.emplace_back(b.distanceKm(s, o), o);
                }
            std::sort(found.begin(), found.end());
            if (found.size() > std::size_t(k))
                found.resize(std::size_t(k));
            const double bound = ring * kMinKmPerCell;
            if ((found.size() == std::size_t(k) && found.back().first <= bound) || bound > maxKm)
                break;
        }
        for (const auto& [km, o] : found)
            if (km <= maxKm)
                pairs.emplace_back(std::min(s, o), std::max(s, o));
    }
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::stable_sort(pairs.begin(), pairs.end(), [&](const auto& x, const auto& y) {
        return b.distanceKm(x.first, x.second) < b.distanceKm(y.first, y.second);
    });
    return pairs;
}

} // namespace

std::optional<Scale> parseScale(std::string_view name)
{
    if (name == "national")
        return Scale::National;
    if (name == "large")
        return Scale::Large;
    if (name == "huge")
        return Scale::Huge;
    return std::nullopt;
}

const char* scaleName(Scale scale)
{
    switch (scale) {
    case Scale::Large:
        return "large";
    case Scale::Huge:
        return "huge";
    case Scale::National:
        break;
    }
    return "national";
}

ScaleTargets scaleTargets(Scale scale)
{
    switch (scale) {
    case Scale::Large:
        return { 2000, 300, 8000, 200000 };
    case Scale::Huge:
        return { 10000, 1500, 50000, 1000000 };
    case Scale::National:
        break;
    }
    return { 300, 0, 600, 20000 };
}

double routeLatencyMs(double routeKm, double equipmentMs)
{
    return routeKm * kFibreMsPerKm + equipmentMs;
}

void scaleCapacity(Topology& topology, const std::array<double, 5>& factorByTier)
{
    for (auto& site : topology.sites) {
        const double factor = factorByTier[std::size_t(site.tier())];
        if (factor == 1.0)
            continue;
        for (auto& capacity : *site.mutable_capacity()) {
            const std::uint32_t multiple = capacity.architecture() == cpn::v1::ARCHITECTURE_CPU ? 4 : 8;
            const std::uint32_t cards = roundCards(capacity.cards() * factor, multiple);
            capacity.set_cards(cards);
            capacity.set_pflops(std::round(cards * pflopsPerCard(capacity.architecture()) * 100) / 100);
        }
        site.set_power_capacity_mw(std::round(site.power_capacity_mw() * factor * 100) / 100);
    }
}

Topology generateTopology(Scale scale, Random& random)
{
    const ScaleTargets targets = scaleTargets(scale);
    Builder b { random, {}, {}, {}, {}, {} };
    auto& t = b.topology;

    std::unordered_map<std::string, std::uint32_t> regionOfProvince;
    for (const auto& hub : hubFacts()) {
        cpn::v1::Region region;
        region.set_id(hub.regionId);
        region.set_name_zh(hub.regionZh);
        region.set_name_en(hub.regionEn);
        region.set_western(hub.western);
        for (const auto& province : splitWords(hub.provinces)) {
            region.add_provinces(province);
            regionOfProvince[province] = std::uint32_t(t.regions.size());
        }
        t.regions.push_back(std::move(region));
    }

    // Hubs: site index == region index.
    for (std::uint32_t r = 0; r < hubFacts().size(); ++r) {
        const auto& hub = hubFacts()[r];
        cpn::v1::Site site;
        site.set_id(std::string("hub-") + hub.regionId);
        site.set_name_zh(std::string(hub.regionZh) + "枢纽");
        site.set_name_en(std::string(hub.regionEn) + " hub");
        site.set_tier(cpn::v1::SITE_TIER_NATIONAL_HUB);
        site.set_region_id(hub.regionId);
        site.set_latitude(hub.latitude);
        site.set_longitude(hub.longitude);
        site.set_province(hub.province);
        b.addSite(std::move(site), r, r);
    }
    const auto hubCount = std::uint32_t(t.sites.size());
    auto regionIndex = [&](std::string_view id) {
        for (std::uint32_t r = 0; r < t.regions.size(); ++r)
            if (t.regions[r].id() == id)
                return r;
        return 0u;
    };
    for (const auto& cluster : clusterFacts()) {
        const auto r = regionIndex(cluster.regionId);
        cpn::v1::Site site;
        site.set_id(cluster.id);
        site.set_name_zh(cluster.nameZh);
        site.set_name_en(cluster.nameEn);
        site.set_tier(cpn::v1::SITE_TIER_CLUSTER);
        site.set_region_id(cluster.regionId);
        site.set_parent_site_id(t.sites[r].id());
        site.set_latitude(cluster.latitude);
        site.set_longitude(cluster.longitude);
        site.set_province(cluster.province);
        b.addSite(std::move(site), r, r);
    }
    const auto clusterEnd = std::uint32_t(t.sites.size());

    // Regional sites: one per city, then (larger scales) more scattered around the cities.
    auto nearestHubs = [&](GeoPoint p) {
        std::vector<std::pair<double, std::uint32_t>> byDistance;
        for (std::uint32_t h = 0; h < hubCount; ++h)
            byDistance.emplace_back(
                greatCircleKm(p.latitude, p.longitude, b.points[h].latitude, b.points[h].longitude), h);
        std::sort(byDistance.begin(), byDistance.end());
        return byDistance;
    };
    auto addRegional = [&](const CityFact& city, GeoPoint at, int ordinal) {
        auto it = regionOfProvince.find(city.province);
        const std::uint32_t r = it != regionOfProvince.end() ? it->second : nearestHubs(at).front().second;
        cpn::v1::Site site;
        std::string key = city.key;
        if (ordinal > 0)
            key += "-" + std::to_string(ordinal + 1);
        site.set_id("rg-" + key);
        site.set_name_zh(ordinal > 0 ? std::string(city.nameZh) + "区域" + std::to_string(ordinal + 1) : city.nameZh);
        site.set_name_en(
            ordinal > 0 ? std::string(city.nameEn) + " regional " + std::to_string(ordinal + 1) : city.nameEn);
        site.set_tier(cpn::v1::SITE_TIER_REGIONAL);
        site.set_region_id(t.regions[r].id());
        site.set_parent_site_id(t.sites[r].id());
        site.set_latitude(std::round(at.latitude * 10000) / 10000);
        site.set_longitude(std::round(at.longitude * 10000) / 10000);
        site.set_province(city.province);
        return b.addSite(std::move(site), r, r, ordinal > 0 ? 1 : city.weight);
    };
    const auto cities = cityFacts();
    std::vector<std::uint32_t> regionalCity; // city index per regional site
    for (std::uint32_t c = 0; c < cities.size(); ++c) {
        addRegional(cities[c], { cities[c].latitude, cities[c].longitude }, 0);
        regionalCity.push_back(c);
    }
    {
        std::vector<double> weights;
        for (const auto& city : cities)
            weights.push_back(city.weight);
        std::vector<int> ordinals(cities.size(), 0);
        const int extra = std::max(0, targets.regionalSites - int(cities.size()));
        for (int i = 0; i < extra; ++i) {
            const auto c = random.weighted(weights);
            const GeoPoint at = offsetKm(
                { cities[c].latitude, cities[c].longitude }, random.uniform(0, 6.2832), random.uniform(40, 220));
            addRegional(cities[c], at, ++ordinals[c]);
            regionalCity.push_back(std::uint32_t(c));
        }
    }
    const auto regionalEnd = std::uint32_t(t.sites.size());

    // Edge sites, a few per regional site in proportion to its city's size (largest remainder).
    {
        const int edges = std::max(0, targets.sites - int(regionalEnd));
        double totalWeight = 0;
        for (auto s = clusterEnd; s < regionalEnd; ++s)
            totalWeight += b.cityWeight[s];
        std::vector<int> count(regionalEnd, 0);
        std::vector<std::pair<double, std::uint32_t>> remainders;
        int assigned = 0;
        for (auto s = clusterEnd; s < regionalEnd; ++s) {
            const double share = edges * b.cityWeight[s] / totalWeight;
            count[s] = int(share);
            assigned += count[s];
            remainders.emplace_back(-(share - count[s]), s);
        }
        std::sort(remainders.begin(), remainders.end());
        for (std::size_t i = 0; assigned < edges && i < remainders.size(); ++i, ++assigned)
            ++count[remainders[i].second];
        for (auto s = clusterEnd; s < regionalEnd; ++s) {
            const cpn::v1::Site parent = t.sites[s]; // a copy: adding sites moves the vector
            const auto& city = cities[regionalCity[s - clusterEnd]];
            for (int n = 1; n <= count[s]; ++n) {
                const GeoPoint at = offsetKm(b.points[s], random.uniform(0, 6.2832), random.uniform(8, 60));
                cpn::v1::Site site;
                char suffix[16];
                std::snprintf(suffix, sizeof suffix, "%02d", n);
                site.set_id("edge-" + parent.id().substr(3) + "-" + suffix);
                site.set_name_zh(parent.name_zh() + "边缘" + std::to_string(n));
                site.set_name_en(parent.name_en() + " edge " + std::to_string(n));
                site.set_tier(cpn::v1::SITE_TIER_EDGE);
                site.set_region_id(parent.region_id());
                site.set_parent_site_id(parent.id());
                site.set_latitude(std::round(at.latitude * 10000) / 10000);
                site.set_longitude(std::round(at.longitude * 10000) / 10000);
                site.set_province(city.province);
                b.addSite(std::move(site), b.topology.siteRegion[s], s);
            }
        }
    }

    // Capacity and economy, in site order.
    for (std::uint32_t s = 0; s < t.sites.size(); ++s) {
        auto& site = t.sites[s];
        const bool western = t.regions[t.siteRegion[s]].western();
        setCapacity(site, drawCapacity(random, site.tier(), western, b.cityWeight[s]));
        site.set_power_capacity_mw(std::round(site.power_capacity_mw() * random.uniform(1.05, 1.25) * 100) / 100);
        t.economy.push_back(drawEconomy(random, site.tier(), western));
    }

    // Links: the tree every site hangs from, then redundancy up to the scale's target.
    const std::array<double, 5> hubCapacities { 1600, 2400, 3200, 4800, 6400 };
    const std::array<double, 4> clusterCapacities { 400, 800, 1200, 1600 };
    const std::array<double, 3> regionalCapacities { 100, 200, 400 };
    const std::array<double, 4> edgeCapacities { 10, 25, 40, 100 };
    for (std::uint32_t a = 0; a < hubCount; ++a)
        for (std::uint32_t h = a + 1; h < hubCount; ++h)
            b.addLink(a, h, b.pick(hubCapacities));
    for (auto s = hubCount; s < clusterEnd; ++s)
        b.addLink(b.parent[s], s, b.pick(clusterCapacities));
    for (auto s = clusterEnd; s < regionalEnd; ++s)
        b.addLink(b.parent[s], s, b.pick(regionalCapacities));
    for (auto s = regionalEnd; s < t.sites.size(); ++s)
        b.addLink(b.parent[s], s, b.pick(edgeCapacities));
    const auto target = std::size_t(targets.links);
    for (auto s = clusterEnd; s < regionalEnd && t.links.size() < target; ++s) {
        const auto hubs = nearestHubs(b.points[s]);
        const auto second = hubs[0].second == t.siteRegion[s] ? hubs[1].second : hubs[0].second;
        b.addLink(second, s, b.pick(regionalCapacities));
    }
    std::vector<std::uint32_t> regional;
    for (auto s = clusterEnd; s < regionalEnd; ++s)
        regional.push_back(s);
    for (const auto& [x, y] : nearestPairs(b, regional, 3, 800)) {
        if (t.links.size() >= target)
            break;
        b.addLink(x, y, b.pick(regionalCapacities));
    }
    std::vector<std::uint32_t> access;
    for (auto s = clusterEnd; s < t.sites.size(); ++s)
        access.push_back(s);
    if (t.links.size() < target && !access.empty()) {
        const double needed = double(target - t.links.size());
        const int k = std::clamp(int(std::ceil(2 * needed / access.size())) + 2, 2, 16);
        for (const auto& [x, y] : nearestPairs(b, access, k, 400)) {
            if (t.links.size() >= target)
                break;
            const bool edgeLink = x >= regionalEnd || y >= regionalEnd;
            b.addLink(x, y, edgeLink ? b.pick(edgeCapacities) : b.pick(regionalCapacities));
        }
    }
    return std::move(b.topology);
}

} // namespace cpn::mock
