// Simulation: alarm rules, raised, re-stated and cleared as the network moves.
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

#include "simulation.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

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
constexpr std::int64_t kSloCheckIntervalMs = 5 * 60000; // while some link is worse than at start
constexpr double kLatencyWorseFactor = 1.001; // a link this much slower than at start counts as changed
constexpr std::size_t kSloNeighbourhood = 64; // sites; tasks are placed among the 48 nearest their users

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

// One running task with a latency SLO, as the SLO rule sees it.
struct SloTask {
    std::uint32_t usersSite = 0;
    std::uint32_t site = 0;
    double sloMs = 0;
};

// What the SLO rule found at one site.
struct SloBreach {
    std::uint32_t tasks = 0;
    double worstMs = 0; // infinite: no path within the SLO
    double worstSloMs = 0;
    std::uint32_t worstUsersSite = 0;
};

} // namespace

void Simulation::updateAlarms()
{
    updateStatusAlarms();
    for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
        auto& site = m_sites[s];
        const double u = site.utilisation;
        cpn::v1::AlarmSeverity severity = cpn::v1::ALARM_SEVERITY_UNSPECIFIED;
        if (site.alarmId.empty()) {
            if (u >= kSiteWarningRaise)
                severity = u >= kSiteCriticalRaise ? cpn::v1::ALARM_SEVERITY_CRITICAL : cpn::v1::ALARM_SEVERITY_WARNING;
        } else if (u < kSiteAlarmClear) {
            clearAlarm(site.alarmId);
        } else {
            const auto current = m_alarms.at(site.alarmId).severity();
            severity = current;
            if (u >= kSiteCriticalRaise)
                severity = cpn::v1::ALARM_SEVERITY_CRITICAL;
            else if (current == cpn::v1::ALARM_SEVERITY_CRITICAL && u < kSiteCriticalClear)
                severity = cpn::v1::ALARM_SEVERITY_WARNING;
            if (severity == current)
                severity = cpn::v1::ALARM_SEVERITY_UNSPECIFIED; // unchanged: nothing to say
        }
        if (severity != cpn::v1::ALARM_SEVERITY_UNSPECIFIED) {
            const auto& proto = m_topology.sites[s];
            const double threshold
                = severity == cpn::v1::ALARM_SEVERITY_CRITICAL ? kSiteCriticalRaise : kSiteWarningRaise;
            setAlarm(site.alarmId, severity, proto.id(), "SITE_HIGH_UTILISATION",
                "Utilisation of " + proto.name_en() + " is " + percent(u) + ", at or above " + percent(threshold)
                    + ".");
        }
    }
    for (std::size_t l = 0; l < m_links.size(); ++l) {
        auto& link = m_links[l];
        const auto& proto = m_topology.links[l];
        if (link.alarmId.empty() && link.utilisation > kLinkAlarmRaise) {
            const auto [a, b] = m_topology.linkEnds[l];
            setAlarm(link.alarmId, cpn::v1::ALARM_SEVERITY_MAJOR, proto.id(), "LINK_CONGESTION",
                "Link " + m_topology.sites[a].name_en() + " - " + m_topology.sites[b].name_en() + " is "
                    + percent(link.utilisation) + " utilised, above " + percent(kLinkAlarmRaise) + ".");
        } else if (!link.alarmId.empty() && link.utilisation < kLinkAlarmClear) {
            clearAlarm(link.alarmId);
        }
    }
    updateLatencySloAlarms();
    updateMigrationAlarms();
}

void Simulation::updateStatusAlarms()
{
    for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
        auto& id = m_sites[s].statusAlarmId;
        const auto& proto = m_topology.sites[s];
        const bool offline = proto.status() == cpn::v1::SITE_STATUS_OFFLINE;
        const bool degraded = proto.status() == cpn::v1::SITE_STATUS_DEGRADED;
        if (!offline && !degraded) {
            if (!id.empty())
                clearAlarm(id);
            continue;
        }
        const char* code = offline ? "SITE_OFFLINE" : "SITE_DEGRADED";
        if (!id.empty() && m_alarms.at(id).code() == code)
            continue;
        const auto tasks = std::to_string(m_sites[s].running + m_sites[s].queued);
        if (offline)
            setAlarm(id, cpn::v1::ALARM_SEVERITY_CRITICAL, proto.id(), code,
                proto.name_en() + " is offline; " + tasks + " tasks there are not being served.");
        else
            setAlarm(id, cpn::v1::ALARM_SEVERITY_MAJOR, proto.id(), code,
                proto.name_en() + " is degraded and running with reduced capacity; " + tasks + " tasks there.");
    }
    for (std::size_t l = 0; l < m_links.size(); ++l) {
        auto& id = m_links[l].statusAlarmId;
        const auto& proto = m_topology.links[l];
        const bool down = proto.status() == cpn::v1::LINK_STATUS_DOWN;
        const bool degraded = proto.status() == cpn::v1::LINK_STATUS_DEGRADED;
        if (!down && !degraded) {
            if (!id.empty())
                clearAlarm(id);
            continue;
        }
        const char* code = down ? "LINK_DOWN" : "LINK_DEGRADED";
        if (!id.empty() && m_alarms.at(id).code() == code)
            continue;
        const auto [a, b] = m_topology.linkEnds[l];
        char capacity[32];
        std::snprintf(capacity, sizeof capacity, "%.0f Gbps", proto.capacity_gbps());
        const std::string name = "Link " + m_topology.sites[a].name_en() + " - " + m_topology.sites[b].name_en();
        if (down)
            setAlarm(id, cpn::v1::ALARM_SEVERITY_CRITICAL, proto.id(), code,
                name + " is down; " + capacity + " of capacity lost, traffic reroutes.");
        else
            setAlarm(id, cpn::v1::ALARM_SEVERITY_WARNING, proto.id(), code, name + " (" + capacity + ") is degraded.");
    }
}

// Users' latency depends only on link latencies and on which links and sites are out (see
// usersLatencyMs), and tasks are placed and moved within their SLO. So an SLO can only be broken
// while some link is down, next to an offline site or slower than at start, and only for users
// near such a link. The rule therefore does nothing on
// a healthy network; otherwise it checks at once when the links change and then every few
// simulated minutes: one pass over the tasks, and for each users' site with a changed link among
// its nearest sites one shortest-path search that stops as soon as it has reached the sites its
// tasks run at (not one per task).
void Simulation::updateLatencySloAlarms()
{
    for (std::size_t l = m_nominalLatencyMs.size(); l < m_topology.links.size(); ++l)
        m_nominalLatencyMs.push_back(float(m_topology.links[l].latency_ms()));
    std::vector<std::uint32_t> worse;
    std::uint64_t signature = 0;
    for (std::uint32_t l = 0; l < m_topology.links.size(); ++l) {
        // Routes avoid down links and offline sites (hopLatencyMs).
        const auto& link = m_topology.links[l];
        const auto [a, b] = m_topology.linkEnds[l];
        const int ends = int(isOffline(a)) + 2 * int(isOffline(b));
        if (link.status() == cpn::v1::LINK_STATUS_DOWN || ends != 0
            || link.latency_ms() > m_nominalLatencyMs[l] * kLatencyWorseFactor) {
            worse.push_back(l);
            signature = signature * 1000003 + l * 7 + std::uint64_t(link.status()) + std::uint64_t(ends) * 131
                + std::uint64_t(std::llround(link.latency_ms() * 1000));
        }
    }
    if (!worse.empty())
        signature |= 1; // never 0, the healthy network's signature
    const bool changed = signature != m_sloNetwork;
    if (!changed && (signature == 0 || m_nowMs < m_nextSloCheckMs))
        return;
    m_sloNetwork = signature;
    m_nextSloCheckMs = m_nowMs + kSloCheckIntervalMs;

    std::unordered_map<std::uint32_t, SloBreach> breaches;
    if (!worse.empty()) {
        std::vector<SloTask> tasks;
        for (const auto& [number, task] : m_tasks)
            if (task.state == cpn::v1::TASK_STATE_RUNNING && task.latencySloMs > 0 && task.usersSite >= 0)
                tasks.push_back({ std::uint32_t(task.usersSite), task.site, task.latencySloMs });
        std::sort(tasks.begin(), tasks.end(), [](const SloTask& x, const SloTask& y) {
            return x.usersSite != y.usersSite ? x.usersSite < y.usersSite : x.sloMs > y.sloMs;
        });
        std::vector<char> worseEnd(m_sites.size(), 0);
        for (const auto l : worse)
            worseEnd[m_topology.linkEnds[l].first] = worseEnd[m_topology.linkEnds[l].second] = 1;
        m_sloNeighbourhoods.resize(m_sites.size());
        const HopCost nominal = [&](const Hop& hop) { return double(m_nominalLatencyMs[hop.link]); };
        // Whether a users' site's tasks may have lost their SLO: a changed link lies among the
        // sites nearest to it (shortest routes to its tasks stay among them), or a task runs
        // further out than that.
        auto affected = [&](std::uint32_t users, const std::vector<std::uint32_t>& targets) {
            auto& near = m_sloNeighbourhoods[users];
            if (near.empty()) {
                for (const auto& [node, cost] : nodesWithin(m_graph, users, nominal, kUnreachable, kSloNeighbourhood))
                    near.push_back(node);
                std::sort(near.begin(), near.end());
            }
            auto contains = [&](std::uint32_t site) { return std::binary_search(near.begin(), near.end(), site); };
            if (!std::all_of(targets.begin(), targets.end(), contains))
                return true;
            for (const auto site : near)
                if (worseEnd[site])
                    for (const auto l : worse)
                        if ((m_topology.linkEnds[l].first == site && contains(m_topology.linkEnds[l].second))
                            || (m_topology.linkEnds[l].second == site && contains(m_topology.linkEnds[l].first)))
                            return true;
            return false;
        };
        const HopCost live = [&](const Hop& hop) { return hopLatencyMs(hop); };
        std::vector<std::pair<std::uint32_t, double>> near;
        for (std::size_t first = 0, last = 0; first < tasks.size(); first = last) {
            // One users' site: its tasks are tasks[first, last), the largest SLO first.
            const std::uint32_t users = tasks[first].usersSite;
            std::vector<std::uint32_t> targets;
            for (last = first; last < tasks.size() && tasks[last].usersSite == users; ++last)
                targets.push_back(tasks[last].site);
            std::sort(targets.begin(), targets.end());
            targets.erase(std::unique(targets.begin(), targets.end()), targets.end());
            if (!affected(users, targets))
                continue;
            // Nearest sites first, widening until every target is reached or the SLO is exhausted.
            for (std::size_t count = 64;; count *= 4) {
                near = nodesWithin(m_graph, users, live, tasks[first].sloMs, count);
                std::sort(near.begin(), near.end());
                const bool all = std::all_of(targets.begin(), targets.end(), [&](std::uint32_t site) {
                    const auto f = std::lower_bound(near.begin(), near.end(), std::make_pair(site, -kUnreachable));
                    return f != near.end() && f->first == site;
                });
                if (all || near.size() < count)
                    break;
            }
            for (std::size_t i = first; i < last; ++i) {
                const auto& t = tasks[i];
                const auto found = std::lower_bound(near.begin(), near.end(), std::make_pair(t.site, -kUnreachable));
                const double latency = found != near.end() && found->first == t.site ? found->second : kUnreachable;
                if (latency <= t.sloMs)
                    continue;
                auto& breach = breaches[t.site];
                ++breach.tasks;
                if (breach.tasks == 1 || latency / t.sloMs > breach.worstMs / breach.worstSloMs) {
                    breach.worstMs = latency;
                    breach.worstSloMs = t.sloMs;
                    breach.worstUsersSite = t.usersSite;
                }
            }
        }
    }
    for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
        auto& id = m_sites[s].sloAlarmId;
        const auto it = breaches.find(s);
        if (it == breaches.end()) {
            if (!id.empty())
                clearAlarm(id);
            continue;
        }
        const auto& b = it->second;
        const auto& users = m_topology.sites[b.worstUsersSite].name_en();
        const std::string worst = std::isfinite(b.worstMs)
            ? "users at " + users + " are " + milliseconds(b.worstMs) + " away"
            : "users at " + users + " have no path within it";
        setAlarm(id, cpn::v1::ALARM_SEVERITY_MAJOR, m_topology.sites[s].id(), "LATENCY_SLO",
            std::to_string(b.tasks) + " latency-bound tasks at " + m_topology.sites[s].name_en()
                + " exceed their latency SLO; worst: " + worst + " against an SLO of " + milliseconds(b.worstSloMs)
                + ".");
    }
}

// Failures happen inside a tick (transfers break, restores fail, drains find no path); the rule
// sees them through the migration events the tick has emitted so far.
void Simulation::updateMigrationAlarms()
{
    std::vector<cpn::v1::Migration> failed;
    for (const auto& event : m_pending)
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
            const auto s = siteIndex(siteId);
            return s ? m_topology.sites[*s].name_en() : siteId;
        };
        std::string id;
        setAlarm(id, cpn::v1::ALARM_SEVERITY_MAJOR, m.id(), kMigrationFailed,
            "Migration " + m.id() + " of task " + m.task_id() + " from " + name(m.source_site_id()) + " to "
                + name(m.target_site_id())
                + (m.state() == cpn::v1::MIGRATION_STATE_ROLLED_BACK ? " rolled back: " : " failed: ")
                + m.failure_reason() + ".");
        m_migrationAlarms.push_back(id);
    }
    while (!m_migrationAlarms.empty()) {
        const auto it = m_alarms.find(m_migrationAlarms.front());
        if (it != m_alarms.end() && it->second.cleared_time_ms() == 0) {
            if (it->second.raised_time_ms() + kMigrationAlarmLifetimeMs > m_nowMs)
                break;
            std::string id = it->first;
            clearAlarm(id);
        }
        m_migrationAlarms.pop_front();
    }
}

void Simulation::setAlarm(std::string& alarmId, cpn::v1::AlarmSeverity severity, const std::string& sourceId,
    const char* code, const std::string& message)
{
    auto it = alarmId.empty() ? m_alarms.end() : m_alarms.find(alarmId);
    if (it != m_alarms.end() && it->second.code() != code) {
        clearAlarm(alarmId);
        it = m_alarms.end();
    }
    if (it == m_alarms.end()) {
        raiseAlarm(alarmId, severity, sourceId, code, message);
        return;
    }
    auto& alarm = it->second;
    if (alarm.severity() == severity && alarm.message() == message)
        return;
    if (severity > alarm.severity()) {
        alarm.set_acknowledged(false);
        alarm.clear_acknowledged_by();
        alarm.clear_acknowledged_time_ms();
        alarm.clear_acknowledge_note();
    }
    alarm.set_severity(severity);
    alarm.set_message(message);
    cpn::v1::WatchEvent event;
    *event.mutable_alarm() = alarm;
    emit(std::move(event));
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
    if (it == m_alarms.end() || it->second.cleared_time_ms() != 0)
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
