// TaskBook: moving the work of a site that went offline.

#include "taskbook.h"

#include <algorithm>
#include <unordered_map>

namespace cpn::mock {

namespace {

// A failed-over task never pushes a site's cards of one architecture past this share.
constexpr double kMaxFailoverAllocation = 0.95;
// A task restarted elsewhere loses the work since its last checkpoint.
constexpr std::int64_t kRestartPenaltyMs = 10 * 60 * 1000;

} // namespace

void TaskBook::evacuate(std::uint32_t site)
{
    // Other sites nearest first, over the network as it is now (nothing enters the offline site).
    std::vector<double> latency;
    const std::vector<std::uint32_t> candidates = m_world.onlineSitesNearest(site, &latency);
    std::unordered_map<std::uint32_t, std::vector<double>> usersLatency;
    auto fits = [&](const TaskRecord& task, std::uint32_t c) {
        if (!m_world.sites[c].hasArchitecture(task.architecture))
            return false;
        if (task.regionMask != 0 && (task.regionMask & (1u << m_world.topology.siteRegion[c])) == 0)
            return false;
        if (task.usersSite < 0 || task.latencySloMs <= 0)
            return true;
        auto it = usersLatency.find(std::uint32_t(task.usersSite));
        if (it == usersLatency.end())
            it = usersLatency
                     .emplace(std::uint32_t(task.usersSite),
                         costsFrom(m_world.graph, std::uint32_t(task.usersSite),
                             [&](const Hop& hop) { return m_world.hopLatencyMs(hop); }))
                     .first;
        return it->second[c] <= task.latencySloMs;
    };

    std::vector<std::uint64_t> numbers;
    for (const auto& [number, task] : m_tasks)
        if (task.site == site && task.migrationId.empty())
            numbers.push_back(number);
    for (const auto number : numbers) {
        TaskRecord& task = m_tasks.at(number);
        std::int64_t roomAt = -1;
        std::int64_t queueAt = -1;
        for (const auto c : candidates) {
            if (!fits(task, c))
                continue;
            if (queueAt < 0)
                queueAt = c;
            const auto& slot = m_world.sites[c].slots[std::size_t(task.architecture)];
            if (double(std::uint64_t(slot.used) + slot.reserved + task.cards)
                <= kMaxFailoverAllocation * slot.installed) {
                roomAt = c;
                break;
            }
        }
        if (roomAt < 0 && queueAt < 0)
            continue; // nowhere it may run: it waits, queued, for its site to come back
        const bool wasRunning = task.state == cpn::v1::TASK_STATE_RUNNING;
        release(task);
        task.site = std::uint32_t(roomAt >= 0 ? roomAt : queueAt);
        if (roomAt >= 0) {
            // Restarts from its last checkpoint (a queued task simply starts).
            if (wasRunning)
                task.expectedEndMs = std::max(task.expectedEndMs, m_world.nowMs) + kRestartPenaltyMs;
            else {
                task.startedMs = m_world.nowMs;
                task.expectedEndMs = m_world.nowMs + task.durationMs;
            }
            run(task);
        } else {
            enqueue(task);
        }
        emit(task);
    }
    // What stays (nowhere else to go) waits in the site's queue.
    for (const auto number : numbers) {
        TaskRecord& task = m_tasks.at(number);
        if (task.site == site && task.state == cpn::v1::TASK_STATE_RUNNING) {
            release(task);
            enqueue(task);
            emit(task);
        }
    }
}

} // namespace cpn::mock
