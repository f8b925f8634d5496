// Dispatching without a scheduler: the migration table follows the state (progress, path, one
// insert per batch), candidate plans rank feasible-first, the audit log reads as an operator
// would, and the migration and drain dialogs do what their buttons say.

#include "modelcontract.h"
#include "auditlogmodel.h"
#include "candidateplanmodel.h"
#include "dispatchlabels.h"
#include "draindialog.h"
#include "migrationdialog.h"
#include "migrationtablemodel.h"
#include "networkstate.h"
#include "tasktablemodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace cpn;

namespace {

Site site(const QString& id, const QString& nameEn, SiteTier tier, double lat, double lon)
{
    Site s;
    s.id = id;
    s.nameEn = nameEn;
    s.nameZh = nameEn;
    s.tier = tier;
    s.latitude = lat;
    s.longitude = lon;
    s.status = SiteStatus::Online;
    s.capacity = { { Architecture::Ascend, 1000, 300 } };
    return s;
}

Migration migration(const QString& id, const QString& task, MigrationState state, quint64 done = 0)
{
    Migration m;
    m.id = id;
    m.taskId = task;
    m.sourceSiteId = QStringLiteral("hub-jjj");
    m.targetSiteId = QStringLiteral("cl-guian");
    m.pathLinkIds = { QStringLiteral("l-1"), QStringLiteral("l-2") };
    m.state = state;
    m.bytesTotal = 100'000'000'000ULL;
    m.bytesDone = done;
    m.etaSeconds = 95;
    m.createdTimeMs = 1000 + id.right(1).toInt();
    m.reason = QStringLiteral("rebalance");
    m.requestedBy = QStringLiteral("operator");
    return m;
}

// A small network: Beijing hub - Guiyang hub - Gui'an cluster.
StateBatch snapshot(const QList<Migration>& migrations = {})
{
    StateBatch batch;
    Snapshot s;
    s.revision = 10;
    s.sites = { site(QStringLiteral("hub-jjj"), QStringLiteral("Beijing"), SiteTier::NationalHub, 39.9, 116.4),
        site(QStringLiteral("hub-gz"), QStringLiteral("Guiyang"), SiteTier::NationalHub, 26.6, 106.6),
        site(QStringLiteral("cl-guian"), QStringLiteral("Gui'an"), SiteTier::Cluster, 26.4, 106.4),
        site(QStringLiteral("rg-xian"), QStringLiteral("Xi'an"), SiteTier::Regional, 34.3, 108.9) };
    s.links = { { QStringLiteral("l-1"), QStringLiteral("hub-jjj"), QStringLiteral("hub-gz"), 400, 12, 2000,
                    LinkStatus::Up },
        { QStringLiteral("l-2"), QStringLiteral("cl-guian"), QStringLiteral("hub-gz"), 400, 2, 40, LinkStatus::Up } };
    s.migrations = migrations;
    s.callerRole = QStringLiteral("operator");
    batch.snapshot = s;
    return batch;
}

StateBatch upserts(quint64 revision, const QList<Migration>& migrations)
{
    StateBatch batch;
    for (const Migration& m : migrations)
        batch.events.push_back({ revision++, 0, m });
    return batch;
}

MigrationPlan plan(const QString& target, bool feasible, double downtime, double cost, int violations = 0)
{
    MigrationPlan p;
    p.taskId = QStringLiteral("t-00000001");
    p.sourceSiteId = QStringLiteral("hub-jjj");
    p.targetSiteId = target;
    p.feasible = feasible;
    p.downtimeSeconds = downtime;
    p.transferSeconds = downtime / 2;
    p.costDeltaCnyPerHour = cost;
    p.latencyMsBefore = 2;
    p.latencyMsAfter = 2;
    for (int i = 0; i < violations; ++i)
        p.violations.append({ ViolationCode::InsufficientCapacity, QStringLiteral("%1 has 3 free cards").arg(target) });
    if (feasible)
        p.pathLinkIds = { QStringLiteral("l-1") };
    return p;
}

Task task()
{
    Task t;
    t.id = QStringLiteral("t-00000001");
    t.name = QStringLiteral("pretrain-llm-1");
    t.kind = TaskKind::Training;
    t.state = TaskState::Running;
    t.siteId = QStringLiteral("hub-jjj");
    t.architecture = Architecture::Ascend;
    t.cards = 64;
    return t;
}

} // namespace

class TestDispatchModels : public QObject {
    Q_OBJECT
private slots:
    void migrationTableFollowsTheState()
    {
        NetworkState state;
        state.applyBatch(snapshot({ migration(QStringLiteral("mig-1"), QStringLiteral("t-1"), MigrationState::Completed) }));
        MigrationTableModel model;
        ModelContract tester(&model);
        model.setNetworkState(&state);
        QCOMPARE(model.rowCount(), 1);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // Two new ones and a change in one batch: one insert of two rows.
        state.applyBatch(upserts(11,
            { migration(QStringLiteral("mig-2"), QStringLiteral("t-2"), MigrationState::Checkpointing),
                migration(QStringLiteral("mig-3"), QStringLiteral("t-3"), MigrationState::Planned),
                migration(QStringLiteral("mig-2"), QStringLiteral("t-2"), MigrationState::Transferring,
                    50'000'000'000ULL) }));
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        const int row = model.rowOf(QStringLiteral("mig-2"));
        QCOMPARE(model.index(row, MigrationTableModel::StateColumn).data().toString(), QStringLiteral("Transferring"));
        QCOMPARE(model.index(row, MigrationTableModel::ProgressColumn).data().toString(),
            QStringLiteral("50.0 GB of 100.0 GB"));
        QCOMPARE(model.index(row, MigrationTableModel::ProgressColumn).data(MigrationTableModel::ProgressRole).toDouble(),
            0.5);
        QCOMPARE(model.index(row, MigrationTableModel::EtaColumn).data().toString(), QStringLiteral("1 min 35 s"));
        QCOMPARE(model.index(row, MigrationTableModel::PathColumn).data().toString(),
            QStringLiteral("Beijing → Guiyang → Gui'an"));
        QCOMPARE(model.index(row, MigrationTableModel::TargetColumn).data().toString(), QStringLiteral("Gui'an"));
        QCOMPARE(model.activeMigrationOfTask(QStringLiteral("t-2"))->id, QStringLiteral("mig-2"));

        // It finishes: no longer active; the finished one keeps its row.
        state.applyBatch(
            upserts(20, { migration(QStringLiteral("mig-2"), QStringLiteral("t-2"), MigrationState::Completed) }));
        QCOMPARE(model.rowCount(), 3);
        QVERIFY(!model.activeMigrationOfTask(QStringLiteral("t-2")));
        QCOMPARE(model.index(row, MigrationTableModel::StateColumn).data().toString(), QStringLiteral("Completed"));
        QCOMPARE(model.index(row, MigrationTableModel::EtaColumn).data().toString(), QString());

        // A new snapshot replaces everything.
        state.applyBatch(snapshot());
        QCOMPARE(model.rowCount(), 0);
    }

    void candidatesRankFeasibleFirst_data()
    {
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("ranking") << QStringList { QStringLiteral("quick-near"), QStringLiteral("quick-cheap"),
            QStringLiteral("quick-dear"), QStringLiteral("slow"), QStringLiteral("one-violation"),
            QStringLiteral("two-violations"), QStringLiteral("unanswered"), QStringLiteral("error") };
    }

    void candidatesRankFeasibleFirst()
    {
        QFETCH(QStringList, expected);
        CandidatePlanModel model;
        ModelContract tester(&model);
        model.setCandidates({ QStringLiteral("error"), QStringLiteral("two-violations"), QStringLiteral("slow"),
            QStringLiteral("unanswered"), QStringLiteral("quick-dear"), QStringLiteral("one-violation"),
            QStringLiteral("quick-cheap"), QStringLiteral("quick-near") });
        QVERIFY(!model.isComplete());
        auto near = plan(QStringLiteral("quick-near"), true, 60, 30);
        near.latencyMsAfter = 1; // closer to its users than the others (2 ms)
        model.setPlan(near);
        model.setPlan(plan(QStringLiteral("two-violations"), false, 0, 0, 2));
        model.setPlan(plan(QStringLiteral("slow"), true, 300, -50));
        model.setPlan(plan(QStringLiteral("quick-dear"), true, 60, 40));
        model.setPlan(plan(QStringLiteral("one-violation"), false, 0, -90, 1));
        model.setPlan(plan(QStringLiteral("quick-cheap"), true, 60, -10));
        model.setError(QStringLiteral("error"), QStringLiteral("UNAVAILABLE: no scheduler"));
        for (int place = 0; place < expected.size(); ++place)
            QCOMPARE(model.rankOf(expected.at(place)), place + 1);
        // Reasons are in plain words.
        int row = 0;
        while (row < model.rowCount()
            && model.index(row, 0).data(CandidatePlanModel::SiteIdRole).toString() != QLatin1String("one-violation"))
            ++row;
        QVERIFY(row < model.rowCount());
        QCOMPARE(model.index(row, CandidatePlanModel::VerdictColumn).data().toString(), QStringLiteral("Blocked"));
        QCOMPARE(model.index(row, CandidatePlanModel::WhyNotColumn).data().toString(), QStringLiteral("Not enough free cards"));
        QCOMPARE(model.index(row, CandidatePlanModel::WhyNotColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("one-violation has 3 free cards"));
    }

    void dialogRanksPreviewsAndAsksTwice()
    {
        NetworkState state;
        state.applyBatch(snapshot());
        MigrationDialog dialog(&state, task());
        QSignalSpy previewed(&dialog, &MigrationDialog::selectedPlanChanged);
        QSignalSpy started(&dialog, &MigrationDialog::startRequested);
        dialog.setCandidates({ QStringLiteral("hub-gz"), QStringLiteral("cl-guian"), QStringLiteral("rg-xian") });
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!dialog.startButton()->isEnabled());

        // Answers come in any order; the best feasible one is on top and selected.
        dialog.setPlan(plan(QStringLiteral("rg-xian"), false, 0, 0, 1));
        dialog.setPlan(plan(QStringLiteral("hub-gz"), true, 200, 5));
        dialog.setPlan(plan(QStringLiteral("cl-guian"), true, 80, 12));
        QCOMPARE(dialog.view()->model()->index(0, 0).data(CandidatePlanModel::SiteIdRole).toString(),
            QStringLiteral("cl-guian"));
        QCOMPARE(dialog.view()->model()->index(2, CandidatePlanModel::VerdictColumn).data().toString(),
            QStringLiteral("Blocked"));
        QCOMPARE(dialog.selectedSiteId(), QStringLiteral("cl-guian"));
        QVERIFY(previewed.count() >= 1);
        QCOMPARE(previewed.last().at(0).value<MigrationPlan>().targetSiteId, QStringLiteral("cl-guian"));

        // It costs more: a reason is not enough, the operator confirms it too.
        QVERIFY(dialog.needsConfirmation());
        auto* reason = dialog.findChild<QLineEdit*>();
        QTest::keyClicks(reason, QStringLiteral("cheaper power in the west"));
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY(dialog.startButton()->toolTip().contains(QStringLiteral("Confirm")));
        auto* confirm = dialog.findChild<QCheckBox*>();
        QVERIFY(confirm->isVisible());
        QVERIFY(confirm->text().contains(QStringLiteral("12.0 CNY/h more")));
        confirm->click();
        QVERIFY(dialog.startButton()->isEnabled());

        // Choosing a blocked target explains itself and cannot start.
        dialog.selectSite(QStringLiteral("rg-xian"));
        QVERIFY(!dialog.startButton()->isEnabled());
        QVERIFY(dialog.startButton()->toolTip().contains(QStringLiteral("cannot move the task there")));
        dialog.selectSite(QStringLiteral("cl-guian"));
        dialog.setConfirmed(true);
        QTest::mouseClick(dialog.startButton(), Qt::LeftButton);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toString(), QStringLiteral("t-00000001"));
        QCOMPARE(started.at(0).at(1).toString(), QStringLiteral("cl-guian"));
        QCOMPARE(started.at(0).at(2).toString(), QStringLiteral("cheaper power in the west"));
        QVERIFY(!dialog.isVisible());
    }

    void drainDialogShowsWhereEachTaskGoes()
    {
        NetworkState state;
        state.applyBatch(snapshot());
        MigrationTableModel migrations;
        migrations.setNetworkState(&state);
        DrainDialog dialog(&state, nullptr, &migrations, QStringLiteral("hub-jjj"));
        QSignalSpy drained(&dialog, &DrainDialog::drainRequested);
        dialog.show();
        QVERIFY(!dialog.drainButton()->isEnabled()); // no plan yet
        DrainResult preview;
        preview.siteId = QStringLiteral("hub-jjj");
        preview.migrations = { migration(QString(), QStringLiteral("t-7"), MigrationState::Planned),
            migration(QString(), QStringLiteral("t-8"), MigrationState::Planned) };
        preview.unplacedTaskIds = { QStringLiteral("t-9") };
        dialog.setPreview(preview);
        QCOMPARE(dialog.planTable()->rowCount(), 3);
        QCOMPARE(dialog.planTable()->item(0, 3)->text(), QStringLiteral("→ Gui'an"));
        QVERIFY(dialog.planTable()->item(2, 3)->text().contains(QStringLiteral("stays")));
        dialog.setReason(QStringLiteral("transformer maintenance"));
        QVERIFY(dialog.drainButton()->isEnabled());
        QTest::mouseClick(dialog.drainButton(), Qt::LeftButton);
        QCOMPARE(drained.count(), 1);
        QCOMPARE(drained.at(0).at(1).toInt(), dialog.maxConcurrent());

        // Sent: progress of the batch as the migrations come in.
        dialog.setSent(QStringLiteral("d-1"));
        QVERIFY(dialog.isShowingProgress());
        auto a = migration(QStringLiteral("mig-7"), QStringLiteral("t-7"), MigrationState::Completed);
        auto b = migration(QStringLiteral("mig-8"), QStringLiteral("t-8"), MigrationState::Transferring, 50'000'000'000ULL);
        a.drainRequestId = b.drainRequestId = QStringLiteral("d-1");
        state.applyBatch(upserts(11, { a, b }));
        dialog.setStarted(preview);
        QCOMPARE(dialog.progressText().section(QLatin1Char('\n'), 0, 0),
            QStringLiteral("1 of 2 moved, 1 moving, 0 waiting, 0 failed or cancelled"));
        QVERIFY(dialog.progressBar()->value() > 500 && dialog.progressBar()->value() < 1000);
        b.state = MigrationState::Completed;
        state.applyBatch(upserts(20, { b }));
        QVERIFY(dialog.progressText().contains(QStringLiteral("The drain has finished")));
        QCOMPARE(dialog.progressBar()->value(), 1000);
    }

    void auditLogReadsAsAnOperatorWould()
    {
        NetworkState state;
        state.applyBatch(snapshot());
        AuditLogModel model;
        ModelContract tester(&model);
        model.setNetworkState(&state);
        DispatchCommand c;
        c.requestId = QStringLiteral("r-1");
        c.kind = CommandKind::StartMigration;
        c.taskId = QStringLiteral("t-1");
        c.siteId = QStringLiteral("cl-guian");
        c.reason = QStringLiteral("cheaper power");
        c.operatorName = QStringLiteral("li.wei@ops-3");
        c.role = QStringLiteral("operator");
        c.createdAt = QDateTime::currentDateTime();
        c.attempts = 2;
        model.upsert(c);
        QCOMPARE(model.index(0, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("Move t-1 to Gui'an"));
        // (Plural forms come from the translations, not loaded here.)
        QVERIFY(model.index(0, AuditLogModel::OutcomeColumn).data().toString().startsWith(
            QStringLiteral("Waiting for an answer (2 attempt")));
        c.outcome = CommandOutcome::Succeeded;
        c.migrationId = QStringLiteral("mig-000012");
        model.upsert(c);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0, AuditLogModel::OutcomeColumn).data().toString(), QStringLiteral("Started mig-000012"));
        DispatchCommand d = c;
        d.requestId = QStringLiteral("r-2");
        d.kind = CommandKind::DrainSite;
        d.siteId = QStringLiteral("hub-jjj");
        d.maxConcurrent = 4;
        d.outcome = CommandOutcome::Failed;
        d.outcomeCode = QStringLiteral("PERMISSION_DENIED");
        d.outcomeText = QStringLiteral("the viewer role may read state but not dispatch");
        model.upsert(d);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, AuditLogModel::ActionColumn).data().toString(), QStringLiteral("Drain Beijing (4 at once)"));
        QCOMPARE(model.index(0, AuditLogModel::OutcomeColumn).data().toString(),
            QStringLiteral("Refused (PERMISSION_DENIED): the viewer role may read state but not dispatch"));
        QCOMPARE(model.index(0, AuditLogModel::OperatorColumn).data().toString(), QStringLiteral("li.wei@ops-3"));
    }
};

QTEST_MAIN(TestDispatchModels)
#include "tst_dispatchmodels.moc"
