#pragma once
// The trend chart: lines over time in Beijing time, one value axis per unit. The only widget
// that knows Qt Charts (deprecated from Qt 6.10), so that moving to Qt Graphs touches this file.

#include "timeseries.h"

#include <QList>
#include <QPointF>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace cpn {

struct TrendLine {
    QString name; // in the legend
    QString unit; // QueryHistory's unit
    bool percent = false; // a share (0..1) drawn in per cent
    QList<TimePoint> points;
};

class TrendChart final : public QWidget {
    Q_OBJECT
public:
    explicit TrendChart(QWidget* parent = nullptr);

    // Shows these lines over [fromMs, toMs] (simulated Unix ms). Series are kept and refilled
    // with one replace() each.
    void setLines(const QList<TrendLine>& lines, qint64 fromMs, qint64 toMs);

    int lineCount() const;
    // A line as drawn (nothing for a line that is not there): x in simulated Unix ms, y in its axis' unit (per cent for ratios).
    QList<QPointF> linePoints(int line) const;
    QString lineName(int line) const;
    // The title of a line's value axis, e.g. "%" or "MW".
    QString axisTitle(int line) const;
    // The time axis' ends, simulated Unix ms.
    qint64 windowFromMs() const { return m_fromMs; }
    qint64 windowToMs() const { return m_toMs; }

    // A line's axis title: "%" for a share, nothing for a plain ratio (PUE), else its unit.
    static QString displayUnit(const TrendLine& line);

protected:
    void changeEvent(QEvent* event) override;

private:
    void applyLook();
    QValueAxis* axisFor(int index); // the index-th value axis, made when missing

    QChart* m_chart;
    QChartView* m_view;
    QDateTimeAxis* m_time;
    QList<QLineSeries*> m_series;
    QList<QValueAxis*> m_valueAxes; // one per distinct unit, in order of first use
    qint64 m_shiftMs = 0; // added to simulated times so that local-time axis labels read Beijing time
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
};

} // namespace cpn
