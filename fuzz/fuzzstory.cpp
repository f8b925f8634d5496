#include "fuzzstory.h"

#include <chrono>
#include <stdexcept>

namespace cpn::fuzz {

bool findMove(const mock::Simulation& simulation, const cpn::v1::Snapshot& snapshot,
    const cpn::v1::ListTasksResponse& page, cpn::v1::MigrationPlan* plan, const std::string& skipTask)
{
    for (const auto& task : page.tasks()) {
        if (task.state() != cpn::v1::TASK_STATE_RUNNING || task.id() == skipTask)
            continue;
        for (const auto& site : snapshot.sites()) {
            if (site.tier() > cpn::v1::SITE_TIER_CLUSTER || site.id() == task.site_id())
                continue;
            cpn::v1::PlanMigrationRequest request;
            request.set_task_id(task.id());
            request.set_target_site_id(site.id());
            if (simulation.planMigration(request, plan).ok() && plan->feasible())
                return true;
        }
    }
    return false;
}

mock::SimulationOptions storyOptions()
{
    mock::SimulationOptions options;
    options.seed = 1;
    options.scale = mock::Scale::National;
    options.migrationFailureRate = 0;
    options.eventLimits.maxEvents = 20000;
    options.eventLimits.maxBytes = std::size_t(16) << 20;
    return options;
}

MockStory tellStory()
{
    MockStory story;
    story.simulation = std::make_unique<mock::Simulation>(storyOptions());
    mock::Simulation& simulation = *story.simulation;
    // Minutes of history: metrics, tasks coming and going, alarms raised.
    for (int minute = 0; minute < 5; ++minute)
        simulation.tick(60);
    story.before = simulation.snapshot();
    cpn::v1::ListTasksRequest page;
    page.set_page_size(200);
    if (!simulation.listTasks(page, &story.firstTasks).ok())
        throw std::runtime_error("the mock lists no tasks");

    if (!findMove(simulation, story.before, story.firstTasks, &story.plan))
        throw std::runtime_error("no feasible move in the mock's first tasks");
    cpn::v1::StartMigrationRequest start;
    story.startRequestId = "fuzz-story-start";
    start.set_request_id(story.startRequestId);
    start.set_task_id(story.plan.task_id());
    start.set_target_site_id(story.plan.target_site_id());
    start.set_reason("seed corpus");
    if (!simulation.startMigration(start, "operator", &story.started).ok())
        throw std::runtime_error("the mock refused the story's migration");

    for (const auto& alarm : story.before.alarms()) {
        if (alarm.cleared_time_ms() != 0)
            continue;
        cpn::v1::AcknowledgeAlarmRequest acknowledge;
        acknowledge.set_alarm_id(alarm.id());
        acknowledge.set_note("looking into it");
        cpn::v1::Alarm answer;
        if (simulation.acknowledgeAlarm(acknowledge, "operator", &answer).ok()) {
            story.acknowledgedAlarmId = alarm.id();
            break;
        }
    }
    // Status changes give site and link events; the last link and site are out of the way of
    // the hubs' traffic.
    story.linkDown = story.before.links().rbegin()->id();
    simulation.setLinkStatus(story.linkDown, cpn::v1::LINK_STATUS_DOWN);
    story.siteDegraded = story.before.sites().rbegin()->id();
    simulation.setSiteStatus(story.siteDegraded, cpn::v1::SITE_STATUS_DEGRADED);
    // The migration under way.
    for (int step = 0; step < 3; ++step)
        simulation.tick(10);

    std::vector<server::EventPtr> events;
    std::uint64_t after = story.before.revision();
    while (simulation.events().read(after, 100000, std::chrono::milliseconds(0), events)
        == server::EventLog::ReadStatus::Events)
        after = events.back()->revision();
    story.events.reserve(events.size());
    for (const auto& event : events)
        story.events.push_back(*event);
    return story;
}

} // namespace cpn::fuzz
