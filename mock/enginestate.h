#pragma once
// The simulation's live records of sites, links and tasks (plain structs; protos are built from them).
// Sites' and links' loads live in the World; tasks in the TaskBook.

#include "routing.h"

#include "cpn/v1/types.pb.h"

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <vector>

namespace cpn::mock {

// Paths over the link graph come from the server library, which the gateway shares.
using server::costsFrom;
using server::Hop;
using server::HopCost;
using server::kUnreachable;
using server::LinkGraph;
using server::nodesWithin;
using server::Route;
using server::shortestRoute;

inline constexpr std::size_t kArchitectureSlots = 7; // indexed by cpn::v1::Architecture
inline constexpr std::size_t kTaskKindSlots = 7; // indexed by cpn::v1::TaskKind

// Cards of one architecture at a site. used + reserved never exceeds installed.
struct ArchSlot {
    std::uint32_t installed = 0;
    double pflopsPerCard = 0;
    std::uint32_t used = 0; // cards held by tasks placed here (running, or migrating away)
    std::uint32_t reserved = 0; // cards held for migrations coming in
    std::array<double, kTaskKindSlots> pflopsByKind {}; // PFLOPS of the tasks holding `used`, per kind

    std::uint32_t freeCards() const { return installed > used + reserved ? installed - used - reserved : 0; }
};

struct SiteRuntime {
    std::array<ArchSlot, kArchitectureSlots> slots;
    std::deque<std::uint64_t> queue; // task numbers waiting for cards, oldest first (may hold stale entries)
    std::uint32_t queued = 0;
    std::uint32_t running = 0;
    double noise = 0; // slow random walk around 0
    double utilisation = 0; // last computed, ratio

    bool hasArchitecture(cpn::v1::Architecture a) const { return slots[std::size_t(a)].installed > 0; }
    std::uint32_t freeCards(cpn::v1::Architecture a) const { return slots[std::size_t(a)].freeCards(); }
};

struct LinkRuntime {
    double baseUtilisation = 0.2; // background traffic at an average hour, ratio
    double reverseRatio = 0.7; // the quieter direction's share of the busier one's traffic
    bool abBusier = true;
    double noise = 0;
    double migrationAbGbps = 0; // migration transfers crossing a -> b
    double migrationBaGbps = 0;
    double reroutedGbps = 0; // background traffic of failed links routed over this one, at an average hour
    double throughputAbGbps = 0; // last computed, including migrations
    double throughputBaGbps = 0;
    double utilisation = 0;
};

struct TaskRecord {
    std::uint64_t number = 0; // the id is formatted from it; map order = id order
    std::string name;
    cpn::v1::TaskKind kind = cpn::v1::TASK_KIND_UNSPECIFIED;
    cpn::v1::TaskState state = cpn::v1::TASK_STATE_QUEUED;
    std::uint32_t site = 0;
    cpn::v1::Architecture architecture = cpn::v1::ARCHITECTURE_UNSPECIFIED;
    std::uint32_t cards = 0;
    std::int32_t usersSite = -1; // -1 = none
    double latencySloMs = 0;
    std::uint8_t regionMask = 0; // bit r = may run in region r; 0 = anywhere
    double dataGb = 0;
    std::int64_t submittedMs = 0;
    std::int64_t startedMs = 0; // 0 while queued
    std::int64_t durationMs = 0; // run time it needs
    std::int64_t expectedEndMs = 0;
    std::uint16_t tenant = 0;
    std::string migrationId; // active or planned migration, empty if none

    double pflops() const;
};

std::string taskIdOf(std::uint64_t number);
// Parses "t-00001234"; false when the text is not a task id.
bool parseTaskId(const std::string& id, std::uint64_t* number);

} // namespace cpn::mock
