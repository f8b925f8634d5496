#include "timelinelog.h"

#include <algorithm>
#include <vector>

namespace cpn::server {

namespace {

bool finished(cpn::v1::MigrationState state)
{
    switch (state) {
    case cpn::v1::MIGRATION_STATE_COMPLETED:
    case cpn::v1::MIGRATION_STATE_FAILED:
    case cpn::v1::MIGRATION_STATE_CANCELLED:
    case cpn::v1::MIGRATION_STATE_ROLLED_BACK:
        return true;
    default:
        return false;
    }
}

} // namespace

template <typename T>
void TimelineLog::Book<T>::upsert(
    const std::string& id, const T& item, std::int64_t startMs, std::int64_t endMs, std::size_t limit)
{
    auto [it, added] = byId.try_emplace(id);
    Entry& entry = it->second;
    if (!added && entry.endMs != kActive)
        ended.erase({ entry.endMs, id });
    entry.item = item;
    entry.startMs = startMs;
    entry.endMs = endMs;
    if (endMs != kActive)
        ended.emplace(endMs, id);
    while (byId.size() > std::max<std::size_t>(1, limit)) {
        if (!ended.empty()) {
            byId.erase(ended.begin()->second);
            ended.erase(ended.begin());
            continue;
        }
        // Everything is still active (a bound far too small, or a flood): the oldest goes.
        auto oldest = std::min_element(
            byId.begin(), byId.end(), [](const auto& a, const auto& b) { return a.second.startMs < b.second.startMs; });
        byId.erase(oldest);
    }
}

template <typename T> void TimelineLog::Book<T>::forgetEndedBefore(std::int64_t timeMs)
{
    while (!ended.empty() && ended.begin()->first < timeMs) {
        byId.erase(ended.begin()->second);
        ended.erase(ended.begin());
    }
}

template <typename T>
bool TimelineLog::Book<T>::collect(
    std::int64_t fromMs, std::int64_t toMs, std::size_t maxEach, google::protobuf::RepeatedPtrField<T>* out) const
{
    std::vector<const Entry*> matches;
    for (const auto& [id, entry] : byId)
        if (entry.startMs <= toMs && entry.endMs >= fromMs)
            matches.push_back(&entry);
    auto byStart = [](const Entry* a, const Entry* b) {
        return a->startMs != b->startMs ? a->startMs < b->startMs : a->item.id() < b->item.id();
    };
    const bool truncated = matches.size() > maxEach;
    if (truncated) {
        // The latest maxEach: those that started last.
        std::nth_element(
            matches.begin(), matches.begin() + std::ptrdiff_t(matches.size() - maxEach), matches.end(), byStart);
        matches.erase(matches.begin(), matches.begin() + std::ptrdiff_t(matches.size() - maxEach));
    }
    std::sort(matches.begin(), matches.end(), byStart);
    out->Reserve(out->size() + int(matches.size()));
    for (const Entry* entry : matches)
        *out->Add() = entry->item;
    return truncated;
}

TimelineLog::TimelineLog()
    : m_limits()
{ }

TimelineLog::TimelineLog(Limits limits)
    : m_limits(limits)
{ }

void TimelineLog::record(const cpn::v1::Alarm& alarm)
{
    if (alarm.id().empty())
        return;
    const std::int64_t end = alarm.cleared_time_ms() != 0 ? alarm.cleared_time_ms() : kActive;
    std::lock_guard lock(m_mutex);
    m_alarms.upsert(alarm.id(), alarm, alarm.raised_time_ms(), end, m_limits.alarms);
}

void TimelineLog::record(const cpn::v1::Migration& migration)
{
    if (migration.id().empty())
        return;
    const std::int64_t end = finished(migration.state()) ? migration.updated_time_ms() : kActive;
    std::lock_guard lock(m_mutex);
    m_migrations.upsert(migration.id(), migration, migration.created_time_ms(), end, m_limits.migrations);
}

void TimelineLog::record(const cpn::v1::WatchEvent& event)
{
    if (event.has_alarm())
        record(event.alarm());
    else if (event.has_migration())
        record(event.migration());
}

void TimelineLog::forgetEndedBefore(std::int64_t timeMs)
{
    std::lock_guard lock(m_mutex);
    m_alarms.forgetEndedBefore(timeMs);
    m_migrations.forgetEndedBefore(timeMs);
}

void TimelineLog::collect(
    std::int64_t fromMs, std::int64_t toMs, std::size_t maxEach, cpn::v1::Timeline* timeline) const
{
    std::lock_guard lock(m_mutex);
    const bool moreAlarms = m_alarms.collect(fromMs, toMs, maxEach, timeline->mutable_alarms());
    const bool moreMigrations = m_migrations.collect(fromMs, toMs, maxEach, timeline->mutable_migrations());
    if (moreAlarms || moreMigrations)
        timeline->set_truncated(true);
}

std::size_t TimelineLog::alarmCount() const
{
    std::lock_guard lock(m_mutex);
    return m_alarms.byId.size();
}

std::size_t TimelineLog::migrationCount() const
{
    std::lock_guard lock(m_mutex);
    return m_migrations.byId.size();
}

} // namespace cpn::server
