// Simulation: the read side (snapshot, task pages).

#include "simulation.h"

#include <algorithm>
#include <cctype>

namespace cpn::mock {

namespace {

constexpr int kDefaultPageSize = 1000;
constexpr int kMaxPageSize = 5000;
constexpr std::size_t kFinishedMigrationsInSnapshot = 100;

std::string lowered(std::string text)
{
    for (auto& c : text)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

bool containsLowered(const std::string& haystack, const std::string& loweredNeedle)
{
    if (loweredNeedle.empty())
        return true;
    const auto it = std::search(haystack.begin(), haystack.end(), loweredNeedle.begin(), loweredNeedle.end(),
        [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == b; });
    return it != haystack.end();
}

} // namespace

cpn::v1::Snapshot Simulation::snapshot() const
{
    std::lock_guard lock(m_mutex);
    cpn::v1::Snapshot snapshot;
    snapshot.set_revision(m_events.currentRevision());
    snapshot.set_sim_time_ms(m_nowMs);
    snapshot.set_time_scale(m_options.timeScale);
    for (const auto& region : m_topology.regions)
        *snapshot.add_regions() = region;
    for (const auto& site : m_topology.sites)
        *snapshot.add_sites() = site;
    for (const auto& link : m_topology.links)
        *snapshot.add_links() = link;
    *snapshot.mutable_site_metrics() = m_lastMetrics.sites();
    *snapshot.mutable_link_metrics() = m_lastMetrics.links();
    for (const auto& [id, alarm] : m_alarms)
        *snapshot.add_alarms() = alarm;
    for (const auto& id : m_activeMigrations)
        *snapshot.add_migrations() = m_migrations.at(id).proto;
    const std::size_t recent = std::min(m_finishedMigrations.size(), kFinishedMigrationsInSnapshot);
    for (auto it = m_finishedMigrations.end() - std::ptrdiff_t(recent); it != m_finishedMigrations.end(); ++it)
        *snapshot.add_migrations() = m_migrations.at(*it).proto;
    snapshot.set_task_count(m_tasks.size());
    snapshot.set_scale(scaleName(m_options.scale));
    return snapshot;
}

grpc::Status Simulation::listTasks(const cpn::v1::ListTasksRequest& request, cpn::v1::ListTasksResponse* response) const
{
    if (request.page_size() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "page_size must not be negative" };
    const int pageSize = request.page_size() == 0 ? kDefaultPageSize : std::min(request.page_size(), kMaxPageSize);
    std::uint64_t after = 0;
    if (!request.page_token().empty() && !parseTaskId(request.page_token(), &after))
        return { grpc::StatusCode::INVALID_ARGUMENT, "malformed page_token: pass next_page_token unchanged" };

    std::lock_guard lock(m_mutex);
    std::optional<std::uint32_t> site;
    if (!request.site_id().empty()) {
        site = siteIndex(request.site_id());
        if (!site)
            return { grpc::StatusCode::NOT_FOUND, "unknown site_id " + request.site_id() };
    }
    const std::string filter = lowered(request.filter());
    auto matches = [&](const TaskRecord& task) {
        if (site && task.site != *site)
            return false;
        if (filter.empty())
            return true;
        return containsLowered(taskIdOf(task.number), filter) || containsLowered(task.name, filter)
            || containsLowered(m_factory->tenantName(task.tenant), filter);
    };

    // Pages follow task id order and resume after the last id returned, so tasks that come and go
    // between pages never shift the others: each task present throughout is listed exactly once.
    const bool filtered = site.has_value() || !filter.empty();
    std::uint64_t total = filtered ? 0 : m_tasks.size();
    if (filtered)
        for (const auto& [number, task] : m_tasks)
            total += matches(task) ? 1 : 0;
    auto it = request.page_token().empty() ? m_tasks.begin() : m_tasks.upper_bound(after);
    std::uint64_t last = 0;
    for (; it != m_tasks.end() && response->tasks_size() < pageSize; ++it)
        if (matches(it->second)) {
            *response->add_tasks() = taskProto(it->second);
            last = it->first;
        }
    while (it != m_tasks.end() && !matches(it->second))
        ++it;
    if (it != m_tasks.end() && response->tasks_size() > 0)
        response->set_next_page_token(taskIdOf(last));
    response->set_total_count(total);
    response->set_revision(m_events.currentRevision());
    return grpc::Status::OK;
}

} // namespace cpn::mock
