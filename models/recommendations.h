#pragma once
// Migrations the console recommends, computed as one set from an AnalysisInput on a worker thread.
//
// Design note. What is optimised: a greedy over candidate moves in order of their gain, each
// checked by the shared placement rules (rules::checkMove: capacity, architecture, residency,
// latency SLO, status, a path with spare bandwidth, task not busy), so the server's
// PlanMigration accepts each on the state the input was taken from. Chosen moves reserve their
// cards at the target and their transfer rate on the path, and later candidates see those
// reservations, so that no two recommendations fight for the same capacity; a move is kept only
// if the target's projected utilisation and every path link's stay at or under the threshold.
// Kinds, in the order they are sought:
//  - RelieveSite: tasks leave a site above the threshold until its projected load is under it
//    (largest tasks first, to the cheapest open site that fits; inference stays within its SLO).
//  - EastToWest: latency-tolerant work (training, batch, rendering, scientific, storage) at an
//    eastern site moves to the western site where its cards cost least an hour; gain is the cost
//    and carbon an hour saved (task's cards x kW per card x draw share x PUE, at each site's price,
//    green share and its province's grid factor).
//  - NearerUsers: inference moves to a site nearer its users (latency before/after).
//  - PackForDrain: every task of a lightly used regional or edge site fits elsewhere, so the
//    site can be drained.
// What is approximate: only the best candidates are examined (bounded work: `maxCandidates` tasks
// per kind, `targetsPerTask` targets each, `maxFullChecks` full checks per kind; inference only for
// the busiest users' sites); the
// ranking score folds gains into CNY an hour (carbon at `carbonPriceCnyPerKg`, a millisecond of
// users' latency at `latencyValueCnyPerMsHour`, load relieved at `reliefValueCnyPerHour` per
// unit of a site's load); link loads count only transfers (tasks add no steady link traffic in
// the schedulers' model); PlanMigration's own carbon delta uses the national grid factor, the
// gains here the province's.

#include "analysisinput.h"

#include <QString>

#include <vector>

namespace cpn::analysis {

enum class RecommendationKind : quint8 { RelieveSite, EastToWest, NearerUsers, PackForDrain };

struct RecommendationOptions {
    double threshold = 0.85; // projected site and link loads stay at or under it (ratio)
    int maxCount = 200;
    bool relieveSites = true;
    bool eastToWest = true;
    bool nearerUsers = true;
    bool packForDrain = true;
    double minCostGainCnyPerHour = 1.0; // east-to-west moves saving less are not worth a migration
    double minLatencyGainMs = 2.0;
    double packBelow = 0.2; // sites at or under this utilisation are candidates to empty
    int maxPackSites = 3;
    int maxCandidates = 4000; // tasks examined per kind
    int targetsPerTask = 4; // targets checked with the full rules per task
    int maxFullChecks = 500; // moves checked with the full rules (paths searched) per kind
    double carbonPriceCnyPerKg = 0.1; // ranking only
    double latencyValueCnyPerMsHour = 5.0;
    double reliefValueCnyPerHour = 10000.0;
};

struct ProjectedLoadFigure {
    int index = -1; // site or link index in the input
    double before = 0;
    double after = 0;
};

struct Recommendation {
    RecommendationKind kind = RecommendationKind::EastToWest;
    QString taskId;
    int task = -1; // index in AnalysisInput::tasks
    int source = -1; // site indexes
    int target = -1;
    QString sourceSiteId;
    QString targetSiteId;
    // Gains, positive when better: what an hour of the task costs and emits less at the target.
    double costSavedCnyPerHour = 0;
    double carbonSavedKgPerHour = 0;
    double latencyBeforeMs = 0; // users' latency (0 without users)
    double latencyAfterMs = 0;
    double loadRelieved = 0; // of the source's utilisation (ratio)
    double score = 0; // the ranking, CNY an hour equivalent
    ProjectedLoadFigure sourceLoad;
    ProjectedLoadFigure targetLoad;
    std::vector<ProjectedLoadFigure> pathLoads; // link indexes, source to target
    QStringList pathLinkIds;
    std::vector<rules::Hop> pathHops; // the same links with the way they are crossed
    double transferRateGbps = 0;
};

struct RecommendationResult {
    quint64 revision = 0;
    bool cancelled = false;
    std::vector<Recommendation> recommendations; // best first
    // Sites and links above the threshold now, and sites the set would free for a drain.
    std::vector<ProjectedLoadFigure> overloadedSites;
    std::vector<ProjectedLoadFigure> overloadedLinks;
    QStringList sitesFreed;
};

RecommendationResult recommend(
    const AnalysisInput& input, const RecommendationOptions& options, const CancelFlag* cancel = nullptr);

} // namespace cpn::analysis
