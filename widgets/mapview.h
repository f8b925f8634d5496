#pragma once
// The live map of the network: basemap, links, sites, hub labels and the selection over China,
// with pan, zoom about the cursor, click to select and hover tooltips.

#include "basemaplayer.h"
#include "mapprojection.h"
#include "mapviewport.h"
#include "networklayer.h"
#include "networkstate.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

namespace cpn {

class MapView : public QWidget {
    Q_OBJECT
public:
    explicit MapView(QWidget* parent = nullptr);
    ~MapView() override;

    // The state to show; not owned. Repaints are coalesced to about 30 per second.
    void setState(const NetworkState* state);
    const NetworkState* state() const { return m_state; }

    // Replaces the built-in basemap (:/basemap/china.geojson).
    void setBasemap(Basemap basemap);
    const Basemap& basemap() const { return m_basemap.basemap(); }

    QString selectedSiteId() const { return m_selectedSiteId; }
    // Selects without emitting siteSelected (for syncing with other views); empty clears.
    void setSelectedSiteId(const QString& siteId);

    // Where site `index` of state()->sites() is drawn, in widget coordinates.
    QPointF sitePosition(int index) const;
    // The index of the site under a widget point, or -1.
    int siteAt(QPointF position) const;
    // 1 when China just fits the widget.
    double zoomLevel() const;

    // The utilisation and status key in the bottom-left corner (shown by default).
    void setLegendVisible(bool visible);
    bool isLegendVisible() const { return m_legendVisible; }

    const MapProjection& projection() const { return m_projection; }
    const MapViewport& viewport() const { return m_viewport; }

    QSize sizeHint() const override { return { 960, 720 }; }

public slots:
    void fitChina();
    void zoomIn();
    void zoomOut();
    // Scales by factor (clamped to the zoom limits) keeping the point under position fixed.
    void zoomAbout(QPointF position, double factor);

signals:
    // The user clicked a site (its id) or empty map (an empty string).
    void siteSelected(const QString& siteId);
    void viewportChanged();

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void onTopologyReset();
    void onSitesChanged(const QList<int>& siteIndexes);
    void scheduleRepaint();
    void applyPendingChanges();
    void viewChanged(bool interactive);
    double fitScale() const;
    QString toolTipFor(int siteIndex) const;

    QPointer<const NetworkState> m_state;
    MapProjection m_projection;
    MapViewport m_viewport;
    BasemapLayer m_basemap;
    NetworkLayer m_network;
    QString m_selectedSiteId;
    QImage m_legend; // rendered once per language
    bool m_legendVisible = true;

    // Coalescing of state changes into one repaint.
    QTimer m_repaintTimer;
    bool m_repaintScheduled = false;
    QList<int> m_pendingSites;
    // The basemap is re-rendered once the view has been still for a moment.
    QTimer m_basemapTimer;

    bool m_userMovedView = false; // until then, the view keeps fitting China on resize
    bool m_pressed = false;
    bool m_dragging = false;
    QPoint m_pressPosition;
    QPoint m_lastDragPosition;
};

} // namespace cpn
