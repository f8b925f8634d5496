#pragma once
// What one accelerator card of each architecture offers and draws (the figures of rules/, which
// the console's analysis shares), and the names the API's history uses for them: shared by every
// engine, so that the same cards count the same.

#include "gridfactors.h"

#include "cpn/v1/types.pb.h"

#include <cstdint>

namespace cpn::server {

// Peak FP16 PFLOPS of one card (CPU pools: one server).
double pflopsPerCard(cpn::v1::Architecture architecture);
// Typical IT power of one card with its share of the server, kW.
double kilowattsPerCard(cpn::v1::Architecture architecture);
// What a task's cards cost and emit an hour at a site, at the site's PUE, electricity price and
// green share (green power counts as zero carbon; the rest at the national grid factor).
struct HourlyFootprint {
    double costCnyPerHour = 0;
    double carbonKgPerHour = 0;
};
HourlyFootprint hourlyFootprint(
    cpn::v1::Architecture architecture, std::uint32_t cards, double pue, double priceCnyPerKwh, double greenShare);
// MEE's national average grid emission factor for 2022, kg CO2 per kWh (DOMAIN.md).
inline constexpr double kGridCarbonKgPerKwh = rules::kNationalGridKgPerKwh;

// The architecture's name in QueryHistory metrics ("utilisation:nvidia_gpu"); "" for none.
const char* architectureMetricName(cpn::v1::Architecture architecture);

} // namespace cpn::server
