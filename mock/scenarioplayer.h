#pragma once
// Plays the scenario of --scenario: when its incident strikes and ends, the surge of work it
// adds, and how it moves demand, energy and new placements.

#include "scenario.h"
#include "taskfactory.h"
#include "world.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cpn::mock {

class AlarmRules;
class TaskBook;

// A change of a site's or a link's status that a scenario calls for; the simulation applies it
// (with all that follows: failed migrations, evacuated tasks, rerouted traffic).
struct StatusChange {
    enum class Target { Site, Link };
    Target target = Target::Site;
    std::uint32_t index = 0;
    int status = 0; // a cpn::v1::SiteStatus or cpn::v1::LinkStatus
};

class ScenarioPlayer {
public:
    explicit ScenarioPlayer(World& world);

    // Picks what the incident hits (with a generator of its own, so that the network and its
    // tasks stay those of the seed in every scenario) and moves the clock to where it starts.
    void setUp();
    // What is due by now: the status changes to apply, in order; the advisories it raises and
    // clears go to `alarms` directly.
    std::vector<StatusChange> advance(AlarmRules& alarms);
    // The evening surge's autoscaled replicas (peak).
    void submitSurge(double seconds, TaskBook& tasks);

    Steering steering() const; // where new work goes
    double demandBoost(std::uint32_t site) const; // added to a site's interactive demand, ratio
    void adjustEnergy(std::uint32_t site, double* greenShare, double* priceCnyPerKwh) const;

private:
    struct State {
        Scenario kind = Scenario::Normal;
        std::int64_t incidentMs = 0; // hub outage, link cut: when it strikes
        std::int64_t recoveryMs = 0; // and when it is over
        std::uint32_t site = 0; // hub outage: the hub
        std::uint32_t link = 0; // link cut: the backbone link
        bool incidentActive = false;
        bool incidentOver = false;
        std::vector<std::string> advisories; // green surplus: INFO alarm id per western hub, empty when none
    };

    World& m_world;
    State m_state;
};

} // namespace cpn::mock
