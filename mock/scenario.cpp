// The scenarios' names, help and clocks.

#include "scenario.h"

#include <array>

namespace cpn::mock {

namespace {

struct ScenarioInfo {
    Scenario scenario;
    const char* name;
};
constexpr std::array<ScenarioInfo, 5> kScenarios { { { Scenario::Normal, "normal" }, { Scenario::Peak, "peak" },
    { Scenario::HubOutage, "hub-outage" }, { Scenario::LinkCut, "link-cut" },
    { Scenario::GreenSurplus, "green-surplus" } } };

} // namespace

std::optional<Scenario> parseScenario(std::string_view name)
{
    for (const auto& info : kScenarios)
        if (name == info.name)
            return info.scenario;
    return std::nullopt;
}

const char* scenarioName(Scenario scenario)
{
    for (const auto& info : kScenarios)
        if (info.scenario == scenario)
            return info.name;
    return "normal";
}

std::vector<std::string> scenarioNames()
{
    std::vector<std::string> names;
    for (const auto& info : kScenarios)
        names.emplace_back(info.name);
    return names;
}

const char* scenarioHelp()
{
    return R"(Scenarios (--scenario NAME); the same seed and scenario give the same run:
  normal         an ordinary day from 08:00 Beijing time: business-hours and evening peaks
                 in the east, quieter weekends, tasks arriving and finishing by kind.
  peak           starts at 18:00; an evening surge of interactive work in the east (autoscaled
                 inference replicas near their users, peaking at 20:30) fills the city sites:
                 queues grow and high-utilisation alarms follow.
  hub-outage     5 simulated minutes in, one national hub (chosen by the seed) goes offline:
                 SITE_OFFLINE alarm, its migrations fail, its tasks restart at the nearest
                 sites with room (or queue there), routes avoid it. It is back after 3 hours.
  link-cut       5 simulated minutes in, a backbone link between two hubs (chosen by the seed)
                 is cut: LINK_DOWN alarm, its traffic and the migrations on it take other
                 paths, plans route around it. Spliced after 4 hours.
  green-surplus  starts at 23:00; night wind in the west: green share near 100 %, valley
                 prices falling further, most new batch, training and rendering work placed
                 in the west; a GREEN_SURPLUS advisory (INFO) at each western hub while it lasts.
)";
}

std::int64_t scenarioClockOffsetMs(Scenario scenario)
{
    switch (scenario) {
    case Scenario::Peak:
        return 10 * 3600 * 1000;
    case Scenario::GreenSurplus:
        return 15 * 3600 * 1000;
    default:
        return 0;
    }
}

} // namespace cpn::mock
