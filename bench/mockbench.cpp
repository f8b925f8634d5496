// mock.*: the mock scheduler at a scale, measured over real gRPC on a loopback port, as a console
// sees it (`cpn-bench --only mock`, scales from --scales).
//
// start: constructing the MockServer and until it listens (network, tasks, history built).
// snapshot: GetSnapshot round trip, median of a few.
// list_all_tasks: paging ListTasks (5,000 a page) from the first task to the last.
// tick: one simulated tick of --time-scale 10 (what the 1 Hz tick thread does each second),
// median of a few; serialise: encoding the metrics event of that tick once (each Watch stream
// writes it); metrics_frame bytes: its size on the wire; tick_to_watch_metrics: from the start of
// a tick until a Watch client has read its metrics event. peak_rss: the process's high-water mark
// after a further minute of ticks, when the event log is full (the bench process: run with
// --only mock for the mock's own figure). capacity_report_7d: GetCapacityReport over the last 7
// days, every part read and joined by the client (median of a few); _server: the engine building
// it alone, without gRPC; _bytes: the report joined. metrics_at_server: the engine building a
// moment of an hour ago (GetMetricsAt's answer, every site and link) without gRPC, median of a few.

// The mock's headers before any Qt header: Qt's `slots` keyword macro would break them.
#include "partsreader.h"
#include "mockserver.h"
#include "simulation.h"

#include "cpn/v1/state.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include "benchregistry.h"

#include <QElapsedTimer>
#include <QFile>

#include <cstdio>

namespace cpn::bench {

namespace {

constexpr int kSnapshotRuns = 3;
constexpr int kTickRuns = 5;
constexpr double kTickSeconds = 10;
constexpr int kSteadyTicks = 60; // enough for the event log to reach its byte limit at huge // simulated seconds per wall second at the default time scale

double peakRssMb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const auto& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').front().toDouble() / 1024.0;
    return 0;
}

void measure(const QString& scale)
{
    const auto fail = [&](const std::string& what) {
        std::fprintf(stderr, "cpn-bench: mock %s: %s\n", qPrintable(scale), what.c_str());
    };
    mock::MockServerOptions options;
    options.scale = *mock::parseScale(scale.toStdString());
    options.manualTicks = true; // the bench times the ticks itself
    QElapsedTimer timer;
    timer.start();
    mock::MockServer server(options);
    std::string error;
    if (!server.start(&error))
        return fail(error);
    report(QStringLiteral("mock.start.%1_s").arg(scale), double(timer.nsecsElapsed()) / 1e9, "s");

    // gRPC's default limits, as any client: every message fits 4 MB.
    const auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
    const auto stub = v1::StateService::NewStub(channel);

    std::size_t snapshotBytes = 0;
    const auto snapshotMs = timeRuns(kSnapshotRuns, 1, [&] {
        grpc::ClientContext context;
        v1::Snapshot snapshot;
        const auto status = v1::readSnapshot(*stub, &context, &snapshot);
        if (!status.ok())
            fail("GetSnapshot: " + status.error_message());
        snapshotBytes = snapshot.ByteSizeLong();
    });
    report(QStringLiteral("mock.snapshot.%1_ms").arg(scale), median(snapshotMs), "ms");
    report(QStringLiteral("mock.snapshot.%1_bytes").arg(scale), double(snapshotBytes), "bytes");

    timer.restart();
    std::uint64_t listed = 0;
    int pages = 0;
    v1::ListTasksRequest request;
    request.set_page_size(5000);
    do {
        grpc::ClientContext context;
        v1::ListTasksResponse page;
        const auto status = stub->ListTasks(&context, request, &page);
        if (!status.ok()) {
            fail("ListTasks: " + status.error_message());
            break;
        }
        listed += std::uint64_t(page.tasks_size());
        ++pages;
        request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    report(QStringLiteral("mock.list_all_tasks.%1_s").arg(scale), double(timer.nsecsElapsed()) / 1e9, "s");
    std::fprintf(stderr, "cpn-bench: mock %s: listed %llu tasks in %d pages\n", qPrintable(scale),
        static_cast<unsigned long long>(listed), pages);

    // A week's capacity report, as the console asks for one.
    {
        auto* simulation = server.simulation();
        const std::int64_t now = simulation->simTimeMs();
        v1::GetCapacityReportRequest week;
        week.set_from_ms(now - 7LL * 24 * 3600 * 1000);
        week.set_to_ms(now);
        std::size_t reportBytes = 0;
        const auto reportMs = timeRuns(kSnapshotRuns, 0, [&] {
            grpc::ClientContext context;
            auto reader = stub->GetCapacityReport(&context, week);
            v1::CapacityReport whole;
            v1::CapacityReport part;
            bool first = true;
            while (reader->Read(&part)) {
                if (first)
                    whole = std::move(part);
                else
                    whole.MergeFrom(part);
                first = false;
                part.Clear();
            }
            const auto status = reader->Finish();
            if (!status.ok())
                fail("GetCapacityReport: " + status.error_message());
            reportBytes = whole.ByteSizeLong();
        });
        report(QStringLiteral("mock.capacity_report_7d.%1_ms").arg(scale), median(reportMs), "ms");
        report(QStringLiteral("mock.capacity_report_7d.%1_bytes").arg(scale), double(reportBytes), "bytes");
        const auto serverMs = timeRuns(kSnapshotRuns, 0, [&] {
            v1::CapacityReport whole;
            const auto status = simulation->capacityReport(week, &whole, [] { return false; });
            if (!status.ok())
                fail("capacityReport: " + status.error_message());
        });
        report(QStringLiteral("mock.capacity_report_7d_server.%1_ms").arg(scale), median(serverMs), "ms");

        // A past moment (GetMetricsAt) as the engine builds it, every site and link, an hour ago.
        std::size_t slices = 0;
        const auto momentMs = timeRuns(kSnapshotRuns, 0, [&] {
            slices = 0;
            const auto status = simulation->metricsAt(now - 3600 * 1000, [&](v1::MetricsBatch&&) {
                ++slices;
                return true;
            });
            if (!status.ok())
                fail("metricsAt: " + status.error_message());
        });
        report(QStringLiteral("mock.metrics_at_server.%1_ms").arg(scale), median(momentMs), "ms");
        std::fprintf(stderr, "cpn-bench: mock %s: a moment in %zu slices\n", qPrintable(scale), slices);
    }

    auto* simulation = server.simulation();
    std::uint64_t after = simulation->events().currentRevision();
    const auto tickMs = timeRuns(kTickRuns, 1, [&] { simulation->tick(kTickSeconds); });
    report(QStringLiteral("mock.tick.%1_ms").arg(scale), median(tickMs), "ms");

    // The metrics event of the last tick, as every Watch stream writes it.
    std::vector<server::EventPtr> events;
    server::EventPtr frame;
    for (;;) {
        const auto status = simulation->events().read(after, 100000, std::chrono::milliseconds(0), events);
        if (status != server::EventLog::ReadStatus::Events) {
            if (status != server::EventLog::ReadStatus::Timeout)
                fail("reading the event log: status " + std::to_string(int(status)));
            break;
        }
        after = events.back()->revision();
        for (const auto& event : events)
            if (event->has_metrics())
                frame = event;
        events.clear();
    }
    if (!frame)
        return fail("no metrics event after a tick");
    std::string wire;
    const auto serialiseMs = timeRuns(kTickRuns, 1, [&] { frame->SerializeToString(&wire); });
    report(QStringLiteral("mock.metrics_serialise.%1_ms").arg(scale), median(serialiseMs), "ms");
    report(QStringLiteral("watch.metrics_frame.%1_bytes").arg(scale), double(frame->ByteSizeLong()), "bytes");

    // A Watch stream as the console holds it: from the tick until its metrics event arrived.
    {
        grpc::ClientContext context;
        v1::WatchRequest watch;
        watch.set_from_revision(simulation->events().currentRevision());
        const auto reader = stub->Watch(&context, watch);
        std::vector<double> samples;
        for (int i = 0; i < kTickRuns; ++i) {
            timer.restart();
            simulation->tick(kTickSeconds);
            v1::WatchEvent event;
            bool gotMetrics = false;
            while (!gotMetrics && reader->Read(&event))
                gotMetrics = event.has_metrics();
            if (!gotMetrics) {
                fail("the Watch stream ended");
                break;
            }
            samples.push_back(double(timer.nsecsElapsed()) / 1e6);
        }
        context.TryCancel();
        report(QStringLiteral("mock.tick_to_watch_metrics.%1_ms").arg(scale), median(samples), "ms");
    }

    // Memory once the event log holds as much as it keeps (it drops the oldest beyond its byte
    // limit): what a long run settles at.
    for (int i = 0; i < kSteadyTicks; ++i)
        simulation->tick(kTickSeconds);
    report(QStringLiteral("mock.peak_rss.%1_mb").arg(scale), peakRssMb(), "MB");
}

void run(const Options& options)
{
    for (const char* scale : { "national", "large", "huge" })
        if (options.wants(QString::fromLatin1(scale)))
            measure(QString::fromLatin1(scale));
}

} // namespace

CPN_BENCH_GROUP("mock", 20, run);

} // namespace cpn::bench
