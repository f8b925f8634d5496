#include "timeseries.h"

#include <algorithm>

namespace cpn {

namespace {
    bool before(const TimePoint& p, qint64 timeMs) { return p.timeMs < timeMs; }
    bool after(qint64 timeMs, const TimePoint& p) { return timeMs < p.timeMs; }
} // namespace

TimeSeriesStore::Series& TimeSeriesStore::series(const SeriesKey& key)
{
    auto it = m_series.find(key);
    if (it == m_series.end()) {
        it = m_series.insert(key, Series {});
        it->unit = trendMetricUnit(key.metric);
    }
    return *it;
}

void TimeSeriesStore::mergeBackfill(
    const SeriesKey& key, qint64 fromMs, qint64 toMs, const QList<TimePoint>& points, const QString& unit)
{
    Series& s = series(key);
    if (!unit.isEmpty())
        s.unit = unit;
    QList<TimePoint> answer;
    answer.reserve(points.size());
    for (const TimePoint& p : points) {
        if (p.timeMs >= fromMs && p.timeMs <= toMs)
            answer.append(p);
    }
    std::stable_sort(answer.begin(), answer.end(), [](const TimePoint& a, const TimePoint& b) { return a.timeMs < b.timeMs; });
    answer.erase(std::unique(answer.begin(), answer.end(),
                     [](const TimePoint& a, const TimePoint& b) { return a.timeMs == b.timeMs; }),
        answer.end());

    auto& held = s.points;
    const auto first = std::lower_bound(held.begin(), held.end(), fromMs, before);
    const auto last = std::upper_bound(first, held.end(), toMs, after);
    QList<TimePoint> merged;
    merged.reserve(held.size() + answer.size());
    merged.append(QList<TimePoint>(held.begin(), first));
    merged.append(answer);
    merged.append(QList<TimePoint>(last, held.end()));
    held = std::move(merged);
    s.backfilledUntilMs = std::max(s.backfilledUntilMs, toMs);
}

bool TimeSeriesStore::appendLive(const SeriesKey& key, TimePoint point)
{
    Series& s = series(key);
    auto& held = s.points;
    if (!held.isEmpty() && point.timeMs <= held.last().timeMs)
        return false;
    const qsizetype n = held.size();
    if (n >= 2 && held.last().timeMs > s.backfilledUntilMs && point.timeMs - held.at(n - 2).timeMs < m_liveStepMs)
        held.last() = point;
    else
        held.append(point);
    return true;
}

bool TimeSeriesStore::trim(qint64 nowMs)
{
    const qint64 fromMs = nowMs - m_spanMs;
    bool trimmed = false;
    for (auto& s : m_series) {
        const qsizetype count = s.points.size();
        auto& held = s.points;
        const auto last = std::upper_bound(held.begin(), held.end(), nowMs, after);
        held.erase(last, held.end());
        const auto first = std::lower_bound(held.begin(), held.end(), fromMs, before);
        held.erase(held.begin(), first);
        s.backfilledUntilMs = std::min(s.backfilledUntilMs, nowMs);
        trimmed = trimmed || s.points.size() != count;
    }
    return trimmed;
}

qint64 TimeSeriesStore::gapStartMs(const SeriesKey& key, qint64 nowMs, qint64 maxSpacingMs) const
{
    const qint64 spanStart = nowMs - m_spanMs;
    const auto it = m_series.constFind(key);
    if (it == m_series.cend() || it->points.isEmpty() || it->points.first().timeMs - spanStart > maxSpacingMs)
        return spanStart;
    const auto& held = it->points;
    const auto hole = std::adjacent_find(held.cbegin(), held.cend(),
        [maxSpacingMs](const TimePoint& a, const TimePoint& b) { return b.timeMs - a.timeMs > maxSpacingMs; });
    const qint64 start = hole == held.cend() ? held.last().timeMs : hole->timeMs;
    return std::clamp(start, spanStart, nowMs);
}

const QList<TimePoint>& TimeSeriesStore::points(const SeriesKey& key) const
{
    static const QList<TimePoint> none;
    const auto it = m_series.constFind(key);
    return it == m_series.cend() ? none : it->points;
}

QString TimeSeriesStore::unit(const SeriesKey& key) const
{
    const auto it = m_series.constFind(key);
    return it == m_series.cend() ? trendMetricUnit(key.metric) : it->unit;
}

} // namespace cpn
