#pragma once
// The alarms and migrations over time behind GetTimeline: the latest state of each, by id, for as
// long as the engine keeps metrics and within a bound. The event log feeds it every alarm and
// migration it is given; an engine adds those of its starting state.

#include "cpn/v1/state.pb.h"

#include <cstdint>
#include <limits>
#include <mutex>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

namespace cpn::server {

// Thread-safe. An alarm is active from raised_time_ms until cleared_time_ms (0: still active), a
// migration from created_time_ms until its updated_time_ms once it has finished. Over the bound,
// the one that ended longest ago goes first (the oldest started, when none has ended).
class TimelineLog {
public:
    struct Limits {
        std::size_t alarms = 50000;
        std::size_t migrations = 50000;
    };

    TimelineLog();
    explicit TimelineLog(Limits limits);
    TimelineLog(const TimelineLog&) = delete;
    TimelineLog& operator=(const TimelineLog&) = delete;

    // Upserts (the latest state wins); ids must not be empty.
    void record(const cpn::v1::Alarm& alarm);
    void record(const cpn::v1::Migration& migration);
    // Records the event's alarm or migration; other events are ignored.
    void record(const cpn::v1::WatchEvent& event);
    // Forgets what ended before timeMs (the start of the kept span).
    void forgetEndedBefore(std::int64_t timeMs);

    // Adds to `timeline` the alarms and migrations active at some moment of [fromMs, toMs], each
    // list in order of start (raised, created); when more than maxEach of either match, the
    // maxEach that started last, and sets `truncated`.
    void collect(std::int64_t fromMs, std::int64_t toMs, std::size_t maxEach, cpn::v1::Timeline* timeline) const;

    std::size_t alarmCount() const;
    std::size_t migrationCount() const;

private:
    static constexpr std::int64_t kActive = std::numeric_limits<std::int64_t>::max();

    template <typename T> struct Book {
        struct Entry {
            T item;
            std::int64_t startMs = 0;
            std::int64_t endMs = kActive;
        };
        std::unordered_map<std::string, Entry> byId;
        std::set<std::pair<std::int64_t, std::string>> ended; // (end, id), longest ended first

        void upsert(const std::string& id, const T& item, std::int64_t startMs, std::int64_t endMs, std::size_t limit);
        void forgetEndedBefore(std::int64_t timeMs);
        bool collect(std::int64_t fromMs, std::int64_t toMs, std::size_t maxEach,
            google::protobuf::RepeatedPtrField<T>* out) const;
    };

    const Limits m_limits;
    mutable std::mutex m_mutex;
    Book<cpn::v1::Alarm> m_alarms;
    Book<cpn::v1::Migration> m_migrations;
};

} // namespace cpn::server
