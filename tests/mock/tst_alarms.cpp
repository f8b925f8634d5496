// The mock scheduler's alarm rules, driven tick by tick: status alarms, utilisation and congestion
// thresholds with hysteresis, latency SLO breaches, failed migrations; acknowledging over gRPC
// with the caller's name, roles enforced, and the acknowledgement arriving on the Watch stream.

#include "mocktesthelpers.h"

#include "auth.h"

#include <QTest>

#include <map>
#include <optional>
#include <thread>

using namespace cpn;
using namespace cpn::testing;
using cpn::mock::MockServer;
using cpn::mock::Simulation;
using cpn::mock::SimulationOptions;

namespace {

// The alarm of `code` from `source` in a snapshot (the newest if several).
std::optional<v1::Alarm> alarmOf(const v1::Snapshot& snapshot, const std::string& source, const std::string& code)
{
    std::optional<v1::Alarm> found;
    for (const auto& alarm : snapshot.alarms())
        if (alarm.source_id() == source && alarm.code() == code && (!found || alarm.id() > found->id()))
            found = alarm;
    return found;
}

bool isActive(const std::optional<v1::Alarm>& alarm)
{
    return alarm && alarm->cleared_time_ms() == 0;
}

// Alarm events after `revision` about `alarmId`.
std::vector<v1::Alarm> alarmEvents(const Simulation& simulation, std::uint64_t revision, const std::string& alarmId)
{
    std::vector<v1::Alarm> found;
    for (const auto& event : eventsAfter(simulation, revision))
        if (event->has_alarm() && event->alarm().id() == alarmId)
            found.push_back(event->alarm());
    return found;
}

SimulationOptions nationalOptions(double failureRate = 0)
{
    SimulationOptions options;
    options.seed = 5;
    options.migrationFailureRate = failureRate;
    return options;
}

} // namespace

class TestAlarms : public QObject {
    Q_OBJECT

private slots:
    void siteStatusRaisesAndClears_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("severity");
        QTest::newRow("offline") << int(v1::SITE_STATUS_OFFLINE) << "SITE_OFFLINE" << int(v1::ALARM_SEVERITY_CRITICAL);
        QTest::newRow("degraded") << int(v1::SITE_STATUS_DEGRADED) << "SITE_DEGRADED" << int(v1::ALARM_SEVERITY_MAJOR);
    }

    void siteStatusRaisesAndClears()
    {
        QFETCH(int, status);
        QFETCH(QString, code);
        QFETCH(int, severity);
        Simulation simulation(nationalOptions());
        const auto site = simulation.snapshot().sites(3);
        const std::uint64_t before = simulation.snapshot().revision();
        QVERIFY(simulation.setSiteStatus(site.id(), v1::SiteStatus(status)));
        QVERIFY(!simulation.setSiteStatus("no-such-site", v1::SITE_STATUS_OFFLINE));
        simulation.tick(10);
        const auto raised = alarmOf(simulation.snapshot(), site.id(), code.toStdString());
        QVERIFY(isActive(raised));
        QCOMPARE(int(raised->severity()), severity);
        QVERIFY2(raised->message().find(site.name_en()) != std::string::npos, raised->message().c_str());
        QCOMPARE(raised->raised_time_ms(), simulation.simTimeMs());
        QCOMPARE(alarmEvents(simulation, before, raised->id()).size(), std::size_t(1));

        simulation.tick(10); // still down: nothing new
        QCOMPARE(alarmEvents(simulation, before, raised->id()).size(), std::size_t(1));

        // Offline after degraded (or the other way round) is another alarm; online clears.
        const auto other = status == v1::SITE_STATUS_OFFLINE ? v1::SITE_STATUS_DEGRADED : v1::SITE_STATUS_OFFLINE;
        QVERIFY(simulation.setSiteStatus(site.id(), other));
        simulation.tick(10);
        QVERIFY(!isActive(alarmOf(simulation.snapshot(), site.id(), code.toStdString())));
        QVERIFY(isActive(alarmOf(
            simulation.snapshot(), site.id(), other == v1::SITE_STATUS_OFFLINE ? "SITE_OFFLINE" : "SITE_DEGRADED")));
        QVERIFY(simulation.setSiteStatus(site.id(), v1::SITE_STATUS_ONLINE));
        simulation.tick(10);
        const auto snapshot = simulation.snapshot();
        for (const auto& alarm : snapshot.alarms())
            if (alarm.source_id() == site.id() && alarm.code() != "SITE_HIGH_UTILISATION"
                && alarm.code() != "LATENCY_SLO")
                QVERIFY2(alarm.cleared_time_ms() > 0, alarm.code().c_str());
        // The cleared alarm stays in the snapshot (recently cleared) and its clearing went out as an event.
        const auto cleared = alarmOf(snapshot, site.id(), code.toStdString());
        QVERIFY(cleared && cleared->cleared_time_ms() > 0);
        const auto events = alarmEvents(simulation, before, raised->id());
        QCOMPARE(events.size(), std::size_t(2));
        QCOMPARE(events.back().cleared_time_ms(), cleared->cleared_time_ms());
    }

    void linkDownRaisesCriticalAlarm()
    {
        Simulation simulation(nationalOptions());
        const auto link = simulation.snapshot().links(5);
        QVERIFY(simulation.setLinkStatus(link.id(), v1::LINK_STATUS_DOWN));
        simulation.tick(10);
        const auto raised = alarmOf(simulation.snapshot(), link.id(), "LINK_DOWN");
        QVERIFY(isActive(raised));
        QCOMPARE(raised->severity(), v1::ALARM_SEVERITY_CRITICAL);
        QVERIFY2(raised->message().find("Gbps") != std::string::npos, raised->message().c_str());
        QVERIFY(simulation.setLinkStatus(link.id(), v1::LINK_STATUS_UP));
        simulation.tick(10);
        QVERIFY(!isActive(alarmOf(simulation.snapshot(), link.id(), "LINK_DOWN")));
    }

    // Over simulated days of natural load, and a day from an evening surge: an alarm exactly where
    // the thresholds say, with hysteresis between them, and some raised and cleared on the way; in
    // the surge, critical ones too.
    void thresholdsHoldWithHysteresis_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("days");
        QTest::addColumn<bool>("critical");
        QTest::newRow("normal") << QStringLiteral("normal") << 2 << false;
        QTest::newRow("peak") << QStringLiteral("peak") << 1 << true;
    }

    void thresholdsHoldWithHysteresis()
    {
        QFETCH(QString, scenario);
        QFETCH(int, days);
        QFETCH(bool, critical);
        SimulationOptions options = nationalOptions();
        options.scenario = scenario.toStdString();
        Simulation simulation(options);
        std::map<std::string, bool> siteAlarmed, linkAlarmed;
        int raised = 0;
        int cleared = 0;
        int criticalTicks = 0;
        // Site-ticks in the band between the thresholds, held raised and held clear: both must
        // happen, or the hysteresis was never put to the test.
        int heldRaised = 0;
        int heldClear = 0;
        int linksHeldRaised = 0;
        int linksHeldClear = 0;
        for (int step = 0; step < days * 144; ++step) {
            simulation.tick(600);
            const auto snapshot = simulation.snapshot();
            std::map<std::string, v1::Alarm> active;
            for (const auto& alarm : snapshot.alarms())
                if (alarm.cleared_time_ms() == 0)
                    active[alarm.code() + "|" + alarm.source_id()] = alarm;
            for (const auto& m : snapshot.site_metrics()) {
                const auto it = active.find("SITE_HIGH_UTILISATION|" + m.site_id());
                const bool alarmed = it != active.end();
                const double u = m.utilisation();
                const QString where = QString::fromStdString(m.site_id()) + " at " + QString::number(u);
                if (u >= 0.90)
                    QVERIFY2(alarmed, qPrintable(where));
                if (u < 0.85)
                    QVERIFY2(!alarmed, qPrintable(where));
                if (u >= 0.85 && u < 0.90 && siteAlarmed.count(m.site_id())) {
                    QVERIFY2(alarmed == siteAlarmed[m.site_id()], qPrintable(where)); // holds its state
                    (alarmed ? heldRaised : heldClear) += 1;
                }
                if (alarmed) {
                    const bool isCritical = it->second.severity() == v1::ALARM_SEVERITY_CRITICAL;
                    if (u >= 0.98)
                        QVERIFY2(isCritical, qPrintable(where));
                    if (u < 0.95)
                        QVERIFY2(!isCritical, qPrintable(where));
                    criticalTicks += isCritical;
                }
                raised += alarmed && !siteAlarmed[m.site_id()];
                cleared += !alarmed && siteAlarmed[m.site_id()];
                siteAlarmed[m.site_id()] = alarmed;
            }
            for (const auto& m : snapshot.link_metrics()) {
                const bool alarmed = active.count("LINK_CONGESTION|" + m.link_id()) > 0;
                const QString where = QString::fromStdString(m.link_id()) + " at " + QString::number(m.utilisation());
                if (m.utilisation() > 0.85)
                    QVERIFY2(alarmed, qPrintable(where));
                if (m.utilisation() < 0.80)
                    QVERIFY2(!alarmed, qPrintable(where));
                if (m.utilisation() >= 0.80 && m.utilisation() <= 0.85 && linkAlarmed.count(m.link_id())) {
                    QVERIFY2(alarmed == linkAlarmed[m.link_id()], qPrintable(where));
                    (alarmed ? linksHeldRaised : linksHeldClear) += 1;
                }
                raised += alarmed && !linkAlarmed[m.link_id()];
                cleared += !alarmed && linkAlarmed[m.link_id()];
                linkAlarmed[m.link_id()] = alarmed;
            }
        }
        QVERIFY2(
            raised > 0 && cleared > 0, qPrintable(QStringLiteral("%1 raised, %2 cleared").arg(raised).arg(cleared)));
        qInfo("%d threshold alarms raised, %d cleared, %d site-ticks critical", raised, cleared, criticalTicks);
        if (critical)
            QVERIFY(criticalTicks > 0);
        QVERIFY2(heldRaised > 0 && heldClear > 0 && linksHeldRaised > 0 && linksHeldClear > 0,
            qPrintable(QStringLiteral("held between the thresholds: sites %1 raised, %2 clear; links %3 raised, %4 clear")
                           .arg(heldRaised)
                           .arg(heldClear)
                           .arg(linksHeldRaised)
                           .arg(linksHeldClear)));
    }

    // Cutting every link of a users' site leaves its latency-bound tasks elsewhere with no path.
    void latencySloBreachRaisedAndCleared()
    {
        Simulation simulation(nationalOptions());
        const auto snapshot = simulation.snapshot();
        std::optional<v1::Task> task;
        for (const auto& t : allTasks(simulation))
            if (t.state() == v1::TASK_STATE_RUNNING && t.latency_slo_ms() > 0 && !t.users_site_id().empty()
                && t.users_site_id() != t.site_id()) {
                task = t;
                break;
            }
        QVERIFY(task);
        std::vector<std::string> cut;
        for (const auto& link : snapshot.links())
            if (link.site_a_id() == task->users_site_id() || link.site_b_id() == task->users_site_id())
                cut.push_back(link.id());
        QVERIFY(!cut.empty());
        simulation.tick(10);
        QVERIFY(!isActive(alarmOf(simulation.snapshot(), task->site_id(), "LATENCY_SLO")));
        for (const auto& id : cut)
            QVERIFY(simulation.setLinkStatus(id, v1::LINK_STATUS_DOWN));
        simulation.tick(10);
        const auto raised = alarmOf(simulation.snapshot(), task->site_id(), "LATENCY_SLO");
        QVERIFY(isActive(raised));
        QCOMPARE(raised->severity(), v1::ALARM_SEVERITY_MAJOR);
        QVERIFY2(raised->message().find("no path") != std::string::npos, raised->message().c_str());
        for (const auto& id : cut)
            QVERIFY(simulation.setLinkStatus(id, v1::LINK_STATUS_UP));
        simulation.tick(10);
        QVERIFY(!isActive(alarmOf(simulation.snapshot(), task->site_id(), "LATENCY_SLO")));
    }

    void failedMigrationRaisesAlarmUntilAcknowledgedOrOld()
    {
        Simulation simulation(nationalOptions(1.0));
        std::vector<std::string> migrations;
        std::set<std::string> used;
        for (int i = 0; i < 2; ++i) {
            v1::Task task;
            std::string target;
            QVERIFY(
                findFeasibleMove(simulation, { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH }, &task, &target, used));
            used.insert(task.id());
            v1::Migration migration;
            QVERIFY(startMigration(simulation, "k-" + std::to_string(i), task.id(), target, &migration).ok());
            migrations.push_back(migration.id());
        }
        for (const auto& id : migrations)
            runToEnd(simulation, id);
        std::vector<v1::Alarm> alarms;
        for (const auto& id : migrations) {
            QCOMPARE(simulation.findMigration(id)->state(), v1::MIGRATION_STATE_ROLLED_BACK);
            const auto alarm = alarmOf(simulation.snapshot(), id, "MIGRATION_FAILED");
            QVERIFY(isActive(alarm));
            QCOMPARE(alarm->severity(), v1::ALARM_SEVERITY_MAJOR);
            QVERIFY2(alarm->message().find("rolled back") != std::string::npos, alarm->message().c_str());
            alarms.push_back(*alarm);
        }

        // Acknowledged: recorded and cleared at once; a second acknowledgement changes nothing.
        const std::uint64_t before = simulation.snapshot().revision();
        v1::AcknowledgeAlarmRequest ack;
        ack.set_alarm_id(alarms[0].id());
        ack.set_note("retry tonight");
        v1::Alarm answer;
        QVERIFY(simulation.acknowledgeAlarm(ack, "li@ops-1 (operator)", &answer).ok());
        QVERIFY(answer.acknowledged());
        QCOMPARE(answer.acknowledged_by(), std::string("li@ops-1 (operator)"));
        QCOMPARE(answer.acknowledge_note(), std::string("retry tonight"));
        QCOMPARE(answer.acknowledged_time_ms(), simulation.simTimeMs());
        QCOMPARE(answer.cleared_time_ms(), simulation.simTimeMs());
        simulation.tick(10);
        ack.set_note("again");
        QVERIFY(simulation.acknowledgeAlarm(ack, "wang@ops-2 (operator)", &answer).ok());
        QCOMPARE(answer.acknowledged_by(), std::string("li@ops-1 (operator)"));
        QCOMPARE(answer.acknowledge_note(), std::string("retry tonight"));
        QCOMPARE(alarmEvents(simulation, before, alarms[0].id()).size(), std::size_t(1));

        // Not acknowledged: clears itself after an hour.
        simulation.tick(1800);
        QVERIFY(isActive(alarmOf(simulation.snapshot(), migrations[1], "MIGRATION_FAILED")));
        simulation.tick(1900);
        QVERIFY(!isActive(alarmOf(simulation.snapshot(), migrations[1], "MIGRATION_FAILED")));
    }

    void acknowledgeRejectsBadIds()
    {
        Simulation simulation(nationalOptions());
        v1::AcknowledgeAlarmRequest ack;
        v1::Alarm answer;
        QCOMPARE(codeName(simulation.acknowledgeAlarm(ack, "operator", &answer)), QStringLiteral("INVALID_ARGUMENT"));
        ack.set_alarm_id("al-999999");
        QCOMPARE(codeName(simulation.acknowledgeAlarm(ack, "operator", &answer)), QStringLiteral("NOT_FOUND"));
    }

    void userNamesDecode_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("decoded"); // empty: rejected
        QTest::newRow("ascii") << "li.wei@console-01"
                               << "li.wei@console-01";
        QTest::newRow("percent-encoded utf-8") << "%E6%9D%8E%E4%BC%9F@ops-3"
                                               << "李伟@ops-3";
        QTest::newRow("bad escape") << "li%ZZ@host"
                                    << "";
        QTest::newRow("cut escape") << "li@host%E"
                                    << "";
        QTest::newRow("not utf-8") << "%FF%FE@host"
                                   << "";
        QTest::newRow("control character") << "li%0A@host"
                                           << "";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("too long") << QString(200, QLatin1Char('a')) << "";
    }

    void userNamesDecode()
    {
        QFETCH(QString, raw);
        QFETCH(QString, decoded);
        std::string error;
        const auto name = server::decodeUserName(raw.toStdString(), &error);
        if (decoded.isEmpty()) {
            QVERIFY(!name);
            QVERIFY(error.find("cpn-user") != std::string::npos);
        } else {
            QVERIFY2(name, error.c_str());
            QCOMPARE(QString::fromStdString(*name), decoded);
        }
    }

    // Over real gRPC: operators acknowledge under their own name, viewers may not, and the
    // acknowledgement reaches a Watch stream.
    void acknowledgeRoundTripOverGrpc()
    {
        auto options = manualOptions();
        std::string error;
        options.serving.tokens = { *server::parseAccessToken("operator=op-secret", &error),
            *server::parseAccessToken("viewer=view-secret", &error) };
        MockServer server(options);
        QVERIFY2(server.start(&error), error.c_str());
        Client op(server.address(), "op-secret");
        Client viewer(server.address(), "view-secret");
        const auto link = op.snapshot().links(2);
        QVERIFY(server.simulation()->setLinkStatus(link.id(), v1::LINK_STATUS_DOWN));
        server.simulation()->tick(10);
        const auto snapshot = op.snapshot();
        const auto alarm = alarmOf(snapshot, link.id(), "LINK_DOWN");
        QVERIFY(isActive(alarm));

        v1::WatchRequest watch;
        watch.set_from_revision(snapshot.revision());
        auto watchContext = viewer.context();
        auto reader = viewer.state->Watch(watchContext.get(), watch);

        v1::AcknowledgeAlarmRequest ack;
        ack.set_alarm_id(alarm->id());
        ack.set_note("crew dispatched");
        v1::Alarm answer;
        QCOMPARE(codeName(viewer.dispatch->AcknowledgeAlarm(viewer.context().get(), ack, &answer)),
            QStringLiteral("PERMISSION_DENIED"));
        {
            auto context = op.context();
            context->AddMetadata("cpn-user", "li%ZZ");
            QCOMPARE(codeName(op.dispatch->AcknowledgeAlarm(context.get(), ack, &answer)),
                QStringLiteral("INVALID_ARGUMENT"));
        }
        auto context = op.context();
        context->AddMetadata("cpn-user", "%E6%9D%8E%E4%BC%9F@ops-3");
        const auto status = op.dispatch->AcknowledgeAlarm(context.get(), ack, &answer);
        QVERIFY2(status.ok(), status.error_message().c_str());
        QVERIFY(answer.acknowledged());
        QCOMPARE(QString::fromStdString(answer.acknowledged_by()), QStringLiteral("李伟@ops-3 (operator)"));
        QCOMPARE(answer.acknowledge_note(), std::string("crew dispatched"));
        QCOMPARE(answer.acknowledged_time_ms(), snapshot.sim_time_ms());

        // The viewer's Watch stream carries the acknowledged alarm.
        v1::WatchEvent event;
        bool seen = false;
        while (!seen && reader->Read(&event))
            seen = event.has_alarm() && event.alarm().id() == alarm->id() && event.alarm().acknowledged();
        QVERIFY(seen);
        QCOMPARE(QString::fromStdString(event.alarm().acknowledged_by()), QStringLiteral("李伟@ops-3 (operator)"));
        watchContext->TryCancel();
        while (reader->Read(&event)) { }
        reader->Finish();

        // Without the metadata the role alone is recorded (a second alarm).
        QVERIFY(server.simulation()->setLinkStatus(op.snapshot().links(3).id(), v1::LINK_STATUS_DOWN));
        server.simulation()->tick(10);
        const auto second = alarmOf(op.snapshot(), op.snapshot().links(3).id(), "LINK_DOWN");
        QVERIFY(isActive(second));
        ack.set_alarm_id(second->id());
        QVERIFY(op.dispatch->AcknowledgeAlarm(op.context().get(), ack, &answer).ok());
        QCOMPARE(answer.acknowledged_by(), std::string("operator"));
        ack.set_alarm_id("al-999999");
        QCOMPARE(
            codeName(op.dispatch->AcknowledgeAlarm(op.context().get(), ack, &answer)), QStringLiteral("NOT_FOUND"));

        // Migrations record who started them the same way.
        v1::Task task;
        std::string target;
        QVERIFY(
            findFeasibleMove(*server.simulation(), { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH }, &task, &target));
        v1::StartMigrationRequest start;
        start.set_request_id("k-named");
        start.set_task_id(task.id());
        start.set_target_site_id(target);
        v1::Migration migration;
        auto startContext = op.context();
        startContext->AddMetadata("cpn-user", "wang@console-2");
        QVERIFY(op.dispatch->StartMigration(startContext.get(), start, &migration).ok());
        QCOMPARE(migration.requested_by(), std::string("wang@console-2 (operator)"));
    }
};

QTEST_GUILESS_MAIN(TestAlarms)
#include "tst_alarms.moc"
