#include "mapselecttool.h"

#include "mapview.h"
#include "networkstate.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QMouseEvent>

namespace cpn {

QString MapSelectTool::siteIdAt(QPointF position) const
{
    const int index = view()->siteAt(position);
    return index >= 0 ? view()->state()->sites().at(index).id : QString();
}

bool MapSelectTool::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    m_pressed = true;
    m_moved = false;
    m_pressPosition = event->position().toPoint();
    return false; // the pan tool takes the press too: it may become a drag
}

bool MapSelectTool::mouseMoveEvent(QMouseEvent* event)
{
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        // The same test as the pan tool's: from here on the press is a drag.
        if ((event->position().toPoint() - m_pressPosition).manhattanLength() >= QApplication::startDragDistance())
            m_moved = true;
        return false;
    }
    if (view()->siteAt(event->position()) >= 0)
        view()->setCursor(Qt::PointingHandCursor);
    else
        view()->unsetCursor();
    return true;
}

bool MapSelectTool::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressed)
        return false;
    const bool click = !m_moved;
    m_pressed = m_moved = false;
    if (click)
        emit siteClicked(siteIdAt(event->position()));
    return false; // the pan tool ends its press too
}

bool MapSelectTool::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    const QString id = siteIdAt(event->position());
    if (id.isEmpty())
        return false; // empty map: the pan tool zooms in
    view()->unfoldSite(id);
    return true;
}

bool MapSelectTool::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!view()->selectedSiteId().isEmpty())
            view()->unfoldSite(view()->selectedSiteId());
        return true;
    case Qt::Key_Backspace:
        view()->goToLevel(int(view()->unfoldedPath().size()) - 1);
        return true;
    default:
        return false;
    }
}

bool MapSelectTool::contextMenuEvent(QContextMenuEvent* event)
{
    const QString id = siteIdAt(event->pos());
    if (id.isEmpty())
        return false;
    if (id != view()->selectedSiteId())
        emit siteClicked(id);
    emit siteMenuRequested(id, event->globalPos());
    event->accept();
    return true;
}

} // namespace cpn
