#include "basemap.h"

#include "mapviewport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFontMetricsF>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {

// One GeoJSON ring of [lon, lat] positions; invalid positions are skipped.
QPolygonF readRing(const QJsonArray& ring, const MapProjection& projection)
{
    QPolygonF out;
    out.reserve(ring.size() + 1);
    for (const QJsonValue& value : ring) {
        const QJsonArray position = value.toArray();
        if (position.size() < 2 || !position.at(0).isDouble() || !position.at(1).isDouble())
            continue;
        const double lon = position.at(0).toDouble();
        const double lat = position.at(1).toDouble();
        if (!std::isfinite(lon) || !std::isfinite(lat) || std::abs(lat) > 90 || std::abs(lon) > 180)
            continue;
        out << projection.project(lat, lon);
    }
    if (out.size() < 3)
        return {};
    if (out.first() != out.last())
        out << out.first();
    return out;
}

double ringArea(const QPolygonF& ring)
{
    double a = 0;
    for (qsizetype i = 1; i < ring.size(); ++i)
        a += ring[i - 1].x() * ring[i].y() - ring[i].x() * ring[i - 1].y();
    return a / 2;
}

QPointF ringCentroid(const QPolygonF& ring)
{
    double a = 0, cx = 0, cy = 0;
    for (qsizetype i = 1; i < ring.size(); ++i) {
        const double cross = ring[i - 1].x() * ring[i].y() - ring[i].x() * ring[i - 1].y();
        a += cross;
        cx += (ring[i - 1].x() + ring[i].x()) * cross;
        cy += (ring[i - 1].y() + ring[i].y()) * cross;
    }
    if (std::abs(a) < 1e-9)
        return ring.boundingRect().center();
    return { cx / (3 * a), cy / (3 * a) };
}

// A point inside the region for its name: the centroid of its largest ring, or, when that
// falls outside (crescent shapes, holes), the middle of the widest inside span of a few
// horizontal lines across the region.
QPointF labelPointFor(const QPainterPath& path, const QPolygonF& largestRing)
{
    const QPointF c = ringCentroid(largestRing);
    if (path.contains(c))
        return c;
    const QList<QPolygonF> rings = path.toSubpathPolygons();
    const QRectF box = largestRing.boundingRect();
    QPointF best = c;
    double widest = -1;
    for (double y : { c.y(), box.top() + box.height() * 0.4, box.top() + box.height() * 0.6,
             box.top() + box.height() * 0.3, box.top() + box.height() * 0.7 }) {
        QList<double> xs; // crossings of all rings: inside spans alternate, as with odd-even fill
        for (const QPolygonF& ring : rings) {
            for (qsizetype i = 1; i < ring.size(); ++i) {
                const QPointF a = ring[i - 1], b = ring[i];
                if ((a.y() <= y) != (b.y() <= y))
                    xs << a.x() + (y - a.y()) / (b.y() - a.y()) * (b.x() - a.x());
            }
        }
        std::sort(xs.begin(), xs.end());
        for (qsizetype i = 1; i < xs.size(); i += 2) {
            if (xs[i] - xs[i - 1] > widest) {
                widest = xs[i] - xs[i - 1];
                best = QPointF((xs[i] + xs[i - 1]) / 2, y);
            }
        }
    }
    return best;
}

} // namespace

std::optional<Basemap> Basemap::load(const QString& path, QString* error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot open the basemap %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    return fromJson(file.readAll(), error, path);
}

std::optional<Basemap> Basemap::fromJson(const QByteArray& json, QString* error, const QString& sourceName)
{
    const QString source = sourceName.isEmpty() ? tr("(data)") : sourceName;
    auto fail = [error](const QString& message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(tr("The basemap %1 is not valid JSON: %2 at byte %3")
                        .arg(source, parseError.errorString())
                        .arg(parseError.offset));
    const QJsonObject root = document.object();
    if (root.value(QLatin1String("type")).toString() != QLatin1String("FeatureCollection")
        || !root.value(QLatin1String("features")).isArray())
        return fail(tr("The basemap %1 is not a GeoJSON FeatureCollection").arg(source));

    Basemap map;
    for (const QJsonValue& featureValue : root.value(QLatin1String("features")).toArray()) {
        const QJsonObject feature = featureValue.toObject();
        const QJsonObject geometry = feature.value(QLatin1String("geometry")).toObject();
        const QString type = geometry.value(QLatin1String("type")).toString();
        QJsonArray polygons;
        if (type == QLatin1String("Polygon"))
            polygons.append(geometry.value(QLatin1String("coordinates")));
        else if (type == QLatin1String("MultiPolygon"))
            polygons = geometry.value(QLatin1String("coordinates")).toArray();
        else
            continue;

        BasemapRegion region;
        region.path.setFillRule(Qt::OddEvenFill);
        QPolygonF largest;
        double largestArea = -1;
        for (const QJsonValue& polygon : polygons) {
            const QJsonArray rings = polygon.toArray();
            for (qsizetype r = 0; r < rings.size(); ++r) {
                const QPolygonF ring = readRing(rings.at(r).toArray(), map.m_projection);
                if (ring.isEmpty()) {
                    if (r == 0)
                        break; // no exterior, so its holes mean nothing
                    continue;
                }
                region.path.addPolygon(ring);
                region.path.closeSubpath();
                map.m_pointCount += int(ring.size());
                const double area = std::abs(ringArea(ring));
                if (r == 0 && area > largestArea) {
                    largestArea = area;
                    largest = ring;
                }
            }
        }
        if (region.path.isEmpty())
            continue;

        const QJsonObject properties = feature.value(QLatin1String("properties")).toObject();
        region.name = properties.value(QLatin1String("name")).toString();
        region.nameEn = properties.value(QLatin1String("name_en")).toString();
        region.inset = properties.value(QLatin1String("kind")).toString() == QLatin1String("inset");
        region.bounds = region.path.boundingRect();
        const QJsonArray cp = properties.value(QLatin1String("cp")).toArray();
        if (cp.size() >= 2 && cp.at(0).isDouble() && cp.at(1).isDouble())
            region.labelPoint = map.m_projection.project(cp.at(1).toDouble(), cp.at(0).toDouble());
        else
            region.labelPoint = labelPointFor(region.path, largest);
        map.m_bounds = map.m_bounds.isNull() ? region.bounds : map.m_bounds.united(region.bounds);
        map.m_regions.append(std::move(region));
    }
    if (map.m_regions.isEmpty())
        return fail(tr("The basemap %1 has no Polygon or MultiPolygon features").arg(source));
    return map;
}

Basemap Basemap::detached() const
{
    Basemap copy = *this;
    for (BasemapRegion& region : copy.m_regions) {
        QPainterPath own;
        own.setFillRule(region.path.fillRule());
        own.addPath(region.path);
        region.path = own;
    }
    return copy;
}

void Basemap::paint(QPainter& painter, const MapViewport& viewport, const MapTheme& theme, bool names) const
{
    const QRect screen(QPoint(0, 0), viewport.size());
    painter.fillRect(screen, QColor::fromRgba(theme.background));
    painter.setRenderHint(QPainter::Antialiasing, true);

    // Graticule every 5 degrees: meridians are straight, parallels arcs.
    QPainterPath graticule;
    for (int lon = 60; lon <= 150; lon += 5) {
        graticule.moveTo(viewport.toScreen(m_projection.project(0, lon)));
        graticule.lineTo(viewport.toScreen(m_projection.project(70, lon)));
    }
    for (int lat = 0; lat <= 70; lat += 5) {
        graticule.moveTo(viewport.toScreen(m_projection.project(lat, 60)));
        for (int lon = 61; lon <= 150; ++lon)
            graticule.lineTo(viewport.toScreen(m_projection.project(lat, lon)));
    }
    painter.setPen(QPen(QColor::fromRgba(theme.graticule), 1));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(graticule);
    if (m_regions.isEmpty())
        return;

    const QRectF visible = viewport.visiblePlaneRect();
    const double minSize = 2 / viewport.scale(); // skip what would be under 2 px
    QList<const BasemapRegion*> shown;
    QList<const BasemapRegion*> insets;
    for (const BasemapRegion& region : m_regions) {
        if (!region.bounds.intersects(visible) || std::max(region.bounds.width(), region.bounds.height()) < minSize)
            continue;
        (region.inset ? insets : shown) << &region;
    }

    painter.save();
    // A glow along the coast and the national border: the region outlines stroked a little
    // off-centre each way, then covered inside by the fill. 1 px cosmetic pens only: the
    // raster engine strokes wider ones through a path tens of times slower.
    QPen glow(QColor::fromRgba(theme.coastGlow), 1);
    glow.setCosmetic(true);
    painter.setPen(glow);
    painter.setBrush(Qt::NoBrush);
    for (const QPointF offset : { QPointF(-1.5, 0), QPointF(1.5, 0), QPointF(0, -1.5), QPointF(0, 1.5) }) {
        painter.setTransform(viewport.transform() * QTransform::fromTranslate(offset.x(), offset.y()));
        for (const BasemapRegion* region : shown)
            painter.drawPath(region->path);
    }
    painter.setTransform(viewport.transform());
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgba(theme.land));
    for (const BasemapRegion* region : shown)
        painter.drawPath(region->path);
    QPen border(QColor::fromRgba(theme.border), 1);
    border.setCosmetic(true);
    painter.setPen(border);
    painter.setBrush(Qt::NoBrush);
    for (const BasemapRegion* region : shown)
        painter.drawPath(region->path);
    // The inset: its frame and islands in one quiet colour.
    QPen insetPen(QColor::fromRgba(theme.insetFrame), 0.8);
    insetPen.setCosmetic(true);
    painter.setPen(insetPen);
    painter.setBrush(QColor::fromRgba(theme.insetFrame));
    for (const BasemapRegion* region : insets)
        painter.drawPath(region->path);
    painter.restore();
    if (!names)
        return;

    // Region names, only where the region is wide enough on screen to hold them.
    const bool chinese = QLocale().language() == QLocale::Chinese;
    QFont font = painter.font();
    font.setPixelSize(11);
    painter.setFont(font);
    painter.setPen(QColor::fromRgba(theme.regionLabel));
    const QFontMetricsF metrics(font);
    for (const BasemapRegion* region : shown + insets) {
        const QString& text = (chinese || region->nameEn.isEmpty()) ? region->name : region->nameEn;
        if (text.isEmpty())
            continue;
        const double width = metrics.horizontalAdvance(text);
        const QSizeF onScreen = region->bounds.size() * viewport.scale();
        const QPointF at = viewport.toScreen(region->labelPoint);
        if (region->inset) {
            // An inset is a frame: its name goes on as many lines as the frame needs.
            const double lineWidth = onScreen.width() * 0.85;
            const QRectF box(at.x() - lineWidth / 2, at.y() - metrics.height() / 2, lineWidth, 3 * metrics.height());
            if (lineWidth >= 40)
                painter.drawText(box, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, text);
            continue;
        }
        if (onScreen.width() < width * 1.6 || onScreen.height() < metrics.height() * 2.5)
            continue;
        painter.drawText(QRectF(at.x() - width / 2, at.y() - metrics.height() / 2, width + 1, metrics.height()),
            Qt::AlignCenter, text);
    }
}

} // namespace cpn
