#pragma once
// Draws one frame of a MapScene into any QPainter (Marble's MarbleMap, QGIS's renderer job):
// basemap, latency reach areas, links and migration flows, sites, labels, overlays, selection,
// the stale banner, scale bar and legend. It keeps the caches that make a repaint cheap (the
// basemap image, link batches, site symbols and labels, the reach, the legend) and needs no
// widget: the map view, the benchmark and tests paint through it alike.

#include "basemaplayer.h"
#include "linklayer.h"
#include "mapframe.h"
#include "mapoverlays.h"
#include "networklayer.h"

#include <QElapsedTimer>
#include <QImage>

#include <chrono>
#include <functional>

class QPainter;

namespace cpn {

class MapScene;

class MapRenderer {
public:
    // Draws `scene`, which must outlive the renderer. Starts with the built-in basemap.
    explicit MapRenderer(const MapScene& scene);

    // Replaces the basemap (the built-in one is :/basemap/china.geojson).
    void setBasemap(Basemap basemap);
    const Basemap& basemap() const { return m_basemap.basemap(); }
    // The sites as the last frame drew them (its labels).
    const NetworkLayer& network() const { return m_network; }

    // Draws the whole map over the scene's viewport size. While the view is moving
    // (interacting) the basemap image is drawn moved rather than rendered again. With
    // `moreToDraw` (the map on screen) what takes long is spread over frames, and `moreToDraw`
    // is called (on any thread) when the next frame has more to show: a basemap image for a new
    // view is rendered on a worker thread, the one before drawn moved meanwhile; label images
    // not made before are made some milliseconds' worth a frame (the first frame with the network
    // had held the GUI thread 60 ms for them). Without, all is drawn here (exports, benchmarks).
    void render(QPainter& painter, bool interacting = false, const std::function<void()>& moreToDraw = {});
    // The language changed: region names, labels and the legend are rendered again.
    void invalidateText();
    // On screen, how long a frame makes label images not made before (8 ms): the first at least.
    void setLabelTimePerFrame(std::chrono::milliseconds time) { m_labelTimePerFrame = time; }

    // The merged link drawn under a canvas point (within 4 px), or -1.
    int linkAt(QPointF position);
    // Latency (ms) from the selected site along the network, infinity beyond 20 ms; valid
    // once a frame was drawn with the latency layer on.
    float latencyFromSelection(int site) const;

private:
    // The scene does not notify: layers are restyled when what they were drawn with changed.
    void followStyle();
    void updateLatencyReach();
    // Screen positions of the visible sites for this view, and the frame every layer draws.
    MapFrame project(qreal devicePixelRatio);
    // False when labels are left for the next frame (see render).
    bool paintNetwork(QPainter& painter, const MapFrame& frame, bool interacting, bool spread);
    void paintLegend(QPainter& painter, qreal devicePixelRatio);

    const MapScene& m_scene;
    BasemapLayer m_basemap;
    NetworkLayer m_network;
    LinkLayer m_links;
    LatencyReachOverlay m_reach;
    quint64 m_reachTopology = 0; // the scene's generations the reach was computed for
    quint64 m_reachLinks = 0;
    QElapsedTimer m_reachAge;
    QImage m_legend; // rendered once per language, theme and set of bands
    bool m_legendBands = false;
    QStringList m_legendPlatforms;
    const MapTheme* m_theme = nullptr; // what the layers are styled for
    bool m_stale = false;
    bool m_names = true;
    std::chrono::milliseconds m_labelTimePerFrame { 8 };
};

} // namespace cpn
