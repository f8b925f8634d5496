#pragma once
// The sites' and links' statuses over time, for replay: the statuses at a base time and every
// change since, by entity number (sites first, then links). Statuses change rarely (outages,
// drains, repairs), so a log of changes keeps them exactly, where two more planes of the metric
// history would cost a frame's worth of bytes a minute (at huge, 60 KB: the week of 15-minute
// means would no longer fit the history's memory budget).

#include <cstdint>
#include <deque>
#include <mutex>
#include <shared_mutex>
#include <vector>

namespace cpn::mock {

// Thread-safe: changes noted on the engine's thread, read by replays on gRPC's.
class StatusLog {
public:
    // The statuses (enum numbers) of every entity from timeMs on; forgets every change.
    void reset(std::int64_t timeMs, std::vector<std::uint8_t> statuses);
    // Notes what changed by timeMs (times must not decrease): `now` holds every entity's status.
    void update(std::int64_t timeMs, const std::vector<std::uint8_t>& now);
    // Folds the changes before timeMs into the base: what was before it is no longer asked for.
    void forgetBefore(std::int64_t timeMs);

    // Every entity's status at timeMs (before the base time: as at the base time).
    std::vector<std::uint8_t> at(std::int64_t timeMs) const;
    // Every entity's status held longest over [fromMs, toMs): what a span's mean stands for.
    std::vector<std::uint8_t> heldLongest(std::int64_t fromMs, std::int64_t toMs) const;

    std::size_t changeCount() const;

private:
    struct Change {
        std::int64_t timeMs;
        std::uint32_t entity;
        std::uint8_t status;
    };

    void applyUntil(std::vector<std::uint8_t>& statuses, std::int64_t timeMs) const; // changes at or before

    mutable std::shared_mutex m_lock;
    std::int64_t m_baseMs = 0;
    std::vector<std::uint8_t> m_base;
    std::vector<std::uint8_t> m_current;
    std::deque<Change> m_changes; // oldest first
};

} // namespace cpn::mock
