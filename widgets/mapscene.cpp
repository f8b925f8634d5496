#include "mapscene.h"

#include "networkstate.h"

#include <QSet>

#include <algorithm>

namespace cpn {

MapScene::MapScene()
    : m_chinaBounds(m_projection.chinaBounds())
{
    m_layers.set();
}

void MapScene::setState(const NetworkState* state)
{
    m_state = state;
    resetTopology();
}

void MapScene::resetTopology()
{
    // Indexes all changed: rebuilt before anything reads them (ensureTopology), not here, so that
    // a new network (tens of ms at huge) is not indexed in the same turn as it is adopted.
    m_topologyStale = true;
    m_foldDirty = true;
    m_pendingSites.clear();
    ++m_topologyGeneration;
}

void MapScene::ensureTopology() const
{
    if (!m_state || !m_topologyStale)
        return;
    m_hierarchy.build(m_state->sites());
    m_geometry.rebuild(*m_state, m_projection);
    m_topologyStale = false;
    m_foldDirty = true;
}

void MapScene::applySiteChanges()
{
    if (m_topologyStale)
        m_pendingSites.clear(); // all of them are rebuilt anyway
    if (m_state && !m_pendingSites.isEmpty()) {
        if (m_hierarchy.differs(m_state->sites(), m_pendingSites)) {
            m_hierarchy.build(m_state->sites());
            m_foldDirty = true;
        }
        m_geometry.refreshSites(*m_state, m_projection, m_pendingSites);
    }
    m_pendingSites.clear();
}

void MapScene::noteLinksChanged()
{
    m_metricsDirty = true;
    ++m_linksGeneration;
}

void MapScene::fitChina()
{
    m_viewport.fitTo(m_chinaBounds, kFitMarginPx);
}

double MapScene::fitScale() const
{
    MapViewport fitted = m_viewport;
    fitted.fitTo(m_chinaBounds, kFitMarginPx);
    return fitted.scale();
}

double MapScene::zoomLevel() const
{
    return m_viewport.scale() / fitScale();
}

int MapScene::selectedSite() const
{
    return m_state ? m_state->siteIndex(m_selectedSiteId) : -1;
}

void MapScene::setFoldingEnabled(bool enabled)
{
    if (enabled == m_foldingEnabled)
        return;
    m_foldingEnabled = enabled;
    m_foldDirty = true;
}

void MapScene::setAlarmBadges(const QStringList& siteIds, const QStringList& linkIds)
{
    m_badgeSites = siteIds;
    m_badgeLinks = linkIds;
}

const FoldedNetwork& MapScene::folded() const
{
    ensureFolded();
    return m_folded;
}

const SiteHierarchy& MapScene::hierarchy() const
{
    ensureFolded();
    return m_hierarchy;
}

const SiteGeometry& MapScene::geometry() const
{
    ensureFolded();
    return m_geometry;
}

QPointF MapScene::sitePosition(int index) const
{
    ensureTopology();
    if (index < 0 || index >= m_geometry.siteCount())
        return {};
    return m_viewport.toScreen(m_geometry.sitePlanePosition(index));
}

int MapScene::shownSiteOf(int index) const
{
    ensureFolded();
    if (index < 0 || index >= m_folded.siteCount())
        return -1;
    return m_folded.representative(index);
}

int MapScene::siteAt(QPointF position) const
{
    if (!m_state)
        return -1;
    ensureFolded();
    if (m_geometry.siteCount() != m_state->sites().size())
        return -1;
    return m_geometry.siteAt(m_viewport, zoomLevel(), m_folded, position);
}

double MapScene::siteRadius(int index) const
{
    ensureFolded();
    if (index < 0 || index >= m_folded.siteCount() || !m_folded.isVisible(index))
        return 0;
    return m_geometry.siteRadius(index, zoomLevel());
}

QRectF MapScene::extentOf(int site) const
{
    ensureFolded();
    std::vector<int> members { site };
    m_hierarchy.descendants(site, members);
    // (QRectF::united ignores empty rectangles, so the extent is gathered by hand.)
    const QPointF first = m_geometry.sitePlanePosition(site);
    double left = first.x(), right = first.x(), bottom = first.y(), top = first.y();
    for (int m : members) {
        const QPointF p = m_geometry.sitePlanePosition(m);
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

void MapScene::ensureFolded() const
{
    if (!m_state)
        return;
    const QList<Site>& sites = m_state->sites();
    if (m_hierarchy.size() != sites.size() || m_geometry.siteCount() != sites.size())
        m_topologyStale = true; // a state changed without resetTopology(): rebuilt all the same
    ensureTopology();
    const double zoom = zoomLevel();
    const int autoDepth = !m_foldingEnabled ? 1000 : zoom >= kUnfoldRegionalZoom ? 2 : zoom >= kUnfoldHubsZoom ? 1 : 0;
    QSet<int> unfolded;
    for (const QString& id : m_unfoldedPath)
        if (const int i = m_state->siteIndex(id); i >= 0)
            unfolded.insert(i);
    // Whoever asks first after a new topology (map or inspector) gets it rebuilt.
    if (m_foldDirty || m_folded.siteCount() != sites.size() || m_folded.linkCount() != m_state->links().size()
        || autoDepth != m_folded.autoDepth() || unfolded != m_folded.unfolded()) {
        m_folded.rebuild(*m_state, m_hierarchy, autoDepth, unfolded);
        m_geometry.updateRadii(*m_state, m_folded);
        m_foldDirty = m_metricsDirty = m_alarmsDirty = false;
        return;
    }
    if (m_metricsDirty) {
        m_folded.refreshMetrics(*m_state);
        m_geometry.updateRadii(*m_state, m_folded); // capacity may have changed with a site
        m_metricsDirty = false;
    }
    if (m_alarmsDirty) {
        m_folded.refreshAlarms(*m_state);
        m_alarmsDirty = false;
    }
}

} // namespace cpn
