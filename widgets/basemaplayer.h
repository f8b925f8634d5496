#pragma once
// The basemap drawn into a cached image a little larger than the view, re-rendered only when
// the view changes; until then the stale image is drawn moved and scaled to where the view now
// is, so that panning shows map rather than empty sea at the edges.

#include "basemap.h"
#include "maptheme.h"
#include "mapviewport.h"

#include <QImage>

namespace cpn {

class BasemapLayer {
public:
    static constexpr int kMarginPx = 192;

    void setBasemap(Basemap basemap);
    const Basemap& basemap() const { return m_basemap; }
    void setTheme(const MapTheme& theme);
    // Region names on or off (they are part of the cached image).
    void setNamesVisible(bool visible);
    // Forces a re-render, e.g. when the language of the region names changed.
    void invalidate() { m_valid = false; }

    // Whether the cached image was rendered for exactly this view.
    bool isCurrent(const MapViewport& viewport, qreal devicePixelRatio) const;
    void render(const MapViewport& viewport, qreal devicePixelRatio);
    // Draws the cached image (transformed when stale) over a plain background.
    void paint(QPainter& painter, const MapViewport& viewport) const;

private:
    Basemap m_basemap;
    const MapTheme* m_theme = &MapTheme::dark();
    bool m_names = true;
    QImage m_image;
    MapViewport m_rendered; // the view the image is for
    MapViewport m_renderedWide; // the same, grown by the margin
    bool m_valid = false;
};

} // namespace cpn
