#pragma once
// The recent change events, each with the next revision, for Watch streams to replay and follow;
// and, longer, the alarms and migrations among them for GetTimeline (see TimelineLog).

#include "timelinelog.h"

#include "cpn/v1/state.pb.h"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace cpn::server {

using EventPtr = std::shared_ptr<const cpn::v1::WatchEvent>;

class EventLog {
public:
    struct Limits {
        std::size_t maxEvents = 200000;
        std::size_t maxBytes = std::size_t(256) << 20; // serialized size of the events held
        // Metrics batches held in full, newest first (0 = all). A sample has every site and
        // link, so older batches are thinned to their sample time (the API lets metric batches
        // be coalesced): at huge scale a sample is some 6 MB, appended as batches of about 1 MB
        // (kMessagePartBytes), each one event.
        std::size_t fullMetricsKept = 0;
    };

    // `revision` is the revision of the state before the first event.
    explicit EventLog(std::uint64_t revision, Limits limits);
    EventLog(const EventLog&) = delete;
    EventLog& operator=(const EventLog&) = delete;

    // Gives each event the next revision, in order, and wakes the readers; records its alarms and
    // migrations in the timeline. Returns the last revision.
    std::uint64_t append(std::vector<cpn::v1::WatchEvent>&& events);

    // Every alarm and migration appended, in its latest state; an engine adds those of its
    // starting state, and forgets what ended before the metrics it keeps. Has its own lock.
    TimelineLog& timeline() { return m_timeline; }
    const TimelineLog& timeline() const { return m_timeline; }

    std::uint64_t currentRevision() const;
    // Revision of the oldest event held; currentRevision() + 1 when none is held.
    std::uint64_t oldestRevision() const;
    // True when every event after `revision` is held (a Watch may start from it).
    bool canResumeFrom(std::uint64_t revision) const;

    enum class ReadStatus { Events, Timeout, OutOfRange, Closed };
    // Copies up to maxCount events with revisions after `after` into `out`, waiting up to `timeout`
    // for one to arrive. OutOfRange when events after `after` are no longer (or not yet) held.
    ReadStatus read(
        std::uint64_t after, std::size_t maxCount, std::chrono::milliseconds timeout, std::vector<EventPtr>& out) const;

    // Wakes every reader for good: reads return Closed from now on.
    void close();
    bool isClosed() const;

private:
    bool canResumeFromLocked(std::uint64_t revision) const;

    const Limits m_limits;
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_changed;
    std::deque<EventPtr> m_events;
    std::deque<std::size_t> m_sizes;
    std::deque<std::uint64_t> m_fullMetrics; // revisions of the metrics batches held in full, oldest first
    std::size_t m_bytes = 0;
    std::uint64_t m_revision = 0;
    bool m_closed = false;
    TimelineLog m_timeline;
};

} // namespace cpn::server
