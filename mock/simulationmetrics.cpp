// Simulation: live metrics of sites and links, threshold alarms and the metric history.

#include "simulation.h"

#include "dailycycle.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace cpn::mock {

namespace {

constexpr double kSiteAlarmRaise = 0.90; // WARNING above this utilisation
constexpr double kSiteAlarmClear = 0.85;
constexpr double kLinkAlarmRaise = 0.85; // MAJOR above this utilisation
constexpr double kLinkAlarmClear = 0.80;
constexpr std::int64_t kHistoryStepMs = 60000;
constexpr std::size_t kHistoryFrames = 1440; // 24 h at 1-min steps
constexpr std::size_t kHistoryValueBudget = 30'000'000; // floats held, all entities and frames
constexpr std::size_t kClearedAlarmsKept = 200;
constexpr double kNoiseTimeConstantSeconds = 600;

// Share of a running task's peak compute it uses at this hour.
double activity(std::size_t kind, double hour, bool western)
{
    switch (kind) {
    case cpn::v1::TASK_KIND_TRAINING:
        return 0.95;
    case cpn::v1::TASK_KIND_INFERENCE:
        return 0.1 + 0.9 * dailyDemand(hour, western);
    case cpn::v1::TASK_KIND_BATCH:
        return 0.88;
    case cpn::v1::TASK_KIND_RENDERING:
        return 0.92;
    case cpn::v1::TASK_KIND_SCIENTIFIC:
        return 0.8;
    case cpn::v1::TASK_KIND_STORAGE:
        return 0.35;
    default:
        return 0;
    }
}

double round3(double v)
{
    return std::round(v * 1000) / 1000;
}

std::string percent(double ratio)
{
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", ratio * 100);
    return buffer;
}

} // namespace

void Simulation::initialiseLinks()
{
    m_links.resize(m_topology.links.size());
    for (std::size_t l = 0; l < m_links.size(); ++l) {
        const auto [a, b] = m_topology.linkEnds[l];
        const auto tierA = m_topology.sites[a].tier();
        const auto tierB = m_topology.sites[b].tier();
        auto& link = m_links[l];
        if (tierA == cpn::v1::SITE_TIER_NATIONAL_HUB && tierB == cpn::v1::SITE_TIER_NATIONAL_HUB)
            link.baseUtilisation = m_random.uniform(0.08, 0.25); // inter-hub: about 16 % on average
        else if (tierA == cpn::v1::SITE_TIER_CLUSTER || tierB == cpn::v1::SITE_TIER_CLUSTER)
            link.baseUtilisation = m_random.uniform(0.2, 0.45);
        else if (tierA == cpn::v1::SITE_TIER_EDGE || tierB == cpn::v1::SITE_TIER_EDGE)
            link.baseUtilisation = m_random.uniform(0.1, 0.5);
        else
            link.baseUtilisation = m_random.uniform(0.15, 0.45);
        if (m_random.chance(0.015)) // a few hot spots
            link.baseUtilisation = m_random.uniform(0.75, 0.97);
        link.reverseRatio = m_random.uniform(0.4, 0.95);
        link.abBusier = m_random.chance(0.5);
        link.noise = m_random.normal() * 0.5;
    }
}

double Simulation::siteActivePflops(std::uint32_t site, std::size_t arch) const
{
    const double hour = localHour(m_nowMs);
    const bool western = m_topology.economy[site].western;
    const auto& slot = m_sites[site].slots[arch];
    double active = 0;
    for (std::size_t k = 0; k < kTaskKindSlots; ++k)
        if (slot.pflopsByKind[k] > 0)
            active += slot.pflopsByKind[k] * activity(k, hour, western);
    return active;
}

void Simulation::updateMetrics(double seconds)
{
    const double hour = localHour(m_nowMs);
    const double decay = std::exp(-seconds / kNoiseTimeConstantSeconds);
    const double shock = std::sqrt(std::max(0.0, 1 - decay * decay));

    cpn::v1::MetricsBatch batch;
    batch.set_sample_time_ms(m_nowMs);
    batch.mutable_sites()->Reserve(int(m_sites.size()));
    for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
        auto& site = m_sites[s];
        const auto& economy = m_topology.economy[s];
        site.noise = site.noise * decay + shock * m_random.normal();
        auto* metrics = batch.add_sites();
        metrics->set_site_id(m_topology.sites[s].id());
        metrics->set_sample_time_ms(m_nowMs);
        double installed = 0;
        double active = 0;
        for (std::size_t a = 1; a < kArchitectureSlots; ++a) {
            const auto& slot = site.slots[a];
            if (slot.installed == 0)
                continue;
            const double capacity = slot.installed * slot.pflopsPerCard;
            const double used = std::clamp(siteActivePflops(s, a) * (1 + 0.04 * site.noise), 0.0, capacity);
            installed += capacity;
            active += used;
            auto* use = metrics->add_usage();
            use->set_architecture(cpn::v1::Architecture(a));
            use->set_cards_used(slot.used + slot.reserved);
            use->set_pflops_used(round3(used));
            use->set_utilisation(std::clamp(used / capacity, 0.0, 1.0));
        }
        site.utilisation = installed > 0 ? std::clamp(active / installed, 0.0, 1.0) : 0.0;
        metrics->set_utilisation(site.utilisation);
        const double pue = std::max(
            1.05, economy.basePue + 0.03 * warmth(hour) - 0.015 + 0.02 * (0.6 - site.utilisation) + 0.004 * site.noise);
        const double itPower = m_topology.sites[s].power_capacity_mw() * (0.3 + 0.7 * site.utilisation);
        metrics->set_pue(round3(pue));
        metrics->set_power_mw(round3(itPower * pue));
        const double solar = (economy.western ? 0.08 : 0.04) * (sunshine(hour) - 0.5);
        metrics->set_green_share(round3(std::clamp(economy.baseGreenShare + solar, 0.0, 1.0)));
        metrics->set_price_cny_per_kwh(round3(economy.basePriceCnyPerKwh * tariffFactor(hour)));
        metrics->set_queue_length(site.queued);
        metrics->set_running_tasks(site.running);
    }

    batch.mutable_links()->Reserve(int(m_links.size()));
    for (std::size_t l = 0; l < m_links.size(); ++l) {
        auto& link = m_links[l];
        const auto& proto = m_topology.links[l];
        const auto [a, b] = m_topology.linkEnds[l];
        link.noise = link.noise * decay + shock * m_random.normal();
        const double capacity = proto.capacity_gbps();
        const double demand = 0.5
            * (dailyDemand(hour, m_topology.economy[a].western) + dailyDemand(hour, m_topology.economy[b].western));
        double background = 0;
        if (proto.status() != cpn::v1::LINK_STATUS_DOWN)
            background = std::clamp(link.baseUtilisation * (0.7 + 0.5 * demand) * (1 + 0.06 * link.noise), 0.0, 0.98)
                * capacity;
        const double quiet = background * link.reverseRatio;
        link.throughputAbGbps = std::min(capacity, (link.abBusier ? background : quiet) + link.migrationAbGbps);
        link.throughputBaGbps = std::min(capacity, (link.abBusier ? quiet : background) + link.migrationBaGbps);
        link.utilisation = capacity > 0 ? std::max(link.throughputAbGbps, link.throughputBaGbps) / capacity : 0;
        auto* metrics = batch.add_links();
        metrics->set_link_id(proto.id());
        metrics->set_sample_time_ms(m_nowMs);
        metrics->set_throughput_ab_gbps(round3(link.throughputAbGbps));
        metrics->set_throughput_ba_gbps(round3(link.throughputBaGbps));
        metrics->set_utilisation(std::clamp(link.utilisation, 0.0, 1.0));
        const double congestion = std::max(0.0, link.utilisation - 0.7);
        metrics->set_latency_ms(
            round3(proto.latency_ms() * (1 + 0.02 * std::fabs(link.noise) + 0.6 * congestion * congestion)));
        metrics->set_loss_ratio(
            link.utilisation > 0.8 ? 1e-5 + (link.utilisation - 0.8) * 0.01 : 1e-6 * (1 + std::fabs(link.noise)));
    }

    m_lastMetrics = batch;
    cpn::v1::WatchEvent event;
    *event.mutable_metrics() = std::move(batch);
    emit(std::move(event));
}

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

} // namespace cpn::mock
