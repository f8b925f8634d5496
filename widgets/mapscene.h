#pragma once
// What the map shows, independent of who draws it and who drives it (Marble's MarbleModel plus
// ViewportParams): the network state, the view onto it, the operator's choices (layers, theme,
// selection, unfolded sites, preview, alarm badges, stale data), and the network as folded for
// the current zoom with the geometry of its sites, brought up to date lazily. MapRenderer draws
// a scene; the map tools and MapNavigator change it; MapView owns one and wires them.

#include "foldednetwork.h"
#include "maplayers.h"
#include "mapprojection.h"
#include "maptheme.h"
#include "mapviewport.h"
#include "migrationpreview.h"
#include "networkstate.h"
#include "sitegeometry.h"
#include "sitehierarchy.h"

#include <QDateTime>
#include <QPointer>
#include <QStringList>

#include <bitset>
#include <optional>

namespace cpn {

class MapScene {
public:
    // Zoom levels (1: China fits) from which hubs, then regional centres, unfold by themselves.
    static constexpr double kUnfoldHubsZoom = 2.0;
    static constexpr double kUnfoldRegionalZoom = 5.0;
    static constexpr double kFitMarginPx = 16;

    MapScene();

    // The state to show; not owned.
    void setState(const NetworkState* state);
    const NetworkState* state() const { return m_state; }
    // What changed in the state since (the caller listens to its signals):
    // every index may have changed,
    void resetTopology();
    // these sites changed (applied by applySiteChanges, so that a burst of frames costs one),
    void noteSitesChanged(const QList<int>& siteIndexes) { m_pendingSites.append(siteIndexes); }
    void applySiteChanges();
    // Builds what the next frame needs that a change left to rebuild (the folded network: some
    // tens of ms at huge after a new topology), so that it can be done in a turn of the event
    // loop before the one that paints.
    void prepareFrame() const { ensureFolded(); }
    // loads or link states changed,
    void noteMetricsChanged() { m_metricsDirty = true; }
    void noteLinksChanged();
    // active alarms changed.
    void noteAlarmsChanged() { m_alarmsDirty = true; }
    // Counters a drawer compares to what its caches were built from.
    quint64 topologyGeneration() const { return m_topologyGeneration; }
    quint64 linksGeneration() const { return m_linksGeneration; }

    // The view: plane metres <-> pixels of a canvas of viewport().size().
    const MapProjection& projection() const { return m_projection; }
    const MapViewport& viewport() const { return m_viewport; }
    MapViewport& viewport() { return m_viewport; }
    QSize size() const { return m_viewport.size(); }
    void fitChina();
    // Pixels per metre at which China just fits the canvas, and the zoom relative to it.
    double fitScale() const;
    double zoomLevel() const;

    const MapTheme& theme() const { return *m_theme; }
    void setTheme(const MapTheme& theme) { m_theme = &theme; }
    bool isLayerVisible(MapLayer layer) const { return m_layers.test(std::size_t(layer)); }
    void setLayerVisible(MapLayer layer, bool visible) { m_layers.set(std::size_t(layer), visible); }
    const QString& selectedSiteId() const { return m_selectedSiteId; }
    void setSelectedSiteId(const QString& siteId) { m_selectedSiteId = siteId; }
    // Index of the selected site in state()->sites(), or -1.
    int selectedSite() const;
    const QStringList& unfoldedPath() const { return m_unfoldedPath; }
    void setUnfoldedPath(const QStringList& path) { m_unfoldedPath = path; }
    bool isFoldingEnabled() const { return m_foldingEnabled; }
    void setFoldingEnabled(bool enabled);
    const std::optional<MigrationPreview>& migrationPreview() const { return m_preview; }
    void setMigrationPreview(const std::optional<MigrationPreview>& preview) { m_preview = preview; }
    const QStringList& alarmBadgeSiteIds() const { return m_badgeSites; }
    const QStringList& alarmBadgeLinkIds() const { return m_badgeLinks; }
    void setAlarmBadges(const QStringList& siteIds, const QStringList& linkIds);
    const QDateTime& staleSince() const { return m_staleSince; }
    void setStaleSince(const QDateTime& since) { m_staleSince = since; }
    const QSet<QString>& stalePlatforms() const { return m_stalePlatforms; }
    void setStalePlatforms(const QSet<QString>& platforms) { m_stalePlatforms = platforms; }
    const QStringList& platformColours() const { return m_platformColours; }
    void setPlatformColours(const QStringList& platforms) { m_platformColours = platforms; }
    bool isLegendVisible() const { return m_legendVisible; }
    void setLegendVisible(bool visible) { m_legendVisible = visible; }
    // The site a dragged task would land on (-1: none).
    int dropSite() const { return m_dropSite; }
    void setDropSite(int site) { m_dropSite = site; }
    // How far the migration flow's dashes have moved, pixels.
    double flowPhase() const { return m_flowPhase; }
    void setFlowPhase(double phase) { m_flowPhase = phase; }

    // The network as folded for the current zoom and unfolded sites, and its sites' geometry.
    const FoldedNetwork& folded() const;
    const SiteHierarchy& hierarchy() const;
    const SiteGeometry& geometry() const;
    // Where site `index` is on the canvas (also when folded).
    QPointF sitePosition(int index) const;
    // The site `index` is drawn as: itself, or the site it is folded into.
    int shownSiteOf(int index) const;
    // Radius in pixels of the glyph a visible site is drawn with (0 for a folded one).
    double siteRadius(int index) const;
    // The index of the site drawn under a canvas point, or -1.
    int siteAt(QPointF position) const;
    // The plane rectangle around a site and everything below it in the hierarchy.
    QRectF extentOf(int site) const;

private:
    void ensureFolded() const;
    void ensureTopology() const;

    QPointer<const NetworkState> m_state;
    MapProjection m_projection;
    QRectF m_chinaBounds; // projected once: every zoom level is relative to it
    MapViewport m_viewport;
    const MapTheme* m_theme = &MapTheme::dark();
    std::bitset<kMapLayerCount> m_layers;
    QString m_selectedSiteId;
    QStringList m_unfoldedPath;
    bool m_foldingEnabled = true;
    std::optional<MigrationPreview> m_preview;
    QStringList m_badgeSites;
    QStringList m_badgeLinks;
    QDateTime m_staleSince;
    QSet<QString> m_stalePlatforms;
    QStringList m_platformColours;
    bool m_legendVisible = true;
    int m_dropSite = -1;
    double m_flowPhase = 0;

    // Caches of the folded network and its geometry, brought up to date lazily (also from
    // const hit-testing).
    mutable SiteHierarchy m_hierarchy;
    mutable FoldedNetwork m_folded;
    mutable SiteGeometry m_geometry;
    mutable bool m_topologyStale = false; // m_hierarchy and m_geometry are of another network
    mutable bool m_foldDirty = true;
    mutable bool m_metricsDirty = false;
    mutable bool m_alarmsDirty = false;
    QList<int> m_pendingSites;
    quint64 m_topologyGeneration = 0;
    quint64 m_linksGeneration = 0;
};

} // namespace cpn
