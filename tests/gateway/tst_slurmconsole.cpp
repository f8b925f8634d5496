// The console against cpn-slurm-gateway on a real Slurm cluster: the lab's sites on the map, its
// jobs in the task list, and a running job moved to another site from the console, as an
// operator would (Ctrl+M, the best target, Start), seen in squeue. Nothing is special-cased for
// Slurm: this is the console a mock scheduler gets.

#include "candidateplanmodel.h"
#include "dispatchcontroller.h"
#include "language.h"
#include "migrationdialog.h"
#include "migrationspanel.h"
#include "migrationtablemodel.h"
#include "mockprocess.h"
#include "networkstate.h"
#include "slurmlab.h"
#include "taskfilterproxymodel.h"
#include "tasktablepanel.h"
#include "testconsole.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;

class TestSlurmConsole : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Language::apply(QStringLiteral("en"));
    }

    void movesARunningJobFromTheConsole()
    {
        SlurmLab lab;
        QString error;
        QVERIFY2(lab.start(8, &error), qPrintable(QStringLiteral("the Slurm lab did not start:\n") + error));
        const QString job = lab.submit(QStringLiteral("zhangjiakou"), QStringLiteral("llm-pretrain-console"), 2,
            QStringLiteral("nvidia"), QStringLiteral("kind=training;data_gb=60;tenant=bj-ai-lab"));
        const QString other = lab.submit(QStringLiteral("guian"), QStringLiteral("chat-serve-console"), 1,
            QStringLiteral("ascend"), QStringLiteral("kind=inference"));
        QVERIFY(!job.isEmpty() && !other.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(lab.jobWhere(job), QStringLiteral("zhangjiakou RUNNING"), 20000);

        QTemporaryDir state;
        ServerProcess gateway(QStringLiteral(CPN_SLURM_GATEWAY_PATH));
        QVERIFY(gateway.start(0,
                    { QStringLiteral("--slurm-conf"), lab.slurmConf(), QStringLiteral("--sites"), lab.sitesFile(),
                        QStringLiteral("--state-dir"), state.path(), QStringLiteral("--poll-ms"), QStringLiteral("300"),
                        QStringLiteral("--max-transfer"), QStringLiteral("2") })
            > 0);

        TestConsole console(gateway.address());
        QVERIFY(QTest::qWaitForWindowExposed(console.window.get()));
        // The lab's four sites, its jobs, an operator.
        QTRY_COMPARE_WITH_TIMEOUT(console.session.state()->sites().size(), qsizetype(4), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(console.session.tasks()->task(job) && console.session.tasks()->task(other), 20000);
        QCOMPARE(console.session.tasks()->task(job)->siteId, QStringLiteral("zhangjiakou"));
        QCOMPARE(console.session.tasks()->task(job)->name, QStringLiteral("llm-pretrain-console"));
        QCOMPARE(console.session.state()->callerRole(), QStringLiteral("operator"));

        // Select the job and press Ctrl+M: the dialog proposes the one other NVIDIA site.
        TaskTablePanel* panel = console.window->taskPanel();
        const QModelIndex source = console.session.tasks()->index(console.session.tasks()->rowOf(job), 0);
        const QModelIndex index = panel->proxy()->mapFromSource(source);
        QVERIFY(index.isValid());
        QTest::mouseClick(panel->view()->viewport(), Qt::LeftButton, {}, panel->view()->visualRect(index).center());
        QCOMPARE(panel->currentTaskId(), job);
        QTest::keyClick(panel->view(), Qt::Key_M, Qt::ControlModifier);
        auto* dialog = console.window->findChild<MigrationDialog*>();
        QVERIFY(dialog);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->candidates()->isComplete(), 20000);
        QCOMPARE(dialog->selectedSiteId(), QStringLiteral("zhongwei"));
        QVERIFY(dialog->view()->model()->index(0, 0).data(CandidatePlanModel::FeasibleRole).toBool());
        QTest::keyClicks(dialog->findChild<QLineEdit*>(), QStringLiteral("move west"));
        if (dialog->needsConfirmation())
            dialog->findChild<QCheckBox*>()->click();
        QVERIFY2(dialog->startButton()->isEnabled(), qPrintable(dialog->startButton()->toolTip()));
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);

        // Completed in the console, running at the target in Slurm.
        const QAbstractItemModel* migrations = console.window->dispatch()->migrationsPanel()->view()->model();
        auto stateOfMove = [&] {
            for (int row = 0; row < migrations->rowCount(); ++row)
                if (migrations->index(row, 0).data(MigrationTableModel::TaskIdRole).toString() == job)
                    return migrations->index(row, MigrationTableModel::StateColumn).data().toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(stateOfMove(), QStringLiteral("Completed"), 60000);
        QCOMPARE(lab.jobWhere(job), QStringLiteral("zhongwei RUNNING"));
        QTRY_COMPARE_WITH_TIMEOUT(console.session.tasks()->task(job)->siteId, QStringLiteral("zhongwei"), 10000);
        QCOMPARE(gateway.stop(), 0);
        lab.stop();
    }
};

QTEST_MAIN(TestSlurmConsole)
#include "tst_slurmconsole.moc"
