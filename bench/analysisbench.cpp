// analysis.*: decision support (models/recommendations, models/contingencies) on the mock's
// network and tasks: taking the input on the GUI thread, preparing it, N-1 over every
// contingency, recommendations; each beside its target (DESIGN.md's performance table).

// The mock's engine first: it names a member `slots`, which Qt headers define as a macro.
#include "simulation.h"

#include "analysisinput.h"
#include "benchregistry.h"
#include "contingencies.h"
#include "networkstate.h"
#include "protoconvert.h"
#include "recommendations.h"
#include "taskstore.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

namespace cpn::bench {

namespace {

constexpr int kCaptureSlice = 100000; // tasks copied per event-loop turn

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

void runScale(const QString& scale, double n1TargetMs, bool recommendations)
{
    QElapsedTimer timer;
    timer.start();
    mock::SimulationOptions options;
    options.seed = 1;
    options.scale = mock::parseScale(scale.toStdString()).value_or(mock::Scale::National);
    mock::Simulation simulation(options);
    simulation.tick(30);
    NetworkState state;
    StateBatch batch;
    batch.snapshot = convert::fromProto(simulation.snapshot());
    state.applyBatch(batch);
    QList<Task> tasks;
    v1::ListTasksRequest request;
    request.set_page_size(5000);
    do {
        v1::ListTasksResponse page;
        if (!simulation.listTasks(request, &page).ok())
            break;
        for (const auto& t : page.tasks())
            tasks.append(convert::fromProto(t));
        request.set_page_token(page.next_page_token());
    } while (!request.page_token().empty());
    const TaskStore store = TaskStore::fromTasks(std::move(tasks));
    std::fprintf(stderr, "cpn-bench: analysis %s: %lld sites, %lld links, %d tasks (%.1f s to build)\n",
        qPrintable(scale), qlonglong(state.sites().size()), qlonglong(state.links().size()), store.rowCount(),
        msSince(timer) / 1000);

    // The GUI thread's part: the longest slice of the capture.
    double longestSliceMs = 0;
    timer.start();
    analysis::AnalysisCapture capture(state);
    longestSliceMs = msSince(timer);
    for (bool done = false; !done;) {
        timer.start();
        done = capture.copyTasks(store, kCaptureSlice);
        longestSliceMs = std::max(longestSliceMs, msSince(timer));
    }
    timer.start();
    analysis::AnalysisSource source = capture.take(store);
    longestSliceMs = std::max(longestSliceMs, msSince(timer));
    report(QStringLiteral("analysis.capture_slice.%1_ms").arg(scale), longestSliceMs, "ms");
    report(QStringLiteral("analysis.capture_slice.%1_target_ms").arg(scale), 50, "ms");

    timer.start();
    const analysis::AnalysisInput input = analysis::prepareAnalysis(std::move(source));
    report(QStringLiteral("analysis.prepare.%1_ms").arg(scale), msSince(timer), "ms");

    const auto elements = analysis::contingencyElements(input);
    timer.start();
    const auto n1 = analysis::contingencies(input, elements);
    const double n1Ms = msSince(timer);
    report(QStringLiteral("analysis.n1_all.%1_ms").arg(scale), n1Ms, "ms");
    report(QStringLiteral("analysis.n1_all.%1_target_ms").arg(scale), n1TargetMs, "ms");
    report(QStringLiteral("analysis.n1_elements.%1").arg(scale), double(elements.size()), "elements");
    if (!n1.contingencies.empty()) {
        const auto& worst = n1.contingencies.front();
        std::fprintf(stderr, "cpn-bench: analysis %s: worst contingency %s: %d tasks displaced, %d unplaced, severity %.2f\n",
            qPrintable(scale), qPrintable(worst.failed.front().id), worst.tasksDisplaced, worst.unplacedTotal(),
            worst.severity);
    }

    if (recommendations) {
        timer.start();
        const auto result = analysis::recommend(input, {});
        report(QStringLiteral("analysis.recommend.%1_ms").arg(scale), msSince(timer), "ms");
        report(QStringLiteral("analysis.recommend.%1_target_ms").arg(scale), 5000, "ms");
        report(QStringLiteral("analysis.recommend.%1_count").arg(scale), double(result.recommendations.size()), "moves");
    }
}

void run(const Options& options)
{
    if (options.wants(QStringLiteral("national")))
        runScale(QStringLiteral("national"), 1000, true);
    if (options.wants(QStringLiteral("huge")))
        runScale(QStringLiteral("huge"), 10000, true);
}

} // namespace

CPN_BENCH_GROUP("analysis", 37, run);

} // namespace cpn::bench
