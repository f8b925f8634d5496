#include "eventlog.h"

#include "messageparts.h"

#include <algorithm>

namespace cpn::server {

namespace {

    constexpr int kSplitAtItems = 8000;

} // namespace

EventLog::EventLog(std::uint64_t revision, Limits limits)
    : m_limits(limits)
    , m_revision(revision)
{ }

std::uint64_t EventLog::append(std::vector<cpn::v1::WatchEvent>&& events)
{
    std::lock_guard lock(m_mutex);
    auto push = [this](cpn::v1::WatchEvent&& event, std::size_t bytes) {
        event.set_revision(++m_revision);
        if (event.has_metrics() && m_limits.fullMetricsKept > 0)
            m_fullMetrics.push_back(m_revision);
        m_events.push_back(std::make_shared<const cpn::v1::WatchEvent>(std::move(event)));
        m_sizes.push_back(bytes);
        m_bytes += bytes;
    };
    for (auto& event : events) {
        m_timeline.record(event);
        // Some 100 bytes an item: a sample of more is split without measuring it whole first.
        if (!event.has_metrics() || event.metrics().sites_size() + event.metrics().links_size() <= kSplitAtItems) {
            push(std::move(event), event.ByteSizeLong());
            continue;
        }
        // A sample of a large network goes as several batches of the same sample time.
        cpn::v1::WatchEvent blank;
        blank.set_sim_time_ms(event.sim_time_ms());
        blank.mutable_metrics()->set_sample_time_ms(event.metrics().sample_time_ms());
        PartBuilder parts(blank, blank, [&](cpn::v1::WatchEvent&& part, std::size_t bytes) {
            push(std::move(part), bytes);
            return true;
        });
        parts.add(*event.mutable_metrics()->mutable_sites(), [](auto& p) { return p.mutable_metrics()->mutable_sites(); });
        parts.add(*event.mutable_metrics()->mutable_links(), [](auto& p) { return p.mutable_metrics()->mutable_links(); });
        parts.finish();
    }
    events.clear();
    while (m_limits.fullMetricsKept > 0 && m_fullMetrics.size() > m_limits.fullMetricsKept) {
        const std::uint64_t oldest = m_revision + 1 - m_events.size();
        const std::uint64_t revision = m_fullMetrics.front();
        m_fullMetrics.pop_front();
        if (revision < oldest)
            continue; // already dropped
        const std::size_t i = std::size_t(revision - oldest);
        // Readers holding the full event keep it; the log keeps a thin one in its place.
        auto thin = std::make_shared<cpn::v1::WatchEvent>();
        thin->set_revision(revision);
        thin->set_sim_time_ms(m_events[i]->sim_time_ms());
        thin->mutable_metrics()->set_sample_time_ms(m_events[i]->metrics().sample_time_ms());
        const std::size_t bytes = thin->ByteSizeLong();
        m_bytes = m_bytes - m_sizes[i] + bytes;
        m_sizes[i] = bytes;
        m_events[i] = std::move(thin);
    }
    // Keep at least the newest event so a reader one revision behind can always resume.
    while (m_events.size() > 1 && (m_events.size() > m_limits.maxEvents || m_bytes > m_limits.maxBytes)) {
        m_bytes -= m_sizes.front();
        m_sizes.pop_front();
        m_events.pop_front();
    }
    m_changed.notify_all();
    return m_revision;
}

std::uint64_t EventLog::currentRevision() const
{
    std::lock_guard lock(m_mutex);
    return m_revision;
}

std::uint64_t EventLog::oldestRevision() const
{
    std::lock_guard lock(m_mutex);
    return m_revision + 1 - m_events.size();
}

bool EventLog::canResumeFrom(std::uint64_t revision) const
{
    std::lock_guard lock(m_mutex);
    return canResumeFromLocked(revision);
}

bool EventLog::canResumeFromLocked(std::uint64_t revision) const
{
    const std::uint64_t oldest = m_revision + 1 - m_events.size();
    return revision <= m_revision && revision + 1 >= oldest;
}

EventLog::ReadStatus EventLog::read(
    std::uint64_t after, std::size_t maxCount, std::chrono::milliseconds timeout, std::vector<EventPtr>& out) const
{
    std::unique_lock lock(m_mutex);
    if (m_closed)
        return ReadStatus::Closed;
    if (!canResumeFromLocked(after))
        return ReadStatus::OutOfRange;
    if (after == m_revision) {
        m_changed.wait_for(lock, timeout, [&] { return m_closed || m_revision > after; });
        if (m_closed)
            return ReadStatus::Closed;
        if (m_revision == after)
            return ReadStatus::Timeout;
        if (!canResumeFromLocked(after))
            return ReadStatus::OutOfRange;
    }
    const std::uint64_t oldest = m_revision + 1 - m_events.size();
    const std::size_t first = std::size_t(after + 1 - oldest);
    const std::size_t last = std::min(m_events.size(), first + maxCount);
    for (std::size_t i = first; i < last; ++i)
        out.push_back(m_events[i]);
    return ReadStatus::Events;
}

void EventLog::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
}

bool EventLog::isClosed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

} // namespace cpn::server
