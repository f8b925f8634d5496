#pragma once
// Where the map looks, and how it gets there: fit China, zoom about a point within limits, pan,
// and animated flights to a rectangle, a site or a level of the hierarchy (unfolding what hides
// the site). It moves the scene's viewport and unfolded path; it never paints.

#include "mapviewport.h"

#include <QObject>
#include <QPointF>
#include <QRectF>

class QVariantAnimation;
class QWidget;

namespace cpn {

class MapScene;

class MapNavigator : public QObject {
    Q_OBJECT
public:
    static constexpr double kMinZoom = 0.5; // relative to China fitting the canvas
    static constexpr double kMaxZoom = 200;

    // canvas: whose size the scene's viewport follows; flights only animate while it is shown.
    MapNavigator(MapScene& scene, QWidget* canvas);

    // Flying to a site or level animates unless switched off (tests, benchmarks).
    void setAnimated(bool animated) { m_animated = animated; }
    bool isFlying() const;
    // The canvas was resized: the view keeps fitting China until the user moved it.
    void resize();

    void fitChina();
    // Fits a site and what it holds.
    void fitSite(int site);
    // Unfolds every site above `site`, so that it is drawn as itself.
    void revealSite(int site);
    // Flies to a site, close enough for its tier to show.
    void flyToSite(int site);
    // Unfolds a site and flies to what it holds; false (and nothing done) when it holds nothing.
    bool unfoldSite(int site);
    // Back up the unfolded path: 0 is the whole country (folds everything and fits China).
    void goToLevel(int depth);
    // Scales by factor (clamped to the zoom limits) keeping the point under position fixed.
    void zoomAbout(QPointF position, double factor);
    void panBy(QPointF screenDelta);

signals:
    // interactive: the view is moving (zoom, pan, flight) rather than settled.
    void viewChanged(bool interactive);
    void unfoldedPathChanged(const QStringList& siteIds);

private:
    void setUnfoldedPath(const QStringList& path);
    // Animates (or jumps) to show planeRect, zoomed to at most maxZoom.
    void flyTo(const QRectF& planeRect, double maxZoom);
    void flyTo(QPointF planeCenter, double scale);
    void onFlightStep(const QVariant& value);

    MapScene& m_scene;
    QWidget* m_canvas;
    QVariantAnimation* m_flight;
    MapViewport m_flightFrom, m_flightTo;
    bool m_animated = true;
    bool m_userMovedView = false; // until then, the view keeps fitting China on resize
};

} // namespace cpn
