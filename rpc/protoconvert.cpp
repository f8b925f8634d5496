#include "protoconvert.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cpn::convert {

namespace {

    // Every string a server sends, bounded: ids are at most 256 bytes and messages 1,000
    // characters by contract; a megabyte "name" is cut (at a character boundary), not kept.
    constexpr std::size_t kMaxStringBytes = 4096;

} // namespace

QString text(const std::string& s)
{
    if (s.size() <= kMaxStringBytes)
        return QString::fromStdString(s);
    std::size_t cut = kMaxStringBytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80)
        --cut; // not inside a UTF-8 sequence
    return QString::fromUtf8(s.data(), qsizetype(cut)) + QChar(0x2026);
}

QStringList strings(const google::protobuf::RepeatedPtrField<std::string>& values)
{
    QStringList out;
    out.reserve(values.size());
    for (const auto& v : values)
        out.append(text(v));
    return out;
}

namespace {

    // Each domain enum mirrors its cpn.v1 enum value for value; the last value of each, checked
    // against the generated code, so that a value added on one side only fails the build.
    constexpr SiteTier lastValue(SiteTier)
    {
        return SiteTier::Edge;
    }
    constexpr SiteStatus lastValue(SiteStatus)
    {
        return SiteStatus::Offline;
    }
    constexpr LinkStatus lastValue(LinkStatus)
    {
        return LinkStatus::Down;
    }
    constexpr Architecture lastValue(Architecture)
    {
        return Architecture::Cpu;
    }
    constexpr TaskKind lastValue(TaskKind)
    {
        return TaskKind::Storage;
    }
    constexpr TaskState lastValue(TaskState)
    {
        return TaskState::Migrating;
    }
    constexpr MigrationState lastValue(MigrationState)
    {
        return MigrationState::RolledBack;
    }
    constexpr AlarmSeverity lastValue(AlarmSeverity)
    {
        return AlarmSeverity::Critical;
    }
    constexpr ComputeClass lastValue(ComputeClass)
    {
        return ComputeClass::Supercomputing;
    }
    constexpr ViolationCode lastValue(ViolationCode)
    {
        return ViolationCode::TaskBusy; // the last on the wire (OtherPlatform is the console's)
    }

    template <typename Enum> constexpr int valueCount()
    {
        return int(lastValue(Enum {})) + 1;
    }

    static_assert(valueCount<SiteTier>() == v1::SiteTier_ARRAYSIZE);
    static_assert(valueCount<SiteStatus>() == v1::SiteStatus_ARRAYSIZE);
    static_assert(valueCount<LinkStatus>() == v1::LinkStatus_ARRAYSIZE);
    static_assert(valueCount<Architecture>() == v1::Architecture_ARRAYSIZE);
    static_assert(valueCount<Architecture>() == kArchitectureCount);
    static_assert(valueCount<TaskKind>() == v1::TaskKind_ARRAYSIZE);
    static_assert(valueCount<TaskKind>() == kTaskKindCount);
    static_assert(valueCount<TaskState>() == v1::TaskState_ARRAYSIZE);
    static_assert(valueCount<TaskState>() == kTaskStateCount);
    static_assert(valueCount<MigrationState>() == v1::MigrationState_ARRAYSIZE);
    static_assert(valueCount<AlarmSeverity>() == v1::AlarmSeverity_ARRAYSIZE);
    static_assert(valueCount<ViolationCode>() == v1::ViolationCode_ARRAYSIZE);
    static_assert(valueCount<ComputeClass>() == v1::ComputeClass_ARRAYSIZE);

    // A count or size a server may not make negative or absurd: NaN and negatives are 0.
    double nonNegative(double v)
    {
        return std::isfinite(v) && v > 0 ? v : 0.0;
    }

    template <typename Enum, typename ProtoEnum> Enum enumFrom(ProtoEnum value)
    {
        // Values a newer server adds map to Unknown rather than to garbage.
        const int v = int(value);
        return (v >= 0 && v < valueCount<Enum>()) ? Enum(v) : Enum(0);
    }

    template <typename Out, typename In>
    QList<Out> listFrom(const google::protobuf::RepeatedPtrField<In>& values)
    {
        QList<Out> out;
        out.reserve(values.size());
        for (const auto& v : values)
            out.append(fromProto(v));
        return out;
    }

    ProjectedLoad loadFrom(const v1::ProjectedLoad& p)
    {
        return { text(p.entity_id()), p.utilisation_before(), p.utilisation_after() };
    }

} // namespace

Region fromProto(const v1::Region& p)
{
    return { text(p.id()), text(p.name_zh()), text(p.name_en()), p.western(), strings(p.provinces()) };
}

Site fromProto(const v1::Site& p)
{
    Site s;
    s.id = text(p.id());
    s.nameZh = text(p.name_zh());
    s.nameEn = text(p.name_en());
    s.tier = enumFrom<SiteTier>(p.tier());
    s.regionId = text(p.region_id());
    s.parentSiteId = text(p.parent_site_id());
    s.latitude = p.latitude();
    s.longitude = p.longitude();
    s.capacity.reserve(p.capacity_size());
    for (const auto& c : p.capacity()) {
        s.capacity.append({ enumFrom<Architecture>(c.architecture()), c.cards(), nonNegative(c.pflops()),
            enumFrom<ComputeClass>(c.compute_class()), std::min(nonNegative(c.inference_pflops()), nonNegative(c.pflops())) });
    }
    s.powerCapacityMw = p.power_capacity_mw();
    s.status = enumFrom<SiteStatus>(p.status());
    s.province = text(p.province());
    s.racksBuilt = p.racks_built();
    s.storagePb = nonNegative(p.storage_pb());
    return s;
}

Link fromProto(const v1::Link& p)
{
    Link l;
    l.id = text(p.id());
    l.siteAId = text(p.site_a_id());
    l.siteBId = text(p.site_b_id());
    l.capacityGbps = p.capacity_gbps();
    l.latencyMs = p.latency_ms();
    l.lengthKm = p.length_km();
    l.status = enumFrom<LinkStatus>(p.status());
    return l;
}

SiteMetrics fromProto(const v1::SiteMetrics& p)
{
    SiteMetrics m;
    m.siteId = text(p.site_id());
    m.sampleTimeMs = p.sample_time_ms();
    m.utilisation = p.utilisation();
    m.usage.reserve(p.usage_size());
    for (const auto& u : p.usage())
        m.usage.append({ enumFrom<Architecture>(u.architecture()), u.cards_used(), u.pflops_used(), u.utilisation() });
    m.powerMw = p.power_mw();
    m.pue = p.pue();
    m.greenShare = p.green_share();
    m.priceCnyPerKwh = p.price_cny_per_kwh();
    m.queueLength = p.queue_length();
    m.runningTasks = p.running_tasks();
    m.status = enumFrom<SiteStatus>(p.status());
    m.racksInUse = p.racks_in_use();
    m.storageUsedPb = nonNegative(p.storage_used_pb());
    return m;
}

LinkMetrics fromProto(const v1::LinkMetrics& p)
{
    return { text(p.link_id()), p.sample_time_ms(), p.throughput_ab_gbps(), p.throughput_ba_gbps(), p.utilisation(),
        p.latency_ms(), p.loss_ratio(), enumFrom<LinkStatus>(p.status()) };
}

Task taskBody(const v1::Task& p)
{
    Task t;
    t.id = text(p.id());
    t.name = text(p.name());
    t.kind = enumFrom<TaskKind>(p.kind());
    t.state = enumFrom<TaskState>(p.state());
    t.architecture = enumFrom<Architecture>(p.architecture());
    t.cards = p.cards();
    t.pflops = p.pflops();
    t.latencySloMs = p.latency_slo_ms();
    t.dataGb = p.data_gb();
    t.submittedTimeMs = p.submitted_time_ms();
    t.expectedEndTimeMs = p.expected_end_time_ms();
    t.progress = p.progress();
    return t;
}

Task fromProto(const v1::Task& p)
{
    Task t = taskBody(p);
    t.siteId = text(p.site_id());
    t.usersSiteId = text(p.users_site_id());
    t.allowedRegionIds = strings(p.allowed_region_ids());
    t.tenant = text(p.tenant());
    return t;
}

Migration fromProto(const v1::Migration& p)
{
    Migration m;
    m.id = text(p.id());
    m.requestId = text(p.request_id());
    m.taskId = text(p.task_id());
    m.sourceSiteId = text(p.source_site_id());
    m.targetSiteId = text(p.target_site_id());
    m.state = enumFrom<MigrationState>(p.state());
    m.pathLinkIds = strings(p.path_link_ids());
    m.bytesTotal = p.bytes_total();
    m.bytesDone = p.bytes_done();
    m.etaSeconds = p.eta_seconds();
    m.createdTimeMs = p.created_time_ms();
    m.updatedTimeMs = p.updated_time_ms();
    m.reason = text(p.reason());
    m.requestedBy = text(p.requested_by());
    m.failureReason = text(p.failure_reason());
    m.failureCode = text(p.failure_code());
    m.failureDetail = text(p.failure_detail());
    m.drainRequestId = text(p.drain_request_id());
    return m;
}

Alarm fromProto(const v1::Alarm& p)
{
    Alarm a;
    a.id = text(p.id());
    a.severity = enumFrom<AlarmSeverity>(p.severity());
    a.sourceId = text(p.source_id());
    a.code = text(p.code());
    a.message = text(p.message());
    a.raisedTimeMs = p.raised_time_ms();
    a.clearedTimeMs = p.cleared_time_ms();
    a.acknowledged = p.acknowledged();
    a.acknowledgedBy = text(p.acknowledged_by());
    a.acknowledgedTimeMs = p.acknowledged_time_ms();
    a.acknowledgeNote = text(p.acknowledge_note());
    a.value = p.value();
    a.threshold = p.threshold();
    a.unit = text(p.unit());
    a.count = p.count();
    a.relatedId = text(p.related_id());
    a.detail = text(p.detail());
    return a;
}

Snapshot fromProto(const v1::Snapshot& p)
{
    Snapshot s;
    s.revision = p.revision();
    s.simTimeMs = p.sim_time_ms();
    s.timeScale = p.time_scale();
    s.regions = listFrom<Region>(p.regions());
    s.sites = listFrom<Site>(p.sites());
    s.links = listFrom<Link>(p.links());
    s.siteMetrics = listFrom<SiteMetrics>(p.site_metrics());
    s.linkMetrics = listFrom<LinkMetrics>(p.link_metrics());
    s.alarms = listFrom<Alarm>(p.alarms());
    s.migrations = listFrom<Migration>(p.migrations());
    s.taskCount = p.task_count();
    s.scale = text(p.scale());
    s.callerRole = text(p.caller_role());
    return s;
}

MigrationPlan fromProto(const v1::MigrationPlan& p)
{
    MigrationPlan plan;
    plan.taskId = text(p.task_id());
    plan.sourceSiteId = text(p.source_site_id());
    plan.targetSiteId = text(p.target_site_id());
    plan.feasible = p.feasible();
    for (const auto& v : p.violations())
        plan.violations.append({ enumFrom<ViolationCode>(v.code()), text(v.message()), text(v.entity_id()), v.value(),
            v.threshold(), text(v.unit()), text(v.detail()) });
    plan.pathLinkIds = strings(p.path_link_ids());
    plan.transferSeconds = p.transfer_seconds();
    plan.downtimeSeconds = p.downtime_seconds();
    plan.costDeltaCnyPerHour = p.cost_delta_cny_per_hour();
    plan.carbonDeltaKgPerHour = p.carbon_delta_kg_per_hour();
    plan.latencyMsBefore = p.latency_ms_before();
    plan.latencyMsAfter = p.latency_ms_after();
    for (const auto& l : p.projected_site_loads())
        plan.projectedSiteLoads.append(loadFrom(l));
    for (const auto& l : p.projected_link_loads())
        plan.projectedLinkLoads.append(loadFrom(l));
    plan.transferGb = p.transfer_gb();
    return plan;
}

DrainResult fromProto(const v1::DrainSiteResponse& p)
{
    return { text(p.site_id()), listFrom<Migration>(p.migrations()), strings(p.unplaced_task_ids()) };
}

StateEvent fromProto(const v1::WatchEvent& p)
{
    StateEvent e;
    e.revision = p.revision();
    e.simTimeMs = p.sim_time_ms();
    switch (p.event_case()) {
    case v1::WatchEvent::kMetrics: {
        MetricsFrame frame;
        frame.sampleTimeMs = p.metrics().sample_time_ms();
        frame.sites = listFrom<SiteMetrics>(p.metrics().sites());
        frame.links = listFrom<LinkMetrics>(p.metrics().links());
        e.change = std::move(frame);
        break;
    }
    case v1::WatchEvent::kTask:
        e.change = fromProto(p.task());
        break;
    case v1::WatchEvent::kTaskRemoved:
        e.change = TaskRemoved { text(p.task_removed().task_id()), text(p.task_removed().site_id()),
            text(p.task_removed().reason()) };
        break;
    case v1::WatchEvent::kMigration:
        e.change = fromProto(p.migration());
        break;
    case v1::WatchEvent::kAlarm:
        e.change = fromProto(p.alarm());
        break;
    case v1::WatchEvent::kSite:
        e.change = fromProto(p.site());
        break;
    case v1::WatchEvent::kLink:
        e.change = fromProto(p.link());
        break;
    case v1::WatchEvent::kHeartbeat: // says nothing about the network
    case v1::WatchEvent::EVENT_NOT_SET:
        break;
    }
    return e;
}

SiteUsage fromProto(const v1::SiteReport& p)
{
    const auto ratio = [](double v) { return std::isfinite(v) ? std::clamp(v, 0.0, 1.0) : 0.0; };
    SiteUsage u;
    u.siteId = text(p.site_id());
    u.meanUtilisation = ratio(p.mean_utilisation());
    u.peakUtilisation = ratio(p.peak_utilisation());
    u.architectures.reserve(std::min(p.architectures_size(), kArchitectureCount));
    for (const auto& a : p.architectures()) {
        if (u.architectures.size() < kArchitectureCount) {
            u.architectures.append({ enumFrom<Architecture>(a.architecture()), ratio(a.mean_utilisation()),
                ratio(a.peak_utilisation()) });
        }
    }
    u.energyMwh = nonNegative(p.energy_mwh());
    u.costCny = nonNegative(p.cost_cny());
    u.pue = nonNegative(p.pue());
    u.greenShare = ratio(p.green_share());
    u.carbonT = nonNegative(p.carbon_t());
    u.gridFactorKgPerKwh = nonNegative(p.grid_factor_kg_per_kwh());
    u.growthPerDay = std::isfinite(p.utilisation_growth_per_day()) ? std::clamp(p.utilisation_growth_per_day(), -1.0, 1.0) : 0.0;
    u.endUtilisation = ratio(p.end_utilisation());
    u.racksInUse = p.racks_in_use();
    u.storageUsedPb = nonNegative(p.storage_used_pb());
    u.inferencePflopsUsed = nonNegative(p.inference_pflops_used());
    u.trainingPflopsUsed = nonNegative(p.training_pflops_used());
    u.tolerantPflopsUsed = nonNegative(p.tolerant_pflops_used());
    return u;
}

RegionUsage fromProto(const v1::RegionSeries& p)
{
    RegionUsage r;
    r.regionId = text(p.region_id());
    r.installedPflops = nonNegative(p.installed_pflops());
    r.usedPflops.reserve(p.used_pflops_size());
    qint64 last = std::numeric_limits<qint64>::min();
    for (const auto& point : p.used_pflops()) {
        if (point.time_ms() > last) { // in time order only
            r.usedPflops.append({ point.time_ms(), nonNegative(point.value()) });
            last = point.time_ms();
        }
    }
    return r;
}

} // namespace cpn::convert
