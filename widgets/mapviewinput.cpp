// MapView: input goes to the map tools in turn; tooltips come from MapToolTip.

#include "mapview.h"

#include "maptool.h"
#include "maptooltip.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QToolTip>

namespace cpn {

template <typename Event> bool MapView::offerToTools(bool (MapTool::*handler)(Event*), Event* event)
{
    for (MapTool* tool : std::as_const(m_tools))
        if ((tool->*handler)(event))
            return true;
    return false;
}

void MapView::wheelEvent(QWheelEvent* event)
{
    if (!offerToTools(&MapTool::wheelEvent, event))
        QWidget::wheelEvent(event);
}

void MapView::mousePressEvent(QMouseEvent* event)
{
    if (!offerToTools(&MapTool::mousePressEvent, event))
        QWidget::mousePressEvent(event);
}

void MapView::mouseMoveEvent(QMouseEvent* event)
{
    if (!offerToTools(&MapTool::mouseMoveEvent, event))
        QWidget::mouseMoveEvent(event);
}

void MapView::mouseReleaseEvent(QMouseEvent* event)
{
    if (!offerToTools(&MapTool::mouseReleaseEvent, event))
        QWidget::mouseReleaseEvent(event);
}

void MapView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        // The release that follows must not select what the flight brought under the cursor.
        for (MapTool* tool : std::as_const(m_tools))
            tool->cancelGesture();
    }
    if (!offerToTools(&MapTool::mouseDoubleClickEvent, event))
        QWidget::mouseDoubleClickEvent(event);
}

void MapView::contextMenuEvent(QContextMenuEvent* event)
{
    if (!offerToTools(&MapTool::contextMenuEvent, event))
        QWidget::contextMenuEvent(event);
}

void MapView::keyPressEvent(QKeyEvent* event)
{
    if (offerToTools(&MapTool::keyPressEvent, event))
        event->accept();
    else
        QWidget::keyPressEvent(event);
}

void MapView::dragEnterEvent(QDragEnterEvent* event)
{
    if (!offerToTools(&MapTool::dragEnterEvent, event))
        QWidget::dragEnterEvent(event);
}

void MapView::dragMoveEvent(QDragMoveEvent* event)
{
    if (!offerToTools(&MapTool::dragMoveEvent, event))
        QWidget::dragMoveEvent(event);
}

void MapView::dragLeaveEvent(QDragLeaveEvent* event)
{
    if (!offerToTools(&MapTool::dragLeaveEvent, event))
        QWidget::dragLeaveEvent(event);
}

void MapView::dropEvent(QDropEvent* event)
{
    if (!offerToTools(&MapTool::dropEvent, event))
        QWidget::dropEvent(event);
}

bool MapView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        QRect area;
        const QString text = MapToolTip::textAt(m_scene, m_renderer, help->pos(), &area);
        if (!text.isEmpty()) {
            QToolTip::showText(help->globalPos(), text, this, area);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace cpn
