#pragma once
// View → Capacity review (Ctrl+Shift+P): opens the capacity review window and makes its reports
// with a CapacityReportRunner; a region or site chosen there is shown on the map. Read-only: a
// viewer token is enough.

#include "capacityreviewwindow.h"

#include <QObject>
#include <QPointer>

class QAction;

namespace cpn {

class CapacityReportRunner;
class ConsoleSession;
class MapView;

class CapacityReview final : public QObject {
    Q_OBJECT
public:
    CapacityReview(ConsoleSession* session, MapView* map, QWidget* window);

    QAction* action() const { return m_action; }
    // The window, made the first time it is opened; null before.
    CapacityReviewWindow* window() const { return m_window; }
    void open();
    void retranslate();

private:
    void request();
    void rescope();
    void showOnMap(const QString& regionOrSiteId);

    ConsoleSession* m_session;
    MapView* m_map;
    QWidget* m_parent;
    QAction* m_action;
    CapacityReportRunner* m_runner;
    QPointer<CapacityReviewWindow> m_window;
};

} // namespace cpn
