#pragma once
// The live map of the network over China: basemap, links, sites, labels, overlays and the
// selection; regional and edge sites folded into their hub at national zoom and unfolded as
// the operator zooms in or double-clicks; pan, zoom about the cursor, fly to a site, hover
// tooltips, drop a task on a site, and a what-if preview of a migration.

#include "basemaplayer.h"
#include "foldednetwork.h"
#include "linklayer.h"
#include "maplayers.h"
#include "mapoverlays.h"
#include "mapprojection.h"
#include "maptheme.h"
#include "mapviewport.h"
#include "migrationpreview.h"
#include "networklayer.h"
#include "networkstate.h"
#include "sitehierarchy.h"
#include "taskmimedata.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <bitset>
#include <optional>

class QVariantAnimation;

namespace cpn {

class MapBreadcrumb;
class SiteSearchBox;

class MapView : public QWidget {
    Q_OBJECT
public:
    // Zoom levels (1: China fits) from which hubs, then regional centres, unfold by themselves.
    static constexpr double kUnfoldHubsZoom = 2.0;
    static constexpr double kUnfoldRegionalZoom = 5.0;

    explicit MapView(QWidget* parent = nullptr);
    ~MapView() override;

    // The state to show; not owned. Repaints are coalesced to about 30 per second.
    void setState(const NetworkState* state);
    const NetworkState* state() const { return m_state; }

    // Replaces the built-in basemap (:/basemap/china.geojson).
    void setBasemap(Basemap basemap);
    const Basemap& basemap() const { return m_basemap.basemap(); }

    void setTheme(MapThemeKind theme);
    MapThemeKind theme() const { return m_theme->kind; }

    void setLayerVisible(MapLayer layer, bool visible);
    bool isLayerVisible(MapLayer layer) const { return m_layers.test(std::size_t(layer)); }

    QString selectedSiteId() const { return m_selectedSiteId; }
    // Selects without emitting siteSelected (for syncing with other views); empty clears.
    void setSelectedSiteId(const QString& siteId);

    // Where site `index` of state()->sites() is, in widget coordinates (also when folded).
    QPointF sitePosition(int index) const;
    // The site `index` is drawn as: itself, or the site it is folded into.
    int shownSiteOf(int index) const;
    // Radius in pixels of the glyph a visible site is drawn with (0 for a folded one).
    double siteRadius(int index) const;
    // The index of the site drawn under a widget point, or -1.
    int siteAt(QPointF position) const;
    // 1 when China just fits the widget.
    double zoomLevel() const;

    // Sites explicitly unfolded (double-click, breadcrumb, search), from the hub down.
    QStringList unfoldedPath() const { return m_unfoldedPath; }
    // Unfolds a hub or regional centre and flies to what it holds; a site with nothing to
    // unfold is zoomed to instead.
    void unfoldSite(const QString& siteId);
    // Back up the breadcrumb: 0 is the whole country (folds everything and fits China).
    void goToLevel(int depth);
    // Off: every site is drawn as itself at every zoom (for comparison; on by default).
    void setFoldingEnabled(bool enabled);
    bool isFoldingEnabled() const { return m_foldingEnabled; }

    // What-if of a planned migration: its path highlighted, the projected loads as ghost rings
    // on the sites and links involved. nullopt clears it.
    void setMigrationPreview(const std::optional<MigrationPreview>& preview);
    const std::optional<MigrationPreview>& migrationPreview() const { return m_preview; }

    // Latency (ms) from the selected site along the network, infinity beyond 20 ms; valid
    // while the latency layer is on.
    float latencyFromSelection(int siteIndex) const;
    // Whether the migration flow is being animated now.
    bool isFlowAnimating() const { return m_flowTimer.isActive(); }

    // Sites and links with an unacknowledged critical alarm, marked on the map (with the Alarms
    // layer); ids the state does not know are ignored.
    void setAlarmBadges(const QStringList& siteIds, const QStringList& linkIds);
    QStringList alarmBadgeSiteIds() const { return m_badgeSites; }
    QStringList alarmBadgeLinkIds() const { return m_badgeLinks; }
    // The data stopped being live at `since` (invalid: live again): the network is drawn without
    // its colours, under a banner saying since when. Nothing is removed.
    void setStale(const QDateTime& since);
    bool isStale() const { return m_staleSince.isValid(); }
    QDateTime staleSince() const { return m_staleSince; }

    // The utilisation and status key in the bottom-left corner (shown by default).
    void setLegendVisible(bool visible);
    bool isLegendVisible() const { return m_legendVisible; }
    // Flying to a site or level animates unless switched off (tests, benchmarks).
    void setAnimated(bool animated) { m_animated = animated; }

    MapBreadcrumb* breadcrumb() const { return m_breadcrumb; }
    SiteSearchBox* searchBox() const { return m_search; }
    const MapProjection& projection() const { return m_projection; }
    const MapViewport& viewport() const { return m_viewport; }
    const FoldedNetwork& foldedNetwork() const;

    // Paints the whole map as paintEvent does (benchmarks render offscreen with it).
    void paintMap(QPainter& painter);

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
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dragMoveEvent(QDragMoveEvent* event) override;
    void dragLeaveEvent(QDragLeaveEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    static constexpr double kMinZoom = 0.5; // relative to China fitting the widget
    static constexpr double kMaxZoom = 200;
    static constexpr double kFitMarginPx = 16;

    void onTopologyReset();
    void onSitesChanged(const QList<int>& siteIndexes);
    void onLinksChanged();
    void scheduleRepaint();
    void applyPendingChanges();
    void viewChanged(bool interactive);
    double fitScale() const;
    void ensureFolded() const;
    void updateLatencyReach();
    void updateFlowAnimation();
    void updateBreadcrumb();
    void setUnfoldedPath(const QStringList& path);
    // Animates (or jumps) to show planeRect, zoomed to at most maxZoom.
    void flyTo(const QRectF& planeRect, double maxZoom);
    void flyTo(QPointF planeCenter, double scale);
    QRectF extentOf(int site) const;
    MapFrame frame() const;
    void layoutOverlays();
    void selectByUser(const QString& siteId);
    QString toolTipAt(QPointF position, QRect* area) const;

    QPointer<const NetworkState> m_state;
    MapProjection m_projection;
    MapViewport m_viewport;
    BasemapLayer m_basemap;
    const MapTheme* m_theme = &MapTheme::dark();
    std::bitset<kMapLayerCount> m_layers;
    QString m_selectedSiteId;
    QStringList m_unfoldedPath;
    std::optional<MigrationPreview> m_preview;
    QStringList m_badgeSites;
    QStringList m_badgeLinks;
    QDateTime m_staleSince;
    int m_dropSite = -1;
    QImage m_legend; // rendered once per language and theme
    bool m_legendVisible = true;
    bool m_legendBands = false;
    bool m_animated = true;
    bool m_foldingEnabled = true;

    // Caches of the folded network and its geometry, brought up to date lazily (also from
    // const hit-testing).
    mutable SiteHierarchy m_hierarchy;
    mutable FoldedNetwork m_folded;
    mutable NetworkLayer m_network;
    mutable bool m_foldDirty = true;
    mutable bool m_metricsDirty = false;
    mutable bool m_alarmsDirty = false;
    LinkLayer m_links;
    LatencyReachOverlay m_reach;
    bool m_reachDirty = false;
    QElapsedTimer m_reachAge;

    // Coalescing of state changes into one repaint.
    QTimer m_repaintTimer;
    bool m_repaintScheduled = false;
    QList<int> m_pendingSites;
    // The basemap is re-rendered once the view has been still for a moment.
    QTimer m_basemapTimer;
    QTimer m_flowTimer;
    double m_flowPhase = 0;
    QVariantAnimation* m_flight;
    MapViewport m_flightFrom, m_flightTo;

    MapBreadcrumb* m_breadcrumb;
    SiteSearchBox* m_search;

    bool m_userMovedView = false; // until then, the view keeps fitting China on resize
    bool m_pressed = false;
    bool m_dragging = false;
    QPoint m_pressPosition;
    QPoint m_lastDragPosition;
};

} // namespace cpn
