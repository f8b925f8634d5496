#include "mapview.h"

#include "domainlabels.h"
#include "mapbreadcrumb.h"
#include "mappantool.h"
#include "mapselecttool.h"
#include "maptaskdroptool.h"
#include "networkstate.h"
#include "sitesearchbox.h"

#include <QApplication>
#include <QPainter>
#include <QPointer>

#include <algorithm>

namespace cpn {

namespace {

constexpr int kRepaintIntervalMs = 33;
constexpr int kBasemapSettleMs = 150;
constexpr int kFlowIntervalMs = 40;
constexpr double kFlowSpeedPx = 1.4; // per flow tick: about 35 px/s
constexpr int kOverlayMarginPx = 12;

} // namespace

MapView::MapView(QWidget* parent)
    : QWidget(parent)
    , m_renderer(m_scene)
    , m_navigator(new MapNavigator(m_scene, this))
    , m_panTool(new MapPanTool(this))
    , m_breadcrumb(new MapBreadcrumb(this))
    , m_search(new SiteSearchBox(this))
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAcceptDrops(true);
    setMinimumSize(200, 150);

    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setObjectName(QStringLiteral("MapView repaint")); // named in --timing stall reports
    m_repaintTimer.setInterval(kRepaintIntervalMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, &MapView::applyPendingChanges);
    m_paintTurn.setSingleShot(true);
    m_paintTurn.setInterval(0);
    connect(&m_paintTurn, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_basemapTimer.setSingleShot(true);
    m_basemapTimer.setInterval(kBasemapSettleMs);
    connect(&m_basemapTimer, &QTimer::timeout, this, qOverload<>(&QWidget::update));
    m_moreToDraw = [view = QPointer<MapView>(this)] {
        QMetaObject::invokeMethod(qApp, [view] {
            if (view)
                view->update();
        }, Qt::QueuedConnection);
    };
    m_flowTimer.setInterval(kFlowIntervalMs);
    connect(&m_flowTimer, &QTimer::timeout, this, [this] {
        m_scene.setFlowPhase(m_scene.flowPhase() + kFlowSpeedPx);
        update();
    });

    connect(m_navigator, &MapNavigator::viewChanged, this, &MapView::onViewChanged);
    connect(m_navigator, &MapNavigator::unfoldedPathChanged, this, &MapView::onUnfoldedPathChanged);

    // A press goes to selection first: it is a click unless it turns into the pan tool's drag.
    auto* drop = new MapTaskDropTool(this);
    auto* select = new MapSelectTool(this);
    m_tools = { drop, select, m_panTool };
    connect(drop, &MapTaskDropTool::dropTargetChanged, this, [this](int site) {
        m_scene.setDropSite(site);
        update();
    });
    connect(drop, &MapTaskDropTool::taskDropped, this, &MapView::taskDroppedOnSite);
    connect(select, &MapSelectTool::siteClicked, this, &MapView::selectByUser);
    connect(select, &MapSelectTool::siteMenuRequested, this, &MapView::siteContextMenuRequested);
    connect(m_panTool, &MapPanTool::dragFinished, this, [this] {
        m_basemapTimer.stop();
        update();
    });

    connect(m_breadcrumb, &MapBreadcrumb::crumbClicked, this, &MapView::goToLevel);
    connect(m_search, &SiteSearchBox::siteChosen, this, [this](const QString& id) {
        flyToSite(id);
        setFocus();
    });

    m_scene.viewport().setSize(size());
    m_scene.fitChina();
    updateBreadcrumb();
}

MapView::~MapView() = default;

void MapView::setState(const NetworkState* state)
{
    if (m_scene.state())
        disconnect(m_scene.state(), nullptr, this, nullptr);
    m_scene.setState(state);
    if (state) {
        wireState();
        m_search->setSites(*state);
    }
    updateFlowAnimation();
    updateBreadcrumb();
    update();
}

void MapView::wireState()
{
    const NetworkState* state = m_scene.state();
    connect(state, &NetworkState::topologyReset, this, [this] {
        m_scene.resetTopology();
        m_search->setSites(*m_scene.state());
        updateFlowAnimation();
        updateBreadcrumb();
        scheduleRepaint();
    });
    connect(state, &NetworkState::sitesChanged, this, [this](const QList<int>& siteIndexes) {
        m_scene.noteSitesChanged(siteIndexes);
        m_scene.noteMetricsChanged();
        scheduleRepaint();
    });
    connect(state, &NetworkState::linksChanged, this, [this] {
        m_scene.noteLinksChanged();
        scheduleRepaint();
    });
    connect(state, &NetworkState::migrationsChanged, this, &MapView::updateFlowAnimation);
    connect(state, &NetworkState::alarmsChanged, this, [this] {
        m_scene.noteAlarmsChanged();
        scheduleRepaint();
    });
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
    m_scene.applySiteChanges();
    // Two turns of the event loop: what the frame needs, then the paint (input may come between).
    m_scene.prepareFrame();
    m_paintTurn.start();
}

void MapView::setBasemap(Basemap basemap)
{
    m_renderer.setBasemap(std::move(basemap));
    update();
}

void MapView::setTheme(MapThemeKind theme)
{
    const MapTheme& next = MapTheme::of(theme);
    if (&next == &m_scene.theme())
        return;
    m_scene.setTheme(next);
    m_breadcrumb->setTheme(next);
    m_search->setTheme(next);
    update();
}

void MapView::setLayerVisible(MapLayer layer, bool visible)
{
    if (isLayerVisible(layer) == visible)
        return;
    m_scene.setLayerVisible(layer, visible);
    updateFlowAnimation();
    update();
    emit layerVisibilityChanged(layer, visible);
}

void MapView::setSelectedSiteId(const QString& siteId)
{
    if (siteId == m_scene.selectedSiteId())
        return;
    m_scene.setSelectedSiteId(siteId);
    update();
}

void MapView::selectByUser(const QString& siteId)
{
    setSelectedSiteId(siteId);
    emit siteSelected(siteId);
}

void MapView::setFoldingEnabled(bool enabled)
{
    if (enabled == m_scene.isFoldingEnabled())
        return;
    m_scene.setFoldingEnabled(enabled);
    updateBreadcrumb();
    update();
}

void MapView::setMigrationPreview(const std::optional<MigrationPreview>& preview)
{
    m_scene.setMigrationPreview(preview);
    update();
}

void MapView::setAlarmBadges(const QStringList& siteIds, const QStringList& linkIds)
{
    if (siteIds == m_scene.alarmBadgeSiteIds() && linkIds == m_scene.alarmBadgeLinkIds())
        return;
    m_scene.setAlarmBadges(siteIds, linkIds);
    update();
}

void MapView::setStale(const QDateTime& since)
{
    if (since == m_scene.staleSince())
        return;
    m_scene.setStaleSince(since);
    update();
}

void MapView::setStalePlatforms(const QSet<QString>& platforms)
{
    if (platforms == m_scene.stalePlatforms())
        return;
    m_scene.setStalePlatforms(platforms);
    update();
}

void MapView::setPlatformColours(const QStringList& platforms)
{
    if (platforms == m_scene.platformColours())
        return;
    m_scene.setPlatformColours(platforms);
    update();
}

void MapView::setLegendVisible(bool visible)
{
    if (visible == m_scene.isLegendVisible())
        return;
    m_scene.setLegendVisible(visible);
    update();
}

void MapView::updateFlowAnimation()
{
    const bool active
        = m_scene.state() && isLayerVisible(MapLayer::Links) && LinkLayer::hasActiveMigrations(*m_scene.state());
    if (active && !m_flowTimer.isActive())
        m_flowTimer.start();
    else if (!active && m_flowTimer.isActive())
        m_flowTimer.stop();
    scheduleRepaint(); // with the other changes of the batch, after the scene is prepared
}

void MapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    // While the view moves the old basemap image is shown moved; see onViewChanged.
    const bool interacting = m_panTool->isDragging() || m_basemapTimer.isActive() || m_navigator->isFlying();
    m_renderer.render(painter, interacting, m_moreToDraw);
}

void MapView::resizeEvent(QResizeEvent*)
{
    layoutOverlays();
    m_navigator->resize();
}

void MapView::layoutOverlays()
{
    m_breadcrumb->adjustSize();
    m_breadcrumb->move(kOverlayMarginPx, kOverlayMarginPx);
    const int searchWidth = std::min(320, std::max(160, width() / 4));
    m_search->resize(searchWidth, m_search->sizeHint().height());
    m_search->move(width() - searchWidth - kOverlayMarginPx, kOverlayMarginPx);
}

void MapView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) {
        m_renderer.invalidateText();
        if (m_scene.state())
            m_search->setSites(*m_scene.state());
        updateBreadcrumb();
        update();
    }
    QWidget::changeEvent(event);
}

// Navigation: the navigator moves the view; the widget selects, repaints and tells the others.

void MapView::fitChina()
{
    m_navigator->fitChina();
}

void MapView::fitSelection()
{
    const int i = m_scene.selectedSite();
    if (i < 0)
        fitChina();
    else
        m_navigator->fitSite(i);
}

void MapView::flyToSite(const QString& siteId)
{
    const int i = m_scene.state() ? m_scene.state()->siteIndex(siteId) : -1;
    if (i < 0)
        return;
    m_navigator->revealSite(i);
    selectByUser(siteId);
    m_navigator->flyToSite(i);
}

void MapView::unfoldSite(const QString& siteId)
{
    const int i = m_scene.state() ? m_scene.state()->siteIndex(siteId) : -1;
    if (i >= 0 && !m_navigator->unfoldSite(i))
        flyToSite(siteId);
}

void MapView::goToLevel(int depth)
{
    m_navigator->goToLevel(depth);
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
    m_navigator->zoomAbout(position, factor);
}

void MapView::panBy(QPointF screenDelta)
{
    m_navigator->panBy(screenDelta);
}

void MapView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void MapView::onViewChanged(bool interactive)
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

void MapView::onUnfoldedPathChanged(const QStringList& path)
{
    updateBreadcrumb();
    update();
    emit unfoldedPathChanged(path);
}

void MapView::updateBreadcrumb()
{
    QStringList names;
    if (const NetworkState* state = m_scene.state()) {
        for (const QString& id : m_scene.unfoldedPath())
            if (const int i = state->siteIndex(id); i >= 0)
                names << siteDisplayName(state->sites().at(i));
    }
    const double zoom = zoomLevel();
    QString note;
    if (zoom >= kUnfoldRegionalZoom || !isFoldingEnabled())
        note = tr("All sites shown");
    else if (zoom >= kUnfoldHubsZoom && names.isEmpty())
        note = tr("Regional centres shown");
    else if (names.isEmpty())
        note = tr("Regional and edge sites folded into their hubs");
    m_breadcrumb->setTrail(names, note);
    m_breadcrumb->adjustSize();
}

} // namespace cpn
