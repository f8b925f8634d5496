#include "basemaplayer.h"

#include <QPainter>
#include <QThreadPool>

#include <atomic>

namespace cpn {

struct BasemapLayer::Background {
    MapViewport view;
    MapViewport wide;
    quint64 settings = 0;
    QImage image; // written by the worker until done
    std::atomic<bool> done { false };
};

namespace {

    QImage renderImage(const Basemap& basemap, const MapViewport& wide, qreal devicePixelRatio, const MapTheme& theme,
        bool names, QImage image = {})
    {
        const QSize pixels = wide.size() * devicePixelRatio;
        if (image.size() != pixels)
            image = QImage(pixels, QImage::Format_RGB32); // opaque, so drawn with a plain copy
        image.setDevicePixelRatio(devicePixelRatio);
        QPainter painter(&image);
        basemap.paint(painter, wide, theme, names);
        return image;
    }

    MapViewport widened(const MapViewport& viewport)
    {
        MapViewport wide = viewport;
        wide.setSize(viewport.size() + QSize(2 * BasemapLayer::kMarginPx, 2 * BasemapLayer::kMarginPx));
        return wide;
    }

} // namespace

void BasemapLayer::changed()
{
    m_valid = false;
    ++m_settings;
}

void BasemapLayer::setBasemap(Basemap basemap)
{
    m_basemap = std::move(basemap);
    changed();
}

void BasemapLayer::setTheme(const MapTheme& theme)
{
    if (&theme != m_theme) {
        m_theme = &theme;
        changed();
    }
}

void BasemapLayer::setNamesVisible(bool visible)
{
    if (visible != m_names) {
        m_names = visible;
        changed();
    }
}

bool BasemapLayer::isCurrent(const MapViewport& viewport, qreal devicePixelRatio) const
{
    return m_valid && m_rendered == viewport && m_image.devicePixelRatio() == devicePixelRatio;
}

void BasemapLayer::render(const MapViewport& viewport, qreal devicePixelRatio)
{
    m_background.reset(); // older than this one: its image is not taken in
    const MapViewport wide = widened(viewport);
    m_image = renderImage(m_basemap, wide, devicePixelRatio, *m_theme, m_names, std::move(m_image));
    m_rendered = viewport;
    m_renderedWide = wide;
    m_valid = !viewport.size().isEmpty();
}

void BasemapLayer::renderInBackground(
    const MapViewport& viewport, qreal devicePixelRatio, const std::function<void()>& ready)
{
    if (m_background)
        return; // its end calls `ready`, and the next paint asks again if the view moved on
    auto job = std::make_shared<Background>();
    job->view = viewport;
    job->wide = widened(viewport);
    job->settings = m_settings;
    // The worker draws outlines of its own (copied there: the GUI thread may draw the shared
    // ones meanwhile, an export); the themes are static.
    QThreadPool::globalInstance()->start([job, basemap = m_basemap, theme = m_theme, names = m_names,
                                             devicePixelRatio, ready] {
        job->image = renderImage(basemap.detached(), job->wide, devicePixelRatio, *theme, names);
        job->done.store(true, std::memory_order_release);
        if (ready)
            ready();
    });
    m_background = std::move(job);
}

void BasemapLayer::takeFinished()
{
    if (!m_background || !m_background->done.load(std::memory_order_acquire))
        return;
    const std::shared_ptr<Background> job = std::exchange(m_background, nullptr);
    if (job->settings != m_settings)
        return; // rendered with a theme, names or basemap since changed
    m_image = std::move(job->image);
    m_rendered = job->view;
    m_renderedWide = job->wide;
    m_valid = !job->view.size().isEmpty();
}

void BasemapLayer::paint(QPainter& painter, const MapViewport& viewport) const
{
    if (!m_valid || m_rendered != viewport)
        painter.fillRect(QRect(QPoint(0, 0), viewport.size()), QColor::fromRgba(m_theme->background));
    // An image of settings since changed is still drawn while the new one is rendered.
    if (m_image.isNull() || m_rendered.size().isEmpty())
        return;
    if (m_rendered == viewport) {
        const QSizeF size(viewport.size());
        painter.drawImage(QRectF(QPointF(0, 0), size), m_image,
            QRectF(QPointF(kMarginPx, kMarginPx) * m_image.devicePixelRatio(), size * m_image.devicePixelRatio()));
        return;
    }
    // Old screen -> plane -> new screen. A pure move is a plain copy, cheap enough per frame.
    const QTransform move = m_renderedWide.transform().inverted() * viewport.transform();
    painter.save();
    if (move.type() <= QTransform::TxTranslate) {
        painter.drawImage(QPointF(move.dx(), move.dy()), m_image);
    } else {
        painter.setTransform(move, true);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.drawImage(QPointF(0, 0), m_image);
    }
    painter.restore();
}

} // namespace cpn
