// The mock scheduler's scenarios: what each one does to the network and the alarms it raises,
// at national scale with manual ticks.

#include "mocktesthelpers.h"

#include "dailycycle.h"
#include "simulation.h"

#include <QTest>

#include <map>
#include <set>

using namespace cpn;
using namespace cpn::testing;
using cpn::mock::Simulation;
using cpn::mock::SimulationOptions;

namespace {

SimulationOptions optionsFor(const char* scenario, std::uint64_t seed = 5)
{
    SimulationOptions options;
    options.seed = seed;
    options.scenario = scenario;
    return options;
}

// Active (not cleared) alarms with this code, by source id.
std::map<std::string, v1::Alarm> activeAlarms(const v1::Snapshot& snapshot, const std::string& code)
{
    std::map<std::string, v1::Alarm> found;
    for (const auto& alarm : snapshot.alarms())
        if (alarm.code() == code && alarm.cleared_time_ms() == 0)
            found.emplace(alarm.source_id(), alarm);
    return found;
}

std::map<std::string, const v1::Site*> sitesById(const v1::Snapshot& snapshot)
{
    std::map<std::string, const v1::Site*> sites;
    for (const auto& site : snapshot.sites())
        sites.emplace(site.id(), &site);
    return sites;
}

std::set<std::string> westernRegions(const v1::Snapshot& snapshot)
{
    std::set<std::string> west;
    for (const auto& region : snapshot.regions())
        if (region.western())
            west.insert(region.id());
    return west;
}

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT

private slots:
    void everyScenarioIsKnownAndUnknownOnesAreRejected()
    {
        const auto names = mock::MockServer::scenarios();
        for (const char* name : { "normal", "peak", "hub-outage", "link-cut", "green-surplus" })
            QVERIFY2(std::find(names.begin(), names.end(), name) != names.end(), name);
        mock::MockServerOptions options;
        options.scenario = "meteor-strike";
        options.manualTicks = true;
        mock::MockServer server(options);
        std::string error;
        QVERIFY(!server.start(&error));
        QVERIFY2(error.find("hub-outage") != std::string::npos, error.c_str()); // lists the known ones
    }

    void scenarioRunsAreDeterministic_data()
    {
        QTest::addColumn<QString>("scenario");
        for (const char* name : { "peak", "hub-outage", "link-cut", "green-surplus" })
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void scenarioRunsAreDeterministic()
    {
        QFETCH(QString, scenario);
        const auto options = optionsFor(qPrintable(scenario));
        Simulation a(options);
        Simulation b(options);
        for (int i = 0; i < 12; ++i) {
            a.tick(60);
            b.tick(60);
        }
        const auto sa = a.snapshot();
        const auto sb = b.snapshot();
        QCOMPARE(sa.task_count(), sb.task_count());
        QCOMPARE(sa.alarms_size(), sb.alarms_size());
        for (int i = 0; i < sa.alarms_size(); ++i)
            QCOMPARE(sa.alarms(i).SerializeAsString(), sb.alarms(i).SerializeAsString());
        for (int i = 0; i < sa.sites_size(); ++i)
            QCOMPARE(sa.site_metrics(i).SerializeAsString(), sb.site_metrics(i).SerializeAsString());
    }

    void hubOutageMovesItsWorkAndRaisesSiteOffline()
    {
        Simulation simulation(optionsFor("hub-outage"));
        const auto before = simulation.snapshot();
        for (const auto& site : before.sites())
            QCOMPARE(site.status(), v1::SITE_STATUS_ONLINE);
        for (int i = 0; i < 6; ++i) // five simulated minutes in, a hub goes offline
            simulation.tick(60);
        const auto after = simulation.snapshot();
        std::string hub;
        for (const auto& site : after.sites())
            if (site.status() == v1::SITE_STATUS_OFFLINE) {
                QVERIFY2(hub.empty(), "only one site goes offline");
                hub = site.id();
                QCOMPARE(site.tier(), v1::SITE_TIER_NATIONAL_HUB);
            }
        QVERIFY(!hub.empty());
        const auto offline = activeAlarms(after, "SITE_OFFLINE");
        QVERIFY2(offline.count(hub) == 1, hub.c_str());
        QCOMPARE(offline.at(hub).severity(), v1::ALARM_SEVERITY_CRITICAL);

        // Nothing runs there any more; its work was re-placed (or waits in a queue).
        int runningThere = 0;
        for (const auto& task : allTasks(simulation))
            runningThere += task.site_id() == hub && task.state() != v1::TASK_STATE_QUEUED;
        QCOMPARE(runningThere, 0);
        for (int s = 0; s < after.sites_size(); ++s)
            if (after.sites(s).id() == hub) {
                QCOMPARE(after.site_metrics(s).running_tasks(), 0u);
                QCOMPARE(after.site_metrics(s).power_mw(), 0.0);
            }
        const auto problems = simulation.checkInvariants();
        QVERIFY2(problems.empty(), problems.c_str());

        // Routes avoid it: a move between two other sites never passes through the hub.
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(simulation, { v1::TASK_KIND_BATCH, v1::TASK_KIND_TRAINING, v1::TASK_KIND_RENDERING },
            &task, &target));
        const auto plan = planOf(simulation, task.id(), target);
        for (const auto& link : plan.path_link_ids())
            QVERIFY2(link.find(hub) == std::string::npos, link.c_str());
        // And nothing may move onto it.
        const auto onto = planOf(simulation, task.id(), hub);
        QVERIFY(!onto.feasible());
        bool unavailable = false;
        for (const auto& v : onto.violations())
            unavailable = unavailable || v.code() == v1::VIOLATION_CODE_TARGET_UNAVAILABLE;
        QVERIFY(unavailable);

        // Three hours later it is back and the alarm clears.
        for (int i = 0; i < 36; ++i)
            simulation.tick(300);
        const auto restored = simulation.snapshot();
        for (const auto& site : restored.sites())
            QCOMPARE(site.status(), v1::SITE_STATUS_ONLINE);
        QVERIFY(activeAlarms(restored, "SITE_OFFLINE").empty());
    }

    void linkCutReroutesAndRaisesLinkDown()
    {
        Simulation simulation(optionsFor("link-cut"));
        const auto before = simulation.snapshot();
        const auto sites = sitesById(before);
        for (int i = 0; i < 6; ++i)
            simulation.tick(60);
        const auto after = simulation.snapshot();
        int down = -1;
        for (int l = 0; l < after.links_size(); ++l)
            if (after.links(l).status() == v1::LINK_STATUS_DOWN) {
                QCOMPARE(down, -1);
                down = l;
            }
        QVERIFY(down >= 0);
        const auto& cut = after.links(down);
        QCOMPARE(sites.at(cut.site_a_id())->tier(), v1::SITE_TIER_NATIONAL_HUB);
        QCOMPARE(sites.at(cut.site_b_id())->tier(), v1::SITE_TIER_NATIONAL_HUB);
        const auto alarms = activeAlarms(after, "LINK_DOWN");
        QVERIFY2(alarms.count(cut.id()) == 1, cut.id().c_str());
        QCOMPARE(alarms.at(cut.id()).severity(), v1::ALARM_SEVERITY_CRITICAL);
        QCOMPARE(after.link_metrics(down).throughput_ab_gbps(), 0.0);
        QCOMPARE(after.link_metrics(down).throughput_ba_gbps(), 0.0);

        // Its traffic now crosses the other backbone links: they carry more than in the same
        // run without the cut.
        Simulation normal(optionsFor("normal"));
        for (int i = 0; i < 6; ++i)
            normal.tick(60);
        const auto reference = normal.snapshot();
        double backboneNow = 0;
        double backboneNormal = 0;
        for (int l = 0; l < after.links_size(); ++l) {
            const auto& link = after.links(l);
            if (l == down || sites.at(link.site_a_id())->tier() != v1::SITE_TIER_NATIONAL_HUB
                || sites.at(link.site_b_id())->tier() != v1::SITE_TIER_NATIONAL_HUB)
                continue;
            backboneNow += after.link_metrics(l).throughput_ab_gbps() + after.link_metrics(l).throughput_ba_gbps();
            backboneNormal
                += reference.link_metrics(l).throughput_ab_gbps() + reference.link_metrics(l).throughput_ba_gbps();
        }
        QVERIFY2(backboneNow > backboneNormal * 1.02,
            qPrintable(QStringLiteral("%1 vs %2 Gbps").arg(backboneNow).arg(backboneNormal)));

        // Plans route around the cut link.
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(simulation, { v1::TASK_KIND_BATCH, v1::TASK_KIND_TRAINING, v1::TASK_KIND_RENDERING },
            &task, &target));
        const auto plan = planOf(simulation, task.id(), target);
        QVERIFY(plan.feasible());
        for (const auto& link : plan.path_link_ids())
            QVERIFY(link != cut.id());
    }

    void migrationsOnACutLinkTakeAnotherPath()
    {
        Simulation simulation(optionsFor("normal", 9));
        v1::Task task;
        std::string target;
        std::set<std::string> tried;
        v1::MigrationPlan plan;
        // A move whose path has a link that is not the only way between its ends.
        for (int attempt = 0; attempt < 20; ++attempt) {
            QVERIFY(findFeasibleMove(simulation, { v1::TASK_KIND_TRAINING, v1::TASK_KIND_SCIENTIFIC,
                                                     v1::TASK_KIND_RENDERING, v1::TASK_KIND_BATCH },
                &task, &target, tried));
            tried.insert(task.id());
            plan = planOf(simulation, task.id(), target);
            if (plan.path_link_ids_size() >= 2)
                break;
        }
        QVERIFY(plan.path_link_ids_size() >= 2);
        v1::Migration migration;
        QVERIFY(startMigration(simulation, "reroute-1", task.id(), target, &migration).ok());
        simulation.tick(30); // checkpointed; transferring
        const std::string cut = plan.path_link_ids(1);
        QVERIFY(simulation.setLinkStatus(cut, v1::LINK_STATUS_DOWN));
        const auto after = simulation.findMigration(migration.id());
        QVERIFY(after.has_value());
        // This move has another path with room (without one it would roll back, saying why): it
        // goes on over that path.
        QVERIFY2(!mock::isFinishedState(after->state()),
            qPrintable(QString::fromStdString(v1::MigrationState_Name(after->state()) + ": " + after->failure_reason())));
        QVERIFY(after->path_link_ids_size() > 0);
        for (const auto& link : after->path_link_ids())
            QVERIFY(link != cut);
        const auto problems = simulation.checkInvariants();
        QVERIFY2(problems.empty(), problems.c_str());
    }

    void tariffsFollowTheClockAndWeekendsAreQuieter()
    {
        Simulation simulation(optionsFor("normal"));
        const auto morning = simulation.snapshot(); // 08:00, a peak-tariff hour
        for (int i = 0; i < 18; ++i) // to 02:00, in the valley
            simulation.tick(3600);
        const auto night = simulation.snapshot();
        for (int i = 0; i < night.sites_size(); ++i) {
            const double ratio = morning.site_metrics(i).price_cny_per_kwh() / night.site_metrics(i).price_cny_per_kwh();
            QVERIFY2(ratio > 2.5 && ratio < 3.5, qPrintable(QString::number(ratio)));
        }
        // 2026-11-21 is a Saturday: business hours are quieter than on the Monday after.
        const std::int64_t saturdayNoon = mock::kSimulationStartMs + 5 * 3600 * 1000;
        const std::int64_t mondayNoon = saturdayNoon + 2 * 86400 * 1000LL;
        QCOMPARE(mock::localWeekday(saturdayNoon), 5);
        QCOMPARE(mock::localWeekday(mondayNoon), 0);
        QVERIFY(mock::demandAt(saturdayNoon, false) < mock::demandAt(mondayNoon, false) - 0.2);
        QVERIFY(mock::demandAt(saturdayNoon, true) < mock::demandAt(mondayNoon, true));
    }

    void peakFillsEasternSites()
    {
        Simulation peak(optionsFor("peak"));
        const auto start = peak.snapshot();
        QCOMPARE(start.sim_time_ms(), mock::kSimulationStartMs + 10 * 3600 * 1000); // 18:00 Beijing time
        for (int i = 0; i < 150; ++i) // to 20:30, the height of the surge
            peak.tick(60);
        const auto after = peak.snapshot();
        const auto sites = sitesById(after);
        const auto west = westernRegions(after);
        const auto hot = activeAlarms(after, "SITE_HIGH_UTILISATION");
        int easternHot = 0;
        for (const auto& [source, alarm] : hot)
            easternHot += sites.count(source) && west.count(sites.at(source)->region_id()) == 0;
        QVERIFY2(easternHot >= 5, qPrintable(QString::number(easternHot)));
        // More eastern work waits than at the start.
        auto easternQueue = [&](const v1::Snapshot& s) {
            std::uint64_t queued = 0;
            for (int i = 0; i < s.sites_size(); ++i)
                if (!west.count(s.sites(i).region_id()))
                    queued += s.site_metrics(i).queue_length();
            return queued;
        };
        QVERIFY(easternQueue(after) > easternQueue(start));
        QVERIFY(after.task_count() > start.task_count());
    }

    void greenSurplusPullsWorkWest()
    {
        Simulation green(optionsFor("green-surplus"));
        Simulation normal(optionsFor("normal"));
        for (int i = 0; i < 120; ++i) {
            green.tick(60);
            normal.tick(60);
        }
        const auto after = green.snapshot();
        const auto sites = sitesById(after);
        const auto west = westernRegions(after);
        // An advisory at every western hub.
        const auto advisories = activeAlarms(after, "GREEN_SURPLUS");
        int westernHubs = 0;
        for (const auto& site : after.sites())
            if (site.tier() == v1::SITE_TIER_NATIONAL_HUB && west.count(site.region_id())) {
                ++westernHubs;
                QVERIFY2(advisories.count(site.id()) == 1, site.id().c_str());
                QCOMPARE(advisories.at(site.id()).severity(), v1::ALARM_SEVERITY_INFO);
            }
        QCOMPARE(westernHubs, 5);
        // Western power is nearly all green and cheap.
        for (int i = 0; i < after.sites_size(); ++i)
            if (after.sites(i).tier() == v1::SITE_TIER_NATIONAL_HUB && west.count(after.sites(i).region_id())) {
                QVERIFY(after.site_metrics(i).green_share() >= 0.9);
                QVERIFY(after.site_metrics(i).price_cny_per_kwh() < 0.15);
            }
        // New latency-tolerant work went west far more often than on an ordinary night.
        auto westernShareOfNew = [&](const Simulation& simulation, std::uint64_t firstNumber) {
            int total = 0;
            int western = 0;
            for (const auto& task : allTasks(simulation)) {
                std::uint64_t number = 0;
                if (!mock::parseTaskId(task.id(), &number) || number < firstNumber
                    || task.kind() == v1::TASK_KIND_INFERENCE)
                    continue;
                ++total;
                western += west.count(sites.at(task.site_id())->region_id()) ? 1 : 0;
            }
            return total > 0 ? double(western) / total : 0.0;
        };
        const std::uint64_t firstNew = 20001; // the initial population is numbered 1..20000
        const double greenShare = westernShareOfNew(green, firstNew);
        const double normalShare = westernShareOfNew(normal, firstNew);
        QVERIFY2(greenShare > 0.7 && greenShare > normalShare + 0.2,
            qPrintable(QStringLiteral("%1 vs %2").arg(greenShare).arg(normalShare)));
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
