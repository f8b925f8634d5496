#include "maptaskdroptool.h"

#include "mapview.h"
#include "networkstate.h"
#include "taskmimedata.h"

#include <QDragEnterEvent>
#include <QMimeData>

namespace cpn {

namespace {

bool carriesTask(const QDropEvent* event)
{
    return event->mimeData()->hasFormat(QLatin1String(kTaskIdMimeType));
}

} // namespace

void MapTaskDropTool::setTarget(int site)
{
    // Not compared with the old target: leaving and dropping always clear the mark.
    m_target = site;
    emit dropTargetChanged(site);
}

bool MapTaskDropTool::dragEnterEvent(QDragEnterEvent* event)
{
    if (carriesTask(event))
        event->acceptProposedAction();
    else
        event->ignore();
    return true;
}

bool MapTaskDropTool::dragMoveEvent(QDragMoveEvent* event)
{
    if (!carriesTask(event)) {
        event->ignore();
        return true;
    }
    const int site = view()->siteAt(event->position());
    if (site != m_target)
        setTarget(site);
    // Only a site takes the task; the rest of the map refuses it.
    if (site >= 0)
        event->acceptProposedAction();
    else
        event->ignore();
    return true;
}

bool MapTaskDropTool::dragLeaveEvent(QDragLeaveEvent*)
{
    setTarget(-1);
    return false; // QWidget's handling follows
}

bool MapTaskDropTool::dropEvent(QDropEvent* event)
{
    setTarget(-1);
    const int site = view()->siteAt(event->position());
    const QString taskId = taskIdFrom(event->mimeData());
    if (site < 0 || taskId.isEmpty()) {
        event->ignore();
        return true;
    }
    event->acceptProposedAction();
    emit taskDropped(taskId, view()->state()->sites().at(site).id);
    return true;
}

} // namespace cpn
