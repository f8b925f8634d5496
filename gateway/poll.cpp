// SlurmEngine, the poll side: what one reading of Slurm changes in the network, published as
// Watch events, recorded in the history, and raised or cleared as alarms.

#include "slurmengine.h"

#include "accelerators.h"
#include "alarmfacts.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <set>

namespace cpn::gateway {

namespace {

constexpr std::int64_t kFineStepMs = 60000;
constexpr std::int64_t kCompactEveryMs = 3600 * 1000;
constexpr std::int64_t kClearedKeptMs = 3600 * 1000;
constexpr std::int64_t kMigrationAlarmMs = 3600 * 1000;
constexpr std::int64_t kFinishedMigrationKeptMs = 3600 * 1000;
constexpr std::size_t kFinishedMigrationsKept = 1000;
constexpr double kProgressStep = 0.01; // smaller progress changes wait for the next real change
constexpr double kHighUtilisation = 0.9;
constexpr double kIdlePowerShare = 0.3; // IT power drawn by idle nodes, of the contracted power
constexpr const char* kSchedulerKey = "SCHEDULER_UNREACHABLE";

// key=value pairs of a job's comment, separated by ';', ',' or spaces.
std::map<std::string, std::string> commentKeys(const std::string& comment)
{
    std::map<std::string, std::string> keys;
    std::size_t p = 0;
    while (p < comment.size()) {
        const auto end = std::min(comment.find_first_of(";, ", p), comment.size());
        const std::string item = comment.substr(p, end - p);
        p = end + 1;
        const auto eq = item.find('=');
        if (eq != std::string::npos && eq > 0)
            keys[item.substr(0, eq)] = item.substr(eq + 1, 256);
    }
    return keys;
}

double number(const std::map<std::string, std::string>& keys, const char* key, double lo, double hi)
{
    const auto it = keys.find(key);
    if (it == keys.end())
        return 0;
    char* end = nullptr;
    const double d = std::strtod(it->second.c_str(), &end);
    return std::isfinite(d) ? std::clamp(d, lo, hi) : 0;
}

cpn::v1::TaskKind kindOf(const std::map<std::string, std::string>& keys, const std::string& name)
{
    std::string text = keys.count("kind") ? keys.at("kind") : name;
    std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    auto has = [&](const char* s) { return text.find(s) != std::string::npos; };
    if (has("train") || has("finetune") || has("fine-tune"))
        return cpn::v1::TASK_KIND_TRAINING;
    if (has("infer") || has("serv"))
        return cpn::v1::TASK_KIND_INFERENCE;
    if (has("render"))
        return cpn::v1::TASK_KIND_RENDERING;
    if (has("scien") || has("sim") || has("cfd") || has("climate") || has("md-"))
        return cpn::v1::TASK_KIND_SCIENTIFIC;
    if (has("stor") || has("backup") || has("archive"))
        return cpn::v1::TASK_KIND_STORAGE;
    return cpn::v1::TASK_KIND_BATCH;
}

std::string removalReason(const SlurmJob* job)
{
    if (!job)
        return "left the queue";
    std::string s = job->state;
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    std::replace(s.begin(), s.end(), '_', ' ');
    return s; // completed, cancelled, failed, timeout, node fail, preempted, out of memory...
}

bool sameTaskBut(const cpn::v1::Task& a, const cpn::v1::Task& b)
{
    cpn::v1::Task x = a;
    x.set_progress(b.progress());
    x.set_expected_end_time_ms(b.expected_end_time_ms());
    return x.SerializeAsString() == b.SerializeAsString() && std::abs(a.progress() - b.progress()) < kProgressStep;
}

} // namespace

std::optional<std::uint32_t> SlurmEngine::siteOfPartition(const std::string& partition) const
{
    // A job may name several partitions ("a,b"): the first that is a site.
    std::size_t p = 0;
    while (p <= partition.size()) {
        const auto end = std::min(partition.find(',', p), partition.size());
        if (const auto* entry = m_config.findPartition(partition.substr(p, end - p)))
            return m_siteIndex.at(entry->site.id());
        p = end + 1;
    }
    return std::nullopt;
}

void SlurmEngine::apply(const SlurmView& view, std::int64_t nowMs)
{
    m_lastPollMs = nowMs;
    if (!m_reachable) {
        m_reachable = true;
        m_unreachableWhy.clear();
    }
    applySites(view);
    applyTasks(view, nowMs);
    applyMetrics(view, nowMs);
    applyAlarms(view, nowMs);
    recordHistory(nowMs);
    forgetFinishedMigrations(nowMs);
    m_polledOnce = true;
    flush();
}

void SlurmEngine::forgetFinishedMigrations(std::int64_t nowMs)
{
    // Finished migrations stay in snapshots for an hour, at most kFinishedMigrationsKept of them;
    // the state store keeps them for a week (a repeated request finds its answer there).
    std::vector<std::pair<std::int64_t, std::string>> finished;
    for (const auto& [id, run] : m_runs)
        if (run.finished())
            finished.emplace_back(run.proto.updated_time_ms(), id);
    std::sort(finished.begin(), finished.end());
    for (std::size_t i = 0; i < finished.size(); ++i)
        if (finished[i].first < nowMs - kFinishedMigrationKeptMs || finished.size() - i > kFinishedMigrationsKept)
            m_runs.erase(finished[i].second);
}

void SlurmEngine::applySites(const SlurmView& view)
{
    for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
        const std::string& partition = m_config.sites[s].partition;
        Capacity capacity;
        std::size_t nodes = 0, down = 0, drained = 0, troubled = 0;
        for (const auto& node : view.nodes) {
            if (std::find(node.partitions.begin(), node.partitions.end(), partition) == node.partitions.end())
                continue;
            ++nodes;
            capacity.nodes.push_back(node.name);
            const bool usable = !node.down() && !node.drained() && !node.invalid();
            down += node.down();
            drained += !node.down() && node.drained();
            troubled += !usable;
            if (node.gpus.empty()) { // a CPU server
                capacity.installed[cpn::v1::ARCHITECTURE_CPU] += 1;
                capacity.used[cpn::v1::ARCHITECTURE_CPU] += node.allocCpus * 2 > node.cpus ? 1 : 0;
                if (usable && node.allocCpus == 0)
                    capacity.largestFree[cpn::v1::ARCHITECTURE_CPU] = 1;
                continue;
            }
            for (const auto& [type, count] : node.gpus) {
                auto arch = architectureOf(type);
                if (arch == cpn::v1::ARCHITECTURE_UNSPECIFIED)
                    arch = cpn::v1::ARCHITECTURE_NVIDIA_GPU; // an untyped or unknown GPU
                const auto usedIt = node.gpusUsed.find(type);
                const std::uint32_t used = std::min(count, usedIt == node.gpusUsed.end() ? 0u : usedIt->second);
                capacity.installed[arch] += count;
                capacity.used[arch] += used;
                if (usable)
                    capacity.largestFree[arch] = std::max(capacity.largestFree[arch], count - used);
            }
        }
        std::string state;
        for (const auto& p : view.partitions)
            if (p.name == partition)
                state = p.state;
        m_partitionState[s] = state;

        cpn::v1::Site site = m_sites[s];
        site.clear_capacity();
        for (const auto& [arch, cards] : capacity.installed) {
            auto* c = site.add_capacity();
            c->set_architecture(arch);
            c->set_cards(cards);
            c->set_pflops(std::round(cards * server::pflopsPerCard(arch) * 1000) / 1000);
            // CPU servers are general computing; the accelerators as the sites file reports them.
            const bool cpu = arch == cpn::v1::ARCHITECTURE_CPU;
            c->set_compute_class(cpu ? cpn::v1::COMPUTE_CLASS_GENERAL : m_config.sites[s].computeClass);
            c->set_inference_pflops(
                cpu ? 0.0 : std::round(c->pflops() * m_config.sites[s].inferenceShare * 1000) / 1000);
        }
        if (state == "DOWN" || state == "INACTIVE" || state.empty() || nodes == 0 || down == nodes)
            site.set_status(cpn::v1::SITE_STATUS_OFFLINE);
        else if (state == "DRAIN" || down + drained == nodes)
            site.set_status(cpn::v1::SITE_STATUS_MAINTENANCE);
        else if (troubled > 0)
            site.set_status(cpn::v1::SITE_STATUS_DEGRADED);
        else
            site.set_status(cpn::v1::SITE_STATUS_ONLINE);
        m_capacity[s] = std::move(capacity);
        if (site.SerializeAsString() != m_sites[s].SerializeAsString() || !m_polledOnce) {
            m_sites[s] = site;
            if (m_polledOnce) {
                cpn::v1::WatchEvent event;
                *event.mutable_site() = site;
                m_pending.push_back(std::move(event));
            }
        }
    }
}

cpn::v1::Task SlurmEngine::taskOf(const SlurmJob& job, std::uint32_t site, std::int64_t nowMs) const
{
    const auto keys = commentKeys(job.comment);
    cpn::v1::Task t;
    t.set_id(job.id);
    t.set_name(job.name);
    t.set_kind(kindOf(keys, job.name));
    t.set_state(job.pending() ? cpn::v1::TASK_STATE_QUEUED : cpn::v1::TASK_STATE_RUNNING);
    t.set_site_id(m_sites[site].id());
    // The architecture: the job's constraint, else what its site has.
    cpn::v1::Architecture arch = cpn::v1::ARCHITECTURE_UNSPECIFIED;
    std::size_t p = 0;
    while (p < job.features.size() && arch == cpn::v1::ARCHITECTURE_UNSPECIFIED) {
        const auto end = std::min(job.features.find_first_of("&|,[]*", p), job.features.size());
        arch = architectureOf(job.features.substr(p, end - p));
        p = end + 1;
    }
    if (arch == cpn::v1::ARCHITECTURE_UNSPECIFIED && job.gpus > 0 && !m_capacity[site].installed.empty())
        arch = m_capacity[site].installed.begin()->first;
    if (arch == cpn::v1::ARCHITECTURE_UNSPECIFIED || job.gpus == 0)
        arch = job.gpus > 0 ? cpn::v1::ARCHITECTURE_NVIDIA_GPU : cpn::v1::ARCHITECTURE_CPU;
    t.set_architecture(arch);
    t.set_cards(job.gpus > 0 ? job.gpus : job.nodeCount);
    t.set_pflops(t.cards() * server::pflopsPerCard(arch));
    if (keys.count("users") && m_siteIndex.count(keys.at("users")))
        t.set_users_site_id(keys.at("users"));
    t.set_latency_slo_ms(number(keys, keys.count("slo_ms") ? "slo_ms" : "latency_slo_ms", 0, 100000));
    if (keys.count("regions")) {
        const std::string& list = keys.at("regions");
        std::size_t q = 0;
        while (q < list.size()) {
            const auto end = std::min(list.find_first_of("+|", q), list.size());
            if (end > q)
                t.add_allowed_region_ids(list.substr(q, end - q));
            q = end + 1;
        }
    }
    t.set_data_gb(number(keys, "data_gb", 0, 1e7));
    t.set_submitted_time_ms(job.submitTimeS * 1000);
    if (!job.pending() && job.startTimeS > 0) {
        const double elapsedS = double(nowMs) / 1000 - double(job.startTimeS);
        if (job.timeLimitMin > 0) {
            t.set_expected_end_time_ms((job.startTimeS + job.timeLimitMin * 60) * 1000);
            t.set_progress(std::clamp(elapsedS / double(job.timeLimitMin * 60), 0.0, 1.0));
        }
    }
    t.set_tenant(keys.count("tenant") ? keys.at("tenant") : !job.account.empty() ? job.account : job.user);
    return t;
}

void SlurmEngine::applyTasks(const SlurmView& view, std::int64_t nowMs)
{
    std::map<std::string, const MigrationRun*> moving; // by job id
    for (const auto& [id, run] : m_runs)
        if (!run.finished())
            moving[run.jobId] = &run;

    std::map<std::uint64_t, SlurmJob> jobs;
    std::set<std::uint64_t> present;
    // A job whose lines are ambiguous stays as it was last seen (its task too) until it reads
    // clearly again: users' text must not move or remove anything.
    for (const auto& id : view.ambiguousJobs) {
        const std::uint64_t number = std::stoull(id);
        if (const auto old = m_jobs.find(number); old != m_jobs.end())
            jobs[number] = old->second;
        if (m_tasks.count(number))
            present.insert(number);
    }
    for (const auto& job : view.jobs) {
        const std::uint64_t number = std::stoull(job.id);
        if (view.ambiguousJobs.count(job.id))
            continue;
        jobs[number] = job;
        auto site = siteOfPartition(job.partition);
        if (!site || job.finished())
            continue;
        cpn::v1::Task task = taskOf(job, *site, nowMs);
        if (const auto it = moving.find(job.id); it != moving.end()) {
            // Until it runs at the target, a moving task belongs where it came from.
            task.set_state(cpn::v1::TASK_STATE_MIGRATING);
            task.set_site_id(it->second->proto.source_site_id());
        }
        present.insert(number);
        const auto old = m_tasks.find(number);
        if (old != m_tasks.end() && sameTaskBut(old->second, task))
            continue;
        m_tasks[number] = task;
        cpn::v1::WatchEvent event;
        *event.mutable_task() = std::move(task);
        m_pending.push_back(std::move(event));
    }
    for (auto it = m_tasks.begin(); it != m_tasks.end();) {
        if (present.count(it->first)) {
            ++it;
            continue;
        }
        const auto job = jobs.find(it->first);
        cpn::v1::WatchEvent event;
        auto* removed = event.mutable_task_removed();
        removed->set_task_id(it->second.id());
        removed->set_site_id(it->second.site_id());
        removed->set_reason(removalReason(job == jobs.end() ? nullptr : &job->second));
        m_pending.push_back(std::move(event));
        it = m_tasks.erase(it);
    }
    m_jobs = std::move(jobs);
    m_ambiguousJobs = view.ambiguousJobs;
}

void SlurmEngine::applyMetrics(const SlurmView& view, std::int64_t nowMs)
{
    (void)view;
    std::vector<std::uint32_t> queued(m_sites.size(), 0), running(m_sites.size(), 0);
    for (const auto& [number, task] : m_tasks) {
        const auto s = m_siteIndex.at(task.site_id());
        queued[s] += task.state() == cpn::v1::TASK_STATE_QUEUED;
        running[s] += task.state() != cpn::v1::TASK_STATE_QUEUED;
    }
    m_siteMetrics.resize(m_sites.size());
    cpn::v1::WatchEvent event;
    event.set_sim_time_ms(nowMs);
    auto* batch = event.mutable_metrics();
    batch->set_sample_time_ms(nowMs);
    for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
        const auto& entry = m_config.sites[s];
        const auto& capacity = m_capacity[s];
        cpn::v1::SiteMetrics m;
        m.set_site_id(m_sites[s].id());
        m.set_sample_time_ms(nowMs);
        double installed = 0, used = 0;
        for (const auto& [arch, cards] : capacity.installed) {
            const auto usedIt = capacity.used.find(arch);
            const std::uint32_t u = usedIt == capacity.used.end() ? 0 : usedIt->second;
            auto* use = m.add_usage();
            use->set_architecture(arch);
            use->set_cards_used(u);
            use->set_pflops_used(u * server::pflopsPerCard(arch));
            use->set_utilisation(cards > 0 ? double(u) / cards : 0);
            installed += cards * server::pflopsPerCard(arch);
            used += u * server::pflopsPerCard(arch);
        }
        const double utilisation = installed > 0 ? used / installed : 0;
        m.set_utilisation(utilisation);
        // An estimate: Slurm does not meter power. Idle draw plus a share by allocation, at the
        // site's PUE (the sites file's figures).
        m.set_power_mw(m_sites[s].status() == cpn::v1::SITE_STATUS_OFFLINE
                ? 0
                : entry.site.power_capacity_mw() * (kIdlePowerShare + (1 - kIdlePowerShare) * utilisation) * entry.pue);
        m.set_pue(entry.pue);
        m.set_green_share(entry.greenShare);
        m.set_price_cny_per_kwh(entry.priceCnyPerKwh);
        m.set_queue_length(queued[s]);
        m.set_running_tasks(running[s]);
        m.set_racks_in_use(entry.racksInUse);
        m.set_storage_used_pb(entry.storageUsedPb);
        m_siteMetrics[s] = m;
        *batch->add_sites() = std::move(m);
    }
    // Links carry the migrations' transfers; Slurm knows nothing of the backbone.
    std::vector<double> ab(m_config.links.size(), 0), ba(m_config.links.size(), 0);
    for (const auto& [id, run] : m_runs) {
        if (run.phase != Phase::Transferring || run.transferSeconds <= 0)
            continue;
        const double gbps = double(run.proto.bytes_total()) * 8 / 1e9 / run.transferSeconds;
        std::string at = run.proto.source_site_id();
        for (const auto& linkId : run.proto.path_link_ids())
            for (std::size_t l = 0; l < m_config.links.size(); ++l)
                if (m_config.links[l].id() == linkId) {
                    const bool forward = m_config.links[l].site_a_id() == at;
                    (forward ? ab : ba)[l] += gbps;
                    at = forward ? m_config.links[l].site_b_id() : m_config.links[l].site_a_id();
                }
    }
    m_linkMetrics.resize(m_config.links.size());
    for (std::size_t l = 0; l < m_config.links.size(); ++l) {
        const auto& link = m_config.links[l];
        cpn::v1::LinkMetrics m;
        m.set_link_id(link.id());
        m.set_sample_time_ms(nowMs);
        m.set_throughput_ab_gbps(std::min(ab[l], link.capacity_gbps()));
        m.set_throughput_ba_gbps(std::min(ba[l], link.capacity_gbps()));
        m.set_utilisation(std::max(m.throughput_ab_gbps(), m.throughput_ba_gbps()) / link.capacity_gbps());
        m.set_latency_ms(link.latency_ms());
        m_linkMetrics[l] = m;
        *batch->add_links() = std::move(m);
    }
    m_pending.push_back(std::move(event));
}

void SlurmEngine::raise(const std::string& key, cpn::v1::AlarmSeverity severity, const std::string& sourceId,
    const std::string& code, const std::string& message, std::int64_t nowMs, std::map<std::string, bool>& seen,
    const cpn::v1::Alarm& facts)
{
    seen[key] = true;
    auto it = m_alarms.find(key);
    if (it != m_alarms.end() && it->second.cleared_time_ms() == 0 && it->second.severity() == severity
        && it->second.message() == message)
        return;
    cpn::v1::Alarm alarm;
    if (it != m_alarms.end() && it->second.cleared_time_ms() == 0) {
        alarm = it->second; // the same alarm, worded anew
    } else {
        alarm.set_id(key + "@" + std::to_string(nowMs / 1000));
        alarm.set_raised_time_ms(nowMs);
    }
    alarm.set_severity(severity);
    alarm.set_source_id(sourceId);
    alarm.set_code(code);
    alarm.set_message(message);
    server::setParticulars(alarm, facts);
    m_alarms[key] = alarm;
    m_store.saveAlarm(key, alarm);
    cpn::v1::WatchEvent event;
    event.set_sim_time_ms(nowMs);
    *event.mutable_alarm() = std::move(alarm);
    m_pending.push_back(std::move(event));
}

void SlurmEngine::applyAlarms(const SlurmView& view, std::int64_t nowMs)
{
    std::map<std::string, bool> seen;
    for (const auto& node : view.nodes) {
        std::optional<std::uint32_t> site;
        for (const auto& p : node.partitions)
            if (!site)
                site = siteOfPartition(p);
        if (!site)
            continue;
        const std::string& siteId = m_sites[*site].id();
        const std::string why = node.reason.empty() ? "" : ": " + node.reason;
        cpn::v1::Alarm facts;
        facts.set_related_id(node.name);
        facts.set_detail(node.reason);
        if (node.down())
            raise("NODE_DOWN:" + node.name, cpn::v1::ALARM_SEVERITY_MAJOR, siteId,
                node.state == "down" ? "NODE_DOWN" : "NODE_NOT_RESPONDING",
                "Node " + node.name + (node.state == "down" ? " is down" : " does not respond") + why, nowMs, seen,
                facts);
        else if (node.invalid())
            raise("NODE_INVALID:" + node.name, cpn::v1::ALARM_SEVERITY_MAJOR, siteId, "NODE_INVALID",
                "Node " + node.name + " registered with less than configured" + why, nowMs, seen, facts);
        else if (node.drained() && !node.reason.starts_with(kOurDrainReason))
            raise("NODE_DRAINED:" + node.name, cpn::v1::ALARM_SEVERITY_WARNING, siteId, "NODE_DRAINED",
                "Node " + node.name + " is drained" + why, nowMs, seen, facts);
    }
    for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
        const auto& site = m_sites[s];
        cpn::v1::Alarm facts;
        if (site.status() == cpn::v1::SITE_STATUS_OFFLINE) {
            facts.set_detail("partition " + m_config.sites[s].partition);
            raise("SITE_OFFLINE:" + site.id(), cpn::v1::ALARM_SEVERITY_CRITICAL, site.id(), "SITE_OFFLINE",
                site.name_en() + " (partition " + m_config.sites[s].partition + ") is offline", nowMs, seen, facts);
        } else if (m_siteMetrics[s].utilisation() >= kHighUtilisation) {
            const double percent = std::round(m_siteMetrics[s].utilisation() * 100);
            facts.set_value(percent / 100);
            facts.set_threshold(kHighUtilisation);
            facts.set_unit("ratio");
            raise("SITE_HIGH_UTILISATION:" + site.id(), cpn::v1::ALARM_SEVERITY_WARNING, site.id(),
                "SITE_HIGH_UTILISATION", site.name_en() + " is " + std::to_string(int(percent)) + "% allocated", nowMs,
                seen, facts);
        }
    }
    // Clear what no longer holds; forget what was cleared long ago.
    for (auto it = m_alarms.begin(); it != m_alarms.end();) {
        auto& [key, alarm] = *it;
        const bool polled = !key.starts_with("MIGRATION_FAILED:");
        const bool expired = !polled && nowMs - alarm.raised_time_ms() > kMigrationAlarmMs;
        if (alarm.cleared_time_ms() == 0 && ((polled && !seen.count(key)) || expired)) {
            alarm.set_cleared_time_ms(nowMs);
            m_store.saveAlarm(key, alarm);
            cpn::v1::WatchEvent event;
            event.set_sim_time_ms(nowMs);
            *event.mutable_alarm() = alarm;
            m_pending.push_back(std::move(event));
        }
        if (alarm.cleared_time_ms() != 0 && nowMs - alarm.cleared_time_ms() > kClearedKeptMs) {
            m_store.forgetAlarm(key);
            it = m_alarms.erase(it);
        } else {
            ++it;
        }
    }
}

void SlurmEngine::setUnreachable(const std::string& why, std::int64_t nowMs)
{
    if (!m_reachable && why == m_unreachableWhy)
        return;
    m_reachable = false;
    m_unreachableWhy = why;
    std::map<std::string, bool> seen;
    // Every polled alarm stays as it was: the last state is kept, and said to be old.
    for (const auto& [key, alarm] : m_alarms)
        seen[key] = true;
    const std::time_t last = std::time_t(m_lastPollMs / 1000);
    char when[32] = "never";
    if (m_lastPollMs > 0)
        std::strftime(when, sizeof when, "%H:%M:%S UTC", std::gmtime(&last));
    cpn::v1::Alarm facts;
    facts.set_detail(why.substr(0, 200));
    raise(kSchedulerKey, cpn::v1::ALARM_SEVERITY_CRITICAL, "slurmctld", kSchedulerKey,
        "The Slurm controller does not answer (" + why.substr(0, 200) + "); the state shown is from " + when,
        nowMs, seen, facts);
    flush();
}

void SlurmEngine::recordHistory(std::int64_t nowMs)
{
    if (nowMs < m_nextSampleMs)
        return;
    const std::int64_t t = nowMs - nowMs % kFineStepMs;
    m_nextSampleMs = t + kFineStepMs;
    std::vector<Sample> samples;
    struct Sums {
        double installed = 0, used = 0, power = 0, pueW = 0, priceW = 0, greenW = 0;
        std::map<cpn::v1::Architecture, std::pair<double, double>> arch; // installed, used
    };
    std::map<std::string, Sums> regions;
    for (std::uint32_t s = 0; s < m_sites.size(); ++s) {
        const auto& m = m_siteMetrics[s];
        const std::string& id = m_sites[s].id();
        Sums& r = regions[m_sites[s].region_id()];
        samples.push_back({ id, "utilisation", m.utilisation() });
        for (const auto& use : m.usage()) {
            const auto arch = use.architecture();
            samples.push_back(
                { id, std::string("utilisation:") + server::architectureMetricName(arch), use.utilisation() });
            const double installed = m_capacity[s].installed.at(arch) * server::pflopsPerCard(arch);
            r.arch[arch].first += installed;
            r.arch[arch].second += use.pflops_used();
            r.installed += installed;
            r.used += use.pflops_used();
        }
        samples.push_back({ id, "power_mw", m.power_mw() });
        samples.push_back({ id, "pue", m.pue() });
        samples.push_back({ id, "price_cny_per_kwh", m.price_cny_per_kwh() });
        samples.push_back({ id, "green_share", m.green_share() });
        samples.push_back({ id, "status", double(m_sites[s].status()) }); // for GetMetricsAt only
        r.power += m.power_mw();
        r.pueW += m.pue() * m.power_mw();
        r.priceW += m.price_cny_per_kwh() * m.power_mw();
        r.greenW += m.green_share() * m.power_mw();
    }
    for (const auto& [id, r] : regions) {
        if (id.empty())
            continue;
        samples.push_back({ id, "utilisation", r.installed > 0 ? r.used / r.installed : 0 });
        for (const auto& [arch, iu] : r.arch)
            samples.push_back({ id, std::string("utilisation:") + server::architectureMetricName(arch),
                iu.first > 0 ? iu.second / iu.first : 0 });
        samples.push_back({ id, "power_mw", r.power });
        if (r.power > 0) {
            samples.push_back({ id, "pue", r.pueW / r.power });
            samples.push_back({ id, "price_cny_per_kwh", r.priceW / r.power });
            samples.push_back({ id, "green_share", r.greenW / r.power });
        }
    }
    for (const auto& m : m_linkMetrics) {
        samples.push_back({ m.link_id(), "utilisation", m.utilisation() });
        samples.push_back({ m.link_id(), "throughput_ab_gbps", m.throughput_ab_gbps() });
        samples.push_back({ m.link_id(), "throughput_ba_gbps", m.throughput_ba_gbps() });
        samples.push_back({ m.link_id(), "latency_ms", m.latency_ms() });
    }
    m_store.recordSamples(t, samples);
    if (nowMs >= m_nextCompactMs) {
        m_store.compact(nowMs);
        m_store.forgetMigrationsBefore(nowMs - 7LL * 24 * 3600 * 1000);
        m_nextCompactMs = nowMs + kCompactEveryMs;
        // The timeline keeps what the samples cover.
        m_events.timeline().forgetEndedBefore(m_store.sampleSpan().fromMs);
    }
}

} // namespace cpn::gateway
