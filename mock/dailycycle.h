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

// Day of the week in China, 0 = Monday .. 6 = Sunday.
inline int localWeekday(std::int64_t unixMs)
{
    constexpr std::int64_t kDayMs = 86400000;
    const std::int64_t local = unixMs + 8 * 3600000;
    const std::int64_t day = local >= 0 ? local / kDayMs : (local - kDayMs + 1) / kDayMs;
    return int(((day + 3) % 7 + 7) % 7); // 1970-01-01 was a Thursday
}

inline bool isWorkday(std::int64_t unixMs)
{
    return localWeekday(unixMs) < 5;
}

// Interactive demand, ratio 0..1: the east peaks in business hours and again in the evening;
// the west, serving latency-tolerant work, is flatter. At weekends the business-hours peak is
// much lower while the evening (consumers) holds up: the weekly cycle.
inline double dailyDemand(double hour, bool western, bool workday = true)
{
    const double business = workday ? 0.55 : 0.25;
    const double east
        = std::clamp(0.3 + business * hourBump(hour, 13, 6.5) + 0.35 * hourBump(hour, 21, 2.5), 0.0, 1.0);
    return western ? 0.5 + 0.4 * east : east;
}

// Demand at a moment, with its day of the week.
inline double demandAt(std::int64_t unixMs, bool western)
{
    return dailyDemand(localHour(unixMs), western, isWorkday(unixMs));
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

// Wind, ratio 0..1: in the north-west it blows hardest at night.
inline double nightWind(double hour)
{
    return hourBump(hour, 2, 7);
}

// Time-of-use tariff multiplier on the flat price (large-industry tariffs after the 2021 NDRC
// reform, peak to valley about 3:1): peak 08-11 and 18-23, valley 23-07, flat otherwise; the
// day's mean is close to 1.
inline double tariffFactor(double hour)
{
    if (hour >= 23 || hour < 7)
        return 0.5;
    if ((hour >= 8 && hour < 11) || (hour >= 18 && hour < 23))
        return 1.5;
    return 1.0;
}

} // namespace cpn::mock
