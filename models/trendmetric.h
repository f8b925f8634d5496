#pragma once
// The metrics the trend panel can chart, as QueryHistory names them, with their labels and how to
// read the same figure from a live metrics frame.

#include "domain.h"

#include <QStringList>

#include <optional>

namespace cpn {

enum class TrendEntityKind : quint8 { Site, Link, Region };

// One line of a trend chart: an entity's metric.
struct SeriesKey {
    QString entityId;
    QString metric; // QueryHistory's name, e.g. "utilisation", "power_mw", "utilisation:ascend"

    friend bool operator==(const SeriesKey&, const SeriesKey&) = default;
};
size_t qHash(const SeriesKey& key, size_t seed = 0);

// QueryHistory's metric names an entity of this kind offers; a site's per-architecture
// utilisation for each architecture in `architectures`.
QStringList trendMetrics(TrendEntityKind kind, const QList<Architecture>& architectures = {});
// "utilisation:<arch>" for an architecture, e.g. "utilisation:nvidia_gpu".
QString architectureUtilisationMetric(Architecture architecture);
// Translated label, e.g. "Power" or "Utilisation, Ascend"; the metric name itself when unknown.
QString trendMetricLabel(const QString& metric);
// The unit QueryHistory answers the metric in ("ratio", "MW", "Gbps", "ms", "CNY/kWh"), until
// the server says otherwise.
QString trendMetricUnit(const QString& metric);
// Whether the metric is a share (0..1) best read in per cent: loads and the green share.
bool isShareMetric(const QString& metric);
// The metric's value in a live frame, in QueryHistory's unit; nothing when the frame lacks it.
std::optional<double> liveValue(const QString& metric, const SiteMetrics& metrics);
std::optional<double> liveValue(const QString& metric, const LinkMetrics& metrics);

} // namespace cpn
