// The mock scheduler's dispatching, on the engine without a server: every violation explained,
// a migration's life, failures that roll back, cancels, drains that spread their load and keep
// to max_concurrent, and the pace of a migration at the default time scale.

#include "mocktesthelpers.h"

#include <QTest>

#include <algorithm>
#include <map>
#include <set>

using namespace cpn;
using namespace cpn::testing;
using cpn::mock::Simulation;
using cpn::mock::SimulationOptions;

namespace {

SimulationOptions reliable(std::uint64_t seed = 11)
{
    SimulationOptions options;
    options.seed = seed;
    options.migrationFailureRate = 0;
    return options;
}

std::set<v1::ViolationCode> codesOf(const v1::MigrationPlan& plan)
{
    std::set<v1::ViolationCode> codes;
    for (const auto& v : plan.violations())
        if (!v.message().empty()) // a code without plain words does not count
            codes.insert(v.code());
    return codes;
}

const v1::Site* siteById(const v1::Snapshot& snapshot, const std::string& id)
{
    for (const auto& site : snapshot.sites())
        if (site.id() == id)
            return &site;
    return nullptr;
}

} // namespace

class TestSimulationDispatch : public QObject {
    Q_OBJECT

private slots:
    void eachViolationIsExplained_data()
    {
        QTest::addColumn<int>("code");
        QTest::newRow("insufficient capacity") << int(v1::VIOLATION_CODE_INSUFFICIENT_CAPACITY);
        QTest::newRow("architecture mismatch") << int(v1::VIOLATION_CODE_ARCHITECTURE_MISMATCH);
        QTest::newRow("latency SLO") << int(v1::VIOLATION_CODE_LATENCY_SLO);
        QTest::newRow("data residency") << int(v1::VIOLATION_CODE_DATA_RESIDENCY);
        QTest::newRow("target unavailable") << int(v1::VIOLATION_CODE_TARGET_UNAVAILABLE);
        QTest::newRow("no route") << int(v1::VIOLATION_CODE_NO_ROUTE);
        QTest::newRow("task busy") << int(v1::VIOLATION_CODE_TASK_BUSY);
    }

    void eachViolationIsExplained()
    {
        QFETCH(int, code);
        const auto wanted = v1::ViolationCode(code);
        Simulation simulation(reliable());
        const auto snapshot = simulation.snapshot();
        auto tasks = allTasks(simulation);
        std::string taskId;
        std::string target;
        auto tryPair = [&](const v1::Task& task, const v1::Site& site) {
            if (site.id() == task.site_id() || !codesOf(planOf(simulation, task.id(), site.id())).count(wanted))
                return false;
            taskId = task.id();
            target = site.id();
            return true;
        };
        auto hasArchitecture = [](const v1::Site& site, v1::Architecture a) {
            return std::any_of(site.capacity().begin(), site.capacity().end(),
                [a](const auto& c) { return c.architecture() == a; });
        };
        switch (wanted) {
        case v1::VIOLATION_CODE_INSUFFICIENT_CAPACITY: {
            // The biggest task, to a small site that has its architecture.
            const auto big = *std::max_element(tasks.begin(), tasks.end(),
                [](const auto& a, const auto& b) { return a.cards() < b.cards(); });
            for (const auto& site : snapshot.sites())
                if (site.tier() == v1::SITE_TIER_EDGE && hasArchitecture(site, big.architecture()) && tryPair(big, site))
                    break;
            break;
        }
        case v1::VIOLATION_CODE_ARCHITECTURE_MISMATCH:
            for (const auto& task : tasks) {
                for (const auto& site : snapshot.sites())
                    if (!hasArchitecture(site, task.architecture()) && tryPair(task, site))
                        break;
                if (!target.empty())
                    break;
            }
            break;
        case v1::VIOLATION_CODE_LATENCY_SLO:
            // Inference near eastern users, to the far west.
            for (const auto& task : tasks)
                if (task.kind() == v1::TASK_KIND_INFERENCE && task.latency_slo_ms() > 0 && task.latency_slo_ms() <= 10
                    && siteById(snapshot, task.users_site_id())->longitude() > 110
                    && tryPair(task, *siteById(snapshot, "rg-urumqi")))
                    break;
            break;
        case v1::VIOLATION_CODE_DATA_RESIDENCY:
            for (const auto& task : tasks) {
                if (task.allowed_region_ids_size() != 1)
                    continue;
                for (const auto& site : snapshot.sites())
                    if (site.region_id() != task.allowed_region_ids(0) && tryPair(task, site))
                        break;
                break;
            }
            break;
        case v1::VIOLATION_CODE_TARGET_UNAVAILABLE: {
            v1::DrainSiteRequest drain;
            drain.set_request_id("d-maintenance");
            drain.set_site_id("hub-gz");
            v1::DrainSiteResponse drained;
            QVERIFY(simulation.drainSite(drain, "operator", &drained).ok());
            for (const auto& task : tasks)
                if (task.site_id() != "hub-gz" && tryPair(task, *siteById(snapshot, "hub-gz")))
                    break;
            break;
        }
        case v1::VIOLATION_CODE_NO_ROUTE: {
            // Cut every link of an edge site: nothing can reach it.
            const auto& edge = *std::find_if(snapshot.sites().begin(), snapshot.sites().end(),
                [](const auto& s) { return s.tier() == v1::SITE_TIER_EDGE; });
            for (const auto& link : snapshot.links())
                if (link.site_a_id() == edge.id() || link.site_b_id() == edge.id())
                    QVERIFY(simulation.setLinkStatus(link.id(), v1::LINK_STATUS_DOWN));
            for (const auto& task : tasks)
                if (task.site_id() != edge.id() && tryPair(task, edge))
                    break;
            break;
        }
        case v1::VIOLATION_CODE_TASK_BUSY: {
            v1::Task task;
            std::string first;
            QVERIFY(findFeasibleMove(simulation, { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH }, &task, &first));
            v1::Migration migration;
            QVERIFY(startMigration(simulation, "k-busy", task.id(), first, &migration).ok());
            tryPair(task, *siteById(snapshot, first == "hub-nx" ? "hub-gs" : "hub-nx"));
            break;
        }
        default:
            QFAIL("unknown code");
        }
        QVERIFY2(!target.empty(), "no move found that shows this violation");
        const auto plan = planOf(simulation, taskId, target);
        QVERIFY(!plan.feasible());
        QCOMPARE(plan.task_id(), taskId);

        // Starting it anyway: FAILED_PRECONDITION, with the reasons in words and the plan attached.
        v1::Migration migration;
        const auto status = startMigration(simulation, "k-anyway", taskId, target, &migration);
        QCOMPARE(codeName(status), QStringLiteral("FAILED_PRECONDITION"));
        QVERIFY(status.error_message().find(v1::ViolationCode_Name(wanted).substr(15)) != std::string::npos);
        v1::MigrationPlan attached;
        QVERIFY(attached.ParseFromString(status.error_details()));
        QVERIFY(codesOf(attached).count(wanted));
    }

    void migrationRunsThroughItsPhasesToCompletion()
    {
        Simulation simulation(reliable(5));
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(simulation, { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH }, &task, &target));
        const auto plan = planOf(simulation, task.id(), target);
        QVERIFY(plan.feasible() && plan.path_link_ids_size() > 0);
        QVERIFY(plan.transfer_seconds() > 0 && plan.downtime_seconds() > 0);
        QCOMPARE(plan.projected_site_loads_size(), 2);
        QCOMPARE(plan.projected_link_loads_size(), plan.path_link_ids_size());
        QVERIFY(plan.projected_site_loads(1).utilisation_after() > plan.projected_site_loads(1).utilisation_before());

        const std::uint64_t from = simulation.snapshot().revision();
        v1::Migration migration;
        QVERIFY(startMigration(simulation, "k-run", task.id(), target, &migration).ok());
        QCOMPARE(migration.state(), v1::MIGRATION_STATE_CHECKPOINTING);
        QCOMPARE(simulation.findTask(task.id())->state(), v1::TASK_STATE_MIGRATING);

        // While it transfers, its bandwidth shows on the path's links.
        bool sawLoad = false;
        while (!mock::isFinishedState(simulation.findMigration(migration.id())->state())) {
            simulation.tick(5);
            const auto now = *simulation.findMigration(migration.id());
            if (now.state() != v1::MIGRATION_STATE_TRANSFERRING)
                continue;
            QVERIFY(now.bytes_done() <= now.bytes_total() && now.eta_seconds() > 0);
            const auto snapshot = simulation.snapshot();
            for (const auto& link : snapshot.link_metrics())
                if (link.link_id() == plan.path_link_ids(0))
                    sawLoad = sawLoad || link.utilisation() > plan.projected_link_loads(0).utilisation_before() - 0.05;
        }
        QVERIFY(sawLoad);
        QCOMPARE(simulation.findMigration(migration.id())->state(), v1::MIGRATION_STATE_COMPLETED);
        std::vector<v1::MigrationState> seen;
        for (const auto& event : eventsAfter(simulation, from))
            if (event->has_migration() && (seen.empty() || seen.back() != event->migration().state()))
                seen.push_back(event->migration().state());
        const std::vector<v1::MigrationState> lifecycle { v1::MIGRATION_STATE_CHECKPOINTING,
            v1::MIGRATION_STATE_TRANSFERRING, v1::MIGRATION_STATE_RESTORING, v1::MIGRATION_STATE_COMPLETED };
        QVERIFY(seen == lifecycle);
        QCOMPARE(simulation.findTask(task.id())->site_id(), target);
        QCOMPARE(simulation.findTask(task.id())->state(), v1::TASK_STATE_RUNNING);
        QVERIFY(simulation.checkInvariants().empty());
    }

    void failedMigrationsRollBackOnTheirOwn()
    {
        SimulationOptions options = reliable(8);
        options.migrationFailureRate = 1; // every one fails somewhere
        Simulation simulation(options);
        std::set<std::string> used;
        std::vector<std::pair<v1::Task, std::string>> moved;
        for (int i = 0; i < 6; ++i) {
            v1::Task task;
            std::string target;
            if (!findFeasibleMove(simulation, { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH, v1::TASK_KIND_RENDERING },
                    &task, &target, used))
                break;
            used.insert(task.id());
            v1::Migration migration;
            QVERIFY(startMigration(simulation, "k-fail-" + std::to_string(i), task.id(), target, &migration).ok());
            moved.emplace_back(task, migration.id());
        }
        QVERIFY(moved.size() >= 4);
        for (const auto& [task, id] : moved) {
            const auto end = runToEnd(simulation, id);
            QCOMPARE(end.state(), v1::MIGRATION_STATE_ROLLED_BACK);
            QVERIFY(end.failure_reason().find("rolled back") != std::string::npos);
            const auto after = simulation.findTask(task.id());
            QVERIFY(after); // tasks being moved do not end meanwhile
            QCOMPARE(after->site_id(), task.site_id());
            QCOMPARE(after->state(), v1::TASK_STATE_RUNNING);
        }
        const auto problems = simulation.checkInvariants();
        QVERIFY2(problems.empty(), problems.c_str());

        // Which migrations fail depends on the seed alone, not on when they were asked for.
        options.migrationFailureRate = 0.5;
        std::vector<v1::MigrationState> outcomes[2];
        for (int run = 0; run < 2; ++run) {
            Simulation again(options);
            if (run == 1)
                again.tick(30); // a different moment
            std::set<std::string> skip;
            std::vector<std::string> ids;
            for (int i = 0; i < 8; ++i) {
                v1::Task task;
                std::string target;
                if (!findFeasibleMove(again, { v1::TASK_KIND_BATCH, v1::TASK_KIND_RENDERING }, &task, &target, skip))
                    break;
                skip.insert(task.id());
                v1::Migration m;
                if (startMigration(again, "k-" + std::to_string(i), task.id(), target, &m).ok())
                    ids.push_back(m.id());
            }
            for (const auto& id : ids)
                outcomes[run].push_back(runToEnd(again, id).state());
        }
        QVERIFY2(outcomes[0].size() >= 4, qPrintable(QString::number(outcomes[0].size())));
        QCOMPARE(outcomes[0].size(), outcomes[1].size());
        QVERIFY(outcomes[0] == outcomes[1]);
        // At half the rate some fail and some do not: the same outcomes are the seed's doing.
        QVERIFY(std::count(outcomes[0].begin(), outcomes[0].end(), v1::MIGRATION_STATE_COMPLETED) > 0);
        QVERIFY(std::count(outcomes[0].begin(), outcomes[0].end(), v1::MIGRATION_STATE_ROLLED_BACK) > 0);
    }

    void cancelRollsBackAndAnswersTheSameKeyAgain()
    {
        Simulation simulation(reliable(9));
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(simulation, { v1::TASK_KIND_TRAINING }, &task, &target));
        v1::Migration migration;
        QVERIFY(startMigration(simulation, "k-cancel", task.id(), target, &migration).ok());
        simulation.tick(20);
        v1::CancelMigrationRequest cancel;
        cancel.set_migration_id(migration.id());
        cancel.set_request_id("c-1");
        v1::Migration cancelled;
        QVERIFY(simulation.cancelMigration(cancel, "operator", &cancelled).ok());
        QCOMPARE(cancelled.state(), v1::MIGRATION_STATE_CANCELLED);
        QCOMPARE(simulation.findTask(task.id())->site_id(), task.site_id());
        QCOMPARE(simulation.findTask(task.id())->state(), v1::TASK_STATE_RUNNING);
        // The same cancel again (its answer was lost): the same answer.
        v1::Migration again;
        QCOMPARE(codeName(simulation.cancelMigration(cancel, "operator", &again)), QStringLiteral("OK"));
        QCOMPARE(again.id(), cancelled.id());
        // Another cancel of a finished migration is refused; an unknown one is not found.
        cancel.set_request_id("c-2");
        QCOMPARE(codeName(simulation.cancelMigration(cancel, "operator", &again)), QStringLiteral("FAILED_PRECONDITION"));
        cancel.set_migration_id("mig-999999");
        QCOMPARE(codeName(simulation.cancelMigration(cancel, "operator", &again)), QStringLiteral("NOT_FOUND"));
        QVERIFY(simulation.checkInvariants().empty());
    }

    void drainSpreadsLoadAndKeepsToMaxConcurrent()
    {
        Simulation simulation(reliable(3));
        // The busiest regional site.
        const auto before = simulation.snapshot();
        int busiest = -1;
        for (int s = 0; s < before.sites_size(); ++s)
            if (before.sites(s).tier() == v1::SITE_TIER_REGIONAL
                && (busiest < 0 || before.site_metrics(s).running_tasks() > before.site_metrics(busiest).running_tasks()))
                busiest = s;
        const std::string site = before.sites(busiest).id();
        QVERIFY(before.site_metrics(busiest).running_tasks() >= 8);

        // A dry run says where each task would go and changes nothing.
        v1::DrainSiteRequest request;
        request.set_site_id(site);
        request.set_max_concurrent(3);
        request.set_dry_run(true);
        v1::DrainSiteResponse preview;
        QVERIFY(simulation.drainSite(request, "operator", &preview).ok());
        QVERIFY(preview.migrations_size() >= 8);
        for (const auto& m : preview.migrations())
            QVERIFY(m.id().empty() && m.source_site_id() == site && m.target_site_id() != site);
        QCOMPARE(siteById(simulation.snapshot(), site)->status(), before.sites(busiest).status());
        QCOMPARE(simulation.snapshot().migrations_size(), 0);

        request.set_dry_run(false);
        request.set_request_id("d-spread");
        v1::DrainSiteResponse drained;
        QVERIFY(simulation.drainSite(request, "operator", &drained).ok());
        QCOMPARE(siteById(simulation.snapshot(), site)->status(), v1::SITE_STATUS_MAINTENANCE);
        QCOMPARE(drained.migrations_size() + drained.unplaced_task_ids_size(),
            preview.migrations_size() + preview.unplaced_task_ids_size());
        // Spread: several targets, none filled past 90 % of an architecture's cards.
        std::set<std::string> targets;
        for (const auto& m : drained.migrations())
            targets.insert(m.target_site_id());
        QVERIFY2(targets.size() >= 3, qPrintable(QString::number(targets.size())));
        const auto now = simulation.snapshot();
        for (int s = 0; s < now.sites_size(); ++s) {
            if (!targets.count(now.sites(s).id()))
                continue;
            for (int a = 0; a < now.sites(s).capacity_size(); ++a)
                QVERIFY2(now.site_metrics(s).usage(a).cards_used() <= 0.9 * now.sites(s).capacity(a).cards() + 1e-9
                        || now.site_metrics(s).usage(a).cards_used() == before.site_metrics(s).usage(a).cards_used(),
                    now.sites(s).id().c_str());
        }

        // Never more than max_concurrent at once, until all are done.
        bool allDone = false;
        for (int tick = 0; tick < 2000 && !allDone; ++tick) {
            int active = 0;
            allDone = true;
            for (const auto& m : drained.migrations()) {
                const auto state = simulation.findMigration(m.id())->state();
                active += state != v1::MIGRATION_STATE_PLANNED && !mock::isFinishedState(state);
                allDone = allDone && mock::isFinishedState(state);
            }
            QVERIFY2(active <= 3, qPrintable(QString::number(active)));
            simulation.tick(10);
        }
        QVERIFY(allDone);
        int atTarget = 0; // the others have ended since they moved
        for (const auto& m : drained.migrations()) {
            QCOMPARE(simulation.findMigration(m.id())->state(), v1::MIGRATION_STATE_COMPLETED);
            if (const auto task = simulation.findTask(m.task_id())) {
                QCOMPARE(task->site_id(), m.target_site_id());
                ++atTarget;
            }
        }
        QVERIFY(atTarget > 0);
        QVERIFY(simulation.checkInvariants().empty());
    }

    void typicalMigrationTakesTensOfSecondsAtTheDefaultPace()
    {
        // At the default time scale one wall second is one tick of timeScale simulated seconds.
        const SimulationOptions options = reliable(12);
        Simulation simulation(options);
        std::set<std::string> used;
        std::vector<int> wallSeconds;
        for (const auto kind : { v1::TASK_KIND_TRAINING, v1::TASK_KIND_INFERENCE, v1::TASK_KIND_BATCH,
                 v1::TASK_KIND_RENDERING, v1::TASK_KIND_SCIENTIFIC, v1::TASK_KIND_STORAGE }) {
            for (int i = 0; i < 2; ++i) {
                v1::Task task;
                std::string target;
                if (!findFeasibleMove(simulation, { kind }, &task, &target, used))
                    continue;
                used.insert(task.id());
                v1::Migration m;
                QVERIFY(startMigration(simulation, "k-pace-" + task.id(), task.id(), target, &m).ok());
                int ticks = 0;
                QCOMPARE(runToEnd(simulation, m.id(), options.timeScale, &ticks).state(), v1::MIGRATION_STATE_COMPLETED);
                wallSeconds.push_back(ticks);
            }
        }
        QVERIFY(wallSeconds.size() >= 8);
        std::sort(wallSeconds.begin(), wallSeconds.end());
        const int median = wallSeconds[wallSeconds.size() / 2];
        QVERIFY2(median >= 10 && median <= 90, qPrintable(QString::number(median)));
    }
};

QTEST_GUILESS_MAIN(TestSimulationDispatch)
#include "tst_simulationdispatch.moc"
