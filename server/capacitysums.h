#pragma once
// What GetCapacityReport works out of the samples an engine keeps, whichever engine it is: a
// site's figures over the span (SiteCapacityAccumulator, fed sample by sample) and each region's
// PFLOPS in use in even steps (RegionSeriesBuilder); and the checks of a request.

#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace cpn::server {

inline constexpr std::size_t kArchitectureCount = 7; // indexed by cpn::v1::Architecture
// A region's series has this many points when the request asks for 0 (state.proto).
inline constexpr int kDefaultSeriesPoints = 96;
inline constexpr int kMaxSeriesPoints = 1000;

// INVALID_ARGUMENT (with what is wrong) for a span that is empty, reversed or before 1970, or
// series_points outside 0 and 2..1000.
grpc::Status checkCapacityReportRequest(const cpn::v1::GetCapacityReportRequest& request);
// The points of each region's series the request asks for (its 0 is the default).
int seriesPoints(const cpn::v1::GetCapacityReportRequest& request);

// One sample of a site: what it measured at timeMs, standing for durationMs from then (its step,
// cut short where the next sample begins).
struct CapacitySample {
    std::int64_t timeMs = 0;
    std::int64_t durationMs = 0;
    double utilisation = 0; // ratio 0..1 over installed PFLOPS
    std::array<double, kArchitectureCount> architectures {}; // utilisation per architecture; < 0 = not installed
    double powerMw = 0; // facility power, MW
    double pue = 1; // ratio >= 1
    double greenShare = 0; // ratio 0..1
    double priceCnyPerKwh = 0;

    CapacitySample() { architectures.fill(-1); }
};

// A site's figures over a span, from its samples in any order (the newest gives the end value).
// Energy is power times duration; cost that energy at each sample's price; PUE the facility
// energy over the IT energy; green share weighted by energy; carbon the energy not green at the
// grid factor, per sample; the growth the least-squares slope of utilisation, time-weighted.
class SiteCapacityAccumulator {
public:
    void add(const CapacitySample& sample);
    std::uint32_t samples() const { return m_samples; }
    // The figures over time of `report` (not its id, nor the figures of now); the grid factor in
    // kg CO2 per kWh (gridfactors.h).
    void fill(double gridFactorKgPerKwh, cpn::v1::SiteReport* report) const;

private:
    struct Architecture {
        double weighted = 0; // utilisation * hours
        double hours = 0;
        double peak = 0;
        bool seen = false;
    };

    std::uint32_t m_samples = 0;
    double m_hours = 0;
    double m_utilisation = 0; // utilisation * hours
    double m_peak = 0;
    std::array<Architecture, kArchitectureCount> m_architectures {};
    double m_energyMwh = 0;
    double m_itEnergyMwh = 0;
    double m_greenMwh = 0;
    double m_costCny = 0;
    double m_pueHours = 0; // pue * hours, for a site that drew nothing
    double m_greenHours = 0;
    // Least squares of utilisation over days since the first sample, weighted by hours.
    std::int64_t m_originMs = 0;
    double m_sx = 0, m_sy = 0, m_sxx = 0, m_sxy = 0;
    std::int64_t m_endMs = 0;
    double m_end = 0;
};

// Each region's PFLOPS in use over [fromMs, toMs] in `points` even steps: the time-weighted mean
// of the samples whose time falls in each step (steps without one are left out), each point at
// its step's start. The steps are (toMs - fromMs) / points + 1 ms long, so that the last sample
// falls in the last step.
// The report's particulars, as both engines set them: the span asked, the span covered, when it
// was made and how many sample times were read.
void fillReportSpan(const cpn::v1::GetCapacityReportRequest& request, std::int64_t coveredFromMs,
    std::int64_t coveredToMs, std::int64_t generatedMs, std::uint32_t samples, cpn::v1::CapacityReport* report);

class RegionSeriesBuilder {
public:
    RegionSeriesBuilder(std::int64_t fromMs, std::int64_t toMs, int points, std::size_t regions);
    // `usedPflops`: the region's whole use at timeMs, standing for durationMs.
    void add(std::size_t region, std::int64_t timeMs, std::int64_t durationMs, double usedPflops);
    std::int64_t stepMs() const { return m_stepMs; }
    // The points of `series` (its id and installed PFLOPS are the caller's).
    void fill(std::size_t region, cpn::v1::RegionSeries* series) const;
    // Every region's series into `report`: ids and installed PFLOPS by region, in this order.
    void fillAll(const std::vector<std::string>& regionIds, const std::vector<double>& installedPflops,
        cpn::v1::CapacityReport* report) const;

private:
    struct Step {
        double weighted = 0; // PFLOPS * ms
        double ms = 0;
    };
    std::int64_t m_fromMs;
    std::int64_t m_stepMs;
    std::size_t m_points;
    std::vector<Step> m_steps; // [region * points + step]
};

} // namespace cpn::server
