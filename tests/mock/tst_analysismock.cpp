// The console's recommendations, computed from a seeded mock's state, are moves the mock's own
// PlanMigration accepts: the placement rules are shared (rules/placementrules.h).

// The mock's engine first: it names a member `slots`, which Qt headers define as a macro.
#include "mocktesthelpers.h"
#include "simulation.h"

#include "analysisinput.h"
#include "contingencies.h"
#include "networkstate.h"
#include "protoconvert.h"
#include "recommendations.h"
#include "taskstore.h"

#include <QTest>

using namespace cpn;

class TestAnalysisMock : public QObject {
    Q_OBJECT
private slots:
    void recommendationsAreFeasible_data();
    void recommendationsAreFeasible();
    void hubContingencyOnMock();
};

namespace {

analysis::AnalysisInput inputOf(const mock::Simulation& simulation)
{
    NetworkState state;
    StateBatch batch;
    batch.snapshot = convert::fromProto(simulation.snapshot());
    state.applyBatch(batch);
    QList<Task> tasks;
    for (const auto& t : testing::allTasks(simulation))
        tasks.append(convert::fromProto(t));
    const TaskStore store = TaskStore::fromTasks(std::move(tasks));
    return analysis::prepareAnalysis(analysis::captureAnalysisSource(state, store));
}

} // namespace

void TestAnalysisMock::recommendationsAreFeasible_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<int>("seed");
    QTest::newRow("peak") << "peak" << 7;
    QTest::newRow("normal") << "normal" << 3;
}

void TestAnalysisMock::recommendationsAreFeasible()
{
    QFETCH(QString, scenario);
    QFETCH(int, seed);
    mock::SimulationOptions options;
    options.seed = std::uint64_t(seed);
    options.scenario = scenario.toStdString();
    mock::Simulation simulation(options);
    simulation.tick(60);
    const auto input = inputOf(simulation);
    QVERIFY(input.tasks.size() > 1000);

    analysis::RecommendationOptions recommend;
    recommend.threshold = 0.85;
    const auto result = analysis::recommend(input, recommend);
    QVERIFY(!result.cancelled);
    QVERIFY2(!result.recommendations.empty(), "a national network has work worth moving west");
    bool eastToWest = false;
    for (const auto& r : result.recommendations) {
        const auto plan = testing::planOf(simulation, r.taskId.toStdString(), r.targetSiteId.toStdString());
        QString why;
        for (const auto& v : plan.violations())
            why += QString::fromStdString(v.message()) + QLatin1Char(' ');
        QVERIFY2(plan.feasible(), qPrintable(r.taskId + QLatin1String(" -> ") + r.targetSiteId + QLatin1String(": ") + why));
        // The same path, transfer and cost figures as the scheduler's plan.
        QCOMPARE(r.pathLinkIds.size(), plan.path_link_ids_size());
        QVERIFY(qAbs(-r.costSavedCnyPerHour - plan.cost_delta_cny_per_hour()) < 1e-6);
        QVERIFY(r.targetLoad.after <= recommend.threshold + 1e-9);
        for (const auto& l : r.pathLoads)
            QVERIFY(l.after <= recommend.threshold + 1e-9);
        eastToWest = eastToWest || r.kind == analysis::RecommendationKind::EastToWest;
    }
    QVERIFY(eastToWest);
}

void TestAnalysisMock::hubContingencyOnMock()
{
    mock::SimulationOptions options;
    options.seed = 5;
    mock::Simulation simulation(options);
    simulation.tick(30);
    const auto input = inputOf(simulation);
    const auto elements = analysis::contingencyElements(input);
    int hubs = 0;
    for (const auto& e : elements)
        hubs += e.kind == analysis::ElementKind::Site && input.sites[std::size_t(e.index)].tier == SiteTier::NationalHub;
    QCOMPARE(hubs, 8);
    const auto result = analysis::contingencies(input, elements);
    QCOMPARE(result.contingencies.size(), elements.size());
    for (const auto& c : result.contingencies) {
        QCOMPARE(c.tasksPlaced + c.unplacedTotal(), c.tasksDisplaced);
        if (c.failed.front().kind == analysis::ElementKind::Site)
            QVERIFY2(c.tasksDisplaced > 0, qPrintable(c.failed.front().id));
        for (const auto& f : c.flows)
            QVERIFY(f.targetSiteId != c.failed.front().id);
    }
    for (std::size_t i = 1; i < result.contingencies.size(); ++i)
        QVERIFY(result.contingencies[i - 1].severity >= result.contingencies[i].severity);
}

QTEST_GUILESS_MAIN(TestAnalysisMock)
#include "tst_analysismock.moc"
