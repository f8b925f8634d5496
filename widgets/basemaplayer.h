#pragma once
// The basemap drawn into a cached image a little larger than the view, re-rendered only when
// the view changes; until then the stale image is drawn moved and scaled to where the view now
// is, so that panning shows map rather than empty sea at the edges. The map on screen has it
// rendered on a worker thread (renderInBackground); an export or a benchmark renders it in place.

#include "basemap.h"
#include "maptheme.h"
#include "mapviewport.h"

#include <QImage>

#include <functional>
#include <memory>

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
    void invalidate() { changed(); }

    // Whether the cached image was rendered for exactly this view.
    bool isCurrent(const MapViewport& viewport, qreal devicePixelRatio) const;
    void render(const MapViewport& viewport, qreal devicePixelRatio);
    // The same on a worker thread: the first render, with every region's name, held the GUI
    // thread 70-80 ms, later ones 20-30 ms each time a zoom settled. paint() draws the image
    // before (moved) until this one is taken in by takeFinished(); `ready` is called on the
    // worker thread once it can be. One at a time: asked again meanwhile, nothing more starts.
    void renderInBackground(const MapViewport& viewport, qreal devicePixelRatio, const std::function<void()>& ready);
    // Takes in a finished background render (one for settings since changed is dropped).
    void takeFinished();
    // Draws the cached image (transformed when stale) over a plain background.
    void paint(QPainter& painter, const MapViewport& viewport) const;

private:
    struct Background;
    void changed();

    Basemap m_basemap;
    const MapTheme* m_theme = &MapTheme::dark();
    bool m_names = true;
    QImage m_image;
    MapViewport m_rendered; // the view the image is for
    MapViewport m_renderedWide; // the same, grown by the margin
    bool m_valid = false;
    quint64 m_settings = 0; // changes of basemap, theme, names: an image rendered before is stale
    std::shared_ptr<Background> m_background; // rendering, or rendered and not taken in yet
};

} // namespace cpn
