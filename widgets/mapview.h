#pragma once
// The live map of the network over China, as a widget: it owns the scene (what is shown), the
// renderer that paints it, the navigator that moves the view and the tools that turn mouse and
// keyboard into actions (pan and zoom, select and unfold, drop a task), and wires them to the
// state, the breadcrumb and the search box. Repaints of state changes are coalesced.

#include "mapnavigator.h"
#include "maprenderer.h"
#include "mapscene.h"
#include "taskmimedata.h"

#include <QTimer>
#include <QWidget>

namespace cpn {

class MapBreadcrumb;
class MapPanTool;
class MapTool;
class SiteSearchBox;

class MapView : public QWidget {
    Q_OBJECT
public:
    // Zoom levels (1: China fits) from which hubs, then regional centres, unfold by themselves.
    static constexpr double kUnfoldHubsZoom = MapScene::kUnfoldHubsZoom;
    static constexpr double kUnfoldRegionalZoom = MapScene::kUnfoldRegionalZoom;

    explicit MapView(QWidget* parent = nullptr);
    ~MapView() override;

    // The state to show; not owned. Repaints are coalesced to about 30 per second.
    void setState(const NetworkState* state);
    const NetworkState* state() const { return m_scene.state(); }

    // Replaces the built-in basemap (:/basemap/china.geojson).
    void setBasemap(Basemap basemap);
    const Basemap& basemap() const { return m_renderer.basemap(); }

    void setTheme(MapThemeKind theme);
    MapThemeKind theme() const { return m_scene.theme().kind; }

    void setLayerVisible(MapLayer layer, bool visible);
    bool isLayerVisible(MapLayer layer) const { return m_scene.isLayerVisible(layer); }

    QString selectedSiteId() const { return m_scene.selectedSiteId(); }
    // Selects without emitting siteSelected (for syncing with other views); empty clears.
    void setSelectedSiteId(const QString& siteId);

    // Where site `index` of state()->sites() is, in widget coordinates (also when folded).
    QPointF sitePosition(int index) const { return m_scene.sitePosition(index); }
    // The site `index` is drawn as: itself, or the site it is folded into.
    int shownSiteOf(int index) const { return m_scene.shownSiteOf(index); }
    // Radius in pixels of the glyph a visible site is drawn with (0 for a folded one).
    double siteRadius(int index) const { return m_scene.siteRadius(index); }
    // The index of the site drawn under a widget point, or -1.
    int siteAt(QPointF position) const { return m_scene.siteAt(position); }
    // 1 when China just fits the widget.
    double zoomLevel() const { return m_scene.zoomLevel(); }

    // Sites explicitly unfolded (double-click, breadcrumb, search), from the hub down.
    QStringList unfoldedPath() const { return m_scene.unfoldedPath(); }
    // Unfolds a hub or regional centre and flies to what it holds; a site with nothing to
    // unfold is zoomed to instead.
    void unfoldSite(const QString& siteId);
    // Back up the breadcrumb: 0 is the whole country (folds everything and fits China).
    void goToLevel(int depth);
    // Off: every site is drawn as itself at every zoom (for comparison; on by default).
    void setFoldingEnabled(bool enabled);
    bool isFoldingEnabled() const { return m_scene.isFoldingEnabled(); }

    // What-if of a planned migration: its path highlighted, the projected loads as ghost rings
    // on the sites and links involved. nullopt clears it.
    void setMigrationPreview(const std::optional<MigrationPreview>& preview);
    const std::optional<MigrationPreview>& migrationPreview() const { return m_scene.migrationPreview(); }

    // Latency (ms) from the selected site along the network, infinity beyond 20 ms; valid
    // while the latency layer is on.
    float latencyFromSelection(int siteIndex) const { return m_renderer.latencyFromSelection(siteIndex); }
    // Whether the migration flow is being animated now.
    bool isFlowAnimating() const { return m_flowTimer.isActive(); }

    // Sites and links with an unacknowledged critical alarm, marked on the map (with the Alarms
    // layer); ids the state does not know are ignored.
    void setAlarmBadges(const QStringList& siteIds, const QStringList& linkIds);
    QStringList alarmBadgeSiteIds() const { return m_scene.alarmBadgeSiteIds(); }
    QStringList alarmBadgeLinkIds() const { return m_scene.alarmBadgeLinkIds(); }
    // The data stopped being live at `since` (invalid: live again): the network is drawn without
    // its colours, under a banner saying since when. Nothing is removed.
    void setStale(const QDateTime& since);
    bool isStale() const { return m_scene.staleSince().isValid(); }
    // Greys the sites and links of these platforms only (their feeds are down or quiet).
    void setStalePlatforms(const QSet<QString>& platforms);
    const QSet<QString>& stalePlatforms() const { return m_scene.stalePlatforms(); }
    // Colours sites by platform (these, in this order; platformColor()) instead of by load, the
    // legend naming each; empty: by load.
    void setPlatformColours(const QStringList& platforms);
    const QStringList& platformColours() const { return m_scene.platformColours(); }
    QDateTime staleSince() const { return m_scene.staleSince(); }

    // The utilisation and status key in the bottom-left corner (shown by default).
    void setLegendVisible(bool visible);
    bool isLegendVisible() const { return m_scene.isLegendVisible(); }
    // Flying to a site or level animates unless switched off (tests, benchmarks).
    void setAnimated(bool animated) { m_navigator->setAnimated(animated); }

    MapBreadcrumb* breadcrumb() const { return m_breadcrumb; }
    SiteSearchBox* searchBox() const { return m_search; }
    const MapProjection& projection() const { return m_scene.projection(); }
    const MapViewport& viewport() const { return m_scene.viewport(); }
    const FoldedNetwork& foldedNetwork() const { return m_scene.folded(); }
    // What the map shows (read-only: change it through this widget, which repaints).
    const MapScene& scene() const { return m_scene; }
    // Draws the map as paintEvent does, into any painter (benchmarks compare it with its peers).
    void render(QPainter& painter) { m_renderer.render(painter); }

    QSize sizeHint() const override { return { 960, 720 }; }

public slots:
    void fitChina();
    // Fits the selected site and what it holds; nothing selected: fits China.
    void fitSelection();
    // Selects the site, unfolds what hides it and flies to it; emits siteSelected.
    void flyToSite(const QString& siteId);
    void zoomIn();
    void zoomOut();
    // Scales by factor (clamped to the zoom limits) keeping the point under position fixed.
    void zoomAbout(QPointF position, double factor);
    void panBy(QPointF screenDelta);
    void focusSearch();

signals:
    // The user clicked a site (its id) or empty map (an empty string).
    void siteSelected(const QString& siteId);
    void viewportChanged();
    void unfoldedPathChanged(const QStringList& siteIds);
    void layerVisibilityChanged(MapLayer layer, bool visible);
    // A task (kTaskIdMimeType) was dropped on a site.
    void taskDroppedOnSite(const QString& taskId, const QString& siteId);
    // Right-click on a site (which is selected first).
    void siteContextMenuRequested(const QString& siteId, const QPoint& globalPos);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void wireState();
    void scheduleRepaint();
    void applyPendingChanges();
    void onViewChanged(bool interactive);
    void onUnfoldedPathChanged(const QStringList& path);
    void updateFlowAnimation();
    void updateBreadcrumb();
    void layoutOverlays();
    void selectByUser(const QString& siteId);
    // Offers an input event to the tools in turn; false when none took it.
    template <typename Event> bool offerToTools(bool (MapTool::*handler)(Event*), Event* event);

    MapScene m_scene;
    MapRenderer m_renderer;
    MapNavigator* m_navigator;
    MapPanTool* m_panTool;
    QList<MapTool*> m_tools; // in the order they are offered events
    MapBreadcrumb* m_breadcrumb;
    SiteSearchBox* m_search;

    // Coalescing of state changes into one repaint.
    QTimer m_repaintTimer;
    bool m_repaintScheduled = false;
    QTimer m_paintTurn; // the repaint, in the turn after the scene was prepared for it
    // The basemap is re-rendered once the view has been still for a moment.
    QTimer m_basemapTimer;
    // The renderer has more to show in the next frame (a basemap image rendered on a worker
    // thread, labels left for later): repaint. Called on any thread.
    std::function<void()> m_moreToDraw;
    QTimer m_flowTimer;
};

} // namespace cpn
