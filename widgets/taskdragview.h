#pragma once
// A task table the operator can drag a task out of (onto a site on the map) and right-click
// for what can be done with the task.

#include <QTableView>

namespace cpn {

class TaskDragView final : public QTableView {
    Q_OBJECT
public:
    explicit TaskDragView(QWidget* parent = nullptr);

    // The task of a row of the view's model (TaskTableModel::TaskIdRole).
    QString taskIdAt(const QModelIndex& index) const;

signals:
    void taskContextMenuRequested(const QString& taskId, const QPoint& globalPos);

protected:
    void startDrag(Qt::DropActions supportedActions) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
};

} // namespace cpn
