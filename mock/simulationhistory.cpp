// Simulation: the metric history behind QueryHistory.
//
// Kept per site: utilisation of each installed architecture, power, PUE, price and green share;
// per link: throughput each way and latency. A site's utilisation is derived (the capacity-
// weighted mean of its architectures), as is a link's (busier direction over capacity) and
// everything of a region. 24 h at 1-min steps, then 7 days of 15-min means, within a memory
// budget (links drop to 8 bits, then the coarse tier shortens, at the largest scales).

#include "simulation.h"

#include "dailycycle.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace cpn::mock {

using server::HistoryPlane;
using server::HistorySeries;
using server::MetricHistory;

namespace {

constexpr std::int64_t kHistoryStepMs = server::kDayByMinute.stepMs;
constexpr std::size_t kHistoryFrames = server::kDayByMinute.frames;
constexpr std::int64_t kCoarseStepMs = server::kWeekByQuarterHour.stepMs;
constexpr std::size_t kCoarseFrames = server::kWeekByQuarterHour.frames;
constexpr std::size_t kHistoryByteBudget = 600'000'000;
constexpr std::int64_t kMaxHistoryPoints = 100000; // per QueryHistory answer

// Planes: one per architecture (1..6 -> 0..5), then per site, then per link.
constexpr std::uint32_t kPower = 6;
constexpr std::uint32_t kPue = 7;
constexpr std::uint32_t kPrice = 8;
constexpr std::uint32_t kGreen = 9;
constexpr std::uint32_t kLinkAb = 10;
constexpr std::uint32_t kLinkBa = 11;
constexpr std::uint32_t kLinkLatency = 12;
constexpr std::uint32_t kPlaneCount = 13;

constexpr std::array<const char*, kArchitectureSlots> kArchNames { "", "nvidia_gpu", "ascend", "hygon_dcu",
    "cambricon_mlu", "kunlunxin", "cpu" };
const char* const kKnownMetrics = "sites and regions: utilisation, utilisation:<architecture> (nvidia_gpu, ascend, "
                                  "hygon_dcu, cambricon_mlu, kunlunxin, cpu), power_mw, pue, price_cny_per_kwh, "
                                  "green_share; links: utilisation, throughput_ab_gbps, throughput_ba_gbps, latency_ms";

struct SiteMetric {
    const char* name;
    std::uint32_t plane;
    const char* unit;
};
constexpr std::array<SiteMetric, 4> kSiteMetrics { { { "power_mw", kPower, "MW" }, { "pue", kPue, "ratio" },
    { "price_cny_per_kwh", kPrice, "CNY/kWh" }, { "green_share", kGreen, "ratio" } } };
constexpr std::array<SiteMetric, 3> kLinkMetrics { { { "throughput_ab_gbps", kLinkAb, "Gbps" },
    { "throughput_ba_gbps", kLinkBa, "Gbps" }, { "latency_ms", kLinkLatency, "ms" } } };

// A slow random walk in about -1..1, one per entity at its own offset (the backfill's wobble).
class Wobble {
public:
    Wobble()
    {
        double v = 0;
        for (std::size_t i = 0; i < kSize; ++i) {
            v = 0.95 * v + 0.3 * (2 * hashUnit(0x5eed, i) - 1);
            m_table[i] = float(std::clamp(v, -1.0, 1.0));
        }
    }
    static std::uint32_t offset(std::uint64_t entity) { return std::uint32_t(mix64(entity) % kSize); }
    float at(std::uint32_t offset, std::int64_t minute) const
    {
        return m_table[(offset + std::uint64_t(minute)) % kSize];
    }

private:
    static constexpr std::size_t kSize = 4096;
    std::array<float, kSize> m_table {};
};

// The past before the simulation started: today's values moved along the shapes of a day (demand,
// heat, sunshine, tariffs) with a little noise, so every chart has a plausible history at once.
// Everything that does not depend on the time is worked out once: it fills a week of frames.
class Backfill {
public:
    Backfill(const Topology& topology, const std::vector<LinkRuntime>& links, const cpn::v1::MetricsBatch& now,
        const HistoryLayout& layout, std::int64_t nowMs)
        : m_nowMs(nowMs)
    {
        const std::size_t sites = std::min<std::size_t>(topology.sites.size(), std::size_t(now.sites_size()));
        for (std::uint32_t s = 0; s < sites; ++s) {
            const auto& m = now.sites(int(s));
            m_sites.push_back({ topology.economy[s].western, Wobble::offset(s), m.utilisation(), m.power_mw(), m.pue(),
                m.price_cny_per_kwh(), m.green_share() });
            for (const auto& use : m.usage()) {
                const auto a = std::size_t(use.architecture());
                if (a > 0 && a < layout.archChannel.size() && layout.archChannel[a][s] >= 0)
                    m_arches.push_back(
                        { s, std::uint32_t(a - 1), std::uint32_t(layout.archChannel[a][s]), use.utilisation() });
            }
        }
        const std::size_t linkCount = std::min<std::size_t>(links.size(), std::size_t(now.links_size()));
        for (std::uint32_t l = 0; l < linkCount; ++l) {
            const auto [a, b] = topology.linkEnds[l];
            m_links.push_back({ links[l].baseUtilisation, links[l].reverseRatio, links[l].abBusier,
                topology.links[l].capacity_gbps(), topology.links[l].latency_ms(),
                std::uint8_t(topology.economy[a].western + topology.economy[b].western), Wobble::offset(sites + l) });
        }
    }

    void frame(std::int64_t t, MetricHistory::Frame& out) const
    {
        const double hour = localHour(t);
        const double hourNow = localHour(m_nowMs);
        const std::int64_t minute = t / 60000;
        const std::array<double, 2> demand { demandAt(t, false), demandAt(t, true) };
        const std::array<double, 2> demandNow { demandAt(m_nowMs, false), demandAt(m_nowMs, true) };
        const double warmer = 0.03 * (warmth(hour) - warmth(hourNow));
        const double tariff = tariffFactor(hour) / tariffFactor(hourNow);
        const double sunnier = sunshine(hour) - sunshine(hourNow);
        m_factor.resize(m_sites.size());
        for (std::size_t s = 0; s < m_sites.size(); ++s) {
            const auto& site = m_sites[s];
            const double noise = m_wobble.at(site.wobble, minute);
            const double shape = 0.75 + 0.25 * demand[site.west] / std::max(0.05, demandNow[site.west]);
            m_factor[s] = shape * (1 + 0.03 * noise);
            const double u = std::clamp(site.utilisation * m_factor[s], 0.0, 1.0);
            const double pue = std::max(1.05, site.pue + warmer + 0.004 * noise);
            // IT power follows utilisation (0.3 idle + 0.7 at full load) and the total follows PUE.
            out[kPower][s]
                = float(site.power * (0.3 + 0.7 * u) / (0.3 + 0.7 * site.utilisation) * pue / std::max(1.0, site.pue));
            out[kPue][s] = float(pue);
            out[kPrice][s] = float(site.price * tariff);
            out[kGreen][s] = float(std::clamp(site.green + (site.west ? 0.08 : 0.04) * sunnier, 0.0, 1.0));
        }
        for (const auto& arch : m_arches)
            out[arch.plane][arch.channel] = float(std::min(1.0, arch.utilisation * m_factor[arch.site]));
        const std::array<double, 3> linkDemand { demand[0], 0.5 * (demand[0] + demand[1]), demand[1] };
        for (std::size_t l = 0; l < m_links.size(); ++l) {
            const auto& link = m_links[l];
            const double noise = m_wobble.at(link.wobble, minute);
            const double u
                = std::clamp(link.base * (0.7 + 0.5 * linkDemand[link.westEnds]) * (1 + 0.1 * noise), 0.0, 0.98);
            const double busy = u * link.capacity;
            out[kLinkAb][l] = float(link.abBusier ? busy : busy * link.reverse);
            out[kLinkBa][l] = float(link.abBusier ? busy * link.reverse : busy);
            const double congestion = std::max(0.0, u - 0.7);
            out[kLinkLatency][l] = float(link.latency * (1 + 0.02 * std::fabs(noise) + 0.6 * congestion * congestion));
        }
    }

private:
    struct Site {
        bool west;
        std::uint32_t wobble;
        double utilisation, power, pue, price, green;
    };
    struct Arch {
        std::uint32_t site, plane, channel;
        double utilisation;
    };
    struct Link {
        double base, reverse;
        bool abBusier;
        double capacity, latency;
        std::uint8_t westEnds; // 0, 1 or 2
        std::uint32_t wobble;
    };
    std::int64_t m_nowMs;
    Wobble m_wobble;
    std::vector<Site> m_sites;
    std::vector<Arch> m_arches;
    std::vector<Link> m_links;
    mutable std::vector<double> m_factor; // per site, this frame's demand shape and wobble
};

MetricHistory::Frame emptyFrame(const MetricHistory& history)
{
    MetricHistory::Frame frame(history.planeCount());
    for (std::size_t p = 0; p < frame.size(); ++p)
        frame[p].assign(history.channelCount(p), 0.0f);
    return frame;
}

} // namespace

void Simulation::initialiseHistory()
{
    const std::size_t sites = m_sites.size();
    const std::size_t links = m_links.size();
    m_historyLayout.archChannel.assign(kArchitectureSlots, std::vector<std::int32_t>(sites, -1));
    std::vector<HistoryPlane> planes(kPlaneCount);
    for (std::size_t a = 1; a < kArchitectureSlots; ++a)
        for (std::size_t s = 0; s < sites; ++s)
            if (m_sites[s].slots[a].installed > 0) {
                m_historyLayout.archChannel[a][s] = std::int32_t(planes[a - 1].scale.size());
                planes[a - 1].scale.push_back(1.0f);
            }
    for (std::size_t s = 0; s < sites; ++s)
        planes[kPower].scale.push_back(float(2.5 * m_topology.sites[s].power_capacity_mw())); // up to PUE 2.5
    planes[kPue] = { 1.0, 2.0, false, std::vector<float>(sites, 1.0f) };
    planes[kPrice] = { 0.0, 3.0, true, std::vector<float>(sites, 1.0f) };
    planes[kGreen] = { 0.0, 1.0, false, std::vector<float>(sites, 1.0f) };
    for (const auto plane : { kLinkAb, kLinkBa, kLinkLatency })
        for (std::size_t l = 0; l < links; ++l)
            planes[plane].scale.push_back(float(
                plane == kLinkLatency ? 3.0 * m_topology.links[l].latency_ms() : m_topology.links[l].capacity_gbps()));

    // Within the budget: links drop to 8 bits first, then the tiers shorten.
    const MetricHistory::Tier fine { kHistoryStepMs, kHistoryFrames };
    const MetricHistory::Tier coarse { kCoarseStepMs, kCoarseFrames };
    if (MetricHistory::frameBytes(planes) * (fine.frames + coarse.frames) > kHistoryByteBudget)
        for (const auto plane : { kLinkAb, kLinkBa, kLinkLatency })
            planes[plane].wide = false;
    const auto [fitFine, fitCoarse]
        = MetricHistory::fitTiers(MetricHistory::frameBytes(planes), kHistoryByteBudget, fine, coarse);
    const std::size_t fineFrames = fitFine.frames;
    const std::size_t coarseFrames = fitCoarse.frames;
    m_history = MetricHistory(std::move(planes), fitFine, fitCoarse);

    // The past: a week of coarse frames (up to the current bucket), then the fine span.
    const Backfill backfill(m_topology, m_links, m_lastMetrics, m_historyLayout, m_nowMs);
    auto frame = emptyFrame(m_history);
    const std::int64_t bucketNow = m_nowMs - ((m_nowMs % kCoarseStepMs) + kCoarseStepMs) % kCoarseStepMs;
    for (std::int64_t t = bucketNow - std::int64_t(coarseFrames) * kCoarseStepMs; t < bucketNow; t += kCoarseStepMs) {
        backfill.frame(t + kCoarseStepMs / 2, frame);
        m_history.recordCoarse(t, frame);
    }
    for (std::int64_t t = m_nowMs - std::int64_t(fineFrames - 1) * kHistoryStepMs; t < m_nowMs; t += kHistoryStepMs) {
        backfill.frame(t, frame);
        m_history.recordPast(t, frame);
    }
    m_nextHistoryMs = m_nowMs;
    recordHistory();
}

void Simulation::recordHistory()
{
    if (m_nextHistoryMs > m_nowMs)
        return;
    // What the last metrics batch published, by site and link index.
    auto frame = emptyFrame(m_history);
    const std::size_t sites = std::min<std::size_t>(m_historyLayout.archChannel[0].size(), m_lastMetrics.sites_size());
    for (std::size_t s = 0; s < sites; ++s) {
        const auto& m = m_lastMetrics.sites(int(s));
        for (const auto& use : m.usage()) {
            const auto a = std::size_t(use.architecture());
            if (a > 0 && a < kArchitectureSlots && m_historyLayout.archChannel[a][s] >= 0)
                frame[a - 1][std::size_t(m_historyLayout.archChannel[a][s])] = float(use.utilisation());
        }
        frame[kPower][s] = float(m.power_mw());
        frame[kPue][s] = float(m.pue());
        frame[kPrice][s] = float(m.price_cny_per_kwh());
        frame[kGreen][s] = float(m.green_share());
    }
    const std::size_t links = std::min<std::size_t>(m_history.channelCount(kLinkAb), m_lastMetrics.links_size());
    for (std::size_t l = 0; l < links; ++l) {
        const auto& m = m_lastMetrics.links(int(l));
        frame[kLinkAb][l] = float(m.throughput_ab_gbps());
        frame[kLinkBa][l] = float(m.throughput_ba_gbps());
        frame[kLinkLatency][l] = float(m.latency_ms());
    }
    // After a long jump only the newest frames matter.
    const std::int64_t due = (m_nowMs - m_nextHistoryMs) / kHistoryStepMs + 1;
    const auto capacity = std::int64_t(kHistoryFrames);
    if (due > capacity)
        m_nextHistoryMs += (due - capacity) * kHistoryStepMs;
    for (; m_nextHistoryMs <= m_nowMs; m_nextHistoryMs += kHistoryStepMs)
        m_history.record(m_nextHistoryMs, frame);
}

grpc::Status Simulation::queryHistory(
    const cpn::v1::QueryHistoryRequest& request, cpn::v1::QueryHistoryResponse* response) const
{
    if (request.entity_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "entity_id is empty" };
    if (request.to_ms() < request.from_ms())
        return { grpc::StatusCode::INVALID_ARGUMENT, "to_ms is before from_ms" };
    if (request.step_ms() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "step_ms must not be negative" };
    if (request.step_ms() > kHistoryStepMs
        && (request.to_ms() - request.from_ms()) / request.step_ms() > kMaxHistoryPoints)
        return { grpc::StatusCode::INVALID_ARGUMENT, "too many points: raise step_ms or shorten the range" };

    // The metric: a site metric (also of regions), an architecture's utilisation, or a link metric.
    const std::string& metric = request.metric();
    const SiteMetric* siteMetric = nullptr;
    const SiteMetric* linkMetric = nullptr;
    std::size_t arch = 0; // > 0: utilisation of that architecture
    for (const auto& m : kSiteMetrics)
        if (metric == m.name)
            siteMetric = &m;
    for (const auto& m : kLinkMetrics)
        if (metric == m.name)
            linkMetric = &m;
    for (std::size_t a = 1; a < kArchitectureSlots; ++a)
        if (metric == std::string("utilisation:") + kArchNames[a])
            arch = a;
    if (!siteMetric && !linkMetric && !arch && metric != "utilisation")
        return { grpc::StatusCode::INVALID_ARGUMENT,
            "unknown metric '" + metric + "'; this server keeps, for " + kKnownMetrics };
    const std::string archName = arch ? kArchNames[arch] : "";

    std::unique_lock lock(m_mutex); // released before reading the samples (see MetricHistory)
    HistorySeries series;
    // Sites' utilisation terms (one architecture, or all) weighted by installed PFLOPS.
    auto addUtilisation = [&](std::uint32_t s) {
        for (std::size_t a = 1; a < kArchitectureSlots; ++a) {
            const auto channel = m_historyLayout.archChannel[a][s];
            if (channel >= 0 && (arch == 0 || arch == a))
                series.terms.push_back({ std::uint32_t(a - 1), std::uint32_t(channel),
                    m_sites[s].slots[a].installed * m_sites[s].slots[a].pflopsPerCard, 0 });
        }
    };
    auto addSite = [&](std::uint32_t s) {
        if (siteMetric)
            series.terms.push_back({ siteMetric->plane, s, 1.0, s });
        else
            addUtilisation(s);
    };
    const char* unit = siteMetric ? siteMetric->unit : linkMetric ? linkMetric->unit : "ratio";
    const auto link = m_linkIndex.find(request.entity_id());
    const auto region = m_regionIndex.find(request.entity_id());
    const auto site = siteIndex(request.entity_id());
    if (!site && link == m_linkIndex.end() && region == m_regionIndex.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown entity_id " + request.entity_id() };
    if (link != m_linkIndex.end()) {
        if (siteMetric || arch)
            return { grpc::StatusCode::INVALID_ARGUMENT,
                "'" + metric + "' is not kept for links; this server keeps, for " + kKnownMetrics };
        if (linkMetric) {
            series.terms.push_back({ linkMetric->plane, link->second, 1.0, 0 });
        } else { // the busier direction over capacity
            const double capacity = m_topology.links[link->second].capacity_gbps();
            const double perGbps = capacity > 0 ? 1 / capacity : 0;
            series.combine = HistorySeries::Combine::Max;
            series.terms.push_back({ kLinkAb, link->second, perGbps, 0 });
            series.terms.push_back({ kLinkBa, link->second, perGbps, 0 });
        }
    } else {
        if (linkMetric)
            return { grpc::StatusCode::INVALID_ARGUMENT,
                "'" + metric + "' is kept for links only; this server keeps, for " + kKnownMetrics };
        if (site) {
            addSite(*site);
        } else {
            // A region: power adds up; price, PUE and green share are weighted by power at each
            // time; utilisation by installed PFLOPS.
            for (std::uint32_t s = 0; s < m_sites.size(); ++s)
                if (m_topology.siteRegion[s] == region->second)
                    addSite(s);
            if (siteMetric && siteMetric->plane == kPower)
                series.combine = HistorySeries::Combine::Sum;
            else if (siteMetric)
                series.weightPlane = std::int32_t(kPower);
        }
        if (arch && series.terms.empty())
            return { grpc::StatusCode::NOT_FOUND, request.entity_id() + " has no " + archName + " installed" };
    }

    lock.unlock();
    response->set_entity_id(request.entity_id());
    response->set_metric(metric);
    response->set_unit(unit);
    for (const auto& sample : m_history.query(series, request.from_ms(), request.to_ms(), request.step_ms())) {
        auto* point = response->add_points();
        point->set_time_ms(sample.timeMs);
        point->set_value(sample.value);
    }
    return grpc::Status::OK;
}

} // namespace cpn::mock
