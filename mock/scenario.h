#pragma once
// What happens on the mock network besides its ordinary days: the scenarios of --scenario.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cpn::mock {

enum class Scenario { Normal, Peak, HubOutage, LinkCut, GreenSurplus };

std::optional<Scenario> parseScenario(std::string_view name);
const char* scenarioName(Scenario scenario);
std::vector<std::string> scenarioNames();
// One paragraph per scenario, for --help.
const char* scenarioHelp();

// How long after the start an incident strikes, and when it is over, simulated ms. Soon enough
// that a demo (or a test ticking a minute at a time) sees it at once.
inline constexpr std::int64_t kIncidentAfterMs = 5 * 60 * 1000;
inline constexpr std::int64_t kHubOutageMs = 3 * 3600 * 1000; // then the hub comes back
inline constexpr std::int64_t kLinkRepairMs = 4 * 3600 * 1000; // then the fibre is spliced

// Where a scenario's clock starts, after the default start (08:00 Beijing time): the peak at
// 18:00 just before the evening surge, the green surplus at 23:00 as the night wind rises.
std::int64_t scenarioClockOffsetMs(Scenario scenario);

} // namespace cpn::mock
