#pragma once
// Great-circle distances and offsets on the WGS84 sphere approximation.

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cpn::mock {

inline constexpr double kEarthRadiusKm = 6371.0;

inline double toRadians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

// Haversine distance, km.
inline double greatCircleKm(double lat1, double lon1, double lat2, double lon2)
{
    const double dLat = toRadians(lat2 - lat1);
    const double dLon = toRadians(lon2 - lon1);
    const double a = std::sin(dLat / 2) * std::sin(dLat / 2)
        + std::cos(toRadians(lat1)) * std::cos(toRadians(lat2)) * std::sin(dLon / 2) * std::sin(dLon / 2);
    return 2 * kEarthRadiusKm * std::asin(std::min(1.0, std::sqrt(a)));
}

struct GeoPoint {
    double latitude = 0;
    double longitude = 0;
};

// The point distanceKm away along bearingRadians (0 = north); flat-earth, fine for < 300 km.
inline GeoPoint offsetKm(GeoPoint from, double bearingRadians, double distanceKm)
{
    const double dLat = distanceKm * std::cos(bearingRadians) / 111.32;
    const double dLon = distanceKm * std::sin(bearingRadians) / (111.32 * std::cos(toRadians(from.latitude)));
    return { from.latitude + dLat, from.longitude + dLon };
}

} // namespace cpn::mock
