// Simulation: alarm rules, raised and cleared as the metrics move.

#include "simulation.h"

#include <cstdio>

namespace cpn::mock {

namespace {

constexpr double kSiteAlarmRaise = 0.90; // WARNING above this utilisation
constexpr double kSiteAlarmClear = 0.85;
constexpr double kLinkAlarmRaise = 0.85; // MAJOR above this utilisation
constexpr double kLinkAlarmClear = 0.80;
constexpr std::size_t kClearedAlarmsKept = 200;

std::string percent(double ratio)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", ratio * 100);
    return buffer;
}

} // namespace

void Simulation::updateAlarms()
{
    for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
        auto& site = m_sites[s];
        const auto& proto = m_topology.sites[s];
        if (site.alarmId.empty() && site.utilisation > kSiteAlarmRaise)
            raiseAlarm(site.alarmId, cpn::v1::ALARM_SEVERITY_WARNING, proto.id(), "SITE_HIGH_UTILISATION",
                "Utilisation of " + proto.name_en() + " is " + percent(site.utilisation) + ", above "
                    + percent(kSiteAlarmRaise) + ".");
        else if (!site.alarmId.empty() && site.utilisation < kSiteAlarmClear)
            clearAlarm(site.alarmId);
    }
    for (std::size_t l = 0; l < m_links.size(); ++l) {
        auto& link = m_links[l];
        const auto& proto = m_topology.links[l];
        if (link.alarmId.empty() && link.utilisation > kLinkAlarmRaise) {
            const auto [a, b] = m_topology.linkEnds[l];
            raiseAlarm(link.alarmId, cpn::v1::ALARM_SEVERITY_MAJOR, proto.id(), "LINK_CONGESTION",
                "Link " + m_topology.sites[a].name_en() + " - " + m_topology.sites[b].name_en() + " is "
                    + percent(link.utilisation) + " utilised, above " + percent(kLinkAlarmRaise) + ".");
        } else if (!link.alarmId.empty() && link.utilisation < kLinkAlarmClear) {
            clearAlarm(link.alarmId);
        }
    }
}

void Simulation::raiseAlarm(std::string& alarmId, cpn::v1::AlarmSeverity severity, const std::string& sourceId,
    const char* code, const std::string& message)
{
    char id[32];
    std::snprintf(id, sizeof id, "al-%06llu", static_cast<unsigned long long>(m_nextAlarmNumber++));
    cpn::v1::Alarm alarm;
    alarm.set_id(id);
    alarm.set_severity(severity);
    alarm.set_source_id(sourceId);
    alarm.set_code(code);
    alarm.set_message(message);
    alarm.set_raised_time_ms(m_nowMs);
    alarmId = id;
    cpn::v1::WatchEvent event;
    *event.mutable_alarm() = alarm;
    m_alarms.emplace(alarmId, std::move(alarm));
    emit(std::move(event));
}

void Simulation::clearAlarm(std::string& alarmId)
{
    auto it = m_alarms.find(alarmId);
    alarmId.clear();
    if (it == m_alarms.end())
        return;
    it->second.set_cleared_time_ms(m_nowMs);
    cpn::v1::WatchEvent event;
    *event.mutable_alarm() = it->second;
    emit(std::move(event));
    m_clearedAlarms.push_back(it->first);
    while (m_clearedAlarms.size() > kClearedAlarmsKept) {
        m_alarms.erase(m_clearedAlarms.front());
        m_clearedAlarms.pop_front();
    }
}

} // namespace cpn::mock
