// MapView: where the map looks: fit, zoom, pan, fly, unfold a level and come back.

#include "mapview.h"

#include "domainlabels.h"
#include "mapbreadcrumb.h"
#include "sitesearchbox.h"

#include <QVariantAnimation>

#include <algorithm>
#include <cmath>

namespace cpn {

double MapView::fitScale() const
{
    MapViewport fitted = m_viewport;
    fitted.fitTo(m_projection.chinaBounds(), kFitMarginPx);
    return fitted.scale();
}

double MapView::zoomLevel() const
{
    return m_viewport.scale() / fitScale();
}

void MapView::fitChina()
{
    m_flight->stop();
    m_viewport.setSize(size());
    m_viewport.fitTo(m_projection.chinaBounds(), kFitMarginPx);
    m_userMovedView = false;
    setUnfoldedPath({});
    viewChanged(false);
}

void MapView::fitSelection()
{
    const int i = m_state ? m_state->siteIndex(m_selectedSiteId) : -1;
    if (i < 0) {
        fitChina();
        return;
    }
    ensureFolded();
    flyTo(extentOf(i), 12);
}

void MapView::flyToSite(const QString& siteId)
{
    const int i = m_state ? m_state->siteIndex(siteId) : -1;
    if (i < 0)
        return;
    ensureFolded();
    // Unfold every site above it, so that it is drawn as itself.
    QStringList path;
    const QList<int> ancestry = m_hierarchy.ancestry(i);
    for (auto it = ancestry.crbegin(); it != ancestry.crend(); ++it)
        if (*it != i)
            path << m_state->sites().at(*it).id;
    setUnfoldedPath(path);
    selectByUser(siteId);
    double zoom = 1.5;
    switch (m_state->sites().at(i).tier) {
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
    flyTo(m_network.sitePlanePosition(i), fitScale() * std::max(zoom, zoomLevel()));
}

void MapView::unfoldSite(const QString& siteId)
{
    const int i = m_state ? m_state->siteIndex(siteId) : -1;
    if (i < 0)
        return;
    ensureFolded();
    if (!m_hierarchy.hasChildren(i)) {
        flyToSite(siteId);
        return;
    }
    QStringList path;
    const QList<int> ancestry = m_hierarchy.ancestry(i);
    for (auto it = ancestry.crbegin(); it != ancestry.crend(); ++it)
        path << m_state->sites().at(*it).id;
    setUnfoldedPath(path);
    flyTo(extentOf(i), 12);
}

void MapView::goToLevel(int depth)
{
    if (depth <= 0 || !m_state) {
        setUnfoldedPath({});
        MapViewport china = m_viewport;
        china.setSize(size());
        china.fitTo(m_projection.chinaBounds(), kFitMarginPx);
        flyTo(china.center(), china.scale());
        m_userMovedView = false; // fits China again on resize, as after Home
        return;
    }
    setUnfoldedPath(m_unfoldedPath.mid(0, depth));
    const int i = m_state->siteIndex(m_unfoldedPath.last());
    if (i >= 0)
        flyTo(extentOf(i), 12);
}

void MapView::setUnfoldedPath(const QStringList& path)
{
    if (path == m_unfoldedPath)
        return;
    m_unfoldedPath = path;
    updateBreadcrumb();
    update();
    emit unfoldedPathChanged(path);
}

QRectF MapView::extentOf(int site) const
{
    std::vector<int> members { site };
    m_hierarchy.descendants(site, members);
    // (QRectF::united ignores empty rectangles, so the extent is gathered by hand.)
    const QPointF first = m_network.sitePlanePosition(site);
    double left = first.x(), right = first.x(), bottom = first.y(), top = first.y();
    for (int m : members) {
        const QPointF p = m_network.sitePlanePosition(m);
        left = std::min(left, p.x());
        right = std::max(right, p.x());
        bottom = std::min(bottom, p.y());
        top = std::max(top, p.y());
    }
    constexpr double kMinSide = 150000; // metres: a lone site gets a city around it
    const QPointF c((left + right) / 2, (bottom + top) / 2);
    const double w = std::max(kMinSide, (right - left) * 1.15), h = std::max(kMinSide, (top - bottom) * 1.15);
    return QRectF(c.x() - w / 2, c.y() - h / 2, w, h);
}

void MapView::flyTo(const QRectF& planeRect, double maxZoom)
{
    MapViewport target = m_viewport;
    target.setSize(size());
    target.fitTo(planeRect, 40);
    const double fit = fitScale();
    target.setScale(std::clamp(target.scale(), fit * kMinZoom, fit * maxZoom));
    flyTo(target.center(), target.scale());
}

void MapView::flyTo(QPointF planeCenter, double scale)
{
    m_flight->stop();
    m_userMovedView = true;
    if (!m_animated || !isVisible()) {
        m_viewport.setCenter(planeCenter);
        m_viewport.setScale(scale);
        viewChanged(false);
        return;
    }
    m_flightFrom = m_flightTo = m_viewport;
    m_flightTo.setCenter(planeCenter);
    m_flightTo.setScale(scale);
    m_flight->start();
}

void MapView::zoomIn()
{
    zoomAbout(rect().center(), 1.25);
}

void MapView::zoomOut()
{
    zoomAbout(rect().center(), 1 / 1.25);
}

void MapView::zoomAbout(QPointF position, double factor)
{
    m_flight->stop();
    const double fit = fitScale();
    const double target = std::clamp(m_viewport.scale() * factor, fit * kMinZoom, fit * kMaxZoom);
    if (std::abs(target / m_viewport.scale() - 1) < 1e-9)
        return;
    m_viewport.zoomAbout(position, target / m_viewport.scale());
    m_userMovedView = true;
    viewChanged(true);
}

void MapView::panBy(QPointF screenDelta)
{
    m_flight->stop();
    m_viewport.pan(screenDelta);
    m_userMovedView = true;
    viewChanged(true);
}

void MapView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void MapView::viewChanged(bool interactive)
{
    // While the user zooms or pans, the old basemap image is shown moved; it is redrawn once
    // the view has been still for a moment.
    if (interactive)
        m_basemapTimer.start();
    else
        m_basemapTimer.stop();
    updateBreadcrumb();
    update();
    emit viewportChanged();
}

void MapView::updateBreadcrumb()
{
    QStringList names;
    if (m_state) {
        for (const QString& id : m_unfoldedPath)
            if (const int i = m_state->siteIndex(id); i >= 0)
                names << siteDisplayName(m_state->sites().at(i));
    }
    const double zoom = zoomLevel();
    QString note;
    if (zoom >= kUnfoldRegionalZoom || !m_foldingEnabled)
        note = tr("All sites shown");
    else if (zoom >= kUnfoldHubsZoom && names.isEmpty())
        note = tr("Regional centres shown");
    else if (names.isEmpty())
        note = tr("Regional and edge sites folded into their hubs");
    m_breadcrumb->setTrail(names, note);
    m_breadcrumb->adjustSize();
}

} // namespace cpn
