#pragma once
// The shape of a day on the network: demand, sunshine, temperature and power tariffs by local hour.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>

namespace cpn::mock {

// Hour of day in China (UTC+8), 0..24, for a Unix time in ms.
inline double localHour(std::int64_t unixMs)
{
    constexpr std::int64_t kDayMs = 86400000;
    const std::int64_t local = ((unixMs + 8 * 3600000) % kDayMs + kDayMs) % kDayMs;
    return double(local) / 3600000.0;
}

// 1 at `centre`, falling smoothly to 0 at `halfWidth` hours either side (wrapping midnight).
inline double hourBump(double hour, double centre, double halfWidth)
{
    double d = std::fabs(hour - centre);
    d = std::min(d, 24 - d);
    return d >= halfWidth ? 0.0 : 0.5 * (1 + std::cos(std::numbers::pi * d / halfWidth));
}

// Interactive demand, ratio 0..1: the east peaks in business hours and again in the evening;
// the west, serving latency-tolerant work, is flatter.
inline double dailyDemand(double hour, bool western)
{
    const double east = std::clamp(0.3 + 0.55 * hourBump(hour, 13, 6.5) + 0.35 * hourBump(hour, 21, 2.5), 0.0, 1.0);
    return western ? 0.5 + 0.4 * east : east;
}

// Sunshine, ratio 0..1 (solar share of green power).
inline double sunshine(double hour)
{
    return hourBump(hour, 13, 6);
}

// Outside heat, ratio 0..1 (cooling load, raises PUE in the afternoon).
inline double warmth(double hour)
{
    return hourBump(hour, 15, 7);
}

// Time-of-use tariff multiplier: peak 08-11 and 18-23, valley 23-07.
inline double tariffFactor(double hour)
{
    if (hour >= 23 || hour < 7)
        return 0.88;
    if ((hour >= 8 && hour < 11) || (hour >= 18 && hour < 23))
        return 1.1;
    return 1.0;
}

} // namespace cpn::mock
