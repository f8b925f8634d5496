// The decision-support docks driven as an operator and a viewer would: Ctrl+Shift+E and
// Ctrl+Shift+N show them, results come computed off the GUI thread, a row is previewed on the
// map, an operator applies a recommendation through the journalled start path (the scheduler
// then moves the task), a viewer sees them read-only, and two elements can fail together.

#include "mocktesthelpers.h"
#include "testconsole.h"

#include "analysiscontroller.h"
#include "analysispanels.h"
#include "analysistablemodels.h"
#include "dispatchcontroller.h"
#include "mapview.h"

#include <QAction>
#include <QDockWidget>
#include <QItemSelectionModel>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTimer>

using namespace cpn;
using namespace cpn::testing;

namespace {
constexpr int kTimeoutMs = 60000;

std::unique_ptr<mock::MockServer> peakServer(bool withViewer = false)
{
    auto options = manualOptions(7);
    options.scenario = "peak";
    if (withViewer)
        options.serving.tokens = { { server::Role::Viewer, "view-secret" }, { server::Role::Operator, "op-secret" } };
    auto server = startServer(options);
    if (server)
        advanceMinutes(*server, 2);
    return server;
}

QAction* actionWithShortcut(QWidget& window, const QKeySequence& shortcut)
{
    for (QAction* action : window.findChildren<QAction*>()) {
        if (action->shortcut() == shortcut)
            return action;
    }
    return nullptr;
}
} // namespace

class TestAnalysisPanels : public QObject {
    Q_OBJECT
private slots:
    void anOperatorPreviewsAndAppliesARecommendation()
    {
        auto server = peakServer();
        QVERIFY(server);
        TestConsole console(QString::fromStdString(server->address()));
        QVERIFY(console.waitForLiveData(kTimeoutMs));
        AnalysisController* analysis = console.window->analysis();
        QSignalSpy shown(analysis, &AnalysisController::resultsShown);
        QAction* open = actionWithShortcut(*console.window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
        QVERIFY(open);
        open->trigger();
        QVERIFY(analysis->recommendationsDock()->isVisible());
        QVERIFY(shown.wait(kTimeoutMs));
        RecommendationTableModel* model = analysis->recommendations();
        QVERIFY2(model->rowCount() > 0, "the peak scenario has work worth moving");
        QCOMPARE(model->result().revision, analysis->recommendations()->result().revision);

        // A row chosen: its move on the map.
        RecommendationsPanel* panel = analysis->recommendationsPanel();
        QTableView* view = panel->view();
        view->selectRow(0);
        const analysis::Recommendation first = model->at(panel->currentRow());
        const auto& preview = console.window->mapView()->migrationPreview();
        QVERIFY(preview.has_value());
        QCOMPARE(preview->taskId, first.taskId);
        QCOMPARE(preview->targetSiteId, first.targetSiteId);
        QCOMPARE(preview->pathLinkIds, first.pathLinkIds);

        // Applied (after the question), the scheduler moves the task.
        QVERIFY(panel->applyButton()->isEnabled());
        QTimer::singleShot(0, this, [] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible())
                    box->button(QMessageBox::Yes)->click();
            }
        });
        QTest::mouseClick(panel->applyButton(), Qt::LeftButton);
        QVERIFY(QTest::qWaitFor(
            [&] {
                advanceMinutes(*server, 0);
                return server->simulation()->findTask(first.taskId.toStdString())
                    && server->simulation()->findTask(first.taskId.toStdString())->state() == v1::TASK_STATE_MIGRATING;
            },
            kTimeoutMs));
    }

    void contingenciesAndAPair()
    {
        auto server = peakServer();
        QVERIFY(server);
        TestConsole console(QString::fromStdString(server->address()));
        QVERIFY(console.waitForLiveData(kTimeoutMs));
        AnalysisController* analysis = console.window->analysis();
        QSignalSpy shown(analysis, &AnalysisController::resultsShown);
        QAction* open = actionWithShortcut(*console.window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
        QVERIFY(open);
        open->trigger();
        QVERIFY(shown.wait(kTimeoutMs));
        ContingencyTableModel* model = analysis->contingencies();
        // Every hub, cluster and backbone link: 8 hubs and 10 clusters at least.
        QVERIFY(model->rowCount() >= 18);
        double previous = 2.5;
        for (int row = 0; row < model->rowCount(); ++row) { // ranked, most severe first
            QVERIFY(model->at(row).severity <= previous + 1e-12);
            previous = model->at(row).severity;
        }
        // A hub's failure on the map: crossed out, its work flowing elsewhere.
        int hub = -1;
        for (int row = 0; row < model->rowCount() && hub < 0; ++row) {
            if (model->at(row).tier == SiteTier::NationalHub && model->at(row).tasksDisplaced > 0)
                hub = row;
        }
        QVERIFY(hub >= 0);
        ContingenciesPanel* panel = analysis->contingenciesPanel();
        panel->view()->sortByColumn(-1, Qt::AscendingOrder);
        panel->view()->selectRow(hub);
        const auto& preview = console.window->mapView()->migrationPreview();
        QVERIFY(preview.has_value());
        QCOMPARE(preview->failedIds, QStringList { model->at(hub).failed.front().id });
        QVERIFY(!preview->flows.isEmpty());
        QCOMPARE(preview->flows.first().sourceSiteId, model->at(hub).failed.front().id);

        // N-2: the first two elements offered, together.
        QPushButton* show = nullptr;
        for (QPushButton* button : panel->findChildren<QPushButton*>()) {
            if (button->text().contains(QStringLiteral("Show")))
                show = button;
        }
        QVERIFY(show);
        QTest::mouseClick(show, Qt::LeftButton);
        QVERIFY(QTest::qWaitFor([&] { return console.window->mapView()->migrationPreview()
                                              && console.window->mapView()->migrationPreview()->failedIds.size() == 2; },
            kTimeoutMs));
    }

    void aViewerSeesThemReadOnly()
    {
        auto server = peakServer(true);
        QVERIFY(server);
        TestConsole console(QString::fromStdString(server->address()), QStringLiteral("view-secret"));
        QVERIFY(console.waitForLiveData(kTimeoutMs));
        AnalysisController* analysis = console.window->analysis();
        QSignalSpy shown(analysis, &AnalysisController::resultsShown);
        actionWithShortcut(*console.window, QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E))->trigger();
        QVERIFY(shown.wait(kTimeoutMs));
        RecommendationsPanel* panel = analysis->recommendationsPanel();
        QVERIFY(analysis->recommendations()->rowCount() > 0);
        panel->view()->selectRow(0);
        QVERIFY(!panel->applyButton()->isEnabled());
        QVERIFY2(panel->applyButton()->toolTip().contains(QStringLiteral("viewer")), qPrintable(panel->applyButton()->toolTip()));
        // Nor does the start path take it.
        QVERIFY(!console.window->dispatch()->requestMove(
            analysis->recommendations()->at(0).taskId, analysis->recommendations()->at(0).targetSiteId, {}));
    }
};

QTEST_MAIN(TestAnalysisPanels)
#include "tst_analysispanels.moc"
