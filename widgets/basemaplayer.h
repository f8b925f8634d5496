#pragma once
// The basemap drawn into a cached image, re-rendered only when the view changes; until then
// the stale image is drawn moved and scaled to where the view now is.

#include "basemap.h"
#include "mapviewport.h"

#include <QImage>

namespace cpn {

class BasemapLayer {
public:
    void setBasemap(Basemap basemap);
    const Basemap& basemap() const { return m_basemap; }
    // Forces a re-render, e.g. when the language of the region names changed.
    void invalidate() { m_valid = false; }

    // Whether the cached image was rendered for exactly this view.
    bool isCurrent(const MapViewport& viewport, qreal devicePixelRatio) const;
    void render(const MapViewport& viewport, qreal devicePixelRatio);
    // Draws the cached image (transformed when stale) over a plain background.
    void paint(QPainter& painter, const MapViewport& viewport) const;

private:
    Basemap m_basemap;
    QImage m_image;
    MapViewport m_rendered;
    bool m_valid = false;
};

} // namespace cpn
