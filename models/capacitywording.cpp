#include "capacitywording.h"

#include "domainlabels.h"

#include <QDateTime>
#include <QLocale>
#include <QTimeZone>

#include <cmath>

namespace cpn {

namespace {
    QVariant number(double v)
    {
        return std::isfinite(v) ? QVariant(v) : QVariant();
    }
    QVariant percent(double ratio)
    {
        return number(ratio * 100.0);
    }
    QString dateText(qint64 ms)
    {
        return QLocale().toString(
            beijingDateTime(ms), QStringLiteral("yyyy-MM-dd HH:mm"));
    }
    QString percentText(double ratio, int decimals = 1)
    {
        return QLocale().toString(ratio * 100.0, 'f', decimals) + QStringLiteral(" %");
    }
    std::optional<bool> atLeast(double v, double target, bool known = true)
    {
        if (!known)
            return std::nullopt;
        return v >= target;
    }
} // namespace

QList<ReportColumn> CapacityWording::columns()
{
    const QString atLeastOccupancy = tr(">= %1").arg(percentText(target::kRackOccupancy, 0));
    const QString atLeastUse = tr(">= %1").arg(percentText(target::kUtilisation, 0));
    const QString pueTarget = tr("<= %1").arg(QLocale().toString(target::kHubPue, 'f', 2));
    const QString greenTarget = tr(">= %1").arg(percentText(target::kGreenShare, 0));
    return {
        { tr("Name"), 0, [](const CapacityFigures& f) { return QVariant(f.name); } },
        { tr("Sites"), 0, [](const CapacityFigures& f) { return QVariant(f.sites); } },
        { tr("Installed (PFLOPS)"), 0, [](const CapacityFigures& f) { return number(f.installedPflops); } },
        { tr("General (PFLOPS)"), 0, [](const CapacityFigures& f) { return number(f.generalPflops); } },
        { tr("Intelligent, FP16 (PFLOPS)"), 0, [](const CapacityFigures& f) { return number(f.intelligentPflops); } },
        { tr("Supercomputing (PFLOPS)"), 0, [](const CapacityFigures& f) { return number(f.supercomputingPflops); } },
        { tr("In use, mean (PFLOPS)"), 0, [](const CapacityFigures& f) { return number(f.meanUsedPflops); } },
        { tr("Mean utilisation (%)"), 1, [](const CapacityFigures& f) { return percent(f.meanUtilisation); },
            [](const CapacityFigures& f) { return atLeast(f.meanUtilisation, target::kUtilisation, f.installedPflops > 0); },
            atLeastUse },
        { tr("Peak utilisation (%)"), 1, [](const CapacityFigures& f) { return percent(f.peakUtilisation); } },
        { tr("Energy (MWh)"), 0, [](const CapacityFigures& f) { return number(f.energyMwh); } },
        { tr("Energy cost (10k CNY)"), 1, [](const CapacityFigures& f) { return number(f.costCny / 1e4); } },
        { tr("PUE"), 2, [](const CapacityFigures& f) { return f.pue > 0 ? number(f.pue) : QVariant(); },
            [](const CapacityFigures& f) -> std::optional<bool> {
                if (f.pue <= 0)
                    return std::nullopt;
                return f.pue <= target::kHubPue;
            },
            pueTarget },
        { tr("Green share (%)"), 1, [](const CapacityFigures& f) { return percent(f.greenShare); },
            [](const CapacityFigures& f) { return atLeast(f.greenShare, target::kGreenShare, f.energyMwh > 0); },
            greenTarget },
        { tr("Carbon (t CO2)"), 0, [](const CapacityFigures& f) { return number(f.carbonT); } },
        { tr("Racks built"), 0, [](const CapacityFigures& f) { return QVariant(f.racksBuilt); } },
        { tr("Racks in use"), 0, [](const CapacityFigures& f) { return QVariant(f.racksInUse); } },
        { tr("Rack occupancy (%)"), 1,
            [](const CapacityFigures& f) { return f.racksBuilt > 0 ? percent(f.rackOccupancy()) : QVariant(); },
            [](const CapacityFigures& f) { return atLeast(f.rackOccupancy(), target::kRackOccupancy, f.racksBuilt > 0); },
            atLeastOccupancy },
        { tr("Storage (PB)"), 1, [](const CapacityFigures& f) { return number(f.storagePb); } },
        { tr("Storage in use (PB)"), 1, [](const CapacityFigures& f) { return number(f.storageUsedPb); } },
        { tr("Inference capacity (PFLOPS)"), 0, [](const CapacityFigures& f) { return number(f.inferencePflops); } },
        { tr("Inference in use (PFLOPS)"), 0, [](const CapacityFigures& f) { return number(f.inferencePflopsUsed); } },
        { tr("Training in use (PFLOPS)"), 0, [](const CapacityFigures& f) { return number(f.trainingPflopsUsed); } },
        { tr("Days until full"), 0,
            [](const CapacityFigures& f) {
                const double d = f.daysUntilFull();
                return std::isfinite(d) ? QVariant(d) : QVariant();
            } },
    };
}

QString CapacityWording::text(const ReportColumn& column, const CapacityFigures& figures)
{
    const QVariant v = column.value(figures);
    if (!v.isValid())
        return QStringLiteral("—");
    if (v.typeId() == QMetaType::QString)
        return v.toString();
    return QLocale().toString(v.toDouble(), 'f', column.decimals);
}

QString CapacityWording::title(const CapacityReport& report)
{
    return tr("Computing capacity report: %1").arg(report.scopeName);
}

QString CapacityWording::periodText(const CapacityReport& report)
{
    return tr("%1 to %2 (Beijing time)").arg(dateText(report.requestedFromMs), dateText(report.requestedToMs));
}

QString CapacityWording::coverageNote(const CapacityReport& report)
{
    if (report.isEmpty() && report.coveredToMs <= report.coveredFromMs)
        return tr("The schedulers keep nothing of this period.");
    if (report.shortCoverage.isEmpty())
        return {};
    const auto days = [](qint64 ms) { return QLocale().toString(double(ms) / (24 * 3600 * 1000.0), 'f', 1); };
    if (report.platforms.size() == 1) {
        return tr("The scheduler keeps %1 days of this period: the figures cover %2 to %3.")
            .arg(days(report.coveredToMs - report.coveredFromMs), dateText(report.coveredFromMs), dateText(report.coveredToMs));
    }
    QStringList parts;
    for (const auto& c : report.shortCoverage)
        parts << tr("%1 keeps %2 days").arg(c.platform.isEmpty() ? tr("the console's platform") : c.platform, days(c.coveredMs));
    return tr("Not every platform keeps the whole period (%1): their sums cover less of it.").arg(parts.join(tr("; ")));
}

QString CapacityWording::typeText(Architecture architecture)
{
    return architecture == Architecture::Unknown ? tr("every accelerator type") : architectureName(architecture);
}

QList<CapacityWording::Headline> CapacityWording::headlines(const CapacityReport& report)
{
    const CapacityFigures& t = report.total;
    const QLocale l;
    const auto pflops = [&](double v) { return tr("%1 PFLOPS").arg(l.toString(v, 'f', 0)); };
    QList<Headline> out;
    out.append({ tr("Capacity installed"), pflops(t.installedPflops), {}, std::nullopt });
    out.append({ tr("General / intelligent / supercomputing"),
        tr("%1 / %2 / %3 PFLOPS")
            .arg(l.toString(t.generalPflops, 'f', 0), l.toString(t.intelligentPflops, 'f', 0),
                l.toString(t.supercomputingPflops, 'f', 0)),
        {}, std::nullopt });
    out.append({ tr("Mean utilisation"), percentText(t.meanUtilisation),
        tr(">= %1").arg(percentText(target::kUtilisation, 0)),
        t.installedPflops > 0 ? std::optional<bool>(t.meanUtilisation >= target::kUtilisation) : std::nullopt });
    out.append({ tr("Peak utilisation"), percentText(t.peakUtilisation), {}, std::nullopt });
    out.append({ tr("Energy"), tr("%1 MWh").arg(l.toString(t.energyMwh, 'f', 0)), {}, std::nullopt });
    out.append({ tr("Energy cost"), tr("%1 10k CNY").arg(l.toString(t.costCny / 1e4, 'f', 1)), {}, std::nullopt });
    out.append({ tr("PUE"), t.pue > 0 ? l.toString(t.pue, 'f', 2) : QStringLiteral("—"),
        tr("<= %1").arg(l.toString(target::kHubPue, 'f', 2)),
        t.pue > 0 ? std::optional<bool>(t.pue <= target::kHubPue) : std::nullopt });
    out.append({ tr("Green share"), percentText(t.greenShare), tr(">= %1").arg(percentText(target::kGreenShare, 0)),
        t.energyMwh > 0 ? std::optional<bool>(t.greenShare >= target::kGreenShare) : std::nullopt });
    out.append({ tr("Carbon"), tr("%1 t CO2").arg(l.toString(t.carbonT, 'f', 0)), {}, std::nullopt });
    out.append({ tr("Rack occupancy"),
        t.racksBuilt > 0 ? tr("%1 (%2 of %3 racks)")
                               .arg(percentText(t.rackOccupancy()), l.toString(t.racksInUse), l.toString(t.racksBuilt))
                         : QStringLiteral("—"),
        tr(">= %1").arg(percentText(target::kRackOccupancy, 0)),
        t.racksBuilt > 0 ? std::optional<bool>(t.rackOccupancy() >= target::kRackOccupancy) : std::nullopt });
    out.append({ tr("Storage"),
        tr("%1 of %2 PB in use").arg(l.toString(t.storageUsedPb, 'f', 1), l.toString(t.storagePb, 'f', 1)), {},
        std::nullopt });
    out.append({ tr("Inference: dedicated capacity / in use"),
        tr("%1 / %2 PFLOPS").arg(l.toString(t.inferencePflops, 'f', 0), l.toString(t.inferencePflopsUsed, 'f', 0)), {},
        std::nullopt });
    out.append({ tr("Training in use"), pflops(t.trainingPflopsUsed), {}, std::nullopt });
    const double days = t.daysUntilFull();
    out.append({ tr("Full at the current growth"),
        std::isfinite(days) ? tr("in %n day(s)", nullptr, int(std::ceil(days))) : tr("not while use does not grow"), {},
        std::nullopt });
    return out;
}

QString CapacityWording::gap(const CapacityReport& report, const ReportGap& gap)
{
    const auto nameOf = [&](const QString& id) {
        for (const auto& r : report.regions) {
            if (r.key == id)
                return r.name;
        }
        return id;
    };
    const QLocale l;
    switch (gap.kind) {
    case ReportGap::Kind::InferenceShort:
        return tr("Too little inference capacity near users in %1: inference work uses %2 PFLOPS, its dedicated "
                  "inference capacity is %3 PFLOPS.")
            .arg(nameOf(gap.regionId), l.toString(gap.value, 'f', 0), l.toString(gap.other, 'f', 0));
    case ReportGap::Kind::OutOfStep:
        return tr("Supply and demand out of step: %1 ran at %2 on average while %3 ran at %4.")
            .arg(nameOf(gap.regionId), percentText(gap.value), nameOf(gap.otherRegionId), percentText(gap.other));
    case ReportGap::Kind::WestShare:
        return tr("East Data, West Computing: %1 of the latency-tolerant work (training, batch, rendering, "
                  "scientific, storage) runs in the western hubs now; they held %2 of all computing in use at the "
                  "end of the period.")
            .arg(percentText(gap.value), percentText(gap.other));
    }
    return {};
}

QStringList CapacityWording::methodNotes(const CapacityReport& report)
{
    QStringList notes;
    notes << tr("Compute is peak FP16 PFLOPS as the schedulers report it; utilisation is the share of it in use, "
                "time-weighted over the samples kept (15-minute means before the last day).");
    notes << tr("PUE is facility energy over IT energy; green share is by energy; carbon counts the energy not "
                "green at its province's grid emission factor (Ministry of Ecology and Environment, 2022; green "
                "power bought directly counts as zero).");
    notes << tr("Racks and storage in use, and inference and training use, are at the time of the report: "
                "schedulers keep no tasks of the past.");
    notes << tr("The peak of a region or the nation is its highest step of the utilisation series; for other groups, "
                "the capacity-weighted mean of their sites' peaks.");
    if (report.scope.architecture != Architecture::Unknown)
        notes << tr("Capacity and utilisation are of %1 only; energy, cost, carbon, PUE, racks and storage are the "
                    "whole sites'.")
                     .arg(typeText(report.scope.architecture));
    if (report.sitesWithoutData > 0)
        notes << tr("%n site(s) in scope had no data for the period and are left out.", nullptr,
            report.sitesWithoutData);
    notes << tr("Targets: utilisation at least 55 %, hub PUE below 1.25, green share over 80 % in new hub data "
                "centres, rack occupancy at least 65 % in the national hubs.");
    return notes;
}

} // namespace cpn
