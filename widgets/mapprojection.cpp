#include "mapprojection.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace cpn {

namespace {

constexpr double kSemiMajorAxis = 6378137.0; // WGS84
constexpr double kFlattening = 1 / 298.257223563;
const double kE = std::sqrt(kFlattening * (2 - kFlattening)); // first eccentricity
constexpr double kDeg = std::numbers::pi / 180;

// Snyder, "Map Projections: A Working Manual" (1987), equations 14-15 and 15-9.
double mFactor(double phi)
{
    const double s = std::sin(phi);
    return std::cos(phi) / std::sqrt(1 - kE * kE * s * s);
}

double tFactor(double phi)
{
    const double s = std::sin(phi);
    return std::tan(std::numbers::pi / 4 - phi / 2) / std::pow((1 - kE * s) / (1 + kE * s), kE / 2);
}

} // namespace

MapProjection::MapProjection(
    double standardParallel1, double standardParallel2, double centralMeridian, double latitudeOfOrigin)
    : m_lambda0(centralMeridian * kDeg)
{
    const double phi1 = standardParallel1 * kDeg;
    const double phi2 = standardParallel2 * kDeg;
    const double m1 = mFactor(phi1);
    const double t1 = tFactor(phi1);
    if (std::abs(phi1 - phi2) < 1e-12)
        m_n = std::sin(phi1);
    else
        m_n = (std::log(m1) - std::log(mFactor(phi2))) / (std::log(t1) - std::log(tFactor(phi2)));
    m_aF = kSemiMajorAxis * m1 / (m_n * std::pow(t1, m_n));
    m_rho0 = m_aF * std::pow(tFactor(latitudeOfOrigin * kDeg), m_n);
}

QPointF MapProjection::project(double latitude, double longitude) const
{
    const double phi = std::clamp(latitude, -89.999999, 89.999999) * kDeg;
    const double dLambda = std::remainder(longitude * kDeg - m_lambda0, 2 * std::numbers::pi);
    const double rho = m_aF * std::pow(tFactor(phi), m_n);
    const double theta = m_n * dLambda;
    return { rho * std::sin(theta), m_rho0 - rho * std::cos(theta) };
}

GeoPoint MapProjection::inverse(QPointF plane) const
{
    const double sign = m_n < 0 ? -1 : 1;
    const double dy = m_rho0 - plane.y();
    const double rho = sign * std::hypot(plane.x(), dy);
    const double theta = std::atan2(sign * plane.x(), sign * dy);
    const double t = std::pow(rho / m_aF, 1 / m_n);
    double phi = std::numbers::pi / 2 - 2 * std::atan(t);
    for (int i = 0; i < 15; ++i) { // converges to 1e-12 in 5-6 steps at these latitudes
        const double s = std::sin(phi);
        const double next = std::numbers::pi / 2 - 2 * std::atan(t * std::pow((1 - kE * s) / (1 + kE * s), kE / 2));
        const bool done = std::abs(next - phi) < 1e-13;
        phi = next;
        if (done)
            break;
    }
    double lambda = theta / m_n + m_lambda0;
    lambda = std::remainder(lambda, 2 * std::numbers::pi);
    return { phi / kDeg, lambda / kDeg };
}

QRectF MapProjection::projectBounds(double south, double west, double north, double east) const
{
    constexpr int kSteps = 32;
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    auto add = [&](double lat, double lon) {
        const QPointF p = project(lat, lon);
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    };
    for (int i = 0; i <= kSteps; ++i) {
        const double lon = west + (east - west) * i / kSteps;
        const double lat = south + (north - south) * i / kSteps;
        add(south, lon);
        add(north, lon);
        add(lat, west);
        add(lat, east);
    }
    return QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
}

QRectF MapProjection::chinaBounds() const
{
    // Extreme points of the land: Mohe, the Heixiazi island, the Pamirs, the Altai, southern
    // Yunnan, Hainan and Taiwan, and the corners of the South China Sea islands inset of the
    // built-in basemap. Parallels are arcs here, so a lat/lon box would add much sea.
    static constexpr GeoPoint kExtremes[]
        = { { 53.56, 122.3 }, { 48.3, 134.8 }, { 39.4, 73.5 }, { 49.2, 87.3 }, { 21.1, 101.1 }, { 18.15, 109.5 },
              { 21.9, 120.8 }, { 41.0, 73.6 }, { 45.2, 80.2 }, { 15.85, 126.9 }, { 22.64, 128.62 } };
    double minX = 1e300, minY = 1e300, maxX = -1e300, maxY = -1e300;
    for (const GeoPoint& g : kExtremes) {
        const QPointF p = project(g.latitude, g.longitude);
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    constexpr double kMargin = 60000; // metres
    return QRectF(QPointF(minX - kMargin, minY - kMargin), QPointF(maxX + kMargin, maxY + kMargin));
}

} // namespace cpn
