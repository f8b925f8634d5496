#include "capacityreport.h"

#include "domainlabels.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {
    struct Tr {
        Q_DECLARE_TR_FUNCTIONS(cpn::CapacityReport)
    };

    // A group's figures while they are summed: totals and weights, divided out by finish().
    struct Sums {
        CapacityFigures f;
        double peakWeighted = 0;
        double itEnergyMwh = 0;
        double pueEnergyMwh = 0; // facility energy of the sites with a PUE
        double greenMwh = 0;
        double endUsed = 0;
        double growthWeighted = 0;

        void add(const Site& site, const SiteUsage& u, Architecture type)
        {
            double installed = 0;
            for (const auto& c : site.capacity) {
                if (type != Architecture::Unknown && c.architecture != type)
                    continue;
                installed += c.pflops;
                f.inferencePflops += c.inferencePflops;
                switch (c.classOf()) {
                case ComputeClass::General:
                    f.generalPflops += c.pflops;
                    break;
                case ComputeClass::Supercomputing:
                    f.supercomputingPflops += c.pflops;
                    break;
                default:
                    f.intelligentPflops += c.pflops;
                    break;
                }
            }
            double mean = u.meanUtilisation;
            double peak = u.peakUtilisation;
            if (type != Architecture::Unknown) {
                mean = peak = 0;
                for (const auto& a : u.architectures) {
                    if (a.architecture == type) {
                        mean = a.meanUtilisation;
                        peak = a.peakUtilisation;
                    }
                }
            }
            ++f.sites;
            f.installedPflops += installed;
            f.meanUsedPflops += installed * mean;
            peakWeighted += installed * peak;
            endUsed += installed * u.endUtilisation;
            growthWeighted += installed * u.growthPerDay;
            f.energyMwh += u.energyMwh;
            f.costCny += u.costCny;
            f.carbonT += u.carbonT;
            if (u.pue >= 1) { // a PUE under 1 says nothing: that site stays out of the group's PUE
                itEnergyMwh += u.energyMwh / u.pue;
                pueEnergyMwh += u.energyMwh;
            }
            greenMwh += u.energyMwh * u.greenShare;
            f.racksBuilt += site.racksBuilt;
            f.racksInUse += std::min(u.racksInUse, site.racksBuilt);
            f.storagePb += site.storagePb;
            f.storageUsedPb += u.storageUsedPb;
            f.inferencePflopsUsed += u.inferencePflopsUsed;
            f.trainingPflopsUsed += u.trainingPflopsUsed;
            f.tolerantPflopsUsed += u.tolerantPflopsUsed;
        }

        CapacityFigures finish() const
        {
            CapacityFigures out = f;
            if (out.installedPflops > 0) {
                out.meanUtilisation = out.meanUsedPflops / out.installedPflops;
                out.peakUtilisation = peakWeighted / out.installedPflops;
                out.endUtilisation = endUsed / out.installedPflops;
                out.growthPerDay = growthWeighted / out.installedPflops;
            }
            out.pue = itEnergyMwh > 0 ? pueEnergyMwh / itEnergyMwh : 0;
            out.greenShare = out.energyMwh > 0 ? greenMwh / out.energyMwh : 0;
            return out;
        }
    };

    // The value of a series at `t`: its newest point at or before t (the first after it when
    // none is that old).
    double valueAt(const QList<SeriesPoint>& series, qint64 t)
    {
        if (series.isEmpty())
            return 0;
        const auto it = std::upper_bound(
            series.cbegin(), series.cend(), t, [](qint64 time, const SeriesPoint& p) { return time < p.timeMs; });
        return it == series.cbegin() ? it->value : std::prev(it)->value;
    }

    // Used and installed PFLOPS of some regions over time, on the finest grid of the platforms.
    struct RegionSeriesSum {
        QList<const RegionUsage*> parts;

        QList<qint64> grid() const
        {
            const RegionUsage* finest = nullptr;
            for (const RegionUsage* r : parts) {
                if (!finest || r->usedPflops.size() > finest->usedPflops.size())
                    finest = r;
            }
            QList<qint64> times;
            if (finest) {
                for (const auto& p : finest->usedPflops)
                    times.append(p.timeMs);
            }
            return times;
        }
        double installed() const
        {
            double sum = 0;
            for (const RegionUsage* r : parts)
                sum += r->installedPflops;
            return sum;
        }
        double usedAt(qint64 t) const
        {
            double sum = 0;
            for (const RegionUsage* r : parts)
                sum += valueAt(r->usedPflops, t);
            return sum;
        }
        QList<SeriesPoint> utilisation() const
        {
            QList<SeriesPoint> out;
            const double cap = installed();
            if (cap <= 0)
                return out;
            for (qint64 t : grid())
                out.append({ t, std::clamp(usedAt(t) / cap, 0.0, 1.0) });
            return out;
        }
        double peak() const
        {
            double top = 0;
            for (const auto& p : utilisation())
                top = std::max(top, p.value);
            return top;
        }
    };

    bool bothFinite(const SiteUsage& u)
    {
        return std::isfinite(u.meanUtilisation) && std::isfinite(u.energyMwh) && std::isfinite(u.costCny)
            && std::isfinite(u.carbonT) && std::isfinite(u.pue) && std::isfinite(u.greenShare);
    }
} // namespace

double CapacityFigures::daysUntilFull() const
{
    if (growthPerDay <= 1e-9 || installedPflops <= 0)
        return std::numeric_limits<double>::infinity();
    return std::max(0.0, (1.0 - endUtilisation) / growthPerDay);
}

QList<int> sitesInScope(
    const QList<Site>& sites, const std::vector<int>& duplicateOf, const ReportScope& scope, QString* error)
{
    const auto shown = [&](int i) { return i >= int(duplicateOf.size()) || duplicateOf[std::size_t(i)] < 0; };
    QList<int> out;
    switch (scope.kind) {
    case ReportScope::Kind::Nation:
    case ReportScope::Kind::Region:
    case ReportScope::Kind::Platform:
        for (int i = 0; i < sites.size(); ++i) {
            const Site& s = sites[i];
            const bool in = scope.kind == ReportScope::Kind::Nation
                || (scope.kind == ReportScope::Kind::Region ? s.regionId == scope.id : s.platform == scope.id);
            if (in && shown(i))
                out.append(i);
        }
        break;
    case ReportScope::Kind::Site: {
        // The site itself (its id, or its id on its own platform when only one has it) and
        // every site under it.
        int root = -1;
        int matches = 0;
        for (int i = 0; i < sites.size(); ++i) {
            if (sites[i].id == scope.id) {
                root = i;
                matches = 1;
                break;
            }
            if (sites[i].id.endsWith(QLatin1Char('/') + scope.id)) {
                root = i;
                ++matches;
            }
        }
        if (matches != 1) {
            if (error) {
                *error = matches == 0 ? Tr::tr("No site, region or platform is called \"%1\".").arg(scope.id)
                                      : Tr::tr("Several platforms have a site \"%1\": give it with its platform, "
                                               "as in \"platform/%1\".")
                                            .arg(scope.id);
            }
            return {};
        }
        QHash<QString, QList<int>> children;
        for (int i = 0; i < sites.size(); ++i) {
            if (!sites[i].parentSiteId.isEmpty())
                children[sites[i].parentSiteId].append(i);
        }
        QList<int> todo { root };
        QSet<int> seen { root };
        while (!todo.isEmpty()) {
            const int i = todo.takeLast();
            if (shown(i))
                out.append(i);
            for (int c : children.value(sites[i].id)) {
                if (!seen.contains(c)) { // a server's cycle of parents ends here
                    seen.insert(c);
                    todo.append(c);
                }
            }
        }
        std::sort(out.begin(), out.end());
        break;
    }
    }
    if (out.isEmpty() && error && error->isEmpty() && scope.kind != ReportScope::Kind::Nation)
        *error = Tr::tr("No site, region or platform is called \"%1\".").arg(scope.id);
    return out;
}

CapacityReport buildCapacityReport(const QList<PlatformUsage>& usage, const QList<Site>& sites,
    const std::vector<int>& duplicateOf, const QList<Region>& regions, const ReportScope& scope)
{
    CapacityReport report;
    report.scope = scope;
    const Architecture type = scope.architecture;

    QHash<QString, const SiteUsage*> bySite;
    bool first = true;
    for (const PlatformUsage& p : usage) {
        report.platforms.append(p.platform);
        if (first || p.coveredFromMs < report.coveredFromMs)
            report.coveredFromMs = p.coveredFromMs;
        report.coveredToMs = std::max(report.coveredToMs, p.coveredToMs);
        report.requestedFromMs = p.requestedFromMs;
        report.requestedToMs = p.requestedToMs;
        report.generatedTimeMs = std::max(report.generatedTimeMs, p.generatedTimeMs);
        report.samples = std::max(report.samples, p.samples);
        first = false;
        // A platform that keeps less than the period (a gateway started two days ago) is named.
        constexpr qint64 kSlackMs = 20 * 60 * 1000;
        if (p.coveredFromMs > p.requestedFromMs + kSlackMs || p.coveredToMs < p.requestedToMs - kSlackMs)
            report.shortCoverage.append({ p.platform, p.coveredToMs - p.coveredFromMs });
        for (const SiteUsage& u : p.sites) {
            if (bothFinite(u))
                bySite.insert(u.siteId, &u);
        }
    }

    const QList<int> inScope = sitesInScope(sites, duplicateOf, scope);
    const auto regionOf = [&](const QString& id) -> const Region* {
        for (const Region& r : regions) {
            if (r.id == id)
                return &r;
        }
        return nullptr;
    };

    Sums total;
    QHash<QString, Sums> byRegion;
    QList<QPair<double, int>> busy;
    for (int i : inScope) {
        const Site& site = sites[i];
        const SiteUsage* u = bySite.value(site.id);
        if (!u) {
            ++report.sitesWithoutData;
            continue;
        }
        total.add(site, *u, type);
        byRegion[site.regionId].add(site, *u, type);
        if (site.tier == SiteTier::NationalHub || site.tier == SiteTier::Cluster) {
            Sums one;
            one.add(site, *u, type);
            CapacityFigures f = one.finish();
            f.key = site.id;
            f.name = siteDisplayName(site);
            report.hubs.append(f);
        }
        if (type == Architecture::Unknown) {
            busy.append({ u->meanUtilisation, i });
        } else {
            Sums one;
            one.add(site, *u, type);
            if (const CapacityFigures f = one.finish(); f.installedPflops > 0)
                busy.append({ f.meanUtilisation, i });
        }
    }

    // The series of the regions in scope (a platform's scope: its own).
    QHash<QString, RegionSeriesSum> seriesOf;
    RegionSeriesSum scopeSeries;
    RegionSeriesSum west;
    RegionSeriesSum all;
    for (const PlatformUsage& p : usage) {
        for (const RegionUsage& r : p.regions) {
            all.parts.append(&r);
            if (const Region* region = regionOf(r.regionId); region && region->western)
                west.parts.append(&r);
            if (scope.kind == ReportScope::Kind::Platform && p.platform != scope.id)
                continue;
            if (!byRegion.contains(r.regionId))
                continue;
            seriesOf[r.regionId].parts.append(&r);
            scopeSeries.parts.append(&r);
        }
    }
    const bool wholeRegions = type == Architecture::Unknown
        && (scope.kind == ReportScope::Kind::Nation || scope.kind == ReportScope::Kind::Region);

    report.total = total.finish();
    report.total.key = scope.kind == ReportScope::Kind::Nation ? QStringLiteral("nation") : scope.id;
    report.utilisation = scopeSeries.utilisation();
    if (wholeRegions && !report.utilisation.isEmpty())
        report.total.peakUtilisation = scopeSeries.peak();

    for (const Region& r : regions) {
        if (!byRegion.contains(r.id))
            continue;
        CapacityFigures f = byRegion[r.id].finish();
        f.key = r.id;
        f.name = regionDisplayName(r);
        f.western = r.western;
        const RegionSeriesSum& s = seriesOf[r.id];
        if (wholeRegions && !s.parts.isEmpty())
            f.peakUtilisation = s.peak();
        report.regions.append(f);
    }
    // Sites of a region the network does not list still count in the total, under their id.
    for (auto it = byRegion.cbegin(); it != byRegion.cend(); ++it) {
        if (!regionOf(it.key())) {
            CapacityFigures f = it.value().finish();
            f.key = it.key();
            f.name = it.key().isEmpty() ? Tr::tr("No region") : it.key();
            report.regions.append(f);
        }
    }

    std::stable_sort(busy.begin(), busy.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [mean, i] : busy.mid(0, CapacityReport::kBusiest)) {
        Q_UNUSED(mean)
        Sums one;
        one.add(sites[i], *bySite.value(sites[i].id), type);
        CapacityFigures f = one.finish();
        f.key = sites[i].id;
        f.name = siteDisplayName(sites[i]);
        report.busiest.append(f);
    }

    switch (scope.kind) {
    case ReportScope::Kind::Nation:
        report.scopeName = Tr::tr("Nation");
        break;
    case ReportScope::Kind::Region:
        if (const Region* r = regionOf(scope.id))
            report.scopeName = regionDisplayName(*r);
        else
            report.scopeName = scope.id;
        break;
    case ReportScope::Kind::Site:
        report.scopeName = inScope.isEmpty() ? scope.id : siteDisplayName(sites[inScope.first()]);
        for (int i : inScope) {
            if (sites[i].id == scope.id || sites[i].id.endsWith(QLatin1Char('/') + scope.id))
                report.scopeName = siteDisplayName(sites[i]);
        }
        break;
    case ReportScope::Kind::Platform:
        report.scopeName = Tr::tr("Platform %1").arg(scope.id);
        break;
    }
    report.total.name = report.scopeName;

    // The gaps the policy names.
    // Inference use is the whole sites' (not by type): compared with dedicated capacity of every type only.
    for (const CapacityFigures& r : std::as_const(report.regions)) {
        if (type == Architecture::Unknown && r.inferencePflopsUsed > r.inferencePflops && r.inferencePflopsUsed > 0) {
            report.gaps.append({ ReportGap::Kind::InferenceShort, r.key, {}, r.inferencePflopsUsed, r.inferencePflops });
        }
    }
    // Regions out of step: of the regions the network lists that have capacity (of the type).
    QList<CapacityFigures> compared;
    for (const CapacityFigures& r : std::as_const(report.regions)) {
        if (r.installedPflops > 0 && regionOf(r.key))
            compared.append(r);
    }
    if (compared.size() >= 2) {
        const auto [idle, hot] = std::minmax_element(compared.cbegin(), compared.cend(),
            [](const CapacityFigures& a, const CapacityFigures& b) { return a.meanUtilisation < b.meanUtilisation; });
        if (hot->meanUtilisation >= CapacityReport::kHot && idle->meanUtilisation <= CapacityReport::kIdle) {
            report.gaps.append(
                { ReportGap::Kind::OutOfStep, hot->key, idle->key, hot->meanUtilisation, idle->meanUtilisation });
        }
    }
    // East Data, West Computing: nationally, whatever the scope.
    double tolerant = 0;
    double tolerantWest = 0;
    for (int i = 0; i < sites.size(); ++i) {
        const SiteUsage* u = bySite.value(sites[i].id);
        if (!u || (i < int(duplicateOf.size()) && duplicateOf[std::size_t(i)] >= 0))
            continue;
        tolerant += u->tolerantPflopsUsed;
        if (const Region* r = regionOf(sites[i].regionId); r && r->western)
            tolerantWest += u->tolerantPflopsUsed;
    }
    for (qint64 t : all.grid()) {
        const double used = all.usedAt(t);
        report.westShare.append({ t, used > 0 ? west.usedAt(t) / used : 0 });
    }
    report.gaps.append({ ReportGap::Kind::WestShare, {}, {}, tolerant > 0 ? tolerantWest / tolerant : 0,
        report.westShare.isEmpty() ? 0 : report.westShare.last().value });
    return report;
}

} // namespace cpn
