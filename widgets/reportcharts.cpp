#include "reportcharts.h"

#include "capacitywording.h"
#include "domainlabels.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>

#include <algorithm>
#include <array>
#include <cmath>

namespace cpn {

namespace {
    constexpr qint64 kMinuteMs = 60 * 1000;
    constexpr qint64 kHourMs = 60 * kMinuteMs;
    constexpr qint64 kDayMs = 24 * kHourMs;

    // The painter's state and the sizes every part of a chart is measured in.
    struct Canvas {
        QPainter* p;
        const ReportChartStyle& style;
        QFont font;
        QFont titleFont;
        qreal unit; // the label font's line height on this device

        Canvas(QPainter* painter, const ReportChartStyle& s)
            : p(painter)
            , style(s)
            , font(s.font)
            , titleFont(s.font)
        {
            titleFont.setBold(true);
            if (titleFont.pointSizeF() > 0)
                titleFont.setPointSizeF(titleFont.pointSizeF() * 1.15);
            else
                titleFont.setPixelSize(std::max(1, int(titleFont.pixelSize() * 1.15)));
            unit = metrics(font).height();
        }
        QFontMetricsF metrics(const QFont& f) const { return QFontMetricsF(f, p->device()); }
        qreal textWidth(const QString& text) const { return metrics(font).horizontalAdvance(text); }
        QPen pen(const QColor& colour, qreal widthInUnits, Qt::PenStyle penStyle = Qt::SolidLine) const
        {
            QPen pen(colour, std::max(1.0, unit * widthInUnits), penStyle);
            pen.setCapStyle(Qt::FlatCap);
            return pen;
        }
    };

    bool finite(double v) { return std::isfinite(v); }

    // 1, 2 or 5 times a power of ten, at least v.
    double niceCeiling(double v)
    {
        if (!(v > 0) || !finite(v))
            return 1;
        const double magnitude = std::pow(10.0, std::floor(std::log10(v)));
        for (double f : { 1.0, 2.0, 5.0, 10.0 }) {
            if (f * magnitude >= v * (1 - 1e-12))
                return f * magnitude;
        }
        return 10 * magnitude;
    }

    QString numberText(double v, double step)
    {
        const QLocale l;
        if (std::abs(v) >= 1e9)
            return l.toString(v, 'g', 3);
        const int decimals = step >= 1 ? 0 : std::min(6, int(std::ceil(-std::log10(step))));
        return l.toString(v, 'f', decimals);
    }

    // The title on top, then what is left.
    QRectF drawTitle(Canvas& c, const QRectF& rect, const QString& title)
    {
        if (!c.style.title)
            return rect;
        const qreal h = c.metrics(c.titleFont).height();
        c.p->setFont(c.titleFont);
        c.p->setPen(c.style.text);
        const QRectF line(rect.left(), rect.top(), rect.width(), h);
        c.p->drawText(line, Qt::AlignLeft | Qt::AlignVCenter,
            c.metrics(c.titleFont).elidedText(title, Qt::ElideRight, rect.width()));
        return rect.adjusted(0, h + c.unit * 0.4, 0, 0);
    }

    enum class Swatch { Line, Dashed, Bar };
    struct LegendEntry {
        Swatch swatch;
        QColor colour;
        QString text;
    };

    // The legend along the bottom, centred; then what is left above it.
    QRectF drawLegend(Canvas& c, const QRectF& rect, const QList<LegendEntry>& entries)
    {
        if (entries.isEmpty())
            return rect;
        const qreal sw = c.unit * 1.6;
        const qreal gap = c.unit * 0.4;
        qreal total = 0;
        for (const auto& e : entries)
            total += sw + gap + c.textWidth(e.text) + c.unit;
        total -= c.unit;
        qreal x = rect.left() + std::max(0.0, (rect.width() - total) / 2);
        const qreal y = rect.bottom() - c.unit;
        const qreal mid = y + c.unit / 2;
        c.p->setFont(c.font);
        for (const auto& e : entries) {
            switch (e.swatch) {
            case Swatch::Line:
                c.p->setPen(c.pen(e.colour, 0.14));
                c.p->drawLine(QPointF(x, mid), QPointF(x + sw, mid));
                break;
            case Swatch::Dashed:
                c.p->setPen(c.pen(e.colour, 0.1, Qt::DashLine));
                c.p->drawLine(QPointF(x, mid), QPointF(x + sw, mid));
                break;
            case Swatch::Bar:
                c.p->setPen(c.pen(c.style.axis, 0.05));
                c.p->setBrush(e.colour);
                c.p->drawRect(QRectF(x + sw * 0.2, mid - c.unit * 0.3, sw * 0.6, c.unit * 0.6));
                c.p->setBrush(Qt::NoBrush);
                break;
            }
            x += sw + gap;
            c.p->setPen(c.style.text);
            const qreal w = c.textWidth(e.text);
            c.p->drawText(QRectF(x, y, w + 1, c.unit), Qt::AlignLeft | Qt::AlignVCenter, e.text);
            x += w + c.unit;
        }
        return rect.adjusted(0, 0, 0, -(c.unit * 1.5));
    }

    void drawNoData(Canvas& c, const QRectF& rect)
    {
        c.p->setPen(c.pen(c.style.grid, 0.05));
        c.p->setBrush(Qt::NoBrush);
        c.p->drawRect(rect);
        c.p->setFont(c.font);
        c.p->setPen(c.style.mutedText);
        c.p->drawText(rect, Qt::AlignCenter, ReportCharts::tr("No data"));
    }

    // A value axis from 0 to `top` in `ticks` steps: grid lines and labels left of `plot`.
    void drawValueAxis(Canvas& c, const QRectF& plot, double top, int ticks, const std::function<QString(double)>& label)
    {
        c.p->setFont(c.font);
        for (int i = 0; i <= ticks; ++i) {
            const double v = top * i / ticks;
            const qreal y = plot.bottom() - plot.height() * i / ticks;
            c.p->setPen(i == 0 ? c.pen(c.style.axis, 0.06) : c.pen(c.style.grid, 0.04));
            c.p->drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
            c.p->setPen(c.style.mutedText);
            c.p->drawText(QRectF(plot.left() - c.unit * 10.4, y - c.unit / 2, c.unit * 10, c.unit),
                Qt::AlignRight | Qt::AlignVCenter, label(v));
        }
    }

    // The axis' unit over its labels on the left, and a note (the time zone) on the right.
    void drawAxisCaptions(Canvas& c, const QRectF& area, const QRectF& plot, const QString& unit, const QString& note)
    {
        c.p->setFont(c.font);
        c.p->setPen(c.style.mutedText);
        const QRectF row(area.left(), plot.top() - c.unit * 1.6, plot.right() - area.left(), c.unit);
        c.p->drawText(row, Qt::AlignLeft | Qt::AlignVCenter, unit);
        if (!note.isEmpty())
            c.p->drawText(row, Qt::AlignRight | Qt::AlignVCenter, note);
    }

    // A time axis' ticks: a step that leaves room for its labels, aligned to Beijing time.
    struct TimeTicks {
        qint64 step = kHourMs;
        QString format;
    };
    TimeTicks timeTicks(const Canvas& c, qint64 fromMs, qint64 toMs, qreal width)
    {
        static constexpr std::array<qint64, 14> steps { 15 * kMinuteMs, 30 * kMinuteMs, kHourMs, 2 * kHourMs,
            3 * kHourMs, 6 * kHourMs, 12 * kHourMs, kDayMs, 2 * kDayMs, 7 * kDayMs, 14 * kDayMs, 28 * kDayMs,
            91 * kDayMs, 364 * kDayMs };
        const qint64 span = std::max<qint64>(1, toMs - fromMs);
        TimeTicks out;
        for (qint64 step : steps) {
            const QString format = step >= kDayMs ? QStringLiteral("MM-dd")
                : span > kDayMs                   ? QStringLiteral("MM-dd HH:mm")
                                                  : QStringLiteral("HH:mm");
            const qreal labelWidth = c.textWidth(QStringLiteral("00-00 00:00").left(format.size())) + c.unit;
            out = { step, format };
            if (double(span) / step * labelWidth <= width)
                break;
        }
        return out;
    }

    QString beijingText(qint64 ms, const QString& format)
    {
        return beijingDateTime(ms).toString(format);
    }

    // A line over time, 0..1 drawn as 0..100 %, with an optional dashed target.
    void drawShareOverTime(Canvas& c, const QRectF& rect, const CapacityReport& report, const QList<SeriesPoint>& series,
        const QString& title, const QString& lineName, std::optional<double> target)
    {
        if (c.style.background.isValid())
            c.p->fillRect(rect, c.style.background);
        QRectF area = drawTitle(c, rect, title);
        QList<SeriesPoint> points;
        points.reserve(series.size());
        for (const SeriesPoint& p : series) {
            if (finite(p.value))
                points.append({ p.timeMs, std::clamp(p.value, 0.0, 1.0) });
        }
        QList<LegendEntry> legend { { Swatch::Line, c.style.line, lineName } };
        if (target)
            legend.append({ Swatch::Dashed, c.style.target,
                ReportCharts::tr("Target: %1 %").arg(QLocale().toString(*target * 100, 'f', 0)) });
        area = drawLegend(c, area, legend);
        const qreal left = c.textWidth(QStringLiteral("100 %")) + c.unit * 0.8;
        const QRectF plot = area.adjusted(left, c.unit * 1.8, -c.unit * 0.8, -c.unit * 1.6);
        if (plot.width() < c.unit * 2 || plot.height() < c.unit * 2)
            return;
        if (points.isEmpty()) {
            drawNoData(c, plot);
            return;
        }

        // The period asked for, widened to the data; an hour either side of a single moment.
        qint64 from = points.first().timeMs;
        qint64 to = points.last().timeMs;
        for (const auto& p : points) {
            from = std::min(from, p.timeMs);
            to = std::max(to, p.timeMs);
        }
        if (report.requestedToMs > report.requestedFromMs) {
            from = std::min(from, report.requestedFromMs);
            to = std::max(to, report.requestedToMs);
        }
        if (to <= from) {
            from -= kHourMs;
            to += kHourMs;
        }
        const auto xOf = [&](qint64 t) { return plot.left() + plot.width() * double(t - from) / double(to - from); };
        const auto yOf = [&](double v) { return plot.bottom() - plot.height() * v; };

        drawValueAxis(c, plot, 100, 5, [](double v) { return QLocale().toString(v, 'f', 0); });
        drawAxisCaptions(c, area, plot, QStringLiteral("%"), ReportCharts::tr("Beijing time"));

        // Time ticks below the axis.
        const TimeTicks ticks = timeTicks(c, from, to, plot.width());
        qint64 t = ((from + kBeijingOffsetMs + ticks.step - 1) / ticks.step) * ticks.step - kBeijingOffsetMs;
        c.p->setFont(c.font);
        // At most a few dozen ticks, whatever span a (buggy) report gives: no endless loop, no
        // overflow past the end of time.
        for (int drawn = 0; t <= to && drawn < 64 && ticks.step > 0; t += ticks.step, ++drawn) {
            const qreal x = xOf(t);
            c.p->setPen(c.pen(c.style.grid, 0.04));
            c.p->drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom() + c.unit * 0.2));
            c.p->setPen(c.style.mutedText);
            // Centred under its tick, kept inside the chart at the ends.
            const QString text = beijingText(t, ticks.format);
            const qreal w = c.textWidth(text) + 2;
            const qreal left = std::clamp(x - w / 2, area.left(), std::max(area.left(), area.right() - w));
            c.p->drawText(QRectF(left, plot.bottom() + c.unit * 0.3, w, c.unit), Qt::AlignHCenter | Qt::AlignTop, text);
        }

        c.p->save();
        c.p->setClipRect(plot.adjusted(-c.unit * 0.3, -c.unit * 0.3, c.unit * 0.3, c.unit * 0.3));
        if (target) {
            c.p->setPen(c.pen(c.style.target, 0.1, Qt::DashLine));
            c.p->drawLine(QPointF(plot.left(), yOf(*target)), QPointF(plot.right(), yOf(*target)));
        }
        QPolygonF line;
        line.reserve(points.size());
        for (const auto& p : points)
            line.append(QPointF(xOf(p.timeMs), yOf(p.value)));
        c.p->setPen(c.pen(c.style.line, 0.14));
        c.p->setBrush(Qt::NoBrush);
        c.p->drawPolyline(line);
        // Few points: each one marked, so that a single sample shows.
        if (points.size() * c.unit * 0.8 < plot.width()) {
            c.p->setPen(Qt::NoPen);
            c.p->setBrush(c.style.line);
            for (const QPointF& p : std::as_const(line))
                c.p->drawEllipse(p, c.unit * 0.18, c.unit * 0.18);
        }
        c.p->restore();
    }
} // namespace

ReportChartStyle ReportChartStyle::screen(const QFont& font)
{
    ReportChartStyle s;
    s.font = font;
    s.background = QColor(0x14, 0x1b, 0x24);
    s.text = QColor(0xe6, 0xed, 0xf3);
    s.mutedText = QColor(0x9a, 0xa8, 0xb6);
    s.grid = QColor(0x2c, 0x38, 0x46);
    s.axis = QColor(0x6b, 0x7a, 0x8a);
    s.line = QColor(0x4f, 0xc3, 0xf7);
    s.secondary = QColor(0xff, 0xb7, 0x4d);
    s.target = QColor(0xef, 0x53, 0x50);
    return s;
}

ReportChartStyle ReportChartStyle::paper(const QFont& font)
{
    // Dark line and light bars against the dark ones, so that a grey printout still tells them
    // apart; the target is dashed.
    ReportChartStyle s;
    s.font = font;
    s.background = Qt::white;
    s.text = QColor(0x1a, 0x1a, 0x1a);
    s.mutedText = QColor(0x55, 0x55, 0x55);
    s.grid = QColor(0xdd, 0xdd, 0xdd);
    s.axis = QColor(0x44, 0x44, 0x44);
    s.line = QColor(0x1f, 0x4e, 0x8c);
    s.secondary = QColor(0xa9, 0xc6, 0xe8);
    s.target = QColor(0xc6, 0x28, 0x28);
    return s;
}

QString ReportCharts::utilisationTitle()
{
    return tr("Utilisation over the period");
}

QString ReportCharts::regionsTitle()
{
    return tr("Capacity installed and mean in use, by region");
}

QString ReportCharts::westShareTitle()
{
    return tr("Western regions' share of the computing in use");
}

void ReportCharts::drawUtilisation(
    QPainter* painter, const QRectF& rect, const CapacityReport& report, const ReportChartStyle& style)
{
    painter->save();
    painter->setClipRect(rect, Qt::IntersectClip);
    Canvas c(painter, style);
    drawShareOverTime(
        c, rect, report, report.utilisation, utilisationTitle(), tr("Utilisation"), target::kUtilisation);
    painter->restore();
}

void ReportCharts::drawWestShare(
    QPainter* painter, const QRectF& rect, const CapacityReport& report, const ReportChartStyle& style)
{
    painter->save();
    painter->setClipRect(rect, Qt::IntersectClip);
    Canvas c(painter, style);
    drawShareOverTime(c, rect, report, report.westShare, westShareTitle(), tr("Western share"), std::nullopt);
    painter->restore();
}

void ReportCharts::drawRegions(
    QPainter* painter, const QRectF& rect, const CapacityReport& report, const ReportChartStyle& style)
{
    painter->save();
    painter->setClipRect(rect, Qt::IntersectClip);
    Canvas c(painter, style);
    if (style.background.isValid())
        painter->fillRect(rect, style.background);
    QRectF area = drawTitle(c, rect, regionsTitle());
    // The bars' names are the table's headers, units cut off by the axis' own.
    const QList<ReportColumn> columns = CapacityWording::columns();
    const auto headerOf = [&](const CapacityFigures& probe, double expected) {
        for (const auto& col : columns) {
            const QVariant v = col.value(probe);
            if (v.typeId() == QMetaType::Double && v.toDouble() == expected)
                return col.header;
        }
        return QString();
    };
    CapacityFigures probe;
    probe.installedPflops = 1234567;
    probe.meanUsedPflops = 7654321;
    const QString installedName = headerOf(probe, probe.installedPflops);
    const QString usedName = headerOf(probe, probe.meanUsedPflops);
    area = drawLegend(c, area,
        { { Swatch::Bar, style.secondary, installedName }, { Swatch::Bar, style.line, usedName } });

    double top = 0;
    for (const auto& r : report.regions) {
        if (finite(r.installedPflops))
            top = std::max(top, r.installedPflops);
        if (finite(r.meanUsedPflops))
            top = std::max(top, r.meanUsedPflops);
    }
    top = niceCeiling(top);
    const int ticks = 5;
    const double step = top / ticks;
    qreal left = 0;
    for (int i = 0; i <= ticks; ++i)
        left = std::max(left, c.textWidth(numberText(step * i, step)));
    left = std::min(left + c.unit * 0.8, area.width() * 0.3);
    const QRectF plot = area.adjusted(left, c.unit * 1.8, -c.unit * 0.4, -c.unit * 2.6);
    if (plot.width() < c.unit * 2 || plot.height() < c.unit * 2) {
        painter->restore();
        return;
    }
    if (report.regions.isEmpty()) {
        drawNoData(c, plot);
        painter->restore();
        return;
    }
    drawValueAxis(c, plot, top, ticks, [&](double v) { return numberText(v, step); });
    drawAxisCaptions(c, area, plot, tr("PFLOPS"), QString());

    const int n = int(report.regions.size());
    const qreal slot = plot.width() / n;
    const qreal bar = slot * 0.34;
    const auto heightOf = [&](double v) {
        return finite(v) && v > 0 ? plot.height() * std::min(1.0, v / top) : 0.0;
    };
    painter->setPen(c.pen(style.axis, 0.05));
    for (int i = 0; i < n; ++i) {
        const CapacityFigures& r = report.regions[i];
        const qreal x = plot.left() + slot * i + slot / 2;
        const qreal hi = heightOf(r.installedPflops);
        const qreal hu = heightOf(r.meanUsedPflops);
        painter->setPen(c.pen(style.axis, 0.05));
        painter->setBrush(style.secondary);
        painter->drawRect(QRectF(x - bar, plot.bottom() - hi, bar, hi));
        painter->setBrush(style.line);
        painter->drawRect(QRectF(x, plot.bottom() - hu, bar, hu));
        // The region's name under its bars, on two lines at most.
        painter->setBrush(Qt::NoBrush);
        painter->setPen(style.text);
        painter->setFont(c.font);
        const QRectF label(x - slot / 2 + c.unit * 0.1, plot.bottom() + c.unit * 0.3, slot - c.unit * 0.2, c.unit * 2.2);
        painter->save();
        painter->setClipRect(label);
        const QFontMetricsF fm = c.metrics(c.font);
        const QString name = fm.horizontalAdvance(r.name) <= label.width() * 2 ? r.name
                                                                                : fm.elidedText(r.name, Qt::ElideRight, label.width() * 1.9);
        painter->drawText(label, Qt::AlignHCenter | Qt::AlignTop | Qt::TextWordWrap, name);
        painter->restore();
    }
    painter->restore();
}

} // namespace cpn
