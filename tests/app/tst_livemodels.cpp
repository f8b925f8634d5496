// Every item model and proxy of the console under the live feed of the mock scheduler, each
// checked against the item-model contract while tasks arrive, end and move, the operator filters
// and sorts; and what the operator sees of it: when the task they picked leaves the list, "Move
// task" no longer offers to move it, nor silently another one.

// The mock's headers first: they are plain C++ and use names Qt keeps as macros (slots).
#include "mockserver.h"
#include "mocktesthelpers.h"
#include "simulation.h"

#include "consolesession.h"
#include "dispatchcontroller.h"
#include "language.h"
#include "mainwindow.h"
#include "mapview.h"
#include "modelcontract.h"
#include "networkstate.h"
#include "taskfilterproxymodel.h"
#include "tasktablemodel.h"
#include "tasktablepanel.h"
#include "testconsole.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <memory>
#include <vector>

using namespace cpn;

class TestLiveModels : public QObject {
    Q_OBJECT
private:
    // The scheduler moves on by `seconds`; returns once the console has applied all of it.
    static bool advance(mock::MockServer& server, const ConsoleSession& session, double seconds)
    {
        server.simulation()->tick(seconds);
        const quint64 revision = server.simulation()->events().currentRevision();
        return QTest::qWaitFor([&] { return session.state()->revision() >= revision; }, 10000);
    }

    static void waitUntilLive(mock::MockServer& server, TestConsole& console)
    {
        QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
        QVERIFY(console.waitForLiveData());
        QTRY_VERIFY_WITH_TIMEOUT(console.window->connectionText().startsWith(QStringLiteral("Live")), 10000);
        QVERIFY(advance(server, console.session, 1));
    }

    // Makes `taskId` current in the task list, as a click on its row does.
    static void clickTask(TaskTablePanel* panel, const QString& taskId)
    {
        QTableView* view = panel->view();
        QModelIndex index;
        for (int row = 0; row < panel->proxy()->rowCount() && !index.isValid(); ++row) {
            if (panel->proxy()->index(row, 0).data(TaskTableModel::TaskIdRole).toString() == taskId)
                index = panel->proxy()->index(row, TaskTableModel::NameColumn);
        }
        QVERIFY(index.isValid());
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        QTRY_COMPARE(panel->currentTaskId(), taskId);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Language::apply(QStringLiteral("en"));
    }

    void everyModelKeepsItsContractUnderTheLiveFeed()
    {
        mock::MockServerOptions options = testing::manualOptions(3);
        options.migrationFailureRate = 0.3; // some roll back
        mock::MockServer server(options);
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        // Every model the console made, watched from before the first snapshot (which the event
        // loop, not yet run, brings).
        TestConsole console(QString::fromStdString(server.address()));
        ConsoleSession& session = console.session;
        MainWindow& window = *console.window;
        QSet<QAbstractItemModel*> models;
        for (QAbstractItemModel* model : window.findChildren<QAbstractItemModel*>())
            models.insert(model);
        for (QAbstractItemModel* model : session.findChildren<QAbstractItemModel*>())
            models.insert(model);
        QSet<QString> classes;
        std::vector<std::unique_ptr<ModelContract>> contracts;
        for (QAbstractItemModel* model : std::as_const(models)) {
            classes.insert(QString::fromLatin1(model->metaObject()->className()));
            contracts.push_back(std::make_unique<ModelContract>(model));
        }
        for (const char* expected : { "cpn::TaskTableModel", "cpn::TaskFilterProxyModel", "cpn::MigrationTableModel",
                 "cpn::MigrationFilterProxyModel", "cpn::AlarmTableModel", "cpn::AlarmFilterProxyModel",
                 "cpn::AuditLogModel" })
            QVERIFY2(classes.contains(QString::fromLatin1(expected)), expected);

        waitUntilLive(server, console);
        TaskTablePanel* panel = window.taskPanel();
        auto* filter = panel->findChild<QLineEdit*>();
        QVERIFY(filter);

        // Work starts moving: a drain of a busy site puts migrations under way.
        const NetworkState* state = session.state();
        QString busiest;
        int most = 0;
        QHash<QString, int> perSite;
        for (int row = 0; row < session.tasks()->rowCount(); ++row)
            perSite[session.tasks()->taskAt(row).siteId]++;
        for (auto it = perSite.cbegin(); it != perSite.cend(); ++it) {
            const int site = state->siteIndex(it.key());
            if (site >= 0 && state->sites().at(site).tier != SiteTier::NationalHub && it.value() > most) {
                most = it.value();
                busiest = it.key();
            }
        }
        QVERIFY(!busiest.isEmpty());
        cpn::v1::DrainSiteRequest drain;
        drain.set_request_id("live-models-drain");
        drain.set_site_id(busiest.toStdString());
        drain.set_max_concurrent(6);
        cpn::v1::DrainSiteResponse drained;
        QVERIFY(server.simulation()->drainSite(drain, "test", &drained).ok());

        // The operator narrows, sorts and widens the list while the network moves.
        const QStringList typed { QStringLiteral("train"), QStringLiteral("train-1"), QString(),
            QStringLiteral("infer"), QStringLiteral("t-0"), QString() };
        const int columns[] = { TaskTableModel::NameColumn, TaskTableModel::ProgressColumn, TaskTableModel::StateColumn,
            TaskTableModel::SiteColumn, TaskTableModel::CardsColumn, TaskTableModel::IdColumn };
        int taskRemovals = 0;
        auto* taskModel = session.tasks();
        QObject context;
        connect(taskModel, &QAbstractItemModel::rowsRemoved, &context, [&] { ++taskRemovals; });
        for (int round = 0; round < 12; ++round) {
            if (round % 2 == 0) {
                filter->setText(typed.at(round / 2));
                panel->view()->sortByColumn(columns[round / 2], round % 4 ? Qt::DescendingOrder : Qt::AscendingOrder);
            }
            if (round == 5)
                window.mapView()->flyToSite(busiest); // "selected site only" follows the map
            QVERIFY(advance(server, session, 120));
            if (QTest::currentTestFailed())
                return;
        }
        QVERIFY(taskRemovals > 0); // tasks ended or moved away while watched
        QVERIFY(!session.state()->migrations().isEmpty());

        // The list shows exactly the tasks of the site that match, in order.
        filter->setText(QStringLiteral("a"));
        QVERIFY(advance(server, session, 30));
        int expected = 0;
        for (int row = 0; row < taskModel->rowCount(); ++row) {
            const Task& t = taskModel->taskAt(row);
            if (t.siteId == busiest
                && (t.id.contains(QLatin1Char('a'), Qt::CaseInsensitive)
                    || t.name.contains(QLatin1Char('a'), Qt::CaseInsensitive)
                    || t.tenant.contains(QLatin1Char('a'), Qt::CaseInsensitive)
                    || taskModel->siteLabel(t.siteId).contains(QLatin1Char('a'), Qt::CaseInsensitive)
                    || t.siteId.contains(QLatin1Char('a'), Qt::CaseInsensitive)))
                ++expected;
        }
        QCOMPARE(panel->proxy()->rowCount(), expected);
    }

    void moveTaskIsNeverOfferedForATaskNoLongerShown()
    {
        mock::MockServer server(testing::manualOptions(5));
        std::string error;
        QVERIFY2(server.start(&error), error.c_str());
        TestConsole console(QString::fromStdString(server.address()));
        waitUntilLive(server, console);
        const ConsoleSession& session = console.session;
        TaskTablePanel* panel = console.window->taskPanel();
        QAction* move = console.window->dispatch()->moveTaskAction();
        auto* filter = panel->findChild<QLineEdit*>();
        QVERIFY(filter);

        // Filtered out: the operator picks a task, then types what hides it.
        const QString first = panel->proxy()->index(0, 0).data(TaskTableModel::TaskIdRole).toString();
        clickTask(panel, first);
        QTRY_VERIFY(move->isEnabled());
        QVERIFY(move->toolTip().contains(first));
        QTest::keyClicks(filter, QStringLiteral("no-such-task"));
        QCOMPARE(panel->proxy()->rowCount(), 0);
        QCOMPARE(panel->currentTaskId(), QString());
        QVERIFY(!move->isEnabled());
        filter->clear();
        QVERIFY(panel->proxy()->rowCount() > 1000);
        QCOMPARE(panel->currentTaskId(), QString()); // nothing picked on the operator's behalf
        QVERIFY(!move->isEnabled());

        // Ended: the operator picks the running task closest to its end, and the scheduler ends it
        // while other tasks around it come and go.
        panel->view()->sortByColumn(TaskTableModel::ProgressColumn, Qt::DescendingOrder);
        QString ending;
        for (int row = 0; row < panel->proxy()->rowCount() && ending.isEmpty(); ++row) {
            const QString id = panel->proxy()->index(row, 0).data(TaskTableModel::TaskIdRole).toString();
            if (session.tasks()->task(id)->state == TaskState::Running)
                ending = id;
        }
        QVERIFY(!ending.isEmpty());
        clickTask(panel, ending);
        QTRY_VERIFY(move->isEnabled());
        // (An ended task's row leaves the list a moment after the network says so.)
        const auto gone = [&] { return !session.tasks()->task(ending); };
        for (int i = 0; i < 200 && !QTest::qWaitFor(gone, 50); ++i)
            QVERIFY(advance(server, session, 60));
        QCOMPARE(session.tasks()->task(ending), nullptr);
        QCOMPARE(panel->currentTaskId(), QString());
        QVERIFY(panel->view()->selectionModel()->selectedRows().isEmpty());
        QVERIFY(!move->isEnabled());
        QCOMPARE(move->toolTip(), QStringLiteral("Select a task in the task list first"));

        // A task that stays is still the one picked while others end around it.
        const QString staying
            = panel->proxy()->index(panel->proxy()->rowCount() - 1, 0).data(TaskTableModel::TaskIdRole).toString();
        clickTask(panel, staying);
        QSignalSpy removed(panel->proxy(), &QAbstractItemModel::rowsRemoved);
        for (int i = 0; i < 10; ++i)
            QVERIFY(advance(server, session, 60));
        QTRY_VERIFY(!removed.isEmpty()); // the list did change meanwhile
        // The count above the list says what it shows, out of every task.
        const QString count
            = QStringLiteral("%1 of %2 tasks")
                  .arg(QLocale().toString(panel->proxy()->rowCount()), QLocale().toString(session.tasks()->rowCount()));
        bool counted = false;
        for (const QLabel* label : panel->findChildren<QLabel*>())
            counted = counted || label->text() == count;
        QVERIFY2(counted, qPrintable(count));
        QVERIFY(session.tasks()->task(staying));
        QCOMPARE(panel->currentTaskId(), staying);
        QVERIFY(move->isEnabled());
    }

    void countAboveTheListFollowsTasksThatEnd()
    {
        TaskTableModel tasks;
        TaskTablePanel panel(&tasks);
        StateBatch snapshot;
        snapshot.snapshot = Snapshot {};
        snapshot.snapshot->revision = 1;
        for (int i = 0; i < 5; ++i) {
            Task t;
            t.id = QStringLiteral("t%1").arg(i);
            t.siteId = QStringLiteral("bj");
            snapshot.tasks.append(t);
        }
        tasks.applyBatch(snapshot);
        StateBatch ended;
        ended.events.push_back({ 2, 0, TaskRemoved { QStringLiteral("t1"), QStringLiteral("bj"), {} } });
        ended.events.push_back({ 3, 0, TaskRemoved { QStringLiteral("t3"), QStringLiteral("bj"), {} } });
        tasks.applyBatch(ended);
        QStringList texts;
        for (const QLabel* label : panel.findChildren<QLabel*>())
            texts << label->text();
        QVERIFY2(texts.contains(QStringLiteral("3 of 3 tasks")), qPrintable(texts.join(QStringLiteral(" | "))));
    }
};

QTEST_MAIN(TestLiveModels)
#include "tst_livemodels.moc"
