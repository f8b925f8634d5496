// Every alarm, plan violation and migration failure the mock scheduler produces reaches the
// Chinese console in Chinese: the console words each from its code and figures, and no English
// sentence from the server is left (names of things and units excepted).

// The mock's headers name a member `slots`: they go before any Qt header defines that keyword.
#include "mocktesthelpers.h"

#include "alarmtablemodel.h"
#include "language.h"
#include "networkstate.h"
#include "protoconvert.h"
#include "wording.h"

#include <QRegularExpression>
#include <QTest>

using namespace cpn;
using namespace cpn::testing;

namespace {

// What may stay Latin in Chinese text: units, ids (t-00001234, mig-000012), Slurm's words
// quoted after "调度器：" (none from the mock).
QString englishLeftIn(QString text)
{
    static const QRegularExpression ids(QStringLiteral("\\b[a-z]+(-[a-z0-9]+)*-\\d+\\b"));
    static const QRegularExpression units(QStringLiteral("\\b(Gbps|ms|SLO|CNY|PFLOPS)\\b"));
    static const QRegularExpression words(QStringLiteral("[A-Za-z]{3,}"));
    text.remove(ids);
    text.remove(units);
    const auto match = words.match(text);
    return match.hasMatch() ? match.captured() : QString();
}

} // namespace

class TestWording : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { Language::apply(QStringLiteral("zh_CN")); }
    void cleanupTestCase() { Language::apply(QStringLiteral("en")); }

    // A hub goes down with migrations under way, every migration fails: offline sites, a
    // latency SLO missed, links congested, migrations failed and rolled back.
    void mockAlarmsAndFailuresAreWordedInChinese()
    {
        mock::SimulationOptions options;
        options.seed = 3;
        options.scenario = "hub-outage";
        options.migrationFailureRate = 1.0;
        mock::Simulation simulation(options);
        std::set<std::string> moving;
        for (int i = 0; i < 6; ++i) {
            v1::Task task;
            std::string target;
            if (!findFeasibleMove(simulation, { v1::TASK_KIND_TRAINING, v1::TASK_KIND_BATCH }, &task, &target, moving))
                break;
            v1::Migration m;
            QVERIFY(startMigration(simulation, "w-" + std::to_string(i), task.id(), target, &m).ok());
            moving.insert(task.id());
        }
        QVERIFY(moving.size() >= 3);
        for (int minute = 0; minute < 40; ++minute)
            simulation.tick(60);

        NetworkState state;
        StateBatch batch;
        batch.snapshot = convert::fromProto(simulation.snapshot());
        state.applyBatch(batch);
        QSet<QString> codes;
        for (const Alarm& a : state.alarms()) {
            const QString text = Wording::alarm(a, &state);
            QVERIFY2(text != a.message, qPrintable(a.code + QStringLiteral(" left in the server's words: ") + text));
            QVERIFY2(englishLeftIn(text).isEmpty(), qPrintable(a.code + QStringLiteral(": ") + text));
            if (!codes.contains(a.code))
                qInfo("%s: %s", qPrintable(a.code), qPrintable(text));
            codes.insert(a.code);
        }
        // What the scenario is about is among them.
        QVERIFY2(codes.contains(QStringLiteral("SITE_OFFLINE")), qPrintable(QStringList(codes.values()).join(u' ')));
        QVERIFY2(codes.contains(QStringLiteral("MIGRATION_FAILED")), qPrintable(QStringList(codes.values()).join(u' ')));

        int failures = 0;
        for (const Migration& m : state.migrations()) {
            if (m.failureReason.isEmpty())
                continue;
            ++failures;
            const QString text = Wording::failure(m);
            QVERIFY2(!m.failureCode.isEmpty() && text != m.failureReason, qPrintable(m.failureReason));
            QVERIFY2(englishLeftIn(text).isEmpty(), qPrintable(text));
            if (failures == 1)
                qInfo("%s: %s", qPrintable(m.failureCode), qPrintable(text));
        }
        QVERIFY(failures >= 3);

        // The alarm table says the same as the wording.
        AlarmTableModel model;
        model.setNetworkState(&state);
        QVERIFY(model.rowCount() > 0);
        for (int row = 0; row < model.rowCount(); ++row) {
            const QString shown = model.index(row, AlarmTableModel::MessageColumn).data().toString();
            QVERIFY2(englishLeftIn(shown).isEmpty(), qPrintable(shown));
        }
    }

    // Plans the mock refuses, for every reason it gives, worded in Chinese with their figures.
    void violationsAreWordedInChinese()
    {
        mock::SimulationOptions options;
        options.seed = 5;
        mock::Simulation simulation(options);
        NetworkState state;
        StateBatch batch;
        batch.snapshot = convert::fromProto(simulation.snapshot());
        state.applyBatch(batch);
        QSet<ViolationCode> seen;
        int tried = 0;
        const auto snapshot = simulation.snapshot();
        for (const auto& task : allTasks(simulation)) {
            if (++tried > 300 || seen.size() >= 4)
                break;
            for (const auto& site : snapshot.sites()) {
                if (site.id() == task.site_id())
                    continue;
                const MigrationPlan plan = convert::fromProto(planOf(simulation, task.id(), site.id()));
                for (const Violation& v : plan.violations) {
                    const QString text = Wording::violation(v, &state);
                    QVERIFY2(text != v.message, qPrintable(v.message));
                    QVERIFY2(englishLeftIn(text).isEmpty(), qPrintable(text));
                    if (v.code == ViolationCode::InsufficientCapacity)
                        QVERIFY2(text.contains(QLocale().toString(v.threshold, 'f', 0)), qPrintable(text));
                    if (!seen.contains(v.code))
                        qInfo("%s", qPrintable(text));
                    seen.insert(v.code);
                }
            }
        }
        QVERIFY2(seen.size() >= 3, qPrintable(QString::number(seen.size())));
    }

    // A code the console does not know keeps the server's words rather than saying nothing.
    void anUnknownCodeFallsBackToTheServersWords()
    {
        Alarm a;
        a.code = QStringLiteral("COOLING_FAILURE");
        a.message = QStringLiteral("Chiller 3 tripped");
        QCOMPARE(Wording::alarm(a, nullptr), a.message);
        Migration m;
        m.failureCode = QStringLiteral("SOLAR_FLARE");
        m.failureReason = QStringLiteral("a solar flare");
        QCOMPARE(Wording::failure(m), m.failureReason);
        // A known code from a server without the figures: its own words too.
        Alarm older;
        older.code = QStringLiteral("SITE_HIGH_UTILISATION");
        older.message = QStringLiteral("Beijing is 95% utilised");
        QCOMPARE(Wording::alarm(older, nullptr), older.message);
    }
};

QTEST_MAIN(TestWording)
#include "tst_wording.moc"
