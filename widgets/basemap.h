#pragma once
// Province outlines from a GeoJSON FeatureCollection, projected once into plane paths.

#include "mapprojection.h"
#include "maptheme.h"

#include <QCoreApplication>
#include <QList>
#include <QPainterPath>
#include <QString>

#include <optional>

class QPainter;

namespace cpn {

class MapViewport;

struct BasemapRegion {
    QString name; // as in the file (Chinese for the shipped map)
    QString nameEn;
    QPainterPath path; // plane metres; exterior rings and holes, odd-even fill
    QRectF bounds;
    QPointF labelPoint; // plane metres, inside the region
    bool inset = false; // drawn as a framed inset (the South China Sea islands), not as land
};

class Basemap {
    Q_DECLARE_TR_FUNCTIONS(Basemap)
public:
    // Reads a GeoJSON FeatureCollection of Polygon / MultiPolygon features (other geometry is
    // skipped). Returns nothing and sets *error when the file is missing, is not GeoJSON, or
    // has no polygon features.
    static std::optional<Basemap> load(const QString& path, QString* error = nullptr);
    static std::optional<Basemap> fromJson(
        const QByteArray& json, QString* error = nullptr, const QString& sourceName = QString());

    const QList<BasemapRegion>& regions() const { return m_regions; }
    bool isEmpty() const { return m_regions.isEmpty(); }
    QRectF bounds() const { return m_bounds; }
    int pointCount() const { return m_pointCount; }

    // A copy whose outlines share nothing with this one's: drawing a path builds a cache inside
    // it, so two threads must not draw the same (shared) paths at once.
    Basemap detached() const;
    // Background, graticule, regions and their names, for the cached basemap image.
    void paint(QPainter& painter, const MapViewport& viewport, const MapTheme& theme, bool names = true) const;

private:
    QList<BasemapRegion> m_regions;
    QRectF m_bounds;
    int m_pointCount = 0;
    MapProjection m_projection;
};

} // namespace cpn
