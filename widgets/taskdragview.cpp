#include "taskdragview.h"

#include "taskmimedata.h"
#include "tasktablemodel.h"

#include <QContextMenuEvent>
#include <QDrag>
#include <QHeaderView>

namespace cpn {

TaskDragView::TaskDragView(QWidget* parent)
    : QTableView(parent)
{
    setObjectName(QStringLiteral("TaskDragView"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setDefaultDropAction(Qt::MoveAction);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    horizontalHeader()->setStretchLastSection(true);
}

QString TaskDragView::taskIdAt(const QModelIndex& index) const
{
    return index.isValid() ? index.data(TaskTableModel::TaskIdRole).toString() : QString();
}

void TaskDragView::startDrag(Qt::DropActions supportedActions)
{
    // Our own MIME type, not the item model's generic one: the map reads a task id.
    const QString taskId = taskIdAt(currentIndex());
    if (taskId.isEmpty())
        return;
    auto* drag = new QDrag(this);
    drag->setMimeData(taskMimeData(taskId));
    drag->exec(supportedActions | Qt::MoveAction, Qt::MoveAction);
}

void TaskDragView::contextMenuEvent(QContextMenuEvent* event)
{
    const QModelIndex index = indexAt(event->pos());
    const QString taskId = taskIdAt(index);
    if (taskId.isEmpty()) {
        event->ignore();
        return;
    }
    setCurrentIndex(index);
    emit taskContextMenuRequested(taskId, event->globalPos());
    event->accept();
}

} // namespace cpn
