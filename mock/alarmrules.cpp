// AlarmRules: alarms raised, re-stated and cleared as the network moves.
//
// Codes, severities and when they clear:
//   SITE_OFFLINE          CRITICAL  while the site's status is OFFLINE
//   SITE_DEGRADED         MAJOR     while the site's status is DEGRADED
//   LINK_DOWN             CRITICAL  while the link's status is DOWN
//   LINK_DEGRADED         WARNING   while the link's status is DEGRADED
//   SITE_HIGH_UTILISATION WARNING   from 90 % utilisation, CRITICAL from 98 % (back to WARNING below
//                                   95 %); clears below 85 %
//   LINK_CONGESTION       MAJOR     from 85 % utilisation in the busier direction; clears below 80 %
//   LATENCY_SLO           MAJOR     per site, while running tasks there are further from their users
//                                   than their latency SLO allows; source = that site
//   MIGRATION_FAILED      MAJOR     a migration failed or rolled back; source = the migration id.
//                                   Nothing can make it true again, so it clears when acknowledged,
//                                   or on its own after an hour of simulated time.
// A change of severity or figure re-states the same alarm id; a rise in severity asks for a new
// acknowledgement.

#include "alarmrules.h"

#include "alarmfacts.h"
#include "taskbook.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cpn::mock {

namespace {

constexpr double kSiteWarningRaise = 0.90;
constexpr double kSiteCriticalRaise = 0.98;
constexpr double kSiteCriticalClear = 0.95; // back to WARNING below this
constexpr double kSiteAlarmClear = 0.85;
constexpr double kLinkAlarmRaise = 0.85;
constexpr double kLinkAlarmClear = 0.80;
constexpr std::size_t kClearedAlarmsKept = 200;
constexpr std::int64_t kMigrationAlarmLifetimeMs = 3600000;

const char* const kMigrationFailed = "MIGRATION_FAILED";

std::string percent(double ratio)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", ratio * 100);
    return buffer;
}

std::string milliseconds(double ms)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.1f ms", ms);
    return buffer;
}

} // namespace

AlarmRules::AlarmRules(World& world, const TaskBook& tasks)
    : m_world(world)
    , m_tasks(tasks)
    , m_sloRule(world)
    , m_siteAlarms(world.sites.size())
    , m_linkAlarms(world.links.size())
{ }

void AlarmRules::update()
{
    updateStatusAlarms();
    updateLoadAlarms();
    updateLatencySloAlarms();
    updateMigrationAlarms();
}

void AlarmRules::updateLoadAlarms()
{
    for (std::uint32_t s = 0; s < m_world.sites.size(); ++s) {
        auto& alarmId = m_siteAlarms[s].utilisation;
        const double u = m_world.sites[s].utilisation;
        cpn::v1::AlarmSeverity severity = cpn::v1::ALARM_SEVERITY_UNSPECIFIED;
        if (alarmId.empty()) {
            if (u >= kSiteWarningRaise)
                severity = u >= kSiteCriticalRaise ? cpn::v1::ALARM_SEVERITY_CRITICAL : cpn::v1::ALARM_SEVERITY_WARNING;
        } else if (u < kSiteAlarmClear) {
            clear(alarmId);
        } else {
            const auto current = m_alarms.at(alarmId).severity();
            severity = current;
            if (u >= kSiteCriticalRaise)
                severity = cpn::v1::ALARM_SEVERITY_CRITICAL;
            else if (current == cpn::v1::ALARM_SEVERITY_CRITICAL && u < kSiteCriticalClear)
                severity = cpn::v1::ALARM_SEVERITY_WARNING;
            if (severity == current)
                severity = cpn::v1::ALARM_SEVERITY_UNSPECIFIED; // unchanged: nothing to say
        }
        if (severity != cpn::v1::ALARM_SEVERITY_UNSPECIFIED) {
            const auto& proto = m_world.topology.sites[s];
            const double threshold
                = severity == cpn::v1::ALARM_SEVERITY_CRITICAL ? kSiteCriticalRaise : kSiteWarningRaise;
            set(alarmId, severity, proto.id(), "SITE_HIGH_UTILISATION",
                facts("Utilisation of " + proto.name_en() + " is " + percent(u) + ", at or above " + percent(threshold)
                        + ".",
                    std::round(u * 100) / 100, threshold, "ratio"));
        }
    }
    for (std::size_t l = 0; l < m_world.links.size(); ++l) {
        const auto& link = m_world.links[l];
        auto& alarmId = m_linkAlarms[l].congestion;
        const auto& proto = m_world.topology.links[l];
        if (alarmId.empty() && link.utilisation > kLinkAlarmRaise) {
            const auto [a, b] = m_world.topology.linkEnds[l];
            set(alarmId, cpn::v1::ALARM_SEVERITY_MAJOR, proto.id(), "LINK_CONGESTION",
                facts("Link " + m_world.topology.sites[a].name_en() + " - " + m_world.topology.sites[b].name_en()
                        + " is " + percent(link.utilisation) + " utilised, above " + percent(kLinkAlarmRaise) + ".",
                    std::round(link.utilisation * 100) / 100, kLinkAlarmRaise, "ratio"));
        } else if (!alarmId.empty() && link.utilisation < kLinkAlarmClear) {
            clear(alarmId);
        }
    }
}

void AlarmRules::updateStatusAlarms()
{
    for (std::uint32_t s = 0; s < m_world.sites.size(); ++s) {
        auto& id = m_siteAlarms[s].status;
        const auto& proto = m_world.topology.sites[s];
        const bool offline = proto.status() == cpn::v1::SITE_STATUS_OFFLINE;
        const bool degraded = proto.status() == cpn::v1::SITE_STATUS_DEGRADED;
        if (!offline && !degraded) {
            if (!id.empty())
                clear(id);
            continue;
        }
        const char* code = offline ? "SITE_OFFLINE" : "SITE_DEGRADED";
        if (!id.empty() && m_alarms.at(id).code() == code)
            continue;
        const std::uint32_t count = m_world.sites[s].running + m_world.sites[s].queued;
        const auto tasks = std::to_string(count);
        if (offline)
            set(id, cpn::v1::ALARM_SEVERITY_CRITICAL, proto.id(), code,
                facts(proto.name_en() + " is offline; " + tasks + " tasks there are not being served.", 0, 0, "", count));
        else
            set(id, cpn::v1::ALARM_SEVERITY_MAJOR, proto.id(), code,
                facts(proto.name_en() + " is degraded and running with reduced capacity; " + tasks + " tasks there.", 0,
                    0, "", count));
    }
    for (std::size_t l = 0; l < m_world.links.size(); ++l) {
        auto& id = m_linkAlarms[l].status;
        const auto& proto = m_world.topology.links[l];
        const bool down = proto.status() == cpn::v1::LINK_STATUS_DOWN;
        const bool degraded = proto.status() == cpn::v1::LINK_STATUS_DEGRADED;
        if (!down && !degraded) {
            if (!id.empty())
                clear(id);
            continue;
        }
        const char* code = down ? "LINK_DOWN" : "LINK_DEGRADED";
        if (!id.empty() && m_alarms.at(id).code() == code)
            continue;
        const auto [a, b] = m_world.topology.linkEnds[l];
        char capacity[32];
        std::snprintf(capacity, sizeof capacity, "%.0f Gbps", proto.capacity_gbps());
        const std::string name
            = "Link " + m_world.topology.sites[a].name_en() + " - " + m_world.topology.sites[b].name_en();
        if (down)
            set(id, cpn::v1::ALARM_SEVERITY_CRITICAL, proto.id(), code,
                facts(name + " is down; " + capacity + " of capacity lost, traffic reroutes.", proto.capacity_gbps(), 0,
                    "Gbps"));
        else
            set(id, cpn::v1::ALARM_SEVERITY_WARNING, proto.id(), code,
                facts(name + " (" + capacity + ") is degraded.", proto.capacity_gbps(), 0, "Gbps"));
    }
}

void AlarmRules::updateLatencySloAlarms()
{
    const auto breaches = m_sloRule.check(m_tasks);
    if (!breaches)
        return;
    for (std::uint32_t s = 0; s < m_world.sites.size(); ++s) {
        auto& id = m_siteAlarms[s].slo;
        const auto it = breaches->find(s);
        if (it == breaches->end()) {
            if (!id.empty())
                clear(id);
            continue;
        }
        const auto& b = it->second;
        const auto& users = m_world.topology.sites[b.worstUsersSite].name_en();
        const std::string worst = std::isfinite(b.worstMs)
            ? "users at " + users + " are " + milliseconds(b.worstMs) + " away"
            : "users at " + users + " have no path within it";
        const bool reachable = std::isfinite(b.worstMs);
        set(id, cpn::v1::ALARM_SEVERITY_MAJOR, m_world.topology.sites[s].id(), "LATENCY_SLO",
            facts(std::to_string(b.tasks) + " latency-bound tasks at " + m_world.topology.sites[s].name_en()
                    + " exceed their latency SLO; worst: " + worst + " against an SLO of " + milliseconds(b.worstSloMs)
                    + ".",
                reachable ? std::round(b.worstMs * 10) / 10 : 0, reachable ? b.worstSloMs : 0, reachable ? "ms" : "",
                std::uint32_t(b.tasks), m_world.topology.sites[b.worstUsersSite].id()));
    }
}

void AlarmRules::updateMigrationAlarms()
{
    std::vector<cpn::v1::Migration> failed;
    for (const auto& event : m_world.pending)
        if (event.has_migration()
            && (event.migration().state() == cpn::v1::MIGRATION_STATE_FAILED
                || event.migration().state() == cpn::v1::MIGRATION_STATE_ROLLED_BACK))
            failed.push_back(event.migration());
    for (const auto& m : failed) {
        const bool known = std::any_of(m_migrationAlarms.begin(), m_migrationAlarms.end(), [&](const std::string& id) {
            const auto it = m_alarms.find(id);
            return it != m_alarms.end() && it->second.source_id() == m.id();
        });
        if (known)
            continue;
        const auto name = [&](const std::string& siteId) {
            const auto s = m_world.findSite(siteId);
            return s ? m_world.topology.sites[*s].name_en() : siteId;
        };
        std::string id;
        set(id, cpn::v1::ALARM_SEVERITY_MAJOR, m.id(), kMigrationFailed,
            facts("Migration " + m.id() + " of task " + m.task_id() + " from " + name(m.source_site_id()) + " to "
                + name(m.target_site_id())
                + (m.state() == cpn::v1::MIGRATION_STATE_ROLLED_BACK ? " rolled back: " : " failed: ")
                + m.failure_reason() + "."));
        m_migrationAlarms.push_back(id);
    }
    while (!m_migrationAlarms.empty()) {
        const auto it = m_alarms.find(m_migrationAlarms.front());
        if (it != m_alarms.end() && it->second.cleared_time_ms() == 0) {
            if (it->second.raised_time_ms() + kMigrationAlarmLifetimeMs > m_world.nowMs)
                break;
            std::string id = it->first;
            clear(id);
        }
        m_migrationAlarms.pop_front();
    }
}

cpn::v1::Alarm AlarmRules::facts(
    std::string message, double value, double threshold, const char* unit, std::uint32_t count, std::string relatedId)
{
    cpn::v1::Alarm facts;
    facts.set_message(std::move(message));
    facts.set_value(value);
    facts.set_threshold(threshold);
    facts.set_unit(unit);
    facts.set_count(count);
    facts.set_related_id(std::move(relatedId));
    return facts;
}

void AlarmRules::set(std::string& alarmId, cpn::v1::AlarmSeverity severity, const std::string& sourceId,
    const char* code, const cpn::v1::Alarm& facts)
{
    auto it = alarmId.empty() ? m_alarms.end() : m_alarms.find(alarmId);
    if (it != m_alarms.end() && it->second.code() != code) {
        clear(alarmId);
        it = m_alarms.end();
    }
    if (it == m_alarms.end()) {
        raise(alarmId, severity, sourceId, code, facts);
        return;
    }
    auto& alarm = it->second;
    if (alarm.severity() == severity && alarm.message() == facts.message())
        return;
    if (severity > alarm.severity()) {
        alarm.set_acknowledged(false);
        alarm.clear_acknowledged_by();
        alarm.clear_acknowledged_time_ms();
        alarm.clear_acknowledge_note();
    }
    alarm.set_severity(severity);
    alarm.set_message(facts.message());
    server::setParticulars(alarm, facts);
    cpn::v1::WatchEvent event;
    *event.mutable_alarm() = alarm;
    m_world.emit(std::move(event));
}

void AlarmRules::raise(std::string& alarmId, cpn::v1::AlarmSeverity severity, const std::string& sourceId,
    const char* code, const cpn::v1::Alarm& facts)
{
    char id[32];
    std::snprintf(id, sizeof id, "al-%06llu", static_cast<unsigned long long>(m_nextAlarmNumber++));
    cpn::v1::Alarm alarm = facts;
    alarm.set_id(id);
    alarm.set_severity(severity);
    alarm.set_source_id(sourceId);
    alarm.set_code(code);
    alarm.set_raised_time_ms(m_world.nowMs);
    alarmId = id;
    cpn::v1::WatchEvent event;
    *event.mutable_alarm() = alarm;
    m_alarms.emplace(alarmId, std::move(alarm));
    m_world.emit(std::move(event));
}

void AlarmRules::clear(std::string& alarmId)
{
    auto it = m_alarms.find(alarmId);
    alarmId.clear();
    if (it == m_alarms.end() || it->second.cleared_time_ms() != 0)
        return;
    it->second.set_cleared_time_ms(m_world.nowMs);
    cpn::v1::WatchEvent event;
    *event.mutable_alarm() = it->second;
    m_world.emit(std::move(event));
    m_clearedAlarms.push_back(it->first);
    while (m_clearedAlarms.size() > kClearedAlarmsKept) {
        m_alarms.erase(m_clearedAlarms.front());
        m_clearedAlarms.pop_front();
    }
}

// The first acknowledgement stands: acknowledging again answers the alarm as it is and changes
// nothing (a rise in severity withdraws it, see set()). MIGRATION_FAILED reports
// an event rather than a condition, so acknowledging it also clears it.
grpc::Status AlarmRules::acknowledge(
    const cpn::v1::AcknowledgeAlarmRequest& request, const std::string& by, cpn::v1::Alarm* alarm)
{
    if (request.alarm_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "alarm_id is empty" };
    auto it = m_alarms.find(request.alarm_id());
    if (it == m_alarms.end())
        return { grpc::StatusCode::NOT_FOUND, "unknown alarm_id " + request.alarm_id() };
    auto& a = it->second;
    if (!a.acknowledged()) {
        a.set_acknowledged(true);
        a.set_acknowledged_by(by);
        a.set_acknowledged_time_ms(m_world.nowMs);
        a.set_acknowledge_note(request.note());
        if (a.code() == "MIGRATION_FAILED" && a.cleared_time_ms() == 0) {
            std::string id = a.id();
            clear(id); // its event carries the acknowledgement too
        } else {
            cpn::v1::WatchEvent event;
            *event.mutable_alarm() = a;
            m_world.emit(std::move(event));
        }
    }
    *alarm = a;
    return grpc::Status::OK;
}

} // namespace cpn::mock
