#pragma once
// The view transform of the map: plane metres (y north) <-> widget pixels (y down), as a
// centre and a scale, with zoom about a point, pan and fit.

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QTransform>

namespace cpn {

class MapViewport {
public:
    QSize size() const { return m_size; }
    // Keeps the plane point at the centre where it is.
    void setSize(QSize size) { m_size = size; }

    QPointF center() const { return m_center; }
    void setCenter(QPointF planeCenter) { m_center = planeCenter; }
    double scale() const { return m_scale; } // pixels per metre
    void setScale(double pixelsPerMetre);

    QPointF toScreen(QPointF plane) const
    {
        return { (plane.x() - m_center.x()) * m_scale + m_size.width() / 2.0,
            (m_center.y() - plane.y()) * m_scale + m_size.height() / 2.0 };
    }
    QPointF toPlane(QPointF screen) const
    {
        return { (screen.x() - m_size.width() / 2.0) / m_scale + m_center.x(),
            m_center.y() - (screen.y() - m_size.height() / 2.0) / m_scale };
    }
    // Plane -> screen, for painting plane geometry with a cosmetic pen.
    QTransform transform() const;
    // The plane area the widget shows.
    QRectF visiblePlaneRect() const;

    // Scales by factor and keeps the plane point under screenAnchor fixed.
    void zoomAbout(QPointF screenAnchor, double factor);
    // Moves the content by a screen offset (dragging right shows what lies to the west).
    void pan(QPointF screenDelta);
    // Centres planeRect and scales it to fit inside the widget less marginPx on every side.
    void fitTo(const QRectF& planeRect, double marginPx);

    bool operator==(const MapViewport&) const = default;

private:
    QSize m_size;
    QPointF m_center;
    double m_scale = 1e-3;
};

} // namespace cpn
