// NetworkHistory's capacity reports: every site's figures over a span, walked frame by frame
// through the history store (only the planes a report needs), with the present's figures of
// racks, storage and tasks beside them.

#include "networkhistory.h"

#include "capacitysums.h"

#include <algorithm>

namespace cpn::mock {

using server::CapacitySample;
using server::MetricHistory;
using server::RegionSeriesBuilder;
using server::SiteCapacityAccumulator;

grpc::Status NetworkHistory::capacityReport(const cpn::v1::GetCapacityReportRequest& request,
    const std::vector<SiteNow>& now, std::int64_t generatedMs, cpn::v1::CapacityReport* report,
    const std::function<bool()>& stop) const
{
    const auto kept = m_store.span();
    const std::int64_t fromMs = std::max(request.from_ms(), kept.fromMs);
    const std::int64_t toMs = std::min(request.to_ms(), kept.toMs);
    if (kept.empty() || fromMs > toMs)
        return { grpc::StatusCode::OUT_OF_RANGE, "no metrics kept in the span" };

    const std::size_t sites = m_siteIds.size();
    std::vector<SiteCapacityAccumulator> accumulators(sites);
    RegionSeriesBuilder regions(fromMs, toMs, server::seriesPoints(request), m_regionIds.size());
    std::vector<double> regionUsed(m_regionIds.size());
    std::vector<std::uint32_t> planes;
    for (std::uint32_t p = 0; p < kPower; ++p)
        planes.push_back(p); // the architectures'
    for (const auto p : { kPower, kPue, kPrice, kGreen })
        planes.push_back(p);
    bool stopped = false;
    CapacitySample sample;
    const std::size_t frames = m_store.walk(
        fromMs, toMs, planes, [&](const MetricHistory::WalkedFrame& at, const MetricHistory::Frame& frame) {
            if (stop && stop()) {
                stopped = true;
                return false;
            }
            std::fill(regionUsed.begin(), regionUsed.end(), 0.0);
            sample.timeMs = at.timeMs;
            sample.durationMs = at.durationMs;
            for (std::size_t s = 0; s < sites; ++s) {
                sample.architectures.fill(-1);
                double installed = 0;
                double used = 0;
                for (std::uint32_t i = m_siteArches[s]; i < m_siteArches[s + 1]; ++i) {
                    const auto& arch = m_arches[i];
                    const double u = std::clamp(double(frame[arch.architecture - 1][arch.channel]), 0.0, 1.0);
                    const double capacity = arch.cards * arch.pflopsPerCard;
                    sample.architectures[arch.architecture] = u;
                    installed += capacity;
                    used += u * capacity;
                }
                sample.utilisation = installed > 0 ? used / installed : 0;
                sample.powerMw = frame[kPower][s];
                sample.pue = frame[kPue][s];
                sample.priceCnyPerKwh = frame[kPrice][s];
                sample.greenShare = frame[kGreen][s];
                accumulators[s].add(sample);
                regionUsed[m_siteRegion[s]] += used;
            }
            for (std::size_t r = 0; r < regionUsed.size(); ++r)
                regions.add(r, at.timeMs, at.durationMs, regionUsed[r]);
            return true;
        });
    if (stopped)
        return { grpc::StatusCode::CANCELLED, "cancelled by the client" };
    if (frames == 0)
        return { grpc::StatusCode::OUT_OF_RANGE, "no metrics kept in the span" };

    server::fillReportSpan(request, fromMs, toMs, generatedMs, std::uint32_t(frames), report);
    report->mutable_sites()->Reserve(int(sites));
    std::vector<double> installed(m_regionIds.size());
    for (std::size_t s = 0; s < sites; ++s) {
        auto* site = report->add_sites();
        site->set_site_id(m_siteIds[s]);
        accumulators[s].fill(m_gridFactor[s], site);
        if (s < now.size()) {
            site->set_racks_in_use(now[s].racksInUse);
            site->set_storage_used_pb(now[s].storageUsedPb);
            site->set_inference_pflops_used(now[s].inferencePflops);
            site->set_training_pflops_used(now[s].trainingPflops);
            site->set_tolerant_pflops_used(now[s].tolerantPflops);
        }
        for (std::uint32_t i = m_siteArches[s]; i < m_siteArches[s + 1]; ++i)
            installed[m_siteRegion[s]] += m_arches[i].cards * m_arches[i].pflopsPerCard;
    }
    regions.fillAll(m_regionIds, installed, report);
    return grpc::Status::OK;
}

} // namespace cpn::mock
