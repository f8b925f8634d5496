#include "mapview.h"

#include "latencyreach.h"
#include "mapbreadcrumb.h"
#include "maplegend.h"
#include "sitesearchbox.h"

#include <QPainter>
#include <QVariantAnimation>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {

constexpr int kRepaintIntervalMs = 33;
constexpr int kBasemapSettleMs = 150;
constexpr int kFlowIntervalMs = 40;
constexpr double kFlowSpeedPx = 1.4; // per flow tick: about 35 px/s
constexpr int kFlightMs = 450;
constexpr qint64 kReachRefreshMs = 5000; // latencies drift with load; recomputed at most this often
constexpr double kOverlayMarginPx = 12;

const char* const kBuiltInBasemap = ":/basemap/china.geojson";

// Parsed once per process; copies share their paths.
const std::optional<Basemap>& builtInBasemap()
{
    static const std::optional<Basemap> basemap = [] {
        QString error;
        auto map = Basemap::load(QString::fromLatin1(kBuiltInBasemap), &error);
        if (!map)
            qWarning("%s", qPrintable(error));
        return map;
    }();
    return basemap;
}

} // namespace

MapView::MapView(QWidget* parent)
    : QWidget(parent)
    , m_flight(new QVariantAnimation(this))
    , m_breadcrumb(new MapBreadcrumb(this))
    , m_search(new SiteSearchBox(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAcceptDrops(true);
    setMinimumSize(200, 150);
    m_layers.set();

    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(kRepaintIntervalMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, &MapView::applyPendingChanges);
    m_basemapTimer.setSingleShot(true);
    m_basemapTimer.setInterval(kBasemapSettleMs);
    connect(&m_basemapTimer, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_flowTimer.setInterval(kFlowIntervalMs);
    connect(&m_flowTimer, &QTimer::timeout, this, [this] {
        m_flowPhase += kFlowSpeedPx;
        update();
    });
    m_flight->setDuration(kFlightMs);
    m_flight->setEasingCurve(QEasingCurve::InOutCubic);
    m_flight->setStartValue(0.0);
    m_flight->setEndValue(1.0);
    connect(m_flight, &QVariantAnimation::valueChanged, this, [this](const QVariant& value) {
        if (m_flight->state() != QAbstractAnimation::Running)
            return;
        const double t = value.toDouble();
        // Scale moves geometrically, the centre so that the motion looks straight on screen.
        const double scale = m_flightFrom.scale() * std::pow(m_flightTo.scale() / m_flightFrom.scale(), t);
        const double w = m_flightFrom.scale() == m_flightTo.scale()
            ? t
            : (1 / m_flightFrom.scale() - 1 / scale) / (1 / m_flightFrom.scale() - 1 / m_flightTo.scale());
        m_viewport.setScale(scale);
        m_viewport.setCenter(m_flightFrom.center() + (m_flightTo.center() - m_flightFrom.center()) * w);
        viewChanged(true);
    });
    connect(m_flight, &QVariantAnimation::finished, this, [this] {
        m_viewport.setCenter(m_flightTo.center());
        m_viewport.setScale(m_flightTo.scale());
        viewChanged(false);
    });

    connect(m_breadcrumb, &MapBreadcrumb::crumbClicked, this, &MapView::goToLevel);
    connect(m_search, &SiteSearchBox::siteChosen, this, [this](const QString& id) {
        flyToSite(id);
        setFocus();
    });

    if (const auto& map = builtInBasemap())
        m_basemap.setBasemap(*map);
    m_links.setTheme(*m_theme);
    m_viewport.setSize(size());
    m_viewport.fitTo(m_projection.chinaBounds(), kFitMarginPx);
    updateBreadcrumb();
}

MapView::~MapView() = default;

void MapView::setState(const NetworkState* state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    m_pendingSites.clear();
    m_foldDirty = true;
    m_reach.clear();
    if (state) {
        connect(state, &NetworkState::topologyReset, this, &MapView::onTopologyReset);
        connect(state, &NetworkState::sitesChanged, this, &MapView::onSitesChanged);
        connect(state, &NetworkState::linksChanged, this, &MapView::onLinksChanged);
        connect(state, &NetworkState::migrationsChanged, this, &MapView::updateFlowAnimation);
        connect(state, &NetworkState::alarmsChanged, this, [this] {
            m_alarmsDirty = true;
            scheduleRepaint();
        });
        m_hierarchy.build(state->sites());
        m_network.rebuild(*state, m_projection);
        m_search->setSites(*state);
    }
    updateFlowAnimation();
    updateBreadcrumb();
    update();
}

void MapView::setBasemap(Basemap basemap)
{
    m_basemap.setBasemap(std::move(basemap));
    update();
}

void MapView::setTheme(MapThemeKind theme)
{
    const MapTheme& next = MapTheme::of(theme);
    if (&next == m_theme)
        return;
    m_theme = &next;
    m_basemap.setTheme(next);
    m_network.setTheme(next);
    m_links.setTheme(next);
    m_breadcrumb->setTheme(next);
    m_search->setTheme(next);
    m_legend = QImage();
    update();
}

void MapView::setLayerVisible(MapLayer layer, bool visible)
{
    if (isLayerVisible(layer) == visible)
        return;
    m_layers.set(std::size_t(layer), visible);
    if (layer == MapLayer::Labels)
        m_basemap.setNamesVisible(visible);
    if (layer == MapLayer::LatencyCircles) {
        m_legend = QImage();
        m_reach.clear();
    }
    updateFlowAnimation();
    update();
    emit layerVisibilityChanged(layer, visible);
}

void MapView::setAlarmBadges(const QStringList& siteIds, const QStringList& linkIds)
{
    if (siteIds == m_badgeSites && linkIds == m_badgeLinks)
        return;
    m_badgeSites = siteIds;
    m_badgeLinks = linkIds;
    update();
}

void MapView::setStale(const QDateTime& since)
{
    if (since == m_staleSince)
        return;
    m_staleSince = since;
    m_network.setStale(since.isValid());
    m_links.setStale(since.isValid());
    update();
}

void MapView::setLegendVisible(bool visible)
{
    if (visible == m_legendVisible)
        return;
    m_legendVisible = visible;
    update();
}

void MapView::setSelectedSiteId(const QString& siteId)
{
    if (siteId == m_selectedSiteId)
        return;
    m_selectedSiteId = siteId;
    m_reach.clear();
    update();
}

void MapView::selectByUser(const QString& siteId)
{
    setSelectedSiteId(siteId);
    emit siteSelected(siteId);
}

const FoldedNetwork& MapView::foldedNetwork() const
{
    ensureFolded();
    return m_folded;
}

QPointF MapView::sitePosition(int index) const
{
    if (index < 0 || index >= m_network.siteCount())
        return {};
    return m_viewport.toScreen(m_network.sitePlanePosition(index));
}

int MapView::shownSiteOf(int index) const
{
    ensureFolded();
    if (index < 0 || index >= m_folded.siteCount())
        return -1;
    return m_folded.representative(index);
}

int MapView::siteAt(QPointF position) const
{
    if (!m_state)
        return -1;
    ensureFolded();
    if (m_network.siteCount() != m_state->sites().size())
        return -1;
    return m_network.siteAt(m_viewport, zoomLevel(), m_folded, position);
}

double MapView::siteRadius(int index) const
{
    ensureFolded();
    if (index < 0 || index >= m_folded.siteCount() || !m_folded.isVisible(index))
        return 0;
    return m_network.siteRadius(index, zoomLevel());
}

void MapView::setFoldingEnabled(bool enabled)
{
    if (enabled == m_foldingEnabled)
        return;
    m_foldingEnabled = enabled;
    m_foldDirty = true;
    updateBreadcrumb();
    update();
}

float MapView::latencyFromSelection(int siteIndex) const
{
    return m_reach.distance(siteIndex);
}

void MapView::ensureFolded() const
{
    if (!m_state)
        return;
    const QList<Site>& sites = m_state->sites();
    if (m_hierarchy.size() != sites.size()) {
        m_hierarchy.build(sites);
        m_foldDirty = true;
    }
    if (m_network.siteCount() != sites.size()) {
        m_network.rebuild(*m_state, m_projection);
        m_foldDirty = true;
    }
    const double zoom = zoomLevel();
    const int autoDepth = !m_foldingEnabled ? 1000 : zoom >= kUnfoldRegionalZoom ? 2 : zoom >= kUnfoldHubsZoom ? 1 : 0;
    QSet<int> unfolded;
    for (const QString& id : m_unfoldedPath)
        if (const int i = m_state->siteIndex(id); i >= 0)
            unfolded.insert(i);
    // Whoever asks first after a new topology (map or inspector) gets it rebuilt.
    if (m_foldDirty || m_folded.siteCount() != sites.size() || m_folded.linkCount() != m_state->links().size()
        || autoDepth != m_folded.autoDepth()
        || unfolded != m_folded.unfolded()) {
        m_folded.rebuild(*m_state, m_hierarchy, autoDepth, unfolded);
        m_network.updateRadii(*m_state, m_folded);
        m_foldDirty = m_metricsDirty = m_alarmsDirty = false;
        return;
    }
    if (m_metricsDirty) {
        m_folded.refreshMetrics(*m_state);
        m_network.updateRadii(*m_state, m_folded); // capacity may have changed with a site
        m_metricsDirty = false;
    }
    if (m_alarmsDirty) {
        m_folded.refreshAlarms(*m_state);
        m_alarmsDirty = false;
    }
}

void MapView::onTopologyReset()
{
    // Indexes all changed: rebuild now (hit-testing must not use stale indexes).
    m_hierarchy.build(m_state->sites());
    m_network.rebuild(*m_state, m_projection);
    m_foldDirty = true;
    m_pendingSites.clear();
    m_reach.clear();
    m_search->setSites(*m_state);
    updateFlowAnimation();
    updateBreadcrumb();
    scheduleRepaint();
}

void MapView::onSitesChanged(const QList<int>& siteIndexes)
{
    m_pendingSites.append(siteIndexes);
    m_metricsDirty = true;
    scheduleRepaint();
}

void MapView::onLinksChanged()
{
    m_metricsDirty = true;
    m_reachDirty = true;
    scheduleRepaint();
}

void MapView::scheduleRepaint()
{
    if (m_repaintScheduled)
        return;
    m_repaintScheduled = true;
    m_repaintTimer.start();
}

void MapView::applyPendingChanges()
{
    m_repaintScheduled = false;
    if (m_state && !m_pendingSites.isEmpty()) {
        if (m_hierarchy.differs(m_state->sites(), m_pendingSites)) {
            m_hierarchy.build(m_state->sites());
            m_foldDirty = true;
        }
        m_network.refreshSites(*m_state, m_projection, m_pendingSites);
    }
    m_pendingSites.clear();
    update();
}

void MapView::updateLatencyReach()
{
    const int source = m_state && isLayerVisible(MapLayer::LatencyCircles) ? m_state->siteIndex(m_selectedSiteId) : -1;
    if (source < 0) {
        m_reach.clear();
        return;
    }
    const bool stale = m_reachDirty && (!m_reachAge.isValid() || m_reachAge.elapsed() >= kReachRefreshMs);
    if (m_reach.source() == source && !stale)
        return;
    m_reach.setDistances(source, LatencyReach::compute(*m_state, source));
    m_reachDirty = false;
    m_reachAge.start();
}

void MapView::updateFlowAnimation()
{
    const bool active = m_state && isLayerVisible(MapLayer::Links) && LinkLayer::hasActiveMigrations(*m_state);
    if (active && !m_flowTimer.isActive())
        m_flowTimer.start();
    else if (!active && m_flowTimer.isActive())
        m_flowTimer.stop();
    update();
}

void MapView::setMigrationPreview(const std::optional<MigrationPreview>& preview)
{
    m_preview = preview;
    update();
}

MapFrame MapView::frame() const
{
    return MapFrame { *m_state, m_folded, m_viewport, *m_theme, zoomLevel(), QRectF(rect()), devicePixelRatioF(),
        m_network.screenPositions(), m_network.screenRadii() };
}

void MapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    paintMap(painter);
}

void MapView::paintMap(QPainter& painter)
{
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : devicePixelRatioF();
    const bool interacting
        = m_dragging || m_basemapTimer.isActive() || m_flight->state() == QAbstractAnimation::Running;
    if (isLayerVisible(MapLayer::Basemap)) {
        if (!m_basemap.isCurrent(m_viewport, dpr) && !interacting)
            m_basemap.render(m_viewport, dpr);
        m_basemap.paint(painter, m_viewport);
    } else {
        painter.fillRect(rect(), QColor::fromRgba(m_theme->background));
    }

    if (m_state && !m_state->sites().isEmpty()) {
        ensureFolded();
        const double zoom = zoomLevel();
        m_network.project(m_viewport, m_folded, zoom);
        MapFrame f { *m_state, m_folded, m_viewport, *m_theme, zoom, QRectF(rect()), dpr, m_network.screenPositions(),
            m_network.screenRadii() };
        const int selected = m_state->siteIndex(m_selectedSiteId);
        const int selectedShown = selected >= 0 ? m_folded.representative(selected) : -1;
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, true);
        // Reach areas lie under the network: translucent over sites and labels they would
        // muddy them (DESIGN.md puts overlays above; the rings over the sites stay there).
        updateLatencyReach();
        if (isLayerVisible(MapLayer::LatencyCircles))
            m_reach.paintAreas(painter, f, m_network.planePositions(), interacting);
        if (isLayerVisible(MapLayer::Links)) {
            m_links.paint(painter, f, selectedShown);
            if (m_flowTimer.isActive() || LinkLayer::hasActiveMigrations(*m_state))
                m_links.paintMigrationFlows(painter, f, m_flowPhase);
        }
        if (isLayerVisible(MapLayer::Sites))
            m_network.paintSites(painter, f, isLayerVisible(MapLayer::Alarms));
        if (isLayerVisible(MapLayer::Labels)) {
            std::vector<int> focus;
            if (selectedShown >= 0)
                focus.push_back(selectedShown);
            for (const QString& id : m_unfoldedPath)
                focus.push_back(m_state->siteIndex(id));
            m_network.paintLabels(painter, f, focus);
        }
        if (isLayerVisible(MapLayer::LatencyCircles))
            m_reach.paintRings(painter, f);
        if (m_preview)
            MigrationPreviewOverlay::paint(painter, f, *m_preview);
        if (m_dropSite >= 0)
            MigrationPreviewOverlay::paintDropTarget(painter, f, m_dropSite);
        if (isLayerVisible(MapLayer::Alarms) && (!m_badgeSites.isEmpty() || !m_badgeLinks.isEmpty())) {
            QList<int> sites, links;
            for (const QString& id : std::as_const(m_badgeSites))
                sites.append(m_state->siteIndex(id));
            for (const QString& id : std::as_const(m_badgeLinks))
                links.append(m_state->linkIndex(id));
            AlarmAttentionOverlay::paint(painter, f, sites, links);
        }
        m_network.paintSelection(painter, f, selected);
        painter.restore();
    }
    if (m_staleSince.isValid())
        StaleDataOverlay::paintBanner(painter, QRectF(rect()), *m_theme, m_staleSince);
    MapLegend::paintScaleBar(painter, m_viewport, *m_theme, rect());
    if (!m_legendVisible)
        return;
    // The latency bands join the key while they are on the map.
    const bool bands = isLayerVisible(MapLayer::LatencyCircles) && !m_reach.isEmpty();
    if (m_legend.isNull() || m_legend.devicePixelRatio() != dpr || bands != m_legendBands) {
        m_legend = MapLegend::render(dpr, *m_theme, bands);
        m_legendBands = bands;
    }
    const double legendHeight = m_legend.height() / m_legend.devicePixelRatio();
    painter.drawImage(QPointF(kOverlayMarginPx, height() - kOverlayMarginPx - legendHeight), m_legend);
}

void MapView::layoutOverlays()
{
    m_breadcrumb->adjustSize();
    m_breadcrumb->move(int(kOverlayMarginPx), int(kOverlayMarginPx));
    const int searchWidth = std::min(320, std::max(160, width() / 4));
    m_search->resize(searchWidth, m_search->sizeHint().height());
    m_search->move(width() - searchWidth - int(kOverlayMarginPx), int(kOverlayMarginPx));
}

void MapView::resizeEvent(QResizeEvent*)
{
    m_viewport.setSize(size());
    if (!m_userMovedView)
        m_viewport.fitTo(m_projection.chinaBounds(), kFitMarginPx);
    layoutOverlays();
    viewChanged(false);
}

} // namespace cpn
