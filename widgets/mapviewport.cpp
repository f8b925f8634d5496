#include "mapviewport.h"

#include <algorithm>

namespace cpn {

void MapViewport::setScale(double pixelsPerMetre)
{
    if (pixelsPerMetre > 0)
        m_scale = pixelsPerMetre;
}

QTransform MapViewport::transform() const
{
    return QTransform(m_scale, 0, 0, -m_scale, m_size.width() / 2.0 - m_center.x() * m_scale,
        m_size.height() / 2.0 + m_center.y() * m_scale);
}

QRectF MapViewport::visiblePlaneRect() const
{
    const QPointF topLeft = toPlane(QPointF(0, 0));
    const QPointF bottomRight = toPlane(QPointF(m_size.width(), m_size.height()));
    return QRectF(QPointF(topLeft.x(), bottomRight.y()), QPointF(bottomRight.x(), topLeft.y()));
}

void MapViewport::zoomAbout(QPointF screenAnchor, double factor)
{
    if (!(factor > 0))
        return;
    const QPointF anchor = toPlane(screenAnchor);
    m_scale *= factor;
    // Solve toScreen(anchor) == screenAnchor for the new centre.
    m_center.rx() = anchor.x() - (screenAnchor.x() - m_size.width() / 2.0) / m_scale;
    m_center.ry() = anchor.y() + (screenAnchor.y() - m_size.height() / 2.0) / m_scale;
}

void MapViewport::pan(QPointF screenDelta)
{
    m_center.rx() -= screenDelta.x() / m_scale;
    m_center.ry() += screenDelta.y() / m_scale;
}

void MapViewport::fitTo(const QRectF& planeRect, double marginPx)
{
    if (planeRect.width() <= 0 || planeRect.height() <= 0 || m_size.isEmpty())
        return;
    const double w = std::max(1.0, m_size.width() - 2 * marginPx);
    const double h = std::max(1.0, m_size.height() - 2 * marginPx);
    m_scale = std::min(w / planeRect.width(), h / planeRect.height());
    m_center = planeRect.center();
}

} // namespace cpn
