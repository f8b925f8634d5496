// SlurmEngine: its life (open, the poll thread, stop) and the reading side of the API.

#include "slurmengine.h"

#include "accelerators.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

namespace cpn::gateway {

namespace {

constexpr int kDefaultPageSize = 1000;
constexpr int kMaxPageSize = 5000;
constexpr std::size_t kMaxHistoryPoints = 100000;
constexpr std::int64_t kFineStepMs = 60000;
constexpr std::int64_t kCoarseStepMs = 15 * 60000; // the state store's means (StateStore::compact)
constexpr int kActivePollMs = 250; // while a migration is under way

std::uint64_t firstRevisionOf(const GatewayOptions& options)
{
    return options.firstRevision ? options.firstRevision : std::uint64_t(wallMs()) * 1000;
}

std::string lowerCase(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

const char* const kKnownMetrics = "sites and regions: utilisation, utilisation:<architecture> (nvidia_gpu, ascend, "
                                  "hygon_dcu, cambricon_mlu, kunlunxin, cpu), power_mw, pue, price_cny_per_kwh, "
                                  "green_share; links: utilisation, throughput_ab_gbps, throughput_ba_gbps, latency_ms";

} // namespace

SlurmEngine::SlurmEngine(SitesConfig config, GatewayOptions options)
    : m_config(std::move(config))
    , m_options(std::move(options))
    , m_slurm(m_options.slurmConf)
    , m_events(firstRevisionOf(m_options), server::EventLog::Limits {})
{
    std::vector<std::pair<std::uint32_t, std::uint32_t>> ends;
    for (std::uint32_t s = 0; s < m_config.sites.size(); ++s) {
        m_siteIndex[m_config.sites[s].site.id()] = s;
        m_sites.push_back(m_config.sites[s].site);
        m_sites.back().set_status(cpn::v1::SITE_STATUS_ONLINE);
    }
    for (const auto& link : m_config.links)
        ends.emplace_back(m_siteIndex.at(link.site_a_id()), m_siteIndex.at(link.site_b_id()));
    m_graph = server::LinkGraph(m_sites.size(), ends);
    m_capacity.resize(m_sites.size());
    m_partitionState.resize(m_sites.size());
}

SlurmEngine::~SlurmEngine()
{
    stop();
}

SlurmEngine::OpenResult SlurmEngine::open(std::string* error)
{
    if (!m_store.open(m_options.stateDir, error))
        return OpenResult::Failed;
    std::string why;
    const auto view = m_slurm.poll(&why);
    if (!view) {
        *error = "cannot read the Slurm cluster (" + why + "); is slurmctld running and --slurm-conf right?";
        return OpenResult::Failed;
    }
    std::set<std::string> partitions;
    for (const auto& p : view->partitions)
        partitions.insert(p.name);
    for (const auto& s : m_config.sites)
        if (!partitions.count(s.partition)) {
            std::string known;
            for (const auto& p : partitions)
                known += (known.empty() ? "" : ", ") + p;
            *error = "site \"" + s.site.id() + "\": Slurm has no partition \"" + s.partition + "\" (it has: " + known
                + ")";
            return OpenResult::BadSites;
        }

    std::lock_guard lock(m_mutex);
    for (auto& run : m_store.loadMigrations()) {
        const auto& id = run.proto.id();
        if (id.starts_with("mig-"))
            m_nextMigration = std::max<std::uint64_t>(m_nextMigration, std::stoull("0" + id.substr(4)) + 1);
        m_runs[id] = std::move(run);
    }
    m_nextMigration = std::max<std::uint64_t>(m_nextMigration, m_store.loadCounter("next_migration"));
    for (auto& [key, alarm] : m_store.loadAlarms())
        m_alarms[key] = alarm;
    // The timeline starts with what the last run left; this run's changes come through the log.
    for (const auto& [id, run] : m_runs)
        m_events.timeline().record(run.proto);
    for (const auto& [key, alarm] : m_alarms)
        m_events.timeline().record(alarm);
    apply(*view, wallMs());
    return OpenResult::Ok;
}

void SlurmEngine::startPolling(std::function<void(bool)> servingChanged)
{
    m_servingChanged = std::move(servingChanged);
    if (!m_thread.joinable())
        m_thread = std::thread([this] { loop(); });
}

void SlurmEngine::stop()
{
    {
        std::lock_guard lock(m_loopMutex);
        m_stopping = true;
    }
    m_loopWake.notify_all();
    if (m_thread.joinable())
        m_thread.join();
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_runChanged.notify_all(); // a cancel waiting for the poll thread gives up at once
    m_events.close();
}

void SlurmEngine::wake()
{
    {
        std::lock_guard lock(m_loopMutex);
        m_woken = true;
    }
    m_loopWake.notify_all();
}

void SlurmEngine::loop()
{
    bool serving = true;
    while (true) {
        // Every poll_ms from the start of the last poll (not its end): a change waits at most
        // one interval plus one poll to be seen.
        const auto started = std::chrono::steady_clock::now();
        const PollStats stats = pollOnce();
        if (stats.ok != serving && m_servingChanged) {
            serving = stats.ok;
            m_servingChanged(serving);
        }
        bool busy = false;
        {
            std::lock_guard lock(m_mutex);
            for (const auto& [id, run] : m_runs)
                busy = busy || !run.finished();
        }
        const int intervalMs = busy ? std::min(m_options.pollMs, kActivePollMs) : m_options.pollMs;
        std::unique_lock lock(m_loopMutex);
        m_loopWake.wait_until(lock, started + std::chrono::milliseconds(intervalMs),
            [this] { return m_stopping || m_woken; });
        m_woken = false;
        if (m_stopping)
            return;
    }
}

PollStats SlurmEngine::pollOnce()
{
    using Clock = std::chrono::steady_clock;
    PollStats stats;
    const auto t0 = Clock::now();
    std::string why;
    const auto view = m_slurm.poll(&why);
    const auto t1 = Clock::now();
    {
        std::lock_guard lock(m_mutex);
        const std::size_t before = m_events.currentRevision();
        if (view)
            apply(*view, wallMs());
        else
            setUnreachable(why, wallMs());
        stats.ok = view.has_value();
        stats.jobs = view ? view->jobs.size() : 0;
        stats.events = m_events.currentRevision() - before;
    }
    const auto t2 = Clock::now();
    if (view)
        driveMigrations();
    stats.slurmMs = std::chrono::duration<double, std::milli>(t1 - t0).count();
    stats.applyMs = std::chrono::duration<double, std::milli>(t2 - t1).count();
    std::lock_guard lock(m_mutex);
    m_lastPoll = stats;
    return stats;
}

PollStats SlurmEngine::lastPoll() const
{
    std::lock_guard lock(m_mutex);
    return m_lastPoll;
}

void SlurmEngine::flush()
{
    if (!m_pending.empty())
        m_events.append(std::move(m_pending));
    m_pending.clear();
}

cpn::v1::Snapshot SlurmEngine::snapshot() const
{
    std::lock_guard lock(m_mutex);
    cpn::v1::Snapshot snapshot;
    snapshot.set_revision(m_events.currentRevision());
    snapshot.set_sim_time_ms(m_lastPollMs);
    snapshot.set_time_scale(1.0);
    for (const auto& region : m_config.regions)
        *snapshot.add_regions() = region;
    for (const auto& site : m_sites)
        *snapshot.add_sites() = site;
    for (const auto& link : m_config.links)
        *snapshot.add_links() = link;
    for (const auto& m : m_siteMetrics)
        *snapshot.add_site_metrics() = m;
    for (const auto& m : m_linkMetrics)
        *snapshot.add_link_metrics() = m;
    for (const auto& [key, alarm] : m_alarms)
        *snapshot.add_alarms() = alarm;
    for (const auto& [id, run] : m_runs)
        *snapshot.add_migrations() = run.proto;
    snapshot.set_task_count(m_tasks.size());
    snapshot.set_scale("slurm");
    return snapshot;
}

grpc::Status SlurmEngine::listTasks(const cpn::v1::ListTasksRequest& request, cpn::v1::ListTasksResponse* response) const
{
    if (request.page_size() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "page_size must not be negative" };
    const int pageSize = request.page_size() == 0 ? kDefaultPageSize : std::min(request.page_size(), kMaxPageSize);
    std::uint64_t after = 0;
    if (!request.page_token().empty()) {
        const auto& token = request.page_token();
        if (token.size() > 19 || !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return { grpc::StatusCode::INVALID_ARGUMENT, "malformed page_token" };
        after = std::stoull(token);
    }
    std::lock_guard lock(m_mutex);
    if (!request.site_id().empty() && !m_siteIndex.count(request.site_id()))
        return { grpc::StatusCode::NOT_FOUND, "unknown site_id " + request.site_id().substr(0, 64) };
    const std::string filter = lowerCase(request.filter().substr(0, 256));
    auto matches = [&](const cpn::v1::Task& t) {
        if (!request.site_id().empty() && t.site_id() != request.site_id())
            return false;
        return filter.empty() || lowerCase(t.id()).find(filter) != std::string::npos
            || lowerCase(t.name()).find(filter) != std::string::npos
            || lowerCase(t.tenant()).find(filter) != std::string::npos;
    };
    std::uint64_t total = 0;
    std::uint64_t lastOnPage = 0;
    bool more = false;
    for (const auto& [number, task] : m_tasks) {
        if (!matches(task))
            continue;
        ++total;
        if (number <= after)
            continue;
        if (response->tasks_size() < pageSize) {
            *response->add_tasks() = task;
            lastOnPage = number;
        } else {
            more = true;
        }
    }
    if (more)
        response->set_next_page_token(std::to_string(lastOnPage));
    response->set_total_count(total);
    response->set_revision(m_events.currentRevision());
    return grpc::Status::OK;
}

grpc::Status SlurmEngine::queryHistory(
    const cpn::v1::QueryHistoryRequest& request, cpn::v1::QueryHistoryResponse* response) const
{
    if (request.entity_id().empty())
        return { grpc::StatusCode::INVALID_ARGUMENT, "entity_id is empty" };
    if (request.from_ms() < 0) // (the history's bucket arithmetic then cannot overflow)
        return { grpc::StatusCode::INVALID_ARGUMENT, "from_ms must not be before 1970" };
    if (request.to_ms() < request.from_ms())
        return { grpc::StatusCode::INVALID_ARGUMENT, "to_ms is before from_ms" };
    if (request.step_ms() < 0)
        return { grpc::StatusCode::INVALID_ARGUMENT, "step_ms must not be negative" };
    const std::int64_t step = std::max<std::int64_t>(request.step_ms(), kFineStepMs);
    if ((std::uint64_t(request.to_ms()) - std::uint64_t(request.from_ms())) / std::uint64_t(step) > kMaxHistoryPoints)
        return { grpc::StatusCode::INVALID_ARGUMENT, "too many points: raise step_ms or shorten the range" };

    const std::string& metric = request.metric();
    const bool linkMetric = metric == "throughput_ab_gbps" || metric == "throughput_ba_gbps" || metric == "latency_ms";
    bool siteMetric = metric == "power_mw" || metric == "pue" || metric == "price_cny_per_kwh" || metric == "green_share";
    for (int a = 1; a <= int(cpn::v1::ARCHITECTURE_CPU); ++a)
        siteMetric = siteMetric
            || metric == std::string("utilisation:") + server::architectureMetricName(cpn::v1::Architecture(a));
    if (!linkMetric && !siteMetric && metric != "utilisation")
        return { grpc::StatusCode::INVALID_ARGUMENT,
            "unknown metric '" + metric.substr(0, 64) + "'; this server keeps, for " + kKnownMetrics };
    const std::string& id = request.entity_id();
    const bool isLink = std::any_of(m_config.links.begin(), m_config.links.end(), [&](auto& l) { return l.id() == id; });
    const bool isSite = m_siteIndex.count(id) > 0;
    const bool isRegion
        = std::any_of(m_config.regions.begin(), m_config.regions.end(), [&](auto& r) { return r.id() == id; });
    if (!isLink && !isSite && !isRegion)
        return { grpc::StatusCode::NOT_FOUND, "unknown entity_id " + id.substr(0, 64) };
    if (isLink && siteMetric)
        return { grpc::StatusCode::INVALID_ARGUMENT, "'" + metric + "' is not kept for links" };
    if (!isLink && linkMetric)
        return { grpc::StatusCode::INVALID_ARGUMENT, "'" + metric + "' is kept for links only" };

    response->set_entity_id(id);
    response->set_metric(metric);
    const bool ratio = metric.starts_with("utilisation") || metric == "pue" || metric == "green_share";
    response->set_unit(ratio ? "ratio"
            : metric == "power_mw" ? "MW"
            : metric == "price_cny_per_kwh" ? "CNY/kWh"
            : metric == "latency_ms" ? "ms"
                                     : "Gbps");
    const auto samples = m_store.samples(id, metric, request.from_ms(), request.to_ms());
    if (request.step_ms() <= kFineStepMs) {
        for (const auto& [t, v] : samples) {
            auto* p = response->add_points();
            p->set_time_ms(t);
            p->set_value(v);
        }
        return grpc::Status::OK;
    }
    // Means of step-long buckets from from_ms, at each bucket's start.
    std::size_t i = 0;
    while (i < samples.size()) {
        const std::int64_t bucket = request.from_ms() + (samples[i].first - request.from_ms()) / step * step;
        double sum = 0;
        int n = 0;
        for (; i < samples.size() && samples[i].first < bucket + step; ++i, ++n)
            sum += samples[i].second;
        auto* p = response->add_points();
        p->set_time_ms(bucket);
        p->set_value(sum / n);
    }
    return grpc::Status::OK;
}

server::KeptSpan SlurmEngine::keptSpan() const
{
    const auto span = m_store.sampleSpan();
    server::KeptSpan kept;
    kept.fromMs = span.fromMs;
    kept.toMs = span.toMs;
    kept.fineFromMs = span.fineFromMs;
    kept.fineStepMs = kFineStepMs;
    kept.coarseStepMs = kCoarseStepMs;
    return kept;
}

// From the state store's samples at one time, in the order of the sites file. Cards are today's
// (the samples keep ratios); a coarse sample's site status is the worst of its quarter, a link's
// the sites file's (the gateway does not change it). One slice: a cluster's sites and links are few.
grpc::Status SlurmEngine::metricsAt(std::int64_t timeMs, const MetricsSlices& emit) const
{
    cpn::v1::MetricsBatch whole;
    cpn::v1::MetricsBatch* batch = &whole;
    std::int64_t sampleMs = 0;
    const auto samples = m_store.samplesAt(timeMs, &sampleMs);
    if (samples.empty())
        return { grpc::StatusCode::OUT_OF_RANGE, "no metrics kept at " + std::to_string(timeMs) + " ms" };
    std::map<std::string, std::map<std::string, double>> byEntity;
    for (const auto& sample : samples)
        byEntity[sample.entity][sample.metric] = sample.value;
    std::vector<std::map<cpn::v1::Architecture, std::uint32_t>> installed;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& capacity : m_capacity)
            installed.push_back(capacity.installed);
    }
    auto valueOf = [](const std::map<std::string, double>& values, const char* metric) {
        const auto it = values.find(metric);
        return it == values.end() ? 0.0 : it->second;
    };
    auto statusOf = [&](const std::map<std::string, double>& values, int highest) {
        return int(std::clamp<long>(std::lround(valueOf(values, "status")), 0, highest));
    };
    static const std::map<std::string, double> kNone;
    batch->set_sample_time_ms(sampleMs);
    for (std::size_t s = 0; s < m_config.sites.size(); ++s) {
        const std::string& id = m_config.sites[s].site.id();
        const auto it = byEntity.find(id);
        const auto& values = it == byEntity.end() ? kNone : it->second;
        auto* m = batch->add_sites();
        m->set_site_id(id);
        m->set_sample_time_ms(sampleMs);
        for (int a = 1; a <= int(cpn::v1::ARCHITECTURE_CPU); ++a) {
            const auto arch = cpn::v1::Architecture(a);
            const auto u = values.find(std::string("utilisation:") + server::architectureMetricName(arch));
            if (u == values.end())
                continue;
            const auto cards = s < installed.size() && installed[s].count(arch) ? installed[s].at(arch) : 0u;
            auto* use = m->add_usage();
            use->set_architecture(arch);
            use->set_utilisation(u->second);
            use->set_cards_used(std::uint32_t(std::lround(std::clamp(u->second, 0.0, 1.0) * cards)));
            use->set_pflops_used(u->second * cards * server::pflopsPerCard(arch));
        }
        m->set_utilisation(valueOf(values, "utilisation"));
        m->set_power_mw(valueOf(values, "power_mw"));
        m->set_pue(valueOf(values, "pue"));
        m->set_price_cny_per_kwh(valueOf(values, "price_cny_per_kwh"));
        m->set_green_share(valueOf(values, "green_share"));
        m->set_status(cpn::v1::SiteStatus(statusOf(values, cpn::v1::SiteStatus_MAX)));
        m->set_racks_in_use(m_config.sites[s].racksInUse); // the sites file's: not sampled
        m->set_storage_used_pb(m_config.sites[s].storageUsedPb);
    }
    for (const auto& link : m_config.links) {
        const auto it = byEntity.find(link.id());
        const auto& values = it == byEntity.end() ? kNone : it->second;
        auto* m = batch->add_links();
        m->set_link_id(link.id());
        m->set_sample_time_ms(sampleMs);
        m->set_throughput_ab_gbps(valueOf(values, "throughput_ab_gbps"));
        m->set_throughput_ba_gbps(valueOf(values, "throughput_ba_gbps"));
        m->set_utilisation(valueOf(values, "utilisation"));
        m->set_latency_ms(valueOf(values, "latency_ms"));
        m->set_status(it == byEntity.end() ? cpn::v1::LINK_STATUS_UNSPECIFIED : link.status());
    }
    if (!emit(std::move(whole)))
        return { grpc::StatusCode::CANCELLED, "the client stopped reading" };
    return grpc::Status::OK;
}

} // namespace cpn::gateway
