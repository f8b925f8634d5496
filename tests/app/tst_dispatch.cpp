// Dispatching in the main window, against a mock scheduler over gRPC: a task migrated end to
// end from the task list (COMPLETED in the migrations table, the task at its target), a cancel
// from the migrations dock, a drain with its live progress, a command left by a crashed console
// answered after the restart, and a viewer who may look but not dispatch.

// The mock's headers name a member `slots`: they go before any Qt header defines that keyword.
#include "mocktesthelpers.h"

#include "auditlogmodel.h"
#include "candidateplanmodel.h"
#include "commandjournal.h"
#include "consolesession.h"
#include "dispatchcontroller.h"
#include "dispatchoutbox.h"
#include "draindialog.h"
#include "language.h"
#include "mainwindow.h"
#include "mapview.h"
#include "migrationdialog.h"
#include "migrationspanel.h"
#include "migrationtablemodel.h"
#include "mockprocess.h"
#include "networkstate.h"
#include "taskfilterproxymodel.h"
#include "tasktablemodel.h"
#include "tasktablepanel.h"
#include "testconsole.h"
#include "unansweredcommand.h"

#include <QAction>
#include <QCheckBox>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace cpn;
using namespace cpn::testing;

namespace {

constexpr int kTimeoutMs = 30000;

// The console as main() builds it, with what these tests read of its dispatching.
struct Console : TestConsole {
    using TestConsole::TestConsole;

    DispatchController* dispatch() const { return window->dispatch(); }
    // The migrations table's text in a column for a migration of `taskId`, or empty.
    QString migrationCell(const QString& taskId, int column) const
    {
        const QAbstractItemModel* model = dispatch()->migrationsPanel()->view()->model();
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->index(row, 0).data(MigrationTableModel::TaskIdRole).toString() == taskId)
                return model->index(row, column).data().toString();
        return {};
    }
};

// Selects a task's row in the task list, as a click would.
bool selectTask(const Console& console, const QString& taskId)
{
    TaskTablePanel* panel = console.window->taskPanel();
    const QModelIndex source = console.session.tasks()->index(console.session.tasks()->rowOf(taskId), 0);
    const QModelIndex index = panel->proxy()->mapFromSource(source);
    if (!index.isValid())
        return false;
    panel->view()->scrollTo(index);
    QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, panel->view()->visualRect(index).center());
    return panel->currentTaskId() == taskId;
}

// Accepts the "why cancel?" question with its default reason.
bool acceptCancelQuestion(QWidget* window)
{
    QInputDialog* ask = nullptr;
    if (!QTest::qWaitFor([&] { return (ask = window->findChild<QInputDialog*>(QStringLiteral("CancelMigrationDialog"))); },
            kTimeoutMs))
        return false;
    ask->accept();
    return true;
}

} // namespace

class TestDispatch : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Language::apply(QStringLiteral("en"));
    }

    void migrateATaskEndToEnd()
    {
        MockProcess mock;
        QVERIFY(mock.start(0, { QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--time-scale"),
                                  QStringLiteral("120"), QStringLiteral("--failure-rate"), QStringLiteral("0") })
            > 0);
        Console console(mock.address());
        QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
        QVERIFY(console.waitForLiveData(kTimeoutMs));
        QCOMPARE(console.session.state()->callerRole(), QStringLiteral("operator"));

        // A long-running training or batch job; Ctrl+M on the task list plans its move.
        MigrationDialog* dialog = nullptr;
        QString taskId;
        const TaskTableModel* tasks = console.session.tasks();
        for (int row = 0, tried = 0; row < tasks->rowCount() && !dialog && tried < 8; ++row) {
            const Task& t = tasks->taskAt(row);
            if ((t.kind != TaskKind::Training && t.kind != TaskKind::Batch) || t.state != TaskState::Running
                || t.progress > 0.5)
                continue;
            ++tried;
            QVERIFY(selectTask(console, t.id));
            QTest::keyClick(console.window->taskPanel()->view(), Qt::Key_M, Qt::ControlModifier);
            auto* opened = console.window->findChild<MigrationDialog*>();
            QVERIFY(opened);
            QTRY_VERIFY_WITH_TIMEOUT(opened->candidates()->isComplete(), kTimeoutMs);
            if (opened->view()->model()->index(0, 0).data(CandidatePlanModel::FeasibleRole).toBool()) {
                dialog = opened;
                taskId = t.id;
            } else {
                // Closed, it is deleted: the next Ctrl+M opens a dialog of its own.
                const QPointer<MigrationDialog> closed(opened);
                opened->close();
                QTRY_VERIFY(closed.isNull());
            }
        }
        QVERIFY2(dialog, "no task with a feasible move");

        // The best target is selected and previewed on the map.
        const QString target = dialog->selectedSiteId();
        QVERIFY(!target.isEmpty());
        QVERIFY(console.window->mapView()->migrationPreview().has_value());
        QCOMPARE(console.window->mapView()->migrationPreview()->targetSiteId, target);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(), QStringLiteral("end-to-end test"));
        if (dialog->needsConfirmation())
            dialog->findChild<QCheckBox*>()->click();
        QVERIFY2(dialog->startButton()->isEnabled(), qPrintable(dialog->startButton()->toolTip()));
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!console.window->mapView()->migrationPreview().has_value(), kTimeoutMs);

        // Live progress, then COMPLETED in the migrations table and the task at its target.
        QTRY_VERIFY_WITH_TIMEOUT(!console.migrationCell(taskId, MigrationTableModel::StateColumn).isEmpty(), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            console.migrationCell(taskId, MigrationTableModel::StateColumn), QStringLiteral("Completed"), 60000);
        QCOMPARE(console.migrationCell(taskId, MigrationTableModel::ReasonColumn), QStringLiteral("end-to-end test"));
        QTRY_COMPARE_WITH_TIMEOUT(tasks->task(taskId)->siteId, target, kTimeoutMs);
        // The dispatch log says who did what and what came of it.
        const AuditLogModel* log = console.dispatch()->auditLog();
        QCOMPARE(log->commandAt(0).taskId, taskId);
        QCOMPARE(log->commandAt(0).outcome, CommandOutcome::Succeeded);
        QVERIFY(log->index(0, AuditLogModel::OutcomeColumn).data().toString().startsWith(QStringLiteral("Started mig-")));
        QCOMPARE(mock.stop(), 0);
    }

    void cancelFromTheMigrationsDockAndDrainASite()
    {
        auto options = manualOptions(5);
        mock::MockServer server(options);
        QVERIFY(server.start());
        const QString address = QString::fromStdString(server.address());
        Console console(address);
        QVERIFY(console.waitForLiveData(kTimeoutMs));

        // Cancel (the simulation stands still meanwhile): it rolls back and says so in the table.
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(*server.simulation(), { v1::TASK_KIND_STORAGE, v1::TASK_KIND_SCIENTIFIC }, &task, &target));
        const QString taskId = QString::fromStdString(task.id());
        console.session.outbox()->startMigration(taskId, QString::fromStdString(target), QStringLiteral("to cancel"));
        MigrationsPanel* panel = console.dispatch()->migrationsPanel();
        QTRY_VERIFY_WITH_TIMEOUT(!console.migrationCell(taskId, MigrationTableModel::IdColumn).isEmpty(), kTimeoutMs);
        const QString migrationId = console.migrationCell(taskId, MigrationTableModel::IdColumn);
        QVERIFY(panel->selectMigration(migrationId));
        QTRY_VERIFY(panel->cancelButton()->isEnabled());
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        QVERIFY(acceptCancelQuestion(console.window.get()));
        QTRY_COMPARE_WITH_TIMEOUT(
            console.migrationCell(taskId, MigrationTableModel::StateColumn), QStringLiteral("Cancelled"), kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(console.session.tasks()->task(taskId)->state, TaskState::Running, kTimeoutMs);
        QCOMPARE(console.session.tasks()->task(taskId)->siteId, QString::fromStdString(task.site_id()));

        // Drain an edge site: the plan first, then the batch's progress to the end, while the
        // simulation moves as a real one would.
        QTimer ticker;
        QObject::connect(&ticker, &QTimer::timeout, [&] { server.simulation()->tick(15); });
        ticker.start(50);
        QString edge;
        for (const SiteMetrics& m : console.session.state()->siteMetrics())
            if (m.siteId.startsWith(QStringLiteral("edge-")) && m.runningTasks >= 3 && m.runningTasks <= 12) {
                edge = m.siteId;
                break;
            }
        QVERIFY(!edge.isEmpty());
        DrainDialog* drain = console.dispatch()->openDrainDialog(edge);
        QVERIFY(drain);
        QTRY_VERIFY_WITH_TIMEOUT(drain->planTable()->rowCount() >= 3, kTimeoutMs);
        QVERIFY(!drain->drainButton()->isEnabled()); // not without a reason
        drain->setMaxConcurrent(2);
        drain->setReason(QStringLiteral("power maintenance"));
        QTest::mouseClick(drain->drainButton(), Qt::LeftButton);
        QVERIFY(drain->isShowingProgress());
        QTRY_VERIFY_WITH_TIMEOUT(drain->progressText().contains(QStringLiteral("The drain has finished")), 60000);
        const int siteIndex = console.session.state()->siteIndex(edge);
        QCOMPARE(console.session.state()->sites().at(siteIndex).status, SiteStatus::Maintenance);
        QCOMPARE(drain->progressBar()->value(), drain->progressBar()->maximum());
        QCOMPARE(console.dispatch()->auditLog()->commandAt(0).kind, CommandKind::DrainSite);
        QCOMPARE(console.dispatch()->auditLog()->commandAt(0).outcome, CommandOutcome::Succeeded);
    }

    void aCommandLeftByACrashIsAnsweredAfterTheRestart()
    {
        mock::MockServer server(manualOptions(8));
        QVERIFY(server.start());
        const QString address = QString::fromStdString(server.address());
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(*server.simulation(), { v1::TASK_KIND_BATCH, v1::TASK_KIND_RENDERING }, &task, &target));
        // What the crashed console left: a start written to the journal, never answered.
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
        QVERIFY(recordUnansweredStart(journal, address, QString::fromStdString(task.id()),
            QString::fromStdString(target), QStringLiteral("left-by-a-crash"), QStringLiteral("zhang.min@ops-1")));
        Console console(address, {}, journal);
        QVERIFY(console.waitForLiveData(kTimeoutMs));
        QTRY_VERIFY_WITH_TIMEOUT(
            console.dispatch()->auditLog()->commandAt(0).outcome == CommandOutcome::Succeeded, kTimeoutMs);
        QVERIFY(console.window->statusBar()->currentMessage().startsWith(QStringLiteral("Answer to an earlier command")));
        QTRY_VERIFY_WITH_TIMEOUT(
            !console.migrationCell(QString::fromStdString(task.id()), MigrationTableModel::IdColumn).isEmpty(), kTimeoutMs);
        QCOMPARE(server.simulation()->findMigration(
                     console.dispatch()->auditLog()->commandAt(0).migrationId.toStdString())->request_id(),
            std::string("left-by-a-crash"));
    }

    // A command another operator (another token) left unanswered is not sent in this one's name
    // without asking: sent once they agree, or abandoned.
    void anotherOperatorsCommandWaitsForConsent_data()
    {
        QTest::addColumn<bool>("agree");
        QTest::newRow("sent in my name") << true;
        QTest::newRow("abandoned") << false;
    }
    void anotherOperatorsCommandWaitsForConsent()
    {
        QFETCH(bool, agree);
        mock::MockServer server(manualOptions(8));
        QVERIFY(server.start());
        const QString address = QString::fromStdString(server.address());
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(*server.simulation(), { v1::TASK_KIND_BATCH, v1::TASK_KIND_RENDERING }, &task, &target));
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
        const QString zhang = QStringLiteral("zhang.min@ops-1");
        QVERIFY(recordUnansweredStart(journal, address, QString::fromStdString(task.id()),
            QString::fromStdString(target), QStringLiteral("left-by-zhang"), zhang,
            DispatchOutbox::identityOf(zhang, QStringLiteral("zhang-token"))));
        Console console(address, QStringLiteral("li-token"), journal);
        QVERIFY(console.waitForLiveData(kTimeoutMs));
        QMessageBox* ask = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (ask = console.window->findChild<QMessageBox*>(QStringLiteral("ForeignCommandsMessage"))), kTimeoutMs);
        QVERIFY(ask->informativeText().contains(QStringLiteral("zhang.min@ops-1")));
        // Nothing went out meanwhile.
        QTest::qWait(500);
        QCOMPARE(server.simulation()->findTask(task.id())->state(), v1::TASK_STATE_RUNNING);
        QCOMPARE(console.dispatch()->auditLog()->commandAt(0).outcome, CommandOutcome::Pending);

        ask->findChild<QPushButton*>(agree ? QStringLiteral("SendAsMine") : QStringLiteral("Abandon"))->click();
        const CommandOutcome expected = agree ? CommandOutcome::Succeeded : CommandOutcome::Abandoned;
        QTRY_VERIFY_WITH_TIMEOUT(console.dispatch()->auditLog()->commandAt(0).outcome == expected, kTimeoutMs);
        const auto kept = console.session.outbox()->journal()->find(QStringLiteral("left-by-zhang"));
        QVERIFY(kept);
        if (agree) {
            QCOMPARE(kept->operatorName, console.session.outbox()->operatorName()); // who sent it in the end
            QCOMPARE(server.simulation()->findMigration(kept->migrationId.toStdString())->request_id(),
                std::string("left-by-zhang"));
        } else {
            QCOMPARE(server.simulation()->findTask(task.id())->state(), v1::TASK_STATE_RUNNING);
        }
    }

    void viewersMayLookButNotDispatch()
    {
        auto options = manualOptions();
        options.serving.tokens = { { server::Role::Viewer, "view-secret" }, { server::Role::Operator, "op-secret" } };
        mock::MockServer server(options);
        QVERIFY(server.start());
        Console console(QString::fromStdString(server.address()), QStringLiteral("view-secret"));
        QVERIFY(console.waitForLiveData(kTimeoutMs));
        QCOMPARE(console.session.state()->callerRole(), QStringLiteral("viewer"));
        QVERIFY(selectTask(console, console.session.tasks()->taskAt(0).id));
        DispatchController* dispatch = console.dispatch();
        for (QAction* action : { dispatch->moveTaskAction(), dispatch->drainSiteAction(), dispatch->cancelMigrationAction() }) {
            QVERIFY(!action->isEnabled());
            QVERIFY2(action->toolTip().contains(QStringLiteral("viewer role")), qPrintable(action->toolTip()));
        }
        QVERIFY(!dispatch->migrationsPanel()->cancelButton()->isEnabled());
        QVERIFY(dispatch->migrationsPanel()->cancelButton()->toolTip().contains(QStringLiteral("viewer role")));
        QTest::keyClick(console.window->taskPanel()->view(), Qt::Key_M, Qt::ControlModifier);
        QVERIFY(!console.window->findChild<MigrationDialog*>());
        QVERIFY(!dispatch->openMigrationDialog(console.session.tasks()->taskAt(0).id));
        QVERIFY(console.window->statusBar()->currentMessage().contains(QStringLiteral("viewer role")));
        auto* badge = console.window->findChild<QLabel*>(QStringLiteral("RoleBadge"));
        QVERIFY(badge && badge->isVisible());
        QVERIFY(badge->toolTip().contains(QStringLiteral("viewer role")));
    }
};

QTEST_MAIN(TestDispatch)
#include "tst_dispatch.moc"
