// Simulation: the metric history behind QueryHistory.

#include "simulation.h"

#include "dailycycle.h"

#include <algorithm>

namespace cpn::mock {

namespace {

constexpr std::int64_t kHistoryStepMs = 60000;
constexpr std::size_t kHistoryFrames = 1440; // 24 h at 1-min steps
constexpr std::size_t kHistoryValueBudget = 30'000'000; // floats held, all entities and frames
constexpr std::int64_t kMaxHistoryPoints = 100000; // per QueryHistory answer

} // namespace

std::vector<float> Simulation::currentHistoryFrame() const
{
    std::vector<float> frame;
    frame.reserve(m_sites.size() + m_links.size());
    for (const auto& site : m_sites)
        frame.push_back(float(site.utilisation));
    for (const auto& link : m_links)
        frame.push_back(float(std::clamp(link.utilisation, 0.0, 1.0)));
    return frame;
}

void Simulation::initialiseHistory()
{
    const std::size_t entities = m_sites.size() + m_links.size();
    const std::size_t frames
        = std::clamp<std::size_t>(kHistoryValueBudget / std::max<std::size_t>(1, entities), 60, kHistoryFrames);
    m_history = MetricHistory(entities, frames, kHistoryStepMs);

    // Backfill the past with the daily shape around today's values, so charts have a history at once.
    const double hourNow = localHour(m_nowMs);
    std::vector<float> frame(entities);
    for (std::size_t f = frames - 1; f > 0; --f) {
        const std::int64_t t = m_nowMs - std::int64_t(f) * kHistoryStepMs;
        const double hour = localHour(t);
        for (std::size_t s = 0; s < m_sites.size(); ++s) {
            const bool west = m_topology.economy[s].western;
            const double shape = 0.75 + 0.25 * dailyDemand(hour, west) / dailyDemand(hourNow, west);
            const double wobble = 1 + 0.04 * (hashUnit(s, std::uint64_t(t)) - 0.5);
            frame[s] = float(std::clamp(m_sites[s].utilisation * shape * wobble, 0.0, 1.0));
        }
        for (std::size_t l = 0; l < m_links.size(); ++l) {
            const auto [a, b] = m_topology.linkEnds[l];
            const double demand = 0.5
                * (dailyDemand(hour, m_topology.economy[a].western) + dailyDemand(hour, m_topology.economy[b].western));
            const double wobble = 1 + 0.12 * (hashUnit(m_sites.size() + l, std::uint64_t(t)) - 0.5);
            frame[m_sites.size() + l]
                = float(std::clamp(m_links[l].baseUtilisation * (0.7 + 0.5 * demand) * wobble, 0.0, 0.98));
        }
        m_history.record(t, frame);
    }
    m_history.record(m_nowMs, currentHistoryFrame());
    m_nextHistoryMs = m_nowMs + kHistoryStepMs;
}

void Simulation::recordHistory()
{
    if (m_nextHistoryMs > m_nowMs)
        return;
    const std::vector<float> frame = currentHistoryFrame();
    // After a long jump only the newest frames matter.
    const std::int64_t due = (m_nowMs - m_nextHistoryMs) / kHistoryStepMs + 1;
    const auto capacity = std::int64_t(kHistoryFrames);
    if (due > capacity)
        m_nextHistoryMs += (due - capacity) * kHistoryStepMs;
    for (; m_nextHistoryMs <= m_nowMs; m_nextHistoryMs += kHistoryStepMs)
        m_history.record(m_nextHistoryMs, frame);
}

grpc::Status Simulation::queryHistory(
    const cpn::v1::QueryHistoryRequest& request, cpn::v1::QueryHistoryResponse* response) const
{
    if (request.entity_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "entity_id is empty" };
    if (request.to_ms() < request.from_ms())
        return { grpc::StatusCode::INVALID_ARGUMENT, "to_ms is before from_ms" };
    if (request.step_ms() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "step_ms must not be negative" };
    if (request.metric() != "utilisation")
        return { grpc::StatusCode::INVALID_ARGUMENT,
            "unknown metric '" + request.metric() + "'; this server keeps: utilisation" };
    if (request.step_ms() > 0 && (request.to_ms() - request.from_ms()) / request.step_ms() > kMaxHistoryPoints)
        return { grpc::StatusCode::INVALID_ARGUMENT, "too many points: raise step_ms" };

    std::lock_guard lock(m_mutex);
    std::vector<std::pair<std::size_t, double>> entities;
    if (auto site = siteIndex(request.entity_id())) {
        entities.emplace_back(*site, 1.0);
    } else if (auto link = m_linkIndex.find(request.entity_id()); link != m_linkIndex.end()) {
        entities.emplace_back(m_sites.size() + link->second, 1.0);
    } else if (auto region = m_regionIndex.find(request.entity_id()); region != m_regionIndex.end()) {
        // A region's utilisation: its sites' utilisation weighted by their installed PFLOPS.
        for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
            if (m_topology.siteRegion[s] != region->second)
                continue;
            double pflops = 0;
            for (const auto& c : m_topology.sites[s].capacity())
                pflops += c.pflops();
            entities.emplace_back(s, pflops);
        }
    } else {
        return { grpc::StatusCode::NOT_FOUND, "unknown entity_id " + request.entity_id() };
    }
    response->set_entity_id(request.entity_id());
    response->set_metric(request.metric());
    response->set_unit("ratio");
    for (const auto& sample :
        m_history.queryWeighted(entities, request.from_ms(), request.to_ms(), request.step_ms())) {
        auto* point = response->add_points();
        point->set_time_ms(sample.timeMs);
        point->set_value(sample.value);
    }
    return grpc::Status::OK;
}

} // namespace cpn::mock
