#pragma once
// Dropping a task (kTaskIdMimeType) on a site: only a site takes it, the rest of the map
// refuses it, and the site it would land on is marked while the task is dragged over.

#include "maptool.h"

namespace cpn {

class MapTaskDropTool : public MapTool {
    Q_OBJECT
public:
    using MapTool::MapTool;

    bool dragEnterEvent(QDragEnterEvent* event) override;
    bool dragMoveEvent(QDragMoveEvent* event) override;
    bool dragLeaveEvent(QDragLeaveEvent* event) override;
    bool dropEvent(QDropEvent* event) override;

signals:
    // The site a dragged task would land on changed (-1: none).
    void dropTargetChanged(int siteIndex);
    void taskDropped(const QString& taskId, const QString& siteId);

private:
    void setTarget(int site);

    int m_target = -1;
};

} // namespace cpn
