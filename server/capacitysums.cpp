#include "capacitysums.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace cpn::server {

namespace {

constexpr double kMsPerHour = 3600.0 * 1000;
constexpr double kMsPerDay = 24 * kMsPerHour;

} // namespace

grpc::Status checkCapacityReportRequest(const cpn::v1::GetCapacityReportRequest& request)
{
    if (request.from_ms() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "from_ms must not be before 1970" };
    if (request.to_ms() <= request.from_ms())
        return { grpc::StatusCode::INVALID_ARGUMENT, "to_ms must be after from_ms" };
    const int points = request.series_points();
    if (points != 0 && (points < 2 || points > kMaxSeriesPoints))
        return { grpc::StatusCode::INVALID_ARGUMENT,
            "series_points must be 0 (the default, " + std::to_string(kDefaultSeriesPoints) + ") or 2 to "
                + std::to_string(kMaxSeriesPoints) + "; got " + std::to_string(points) };
    return grpc::Status::OK;
}

int seriesPoints(const cpn::v1::GetCapacityReportRequest& request)
{
    const int points = request.series_points();
    return points == 0 ? kDefaultSeriesPoints : std::clamp(points, 2, kMaxSeriesPoints);
}

void SiteCapacityAccumulator::add(const CapacitySample& sample)
{
    const double hours = double(std::max<std::int64_t>(0, sample.durationMs)) / kMsPerHour;
    const double u = std::clamp(sample.utilisation, 0.0, 1.0);
    if (m_samples == 0) {
        m_originMs = sample.timeMs;
        m_peak = u;
    }
    ++m_samples;
    m_hours += hours;
    m_utilisation += u * hours;
    m_peak = std::max(m_peak, u);
    for (std::size_t a = 0; a < kArchitectureCount; ++a) {
        const double ua = sample.architectures[a];
        if (!(ua >= 0)) // not installed (also NaN)
            continue;
        auto& arch = m_architectures[a];
        const double clamped = std::min(ua, 1.0);
        arch.weighted += clamped * hours;
        arch.hours += hours;
        arch.peak = std::max(arch.peak, clamped);
        arch.seen = true;
    }
    const double pue = sample.pue >= 1 ? sample.pue : 1.0;
    const double green = std::clamp(sample.greenShare, 0.0, 1.0);
    const double energy = std::max(0.0, sample.powerMw) * hours;
    m_energyMwh += energy;
    m_itEnergyMwh += energy / pue;
    m_greenMwh += energy * green;
    m_costCny += energy * 1000 * std::max(0.0, sample.priceCnyPerKwh);
    m_pueHours += pue * hours;
    m_greenHours += green * hours;
    const double x = double(sample.timeMs - m_originMs) / kMsPerDay;
    m_sx += hours * x;
    m_sy += hours * u;
    m_sxx += hours * x * x;
    m_sxy += hours * x * u;
    if (m_samples == 1 || sample.timeMs >= m_endMs) {
        m_endMs = sample.timeMs;
        m_end = u;
    }
}

void SiteCapacityAccumulator::fill(double gridFactorKgPerKwh, cpn::v1::SiteReport* report) const
{
    report->set_mean_utilisation(m_hours > 0 ? m_utilisation / m_hours : m_end);
    report->set_peak_utilisation(m_peak);
    for (std::size_t a = 1; a < kArchitectureCount; ++a) {
        const auto& arch = m_architectures[a];
        if (!arch.seen)
            continue;
        auto* out = report->add_architectures();
        out->set_architecture(cpn::v1::Architecture(a));
        out->set_mean_utilisation(arch.hours > 0 ? arch.weighted / arch.hours : 0);
        out->set_peak_utilisation(arch.peak);
    }
    report->set_energy_mwh(m_energyMwh);
    report->set_cost_cny(m_costCny);
    // A site that drew nothing (offline all along) still has the PUE and green share it reported.
    if (m_energyMwh > 0) {
        report->set_pue(m_itEnergyMwh > 0 ? std::max(1.0, m_energyMwh / m_itEnergyMwh) : 1.0);
        report->set_green_share(std::clamp(m_greenMwh / m_energyMwh, 0.0, 1.0));
    } else {
        report->set_pue(m_hours > 0 ? m_pueHours / m_hours : 1.0);
        report->set_green_share(m_hours > 0 ? m_greenHours / m_hours : 0.0);
    }
    // kg per kWh is t per MWh.
    report->set_carbon_t((m_energyMwh - m_greenMwh) * gridFactorKgPerKwh);
    report->set_grid_factor_kg_per_kwh(gridFactorKgPerKwh);
    const double denominator = m_hours * m_sxx - m_sx * m_sx;
    report->set_utilisation_growth_per_day(
        m_hours > 0 && denominator > 1e-12 * m_hours * m_hours ? (m_hours * m_sxy - m_sx * m_sy) / denominator : 0.0);
    report->set_end_utilisation(m_end);
}

RegionSeriesBuilder::RegionSeriesBuilder(std::int64_t fromMs, std::int64_t toMs, int points, std::size_t regions)
    : m_fromMs(fromMs)
    , m_stepMs(std::max<std::int64_t>(0, toMs - fromMs) / std::max(1, points) + 1)
    , m_points(std::size_t(std::max(1, points)))
    , m_steps(regions * m_points)
{ }

void RegionSeriesBuilder::add(std::size_t region, std::int64_t timeMs, std::int64_t durationMs, double usedPflops)
{
    if (timeMs < m_fromMs || durationMs <= 0)
        return;
    const auto step = std::size_t((timeMs - m_fromMs) / m_stepMs);
    if (step >= m_points || region * m_points >= m_steps.size())
        return;
    auto& s = m_steps[region * m_points + step];
    s.weighted += usedPflops * double(durationMs);
    s.ms += double(durationMs);
}

void RegionSeriesBuilder::fill(std::size_t region, cpn::v1::RegionSeries* series) const
{
    if (region * m_points >= m_steps.size())
        return;
    for (std::size_t i = 0; i < m_points; ++i) {
        const auto& s = m_steps[region * m_points + i];
        if (s.ms <= 0)
            continue;
        auto* point = series->add_used_pflops();
        point->set_time_ms(m_fromMs + std::int64_t(i) * m_stepMs);
        point->set_value(s.weighted / s.ms);
    }
}

void RegionSeriesBuilder::fillAll(const std::vector<std::string>& regionIds,
    const std::vector<double>& installedPflops, cpn::v1::CapacityReport* report) const
{
    for (std::size_t r = 0; r < regionIds.size(); ++r) {
        auto* series = report->add_regions();
        series->set_region_id(regionIds[r]);
        series->set_installed_pflops(r < installedPflops.size() ? installedPflops[r] : 0);
        fill(r, series);
    }
}

void fillReportSpan(const cpn::v1::GetCapacityReportRequest& request, std::int64_t coveredFromMs,
    std::int64_t coveredToMs, std::int64_t generatedMs, std::uint32_t samples, cpn::v1::CapacityReport* report)
{
    report->set_requested_from_ms(request.from_ms());
    report->set_requested_to_ms(request.to_ms());
    report->set_covered_from_ms(coveredFromMs);
    report->set_covered_to_ms(coveredToMs);
    report->set_generated_time_ms(generatedMs);
    report->set_samples(samples);
}

} // namespace cpn::server
