// The map's geometry: the Lambert projection and its inverse, the viewport, and the basemap
// (loading, errors, the built-in map with the South China Sea islands inset).

#include "basemap.h"
#include "mapprojection.h"
#include "mapviewport.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace cpn;

namespace {

// A 10 x 10 degree square around (35N, 100E) with a 2 x 2 degree hole in the middle, and a
// MultiPolygon of two islands; the Point feature must be skipped.
const char* const kTinyGeoJson = R"({"type":"FeatureCollection","features":[
 {"type":"Feature","properties":{"name":"方块","name_en":"Square"},"geometry":{"type":"Polygon","coordinates":[
   [[95,30],[105,30],[105,40],[95,40],[95,30]],
   [[99,34],[99,36],[101,36],[101,34],[99,34]]]}},
 {"type":"Feature","properties":{"name":"群岛","name_en":"Islands"},"geometry":{"type":"MultiPolygon","coordinates":[
   [[[120,20],[121,20],[121,21],[120,21],[120,20]]],
   [[[123,20],[124,20],[124,21],[123,21],[123,20]]]]}},
 {"type":"Feature","properties":{"name":"点"},"geometry":{"type":"Point","coordinates":[110,30]}}]})";

QString writeFile(const QTemporaryDir& dir, const QString& name, const QByteArray& content)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

} // namespace

class TestMapBasemap : public QObject {
    Q_OBJECT

private slots:
    void projectionRoundTrip_data();
    void projectionRoundTrip();
    void projectionOrientation();
    void viewportZoomKeepsAnchor();
    void viewportFitContainsRect();

    void basemapLoadErrors_data();
    void basemapLoadErrors();
    void basemapLoadsPolygonsWithHoles();
    void builtInBasemapHasChina();
    void builtInBasemapHasTheSouthChinaSeaInset();
};

void TestMapBasemap::projectionRoundTrip_data()
{
    QTest::addColumn<double>("lat");
    QTest::addColumn<double>("lon");
    QTest::newRow("south-west") << 18.0 << 73.0;
    QTest::newRow("north-east") << 54.0 << 135.0;
    QTest::newRow("south-east") << 18.0 << 135.0;
    QTest::newRow("north-west") << 54.0 << 73.0;
    QTest::newRow("origin") << 36.0 << 105.0;
    QTest::newRow("Beijing") << 39.90 << 116.41;
}

void TestMapBasemap::projectionRoundTrip()
{
    QFETCH(double, lat);
    QFETCH(double, lon);
    const MapProjection projection;
    const GeoPoint back = projection.inverse(projection.project(lat, lon));
    QVERIFY2(std::abs(back.latitude - lat) < 1e-6, qPrintable(QString::number(back.latitude, 'f', 9)));
    QVERIFY2(std::abs(back.longitude - lon) < 1e-6, qPrintable(QString::number(back.longitude, 'f', 9)));
}

void TestMapBasemap::projectionOrientation()
{
    const MapProjection projection;
    const QPointF origin = projection.project(36, 105);
    QVERIFY(std::abs(origin.x()) < 1e-6 && std::abs(origin.y()) < 1e-6);
    // North is up, east is right, and distances are in metres: Beijing-Shanghai is ~1070 km.
    QVERIFY(projection.project(45, 105).y() > projection.project(30, 105).y());
    const QPointF beijing = projection.project(39.90, 116.41);
    const QPointF shanghai = projection.project(31.23, 121.47);
    QVERIFY(beijing.x() > projection.project(30.57, 104.07).x());
    const double km = std::hypot(beijing.x() - shanghai.x(), beijing.y() - shanghai.y()) / 1000;
    QVERIFY2(km > 1030 && km < 1110, qPrintable(QString::number(km)));
}

void TestMapBasemap::viewportZoomKeepsAnchor()
{
    MapViewport viewport;
    viewport.setSize(QSize(800, 600));
    viewport.setCenter(QPointF(100000, 200000));
    viewport.setScale(2e-4);
    const QPointF anchor(613, 147);
    const QPointF plane = viewport.toPlane(anchor);
    viewport.zoomAbout(anchor, 3.7);
    QCOMPARE(viewport.scale(), 2e-4 * 3.7);
    const QPointF back = viewport.toScreen(plane);
    QVERIFY(std::abs(back.x() - anchor.x()) < 1e-6 && std::abs(back.y() - anchor.y()) < 1e-6);
    // And the painter transform agrees with toScreen.
    const QPointF viaTransform = viewport.transform().map(plane);
    QVERIFY(std::abs(viaTransform.x() - anchor.x()) < 1e-6 && std::abs(viaTransform.y() - anchor.y()) < 1e-6);
}

void TestMapBasemap::viewportFitContainsRect()
{
    MapViewport viewport;
    viewport.setSize(QSize(800, 600));
    const QRectF china = MapProjection().chinaBounds();
    viewport.fitTo(china, 10);
    const QRectF visible = viewport.visiblePlaneRect();
    QVERIFY(visible.contains(china));
    // Tight in one dimension.
    const QPointF topLeft = viewport.toScreen(QPointF(china.left(), china.bottom()));
    const QPointF bottomRight = viewport.toScreen(QPointF(china.right(), china.top()));
    QVERIFY(std::abs(topLeft.x() - 10) < 1e-6 || std::abs(topLeft.y() - 10) < 1e-6);
    QVERIFY(bottomRight.x() <= 790 + 1e-6 && bottomRight.y() <= 590 + 1e-6);
}

void TestMapBasemap::basemapLoadErrors_data()
{
    QTest::addColumn<QByteArray>("content"); // empty: the file is not created
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing file") << QByteArray() << "Cannot open";
    QTest::newRow("not JSON") << QByteArray("<svg>not json</svg>") << "not valid JSON";
    QTest::newRow("not a FeatureCollection")
        << QByteArray(R"({"type":"Feature"})") << "not a GeoJSON FeatureCollection";
    QTest::newRow("no polygons") << QByteArray(
        R"({"type":"FeatureCollection","features":[{"type":"Feature","geometry":)"
        R"({"type":"Point","coordinates":[110,30]}}]})")
                                 << "no Polygon or MultiPolygon";
}

void TestMapBasemap::basemapLoadErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = content.isEmpty() ? dir.filePath("absent.geojson") : writeFile(dir, "map.geojson", content);
    QVERIFY(!path.isEmpty());
    QString error;
    const std::optional<Basemap> map = Basemap::load(path, &error);
    QVERIFY(!map);
    QVERIFY2(error.contains(expected), qPrintable(error));
    QVERIFY2(error.contains(path), qPrintable(error)); // the user must see which file
}

void TestMapBasemap::basemapLoadsPolygonsWithHoles()
{
    QTemporaryDir dir;
    const QString path = writeFile(dir, "tiny.geojson", kTinyGeoJson);
    QString error;
    const std::optional<Basemap> map = Basemap::load(path, &error);
    QVERIFY2(map, qPrintable(error));
    QCOMPARE(map->regions().size(), 2);
    const BasemapRegion& square = map->regions().at(0);
    QCOMPARE(square.name, QStringLiteral("方块"));
    QCOMPARE(square.nameEn, QStringLiteral("Square"));
    const MapProjection projection;
    QVERIFY(square.path.contains(projection.project(31, 96)));
    QVERIFY(!square.path.contains(projection.project(35, 100))); // in the hole
    QVERIFY(!square.path.contains(projection.project(45, 100)));
    QVERIFY(square.path.contains(square.labelPoint));
    const BasemapRegion& islands = map->regions().at(1);
    QVERIFY(islands.path.contains(projection.project(20.5, 120.5)));
    QVERIFY(islands.path.contains(projection.project(20.5, 123.5)));
    QVERIFY(!islands.path.contains(projection.project(20.5, 122)));
}

void TestMapBasemap::builtInBasemapHasChina()
{
    QString error;
    const std::optional<Basemap> map = Basemap::load(":/basemap/china.geojson", &error);
    QVERIFY2(map, qPrintable(error));
    QVERIFY(map->regions().size() >= 34);
    const MapProjection projection;
    auto contains = [&](const QString& nameEn, double lat, double lon) {
        for (const BasemapRegion& region : map->regions()) {
            if (region.nameEn == nameEn)
                return region.path.contains(projection.project(lat, lon));
        }
        return false;
    };
    QVERIFY(contains("Beijing", 39.90, 116.41));
    QVERIFY(contains("Sichuan", 30.57, 104.07));
    QVERIFY(contains("Guizhou", 26.65, 106.63));
    QVERIFY(!contains("Sichuan", 39.90, 116.41));
}

void TestMapBasemap::builtInBasemapHasTheSouthChinaSeaInset()
{
    const std::optional<Basemap> map = Basemap::load(":/basemap/china.geojson");
    QVERIFY(map);
    const BasemapRegion* inset = nullptr;
    for (const BasemapRegion& region : map->regions())
        if (region.name == QStringLiteral("南海诸岛"))
            inset = &region;
    QVERIFY(inset);
    QVERIFY(inset->inset);
    QCOMPARE(inset->nameEn, QStringLiteral("South China Sea Islands"));
    // Drawn upright, as printed maps of China show it: its frame is a plane rectangle ...
    const QRectF box = inset->bounds;
    QVERIFY(box.height() > box.width());
    const MapProjection projection;
    QVERIFY(projection.chinaBounds().contains(box)); // ... that "fit China" shows
    // ... east of Taiwan, clear of every province.
    for (const BasemapRegion& region : map->regions())
        if (&region != inset)
            QVERIFY2(!region.path.intersects(box), qPrintable(region.name));
    QVERIFY(inset->path.contains(inset->labelPoint) || box.contains(inset->labelPoint));
}

QTEST_MAIN(TestMapBasemap)
#include "tst_mapbasemap.moc"
