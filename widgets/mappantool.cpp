#include "mappantool.h"

#include "mapview.h"

#include <QApplication>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QWheelEvent>

#include <cmath>

namespace cpn {

bool MapPanTool::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    view()->setFocus(Qt::MouseFocusReason);
    m_pressed = true;
    m_dragging = false;
    m_pressPosition = m_lastDragPosition = event->position().toPoint();
    return true;
}

bool MapPanTool::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_pressed || !(event->buttons() & Qt::LeftButton))
        return false;
    const QPoint position = event->position().toPoint();
    if (!m_dragging && (position - m_pressPosition).manhattanLength() >= QApplication::startDragDistance()) {
        m_dragging = true;
        view()->setCursor(Qt::ClosedHandCursor);
    }
    if (m_dragging) {
        view()->panBy(position - m_lastDragPosition);
        m_lastDragPosition = position;
    }
    return true;
}

bool MapPanTool::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressed)
        return false;
    const bool wasDragging = m_dragging;
    m_pressed = m_dragging = false;
    view()->unsetCursor();
    if (wasDragging)
        emit dragFinished();
    return true;
}

bool MapPanTool::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    view()->zoomAbout(event->position(), 2.0);
    return true;
}

bool MapPanTool::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        view()->zoomAbout(event->position(), std::pow(1.25, steps));
    event->accept();
    return true;
}

bool MapPanTool::keyPressEvent(QKeyEvent* event)
{
    const QPointF step(view()->width() / 8.0, view()->height() / 8.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        view()->zoomIn();
        break;
    case Qt::Key_Minus:
        view()->zoomOut();
        break;
    case Qt::Key_Left:
        view()->panBy(QPointF(step.x(), 0));
        break;
    case Qt::Key_Right:
        view()->panBy(QPointF(-step.x(), 0));
        break;
    case Qt::Key_Up:
        view()->panBy(QPointF(0, step.y()));
        break;
    case Qt::Key_Down:
        view()->panBy(QPointF(0, -step.y()));
        break;
    case Qt::Key_Home:
        view()->fitChina();
        break;
    case Qt::Key_F:
        view()->fitSelection();
        break;
    default:
        return false;
    }
    return true;
}

} // namespace cpn
