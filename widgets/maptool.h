#pragma once
// One way of working the map with mouse and keyboard (as QGIS's QgsMapTool): MapView offers
// each input event to its tools in turn until one takes it. Tools act through MapView's public
// API and their own signals; they hold only the state of the gesture in progress.

#include <QObject>

class QContextMenuEvent;
class QDragEnterEvent;
class QDragLeaveEvent;
class QDragMoveEvent;
class QDropEvent;
class QKeyEvent;
class QMouseEvent;
class QWheelEvent;

namespace cpn {

class MapView;

class MapTool : public QObject {
    Q_OBJECT
public:
    explicit MapTool(MapView* view);
    ~MapTool() override;

    // Each returns whether the tool took the event (the next tools do not see it).
    virtual bool mousePressEvent(QMouseEvent*) { return false; }
    virtual bool mouseMoveEvent(QMouseEvent*) { return false; }
    virtual bool mouseReleaseEvent(QMouseEvent*) { return false; }
    virtual bool mouseDoubleClickEvent(QMouseEvent*) { return false; }
    virtual bool wheelEvent(QWheelEvent*) { return false; }
    virtual bool keyPressEvent(QKeyEvent*) { return false; }
    virtual bool contextMenuEvent(QContextMenuEvent*) { return false; }
    virtual bool dragEnterEvent(QDragEnterEvent*) { return false; }
    virtual bool dragMoveEvent(QDragMoveEvent*) { return false; }
    virtual bool dragLeaveEvent(QDragLeaveEvent*) { return false; }
    virtual bool dropEvent(QDropEvent*) { return false; }
    // The gesture in progress ends here: a double-click took the press, and the release that
    // follows must neither select nor pan.
    virtual void cancelGesture() { }

protected:
    MapView* view() const { return m_view; }

private:
    MapView* m_view;
};

} // namespace cpn
