#pragma once
// The metric history's layout (which plane holds what) and the backfilled past: the week before
// the simulation started, so that every chart has a plausible history at once.

#include "enginestate.h"
#include "metrichistory.h"
#include "topology.h"

#include "cpn/v1/state.pb.h"

#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace cpn::mock {

// Planes: one per architecture (1..6 -> 0..5), then per site, then per link.
constexpr std::uint32_t kPower = 6;
constexpr std::uint32_t kPue = 7;
constexpr std::uint32_t kPrice = 8;
constexpr std::uint32_t kGreen = 9;
constexpr std::uint32_t kLinkAb = 10;
constexpr std::uint32_t kLinkBa = 11;
constexpr std::uint32_t kLinkLatency = 12;
constexpr std::uint32_t kPlaneCount = 13;

// Where each recorded metric of each site lives.
struct HistoryLayout {
    std::vector<std::vector<std::int32_t>> archChannel; // [architecture][site] -> channel, -1 = not installed
};

// Today's values moved along the shapes of a day (demand, heat, sunshine, tariffs) with a little
// noise. Everything that does not depend on the time is worked out once: it fills a week of frames.
class Backfill {
public:
    Backfill(const Topology& topology, const std::vector<LinkRuntime>& links, const cpn::v1::MetricsBatch& now,
        const HistoryLayout& layout, std::int64_t nowMs);
    ~Backfill();

    void frame(std::int64_t t, server::MetricHistory::Frame& out) const;

private:
    struct Site;
    struct Arch;
    struct Link;
    class Wobble;

    std::int64_t m_nowMs;
    std::unique_ptr<const Wobble> m_wobble;
    std::vector<Site> m_sites;
    std::vector<Arch> m_arches;
    std::vector<Link> m_links;
    mutable std::vector<double> m_factor; // per site, this frame's demand shape and wobble
};

} // namespace cpn::mock
