// NetworkHistory: the metric history behind QueryHistory and GetMetricsAt.
//
// Kept per site: utilisation of each installed architecture, power, PUE, price and green share;
// per link: throughput each way and latency. A site's utilisation is derived (the capacity-
// weighted mean of its architectures), as is a link's (busier direction over capacity) and
// everything of a region. 24 h at 1-min steps, then 7 days of 15-min means, within a memory
// budget (links drop to 8 bits, then the coarse tier shortens, at the largest scales). Statuses
// are kept apart, as their changes (StatusLog).

#include "networkhistory.h"

#include "gridfactors.h"
#include "historybackfill.h"

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
// GetMetricsAt's slices: the first goes out (and is read) while the rest is built.
constexpr std::size_t kSitesPerSlice = 2000; // about 0.3 MB
constexpr std::size_t kLinksPerSlice = 10000; // about 0.8 MB

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

MetricHistory::Frame emptyFrame(const MetricHistory& history)
{
    MetricHistory::Frame frame(history.planeCount());
    for (std::size_t p = 0; p < frame.size(); ++p)
        frame[p].assign(history.channelCount(p), 0.0f);
    return frame;
}

} // namespace

NetworkHistory::NetworkHistory(const World& world)
    : m_world(world)
{ }

void NetworkHistory::initialise(const cpn::v1::MetricsBatch& latest)
{
    const std::size_t sites = m_world.sites.size();
    const std::size_t links = m_world.links.size();
    m_layout.archChannel.assign(kArchitectureSlots, std::vector<std::int32_t>(sites, -1));
    std::vector<HistoryPlane> planes(kPlaneCount);
    for (std::size_t a = 1; a < kArchitectureSlots; ++a)
        for (std::size_t s = 0; s < sites; ++s)
            if (m_world.sites[s].slots[a].installed > 0) {
                m_layout.archChannel[a][s] = std::int32_t(planes[a - 1].scale.size());
                planes[a - 1].scale.push_back(1.0f);
            }
    for (std::size_t s = 0; s < sites; ++s)
        planes[kPower].scale.push_back(float(2.5 * m_world.topology.sites[s].power_capacity_mw())); // up to PUE 2.5
    planes[kPue] = { 1.0, 2.0, false, std::vector<float>(sites, 1.0f) };
    planes[kPrice] = { 0.0, 3.0, true, std::vector<float>(sites, 1.0f) };
    planes[kGreen] = { 0.0, 1.0, false, std::vector<float>(sites, 1.0f) };
    for (const auto plane : { kLinkAb, kLinkBa, kLinkLatency })
        for (std::size_t l = 0; l < links; ++l)
            planes[plane].scale.push_back(float(plane == kLinkLatency ? 3.0 * m_world.topology.links[l].latency_ms()
                                                                      : m_world.topology.links[l].capacity_gbps()));

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
    m_store = MetricHistory(std::move(planes), fitFine, fitCoarse);

    // What replays read of the network, which does not change.
    m_siteIds.clear();
    m_siteArches.clear();
    m_arches.clear();
    for (std::size_t s = 0; s < sites; ++s) {
        m_siteIds.push_back(m_world.topology.sites[s].id());
        m_siteArches.push_back(std::uint32_t(m_arches.size()));
        for (std::size_t a = 1; a < kArchitectureSlots; ++a)
            if (m_layout.archChannel[a][s] >= 0)
                m_arches.push_back({ cpn::v1::Architecture(a), std::uint32_t(m_layout.archChannel[a][s]),
                    m_world.sites[s].slots[a].installed, m_world.sites[s].slots[a].pflopsPerCard });
    }
    m_siteArches.push_back(std::uint32_t(m_arches.size()));
    m_siteRegion = m_world.topology.siteRegion;
    m_regionIds.clear();
    for (const auto& region : m_world.topology.regions)
        m_regionIds.push_back(region.id());
    m_gridFactor.clear();
    m_racksBuilt.clear();
    m_storagePb.clear();
    for (const auto& site : m_world.topology.sites) {
        m_gridFactor.push_back(server::gridEmissionFactor(site.province()));
        m_racksBuilt.push_back(site.racks_built());
        m_storagePb.push_back(site.storage_pb());
    }
    m_linkIds.clear();
    m_linkCapacity.clear();
    for (std::size_t l = 0; l < links; ++l) {
        m_linkIds.push_back(m_world.topology.links[l].id());
        m_linkCapacity.push_back(m_world.topology.links[l].capacity_gbps());
    }
    // The backfilled past had today's statuses.
    m_statuses.reset(m_world.nowMs, statusesNow());

    // The past: a week of coarse frames (up to the current bucket), then the fine span.
    const Backfill backfill(m_world.topology, m_world.links, latest, m_layout, m_world.nowMs);
    auto frame = emptyFrame(m_store);
    const std::int64_t bucketNow = m_world.nowMs - ((m_world.nowMs % kCoarseStepMs) + kCoarseStepMs) % kCoarseStepMs;
    for (std::int64_t t = bucketNow - std::int64_t(coarseFrames) * kCoarseStepMs; t < bucketNow; t += kCoarseStepMs) {
        backfill.frame(t + kCoarseStepMs / 2, frame);
        m_store.recordCoarse(t, frame);
    }
    for (std::int64_t t = m_world.nowMs - std::int64_t(fineFrames - 1) * kHistoryStepMs; t < m_world.nowMs;
         t += kHistoryStepMs) {
        backfill.frame(t, frame);
        m_store.recordPast(t, frame);
    }
    m_nextMs = m_world.nowMs;
    record(latest);
}

std::vector<std::uint8_t> NetworkHistory::statusesNow() const
{
    std::vector<std::uint8_t> statuses;
    statuses.reserve(m_world.topology.sites.size() + m_world.topology.links.size());
    for (const auto& site : m_world.topology.sites)
        statuses.push_back(std::uint8_t(site.status()));
    for (const auto& link : m_world.topology.links)
        statuses.push_back(std::uint8_t(link.status()));
    return statuses;
}

void NetworkHistory::record(const cpn::v1::MetricsBatch& latest)
{
    // A change shows from the first sample this call writes (which holds the metrics it brought).
    m_statuses.update(std::min(m_nextMs, m_world.nowMs), statusesNow());
    if (m_nextMs > m_world.nowMs)
        return;
    // What the last metrics batch published, by site and link index.
    auto frame = emptyFrame(m_store);
    const std::size_t sites = std::min<std::size_t>(m_layout.archChannel[0].size(), latest.sites_size());
    for (std::size_t s = 0; s < sites; ++s) {
        const auto& m = latest.sites(int(s));
        for (const auto& use : m.usage()) {
            const auto a = std::size_t(use.architecture());
            if (a > 0 && a < kArchitectureSlots && m_layout.archChannel[a][s] >= 0)
                frame[a - 1][std::size_t(m_layout.archChannel[a][s])] = float(use.utilisation());
        }
        frame[kPower][s] = float(m.power_mw());
        frame[kPue][s] = float(m.pue());
        frame[kPrice][s] = float(m.price_cny_per_kwh());
        frame[kGreen][s] = float(m.green_share());
    }
    const std::size_t links = std::min<std::size_t>(m_store.channelCount(kLinkAb), latest.links_size());
    for (std::size_t l = 0; l < links; ++l) {
        const auto& m = latest.links(int(l));
        frame[kLinkAb][l] = float(m.throughput_ab_gbps());
        frame[kLinkBa][l] = float(m.throughput_ba_gbps());
        frame[kLinkLatency][l] = float(m.latency_ms());
    }
    // After a long jump only the newest frames matter.
    const std::int64_t due = (m_world.nowMs - m_nextMs) / kHistoryStepMs + 1;
    const auto capacity = std::int64_t(kHistoryFrames);
    if (due > capacity)
        m_nextMs += (due - capacity) * kHistoryStepMs;
    for (; m_nextMs <= m_world.nowMs; m_nextMs += kHistoryStepMs)
        m_store.record(m_nextMs, frame);
    m_statuses.forgetBefore(m_store.span().fromMs);
}

server::KeptSpan NetworkHistory::keptSpan() const
{
    const auto span = m_store.span();
    server::KeptSpan kept;
    kept.fromMs = span.fromMs;
    kept.toMs = span.toMs;
    kept.fineFromMs = span.fineFromMs;
    kept.fineStepMs = m_store.stepMs();
    kept.coarseStepMs = m_store.coarseStepMs();
    return kept;
}

grpc::Status NetworkHistory::metricsAt(std::int64_t timeMs, const server::Engine::MetricsSlices& emit) const
{
    MetricHistory::Frame frame;
    std::int64_t sampleMs = 0;
    std::int64_t stepMs = 0;
    if (!m_store.frameAt(timeMs, &frame, &sampleMs, &stepMs) || frame.size() < kPlaneCount)
        return { grpc::StatusCode::OUT_OF_RANGE, "no metrics kept at " + std::to_string(timeMs) + " ms" };
    // A coarse sample is a quarter's mean: the status held longest in it (see StatusLog).
    const auto statuses
        = stepMs > m_store.stepMs() ? m_statuses.heldLongest(sampleMs, sampleMs + stepMs) : m_statuses.at(sampleMs);
    cpn::v1::MetricsBatch slice;
    slice.set_sample_time_ms(sampleMs);
    // Each slice goes out while the next is built.
    const auto send = [&] {
        const bool go = emit(std::move(slice));
        slice = {};
        slice.set_sample_time_ms(sampleMs);
        return go;
    };
    const grpc::Status gone { grpc::StatusCode::CANCELLED, "the client stopped reading" };
    const std::size_t sites = m_siteIds.size();
    for (std::size_t s = 0; s < sites; ++s) {
        if (s % kSitesPerSlice == 0 && s > 0 && !send())
            return gone;
        auto* m = slice.add_sites();
        m->set_site_id(m_siteIds[s]);
        m->set_sample_time_ms(sampleMs);
        double installed = 0;
        double used = 0;
        for (std::uint32_t i = m_siteArches[s]; i < m_siteArches[s + 1]; ++i) {
            const auto& arch = m_arches[i];
            const double u = std::clamp(double(frame[arch.architecture - 1][arch.channel]), 0.0, 1.0);
            const double capacity = arch.cards * arch.pflopsPerCard;
            auto* use = m->add_usage();
            use->set_architecture(arch.architecture);
            use->set_utilisation(u);
            // Today's cards: the past's are not kept (they do not change in the mock).
            use->set_cards_used(std::uint32_t(std::lround(u * arch.cards)));
            use->set_pflops_used(u * capacity);
            installed += capacity;
            used += u * capacity;
        }
        m->set_utilisation(installed > 0 ? used / installed : 0);
        m->set_power_mw(frame[kPower][s]);
        m->set_pue(frame[kPue][s]);
        m->set_price_cny_per_kwh(frame[kPrice][s]);
        m->set_green_share(frame[kGreen][s]);
        m->set_status(cpn::v1::SiteStatus(s < statuses.size() ? statuses[s] : 0));
        m->set_racks_in_use(racksInUse(m_world.inventory[s], m_racksBuilt[s], sampleMs));
        m->set_storage_used_pb(storageUsedPb(m_world.inventory[s], m_storagePb[s], sampleMs));
    }
    if (sites > 0 && !send())
        return gone;
    const std::size_t links = std::min(m_linkIds.size(), frame[kLinkAb].size());
    for (std::size_t l = 0; l < links; ++l) {
        if (l % kLinksPerSlice == 0 && l > 0 && !send())
            return gone;
        auto* m = slice.add_links();
        m->set_link_id(m_linkIds[l]);
        m->set_sample_time_ms(sampleMs);
        const double ab = frame[kLinkAb][l];
        const double ba = frame[kLinkBa][l];
        m->set_throughput_ab_gbps(ab);
        m->set_throughput_ba_gbps(ba);
        m->set_utilisation(m_linkCapacity[l] > 0 ? std::clamp(std::max(ab, ba) / m_linkCapacity[l], 0.0, 1.0) : 0);
        m->set_latency_ms(frame[kLinkLatency][l]);
        const std::size_t e = sites + l;
        m->set_status(cpn::v1::LinkStatus(e < statuses.size() ? statuses[e] : 0));
    }
    if ((links > 0 || sites == 0) && !send())
        return gone;
    return grpc::Status::OK;
}

grpc::Status NetworkHistory::resolve(const cpn::v1::QueryHistoryRequest& request, HistoryQuery* query) const
{
    if (request.entity_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "entity_id is empty" };
    if (request.from_ms() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "from_ms must not be before 1970" };
    if (request.to_ms() < request.from_ms())
        return { grpc::StatusCode::INVALID_ARGUMENT, "to_ms is before from_ms" };
    if (request.step_ms() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "step_ms must not be negative" };
    // Both times are at or after 0 here: the range cannot overflow.
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
        if (metric == std::string("utilisation:") + server::architectureMetricName(cpn::v1::Architecture(a)))
            arch = a;
    if (!siteMetric && !linkMetric && !arch && metric != "utilisation")
        return { grpc::StatusCode::INVALID_ARGUMENT,
            "unknown metric '" + metric + "'; this server keeps, for " + kKnownMetrics };
    const std::string archName = server::architectureMetricName(cpn::v1::Architecture(arch));

    HistorySeries& series = query->series;
    // Sites' utilisation terms (one architecture, or all) weighted by installed PFLOPS.
    auto addUtilisation = [&](std::uint32_t s) {
        for (std::size_t a = 1; a < kArchitectureSlots; ++a) {
            const auto channel = m_layout.archChannel[a][s];
            if (channel >= 0 && (arch == 0 || arch == a))
                series.terms.push_back({ std::uint32_t(a - 1), std::uint32_t(channel),
                    m_world.sites[s].slots[a].installed * m_world.sites[s].slots[a].pflopsPerCard, 0 });
        }
    };
    auto addSite = [&](std::uint32_t s) {
        if (siteMetric)
            series.terms.push_back({ siteMetric->plane, s, 1.0, s });
        else
            addUtilisation(s);
    };
    const char* unit = siteMetric ? siteMetric->unit : linkMetric ? linkMetric->unit : "ratio";
    const auto link = m_world.linkById.find(request.entity_id());
    const auto region = m_world.regionById.find(request.entity_id());
    const auto site = m_world.findSite(request.entity_id());
    if (!site && link == m_world.linkById.end() && region == m_world.regionById.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown entity_id " + request.entity_id() };
    if (link != m_world.linkById.end()) {
        if (siteMetric || arch)
            return { grpc::StatusCode::INVALID_ARGUMENT,
                "'" + metric + "' is not kept for links; this server keeps, for " + kKnownMetrics };
        if (linkMetric) {
            series.terms.push_back({ linkMetric->plane, link->second, 1.0, 0 });
        } else { // the busier direction over capacity
            const double capacity = m_world.topology.links[link->second].capacity_gbps();
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
            for (std::uint32_t s = 0; s < m_world.sites.size(); ++s)
                if (m_world.topology.siteRegion[s] == region->second)
                    addSite(s);
            if (siteMetric && siteMetric->plane == kPower)
                series.combine = HistorySeries::Combine::Sum;
            else if (siteMetric)
                series.weightPlane = std::int32_t(kPower);
        }
        if (arch && series.terms.empty())
            return { grpc::StatusCode::NOT_FOUND, request.entity_id() + " has no " + archName + " installed" };
    }

    query->unit = unit;
    return grpc::Status::OK;
}

void NetworkHistory::answer(const HistoryQuery& query, const cpn::v1::QueryHistoryRequest& request,
    cpn::v1::QueryHistoryResponse* response) const
{
    const std::string& metric = request.metric();
    response->set_entity_id(request.entity_id());
    response->set_metric(metric);
    response->set_unit(query.unit);
    for (const auto& sample : m_store.query(query.series, request.from_ms(), request.to_ms(), request.step_ms())) {
        auto* point = response->add_points();
        point->set_time_ms(sample.timeMs);
        point->set_value(sample.value);
    }
}

} // namespace cpn::mock
