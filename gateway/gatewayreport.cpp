// SlurmEngine's capacity reports: every site's figures over a span from the state store's
// samples (minutes, and 15-minute means older than a day), time after time, through the shared
// accumulator; the present from the last poll.

#include "slurmengine.h"

#include "accelerators.h"
#include "capacitysums.h"
#include "gridfactors.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace cpn::gateway {

namespace {

constexpr std::int64_t kFineStepMs = 60000; // as the poll records (poll.cpp)
constexpr std::int64_t kCoarseStepMs = 15 * 60000; // the state store's means (StateStore::compact)

bool tolerant(cpn::v1::TaskKind kind)
{
    return kind == cpn::v1::TASK_KIND_TRAINING || kind == cpn::v1::TASK_KIND_BATCH
        || kind == cpn::v1::TASK_KIND_RENDERING || kind == cpn::v1::TASK_KIND_SCIENTIFIC
        || kind == cpn::v1::TASK_KIND_STORAGE;
}

} // namespace

grpc::Status SlurmEngine::capacityReport(const cpn::v1::GetCapacityReportRequest& request,
    cpn::v1::CapacityReport* report, const std::function<bool()>& stop) const
{
    const auto kept = m_store.sampleSpan();
    const std::int64_t fromMs = std::max(request.from_ms(), kept.fromMs);
    const std::int64_t toMs = std::min(request.to_ms(), kept.toMs);
    if (kept.toMs < kept.fromMs || fromMs > toMs)
        return { grpc::StatusCode::OUT_OF_RANGE, "no metrics kept in the span" };

    // The present, from the last poll: installed PFLOPS (the regions' series count today's
    // cards, as replays do), racks and storage, the tasks' PFLOPS by kind.
    const std::size_t sites = m_config.sites.size();
    std::vector<double> installed(sites, 0);
    std::vector<cpn::v1::SiteReport> now(sites);
    std::int64_t generatedMs = 0;
    {
        std::lock_guard lock(m_mutex);
        generatedMs = m_lastPollMs;
        for (std::size_t s = 0; s < sites && s < m_capacity.size(); ++s)
            for (const auto& [arch, cards] : m_capacity[s].installed)
                installed[s] += cards * server::pflopsPerCard(arch);
        for (std::size_t s = 0; s < sites && s < m_siteMetrics.size(); ++s) {
            now[s].set_racks_in_use(m_siteMetrics[s].racks_in_use());
            now[s].set_storage_used_pb(m_siteMetrics[s].storage_used_pb());
        }
        for (const auto& [number, task] : m_tasks) {
            if (task.state() == cpn::v1::TASK_STATE_QUEUED)
                continue;
            const auto it = m_siteIndex.find(task.site_id());
            if (it == m_siteIndex.end())
                continue;
            auto& site = now[it->second];
            if (task.kind() == cpn::v1::TASK_KIND_INFERENCE)
                site.set_inference_pflops_used(site.inference_pflops_used() + task.pflops());
            if (task.kind() == cpn::v1::TASK_KIND_TRAINING)
                site.set_training_pflops_used(site.training_pflops_used() + task.pflops());
            if (tolerant(task.kind()))
                site.set_tolerant_pflops_used(site.tolerant_pflops_used() + task.pflops());
        }
    }
    if (generatedMs == 0)
        generatedMs = wallMs();

    // Where each site and its region are in the lists; the metrics a report reads.
    std::vector<std::string> regionIds;
    std::unordered_map<std::string, std::size_t> regionIndex;
    std::vector<std::size_t> siteRegion(sites);
    std::unordered_map<std::string, std::size_t> siteIndex;
    for (const auto& region : m_config.regions) {
        regionIndex.emplace(region.id(), regionIds.size());
        regionIds.push_back(region.id());
    }
    for (std::size_t s = 0; s < sites; ++s) {
        const auto& site = m_config.sites[s].site;
        siteIndex.emplace(site.id(), s);
        auto it = regionIndex.find(site.region_id());
        if (it == regionIndex.end()) { // a file without regions: one of their own
            it = regionIndex.emplace(site.region_id(), regionIds.size()).first;
            regionIds.push_back(site.region_id());
        }
        siteRegion[s] = it->second;
    }
    enum Metric { Utilisation, Power, Pue, Price, Green, Architecture };
    std::unordered_map<std::string, std::pair<Metric, int>> metrics { { "utilisation", { Utilisation, 0 } },
        { "power_mw", { Power, 0 } }, { "pue", { Pue, 0 } }, { "price_cny_per_kwh", { Price, 0 } },
        { "green_share", { Green, 0 } } };
    for (int a = 1; a < int(server::kArchitectureCount); ++a)
        metrics.emplace(std::string("utilisation:") + server::architectureMetricName(cpn::v1::Architecture(a)),
            std::pair<Metric, int> { Architecture, a });

    std::vector<server::SiteCapacityAccumulator> accumulators(sites);
    server::RegionSeriesBuilder regions(fromMs, toMs, server::seriesPoints(request), regionIds.size());
    std::vector<server::CapacitySample> pending(sites);
    std::vector<bool> present(sites, false);
    std::int64_t pendingMs = std::numeric_limits<std::int64_t>::min();
    std::uint32_t times = 0;
    std::vector<double> regionUsed(regionIds.size());
    // A time's samples stand until the next time (at most their step: a gap is no energy).
    auto settle = [&](std::int64_t nextMs) {
        if (pendingMs == std::numeric_limits<std::int64_t>::min())
            return;
        const std::int64_t step = pendingMs >= kept.fineFromMs ? kFineStepMs : kCoarseStepMs;
        const std::int64_t duration = std::min(step, nextMs - pendingMs);
        std::fill(regionUsed.begin(), regionUsed.end(), 0.0);
        for (std::size_t s = 0; s < sites; ++s) {
            if (!present[s])
                continue;
            pending[s].timeMs = pendingMs;
            pending[s].durationMs = duration;
            accumulators[s].add(pending[s]);
            regionUsed[siteRegion[s]] += std::clamp(pending[s].utilisation, 0.0, 1.0) * installed[s];
        }
        for (std::size_t r = 0; r < regionUsed.size(); ++r)
            regions.add(r, pendingMs, duration, regionUsed[r]);
        ++times;
    };
    bool stopped = false;
    m_store.forEachSampleTime(fromMs, toMs, [&](std::int64_t t, const std::vector<Sample>& samples) {
        if (stop && stop()) {
            stopped = true;
            return false;
        }
        settle(t);
        pendingMs = t;
        std::fill(present.begin(), present.end(), false);
        for (auto& sample : pending)
            sample = server::CapacitySample();
        for (const auto& sample : samples) {
            const auto site = siteIndex.find(sample.entity);
            const auto metric = metrics.find(sample.metric);
            if (site == siteIndex.end() || metric == metrics.end())
                continue;
            auto& out = pending[site->second];
            present[site->second] = true;
            switch (metric->second.first) {
            case Utilisation:
                out.utilisation = sample.value;
                break;
            case Power:
                out.powerMw = sample.value;
                break;
            case Pue:
                out.pue = sample.value;
                break;
            case Price:
                out.priceCnyPerKwh = sample.value;
                break;
            case Green:
                out.greenShare = sample.value;
                break;
            case Architecture:
                out.architectures[std::size_t(metric->second.second)] = sample.value;
                break;
            }
        }
        return true;
    });
    if (stopped)
        return { grpc::StatusCode::CANCELLED, "cancelled by the client" };
    settle(std::numeric_limits<std::int64_t>::max());
    if (times == 0)
        return { grpc::StatusCode::OUT_OF_RANGE, "no metrics kept in the span" };

    server::fillReportSpan(request, fromMs, toMs, generatedMs, std::uint32_t(times), report);
    std::vector<double> regionInstalled(regionIds.size());
    for (std::size_t s = 0; s < sites; ++s) {
        auto* site = report->add_sites();
        *site = std::move(now[s]);
        site->set_site_id(m_config.sites[s].site.id());
        accumulators[s].fill(server::gridEmissionFactor(m_config.sites[s].site.province()), site);
        regionInstalled[siteRegion[s]] += installed[s];
    }
    regions.fillAll(regionIds, regionInstalled, report);
    return grpc::Status::OK;
}

} // namespace cpn::gateway
