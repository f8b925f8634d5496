#include "maprenderer.h"

#include "latencyreach.h"
#include "maplegend.h"
#include "mapscene.h"
#include "networkstate.h"

#include <QPainter>

#include <limits>

namespace cpn {

namespace {

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

MapRenderer::MapRenderer(const MapScene& scene)
    : m_scene(scene)
{
    if (const auto& map = builtInBasemap())
        m_basemap.setBasemap(*map);
    followStyle();
}

void MapRenderer::setBasemap(Basemap basemap)
{
    m_basemap.setBasemap(std::move(basemap));
}

void MapRenderer::invalidateText()
{
    m_basemap.invalidate();
    m_network.clearLabelCache();
    m_legend = QImage();
}

void MapRenderer::followStyle()
{
    const MapTheme& theme = m_scene.theme();
    if (&theme != m_theme) {
        m_theme = &theme;
        m_basemap.setTheme(theme);
        m_network.setTheme(theme);
        m_links.setTheme(theme);
        m_legend = QImage();
    }
    const bool stale = m_scene.staleSince().isValid();
    if (stale != m_stale) {
        m_stale = stale;
        m_network.setStale(stale);
        m_links.setStale(stale);
    }
    const bool names = m_scene.isLayerVisible(MapLayer::Labels);
    if (names != m_names) {
        m_names = names;
        m_basemap.setNamesVisible(names);
    }
}

MapFrame MapRenderer::project(qreal devicePixelRatio)
{
    // The scene brings the folded network up to date on the first of these calls.
    const MapScene& s = m_scene;
    const FoldedNetwork& folded = s.folded();
    const SiteGeometry& geometry = s.geometry();
    const double zoom = s.zoomLevel();
    m_network.project(geometry, s.viewport(), folded, zoom);
    return MapFrame { *s.state(), folded, s.viewport(), s.theme(), zoom, QRectF(QPointF(), s.size()), devicePixelRatio,
        m_network.screenPositions(), m_network.screenRadii(), geometry.drawOrder(), s.stalePlatforms(),
        s.platformColours() };
}

void MapRenderer::render(QPainter& painter, bool interacting, const std::function<void()>& moreToDraw)
{
    followStyle();
    const MapScene& s = m_scene;
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const QRect area(QPoint(), s.size());
    // Qt 6.4's raster engine strokes antialiased thin lines about three times faster with a clip
    // rectangle set, to the same pixels (bench/peers measures it): a widget's painter has none.
    if (!painter.hasClipping())
        painter.setClipRect(area);
    if (s.isLayerVisible(MapLayer::Basemap)) {
        m_basemap.takeFinished();
        if (!m_basemap.isCurrent(s.viewport(), dpr) && !interacting) {
            if (moreToDraw)
                m_basemap.renderInBackground(s.viewport(), dpr, moreToDraw);
            else
                m_basemap.render(s.viewport(), dpr);
        }
        m_basemap.paint(painter, s.viewport());
    } else {
        painter.fillRect(area, QColor::fromRgba(m_theme->background));
    }

    if (s.state() && !s.state()->sites().isEmpty() && !paintNetwork(painter, project(dpr), interacting, bool(moreToDraw)))
        moreToDraw();
    if (s.staleSince().isValid())
        StaleDataOverlay::paintBanner(painter, QRectF(area), *m_theme, s.staleSince());
    MapLegend::paintScaleBar(painter, s.viewport(), *m_theme, area);
    if (s.isLegendVisible())
        paintLegend(painter, dpr);
}

bool MapRenderer::paintNetwork(QPainter& painter, const MapFrame& f, bool interacting, bool spread)
{
    const MapScene& s = m_scene;
    const NetworkState& state = *s.state();
    const int selected = s.selectedSite();
    const int selectedShown = selected >= 0 ? f.folded.representative(selected) : -1;
    bool complete = true;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    // Reach areas lie under the network: translucent over sites and labels they would
    // muddy them (DESIGN.md puts overlays above; the rings over the sites stay there).
    updateLatencyReach();
    if (s.isLayerVisible(MapLayer::LatencyCircles))
        m_reach.paintAreas(painter, f, s.geometry().planePositions(), interacting);
    if (s.isLayerVisible(MapLayer::Links)) {
        m_links.paint(painter, f, selectedShown);
        if (LinkLayer::hasActiveMigrations(state))
            m_links.paintMigrationFlows(painter, f, s.flowPhase());
    }
    if (s.isLayerVisible(MapLayer::Sites))
        m_network.paintSites(painter, f, s.isLayerVisible(MapLayer::Alarms));
    if (s.isLayerVisible(MapLayer::Labels)) {
        std::vector<int> focus;
        if (selectedShown >= 0)
            focus.push_back(selectedShown);
        for (const QString& id : s.unfoldedPath())
            focus.push_back(state.siteIndex(id));
        complete = m_network.paintLabels(
            painter, f, focus, spread ? QDeadlineTimer(m_labelTimePerFrame) : QDeadlineTimer(QDeadlineTimer::Forever));
    }
    if (s.isLayerVisible(MapLayer::LatencyCircles))
        m_reach.paintRings(painter, f);
    if (s.migrationPreview())
        MigrationPreviewOverlay::paint(painter, f, *s.migrationPreview());
    if (s.dropSite() >= 0)
        MigrationPreviewOverlay::paintDropTarget(painter, f, s.dropSite());
    const QStringList& badgeSites = s.alarmBadgeSiteIds();
    const QStringList& badgeLinks = s.alarmBadgeLinkIds();
    if (s.isLayerVisible(MapLayer::Alarms) && (!badgeSites.isEmpty() || !badgeLinks.isEmpty())) {
        QList<int> sites, links;
        for (const QString& id : badgeSites)
            sites.append(state.siteIndex(id));
        for (const QString& id : badgeLinks)
            links.append(state.linkIndex(id));
        AlarmAttentionOverlay::paint(painter, f, sites, links);
    }
    m_network.paintSelection(painter, f, selected);
    painter.restore();
    return complete;
}

void MapRenderer::paintLegend(QPainter& painter, qreal dpr)
{
    // The latency bands join the key while they are on the map.
    const bool bands = m_scene.isLayerVisible(MapLayer::LatencyCircles) && !m_reach.isEmpty();
    const QStringList& platforms = m_scene.platformColours();
    if (m_legend.isNull() || m_legend.devicePixelRatio() != dpr || bands != m_legendBands
        || platforms != m_legendPlatforms) {
        m_legend = MapLegend::render(dpr, *m_theme, bands, platforms);
        m_legendBands = bands;
        m_legendPlatforms = platforms;
    }
    const double legendHeight = m_legend.height() / m_legend.devicePixelRatio();
    painter.drawImage(QPointF(kOverlayMarginPx, m_scene.size().height() - kOverlayMarginPx - legendHeight), m_legend);
}

void MapRenderer::updateLatencyReach()
{
    const MapScene& s = m_scene;
    const int source = s.isLayerVisible(MapLayer::LatencyCircles) ? s.selectedSite() : -1;
    if (source < 0) {
        m_reach.clear();
        return;
    }
    const bool topology = m_reachTopology != s.topologyGeneration();
    const bool links = m_reachLinks != s.linksGeneration();
    const bool outdated = links && (!m_reachAge.isValid() || m_reachAge.elapsed() >= kReachRefreshMs);
    if (m_reach.source() == source && !topology && !outdated)
        return;
    m_reach.setDistances(source, LatencyReach::compute(*s.state(), source));
    m_reachTopology = s.topologyGeneration();
    m_reachLinks = s.linksGeneration();
    m_reachAge.start();
}

float MapRenderer::latencyFromSelection(int site) const
{
    // Until the next frame the reach may be that of a site no longer selected.
    const bool current = m_scene.isLayerVisible(MapLayer::LatencyCircles) && !m_reach.isEmpty()
        && m_reach.source() == m_scene.selectedSite() && m_reachTopology == m_scene.topologyGeneration();
    return current ? m_reach.distance(site) : std::numeric_limits<float>::infinity();
}

int MapRenderer::linkAt(QPointF position)
{
    const MapScene& s = m_scene;
    if (!s.state() || s.state()->sites().isEmpty())
        return -1;
    return LinkLayer::linkAt(project(1.0), position);
}

} // namespace cpn
