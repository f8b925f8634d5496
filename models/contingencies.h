#pragma once
// N-1 (and N-2) contingencies: if a hub, a cluster or a backbone link failed now, where its work
// would go, computed from an AnalysisInput on a worker thread.
//
// Design note. A failed site is offline (nothing enters it); a failed link is down. Displaced:
//  - the tasks holding cards at a failed site (queued ones hold none and wait anywhere);
//  - the inference tasks elsewhere whose users' latency now depends on the failed element: their
//    shortest users-to-site path crosses it and, without it, no path is within their SLO.
// Re-placement is greedy, with the shared rules (rules/placementrules.h) on the failed network:
// latency-bound tasks first, then by cards, largest first; each takes the first site that fits
// (architecture, free cards with what earlier tasks took, residency, SLO from its users, status,
// platform) in order of network latency from where it ran (inference: from its users). Capacity
// is reserved as it goes. What cannot be placed is classed by the first rule that stops it
// everywhere: architecture (no open site has the cards), residency (none in an allowed region),
// latency (none within the SLO), else capacity.
// Absorbing loads: sites take the compute of what they receive; a failed link's traffic spreads
// over up to four routes between its ends, each avoiding the links of the ones before, by their spare capacity. Severity = share of the displaced PFLOPS left unplaced +
// how far the worst projected site or link load goes over the threshold (0 when under, at most
// 1): 0 to 2; 0 is harmless, >= 1 means work is lost or elements overload badly.
// What is approximate: no transfer path is needed (a failed site's work restarts from its last
// checkpoint elsewhere); a failed site's own traffic is taken to end with it; users' traffic is
// not added to links; first fit is not an optimal packing (a different order may place more).

#include "analysisinput.h"

#include <QString>

#include <array>
#include <vector>

namespace cpn::analysis {

enum class ElementKind : quint8 { Site, Link };

struct Element {
    ElementKind kind = ElementKind::Site;
    int index = -1; // in the input's sites or links
    QString id;
};

enum class UnplacedReason : quint8 { Capacity, Architecture, Residency, Latency };
inline constexpr int kUnplacedReasonCount = 4;

struct ContingencyOptions {
    double threshold = 0.85; // a projected load above it counts towards severity
    double maxAllocation = 1.0; // share of a site's cards of an architecture re-placement may fill
    int maxUnplacedIds = 100; // task ids kept per contingency
};

// Displaced work moving from a site to another (the failed site, or where a task ran).
struct DisplacedFlow {
    int source = -1;
    int target = -1;
    QString sourceSiteId;
    QString targetSiteId;
    int tasks = 0;
    quint64 cards = 0;
    double pflops = 0;
};

struct ElementLoad {
    ElementKind kind = ElementKind::Site;
    int index = -1;
    QString id;
    double before = 0;
    double after = 0;
};

struct Contingency {
    std::vector<Element> failed;
    SiteTier tier = SiteTier::Unknown; // of the failed site (Unknown for a link)
    int tasksDisplaced = 0;
    double pflopsDisplaced = 0;
    int tasksPlaced = 0;
    std::array<int, kUnplacedReasonCount> unplacedTasks {}; // by UnplacedReason
    std::array<double, kUnplacedReasonCount> unplacedPflops {};
    QStringList unplacedTaskIds; // the first ones
    std::vector<DisplacedFlow> flows; // largest first
    std::vector<ElementLoad> absorbing; // sites and links whose load rises, highest after first
    ElementLoad worstSite; // index -1 when none
    ElementLoad worstLink;
    double severity = 0;

    int unplacedTotal() const
    {
        return unplacedTasks[0] + unplacedTasks[1] + unplacedTasks[2] + unplacedTasks[3];
    }
};

struct ContingencyResult {
    quint64 revision = 0;
    bool cancelled = false;
    std::vector<Contingency> contingencies; // most severe first
};

// Every hub, cluster and backbone link (a link between two hubs or clusters).
std::vector<Element> contingencyElements(const AnalysisInput& input);

// N-1 for each element (empty: contingencyElements()), ranked.
ContingencyResult contingencies(const AnalysisInput& input, const std::vector<Element>& elements = {},
    const ContingencyOptions& options = {}, const CancelFlag* cancel = nullptr);

// The elements failing together (N-2: a pair).
Contingency contingencyOf(const AnalysisInput& input, const std::vector<Element>& failedTogether,
    const ContingencyOptions& options = {}, const CancelFlag* cancel = nullptr);

} // namespace cpn::analysis
