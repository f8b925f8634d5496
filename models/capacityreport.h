#pragma once
// Capacity against use over a period, for ministry staff (DOMAIN.md, "What ministry staff report
// on"): what each platform's scheduler reported of the period (GetCapacityReport, per site),
// gathered by region, hub and cluster, nation, against the policy's targets, with the gaps the
// policy names. Pure computation: the capacity review window, the exported reports and the
// headless --report all show the one CapacityReport this builds.
//
// What is exact and what is approximate:
// - Sums over time (energy, cost, carbon) and time-weighted means (utilisation, PUE as facility
//   energy over IT energy, green share by energy) are the servers', summed here over sites.
// - A group's mean utilisation is used PFLOPS over installed PFLOPS (installed today).
// - A region's or the nation's peak is the highest step of the regions' series (step means, so
//   a little under the highest sample); a group that is not whole regions (a hub with its sites,
//   a platform) takes the capacity-weighted mean of its sites' peaks, an upper bound.
// - Racks and storage in use, and inference and training use, are at the time of the report:
//   schedulers keep no tasks of the past.
// - With an accelerator type chosen, capacity and utilisation are that type's; energy, cost,
//   carbon, PUE, racks and storage stay the whole sites'.
// - Days until full: the end utilisation grown at the capacity-weighted mean slope of the
//   sites' utilisation over the period; none when it does not grow.

#include "domain.h"

#include <QHash>
#include <QMetaType>
#include <QList>
#include <QString>

#include <limits>
#include <vector>

namespace cpn {

// One site over a period, as its scheduler reported it (see SiteReport in state.proto).
struct SiteUsage {
    QString siteId; // qualified by platform
    double meanUtilisation = 0; // 0..1
    double peakUtilisation = 0;
    struct ByArchitecture {
        Architecture architecture = Architecture::Unknown;
        double meanUtilisation = 0;
        double peakUtilisation = 0;
    };
    QList<ByArchitecture> architectures;
    double energyMwh = 0;
    double costCny = 0;
    double pue = 0;
    double greenShare = 0;
    double carbonT = 0;
    double gridFactorKgPerKwh = 0;
    double growthPerDay = 0; // utilisation, ratio per day
    double endUtilisation = 0;
    quint32 racksInUse = 0; // now
    double storageUsedPb = 0; // now
    double inferencePflopsUsed = 0; // now
    double trainingPflopsUsed = 0; // now
    double tolerantPflopsUsed = 0; // now
};

struct SeriesPoint {
    qint64 timeMs = 0;
    double value = 0;
};

// PFLOPS in use in one region over the period, as one platform reported it.
struct RegionUsage {
    QString regionId;
    double installedPflops = 0;
    QList<SeriesPoint> usedPflops;
};

// What one platform reported of a period.
struct PlatformUsage {
    QString platform;
    qint64 requestedFromMs = 0;
    qint64 requestedToMs = 0;
    qint64 coveredFromMs = 0;
    qint64 coveredToMs = 0;
    qint64 generatedTimeMs = 0;
    quint32 samples = 0;
    QList<SiteUsage> sites;
    QList<RegionUsage> regions;
};

// What a report is about.
struct ReportScope {
    enum class Kind : quint8 { Nation, Region, Site, Platform };
    Kind kind = Kind::Nation;
    QString id; // region id, site id (with every site under it) or platform name
    Architecture architecture = Architecture::Unknown; // Unknown: every type
};

// Targets the policy sets (DOMAIN.md).
namespace target {
    inline constexpr double kRackOccupancy = 0.65; // at least, national hubs
    inline constexpr double kUtilisation = 0.55; // at least (then 60 %)
    inline constexpr double kHubPue = 1.25; // below, hubs
    inline constexpr double kLargePue = 1.35; // below, new large data centres
    inline constexpr double kGreenShare = 0.80; // over, new hub data centres by end 2025
}

// The figures of a group of sites over the period.
struct CapacityFigures {
    QString key; // region id, site id, "nation", platform name
    QString name; // in the interface's language (a site's or region's own name)
    int sites = 0;
    double installedPflops = 0; // of the type chosen, or all
    double generalPflops = 0;
    double intelligentPflops = 0;
    double supercomputingPflops = 0;
    double meanUsedPflops = 0;
    double meanUtilisation = 0;
    double peakUtilisation = 0;
    double energyMwh = 0;
    double costCny = 0;
    double pue = 0; // 0 when no energy
    double greenShare = 0;
    double carbonT = 0;
    quint64 racksBuilt = 0;
    quint64 racksInUse = 0;
    double storagePb = 0;
    double storageUsedPb = 0;
    double inferencePflops = 0; // dedicated
    double inferencePflopsUsed = 0;
    double trainingPflopsUsed = 0;
    double tolerantPflopsUsed = 0;
    double endUtilisation = 0;
    double growthPerDay = 0;
    bool western = false; // regions: a western hub's

    double rackOccupancy() const { return racksBuilt > 0 ? double(racksInUse) / racksBuilt : 0; }
    // Days until the capacity is all in use at the current growth; infinity when not growing.
    double daysUntilFull() const;
};

// A gap the policy names, found in the figures.
struct ReportGap {
    enum class Kind : quint8 {
        InferenceShort, // a region's inference work exceeds its dedicated inference capacity
        OutOfStep, // one region runs hot while another idles
        WestShare, // how much latency-tolerant work runs in the west (always given)
    };
    Kind kind = Kind::InferenceShort;
    QString regionId; // the region concerned (OutOfStep: the hot one)
    QString otherRegionId; // OutOfStep: the idle one
    // InferenceShort: inference PFLOPS used, and dedicated. OutOfStep: the hot and the idle
    // region's mean utilisation. WestShare: the western share of latency-tolerant work now, and
    // of all PFLOPS in use at the end of the period.
    double value = 0;
    double other = 0;
};

struct CapacityReport {
    ReportScope scope;
    QString scopeName;
    QStringList platforms; // as given
    qint64 requestedFromMs = 0;
    qint64 requestedToMs = 0;
    qint64 coveredFromMs = 0; // what every platform covers together (earliest to latest)
    qint64 coveredToMs = 0;
    qint64 generatedTimeMs = 0; // newest of the platforms'
    quint32 samples = 0;
    int sitesWithoutData = 0; // in scope, but no platform reported them over the period
    // The platforms that keep less than the period asked for, and how much they cover (ms).
    struct Coverage {
        QString platform;
        qint64 coveredMs = 0;
    };
    QList<Coverage> shortCoverage;
    CapacityFigures total;
    QList<CapacityFigures> regions; // the regions in scope, in the network's order
    QList<CapacityFigures> hubs; // hub and cluster sites in scope, each alone
    QList<CapacityFigures> busiest; // sites by mean utilisation, at most kBusiest
    QList<ReportGap> gaps;
    QList<SeriesPoint> utilisation; // of the regions in scope, over the period (0..1)
    QList<SeriesPoint> westShare; // of the PFLOPS in use, the western regions' (0..1)

    static constexpr int kBusiest = 20;
    // OutOfStep: a region at least this busy while another is at most kIdle.
    static constexpr double kHot = 0.70;
    static constexpr double kIdle = 0.40;
    bool isEmpty() const { return total.sites == 0; }
};

// The sites a scope covers (indexes into `sites`), duplicates of sites shown once left out
// (`duplicateOf` as NetworkState::duplicateOf, may be empty); empty and *error set when the
// scope names nothing known.
QList<int> sitesInScope(const QList<Site>& sites, const std::vector<int>& duplicateOf, const ReportScope& scope,
    QString* error = nullptr);

// The report of `usage` (every platform's) over the network `sites` and `regions`.
CapacityReport buildCapacityReport(const QList<PlatformUsage>& usage, const QList<Site>& sites,
    const std::vector<int>& duplicateOf, const QList<Region>& regions, const ReportScope& scope);

} // namespace cpn

Q_DECLARE_METATYPE(cpn::CapacityReport)
