#pragma once
// Moving the map by hand: drag to pan, the wheel zooms about the cursor, a double-click on empty
// map zooms in, and the keyboard zooms (+, -), pans (arrows) and fits (Home: China, F: the
// selection).

#include "maptool.h"

#include <QPoint>

namespace cpn {

class MapPanTool : public MapTool {
    Q_OBJECT
public:
    using MapTool::MapTool;

    bool isDragging() const { return m_dragging; }

    bool mousePressEvent(QMouseEvent* event) override;
    bool mouseMoveEvent(QMouseEvent* event) override;
    bool mouseReleaseEvent(QMouseEvent* event) override;
    bool mouseDoubleClickEvent(QMouseEvent* event) override;
    bool wheelEvent(QWheelEvent* event) override;
    bool keyPressEvent(QKeyEvent* event) override;
    void cancelGesture() override { m_pressed = m_dragging = false; }

signals:
    // The drag is over: the view is still again.
    void dragFinished();

private:
    bool m_pressed = false;
    bool m_dragging = false;
    QPoint m_pressPosition;
    QPoint m_lastDragPosition;
};

} // namespace cpn
