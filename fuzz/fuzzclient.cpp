// cpn-fuzz-client: whatever a server sends, taken in as the console takes it in. The first byte
// says what the rest is (fuzzstory.h: ServerMessage, the byte modulo their count; the byte
// divided by that count picks how the task table is sorted and filtered); the rest is the
// serialized message. It is converted to domain values (rpc/protoconvert.h), qualified for a
// platform "p" and applied as the console applies batches: snapshots and watch events to a
// network state and the tables over it, a snapshot batch first and an event batch after it;
// plans, migrations and drains into the words and tables the dispatch dialogs show; history
// into the trend chart's store. Every table is read back and checked against the item-model
// contract (QAbstractItemModelTester, fatal on a breach).

#include "fuzzstory.h"

#include "alarmtablemodel.h"
#include "candidateplanmodel.h"
#include "dispatchlabels.h"
#include "domainlabels.h"
#include "migrationtablemodel.h"
#include "networkstate.h"
#include "platformscope.h"
#include "protoconvert.h"
#include "regionsummarymodel.h"
#include "taskfilterproxymodel.h"
#include "taskpages.h"
#include "tasktablemodel.h"
#include "timeseries.h"

#include <QAbstractItemModelTester>
#include <QCoreApplication>

#include <google/protobuf/stubs/logging.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <memory>

using namespace cpn;

namespace {

// What every input starts from: the story's snapshot as the console holds it, and a few events
// of each kind that followed it.
struct Baseline {
    StateBatch snapshot;
    std::vector<StateEvent> events;
    NetworkState state; // `snapshot` applied: what plans and drains are read against
    qint64 simTimeMs = 0;
};
Baseline* g_baseline = nullptr;

const PlatformScope& scope()
{
    static const PlatformScope platform(QString::fromLatin1(fuzz::kPlatform));
    return platform;
}

// The feed's rule (rpc/statefeed.cpp): heartbeats say nothing, and an event at or below the
// revision already received is counted as stale, never applied.
void receive(StateBatch& batch, quint64& revision, StateEvent&& event)
{
    if (event.revision <= revision) {
        ++batch.staleEvents;
        return;
    }
    revision = event.revision;
    scope().qualify(event);
    batch.events.push_back(std::move(event));
}

// Reads what a view would show: the first rows, the last one, every column and the roles the
// console's views and delegates ask for (not the font: there is no QGuiApplication).
void readModel(const QAbstractItemModel& model)
{
    static const int roles[] = { Qt::DisplayRole, Qt::ToolTipRole, Qt::TextAlignmentRole, Qt::ForegroundRole,
        Qt::BackgroundRole, Qt::DecorationRole, Qt::UserRole + 1, Qt::UserRole + 2, Qt::UserRole + 3, Qt::UserRole + 4,
        Qt::UserRole + 5, Qt::UserRole + 6, Qt::UserRole + 7, Qt::UserRole + 8 };
    const int rows = model.rowCount();
    const int columns = model.columnCount();
    for (int column = 0; column < columns; ++column)
        model.headerData(column, Qt::Horizontal, Qt::DisplayRole);
    auto readRow = [&](int row) {
        for (int column = 0; column < columns; ++column) {
            const QModelIndex index = model.index(row, column);
            for (int role : roles)
                model.data(index, role);
        }
    };
    for (int row = 0; row < std::min(rows, 32); ++row)
        readRow(row);
    if (rows > 32)
        readRow(rows - 1);
}

// The console's side of a platform's batches: the network, the tables over it, and the task
// table sorted and filtered as `view` says.
class Console {
public:
    explicit Console(std::uint8_t view)
    {
        m_tasks.setNetworkState(&m_state);
        m_alarms.setNetworkState(&m_state);
        m_migrations.setNetworkState(&m_state);
        m_proxy.setSourceModel(&m_tasks);
        m_proxy.sort(view % TaskTableModel::ColumnCount,
            (view / TaskTableModel::ColumnCount) % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
        if ((view / (2 * TaskTableModel::ColumnCount)) % 2)
            m_proxy.setTextFilter(QStringLiteral("1"));
    }

    // As ConsoleSession applies a batch: the network first, then the task table.
    void apply(StateBatch&& batch)
    {
        m_state.applyBatch(batch);
        m_tasks.applyBatch(std::move(batch));
    }
    // A snapshot whose tasks the feed built into a store beforehand (setPrepareTaskStore).
    void applyPrepared(StateBatch&& batch)
    {
        TaskStore store = TaskStore::fromTasks(std::move(batch.tasks));
        batch.tasks = {};
        applyPrepared(std::move(batch), std::move(store));
    }
    void applyPrepared(StateBatch&& batch, TaskStore&& store)
    {
        m_state.applyBatch(batch);
        m_tasks.applyBatch(std::move(batch), std::move(store));
    }

    void readEverything()
    {
        readModel(m_tasks);
        readModel(m_proxy);
        readModel(m_alarms);
        readModel(m_migrations);
        RegionSummaryModel::compute(m_state);
        m_state.activeAlarmCount();
        for (int s = 0; s < std::min<int>(int(m_state.sites().size()), 16); ++s) {
            m_state.duplicatesOf(s);
            siteName(&m_state, m_state.sites().at(s).id);
        }
        // CPN_FUZZ_VERBOSE=1: what each input came to, to see what a corpus reaches.
        static const bool verbose = qEnvironmentVariableIsSet("CPN_FUZZ_VERBOSE");
        if (verbose)
            std::fprintf(stderr, "sites %d links %d tasks %d shown %d alarms %d migrations %d warnings %d (%s)\n",
                int(m_state.sites().size()), int(m_state.links().size()), m_tasks.rowCount(), m_proxy.rowCount(),
                m_alarms.rowCount(), m_migrations.rowCount(), m_state.warningCount(),
                qPrintable(m_state.lastWarning()));
    }

private:
    NetworkState m_state;
    TaskTableModel m_tasks;
    TaskFilterProxyModel m_proxy;
    AlarmTableModel m_alarms;
    MigrationTableModel m_migrations;
    QAbstractItemModelTester m_checkTasks { &m_tasks, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester m_checkProxy { &m_proxy, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester m_checkAlarms { &m_alarms, QAbstractItemModelTester::FailureReportingMode::Fatal };
    QAbstractItemModelTester m_checkMigrations { &m_migrations, QAbstractItemModelTester::FailureReportingMode::Fatal };
};

// The story's events again, numbered on from `revision` as a server would after that snapshot.
StateBatch eventsAfter(quint64 revision)
{
    StateBatch batch;
    batch.platform = g_baseline->snapshot.platform;
    for (StateEvent event : g_baseline->events) {
        event.revision = revision + 1;
        if (event.revision <= revision) { // wrapped round: the feed takes it for stale
            ++batch.staleEvents;
            continue;
        }
        revision = event.revision;
        batch.events.push_back(std::move(event));
    }
    return batch;
}

void takeSnapshot(const v1::Snapshot& part, std::uint8_t view)
{
    StateBatch batch;
    batch.platform = g_baseline->snapshot.platform;
    batch.snapshot = convert::fromProto(part);
    scope().qualify(*batch.snapshot);
    batch.tasks = g_baseline->snapshot.tasks;
    Console console(view);
    console.applyPrepared(std::move(batch));
    console.apply(eventsAfter(part.revision()));
    console.readEverything();
}

void takeEvent(const v1::WatchEvent& event, std::uint8_t view)
{
    Console console(view);
    console.applyPrepared(StateBatch(g_baseline->snapshot));
    if (!event.has_heartbeat()) {
        StateBatch batch;
        batch.platform = g_baseline->snapshot.platform;
        quint64 revision = g_baseline->snapshot.snapshot->revision;
        receive(batch, revision, convert::fromProto(event));
        console.apply(std::move(batch));
    }
    console.readEverything();
}

// A page of tasks as the watch thread takes it off the wire (any bytes at all): read for its
// token and count, then parsed, converted and indexed on TaskPages' thread.
void takeTasks(const void* body, std::size_t length, std::uint8_t view)
{
    TaskPage page = TaskPage::fromBytes(std::string_view(static_cast<const char*>(body), length));
    std::string token;
    int count = 0;
    if (!page.peek(&token, &count))
        return;
    TaskPages pages(scope(), true, std::size_t(count));
    pages.add(std::move(page));
    TaskStore store;
    if (!pages.finish(&store, nullptr))
        return;
    StateBatch batch(g_baseline->snapshot);
    batch.tasks.clear();
    Console console(view);
    console.applyPrepared(std::move(batch), std::move(store));
    // The story's task events then land on whatever the page held.
    console.apply(eventsAfter(g_baseline->snapshot.snapshot->revision));
    console.readEverything();
}

// What the migration and drain dialogs and the migrations table say of a migration.
void describe(const Migration& m)
{
    migrationProgress(m);
    formatDuration(m.etaSeconds);
    formatBytes(double(m.bytesTotal));
    formatBytes(double(m.bytesDone));
    siteName(&g_baseline->state, m.sourceSiteId);
    siteName(&g_baseline->state, m.targetSiteId);
    pathSiteNames(&g_baseline->state, m.sourceSiteId, m.pathLinkIds);
    migrationStateName(m.state);
}

void takePlan(const v1::MigrationPlan& p)
{
    MigrationPlan plan = convert::fromProto(p);
    scope().qualify(plan);
    const NetworkState& state = g_baseline->state;
    pathSiteNames(&state, plan.sourceSiteId, plan.pathLinkIds);
    formatBytes(plan.transferGb * 1e9);
    formatDuration(plan.transferSeconds);
    formatDuration(plan.downtimeSeconds);
    for (const Violation& v : std::as_const(plan.violations))
        violationName(v.code);
    // The migration dialog: candidates for the task the plan is of, the plan among them.
    Task task;
    for (const Task& t : g_baseline->snapshot.tasks) {
        if (t.id == plan.taskId) {
            task = t;
            break;
        }
    }
    if (task.id.isEmpty())
        task = g_baseline->snapshot.tasks.value(0);
    CandidatePlanModel candidates;
    QAbstractItemModelTester check(&candidates, QAbstractItemModelTester::FailureReportingMode::Fatal);
    candidates.setNetworkState(&state);
    candidates.setCandidates(migrationCandidates(state, task, plan.targetSiteId));
    candidates.setPlan(plan);
    candidates.rankOf(plan.targetSiteId);
    candidates.isComplete();
    readModel(candidates);
}

void takeMigration(const v1::Migration& p)
{
    Migration migration = convert::fromProto(p);
    scope().qualify(migration);
    describe(migration);
}

void takeDrain(const v1::DrainSiteResponse& p)
{
    DrainResult result = convert::fromProto(p);
    scope().qualify(result);
    siteName(&g_baseline->state, result.siteId);
    for (const Migration& m : std::as_const(result.migrations).mid(0, 256))
        describe(m);
}

// As the trend controller takes a QueryHistory answer: merged into the store over the hour it
// asked for, trimmed to now, a live point after it.
void takeHistory(const v1::QueryHistoryResponse& p)
{
    const qint64 now = g_baseline->simTimeMs;
    const SeriesKey key { scope().qualify(QString::fromStdString(p.entity_id())), QString::fromStdString(p.metric()) };
    QList<TimePoint> points;
    points.reserve(p.points_size());
    for (const auto& point : p.points())
        points.append({ point.time_ms(), point.value() });
    TimeSeriesStore store;
    store.appendLive(key, { now - 30 * 60 * 1000, 0.5 });
    store.mergeBackfill(key, now - 3600 * 1000, now, points, QString::fromStdString(p.unit()));
    store.trim(now);
    store.appendLive(key, { now + 60 * 1000, 0.25 });
    store.gapStartMs(key, now, 5 * 60 * 1000);
    store.points(key);
    trendMetricLabel(key.metric);
    trendMetricUnit(key.metric);
}

void quiet(QtMsgType type, const QMessageLogContext&, const QString& message)
{
    // Data warnings are expected by the thousand; a fatal message is the finding (Qt aborts).
    if (type == QtFatalMsg)
        std::fprintf(stderr, "%s\n", qPrintable(message));
}

} // namespace

extern "C" const char* __ubsan_default_options()
{
    return "halt_on_error=1:print_stacktrace=1";
}

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    static int argc = 1;
    static char name[] = "cpn-fuzz-client";
    static char* argv[] = { name, nullptr };
    static QCoreApplication app(argc, argv);
    qInstallMessageHandler(quiet);
    // Malformed strings are the point here: protobuf's complaints about them go unsaid.
    google::protobuf::SetLogHandler(nullptr);

    const fuzz::MockStory story = fuzz::tellStory();
    static Baseline baseline;
    baseline.snapshot.platform = scope().name();
    baseline.snapshot.snapshot = convert::fromProto(story.before);
    scope().qualify(*baseline.snapshot.snapshot);
    for (const auto& t : story.firstTasks.tasks()) {
        baseline.snapshot.tasks.append(convert::fromProto(t));
        scope().qualify(baseline.snapshot.tasks.back());
    }
    baseline.simTimeMs = story.before.sim_time_ms();
    // A few events of each kind (the story holds thousands), the last metrics sample among them.
    std::map<int, int> taken;
    for (auto it = story.events.rbegin(); it != story.events.rend(); ++it) {
        if (taken[it->event_case()]++ < 3) {
            StateEvent event = convert::fromProto(*it);
            scope().qualify(event);
            baseline.events.insert(baseline.events.begin(), std::move(event));
        }
    }
    StateBatch applied(baseline.snapshot);
    baseline.state.applyBatch(applied);
    g_baseline = &baseline;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    if (size == 0 || size - 1 > std::size_t(INT32_MAX))
        return 0;
    const auto kind = fuzz::kindOf<fuzz::ServerMessage>(data[0]);
    const std::uint8_t view = data[0] / std::uint8_t(fuzz::ServerMessage::Count);
    const void* body = data + 1;
    const int length = int(size - 1);
    switch (kind) {
    case fuzz::ServerMessage::Snapshot: {
        v1::Snapshot message;
        if (message.ParseFromArray(body, length))
            takeSnapshot(message, view);
        break;
    }
    case fuzz::ServerMessage::WatchEvent: {
        v1::WatchEvent message;
        if (message.ParseFromArray(body, length))
            takeEvent(message, view);
        break;
    }
    case fuzz::ServerMessage::ListTasksResponse:
        takeTasks(body, std::size_t(length), view);
        break;
    case fuzz::ServerMessage::MigrationPlan: {
        v1::MigrationPlan message;
        if (message.ParseFromArray(body, length))
            takePlan(message);
        break;
    }
    case fuzz::ServerMessage::Migration: {
        v1::Migration message;
        if (message.ParseFromArray(body, length))
            takeMigration(message);
        break;
    }
    case fuzz::ServerMessage::DrainSiteResponse: {
        v1::DrainSiteResponse message;
        if (message.ParseFromArray(body, length))
            takeDrain(message);
        break;
    }
    case fuzz::ServerMessage::QueryHistoryResponse: {
        v1::QueryHistoryResponse message;
        if (message.ParseFromArray(body, length))
            takeHistory(message);
        break;
    }
    case fuzz::ServerMessage::Count:
        break;
    }
    return 0;
}
