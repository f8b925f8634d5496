// cpn-fuzz-seeds DIR: writes the seed corpus of the fuzz targets into DIR/client and DIR/server,
// from the mock scheduler's story (fuzzstory.h), the same every time. Each file is one input: the
// kind byte, then the serialized message. Client seeds are what the story's server sends (its
// snapshot whole, in parts and cut down, watch events of each kind, a page of tasks, plans, a
// migration, a drain, history); server seeds are requests with the story's real ids, and a few
// the services must refuse (empty, unknown and over-long ids, a negative page size).

#include "fuzzstory.h"

#include "messageparts.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>
#include <set>
#include <stdexcept>
#include <string>

using namespace cpn;
namespace fs = std::filesystem;

namespace {

class SeedWriter {
public:
    explicit SeedWriter(fs::path dir)
        : m_dir(std::move(dir))
    {
        fs::create_directories(m_dir);
    }

    void write(const std::string& name, std::uint8_t kind, const google::protobuf::MessageLite& message)
    {
        writeBytes(name, kind, message.SerializeAsString());
    }
    void writeBytes(const std::string& name, std::uint8_t kind, const std::string& bytes)
    {
        std::ofstream out(m_dir / name, std::ios::binary | std::ios::trunc);
        out.put(char(kind));
        out.write(bytes.data(), std::streamsize(bytes.size()));
        if (!out)
            throw std::runtime_error("cannot write " + (m_dir / name).string());
        ++m_count;
    }
    int count() const { return m_count; }

private:
    fs::path m_dir;
    int m_count = 0;
};

std::uint8_t kind(fuzz::ServerMessage message)
{
    return std::uint8_t(message);
}

std::uint8_t kind(fuzz::Request request)
{
    return std::uint8_t(request);
}

// The snapshot in the parts GetSnapshot streams (server/messageparts.h): the first carries
// everything but the lists.
std::vector<v1::Snapshot> snapshotParts(v1::Snapshot whole)
{
    std::vector<v1::Snapshot> parts;
    server::forEachSnapshotPart(std::move(whole), [&](v1::Snapshot&& part) {
        parts.push_back(std::move(part));
        return true;
    });
    return parts;
}

// The first `siteCount` sites and what refers only to them: a small network that still holds
// together.
v1::Snapshot cutDown(const v1::Snapshot& whole, int siteCount)
{
    v1::Snapshot small = whole;
    small.clear_sites();
    small.clear_links();
    small.clear_site_metrics();
    small.clear_link_metrics();
    small.clear_alarms();
    std::set<std::string> sites, links;
    for (int i = 0; i < std::min(siteCount, whole.sites_size()); ++i) {
        *small.add_sites() = whole.sites(i);
        sites.insert(whole.sites(i).id());
    }
    for (const auto& link : whole.links()) {
        if (sites.count(link.site_a_id()) && sites.count(link.site_b_id())) {
            *small.add_links() = link;
            links.insert(link.id());
        }
    }
    for (const auto& m : whole.site_metrics())
        if (sites.count(m.site_id()))
            *small.add_site_metrics() = m;
    for (const auto& m : whole.link_metrics())
        if (links.count(m.link_id()))
            *small.add_link_metrics() = m;
    for (const auto& alarm : whole.alarms())
        if (sites.count(alarm.source_id()) || links.count(alarm.source_id()))
            *small.add_alarms() = alarm;
    return small;
}

const char* eventName(v1::WatchEvent::EventCase c)
{
    switch (c) {
    case v1::WatchEvent::kMetrics:
        return "metrics";
    case v1::WatchEvent::kTask:
        return "task";
    case v1::WatchEvent::kTaskRemoved:
        return "task-removed";
    case v1::WatchEvent::kMigration:
        return "migration";
    case v1::WatchEvent::kAlarm:
        return "alarm";
    case v1::WatchEvent::kSite:
        return "site";
    case v1::WatchEvent::kLink:
        return "link";
    case v1::WatchEvent::kHeartbeat:
        return "heartbeat";
    case v1::WatchEvent::EVENT_NOT_SET:
        break;
    }
    return "empty";
}

void writeClientSeeds(fuzz::MockStory& story, SeedWriter& out)
{
    using M = fuzz::ServerMessage;
    mock::Simulation& simulation = *story.simulation;
    const v1::Snapshot now = simulation.snapshot();
    out.write("snapshot-whole", kind(M::Snapshot), now);
    const auto parts = snapshotParts(now);
    for (std::size_t i = 0; i < parts.size(); ++i) {
        v1::Snapshot head = parts[i];
        if (i == 0) {
            // The first part without its lists: only what every snapshot says of itself.
            head.clear_regions();
            head.clear_sites();
            head.clear_links();
            head.clear_site_metrics();
            head.clear_link_metrics();
            head.clear_alarms();
            head.clear_migrations();
            out.write("snapshot-part0-head", kind(M::Snapshot), head);
        }
        if (parts.size() > 1)
            out.write("snapshot-part" + std::to_string(i), kind(M::Snapshot), parts[i]);
    }
    out.write("snapshot-small", kind(M::Snapshot), cutDown(now, 12));
    out.write("snapshot-before-small", kind(M::Snapshot), cutDown(story.before, 40));

    // Of each kind of event the first and the last; a metrics sample also cut to a few entities.
    std::map<int, std::pair<const v1::WatchEvent*, const v1::WatchEvent*>> byKind;
    for (const auto& event : story.events) {
        auto& [first, last] = byKind[event.event_case()];
        if (!first)
            first = &event;
        last = &event;
    }
    for (const auto& [eventCase, pair] : byKind) {
        const std::string name = std::string("event-") + eventName(v1::WatchEvent::EventCase(eventCase));
        // A full metrics sample is some 90 KB: one is enough.
        if (eventCase != v1::WatchEvent::kMetrics)
            out.write(name + "-first", kind(M::WatchEvent), *pair.first);
        if (pair.second != pair.first)
            out.write(name + "-last", kind(M::WatchEvent), *pair.second);
        if (eventCase == v1::WatchEvent::kMetrics) {
            v1::WatchEvent few = *pair.second;
            auto* sites = few.mutable_metrics()->mutable_sites();
            auto* links = few.mutable_metrics()->mutable_links();
            sites->DeleteSubrange(std::min(8, sites->size()), std::max(0, sites->size() - 8));
            links->DeleteSubrange(std::min(8, links->size()), std::max(0, links->size() - 8));
            out.write("event-metrics-few", kind(M::WatchEvent), few);
        }
    }
    v1::WatchEvent heartbeat;
    heartbeat.mutable_heartbeat();
    out.write("event-heartbeat", kind(M::WatchEvent), heartbeat);

    v1::ListTasksRequest pageRequest;
    pageRequest.set_page_size(20);
    v1::ListTasksResponse page;
    simulation.listTasks(pageRequest, &page);
    out.write("list-tasks-20", kind(M::ListTasksResponse), page);
    pageRequest.set_site_id(story.plan.source_site_id());
    v1::ListTasksResponse sitePage;
    simulation.listTasks(pageRequest, &sitePage);
    out.write("list-tasks-site", kind(M::ListTasksResponse), sitePage);

    out.write("plan-feasible", kind(M::MigrationPlan), story.plan);
    // The same task planned to every edge site until one says why not.
    for (auto it = now.sites().rbegin(); it != now.sites().rend(); ++it) {
        v1::PlanMigrationRequest request;
        request.set_task_id(story.firstTasks.tasks(0).id());
        request.set_target_site_id(it->id());
        v1::MigrationPlan plan;
        if (simulation.planMigration(request, &plan).ok() && !plan.feasible() && plan.violations_size() > 0) {
            out.write("plan-infeasible", kind(M::MigrationPlan), plan);
            break;
        }
    }

    out.write("migration-started", kind(M::Migration), story.started);
    if (const auto current = simulation.findMigration(story.started.id()))
        out.write("migration-current", kind(M::Migration), *current);

    v1::DrainSiteRequest drain;
    drain.set_site_id(story.plan.source_site_id());
    drain.set_dry_run(true);
    drain.set_request_id("fuzz-seed-drain-preview");
    v1::DrainSiteResponse preview;
    if (simulation.drainSite(drain, "operator", &preview).ok()) {
        // A hub's drain moves hundreds of tasks: a few make a seed of a useful size.
        auto* migrations = preview.mutable_migrations();
        migrations->DeleteSubrange(std::min(6, migrations->size()), std::max(0, migrations->size() - 6));
        out.write("drain-preview", kind(M::DrainSiteResponse), preview);
    }

    auto history = [&](const std::string& name, const std::string& entity, const std::string& metric) {
        v1::QueryHistoryRequest request;
        request.set_entity_id(entity);
        request.set_metric(metric);
        request.set_from_ms(now.sim_time_ms() - 30 * 60 * 1000);
        request.set_to_ms(now.sim_time_ms());
        request.set_step_ms(60 * 1000);
        v1::QueryHistoryResponse response;
        if (simulation.queryHistory(request, &response).ok())
            out.write(name, kind(M::QueryHistoryResponse), response);
    };
    history("history-site", story.plan.source_site_id(), "utilisation");
    history("history-link", now.links(0).id(), "throughput_ab_gbps");
    history("history-region", now.regions(0).id(), "power_mw");
}

void writeServerSeeds(const fuzz::MockStory& story, SeedWriter& out)
{
    using R = fuzz::Request;
    const v1::Snapshot& snapshot = story.before;
    const std::string longId(300, 'x');
    const std::string hub = snapshot.sites(0).id();

    {
        v1::ListTasksRequest r;
        r.set_page_size(20);
        out.write("list-tasks-20", kind(R::ListTasks), r);
        v1::ListTasksResponse page;
        story.simulation->listTasks(r, &page);
        r.set_page_token(page.next_page_token());
        out.write("list-tasks-next", kind(R::ListTasks), r);
        r.clear_page_token();
        r.set_site_id(hub);
        r.set_filter("train");
        out.write("list-tasks-site-filter", kind(R::ListTasks), r);
        r.Clear();
        r.set_page_size(-1);
        out.write("list-tasks-negative", kind(R::ListTasks), r);
        r.Clear();
        r.set_site_id("no-such-site");
        out.write("list-tasks-unknown-site", kind(R::ListTasks), r);
        r.set_site_id(longId);
        out.write("list-tasks-long-site", kind(R::ListTasks), r);
        r.Clear();
        r.set_page_token("not-a-token");
        out.write("list-tasks-bad-token", kind(R::ListTasks), r);
    }
    {
        const std::int64_t now = snapshot.sim_time_ms();
        auto write = [&](const std::string& name, const std::string& entity, const std::string& metric,
                         std::int64_t from, std::int64_t to, std::int64_t step) {
            v1::QueryHistoryRequest r;
            r.set_entity_id(entity);
            r.set_metric(metric);
            r.set_from_ms(from);
            r.set_to_ms(to);
            r.set_step_ms(step);
            out.write(name, kind(R::QueryHistory), r);
        };
        write("history-site", hub, "utilisation", now - 3600 * 1000, now, 60 * 1000);
        write("history-link", snapshot.links(0).id(), "throughput_ab_gbps", now - 600 * 1000, now, 0);
        write("history-region", snapshot.regions(0).id(), "power_mw", now - 3600 * 1000, now, 300 * 1000);
        write("history-unknown-metric", hub, "no_such_metric", now - 60 * 1000, now, 0);
        write("history-reversed", hub, "utilisation", now, now - 60 * 1000, 0);
        write("history-unknown-entity", "", "utilisation", now - 60 * 1000, now, 0);
        // All of int64 at a step that keeps the points few: once a range that wrapped round.
        write("history-all-of-time", hub, "utilisation", std::numeric_limits<std::int64_t>::min(),
            std::numeric_limits<std::int64_t>::max(), 1'000'000'000'000);
    }
    const std::string& task = story.plan.task_id();
    // Another move the story's engine would take.
    v1::MigrationPlan other;
    if (!fuzz::findMove(*story.simulation, snapshot, story.firstTasks, &other, task))
        throw std::runtime_error("no second feasible move in the mock's first tasks");
    const std::string& otherTask = other.task_id();
    {
        v1::PlanMigrationRequest r;
        r.set_task_id(otherTask);
        r.set_target_site_id(other.target_site_id());
        out.write("plan-other-task", kind(R::PlanMigration), r);
        r.set_target_site_id(hub);
        out.write("plan-other-task-hub", kind(R::PlanMigration), r);
        r.set_task_id(task);
        r.set_target_site_id(story.plan.target_site_id());
        out.write("plan-busy-task", kind(R::PlanMigration), r);
        r.Clear();
        out.write("plan-empty", kind(R::PlanMigration), r);
        r.set_task_id("t-unknown");
        r.set_target_site_id(hub);
        out.write("plan-unknown-task", kind(R::PlanMigration), r);
        r.set_task_id(longId);
        out.write("plan-long-task", kind(R::PlanMigration), r);
    }
    {
        v1::StartMigrationRequest r;
        r.set_request_id("fuzz-seed-start");
        r.set_task_id(otherTask);
        r.set_target_site_id(other.target_site_id());
        r.set_reason("seed");
        out.write("start-other-task", kind(R::StartMigration), r);
        r.set_request_id(story.startRequestId);
        r.set_task_id(task);
        r.set_target_site_id(story.plan.target_site_id());
        out.write("start-repeat", kind(R::StartMigration), r);
        r.clear_request_id();
        out.write("start-no-request-id", kind(R::StartMigration), r);
        r.set_request_id(std::string(200, 'r'));
        out.write("start-long-request-id", kind(R::StartMigration), r);
        r.set_request_id("fuzz-seed-start-long");
        r.set_task_id(longId);
        out.write("start-long-task", kind(R::StartMigration), r);
        r.set_task_id(otherTask);
        r.set_reason(std::string(1200, 'w'));
        out.write("start-long-reason", kind(R::StartMigration), r);
    }
    {
        v1::CancelMigrationRequest r;
        r.set_migration_id(story.started.id());
        r.set_request_id("fuzz-seed-cancel");
        out.write("cancel-started", kind(R::CancelMigration), r);
        r.set_migration_id("m-unknown");
        out.write("cancel-unknown", kind(R::CancelMigration), r);
        r.Clear();
        out.write("cancel-empty", kind(R::CancelMigration), r);
        r.set_migration_id(longId);
        out.write("cancel-long", kind(R::CancelMigration), r);
    }
    {
        v1::DrainSiteRequest r;
        r.set_site_id(story.siteDegraded);
        r.set_request_id("fuzz-seed-drain-preview");
        r.set_dry_run(true);
        r.set_max_concurrent(2);
        out.write("drain-preview", kind(R::DrainSite), r);
        r.set_request_id("fuzz-seed-drain");
        r.set_dry_run(false);
        r.set_reason("maintenance");
        out.write("drain-degraded-site", kind(R::DrainSite), r);
        r.set_site_id("no-such-site");
        out.write("drain-unknown", kind(R::DrainSite), r);
        r.Clear();
        out.write("drain-empty", kind(R::DrainSite), r);
        r.set_site_id(longId);
        out.write("drain-long", kind(R::DrainSite), r);
    }
    {
        v1::AcknowledgeAlarmRequest r;
        r.set_alarm_id(story.acknowledgedAlarmId);
        r.set_note("again");
        out.write("ack-acknowledged", kind(R::AcknowledgeAlarm), r);
        for (const auto& alarm : snapshot.alarms()) {
            if (alarm.id() != story.acknowledgedAlarmId && alarm.cleared_time_ms() == 0) {
                r.set_alarm_id(alarm.id());
                out.write("ack-active", kind(R::AcknowledgeAlarm), r);
                break;
            }
        }
        r.set_note(std::string(2000, 'n'));
        out.write("ack-long-note", kind(R::AcknowledgeAlarm), r);
        r.Clear();
        out.write("ack-empty", kind(R::AcknowledgeAlarm), r);
        r.set_alarm_id("a-unknown");
        out.write("ack-unknown", kind(R::AcknowledgeAlarm), r);
    }
    {
        v1::WatchRequest r;
        r.set_from_revision(snapshot.revision());
        out.write("watch-from-snapshot", kind(R::Watch), r);
        r.set_from_revision(story.simulation->events().currentRevision());
        out.write("watch-from-now", kind(R::Watch), r);
        r.set_from_revision(0);
        out.write("watch-from-0", kind(R::Watch), r);
        r.set_from_revision(std::numeric_limits<std::uint64_t>::max());
        out.write("watch-from-max", kind(R::Watch), r);
    }
    out.writeBytes("user-plain", kind(R::UserName), "li.wei@ops-01");
    out.writeBytes("user-escaped", kind(R::UserName), "%E6%9D%8E%E4%BC%9F@ops-01");
    out.writeBytes("user-bad-escape", kind(R::UserName), "%zz@host");
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: cpn-fuzz-seeds DIR  (writes DIR/client and DIR/server)\n");
        return 2;
    }
    try {
        fuzz::MockStory story = fuzz::tellStory();
        SeedWriter server(fs::path(argv[1]) / "server");
        // Before the client's seeds: those read on from the story's engine.
        writeServerSeeds(story, server);
        SeedWriter client(fs::path(argv[1]) / "client");
        writeClientSeeds(story, client);
        std::printf("%d client seeds, %d server seeds in %s\n", client.count(), server.count(), argv[1]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cpn-fuzz-seeds: %s\n", e.what());
        return 1;
    }
    return 0;
}
