// chart.*: how long the trend chart takes to take new points and draw them, offscreen.
//
// update: 10 lines of 24 h of 1-min points (1,440 each) given to TrendChart::setLines (one
// replace() per series; the lines alternate between two minutes, so every point moves each run)
// and the chart drawn (grab()) at 1200x400; the median of --repeats runs.

#include "benchregistry.h"

#include "trendchart.h"

#include <QApplication>
#include <QDir>
#include <QPixmap>

#include <cmath>

namespace cpn::bench {

namespace {

constexpr int kLines = 10;
constexpr qint64 kMinuteMs = 60 * 1000;
constexpr int kPoints = 24 * 60;

QList<TrendLine> dayOfLines(qint64 nowMs)
{
    QList<TrendLine> lines;
    for (int l = 0; l < kLines; ++l) {
        TrendLine line;
        line.name = QStringLiteral("site-%1").arg(l);
        line.unit = QStringLiteral("ratio");
        line.percent = true;
        line.points.reserve(kPoints);
        for (int i = 0; i < kPoints; ++i) {
            const qint64 t = nowMs - qint64(kPoints - 1 - i) * kMinuteMs;
            const double hour = double(t % (24 * 3600 * 1000)) / 3600e3;
            line.points.append({ t, 0.5 + 0.3 * std::sin(hour / 24 * 2 * M_PI + l) + 0.05 * std::sin(i * 0.7 + l) });
        }
        lines.append(line);
    }
    return lines;
}

void runChart(const Options& options)
{
    TrendChart chart;
    chart.setAttribute(Qt::WA_DontShowOnScreen);
    chart.resize(1200, 400);
    chart.show();
    QApplication::processEvents();
    const qint64 now = 1'795'219'200'000;
    const QList<TrendLine> minutes[2] = { dayOfLines(now), dayOfLines(now + kMinuteMs) };
    int run = 0;
    const auto samples = timeRuns(options.repeats, 5, [&] {
        const int m = run++ % 2;
        chart.setLines(minutes[m], now + m * kMinuteMs - 24 * 3600 * 1000, now + m * kMinuteMs);
        QPixmap drawn = chart.grab();
        Q_UNUSED(drawn);
    });
    report(QStringLiteral("chart.update.median_ms"), median(samples), "ms");
    if (!options.snapshotDir.isEmpty())
        chart.grab().save(QDir(options.snapshotDir).filePath(QStringLiteral("chart-update.png")));
}

} // namespace

CPN_BENCH_GROUP("chart", 30, runChart);

} // namespace cpn::bench
