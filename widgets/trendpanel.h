#pragma once
// The trend panel: the selection's metric over 15 min, 1 h, 6 h or 24 h of the scheduler's time,
// other selections pinned beside it for comparison, and a clear word when there is nothing to
// show or the scheduler refused. Reads its points from a TimeSeriesStore; never fetches them.

#include "timeseries.h"

#include <QHash>
#include <QSet>
#include <QWidget>

#include <optional>

class QButtonGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QShortcut;
class QToolButton;

namespace cpn {

class TrendChart;

// Something a trend can be drawn for, as the selection offers it.
struct TrendEntity {
    QString id;
    QString name; // as the user reads it
    TrendEntityKind kind = TrendEntityKind::Site;
    QStringList metrics; // QueryHistory names, see trendMetrics()
};

// A line the panel wants drawn.
struct TrendLineSpec {
    SeriesKey key;
    QString entityName;
};

class TrendPanel final : public QWidget {
    Q_OBJECT
public:
    static constexpr int kMaxLines = 10;
    static const QList<qint64>& spans(); // 15 min, 1 h, 6 h, 24 h, in ms

    explicit TrendPanel(QWidget* parent = nullptr);

    // What the current selection offers (e.g. a site, its region, its links); the first is shown.
    void setEntities(const QList<TrendEntity>& entities);
    void setStore(const TimeSeriesStore* store) { m_store = store; }
    // Redraws the lines from the store, over [nowMs - span, nowMs].
    void refresh(qint64 nowMs);
    // A line's query is under way, or failed with `error` (empty: fine).
    void setLineStatus(const SeriesKey& key, bool loading, const QString& error);
    // The scheduler cannot be reached: data ends where the connection did.
    void setStale(bool stale);

    // The selection's line first, then the pinned ones.
    QList<TrendLineSpec> lines() const;
    qint64 spanMs() const { return m_spanMs; }
    void setSpanMs(qint64 spanMs);
    QString selectedMetric() const;
    void selectMetric(const QString& metric);
    // Pins the current selection's line beside the others; false when already pinned or full.
    bool compareCurrent();
    void removeCompared(int index);
    QString message() const;
    TrendChart* chart() const { return m_chart; }

signals:
    // lines() changed: a new selection, metric or pinned line.
    void linesChanged();
    void spanChanged(qint64 spanMs);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillMetrics();
    void updateMessage();
    void updateComparedList();
    std::optional<TrendLineSpec> currentLine() const;

    QComboBox* m_entity;
    QComboBox* m_metric;
    QToolButton* m_compare;
    QToolButton* m_remove;
    QShortcut* m_removeShortcut;
    QButtonGroup* m_ranges;
    QListWidget* m_compared;
    QLabel* m_message;
    TrendChart* m_chart;
    const TimeSeriesStore* m_store = nullptr;
    QList<TrendEntity> m_entities;
    QList<TrendLineSpec> m_pinned;
    QHash<SeriesKey, QString> m_errors;
    QSet<SeriesKey> m_loading;
    qint64 m_spanMs;
    qint64 m_nowMs = 0;
    bool m_stale = false;
    QString m_wantedMetric; // kept across selections while the new entity offers it
};

} // namespace cpn
