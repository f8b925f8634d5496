// The main window against an in-process mock scheduler over gRPC: live data arrives, a click on
// the map selects a site and the task dock follows it, the language switches at run time.

#include "mocktesthelpers.h" // first: the mock engine names a member `slots`, a Qt macro

#include "alarmcontroller.h"
#include "consolesession.h"
#include "dispatchcontroller.h"
#include "language.h"
#include "mainwindow.h"
#include "mapexport.h"
#include "guidedialog.h"
#include "csvfield.h"
#include "tableexport.h"
#include "mapview.h"
#include "mockserver.h"
#include "networkstate.h"
#include "siteinspector.h"
#include "sitesummary.h"
#include "statefeed.h"
#include "taskfilterproxymodel.h"
#include "tasktablemodel.h"
#include "shortcutsheet.h"
#include "tasktablepanel.h"
#include "testconsole.h"
#include "uiscale.h"

#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QSet>
#include <QPrinter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QSignalSpy>
#include <QTextBrowser>
#include <QProgressDialog>

using namespace cpn;

class TestMainWindow : public QObject {
    Q_OBJECT
private:
    static QStringList menuTitles(const MainWindow& window)
    {
        QStringList titles;
        for (QAction* action : window.menuBar()->actions())
            titles << action->text();
        return titles;
    }

    // An in-process mock scheduler at 60x, serving; null when it cannot start.
    static std::unique_ptr<mock::MockServer> startMock()
    {
        mock::MockServerOptions options;
        options.timeScale = 60;
        return testing::startServer(options);
    }

    // The action whose text is `text` (a menu's own action has its title), or null.
    static QAction* actionNamed(const QWidget& window, const QString& text)
    {
        for (QAction* action : window.findChildren<QAction*>())
            if (action->text() == text)
                return action;
        return nullptr;
    }

    // A main window in English whose session never connects: for its menus alone.
    struct OfflineWindow {
        OfflineWindow() { Language::apply(QStringLiteral("en")); }
        ConsoleSession session { ConnectionSettings { QStringLiteral("127.0.0.1:1"), {} } };
        MainWindow window { &session };
    };

    static QString dockTitle(const MainWindow& window, const char* objectName)
    {
        auto* dock = window.findChild<QDockWidget*>(QString::fromLatin1(objectName));
        return dock ? dock->windowTitle() : QString();
    }

private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void liveMapSelectionAndLanguage()
    {
        const auto server = startMock();
        QVERIFY(server);
        Language::apply(QStringLiteral("en"));
        ConsoleSession session(ConnectionSettings { QString::fromStdString(server->address()), {} });
        MainWindow window(&session);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(session.tasks()->rowCount() > 1000, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionText().startsWith(QStringLiteral("Live")), 10000);

        // Click a hub (one not covered by a smaller site): the task dock lists only its tasks.
        const NetworkState* state = session.state();
        MapView* map = window.mapView();
        int hub = -1;
        for (int i = 0; i < state->sites().size() && hub < 0; ++i) {
            if (state->sites().at(i).tier == SiteTier::NationalHub && map->siteAt(map->sitePosition(i)) == i)
                hub = i;
        }
        QVERIFY(hub >= 0);
        QTest::mouseClick(map, Qt::LeftButton, {}, map->sitePosition(hub).toPoint());
        QTRY_COMPARE(map->selectedSiteId(), state->sites().at(hub).id);
        TaskFilterProxyModel* tasks = window.taskPanel()->proxy();
        QTRY_VERIFY(tasks->rowCount() > 0);
        QVERIFY(tasks->rowCount() < session.tasks()->rowCount());
        for (int row = 0; row < std::min(tasks->rowCount(), 50); ++row)
            QCOMPARE(tasks->index(row, 0).data(TaskTableModel::SiteIdRole).toString(), state->sites().at(hub).id);

        // At country zoom the hub holds the sites folded into it: the status bar says what the
        // inspector says, the sums over all of them, not the hub's own figures.
        QVERIFY(SiteSummaries::summarize(*state, &map->foldedNetwork(), hub).members > 0);
        const auto* inspector = window.findChild<SiteInspector*>();
        const auto* selection = window.findChild<QLabel*>(QStringLiteral("SelectionStatus"));
        QVERIFY(inspector && selection);
        auto agree = [&] {
            const QString utilisation = inspector->field(QStringLiteral("utilisation")).remove(QStringLiteral(" %"));
            const QString capacity = inspector->field(QStringLiteral("capacity")).remove(QStringLiteral(" PFLOPS"));
            return !utilisation.isEmpty() && selection->text().contains(QStringLiteral("utilisation ") + utilisation)
                && selection->text().contains(capacity + QStringLiteral(" PFLOPS"));
        };
        QTRY_VERIFY2_WITH_TIMEOUT(agree(),
            qPrintable(selection->text() + QStringLiteral(" | ") + inspector->field(QStringLiteral("utilisation"))
                + QStringLiteral(" | ") + inspector->field(QStringLiteral("capacity"))),
            10000);
        const double own = state->sites().at(hub).totalPflops();
        QVERIFY(!selection->text().contains(QLocale().toString(own, 'f', 1) + QStringLiteral(" PFLOPS")));

        // Switch to Chinese at run time: menus, docks, table headers and the status follow.
        QVERIFY(menuTitles(window).contains(QStringLiteral("&File")));
        QCOMPARE(dockTitle(window, "TasksDock"), QStringLiteral("Tasks"));
        QCOMPARE(tasks->headerData(TaskTableModel::KindColumn, Qt::Horizontal).toString(), QStringLiteral("Kind"));
        Language::apply(QStringLiteral("zh_CN"));
        QTRY_VERIFY(menuTitles(window).contains(QStringLiteral("文件(&F)")));
        QCOMPARE(dockTitle(window, "TasksDock"), QStringLiteral("任务"));
        QCOMPARE(tasks->headerData(TaskTableModel::KindColumn, Qt::Horizontal).toString(), QStringLiteral("类型"));
        QTRY_VERIFY(window.connectionText().startsWith(QStringLiteral("实时")));
        // Site names follow the language too.
        const QModelIndex site = tasks->index(0, TaskTableModel::SiteColumn);
        QCOMPARE(site.data().toString(), state->sites().at(hub).nameZh);

        Language::apply(QStringLiteral("en"));
        QTRY_VERIFY(menuTitles(window).contains(QStringLiteral("&File")));
        QCOMPARE(tasks->index(0, TaskTableModel::SiteColumn).data().toString(), state->sites().at(hub).nameEn);
        session.feed()->stop();
        server->stop();
    }

    // Help > Keyboard shortcuts lists the window's shortcuts as its actions have them, in the
    // interface language; every such action says its shortcut in its tooltip, except where the
    // tooltip says something else (why an action is disabled).
    void keyboardShortcutSheet()
    {
        OfflineWindow offline;
        MainWindow& window = offline.window;
        QAction* open = actionNamed(window, QStringLiteral("&Keyboard shortcuts"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Slash));
        open->trigger();
        auto* sheet = window.findChild<ShortcutSheet*>();
        QVERIFY(sheet && sheet->isVisible());
        auto* table = sheet->findChild<QTableWidget*>();
        QVERIFY(table);
        auto listed = [table](const QString& what) {
            for (int row = 0; row < table->rowCount(); ++row)
                if (table->item(row, 0)->text() == what)
                    return table->item(row, 1)->text();
            return QString();
        };
        QCOMPARE(listed(QStringLiteral("Connections…")), QKeySequence(QStringLiteral("Ctrl+Shift+O")).toString(QKeySequence::NativeText));
        QCOMPARE(listed(QStringLiteral("Full Screen")), QKeySequence(Qt::Key_F11).toString(QKeySequence::NativeText));
        QCOMPARE(listed(QStringLiteral("Keyboard shortcuts")), QKeySequence(QStringLiteral("Ctrl+/")).toString(QKeySequence::NativeText));
        QCOMPARE(listed(QStringLiteral("Remove the chosen line from the comparison")),
            QKeySequence(QKeySequence::Delete).toString(QKeySequence::NativeText));
        QTRY_COMPARE(open->toolTip(), QStringLiteral("Keyboard shortcuts (%1)").arg(listed(QStringLiteral("Keyboard shortcuts"))));
        const QAction* move = window.findChild<QAction*>(QStringLiteral("MoveTaskAction"));
        QVERIFY(move && !move->shortcut().isEmpty());
        QVERIFY2(move->toolTip().startsWith(QStringLiteral("Not connected to the scheduler")), qPrintable(move->toolTip()));

        Language::apply(QStringLiteral("zh_CN"));
        QTRY_VERIFY(!listed(QStringLiteral("键盘快捷键")).isEmpty());
        QTRY_VERIFY(open->toolTip().startsWith(QStringLiteral("键盘快捷键 (")));
        Language::apply(QStringLiteral("en"));
    }

    // File > Export map writes the map as a picture and as a drawing, and says why it cannot.
    void exportMap()
    {
        const auto server = startMock();
        QVERIFY(server);
        Language::apply(QStringLiteral("en"));
        TestConsole console(QString::fromStdString(server->address()));
        MainWindow& window = *console.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionText().startsWith(QStringLiteral("Live")), 20000);
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("map.png"));
        QCOMPARE(cpn::exportMap(*window.mapView(), png, QStringLiteral("map")), QString());
        const QImage picture(png);
        QCOMPARE(picture.size(), window.mapView()->size() * window.mapView()->devicePixelRatioF());
        // Not one colour: the basemap and the network are in it.
        QSet<QRgb> colours;
        for (int y = 0; y < picture.height(); y += 7)
            for (int x = 0; x < picture.width(); x += 7)
                colours.insert(picture.pixel(x, y));
        QVERIFY(colours.size() > 20);
        const QString svg = dir.filePath(QStringLiteral("map.svg"));
        QCOMPARE(cpn::exportMap(*window.mapView(), svg, QStringLiteral("map")), QString());
        QSvgRenderer drawing(svg);
        QVERIFY(drawing.isValid());
        QCOMPARE(drawing.viewBox().size(), window.mapView()->size());
        QVERIFY(cpn::exportMap(*window.mapView(), dir.filePath(QStringLiteral("map.gif")), {}).contains(QStringLiteral(".png")));
        QVERIFY(cpn::exportMap(*window.mapView(), QStringLiteral("/nonexistent/folder/map.png"), {}).startsWith(QStringLiteral("Cannot write")));

        // File > Print map, to a PDF printer: one A4 page with the map on it.
        QPrinter printer(QPrinter::HighResolution);
        printer.setOutputFormat(QPrinter::PdfFormat);
        const QString pdf = dir.filePath(QStringLiteral("map.pdf"));
        printer.setOutputFileName(pdf);
        printer.setPageSize(QPageSize(QPageSize::A4));
        printer.setPageOrientation(QPageLayout::Landscape);
        QCOMPARE(cpn::printMap(*window.mapView(), printer, QStringLiteral("CPN\nThe network")), QString());
        QFile printed(pdf);
        QVERIFY(printed.open(QIODevice::ReadOnly));
        const QByteArray bytes = printed.readAll();
        QVERIFY(bytes.startsWith("%PDF"));
        QCOMPARE(bytes.count("/Type /Page\n") + bytes.count("/Type /Page\r") + bytes.count("/Type /Page "), 1);
        QVERIFY(bytes.size() > 20000); // the map, not an empty page
        console.session.feed()->stop();
        server->stop();
    }

    // File > Export table as CSV: the tasks as listed, every row, while the session holds still.
    void exportTableAsCsv()
    {
        const auto server = startMock();
        QVERIFY(server);
        Language::apply(QStringLiteral("en"));
        TestConsole console(QString::fromStdString(server->address()));
        QVERIFY(console.waitForLiveData());
        QVERIFY(actionNamed(*console.window, QStringLiteral("Export &table as CSV…")));
        QTableView* view = console.window->taskPanel()->view();
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("tasks.csv"));
        auto* job = new TableExport(&console.session, view->model(), QStringLiteral("Tasks"), csv, console.window.get());
        QSignalSpy finished(job, &TableExport::finished);
        const int rows = view->model()->rowCount();
        const QString first = view->model()->index(0, 0).data().toString();
        QVERIFY(console.session.isHeld());
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(2).toString(), QString());
        QCOMPARE(finished.first().at(1).toInt(), rows);
        QVERIFY(!console.session.isHeld());
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = file.readAll().split('\n');
        QVERIFY(lines.first().startsWith("\xEF\xBB\xBF"));
        QCOMPARE(lines.size(), rows + 2); // header, rows, and nothing after the last line break
        QVERIFY(lines.at(1).startsWith(first.toUtf8()));
        QCOMPARE(csvField(QStringLiteral("a,\"b\"")), QStringLiteral("\"a,\"\"b\"\"\""));
        // A server's name a spreadsheet would run as a formula stays text; numbers stay numbers.
        QCOMPARE(csvField(QStringLiteral("=HYPERLINK(\"x\")")), QStringLiteral("\"'=HYPERLINK(\"\"x\"\")\""));
        QCOMPARE(csvField(QStringLiteral("-0.25")), QStringLiteral("-0.25"));
        QCOMPARE(csvField(QStringLiteral("@cmd")), QStringLiteral("'@cmd"));

        // Cancelled: nothing left, and the session lives on.
        const QString cancelled = dir.filePath(QStringLiteral("cancelled.csv"));
        auto* again = new TableExport(&console.session, view->model(), QStringLiteral("Tasks"), cancelled, console.window.get());
        QSignalSpy ended(again, &TableExport::finished);
        const QList<QProgressDialog*> progress = console.window->findChildren<QProgressDialog*>();
        QVERIFY(!progress.isEmpty());
        progress.last()->cancel(); // the newest (the first export's may wait for its deletion)
        QVERIFY(ended.count() == 1 || ended.wait(10000));
        QVERIFY2(ended.first().at(2).toString().contains(QStringLiteral("cancelled")), qPrintable(QStringLiteral("%1 dialogs; %2 rows; [%3]").arg(progress.size()).arg(ended.first().at(1).toInt()).arg(ended.first().at(2).toString())));
        QVERIFY(!QFile::exists(cancelled));
        QVERIFY(!console.session.isHeld());
    }

    // Help > Guide: a page for each kind of user, with its picture, in either language.
    void guideForEveryReader()
    {
        OfflineWindow offline;
        QAction* guide = actionNamed(offline.window, QStringLiteral("&Guide"));
        QVERIFY(guide);
        QCOMPARE(guide->shortcut(), QKeySequence(QKeySequence::HelpContents));
        guide->trigger();
        auto* dialog = offline.window.findChild<GuideDialog*>();
        QVERIFY(dialog && dialog->isVisible());
        for (const auto reader : { GuideDialog::Reader::Operator, GuideDialog::Reader::Demo, GuideDialog::Reader::Ministry }) {
            QTextBrowser* page = dialog->page(reader);
            QVERIFY2(page->toPlainText().size() > 300, qPrintable(page->source().toString()));
            const QString html = page->toHtml();
            const qsizetype at = html.indexOf(QStringLiteral("src=\""));
            QVERIFY(at > 0);
            const QString image = html.mid(at + 5, html.indexOf(QLatin1Char('"'), at + 5) - at - 5);
            QVERIFY2(!page->document()->resource(QTextDocument::ImageResource, QUrl(image)).value<QImage>().isNull()
                    || !QImage(QStringLiteral(":/guide/") + image).isNull(),
                qPrintable(image));
        }
        QVERIFY(dialog->page(GuideDialog::Reader::Ministry)->toPlainText().contains(QStringLiteral("Ctrl+Shift+P")));
        Language::apply(QStringLiteral("zh_CN"));
        QTRY_VERIFY(dialog->page(GuideDialog::Reader::Operator)->toPlainText().contains(QStringLiteral("调度员")));
        const bool chinese = dialog->page(GuideDialog::Reader::Ministry)->toPlainText().contains(QStringLiteral("容量评估"));
        Language::apply(QStringLiteral("en"));
        QVERIFY(chinese);
        QTRY_VERIFY(dialog->page(GuideDialog::Reader::Demo)->toPlainText().contains(QStringLiteral("Nothing to set up")));
    }

    // View > Interface size keeps the choice for the next start, says so, and the next start
    // takes it (or --ui-scale) as Qt's scale factor; a bad factor is refused.
    void interfaceSize()
    {
        OfflineWindow offline;
        MainWindow& window = offline.window;
        const QAction* menu = actionNamed(window, QStringLiteral("Interface si&ze"));
        QVERIFY(menu && menu->menu());
        QMenu* scales = menu->menu();
        QAction* large = actionNamed(*scales, QStringLiteral("150 %"));
        QVERIFY(large);
        large->trigger();
        QCOMPARE(UiScale::saved(), 1.5);
        QCOMPARE(window.statusBar()->currentMessage(),
            QStringLiteral("The interface size changes when the console starts again"));

        qunsetenv("QT_SCALE_FACTOR");
        char program[] = "cpn-console";
        char* none[] = { program };
        UiScale::applyBeforeStart(1, none);
        QCOMPARE(qgetenv("QT_SCALE_FACTOR"), QByteArray("1.5"));
        qunsetenv("QT_SCALE_FACTOR");
        char option[] = "--ui-scale=2";
        char* given[] = { program, option };
        UiScale::applyBeforeStart(2, given);
        QCOMPARE(qgetenv("QT_SCALE_FACTOR"), QByteArray("2"));
        // The menu checks the size in effect, here the one --ui-scale gave, not the one saved.
        QCOMPARE(UiScale::inEffect(), 2.0);
        {
            OfflineWindow second;
            const QAction* again = actionNamed(second.window, QStringLiteral("Interface si&ze"));
            QVERIFY(again && again->menu());
            QAction* doubled = actionNamed(*again->menu(), QStringLiteral("200 %"));
            QVERIFY(doubled && doubled->isChecked());
            QVERIFY(!actionNamed(*again->menu(), QStringLiteral("150 %"))->isChecked());
        }
        qunsetenv("QT_SCALE_FACTOR");
        QCOMPARE(UiScale::inEffect(), 0.0);
        QCOMPARE(UiScale::parse(QStringLiteral("auto")), 0.0);
        QCOMPARE(UiScale::parse(QStringLiteral("9")), -1.0);
        QCOMPARE(UiScale::parse(QStringLiteral("big")), -1.0);

        scales->actions().constFirst()->trigger(); // automatic: nothing kept
        QCOMPARE(UiScale::saved(), 0.0);
        UiScale::applyBeforeStart(1, none);
        QVERIFY(!qEnvironmentVariableIsSet("QT_SCALE_FACTOR"));
    }

    // A wall display: full screen, the map and the alarms only, no menus, nothing to dispatch or
    // acknowledge, and it says why; F11 switches full screen in an ordinary window.
    void wallDisplayAndFullScreen()
    {
        const auto server = startMock();
        QVERIFY(server);
        Language::apply(QStringLiteral("en"));
        ConsoleSession session(ConnectionSettings { QString::fromStdString(server->address()), {} });
        {
            MainWindow window(&session);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(!window.isFullScreen());
            QTest::keyClick(&window, Qt::Key_F11);
            QTRY_VERIFY(window.isFullScreen());
            QTest::keyClick(&window, Qt::Key_F11);
            QTRY_VERIFY(!window.isFullScreen());
        }
        MainWindow wall(&session);
        wall.setDisplayOnly(true);
        wall.show();
        QVERIFY(QTest::qWaitForWindowExposed(&wall));
        session.start();
        QTRY_VERIFY_WITH_TIMEOUT(wall.connectionText().startsWith(QStringLiteral("Live")), 20000);
        QVERIFY(wall.isFullScreen());
        QVERIFY(!wall.menuBar()->isVisible());
        QList<const QDockWidget*> shown;
        for (const QDockWidget* dock : wall.findChildren<QDockWidget*>())
            if (dock->isVisible())
                shown << dock;
        QCOMPARE(shown, QList<const QDockWidget*> { wall.alarms()->alarmsDock() });
        QVERIFY(!wall.dispatch()->isDispatchAllowed());
        QVERIFY(wall.dispatch()->whyNotAllowed().contains(QStringLiteral("kiosk")));
        QVERIFY(!wall.alarms()->isAcknowledgeAllowed());
        QVERIFY(!wall.dispatch()->moveTaskAction()->isEnabled());
        session.feed()->stop();
        server->stop();
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
