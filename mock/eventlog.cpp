#include "eventlog.h"

#include <algorithm>

namespace cpn::mock {

EventLog::EventLog(std::uint64_t revision, Limits limits)
    : m_limits(limits)
    , m_revision(revision)
{ }

std::uint64_t EventLog::append(std::vector<cpn::v1::WatchEvent>&& events)
{
    std::lock_guard lock(m_mutex);
    for (auto& event : events) {
        event.set_revision(++m_revision);
        const std::size_t bytes = event.ByteSizeLong();
        m_events.push_back(std::make_shared<const cpn::v1::WatchEvent>(std::move(event)));
        m_sizes.push_back(bytes);
        m_bytes += bytes;
    }
    events.clear();
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

} // namespace cpn::mock
