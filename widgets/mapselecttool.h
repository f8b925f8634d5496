#pragma once
// Picking sites: a click selects the site under it (empty map clears the selection), a
// double-click unfolds it, a right-click asks for its menu, Enter unfolds the selected site and
// Backspace goes back up a level; the cursor shows what can be clicked. A press that turns
// into a drag is the pan tool's, not a click.

#include "maptool.h"

#include <QPoint>

namespace cpn {

class MapSelectTool : public MapTool {
    Q_OBJECT
public:
    using MapTool::MapTool;

    bool mousePressEvent(QMouseEvent* event) override;
    bool mouseMoveEvent(QMouseEvent* event) override;
    bool mouseReleaseEvent(QMouseEvent* event) override;
    bool mouseDoubleClickEvent(QMouseEvent* event) override;
    bool keyPressEvent(QKeyEvent* event) override;
    bool contextMenuEvent(QContextMenuEvent* event) override;
    void cancelGesture() override { m_pressed = m_moved = false; }

signals:
    // The user picked a site (its id) or empty map (an empty string).
    void siteClicked(const QString& siteId);
    // Right-click on a site; siteClicked came first when it was not selected.
    void siteMenuRequested(const QString& siteId, const QPoint& globalPos);

private:
    QString siteIdAt(QPointF position) const;

    bool m_pressed = false;
    bool m_moved = false; // past the drag distance: a pan, not a click
    QPoint m_pressPosition;
};

} // namespace cpn
