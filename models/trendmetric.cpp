#include "trendmetric.h"

#include "domainlabels.h"

#include <QCoreApplication>
#include <QHash>

namespace cpn {

namespace {
    struct Trend {
        Q_DECLARE_TR_FUNCTIONS(cpn::Trend)
    };

    const QString kUtilisation = QStringLiteral("utilisation");
    const QString kArchitecturePrefix = QStringLiteral("utilisation:");

    constexpr Architecture kArchitectures[]
        = { Architecture::NvidiaGpu, Architecture::Ascend, Architecture::HygonDcu, Architecture::CambriconMlu,
              Architecture::Kunlunxin, Architecture::Cpu };

    std::optional<Architecture> architectureOf(const QString& metric)
    {
        if (!metric.startsWith(kArchitecturePrefix))
            return std::nullopt;
        for (Architecture a : kArchitectures) {
            if (architectureUtilisationMetric(a) == metric)
                return a;
        }
        return std::nullopt;
    }
} // namespace

size_t qHash(const SeriesKey& key, size_t seed)
{
    return qHashMulti(seed, key.entityId, key.metric);
}

QString architectureUtilisationMetric(Architecture architecture)
{
    switch (architecture) {
    case Architecture::NvidiaGpu:
        return kArchitecturePrefix + QLatin1String("nvidia_gpu");
    case Architecture::Ascend:
        return kArchitecturePrefix + QLatin1String("ascend");
    case Architecture::HygonDcu:
        return kArchitecturePrefix + QLatin1String("hygon_dcu");
    case Architecture::CambriconMlu:
        return kArchitecturePrefix + QLatin1String("cambricon_mlu");
    case Architecture::Kunlunxin:
        return kArchitecturePrefix + QLatin1String("kunlunxin");
    case Architecture::Cpu:
        return kArchitecturePrefix + QLatin1String("cpu");
    case Architecture::Unknown:
        break;
    }
    return {};
}

QStringList trendMetrics(TrendEntityKind kind, const QList<Architecture>& architectures)
{
    switch (kind) {
    case TrendEntityKind::Site: {
        QStringList metrics { kUtilisation };
        for (Architecture a : architectures) {
            if (const QString m = architectureUtilisationMetric(a); !m.isEmpty() && !metrics.contains(m))
                metrics.append(m);
        }
        metrics << QStringLiteral("power_mw") << QStringLiteral("pue") << QStringLiteral("price_cny_per_kwh")
                << QStringLiteral("green_share");
        return metrics;
    }
    case TrendEntityKind::Link:
        return { QStringLiteral("throughput_ab_gbps"), QStringLiteral("throughput_ba_gbps"),
            QStringLiteral("latency_ms"), kUtilisation };
    case TrendEntityKind::Region:
        return { kUtilisation, QStringLiteral("power_mw"), QStringLiteral("pue"), QStringLiteral("price_cny_per_kwh"),
            QStringLiteral("green_share") };
    }
    return {};
}

QString trendMetricLabel(const QString& metric)
{
    static const QHash<QString, const char*> labels {
        { kUtilisation, QT_TRANSLATE_NOOP("cpn::Trend", "Utilisation") },
        { QStringLiteral("power_mw"), QT_TRANSLATE_NOOP("cpn::Trend", "Power") },
        { QStringLiteral("pue"), QT_TRANSLATE_NOOP("cpn::Trend", "PUE") },
        { QStringLiteral("price_cny_per_kwh"), QT_TRANSLATE_NOOP("cpn::Trend", "Electricity price") },
        { QStringLiteral("green_share"), QT_TRANSLATE_NOOP("cpn::Trend", "Green share") },
        { QStringLiteral("throughput_ab_gbps"), QT_TRANSLATE_NOOP("cpn::Trend", "Throughput A to B") },
        { QStringLiteral("throughput_ba_gbps"), QT_TRANSLATE_NOOP("cpn::Trend", "Throughput B to A") },
        { QStringLiteral("latency_ms"), QT_TRANSLATE_NOOP("cpn::Trend", "Latency") },
    };
    if (const auto it = labels.constFind(metric); it != labels.cend())
        return Trend::tr(*it);
    if (const auto architecture = architectureOf(metric))
        return Trend::tr("Utilisation, %1").arg(architectureName(*architecture));
    return metric;
}

bool isShareMetric(const QString& metric)
{
    return metric == kUtilisation || metric == QLatin1String("green_share") || metric.startsWith(kArchitecturePrefix);
}

QString trendMetricUnit(const QString& metric)
{
    if (isShareMetric(metric) || metric == QLatin1String("pue"))
        return QStringLiteral("ratio");
    if (metric == QLatin1String("power_mw"))
        return QStringLiteral("MW");
    if (metric == QLatin1String("price_cny_per_kwh"))
        return QStringLiteral("CNY/kWh");
    if (metric.startsWith(QLatin1String("throughput_")))
        return QStringLiteral("Gbps");
    if (metric == QLatin1String("latency_ms"))
        return QStringLiteral("ms");
    return {};
}

std::optional<double> liveValue(const QString& metric, const SiteMetrics& m)
{
    if (metric == kUtilisation)
        return m.utilisation;
    if (metric == QLatin1String("power_mw"))
        return m.powerMw;
    if (metric == QLatin1String("pue"))
        return m.pue;
    if (metric == QLatin1String("price_cny_per_kwh"))
        return m.priceCnyPerKwh;
    if (metric == QLatin1String("green_share"))
        return m.greenShare;
    if (const auto architecture = architectureOf(metric)) {
        for (const auto& use : m.usage) {
            if (use.architecture == *architecture)
                return use.utilisation;
        }
    }
    return std::nullopt;
}

std::optional<double> liveValue(const QString& metric, const LinkMetrics& m)
{
    if (metric == kUtilisation)
        return m.utilisation;
    if (metric == QLatin1String("throughput_ab_gbps"))
        return m.throughputAbGbps;
    if (metric == QLatin1String("throughput_ba_gbps"))
        return m.throughputBaGbps;
    if (metric == QLatin1String("latency_ms"))
        return m.latencyMs;
    return std::nullopt;
}

} // namespace cpn
