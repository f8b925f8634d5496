// The mock's engine first: it names a member `slots`, which Qt headers define as a macro.
#include "simulation.h"

#include "mocknetwork.h"
#include "protoconvert.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace cpn::bench {

MockNetwork buildMockNetwork(const QString& scale, quint64 seed)
{
    QElapsedTimer timer;
    timer.start();
    mock::SimulationOptions options;
    options.seed = seed;
    options.scale = mock::parseScale(scale.toStdString()).value_or(mock::Scale::National);
    mock::Simulation simulation(options);
    simulation.tick(30);

    // A few tasks on their way to the least loaded sites: flows to draw.
    std::vector<std::pair<double, std::string>> idle;
    {
        const v1::Snapshot before = simulation.snapshot();
        for (const auto& m : before.site_metrics())
            idle.emplace_back(m.utilisation(), m.site_id());
        std::sort(idle.begin(), idle.end());
        idle.resize(std::min<std::size_t>(idle.size(), 12));
    }
    v1::ListTasksRequest request;
    request.set_page_size(200);
    v1::ListTasksResponse page;
    if (simulation.listTasks(request, &page).ok()) {
        int started = 0;
        for (const auto& task : page.tasks()) {
            if (started >= 4)
                break;
            for (const auto& [load, target] : idle) {
                v1::StartMigrationRequest start;
                start.set_request_id("bench-" + task.id());
                start.set_task_id(task.id());
                start.set_target_site_id(target);
                v1::Migration migration;
                if (simulation.startMigration(start, "bench", &migration).ok()) {
                    ++started;
                    break;
                }
            }
        }
    }
    simulation.tick(30);

    MockNetwork out;
    out.state = std::make_unique<NetworkState>();
    StateBatch batch;
    batch.snapshot = convert::fromProto(simulation.snapshot());
    out.state->applyBatch(batch);
    out.buildSeconds = timer.elapsed() / 1000.0;
    std::fprintf(stderr, "cpn-bench: %s network: %lld sites, %lld links, %lld migrations (%.1f s to build)\n",
        qPrintable(scale), qlonglong(out.state->sites().size()), qlonglong(out.state->links().size()),
        qlonglong(out.state->migrations().size()), out.buildSeconds);
    return out;
}

} // namespace cpn::bench
