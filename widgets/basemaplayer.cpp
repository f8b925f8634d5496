#include "basemaplayer.h"

#include <QPainter>

namespace cpn {

void BasemapLayer::setBasemap(Basemap basemap)
{
    m_basemap = std::move(basemap);
    m_valid = false;
}

void BasemapLayer::setTheme(const MapTheme& theme)
{
    if (&theme != m_theme) {
        m_theme = &theme;
        m_valid = false;
    }
}

void BasemapLayer::setNamesVisible(bool visible)
{
    if (visible != m_names) {
        m_names = visible;
        m_valid = false;
    }
}

bool BasemapLayer::isCurrent(const MapViewport& viewport, qreal devicePixelRatio) const
{
    return m_valid && m_rendered == viewport && m_image.devicePixelRatio() == devicePixelRatio;
}

void BasemapLayer::render(const MapViewport& viewport, qreal devicePixelRatio)
{
    MapViewport wide = viewport;
    wide.setSize(viewport.size() + QSize(2 * kMarginPx, 2 * kMarginPx));
    const QSize pixels = wide.size() * devicePixelRatio;
    if (m_image.size() != pixels)
        m_image = QImage(pixels, QImage::Format_RGB32); // opaque, so drawn with a plain copy
    m_image.setDevicePixelRatio(devicePixelRatio);
    QPainter painter(&m_image);
    m_basemap.paint(painter, wide, *m_theme, m_names);
    painter.end();
    m_rendered = viewport;
    m_renderedWide = wide;
    m_valid = !viewport.size().isEmpty();
}

void BasemapLayer::paint(QPainter& painter, const MapViewport& viewport) const
{
    if (!m_valid || m_rendered != viewport)
        painter.fillRect(QRect(QPoint(0, 0), viewport.size()), QColor::fromRgba(m_theme->background));
    if (!m_valid)
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
