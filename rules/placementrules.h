#pragma once
// The rules of placing a task at a site, written once: what makes a move feasible (capacity and
// architecture at the target, data residency, the users' latency SLO, the target's status, a
// path with spare bandwidth, the task not already moving), the route and rate of its transfer,
// its projected loads and the cost and carbon of its cards.
//
// Why a library of its own (a departure from DESIGN.md's layout): the mock's PlanMigration and
// the console's analysis (models/, recommendations and N-1 contingencies) must judge a move the
// same way, or the console would propose moves the server refuses. The two must not depend on
// each other (models/ includes no server/, mock/ or proto code; mock/ no client code), so the
// rules live here, in plain C++ (std only: no Qt, no protobuf), and each side adapts its own
// records to these structs. Architectures are indexed as proto and models/domain.h both number
// them (0 unknown, 1 NVIDIA GPU ... 6 CPU).
//
// Two levels: small functions on the figures of one target, one hop, one task (what the mock's
// planner calls on its own records), and a Network of plain arrays with whole-move checks built
// from them (what the console's analysis calls).

#include "routing.h"

#include <array>
#include <cstdint>
#include <vector>

namespace cpn::rules {

inline constexpr std::size_t kArchitectureSlots = 7; // index: proto / domain Architecture

// Peak FP16 PFLOPS of one card (CPU pools: one server); 0 for an unknown architecture.
double pflopsPerCard(std::size_t architecture);
// Typical IT power of one card with its share of the server, kW.
double kilowattsPerCard(std::size_t architecture);

// ---- Rules on one target, one hop, one task ----

enum class Availability : std::uint8_t { Open, Maintenance, Offline }; // online and degraded sites are Open

// Why a move is refused, in the order PlanMigration reports them.
enum class Violation : std::uint8_t {
    TaskBusy, // the task is already being moved
    TargetUnavailable, // the target is offline or in maintenance
    ArchitectureMismatch, // the target has no cards of the task's architecture
    InsufficientCapacity, // value: free cards, threshold: the cards the task needs
    DataResidency, // the target's region is not one the task's data may go to
    LatencySlo, // value: users' latency after, ms (0 when unreachable), threshold: the SLO
    NoRoute, // no path from source to target with spare bandwidth
};

struct Finding {
    Violation code = Violation::TaskBusy;
    double value = 0;
    double threshold = 0;
};

// What a task asks of any target.
struct Demand {
    std::uint32_t cards = 0;
    std::uint64_t regionMask = 0; // bit r: may run in region r; 0: anywhere
    std::int32_t usersSite = -1; // -1: no users to be near
    double latencySloMs = 0; // 0: none
    bool busy = false; // being moved already
};

// What a target offers the task's architecture.
struct TargetFacts {
    Availability availability = Availability::Open;
    std::uint32_t installedCards = 0;
    std::uint32_t freeCards = 0;
    std::uint32_t region = 0;
};

inline std::uint32_t freeCards(std::uint32_t installed, std::uint64_t taken)
{
    return installed > taken ? std::uint32_t(installed - taken) : 0;
}
inline bool regionAllowed(std::uint64_t regionMask, std::uint32_t region)
{
    return regionMask == 0 || (region < 64 && (regionMask >> region) & 1u);
}
// The task's own checks at the target, appended in PlanMigration's order (busy, unavailable,
// architecture or capacity, residency).
void checkTarget(const Demand& demand, const TargetFacts& target, std::vector<Finding>& out);
// Whether users `latencyAfterMs` away (kUnreachable: no path) break the task's SLO.
bool breaksLatencySlo(const Demand& demand, double latencyAfterMs);
void checkLatency(const Demand& demand, double latencyAfterMs, std::vector<Finding>& out);

// Paths: a hop costs its link's latency; a down link or an offline site entered cannot be used.
inline double hopLatencyMs(bool linkDown, bool entersOfflineSite, double latencyMs)
{
    return linkDown || entersOfflineSite ? -1.0 : latencyMs;
}
// A transfer crosses only hops with at least this much spare bandwidth, Gbps.
inline constexpr double kMinSpareGbps = 1.0;
// A transfer leaves headroom for the traffic already there: it takes this share of the spare.
inline constexpr double kMigrationShareOfSpare = 0.6;
// One migration gets at most this much, whatever the links could give, Gbps.
inline constexpr double kMaxMigrationGbps = 50.0;
// The rest of a large data set is pre-staged: a transfer moves at most this many seconds' worth.
inline constexpr double kMaxTransferSeconds = 240.0;
inline double spareGbps(double capacityGbps, double throughputGbps)
{
    return capacityGbps > throughputGbps ? capacityGbps - throughputGbps : 0.0;
}
// Cost of a hop for a transfer route (latency; -1 when unusable or short of spare bandwidth).
inline double transferHopCost(double hopLatency, double spare)
{
    return hopLatency < 0 || spare < kMinSpareGbps ? -1.0 : hopLatency;
}
// Rate of a transfer over a route whose least spare hop has `leastSpareGbps`.
double transferRateGbps(double leastSpareGbps);
// A transfer's spare before its hops are seen (the cap's equivalent).
inline constexpr double kUncappedSpareGbps = kMaxMigrationGbps / kMigrationShareOfSpare;
// Utilisation of a link once `rateGbps` more crosses it one way.
double projectedLinkUtilisation(
    double capacityGbps, double throughputAbGbps, double throughputBaGbps, bool forward, double rateGbps);

// A site's utilisation once a task of `pflops` leaves it (a queued task held nothing there) or
// arrives; installedPflops is the site's whole installed compute.
double utilisationAfterLeaving(double before, double pflops, double installedPflops, bool holdsCards);
double utilisationAfterArriving(double before, double pflops, double installedPflops);

// What a task's cards cost and emit an hour at a site: its IT power at the site's PUE, price,
// green share (green power counts as zero) and grid emission factor (gridfactors.h).
struct HourlyFootprint {
    double costCnyPerHour = 0;
    double carbonKgPerHour = 0;
};
inline constexpr double kTypicalDrawShare = 0.8; // a task's draw over its cards' rated power
HourlyFootprint hourlyFootprint(std::size_t architecture, std::uint32_t cards, double pue, double priceCnyPerKwh,
    double greenShare, double gridKgPerKwh);

// ---- A network of plain arrays, and whole moves on it ----

struct SiteState {
    Availability availability = Availability::Open;
    bool offline = false; // nothing enters it (Availability::Offline)
    std::uint32_t region = 0;
    std::array<std::uint32_t, kArchitectureSlots> installed {};
    std::array<std::uint32_t, kArchitectureSlots> taken {}; // cards in use or reserved for moves coming in
    double installedPflops = 0;
    double utilisation = 0; // ratio
    double pue = 1.3;
    double priceCnyPerKwh = 0.6;
    double greenShare = 0; // ratio
    double gridKgPerKwh = 0.5366;

    std::uint32_t freeCards(std::size_t architecture) const
    {
        return rules::freeCards(installed[architecture], taken[architecture]);
    }
};

struct LinkState {
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    double capacityGbps = 0; // each way
    double latencyMs = 0;
    double throughputAbGbps = 0;
    double throughputBaGbps = 0;
    bool down = false;

    double utilisation() const;
};

struct Network {
    std::vector<SiteState> sites;
    std::vector<LinkState> links;
    LinkGraph graph; // buildGraph() after links change their ends

    void buildGraph();
    // The hop's latency as paths see it now (-1: down, or into an offline site).
    double hopLatencyMs(const Hop& hop) const
    {
        const auto& link = links[hop.link];
        return rules::hopLatencyMs(link.down, sites[hop.to].offline, link.latencyMs);
    }
    double spareGbps(const Hop& hop) const;
};

// A task as the rules see it.
struct TaskDemand {
    std::uint32_t site = 0;
    std::uint8_t architecture = 0;
    bool holdsCards = true; // running (a queued task holds none at its site)
    Demand demand;
    double pflops = 0;
};

// A move checked as PlanMigration checks it.
struct MoveCheck {
    std::vector<Finding> findings;
    double latencyBeforeMs = 0; // users' latency, 0 without users (kUnreachable: no path)
    double latencyAfterMs = 0;
    Route route; // the transfer's
    double rateGbps = 0;
    double sourceUtilisationAfter = 0;
    double targetUtilisationAfter = 0;

    bool feasible() const { return findings.empty(); }
};

// Users' latency from `usersSite` to `site` over the network as it is (kUnreachable: no path).
double usersLatencyMs(const Network& network, std::int32_t usersSite, std::uint32_t site);
Route transferRoute(const Network& network, std::uint32_t from, std::uint32_t to);
double transferRateGbps(const Network& network, const Route& route);
// Every check of PlanMigration for moving `task` to `target`. `extraTaken`: cards of the task's
// architecture already promised at the target by moves not yet in `network`.
MoveCheck checkMove(const Network& network, const TaskDemand& task, std::uint32_t target, std::uint32_t extraTaken = 0);

} // namespace cpn::rules
