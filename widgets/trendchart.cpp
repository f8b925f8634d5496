#include "trendchart.h"

#include "domainlabels.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {
    constexpr qint64 kDayMs = 24 * 3600 * 1000;

    // Rounds an axis' top up to 1, 2 or 5 times a power of ten.
    double niceCeiling(double v)
    {
        if (v <= 0)
            return 1;
        const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
        for (double f : { 1.0, 2.0, 5.0, 10.0 }) {
            if (f * magnitude >= v)
                return f * magnitude;
        }
        return 10 * magnitude;
    }
} // namespace

TrendChart::TrendChart(QWidget* parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_view(new QChartView(m_chart, this))
    , m_time(new QDateTimeAxis) // owned by the chart, as are the series and value axes
{
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->addAxis(m_time, Qt::AlignBottom);
    m_time->setTickCount(7);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyLook();
}

QString TrendChart::displayUnit(const TrendLine& line)
{
    if (line.percent)
        return QStringLiteral("%");
    return line.unit == QLatin1String("ratio") ? QString() : line.unit;
}

QValueAxis* TrendChart::axisFor(int index)
{
    if (index < m_valueAxes.size())
        return m_valueAxes[index];
    auto* axis = new QValueAxis;
    axis->setLabelFormat(QStringLiteral("%.3g"));
    m_chart->addAxis(axis, index % 2 == 0 ? Qt::AlignLeft : Qt::AlignRight);
    m_valueAxes.append(axis);
    applyLook();
    return axis;
}

void TrendChart::setLines(const QList<TrendLine>& lines, qint64 fromMs, qint64 toMs)
{
    m_fromMs = fromMs;
    m_toMs = toMs;
    // QDateTimeAxis labels in the machine's time zone; the network runs on Beijing time.
    m_shiftMs = kBeijingOffsetMs - qint64(QDateTime::fromMSecsSinceEpoch(toMs).offsetFromUtc()) * 1000;
    m_time->setFormat(toMs - fromMs > kDayMs / 2 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
    m_time->setRange(QDateTime::fromMSecsSinceEpoch(fromMs + m_shiftMs), QDateTime::fromMSecsSinceEpoch(toMs + m_shiftMs));

    // Value axes: one per unit, in order of first use.
    QStringList units;
    for (const auto& line : lines) {
        if (!units.contains(displayUnit(line)))
            units.append(displayUnit(line));
    }
    QList<double> axisMin(units.size(), 0.0);
    QList<double> axisMax(units.size(), 0.0);
    QList<bool> axisUsed(units.size(), false);

    while (m_series.size() > lines.size()) {
        QLineSeries* series = m_series.takeLast();
        m_chart->removeSeries(series);
        delete series;
    }
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const TrendLine& line = lines.at(i);
        if (i == m_series.size()) {
            auto* series = new QLineSeries;
            m_chart->addSeries(series);
            series->attachAxis(m_time);
            m_series.append(series);
        }
        QLineSeries* series = m_series.at(i);
        series->setName(line.name);
        const double factor = line.percent ? 100.0 : 1.0;
        const int u = int(units.indexOf(displayUnit(line)));
        QList<QPointF> points;
        points.reserve(line.points.size());
        for (const TimePoint& p : line.points) {
            const double y = p.value * factor;
            points.append(QPointF(double(p.timeMs + m_shiftMs), y));
            if (p.timeMs < fromMs || p.timeMs > toMs)
                continue;
            axisMin[u] = axisUsed[u] ? std::min(axisMin[u], y) : y;
            axisMax[u] = axisUsed[u] ? std::max(axisMax[u], y) : y;
            axisUsed[u] = true;
        }
        series->replace(points);
        QValueAxis* axis = axisFor(u);
        const auto attached = series->attachedAxes();
        for (QAbstractAxis* a : attached) {
            if (a != m_time && a != axis)
                series->detachAxis(a);
        }
        if (!attached.contains(axis))
            series->attachAxis(axis);
    }
    while (m_valueAxes.size() > units.size()) {
        QValueAxis* axis = m_valueAxes.takeLast();
        m_chart->removeAxis(axis);
        delete axis;
    }
    for (qsizetype u = 0; u < units.size(); ++u) {
        QValueAxis* axis = m_valueAxes.at(u);
        axis->setTitleText(units.at(u));
        // Loads read best from zero; other figures (PUE, price, latency) around their values.
        const bool fromZero = units.at(u) == QLatin1String("%") || units.at(u) == QLatin1String("MW")
            || units.at(u) == QLatin1String("Gbps");
        double lo = axisUsed[u] ? axisMin[u] : 0;
        double hi = axisUsed[u] ? axisMax[u] : 1;
        if (fromZero) {
            lo = 0;
            hi = units.at(u) == QLatin1String("%") ? 100 : niceCeiling(hi * 1.1);
        } else {
            const double pad = std::max((hi - lo) * 0.1, std::abs(hi) * 0.02 + 1e-6);
            lo -= pad;
            hi += pad;
        }
        axis->setRange(lo, hi);
    }
}

int TrendChart::lineCount() const
{
    return int(m_series.size());
}

QList<QPointF> TrendChart::linePoints(int line) const
{
    if (line < 0 || line >= m_series.size())
        return {};
    QList<QPointF> points = m_series.at(line)->points();
    for (QPointF& p : points)
        p.setX(p.x() - double(m_shiftMs));
    return points;
}

QString TrendChart::lineName(int line) const
{
    if (line < 0 || line >= m_series.size())
        return {};
    return m_series.at(line)->name();
}

QString TrendChart::axisTitle(int line) const
{
    if (line < 0 || line >= m_series.size())
        return {};
    for (QAbstractAxis* axis : m_series.at(line)->attachedAxes()) {
        if (axis != m_time)
            return axis->titleText();
    }
    return {};
}

void TrendChart::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyLook();
    QWidget::changeEvent(event);
}

void TrendChart::applyLook()
{
    // The application's theme decides: dark control-room palette or the light one.
    const QPalette& pal = palette();
    const bool dark = pal.color(QPalette::Window).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (m_chart->theme() != theme)
        m_chart->setTheme(theme);
    m_chart->setBackgroundBrush(pal.base());
    m_chart->setPlotAreaBackgroundVisible(false);
    const QColor text = pal.color(QPalette::Text);
    QColor grid = pal.color(QPalette::Mid);
    m_chart->legend()->setLabelColor(text);
    for (QAbstractAxis* axis : m_chart->axes()) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
    }
}

} // namespace cpn
