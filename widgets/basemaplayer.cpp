#include "basemaplayer.h"

#include "maptheme.h"

#include <QPainter>

namespace cpn {

void BasemapLayer::setBasemap(Basemap basemap)
{
    m_basemap = std::move(basemap);
    m_valid = false;
}

bool BasemapLayer::isCurrent(const MapViewport& viewport, qreal devicePixelRatio) const
{
    return m_valid && m_rendered == viewport && m_image.devicePixelRatio() == devicePixelRatio;
}

void BasemapLayer::render(const MapViewport& viewport, qreal devicePixelRatio)
{
    const QSize pixels = viewport.size() * devicePixelRatio;
    if (m_image.size() != pixels)
        m_image = QImage(pixels, QImage::Format_RGB32); // opaque, so drawn with a plain copy
    m_image.setDevicePixelRatio(devicePixelRatio);
    QPainter painter(&m_image);
    m_basemap.paint(painter, viewport);
    m_rendered = viewport;
    m_valid = !pixels.isEmpty();
}

void BasemapLayer::paint(QPainter& painter, const MapViewport& viewport) const
{
    if (!m_valid || m_rendered != viewport)
        painter.fillRect(QRect(QPoint(0, 0), viewport.size()), QColor::fromRgba(maptheme::kBackground));
    if (!m_valid)
        return;
    if (m_rendered == viewport) {
        painter.drawImage(QPointF(0, 0), m_image);
        return;
    }
    // Old screen -> plane -> new screen.
    painter.save();
    painter.setTransform(m_rendered.transform().inverted() * viewport.transform(), true);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    painter.drawImage(QPointF(0, 0), m_image);
    painter.restore();
}

} // namespace cpn
