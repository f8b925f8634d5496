#pragma once
// Lambert conformal conic projection for China on the WGS84 ellipsoid (standard parallels 25N
// and 47N, central meridian 105E, origin 36N): geographic degrees <-> plane metres, y north.

#include <QPointF>
#include <QRectF>

namespace cpn {

struct GeoPoint {
    double latitude = 0; // degrees north
    double longitude = 0; // degrees east
};

class MapProjection {
public:
    MapProjection(double standardParallel1 = 25, double standardParallel2 = 47, double centralMeridian = 105,
        double latitudeOfOrigin = 36);

    // Plane coordinates in metres: x east, y north, (0, 0) at the origin.
    QPointF project(double latitude, double longitude) const;
    GeoPoint inverse(QPointF plane) const;

    // Plane bounds of a latitude/longitude box (edges sampled, parallels project to arcs).
    QRectF projectBounds(double south, double west, double north, double east) const;
    // Mainland China, Hainan, Taiwan and the South China Sea islands inset, with a little sea.
    QRectF chinaBounds() const;

private:
    double m_lambda0 = 0; // radians
    double m_n = 0;
    double m_aF = 0; // semi-major axis times F
    double m_rho0 = 0;
};

} // namespace cpn
