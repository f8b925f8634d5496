#pragma once
// The points behind the trend chart: per (entity, metric), QueryHistory answers merged with
// samples from live frames, kept for one time span ending now (the scheduler's simulated time).

#include "trendmetric.h"

#include <QHash>
#include <QList>
#include <QString>

namespace cpn {

struct TimePoint {
    qint64 timeMs = 0; // simulated Unix time
    double value = 0;

    friend bool operator==(const TimePoint&, const TimePoint&) = default;
};

class TimeSeriesStore final {
public:
    // History kept, ending at the time given to trim(); and the spacing of live points: a live
    // sample closer than `liveStepMs` to the point before the newest replaces the newest, so the
    // head of the line moves with every frame while the series stays sparse.
    void setSpan(qint64 spanMs) { m_spanMs = spanMs; }
    qint64 spanMs() const { return m_spanMs; }
    void setLiveStep(qint64 liveStepMs) { m_liveStepMs = liveStepMs; }

    // A QueryHistory answer for [fromMs, toMs]: replaces what the series held in that interval
    // and keeps what it held outside it (older history, live points that arrived meanwhile).
    void mergeBackfill(
        const SeriesKey& key, qint64 fromMs, qint64 toMs, const QList<TimePoint>& points, const QString& unit);
    // One live sample; ignored when not newer than the series' last point. Returns whether the
    // series changed.
    bool appendLive(const SeriesKey& key, TimePoint point);
    // Keeps [nowMs - span, nowMs] of every series. Points after nowMs go too: a restarted
    // scheduler's clock may be behind the one that answered before. Returns whether any went.
    bool trim(qint64 nowMs);
    // Where a query that completes the series up to now should start: before its first hole
    // (two points further apart than `maxSpacingMs`, as after a lost connection), else at its
    // last point; at the span's start when it has nothing near the start.
    qint64 gapStartMs(const SeriesKey& key, qint64 nowMs, qint64 maxSpacingMs) const;

    const QList<TimePoint>& points(const SeriesKey& key) const;
    // QueryHistory's unit of the series (the catalogue's before the first answer).
    QString unit(const SeriesKey& key) const;
    bool contains(const SeriesKey& key) const { return m_series.contains(key); }
    QList<SeriesKey> keys() const { return m_series.keys(); }
    void remove(const SeriesKey& key) { m_series.remove(key); }
    void clear() { m_series.clear(); }

private:
    struct Series {
        QList<TimePoint> points; // by time, no two alike
        QString unit;
        qint64 backfilledUntilMs = 0; // live points after this may be replaced by newer ones
    };
    Series& series(const SeriesKey& key);

    QHash<SeriesKey, Series> m_series;
    qint64 m_spanMs = 3600 * 1000;
    qint64 m_liveStepMs = 60 * 1000;
};

} // namespace cpn
