#include "mapnavigator.h"

#include "mapscene.h"
#include "networkstate.h"

#include <QVariantAnimation>
#include <QWidget>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {

constexpr int kFlightMs = 450;
constexpr double kFlightMarginPx = 40;
constexpr double kUnfoldMaxZoom = 12;

} // namespace

MapNavigator::MapNavigator(MapScene& scene, QWidget* canvas)
    : QObject(canvas)
    , m_scene(scene)
    , m_canvas(canvas)
    , m_flight(new QVariantAnimation(this))
{
    m_flight->setDuration(kFlightMs);
    m_flight->setEasingCurve(QEasingCurve::InOutCubic);
    m_flight->setStartValue(0.0);
    m_flight->setEndValue(1.0);
    connect(m_flight, &QVariantAnimation::valueChanged, this, &MapNavigator::onFlightStep);
    connect(m_flight, &QVariantAnimation::finished, this, [this] {
        m_scene.viewport().setCenter(m_flightTo.center());
        m_scene.viewport().setScale(m_flightTo.scale());
        emit viewChanged(false);
    });
}

bool MapNavigator::isFlying() const
{
    return m_flight->state() == QAbstractAnimation::Running;
}

void MapNavigator::onFlightStep(const QVariant& value)
{
    if (!isFlying())
        return;
    const double t = value.toDouble();
    const double from = m_flightFrom.scale(), to = m_flightTo.scale();
    // Scale moves geometrically, the centre so that the motion looks straight on screen.
    const double scale = from * std::pow(to / from, t);
    const double w = from == to ? t : (1 / from - 1 / scale) / (1 / from - 1 / to);
    m_scene.viewport().setScale(scale);
    m_scene.viewport().setCenter(m_flightFrom.center() + (m_flightTo.center() - m_flightFrom.center()) * w);
    emit viewChanged(true);
}

void MapNavigator::resize()
{
    m_scene.viewport().setSize(m_canvas->size());
    if (!m_userMovedView)
        m_scene.fitChina();
    emit viewChanged(false);
}

void MapNavigator::fitChina()
{
    m_flight->stop();
    m_scene.viewport().setSize(m_canvas->size());
    m_scene.fitChina();
    m_userMovedView = false;
    setUnfoldedPath({});
    emit viewChanged(false);
}

void MapNavigator::fitSite(int site)
{
    flyTo(m_scene.extentOf(site), kUnfoldMaxZoom);
}

void MapNavigator::revealSite(int site)
{
    QStringList path;
    const QList<int> ancestry = m_scene.hierarchy().ancestry(site);
    for (auto it = ancestry.crbegin(); it != ancestry.crend(); ++it)
        if (*it != site)
            path << m_scene.state()->sites().at(*it).id;
    setUnfoldedPath(path);
}

void MapNavigator::flyToSite(int site)
{
    double zoom = 1.5;
    switch (m_scene.state()->sites().at(site).tier) {
    case SiteTier::Cluster:
        zoom = 3;
        break;
    case SiteTier::Regional:
        zoom = 4;
        break;
    case SiteTier::Edge:
        zoom = 8;
        break;
    default:
        break;
    }
    flyTo(m_scene.geometry().sitePlanePosition(site), m_scene.fitScale() * std::max(zoom, m_scene.zoomLevel()));
}

bool MapNavigator::unfoldSite(int site)
{
    const SiteHierarchy& hierarchy = m_scene.hierarchy();
    if (!hierarchy.hasChildren(site))
        return false;
    QStringList path;
    const QList<int> ancestry = hierarchy.ancestry(site);
    for (auto it = ancestry.crbegin(); it != ancestry.crend(); ++it)
        path << m_scene.state()->sites().at(*it).id;
    setUnfoldedPath(path);
    flyTo(m_scene.extentOf(site), kUnfoldMaxZoom);
    return true;
}

void MapNavigator::goToLevel(int depth)
{
    if (depth <= 0 || !m_scene.state()) {
        setUnfoldedPath({});
        MapViewport china = m_scene.viewport();
        china.setSize(m_canvas->size());
        china.fitTo(m_scene.projection().chinaBounds(), MapScene::kFitMarginPx);
        flyTo(china.center(), china.scale());
        m_userMovedView = false; // fits China again on resize, as after Home
        return;
    }
    setUnfoldedPath(m_scene.unfoldedPath().mid(0, depth));
    const int i = m_scene.state()->siteIndex(m_scene.unfoldedPath().last());
    if (i >= 0)
        flyTo(m_scene.extentOf(i), kUnfoldMaxZoom);
}

void MapNavigator::setUnfoldedPath(const QStringList& path)
{
    if (path == m_scene.unfoldedPath())
        return;
    m_scene.setUnfoldedPath(path);
    emit unfoldedPathChanged(path);
}

void MapNavigator::flyTo(const QRectF& planeRect, double maxZoom)
{
    MapViewport target = m_scene.viewport();
    target.setSize(m_canvas->size());
    target.fitTo(planeRect, kFlightMarginPx);
    const double fit = m_scene.fitScale();
    target.setScale(std::clamp(target.scale(), fit * kMinZoom, fit * maxZoom));
    flyTo(target.center(), target.scale());
}

void MapNavigator::flyTo(QPointF planeCenter, double scale)
{
    m_flight->stop();
    m_userMovedView = true;
    if (!m_animated || !m_canvas->isVisible()) {
        m_scene.viewport().setCenter(planeCenter);
        m_scene.viewport().setScale(scale);
        emit viewChanged(false);
        return;
    }
    m_flightFrom = m_flightTo = m_scene.viewport();
    m_flightTo.setCenter(planeCenter);
    m_flightTo.setScale(scale);
    m_flight->start();
}

void MapNavigator::zoomAbout(QPointF position, double factor)
{
    m_flight->stop();
    MapViewport& viewport = m_scene.viewport();
    const double fit = m_scene.fitScale();
    const double target = std::clamp(viewport.scale() * factor, fit * kMinZoom, fit * kMaxZoom);
    if (std::abs(target / viewport.scale() - 1) < 1e-9)
        return;
    viewport.zoomAbout(position, target / viewport.scale());
    m_userMovedView = true;
    emit viewChanged(true);
}

void MapNavigator::panBy(QPointF screenDelta)
{
    m_flight->stop();
    m_scene.viewport().pan(screenDelta);
    m_userMovedView = true;
    emit viewChanged(true);
}

} // namespace cpn
