// Several platforms in one console, against mock schedulers over gRPC: one network of three
// (two schedulers and the embedded one) with the same ids kept apart and a site two platforms
// report drawn once; a platform that dies greys only its part and comes back by itself; a viewer
// platform beside an operator one; the journal follows a platform to a new address; a move to
// another platform's site is shown as not possible; the command line names the platforms.

// The mock's headers name a member `slots`: they go before any Qt header defines that keyword.
#include "mocktesthelpers.h"

#include "alarmcontroller.h"
#include "alarmspanel.h"
#include "auditlogmodel.h"
#include "candidateplanmodel.h"
#include "commandline.h"
#include "connectionsdialog.h"
#include "consolesession.h"
#include "dispatchclient.h"
#include "dispatchcontroller.h"
#include "dispatchoutbox.h"
#include "embeddedscheduler.h"
#include "language.h"
#include "mainwindow.h"
#include "mapview.h"
#include "migrationdialog.h"
#include "modelcontract.h"
#include "networkstate.h"
#include "platformfilterbox.h"
#include "siteinspector.h"
#include "siteinspectordock.h"
#include "taskfilterproxymodel.h"
#include "tasktablemodel.h"
#include "tasktablepanel.h"
#include "testconsole.h"
#include "unansweredcommand.h"
#include "utilisationcolor.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
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

ConnectionSettings platform(const QString& name, const mock::MockServer& server, const QString& token = {})
{
    ConnectionSettings settings { QString::fromStdString(server.address()), token };
    settings.platform = name;
    return settings;
}

// Rows of the task table that belong to `platform`.
int taskRowsOf(const TaskTableModel* tasks, const QString& platform)
{
    int rows = 0;
    for (int row = 0; row < tasks->rowCount(); ++row)
        rows += tasks->taskAt(row).platform == platform;
    return rows;
}

// Every platform live, its network and all its tasks in (the tasks come a turn after the
// network, a national platform's beside others in parts).
bool allLive(const ConsoleSession& session)
{
    const auto& all = session.platforms();
    return !session.isTakingSnapshot() && std::all_of(all.cbegin(), all.cend(), [&session](const PlatformLink* p) {
        return p->connectionState() == ConnectionState::Live && session.state()->platform(p->name()).hasSnapshot
            && taskRowsOf(session.tasks(), p->name()) > 0;
    });
}

} // namespace

class TestPlatforms : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Language::apply(QStringLiteral("en"));
    }

    void threePlatformsAreOneNetwork()
    {
        // East and west run the same seed: the same site and task ids, the same places.
        auto east = startManualServer(11);
        auto west = startManualServer(11);
        QVERIFY(east && west);
        QString error;
        ConsoleOptions embeddedOptions;
        auto embedded = EmbeddedScheduler::start(embeddedOptions, &error);
        QVERIFY2(embedded, qPrintable(error));
        ConnectionSettings demo { embedded->address(), {} };
        demo.platform = QStringLiteral("demo");

        TestConsole console({ platform(QStringLiteral("east"), *east), platform(QStringLiteral("west"), *west), demo });
        ConsoleSession& session = console.session;
        ModelContract tasks(session.tasks());
        ModelContract alarms(console.window->alarms()->alarmsPanel()->findChild<QTableView*>()->model());
        QTRY_VERIFY_WITH_TIMEOUT(allLive(session), kTimeoutMs);
        const int eastTasks = int(allTasks(*east->simulation()).size());
        QTRY_COMPARE_WITH_TIMEOUT(taskRowsOf(session.tasks(), QStringLiteral("east")), eastTasks, kTimeoutMs);
        QTRY_COMPARE_WITH_TIMEOUT(taskRowsOf(session.tasks(), QStringLiteral("west")), eastTasks, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(taskRowsOf(session.tasks(), QStringLiteral("demo")) > 1000, kTimeoutMs);
        QCOMPARE(session.tasks()->rowCount(), 2 * eastTasks + taskRowsOf(session.tasks(), QStringLiteral("demo")));

        // The same task id on two platforms: two tasks, each its own platform's.
        const QString id = QString::fromStdString(allTasks(*east->simulation()).front().id());
        const Task* onEast = session.tasks()->task(QStringLiteral("east/") + id);
        const Task* onWest = session.tasks()->task(QStringLiteral("west/") + id);
        QVERIFY(onEast && onWest);
        QCOMPARE(onEast->platform, QStringLiteral("east"));
        QCOMPARE(onWest->platform, QStringLiteral("west"));
        QVERIFY(onEast->siteId.startsWith(QStringLiteral("east/")));
        QVERIFY(session.tasks()->rowOf(onEast->id) != session.tasks()->rowOf(onWest->id));
        // The table shows the id as the platform knows it, with the platform beside it.
        const int row = session.tasks()->rowOf(onWest->id);
        QCOMPARE(session.tasks()->index(row, TaskTableModel::IdColumn).data().toString(), id);
        QCOMPARE(session.tasks()->index(row, TaskTableModel::PlatformColumn).data().toString(), QStringLiteral("west"));

        // Every site west reports, east reports too: drawn once, as the first platform connected
        // that reports it (the national hubs are the embedded demo's too).
        const NetworkState* state = session.state();
        MapView* map = console.window->mapView();
        int westSites = 0;
        for (int i = 0; i < state->sites().size(); ++i) {
            const Site& site = state->sites().at(i);
            const int primary = state->duplicateOf(i);
            if (site.platform == QLatin1String("west")) {
                ++westSites;
                QVERIFY2(primary >= 0, qPrintable(site.id));
                QVERIFY(!map->foldedNetwork().isVisible(i));
            }
            if (primary >= 0)
                QCOMPARE(state->sites().at(primary).platform, QStringLiteral("east"));
            else
                QCOMPARE_NE(site.platform, QStringLiteral("west"));
        }
        QCOMPARE(westSites, int(east->simulation()->snapshot().sites_size()));
        // The inspector says whose the site is and who else reports it.
        const QString hub
            = QStringLiteral("east/") + QString::fromStdString(east->simulation()->snapshot().sites(0).id());
        SiteInspector* inspector = console.window->inspectorDock()->inspector();
        inspector->setSite(hub);
        QTRY_VERIFY_WITH_TIMEOUT(
            inspector->field(QStringLiteral("platform")).startsWith(QStringLiteral("east")), kTimeoutMs);
        QVERIFY2(inspector->field(QStringLiteral("duplicates")).contains(QStringLiteral("west")),
            qPrintable(inspector->field(QStringLiteral("duplicates"))));

        // View > Colour Sites by Platform: east's hub in east's colour, the key naming each.
        QAction* colour = console.window->colourByPlatformAction();
        QVERIFY(colour->isEnabled());
        if (!colour->isChecked())
            colour->trigger();
        QCOMPARE(map->platformColours(), (QStringList { "east", "west", "demo" }));
        const int eastHub = state->siteIndex(hub);
        QVERIFY(map->foldedNetwork().isVisible(eastHub));
        const QColor drawn = map->grab().toImage().pixelColor(map->sitePosition(eastHub).toPoint());
        QVERIFY2(std::abs(drawn.hslHue() - platformColor(0).hslHue()) < 12, qPrintable(drawn.name()));
        colour->trigger();
        QVERIFY(map->platformColours().isEmpty());

        // Each table has the platform filter; choosing one shows its rows only.
        TaskTablePanel* panel = console.window->taskPanel();
        auto* filter = panel->findChild<PlatformFilterBox*>();
        QVERIFY(filter && filter->isVisibleTo(panel));
        QVERIFY(!panel->view()->isColumnHidden(TaskTableModel::PlatformColumn));
        filter->setCurrentIndex(filter->findData(QStringLiteral("west")));
        panel->proxy()->setSiteFilter({});
        QTRY_COMPARE_WITH_TIMEOUT(panel->proxy()->rowCount(), eastTasks, kTimeoutMs);
        for (int r = 0; r < panel->proxy()->rowCount(); r += 997)
            QCOMPARE(
                panel->proxy()->index(r, TaskTableModel::PlatformColumn).data().toString(), QStringLiteral("west"));

        // The embedded platform moves on its own: applied while the others are quiet.
        const quint64 demoRevision = state->platform(QStringLiteral("demo")).revision;
        QTRY_VERIFY_WITH_TIMEOUT(state->platform(QStringLiteral("demo")).revision > demoRevision, kTimeoutMs);
        QVERIFY(tasks.resets <= 6); // a snapshot each, and nothing else resets the list
    }

    void aDeadPlatformGreysOnlyItsPart()
    {
        auto east = startManualServer(11);
        auto west = startManualServer(12);
        QVERIFY(east && west);
        const int westPort = west->port();
        TestConsole console({ platform(QStringLiteral("east"), *east), platform(QStringLiteral("west"), *west) });
        ConsoleSession& session = console.session;
        MainWindow* window = console.window.get();
        QTRY_VERIFY_WITH_TIMEOUT(allLive(session), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window->connectionText() == QStringLiteral("east: live | west: live"), kTimeoutMs);
        QVERIFY(window->mapView()->stalePlatforms().isEmpty());
        const int sites = int(session.state()->sites().size());
        const int westTasks = taskRowsOf(session.tasks(), QStringLiteral("west"));
        QVERIFY(westTasks > 0);

        west.reset(); // the west scheduler dies
        QTRY_VERIFY_WITH_TIMEOUT(window->connectionText().contains(QStringLiteral("west: reconnecting")), kTimeoutMs);
        QVERIFY(window->connectionText().startsWith(QStringLiteral("east: live")));
        QCOMPARE(window->mapView()->stalePlatforms(), QSet<QString> { QStringLiteral("west") });
        QVERIFY(!window->mapView()->isStale()); // no banner over the whole map: east is live
        // West's part stays on screen, read-only; east's goes on living.
        QCOMPARE(int(session.state()->sites().size()), sites);
        QCOMPARE(taskRowsOf(session.tasks(), QStringLiteral("west")), westTasks);
        QVERIFY(window->dispatch()->isDispatchAllowed(QStringLiteral("east")));
        QVERIFY(!window->dispatch()->isDispatchAllowed(QStringLiteral("west")));
        QVERIFY(window->dispatch()
                    ->whyNotAllowed(QStringLiteral("west"))
                    .contains(QStringLiteral("Not connected to west")));
        const quint64 eastRevision = session.state()->platform(QStringLiteral("east")).revision;
        advanceMinutes(*east, 2);
        QTRY_VERIFY_WITH_TIMEOUT(session.state()->platform(QStringLiteral("east")).revision > eastRevision, kTimeoutMs);

        // Back on its port: live again by itself, and nothing greyed.
        west = startManualServer(12, westPort);
        QVERIFY(west);
        QTRY_VERIFY_WITH_TIMEOUT(window->connectionText() == QStringLiteral("east: live | west: live"), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(window->mapView()->stalePlatforms().isEmpty(), kTimeoutMs);
        QCOMPARE(int(session.state()->sites().size()), sites);
        QTRY_COMPARE_WITH_TIMEOUT(taskRowsOf(session.tasks(), QStringLiteral("west")), westTasks, kTimeoutMs);
        QVERIFY(window->dispatch()->isDispatchAllowed(QStringLiteral("west")));

        // The hubs both report are east's on the map while east is live, west's when it is not.
        const NetworkState* state = session.state();
        const auto shownAs = [state](const QString& hubOf) {
            const int i = state->siteIndex(hubOf);
            return i < 0 ? QString()
                         : state->sites().at(state->duplicateOf(i) >= 0 ? state->duplicateOf(i) : i).platform;
        };
        const QString hub = QString::fromStdString(east->simulation()->snapshot().sites(0).id());
        QCOMPARE(shownAs(QStringLiteral("west/") + hub), QStringLiteral("east"));
        east.reset();
        QTRY_COMPARE_WITH_TIMEOUT(shownAs(QStringLiteral("west/") + hub), QStringLiteral("west"), kTimeoutMs);
        QCOMPARE(shownAs(QStringLiteral("east/") + hub), QStringLiteral("west"));
    }

    void aViewerPlatformBesideAnOperatorOne()
    {
        auto viewerOptions = manualOptions(11);
        viewerOptions.serving.tokens = { { server::Role::Viewer, "view-secret" } };
        mock::MockServer east(viewerOptions);
        QVERIFY(east.start());
        auto operatorOptions = manualOptions(12);
        operatorOptions.serving.tokens = { { server::Role::Operator, "op-secret" } };
        mock::MockServer west(operatorOptions);
        QVERIFY(west.start());
        TestConsole console({ platform(QStringLiteral("east"), east, QStringLiteral("view-secret")),
            platform(QStringLiteral("west"), west, QStringLiteral("op-secret")) });
        QTRY_VERIFY_WITH_TIMEOUT(allLive(console.session), kTimeoutMs);
        DispatchController* dispatch = console.window->dispatch();
        QTRY_VERIFY_WITH_TIMEOUT(dispatch->isViewer(QStringLiteral("east")), kTimeoutMs);
        QVERIFY(!dispatch->isViewer(QStringLiteral("west")));
        QVERIFY(dispatch->isDispatchAllowed(QStringLiteral("west")));
        QVERIFY(!dispatch->isDispatchAllowed(QStringLiteral("east")));
        auto* badge = console.window->findChild<QLabel*>(QStringLiteral("RoleBadge"));
        QVERIFY(badge && badge->isVisible());
        QVERIFY2(badge->text().contains(QStringLiteral("east")), qPrintable(badge->text()));

        // An east task cannot be moved (and says why); a west one can.
        const TaskTableModel* tasks = console.session.tasks();
        QTRY_VERIFY_WITH_TIMEOUT(taskRowsOf(tasks, QStringLiteral("west")) > 0, kTimeoutMs);
        QString eastTask, westTask;
        for (int row = 0; row < tasks->rowCount() && (eastTask.isEmpty() || westTask.isEmpty()); ++row) {
            const Task& t = tasks->taskAt(row);
            (t.platform == QLatin1String("east") ? eastTask : westTask) = t.id;
        }
        QVERIFY(!dispatch->openMigrationDialog(eastTask));
        QVERIFY(console.window->statusBar()->currentMessage().contains(QStringLiteral("viewer role")));
        QPointer<MigrationDialog> dialog = dispatch->openMigrationDialog(westTask);
        QVERIFY(dialog);
        dialog->close();
        // Alarms: acknowledging is possible (on west).
        QVERIFY(console.window->alarms()->isAcknowledgeAllowed());
    }

    // A platform that turns this console away says so ("refused"), beside one that is live.
    void aPlatformThatRefusesTheTokenSaysSo()
    {
        auto options = manualOptions(11);
        options.serving.tokens = { { server::Role::Operator, "op-secret" } };
        mock::MockServer server(options);
        QVERIFY(server.start());
        auto other = startManualServer(12);
        QVERIFY(other);
        TestConsole console({ platform(QStringLiteral("east"), server, QStringLiteral("not-the-token")),
            platform(QStringLiteral("west"), *other) });
        QTRY_VERIFY_WITH_TIMEOUT(
            console.window->connectionText() == QStringLiteral("east: refused | west: live"), kTimeoutMs);
        PlatformLink* east = console.session.platform(QStringLiteral("east"));
        QCOMPARE(east->lastError(), QStringLiteral("Snapshot failed: The server does not accept this console's token"));
    }

    void aMoveToAnotherPlatformIsShownNotPossible()
    {
        // West runs a larger network: sites east does not have, and the hubs both have.
        auto east = startManualServer(11);
        auto westOptions = manualOptions(12);
        westOptions.scale = mock::Scale::Large;
        auto west = std::make_unique<mock::MockServer>(westOptions);
        QVERIFY(east && west->start());
        TestConsole console({ platform(QStringLiteral("east"), *east), platform(QStringLiteral("west"), *west) });
        QTRY_VERIFY_WITH_TIMEOUT(allLive(console.session), kTimeoutMs);
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(*east->simulation(), { v1::TASK_KIND_BATCH, v1::TASK_KIND_TRAINING }, &task, &target));
        const QString taskId = QStringLiteral("east/") + QString::fromStdString(task.id());
        const NetworkState* state = console.session.state();

        // Dropped on a hub west reports too: planned on east's report of it, by east.
        const QString hub = QString::fromStdString(west->simulation()->snapshot().sites(0).id());
        QPointer<MigrationDialog> dialog
            = console.window->dispatch()->openMigrationDialog(taskId, QStringLiteral("west/") + hub);
        QVERIFY(dialog);
        QCOMPARE(dialog->candidates()->index(0, 0).data(CandidatePlanModel::SiteIdRole).toString(),
            QStringLiteral("east/") + hub);
        dialog->close();

        // Dropped on a site only west has: shown as not possible, and why.
        QString westOnly;
        for (int i = 0; i < state->sites().size() && westOnly.isEmpty(); ++i) {
            if (state->sites().at(i).platform == QLatin1String("west")
                && state->sameSiteOn(i, QStringLiteral("east")) < 0)
                westOnly = state->sites().at(i).id;
        }
        QVERIFY(!westOnly.isEmpty());
        dialog = console.window->dispatch()->openMigrationDialog(taskId, westOnly);
        QVERIFY(dialog);
        CandidatePlanModel* plans = dialog->candidates();
        int westRow = -1;
        for (int row = 0; row < plans->rowCount(); ++row) {
            const QString site = plans->index(row, 0).data(CandidatePlanModel::SiteIdRole).toString();
            QVERIFY2(site == westOnly || site.startsWith(QStringLiteral("east/")), qPrintable(site));
            if (site == westOnly)
                westRow = row;
        }
        QVERIFY(westRow >= 0);
        QVERIFY(!plans->index(westRow, 0).data(CandidatePlanModel::FeasibleRole).toBool());
        const QModelIndex why = plans->index(westRow, CandidatePlanModel::WhyNotColumn);
        QCOMPARE(why.data().toString(), QStringLiteral("Another platform's site"));
        QVERIFY2(why.data(Qt::ToolTipRole).toString().contains(QStringLiteral("within its own platform")),
            qPrintable(why.data(Qt::ToolTipRole).toString()));
        // East's own sites get east's plans, some feasible.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int row = 0; row < plans->rowCount(); ++row)
                    if (plans->index(row, 0).data(CandidatePlanModel::FeasibleRole).toBool())
                        return true;
                return false;
            }(),
            kTimeoutMs);
        dialog->close();
    }

    void theJournalFollowsAPlatformToANewAddress()
    {
        QTemporaryDir dir;
        const QString journal = dir.filePath(QStringLiteral("journal.sqlite"));
        auto west = startManualServer(12);
        QVERIFY(west);
        // East was elsewhere when the console closed; its command is journalled under its name.
        auto east = startManualServer(8);
        QVERIFY(east);
        v1::Task task;
        std::string target;
        QVERIFY(
            findFeasibleMove(*east->simulation(), { v1::TASK_KIND_BATCH, v1::TASK_KIND_RENDERING }, &task, &target));
        QVERIFY(recordUnansweredStart(journal, QStringLiteral("east"),
            QStringLiteral("east/") + QString::fromStdString(task.id()),
            QStringLiteral("east/") + QString::fromStdString(target), QStringLiteral("left-for-east"),
            DispatchClient::localOperatorName(), DispatchOutbox::identityOf(DispatchClient::localOperatorName(), {})));
        // West shares the journal but never sees east's command.
        TestConsole console(
            { platform(QStringLiteral("east"), *east), platform(QStringLiteral("west"), *west) }, journal);
        QTRY_VERIFY_WITH_TIMEOUT(allLive(console.session), kTimeoutMs);
        AuditLogModel* log = console.window->dispatch()->auditLog();
        QTRY_VERIFY_WITH_TIMEOUT(
            log->rowCount() > 0 && log->commandAt(0).outcome == CommandOutcome::Succeeded, kTimeoutMs);
        QCOMPARE(log->commandAt(0).requestId, QStringLiteral("left-for-east"));
        QCOMPARE(log->commandAt(0).attempts, 2); // once before the restart, once now
        const auto migration = east->simulation()->findMigration(log->commandAt(0).migrationId.mid(5).toStdString());
        QVERIFY(migration);
        QCOMPARE(migration->request_id(), std::string("left-for-east"));
        QVERIFY(log->commandAt(0).migrationId.startsWith(QStringLiteral("east/")));
        QCOMPARE(console.session.platform(QStringLiteral("west"))->outbox()->pendingCount(), 0);
        QCOMPARE(console.session.platform(QStringLiteral("east"))->outbox()->pendingCount(), 0);
    }

    void theConnectionsDialogAddsTestsAndRemovesPlatforms()
    {
        QSettings().remove(QStringLiteral("platforms"));
        auto east = startManualServer(11);
        auto west = startManualServer(12);
        QVERIFY(east && west);
        TestConsole console({ platform(QStringLiteral("east"), *east) });
        ConsoleSession& session = console.session;
        QTRY_VERIFY_WITH_TIMEOUT(allLive(session), kTimeoutMs);
        console.window->activateWindow();
        QTest::keyClick(console.window.get(), Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        ConnectionsDialog* dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = console.window->findChild<ConnectionsDialog*>()), kTimeoutMs);
        QCOMPARE(dialog->table()->rowCount(), 1);

        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
        PlatformEditor* editor = dialog->editor();
        QVERIFY(editor);
        // A name taken, then an address that is not one: said, and nothing saved.
        QTest::keyClicks(editor->nameEdit(), QStringLiteral("east"));
        QTest::keyClicks(editor->addressEdit(), QString::fromStdString(west->address()));
        editor->accept();
        QVERIFY(editor->isVisible());
        QVERIFY2(editor->resultLabel()->text().contains(QStringLiteral("already named")),
            qPrintable(editor->resultLabel()->text()));
        editor->nameEdit()->clear();
        QTest::keyClicks(editor->nameEdit(), QStringLiteral("west"));
        editor->addressEdit()->clear();
        QTest::keyClicks(editor->addressEdit(), QStringLiteral("nowhere"));
        QTest::mouseClick(editor->testButton(), Qt::LeftButton);
        QVERIFY2(editor->resultLabel()->text().contains(QStringLiteral("HOST:PORT")),
            qPrintable(editor->resultLabel()->text()));
        // A port nobody serves: tested, and the answer comes within seconds.
        editor->addressEdit()->setText(QStringLiteral("127.0.0.1:1"));
        QTest::mouseClick(editor->testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(editor->testButton()->isEnabled(), kTimeoutMs);
        QVERIFY(!editor->resultLabel()->text().startsWith(QStringLiteral("Connected")));
        // The right one: tested, then saved.
        editor->addressEdit()->setText(QString::fromStdString(west->address()));
        QTest::mouseClick(editor->testButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(editor->resultLabel()->text().startsWith(QStringLiteral("Connected")), kTimeoutMs);
        QVERIFY2(editor->resultLabel()->text().contains(
                     QLocale().toString(qulonglong(allTasks(*west->simulation()).size()))),
            qPrintable(editor->resultLabel()->text()));
        editor->accept();
        QCOMPARE(session.platforms().size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(allLive(session), kTimeoutMs);
        QCOMPARE(dialog->table()->rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(
            taskRowsOf(session.tasks(), QStringLiteral("west")), int(allTasks(*west->simulation()).size()), kTimeoutMs);
        QVERIFY(!console.window->taskPanel()->view()->isColumnHidden(TaskTableModel::PlatformColumn));

        // Remembered for the next start: addresses and names, no token.
        QString error;
        const QList<PlatformOptions> remembered = ConnectionsDialog::remembered(&error);
        QCOMPARE(remembered.size(), 2);
        QCOMPARE(remembered.at(1).name, QStringLiteral("west"));
        QCOMPARE(remembered.at(1).target, QString::fromStdString(west->address()));

        // Disconnected: west's part greyed, east live; reconnected: live again.
        dialog->table()->selectRow(1);
        QTest::mouseClick(dialog->disconnectButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            console.window->mapView()->stalePlatforms().contains(QStringLiteral("west")), kTimeoutMs);
        QVERIFY(console.window->connectionText().contains(QStringLiteral("west: disconnected")));
        QTest::mouseClick(dialog->reconnectButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            console.window->connectionText() == QStringLiteral("east: live | west: live"), kTimeoutMs);

        // Removed (after the question): its part leaves the console, the column goes with it.
        dialog->table()->selectRow(1);
        QTimer::singleShot(0, this, [] {
            for (QWidget* w : QApplication::topLevelWidgets()) {
                if (auto* box = qobject_cast<QMessageBox*>(w); box && box->isVisible())
                    box->button(QMessageBox::Yes)->click();
            }
        });
        QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
        QCOMPARE(session.platforms().size(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(taskRowsOf(session.tasks(), QStringLiteral("west")), 0, kTimeoutMs);
        for (const Site& site : session.state()->sites())
            QCOMPARE(site.platform, QStringLiteral("east"));
        QVERIFY(console.window->taskPanel()->view()->isColumnHidden(TaskTableModel::PlatformColumn));
        QCOMPARE(ConnectionsDialog::remembered(&error).size(), 1);
        QSettings().remove(QStringLiteral("platforms"));
    }

    void theCommandLineNamesThePlatforms()
    {
        QTemporaryDir dir;
        const auto write = [&dir](const QString& name, const QByteArray& text) {
            QFile file(dir.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(text) == text.size() ? file.fileName() : QString();
        };
        const QString eastToken = write(QStringLiteral("east.token"), "east-secret\n");
        const QString anyToken = write(QStringLiteral("any.token"), "shared-secret\n");
        QString error;

        // One unnamed platform, as ever; none: the embedded one.
        auto one = platformsFrom({ { QStringLiteral("10.0.0.5:50051") } }, &error);
        QVERIFY2(one && one->size() == 1, qPrintable(error));
        QVERIFY(one->front().name.isEmpty());
        QCOMPARE(one->front().target, QStringLiteral("10.0.0.5:50051"));
        auto none = platformsFrom({}, &error);
        QVERIFY(none && none->size() == 1 && none->front().embedded());

        // Named ones, a token for one of them and one for the rest.
        auto three = platformsFrom({ { QStringLiteral("east=10.0.0.5:50051"), QStringLiteral("west=[::1]:50052"),
                                         QStringLiteral("demo=embedded") },
                                       { QStringLiteral("east=") + eastToken, anyToken } },
            &error);
        QVERIFY2(three && three->size() == 3, qPrintable(error));
        QCOMPARE(three->at(0).token, QStringLiteral("east-secret"));
        QCOMPARE(three->at(1).token, QStringLiteral("shared-secret"));
        QCOMPARE(three->at(1).target, QStringLiteral("[::1]:50052"));
        QVERIFY(three->at(2).embedded());

        // Mistakes are errors that say what is wrong.
        const QList<QPair<PlatformArguments, QString>> wrong {
            { { { QStringLiteral("a:1"), QStringLiteral("east=b:2") } }, QStringLiteral("name each") },
            { { { QStringLiteral("east=a:1"), QStringLiteral("east=b:2") } },
                QStringLiteral("Two platforms are named") },
            { { { QStringLiteral("x=embedded"), QStringLiteral("y=embedded") } }, QStringLiteral("Only one platform") },
            { { { QStringLiteral("east=nowhere") } }, QStringLiteral("HOST:PORT") },
            { { { QStringLiteral("bad name=a:1") } }, QStringLiteral("not a platform name") },
            { { { QStringLiteral("east=a:1") }, { QStringLiteral("east=") + dir.filePath(QStringLiteral("missing")) } },
                QStringLiteral("Cannot read the token file") },
            { { { QStringLiteral("east=a:1") }, { eastToken, anyToken } }, QStringLiteral("given twice") },
        };
        for (const auto& [arguments, expected] : wrong) {
            error.clear();
            QVERIFY(!platformsFrom(arguments, &error));
            QVERIFY2(error.contains(expected), qPrintable(error));
        }
    }
};

QTEST_MAIN(TestPlatforms)
#include "tst_platforms.moc"
