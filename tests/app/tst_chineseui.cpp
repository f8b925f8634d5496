// Chinese is the console's main language: in zh_CN no window, dock, dialog or panel shows an
// English sentence. The test walks every widget of the main window (every dock shown) and of
// the dialogs a dispatcher opens, against a live mock scheduler, and reads what a user would:
// titles, labels, buttons, placeholders, tooltips, menus and actions, combo box items, tab
// texts, table headers and the first rows of every table. Text the server names things with
// (site, task, tenant and platform names and ids) is taken out first: it is the server's, not
// the console's.

#include "mocktesthelpers.h" // first: the mock engine names a member `slots`, a Qt macro

#include "capacityreview.h"
#include "capacityreviewwindow.h"
#include "connectionsdialog.h"
#include "guidedialog.h"
#include "consolesession.h"
#include "dispatchcontroller.h"
#include "draindialog.h"
#include "language.h"
#include "mainwindow.h"
#include "migrationdialog.h"
#include "mockserver.h"
#include "networkstate.h"
#include "testconsole.h"
#include "statefeed.h"
#include "tasktablemodel.h"
#include "trendcontroller.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QComboBox>
#include <QDockWidget>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTextBrowser>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTabBar>
#include <QTest>
#include <QTextDocument>
#include <QTextEdit>

#include <algorithm>

using namespace cpn;

namespace {

// Two English words or more in a row: a sentence or a phrase. Units and names of one word
// (PFLOPS, PUE, Slurm, gRPC) are not.
const QRegularExpression& englishPhrase()
{
    static const QRegularExpression re(QStringLiteral("[A-Za-z]{2,}(?:[ ,][ ]?[A-Za-z]{2,})+"));
    return re;
}

QString plain(const QString& text)
{
    if (!Qt::mightBeRichText(text))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

// What `root` and every widget in it show, as "where: text".
QStringList shownTexts(QWidget* root)
{
    QStringList out;
    auto add = [&out](const QObject* where, const QString& text) {
        if (!text.trimmed().isEmpty())
            out << QStringLiteral("%1 '%2': %3")
                       .arg(QString::fromLatin1(where->metaObject()->className()), where->objectName(), text);
    };
    auto addModel = [&add](const QAbstractItemView* view) {
        const QAbstractItemModel* model = view->model();
        if (!model)
            return;
        for (int column = 0; column < model->columnCount(); ++column) {
            add(view, model->headerData(column, Qt::Horizontal).toString());
            add(view, model->headerData(column, Qt::Horizontal, Qt::ToolTipRole).toString());
        }
        for (int row = 0; row < std::min(model->rowCount(), 40); ++row) {
            for (int column = 0; column < model->columnCount(); ++column) {
                const QModelIndex index = model->index(row, column);
                add(view, index.data().toString());
                add(view, index.data(Qt::ToolTipRole).toString());
            }
        }
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : std::as_const(widgets)) {
        if (w->isWindow() || qobject_cast<QDockWidget*>(w))
            add(w, w->windowTitle());
        add(w, plain(w->toolTip()));
        add(w, w->statusTip());
        add(w, w->whatsThis());
        for (const QAction* action : w->actions()) {
            add(action, action->text());
            add(action, plain(action->toolTip()));
            add(action, action->statusTip());
        }
        if (auto* label = qobject_cast<QLabel*>(w))
            add(w, plain(label->text()));
        else if (auto* button = qobject_cast<QAbstractButton*>(w))
            add(w, button->text());
        else if (auto* edit = qobject_cast<QLineEdit*>(w))
            add(w, edit->placeholderText());
        else if (auto* box = qobject_cast<QGroupBox*>(w))
            add(w, box->title());
        else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(w, combo->itemText(i));
        } else if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i) {
                add(w, tabs->tabText(i));
                add(w, tabs->tabToolTip(i));
            }
        } else if (auto* text = qobject_cast<QTextEdit*>(w))
            add(w, text->toPlainText());
        if (auto* menu = qobject_cast<QMenu*>(w))
            add(w, menu->title());
        if (auto* view = qobject_cast<QAbstractItemView*>(w))
            addModel(view);
    }
    return out;
}

// The server's names of things, longest first (so that a name is taken out before a part of it).
QStringList serverNames(const ConsoleSession& session)
{
    QStringList names;
    for (const Site& site : session.state()->sites())
        names << site.id << site.nameEn << site.nameZh;
    const TaskTableModel* tasks = session.tasks();
    for (int row = 0; row < tasks->rowCount(); ++row) {
        const Task& task = tasks->taskAt(row);
        names << task.id << task.name << task.tenant;
    }
    names << session.state()->platforms();
    names.removeAll(QString());
    names.removeDuplicates();
    std::sort(names.begin(), names.end(), [](const QString& a, const QString& b) { return a.size() > b.size(); });
    return names;
}

QStringList englishIn(const QStringList& texts, const QStringList& names)
{
    QStringList found;
    for (const QString& entry : texts) {
        const qsizetype colon = entry.indexOf(QStringLiteral("': "));
        QString text = entry.mid(colon + 3);
        text.remove(QLatin1Char('&')); // a mnemonic splits a word: "Interface si&ze"
        for (const QString& name : names) {
            if (text.contains(name))
                text.replace(name, QStringLiteral("·"));
        }
        if (englishPhrase().match(text).hasMatch())
            found << entry;
    }
    found.removeDuplicates();
    return found;
}

} // namespace

class TestChineseUi : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void noEnglishSentenceInAnyWindow()
    {
        mock::MockServerOptions options;
        options.timeScale = 600; // alarms and migrations to show
        const auto server = testing::startServer(options);
        QVERIFY(server);
        Language::apply(QStringLiteral("zh_CN"));
        TestConsole console(QString::fromStdString(server->address()));
        ConsoleSession& session = console.session;
        MainWindow& window = *console.window;
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(console.waitForLiveData());
        QTRY_VERIFY_WITH_TIMEOUT(window.connectionText().startsWith(QStringLiteral("实时")), 10000);
        QTest::qWait(3000); // let alarms, migrations and trends fill in

        // Every dock shown, a site selected (the inspector and the trends fill in).
        for (QDockWidget* dock : window.findChildren<QDockWidget*>())
            dock->show();
        const Site& site = session.state()->sites().constFirst();
        window.trends()->showSite(site.id);
        QStringList texts = shownTexts(&window);

        // The dialogs a dispatcher opens.
        const QString taskId = session.tasks()->taskAt(0).id;
        MigrationDialog* migration = window.dispatch()->openMigrationDialog(taskId);
        QVERIFY(migration);
        QTest::qWait(500);
        texts << shownTexts(migration);
        migration->close();
        DrainDialog* drain = window.dispatch()->openDrainDialog(site.id);
        QVERIFY(drain);
        QTest::qWait(1000);
        texts << shownTexts(drain);
        drain->close();
        ConnectionsDialog* connections = window.openConnections();
        QVERIFY(connections);
        texts << shownTexts(connections);
        connections->close();
        // What ministry staff open: the capacity review with a week's report, and the guide.
        window.capacityReview()->open();
        CapacityReviewWindow* review = window.capacityReview()->window();
        QVERIFY(QTest::qWaitFor([&] { return !review->report().isEmpty(); }, 60000));
        for (QTabWidget* tabs : review->findChildren<QTabWidget*>()) {
            for (int i = 0; i < tabs->count(); ++i) {
                tabs->setCurrentIndex(i);
                texts << shownTexts(review);
            }
        }
        review->close();
        for (QAction* action : window.findChildren<QAction*>()) {
            if (action->shortcut() == QKeySequence(QKeySequence::HelpContents))
                action->trigger();
        }
        auto* guide = window.findChild<GuideDialog*>();
        QVERIFY(guide);
        texts << shownTexts(guide); // its three pages
        guide->close();
        // Command lines in the guide are what one types, not words of the interface.
        QStringList names = serverNames(session);
        for (const QString& page : QDir(QStringLiteral(":/guide")).entryList({ QStringLiteral("*.zh_CN.html") })) {
            QFile file(QStringLiteral(":/guide/") + page);
            QVERIFY(file.open(QIODevice::ReadOnly));
            static const QRegularExpression code(QStringLiteral("<code>(.*?)</code>"));
            for (const auto& match : code.globalMatch(QString::fromUtf8(file.readAll())))
                names << match.captured(1);
        }

        QVERIFY(texts.size() > 300); // the walk did see the windows
        const QStringList english = englishIn(texts, names);
        QVERIFY2(english.isEmpty(),
            qPrintable(QStringLiteral("%1 English phrases in the Chinese interface:\n  %2")
                           .arg(english.size())
                           .arg(english.join(QStringLiteral("\n  ")))));

        // The same walk in English finds English everywhere: it does read what is shown.
        Language::apply(QStringLiteral("en"));
        QTRY_VERIFY(window.connectionText().startsWith(QStringLiteral("Live")));
        QVERIFY(englishIn(shownTexts(&window), serverNames(session)).size() > 100);
        session.feed()->stop();
        server->stop();
    }
};

QTEST_MAIN(TestChineseUi)
#include "tst_chineseui.moc"
