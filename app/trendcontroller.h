#pragma once
// The trend panel's wiring: the selection (map, task list) picks what is charted, QueryHistory
// backfills it (again on a new range, and for the gap after a reconnect), live frames extend it.
// Also keeps the last hour of every site's load for the task list's sparklines.

#include "timeseries.h"

#include <QHash>
#include <QObject>

class QDockWidget;
class QMainWindow;
class QMenu;

namespace cpn {

class ConsoleSession;
class HistoryClient;
class MapView;
class RecentHistory;
class TaskTablePanel;
class TrendPanel;
struct HistoryQuery;

class TrendController final : public QObject {
    Q_OBJECT
public:
    // Adds the "Trends" dock to `window` and its show/hide action to `viewMenu`.
    TrendController(QMainWindow* window, ConsoleSession* session, MapView* map, TaskTablePanel* tasks, QMenu* viewMenu);

    QDockWidget* dock() const { return m_dock; }
    TrendPanel* panel() const { return m_panel; }
    RecentHistory* recentHistory() const { return m_recent; }
    const TimeSeriesStore& store() const { return m_store; }
    // QueryHistory calls made so far.
    int queryCount() const { return m_queryCount; }
    // Charts a site (and offers its region and links), as a click on the map does.
    void showSite(const QString& siteId);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void onLinesChanged();
    void onSpanChanged(qint64 spanMs);
    void onBatchApplied();
    void onHistory(quint64 id, const HistoryQuery& query, const QString& unit, const QList<TimePoint>& points);
    void onHistoryFailed(quint64 id, const HistoryQuery& query, const QString& codeName, const QString& message);
    void query(const SeriesKey& key, qint64 fromMs, qint64 toMs);
    // The scheduler's time on the platform of the site charted.
    qint64 now() const;
    void backfillUncovered(qint64 nowMs);
    bool appendLive(const SeriesKey& key);
    void scheduleRefresh();
    void retranslate();

    ConsoleSession* m_session;
    TrendPanel* m_panel;
    QDockWidget* m_dock;
    RecentHistory* m_recent;
    TimeSeriesStore m_store;
    QString m_siteId;
    QString m_platform; // of m_siteId
    QHash<SeriesKey, quint64> m_pending; // the newest query of each line; older answers are dropped
    QHash<SeriesKey, qint64> m_coveredSpan; // lines backfilled over the whole of this span
    bool m_fillGaps = false; // after a reconnect, on the next applied batch
    qint64 m_brokeAtMs = 0; // the scheduler's time when the connection was lost
    bool m_refreshScheduled = false;
    int m_queryCount = 0;
};

} // namespace cpn
