// client.*: the console's client side with the mock scheduler's huge network (10,000 sites,
// 50,000 links, 1,000,000 tasks), built in-process, and national for the latency figure.
//
// decode_frame: parse one metrics WatchEvent for every site and link from its wire bytes and
// convert it to domain structs (what the watch thread does per frame).
// apply_frame: apply that frame on the GUI side: NetworkState, the task table and its sorted
// proxy, the map (marks what changed; the repaint is map.*).
// convert_tasks / prepare_tasks / apply_snapshot: the start: 1M tasks from ListTasks pages to
// domain structs, those into the task table's storage, then the snapshot batch into the state
// and models (GUI thread).
// peek_pages / parse_pages / take_pages: the same pages as the console takes them: the watch
// thread reads each page's token and count off the wire, TaskPages parses, converts and indexes
// them on its own thread (take_pages: all of it, for a named platform, ids qualified).
// task_churn: one GUI batch of the task events of a wall second at huge, table sorted by name;
// remove_ended: then the tasks that ended in it leave the list (the console's removals step).
// sort_tasks / filter_tasks: the task list's proxy: a click on a column header, typing a word.
// latency_p99.national_ms: a scheduler tick (with manual ticks) to the change applied in the
// console's state, over the real gRPC stream on loopback.

// The mock's engine first: it names a member `slots`, which Qt headers define as a macro.
#include "mockserver.h"
#include "simulation.h"

#include "benchregistry.h"

#include "mapview.h"
#include "networkstate.h"
#include "protoconvert.h"
#include "statefeed.h"
#include "taskfilterproxymodel.h"
#include "taskpages.h"
#include "tasktablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTableView>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <map>
#include <thread>

namespace cpn::bench {

namespace {

    int fewRepeats(const Options& options, int most) { return std::clamp(options.repeats, 1, most); }

    StateBatch snapshotOf(mock::Simulation& simulation, double* convertTasksMs, std::vector<std::string>* wirePages)
    {
        StateBatch batch;
        const v1::Snapshot snapshot = simulation.snapshot();
        batch.snapshot = convert::fromProto(snapshot);
        batch.tasks.reserve(qsizetype(snapshot.task_count()));
        // Pages as the console asks for them; only the conversion is timed.
        QElapsedTimer timer;
        qint64 converting = 0;
        v1::ListTasksRequest request;
        request.set_page_size(5000);
        for (;;) {
            v1::ListTasksResponse page;
            if (!simulation.listTasks(request, &page).ok())
                break;
            wirePages->push_back(page.SerializeAsString());
            timer.start();
            for (const auto& t : page.tasks())
                batch.tasks.append(convert::fromProto(t));
            converting += timer.nsecsElapsed();
            if (page.next_page_token().empty())
                break;
            request.set_page_token(page.next_page_token());
        }
        *convertTasksMs = double(converting) / 1e6;
        return batch;
    }

    // Every event the simulation emits over `seconds` of wall time at its default time scale.
    std::vector<StateEvent> eventsOver(mock::Simulation& simulation, quint64 fromRevision, double seconds)
    {
        simulation.tick(seconds * simulation.options().timeScale);
        std::vector<StateEvent> out;
        std::vector<server::EventPtr> events;
        simulation.events().read(fromRevision, 1 << 30, std::chrono::milliseconds(0), events);
        for (const auto& e : events)
            out.push_back(convert::fromProto(*e));
        return out;
    }

    void runHuge(const Options& options)
    {
        QElapsedTimer timer;
        timer.start();
        mock::SimulationOptions simOptions;
        simOptions.scale = mock::Scale::Huge;
        mock::Simulation simulation(simOptions);
        simulation.tick(30);
        double convertTasksMs = 0;
        std::vector<std::string> wirePages;
        StateBatch start = snapshotOf(simulation, &convertTasksMs, &wirePages);
        std::fprintf(stderr, "cpn-bench: huge network: %lld sites, %lld links, %lld tasks (%.1f s to build)\n",
            qlonglong(start.snapshot->sites.size()), qlonglong(start.snapshot->links.size()),
            qlonglong(start.tasks.size()), timer.elapsed() / 1000.0);
        report(QStringLiteral("client.convert_tasks.huge_ms"), convertTasksMs, "ms");
        {
            // Pages as they come off the wire (copying a ByteBuffer shares its bytes).
            std::vector<grpc::ByteBuffer> wire;
            for (const std::string& bytes : wirePages) {
                grpc::Slice slice(bytes);
                wire.emplace_back(&slice, 1);
            }
            auto pageOf = [](const grpc::ByteBuffer& bytes) { return TaskPage(grpc::ByteBuffer(bytes)); };
            // The watch thread's part of the task pages: read each page's token and count.
            std::string token;
            int count = 0;
            qsizetype counted = 0;
            const auto peek = timeRuns(fewRepeats(options, 3), 0, [&] {
                counted = 0;
                for (const grpc::ByteBuffer& bytes : wire)
                    counted += pageOf(bytes).peek(&token, &count) ? count : 0;
            });
            if (counted != start.tasks.size())
                std::fprintf(stderr, "cpn-bench: %lld tasks counted in the pages, not %lld\n", qlonglong(counted),
                    qlonglong(start.tasks.size()));
            report(QStringLiteral("client.peek_pages.huge_ms"), median(peek), "ms");
            // Parsing them (on the TaskPages thread).
            const auto parse = timeRuns(fewRepeats(options, 3), 0, [&] {
                for (const grpc::ByteBuffer& bytes : wire)
                    pageOf(bytes).parse();
            });
            report(QStringLiteral("client.parse_pages.huge_ms"), median(parse), "ms");
            // Both as the console takes a named platform's pages: read here, then parsed,
            // converted and indexed into the table's storage (ids qualified) on TaskPages' thread.
            qsizetype taken = 0;
            const auto take = timeRuns(fewRepeats(options, 3), 0, [&] {
                TaskPages pages(PlatformScope(QStringLiteral("huge")), true, std::size_t(start.tasks.size()));
                for (const grpc::ByteBuffer& bytes : wire) {
                    TaskPage page = pageOf(bytes);
                    page.peek(&token, &count);
                    pages.add(std::move(page));
                }
                TaskStore store;
                taken = pages.finish(&store, nullptr) ? store.rowCount() : 0;
            });
            if (taken != start.tasks.size())
                std::fprintf(stderr, "cpn-bench: %lld tasks taken from the pages, not %lld\n", qlonglong(taken),
                    qlonglong(start.tasks.size()));
            report(QStringLiteral("client.take_pages.huge_ms"), median(take), "ms");
        }

        // The console's GUI side: state, task table, the task list's sorted proxy, the map.
        NetworkState state;
        TaskTableModel tasks;
        tasks.setNetworkState(&state);
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&tasks);
        proxy.sort(TaskTableModel::IdColumn, Qt::AscendingOrder);
        MapView map;
        map.setAttribute(Qt::WA_DontShowOnScreen);
        map.resize(1920, 1080);
        map.setState(&state);
        // As the console does: the table's storage built on the watch thread, swapped in on the GUI thread.
        timer.start();
        TaskStore prepared = TaskStore::fromTasks(std::move(start.tasks));
        report(QStringLiteral("client.prepare_tasks.huge_ms"), double(timer.nsecsElapsed()) / 1e6, "ms");
        timer.start();
        state.applyBatch(start);
        const double stateMs = double(timer.nsecsElapsed()) / 1e6;
        tasks.applyBatch(std::move(start), std::move(prepared));
        const double snapshotMs = double(timer.nsecsElapsed()) / 1e6;
        std::fprintf(stderr, "cpn-bench: snapshot on the GUI thread: %.1f ms network state and map, %.1f ms tasks\n",
            stateMs, snapshotMs - stateMs);
        report(QStringLiteral("client.apply_snapshot.huge_ms"), snapshotMs, "ms");

        // One metrics frame for every site and link, as it comes off the wire.
        v1::WatchEvent wire;
        {
            const v1::Snapshot snapshot = simulation.snapshot();
            wire.set_revision(snapshot.revision() + 1);
            *wire.mutable_metrics()->mutable_sites() = snapshot.site_metrics();
            *wire.mutable_metrics()->mutable_links() = snapshot.link_metrics();
        }
        const std::string bytes = wire.SerializeAsString();
        StateEvent decoded;
        const auto decode = timeRuns(fewRepeats(options, 50), 2, [&] {
            v1::WatchEvent event;
            event.ParseFromString(bytes);
            decoded = convert::fromProto(event);
        });
        report(QStringLiteral("client.decode_frame.huge_ms"), median(decode), "ms");
        std::fprintf(stderr, "cpn-bench: metrics frame: %.1f MB, %lld sites, %lld links\n", bytes.size() / 1e6,
            qlonglong(std::get<MetricsFrame>(decoded.change).sites.size()),
            qlonglong(std::get<MetricsFrame>(decoded.change).links.size()));

        quint64 revision = state.revision();
        const auto apply = timeRuns(fewRepeats(options, 100), 2, [&] {
            StateBatch batch;
            decoded.revision = ++revision;
            batch.events.push_back(decoded);
            state.applyBatch(batch);
            tasks.applyBatch(batch);
        });
        report(QStringLiteral("client.apply_frame.huge_ms"), median(apply), "ms");
        report(QStringLiteral("client.apply_frame.huge_max_ms"), *std::max_element(apply.begin(), apply.end()), "ms");

        // A wall second of task events (arrivals, starts, completions) in one GUI batch, then
        // the ended tasks leaving the list in a step of their own, as the console does. The
        // site inspector's list (no site chosen) and a table view are there as in the console.
        proxy.sort(TaskTableModel::NameColumn, Qt::AscendingOrder);
        QTableView view;
        view.setModel(&proxy);
        TaskFilterProxyModel inspector;
        inspector.setSiteFilter(QStringLiteral("\x01none"));
        inspector.setSourceModel(&tasks);
        std::vector<double> churn;
        std::vector<double> removals;
        std::size_t taskEvents = 0;
        for (int i = 0; i < fewRepeats(options, 10); ++i) {
            StateBatch batch;
            batch.events = eventsOver(simulation, state.revision(), 1.0);
            batch.events.erase(std::remove_if(batch.events.begin(), batch.events.end(),
                                   [](const StateEvent& e) { return std::holds_alternative<MetricsFrame>(e.change); }),
                batch.events.end());
            taskEvents += batch.events.size();
            timer.start();
            state.applyBatch(batch);
            tasks.applyEvents(batch.platform, batch.events, TaskTableModel::Removal::Later);
            churn.push_back(double(timer.nsecsElapsed()) / 1e6);
            timer.start();
            tasks.removePending();
            removals.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        std::fprintf(stderr, "cpn-bench: %.0f task and other events per wall second\n",
            double(taskEvents) / double(churn.size()));
        report(QStringLiteral("client.task_churn.huge_ms"), median(churn), "ms");
        report(QStringLiteral("client.remove_ended.huge_ms"), median(removals), "ms");
        report(QStringLiteral("client.remove_ended.huge_max_ms"), *std::max_element(removals.begin(), removals.end()), "ms");

        // A click on a column header: every row ordered again.
        double slowest = 0;
        for (const auto& [column, name] : std::vector<std::pair<int, const char*>> { { TaskTableModel::SiteColumn, "site" },
                 { TaskTableModel::CardsColumn, "cards" }, { TaskTableModel::KindColumn, "kind" },
                 { TaskTableModel::IdColumn, "id" }, { TaskTableModel::NameColumn, "name" } }) {
            std::vector<double> runs;
            for (int i = 0; i < fewRepeats(options, 3); ++i) {
                // From another column's order each time, never from this one's (that is one pass).
                proxy.sort(column == TaskTableModel::CardsColumn ? TaskTableModel::KindColumn : TaskTableModel::CardsColumn);
                timer.start();
                proxy.sort(column, i % 2 ? Qt::DescendingOrder : Qt::AscendingOrder);
                runs.push_back(double(timer.nsecsElapsed()) / 1e6);
            }
            report(QStringLiteral("client.sort_tasks.%1.huge_ms").arg(QLatin1String(name)), median(runs), "ms");
            slowest = std::max(slowest, median(runs));
        }
        report(QStringLiteral("client.sort_tasks.huge_ms"), slowest, "ms");

        // Typing a tenant's name, a key at a time, then clearing it: the slowest key counts.
        const QString word = tasks.taskAt(tasks.rowCount() / 2).tenant.left(6);
        std::vector<double> keys;
        for (int round = 0; round < fewRepeats(options, 3); ++round) {
            for (int n = 1; n <= word.size(); ++n) {
                timer.start();
                proxy.setTextFilter(word.left(n));
                keys.push_back(double(timer.nsecsElapsed()) / 1e6);
            }
            std::fprintf(stderr, "cpn-bench: filter \"%s\" shows %d of %d tasks\n", qPrintable(word),
                proxy.rowCount(), tasks.rowCount());
            timer.start();
            proxy.setTextFilter({});
            keys.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        report(QStringLiteral("client.filter_tasks.huge_ms"), *std::max_element(keys.begin(), keys.end()), "ms");
        report(QStringLiteral("client.filter_tasks.huge_median_ms"), median(keys), "ms");
    }

    // Scheduler tick to change applied, through a real server, feed and state on loopback.
    void runLatency(const Options& options)
    {
        mock::MockServerOptions serverOptions;
        serverOptions.manualTicks = true;
        mock::MockServer server(serverOptions);
        std::string error;
        if (!server.start(&error)) {
            std::fprintf(stderr, "cpn-bench: cannot start the mock scheduler: %s\n", error.c_str());
            return;
        }
        ConnectionSettings settings;
        settings.target = QString::fromStdString(server.address());
        NetworkState state;
        TaskTableModel tasks;
        tasks.setNetworkState(&state);
        StateFeed feed(settings);
        // revision of the last event of a tick -> when the tick ended
        std::map<quint64, qint64> tickEnd;
        std::mutex ticks;
        QElapsedTimer clock;
        clock.start();
        std::vector<double> latencies;
        QObject::connect(&feed, &StateFeed::batchReady, &feed, [&] {
            const StateBatch batch = feed.takeBatch();
            state.applyBatch(batch);
            tasks.applyBatch(batch);
            const qint64 now = clock.nsecsElapsed();
            if (batch.snapshot)
                return;
            std::lock_guard lock(ticks);
            for (const StateEvent& e : batch.events) {
                const auto it = tickEnd.lower_bound(e.revision);
                if (it != tickEnd.end()) {
                    latencies.push_back(double(now - it->second) / 1e6);
                    tickEnd.erase(tickEnd.begin(), it); // one figure per tick and batch
                }
            }
        });
        feed.start();
        QEventLoop loop;
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        QObject::connect(&feed, &StateFeed::stateChanged, &loop, [&loop](ConnectionState s) {
            if (s == ConnectionState::Live)
                loop.quit();
        });
        loop.exec();
        // Ticks at the mock's own cadence scaled up (10 a second) from another thread, as the server's tick thread does.
        std::atomic<bool> stop { false };
        const int tickCount = fewRepeats(options, 300);
        std::thread ticker([&] {
            for (int i = 0; i < tickCount && !stop; ++i) {
                server.simulation()->tick(1.0);
                const quint64 revision = server.simulation()->events().currentRevision();
                {
                    std::lock_guard lock(ticks);
                    tickEnd.emplace(revision, clock.nsecsElapsed());
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        });
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < tickCount * 100 + 2000)
            QApplication::processEvents(QEventLoop::AllEvents, 20);
        stop = true;
        ticker.join();
        feed.stop();
        server.stop();
        if (latencies.empty()) {
            std::fprintf(stderr, "cpn-bench: no change reached the console\n");
            return;
        }
        std::sort(latencies.begin(), latencies.end());
        report(QStringLiteral("client.latency_median.national_ms"), median(latencies), "ms");
        report(QStringLiteral("client.latency_p99.national_ms"),
            latencies[std::min(latencies.size() - 1, std::size_t(double(latencies.size()) * 0.99))], "ms");
    }

    void runClient(const Options& options)
    {
        if (options.wants(QStringLiteral("national")))
            runLatency(options);
        if (options.wants(QStringLiteral("huge")))
            runHuge(options);
    }

} // namespace

CPN_BENCH_GROUP("client", 20, runClient);

} // namespace cpn::bench
