#pragma once
// The alarms: the rules that raise, re-state and clear them as the network moves, the alarms
// raised so far (and recently cleared), and operators' acknowledgements.

#include "latencyslorule.h"
#include "world.h"

#include "cpn/v1/dispatch.pb.h"
#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace cpn::mock {

class TaskBook;

class AlarmRules {
public:
    AlarmRules(World& world, const TaskBook& tasks);

    // Applies every rule to the network as it is now (and to the migrations that failed in the
    // change under way, seen in the world's pending events).
    void update();

    // An alarm's message and particulars (value, threshold, unit, count, related_id; see Alarm
    // in types.proto), what set and raise take.
    static cpn::v1::Alarm facts(std::string message, double value = 0, double threshold = 0, const char* unit = "",
        std::uint32_t count = 0, std::string relatedId = {});

    // Raises the alarm held in alarmId, or re-states it (same id, new severity or message, with
    // the particulars of `facts`); another code clears it and raises a new one.
    void set(std::string& alarmId, cpn::v1::AlarmSeverity severity, const std::string& sourceId, const char* code,
        const cpn::v1::Alarm& facts);
    void raise(std::string& alarmId, cpn::v1::AlarmSeverity severity, const std::string& sourceId, const char* code,
        const cpn::v1::Alarm& facts);
    void clear(std::string& alarmId); // and empties alarmId

    grpc::Status acknowledge(
        const cpn::v1::AcknowledgeAlarmRequest& request, const std::string& by, cpn::v1::Alarm* alarm);

    // Active ones and the recently cleared, by id.
    const std::map<std::string, cpn::v1::Alarm>& all() const { return m_alarms; }

private:
    // The alarm ids a rule holds for one site or link, empty when none is active.
    struct SiteAlarms {
        std::string utilisation; // SITE_HIGH_UTILISATION
        std::string status; // SITE_OFFLINE, SITE_DEGRADED
        std::string slo; // LATENCY_SLO of the tasks running there
    };
    struct LinkAlarms {
        std::string congestion; // LINK_CONGESTION
        std::string status; // LINK_DOWN, LINK_DEGRADED
    };

    void updateLoadAlarms();
    void updateStatusAlarms();
    void updateLatencySloAlarms();
    void updateMigrationAlarms();

    World& m_world;
    const TaskBook& m_tasks;
    LatencySloRule m_sloRule;
    std::vector<SiteAlarms> m_siteAlarms;
    std::vector<LinkAlarms> m_linkAlarms;
    std::map<std::string, cpn::v1::Alarm> m_alarms;
    std::deque<std::string> m_clearedAlarms; // oldest first; forgotten beyond a bound
    std::uint64_t m_nextAlarmNumber = 1;
    std::deque<std::string> m_migrationAlarms; // MIGRATION_FAILED alarm ids, oldest first
};

} // namespace cpn::mock
