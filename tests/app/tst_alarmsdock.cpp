// The alarms dock: alarms sorted as an operator reads them (active, most severe, newest first),
// filtered by severity, state, acknowledgement and text; an upsert changes its row in place; a
// new snapshot replaces them; the note dialog sends the acknowledgement; unacknowledged critical
// alarms stay highlighted and marked on the map until acknowledged; a new one (not one from the
// first snapshot) is announced.

// The mock's headers name a member `slots`: they go before any Qt header defines that keyword.
#include "mocktesthelpers.h"

#include "modelcontract.h"

#include "alarmcontroller.h"
#include "alarmfilterproxymodel.h"
#include "alarmspanel.h"
#include "alarmtablemodel.h"
#include "consolesession.h"
#include "dispatchcontroller.h"
#include "domainlabels.h"
#include "language.h"
#include "mainwindow.h"
#include "mapview.h"
#include "networkstate.h"
#include "statefeed.h"
#include "testconsole.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QSysInfo>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace cpn;

namespace {

// 2023-11-14 22:13:20 UTC: 11-15 06:13:20 in Beijing.
constexpr qint64 kT0 = 1700000000000;

Site site(const QString& id, double lat, double lon)
{
    Site s;
    s.id = id;
    s.nameZh = id + QStringLiteral("中心");
    s.nameEn = id + QStringLiteral(" centre");
    s.tier = SiteTier::Regional;
    s.latitude = lat;
    s.longitude = lon;
    s.status = SiteStatus::Online;
    return s;
}

Alarm alarm(const QString& id, AlarmSeverity severity, const QString& source, const QString& code, qint64 raised)
{
    Alarm a;
    a.id = id;
    a.severity = severity;
    a.sourceId = source;
    a.code = code;
    a.message = QStringLiteral("Server says: ") + code;
    a.raisedTimeMs = raised;
    return a;
}

// a (critical, oldest), l (major, acknowledged), b (warning, newest active), c (major, cleared).
StateBatch snapshot(QList<Alarm> alarms = {})
{
    StateBatch batch;
    Snapshot s;
    s.revision = 10;
    s.simTimeMs = kT0;
    s.sites = { site(QStringLiteral("a"), 30, 104), site(QStringLiteral("b"), 31, 121) };
    Link l;
    l.id = QStringLiteral("ab");
    l.siteAId = QStringLiteral("a");
    l.siteBId = QStringLiteral("b");
    l.capacityGbps = 400;
    l.latencyMs = 10;
    l.status = LinkStatus::Up;
    s.links = { l };
    s.callerRole = QStringLiteral("operator");
    if (alarms.isEmpty()) {
        Alarm acknowledged = alarm(QStringLiteral("A4"), AlarmSeverity::Major, QStringLiteral("ab"),
            QStringLiteral("LATENCY_SLO"), kT0 + 2000);
        acknowledged.acknowledged = true;
        acknowledged.acknowledgedBy = QStringLiteral("li@control-1");
        acknowledged.acknowledgedTimeMs = kT0 + 60000;
        acknowledged.acknowledgeNote = QStringLiteral("rerouted");
        Alarm cleared = alarm(QStringLiteral("A3"), AlarmSeverity::Major, QStringLiteral("ab"),
            QStringLiteral("LINK_CONGESTION"), kT0 + 4000);
        cleared.clearedTimeMs = kT0 + 5000;
        alarms = { alarm(QStringLiteral("A1"), AlarmSeverity::Critical, QStringLiteral("a"),
                       QStringLiteral("SITE_OFFLINE"), kT0),
            alarm(QStringLiteral("A2"), AlarmSeverity::Warning, QStringLiteral("b"),
                QStringLiteral("SITE_HIGH_UTILISATION"), kT0 + 3000),
            cleared, acknowledged };
    }
    s.alarms = alarms;
    batch.snapshot = s;
    return batch;
}

StateBatch upsert(quint64 revision, const Alarm& a)
{
    StateBatch batch;
    StateEvent event;
    event.revision = revision;
    event.change = a;
    batch.events.push_back(event);
    return batch;
}

QStringList shownIds(const QAbstractItemModel* model)
{
    QStringList ids;
    for (int row = 0; row < model->rowCount(); ++row)
        ids.append(model->index(row, 0).data(AlarmTableModel::AlarmIdRole).toString());
    return ids;
}

} // namespace

class TestAlarmsDock : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Language::apply(QStringLiteral("en"));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    }

    void sortedActiveThenSeverityThenNewest()
    {
        NetworkState state;
        state.applyBatch(snapshot());
        AlarmTableModel model;
        ModelContract tester(&model);
        model.setNetworkState(&state);
        AlarmFilterProxyModel proxy;
        ModelContract proxyTester(&proxy);
        proxy.setSourceModel(&model);
        QCOMPARE(shownIds(&proxy), (QStringList { "A1", "A4", "A2", "A3" }));

        // What the operator reads in each column.
        const QModelIndex a1 = model.index(model.rowOf(QStringLiteral("A1")), 0);
        QCOMPARE(a1.siblingAtColumn(AlarmTableModel::SeverityColumn).data().toString(), QStringLiteral("Critical"));
        QCOMPARE(a1.siblingAtColumn(AlarmTableModel::CodeColumn).data().toString(), QStringLiteral("Site offline"));
        QCOMPARE(a1.siblingAtColumn(AlarmTableModel::SourceColumn).data().toString(), QStringLiteral("a centre"));
        QCOMPARE(a1.siblingAtColumn(AlarmTableModel::RaisedColumn).data().toString(), QStringLiteral("11-15 06:13:20"));
        QCOMPARE(a1.siblingAtColumn(AlarmTableModel::StateColumn).data().toString(), QStringLiteral("Active"));
        QCOMPARE(a1.siblingAtColumn(AlarmTableModel::AcknowledgedColumn).data().toString(),
            QStringLiteral("Not acknowledged"));
        const QModelIndex a4 = model.index(model.rowOf(QStringLiteral("A4")), 0);
        QCOMPARE(
            a4.siblingAtColumn(AlarmTableModel::SourceColumn).data().toString(), QStringLiteral("a centre – b centre"));
        QCOMPARE(a4.siblingAtColumn(AlarmTableModel::AcknowledgedColumn).data().toString(),
            QStringLiteral("li@control-1 at 11-15 06:14:20"));
        QCOMPARE(a4.siblingAtColumn(AlarmTableModel::NoteColumn).data().toString(), QStringLiteral("rerouted"));
        QCOMPARE(a4.data(AlarmTableModel::MapSiteIdRole).toString(), QStringLiteral("a"));
        const QModelIndex a3 = model.index(model.rowOf(QStringLiteral("A3")), 0);
        QCOMPARE(a3.siblingAtColumn(AlarmTableModel::StateColumn).data().toString(),
            QStringLiteral("Cleared 11-15 06:13:25"));
        QCOMPARE(a3.siblingAtColumn(AlarmTableModel::CodeColumn).data().toString(), QStringLiteral("Link congested"));
        // A code the console does not know is shown as it came.
        QCOMPARE(alarmCodeName(QStringLiteral("FAN_FAILURE")), QStringLiteral("FAN_FAILURE"));

        // The operator's own sort still works, and comes back.
        proxy.sort(AlarmTableModel::RaisedColumn, Qt::AscendingOrder);
        QCOMPARE(shownIds(&proxy), (QStringList { "A1", "A4", "A2", "A3" }));
        proxy.sort(AlarmTableModel::RaisedColumn, Qt::DescendingOrder);
        QCOMPARE(shownIds(&proxy), (QStringList { "A3", "A2", "A4", "A1" }));
    }

    void filters_data()
    {
        QTest::addColumn<int>("minimumSeverity");
        QTest::addColumn<bool>("activeOnly");
        QTest::addColumn<int>("acknowledgement");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected");
        using Ack = AlarmFilterProxyModel::Acknowledgement;
        QTest::newRow("all") << 0 << false << int(Ack::Any) << QString() << QStringList { "A1", "A4", "A2", "A3" };
        QTest::newRow("major and above") << int(AlarmSeverity::Major) << false << int(Ack::Any) << QString()
                                         << QStringList { "A1", "A4", "A3" };
        QTest::newRow("critical") << int(AlarmSeverity::Critical) << false << int(Ack::Any) << QString()
                                  << QStringList { "A1" };
        QTest::newRow("active") << 0 << true << int(Ack::Any) << QString() << QStringList { "A1", "A4", "A2" };
        QTest::newRow("unacknowledged") << 0 << false << int(Ack::Unacknowledged) << QString()
                                        << QStringList { "A1", "A2", "A3" };
        QTest::newRow("acknowledged") << 0 << false << int(Ack::Acknowledged) << QString() << QStringList { "A4" };
        QTest::newRow("note") << 0 << false << int(Ack::Any) << QStringLiteral("REROUTED") << QStringList { "A4" };
        QTest::newRow("raw code") << 0 << false << int(Ack::Any) << QStringLiteral("link_congestion")
                                  << QStringList { "A3" };
        QTest::newRow("site name") << 0 << true << int(Ack::Unacknowledged) << QStringLiteral("b centre")
                                   << QStringList { "A2" };
        QTest::newRow("nothing") << 0 << false << int(Ack::Any) << QStringLiteral("no such alarm") << QStringList {};
    }

    void filters()
    {
        QFETCH(int, minimumSeverity);
        QFETCH(bool, activeOnly);
        QFETCH(int, acknowledgement);
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        NetworkState state;
        state.applyBatch(snapshot());
        AlarmTableModel model;
        model.setNetworkState(&state);
        AlarmFilterProxyModel proxy;
        ModelContract tester(&proxy);
        proxy.setSourceModel(&model);
        proxy.setMinimumSeverity(AlarmSeverity(minimumSeverity));
        proxy.setActiveOnly(activeOnly);
        proxy.setAcknowledgement(AlarmFilterProxyModel::Acknowledgement(acknowledgement));
        proxy.setText(text);
        QCOMPARE(shownIds(&proxy), expected);
    }

    void upsertChangesTheRowInPlaceAndNewOnesAreInserted()
    {
        NetworkState state;
        state.applyBatch(snapshot());
        AlarmTableModel model;
        ModelContract tester(&model);
        model.setNetworkState(&state);
        AlarmFilterProxyModel proxy;
        ModelContract proxyTester(&proxy);
        proxy.setSourceModel(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        Alarm a2 = *model.alarm(QStringLiteral("A2"));
        a2.acknowledged = true;
        a2.acknowledgedBy = QStringLiteral("wang@control-2");
        a2.acknowledgedTimeMs = kT0 + 120000;
        a2.acknowledgeNote = QStringLiteral("watching it");
        const int row = model.rowOf(QStringLiteral("A2"));
        state.applyBatch(upsert(11, a2));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.rowOf(QStringLiteral("A2")), row);
        QCOMPARE(inserted.count(), 0);
        QCOMPARE(resets.count(), 0);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(row, AlarmTableModel::AcknowledgedColumn).data().toString(),
            QStringLiteral("wang@control-2 at 11-15 06:15:20"));
        QCOMPARE(model.index(row, AlarmTableModel::NoteColumn).data().toString(), QStringLiteral("watching it"));

        // Two new ones in one batch: one ranged insert.
        StateBatch batch = upsert(12,
            alarm(QStringLiteral("A5"), AlarmSeverity::Major, QStringLiteral("b"), QStringLiteral("MIGRATION_FAILED"),
                kT0 + 9000));
        batch.events.push_back(upsert(13,
            alarm(QStringLiteral("A6"), AlarmSeverity::Critical, QStringLiteral("ab"), QStringLiteral("LINK_DOWN"),
                kT0 + 8000))
                                   .events.front());
        state.applyBatch(batch);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 4);
        QCOMPARE(inserted.at(0).at(2).toInt(), 5);
        QCOMPARE(model.rowCount(), 6);
        // Sorted in: the critical link-down alarm is now the first thing the operator reads.
        QCOMPARE(shownIds(&proxy), (QStringList { "A6", "A1", "A5", "A4", "A2", "A3" }));

        // A new snapshot without alarms clears the table.
        StateBatch empty = snapshot({});
        empty.snapshot->alarms.clear();
        empty.snapshot->revision = 20;
        state.applyBatch(empty);
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(proxy.rowCount(), 0);
        QVERIFY(model.attentionAlarmIds().isEmpty());
    }

    void onlyNewCriticalAlarmsAreAnnounced()
    {
        NetworkState state;
        AlarmTableModel model;
        model.setNetworkState(&state);
        QSignalSpy raised(&model, &AlarmTableModel::criticalAlarmsRaised);
        state.applyBatch(snapshot()); // A1 is critical, but was there before the console looked
        QCOMPARE(raised.count(), 0);
        state.applyBatch(upsert(11,
            alarm(QStringLiteral("A7"), AlarmSeverity::Critical, QStringLiteral("b"), QStringLiteral("SITE_OFFLINE"),
                kT0 + 10000)));
        QCOMPARE(raised.count(), 1);
        QCOMPARE(raised.at(0).at(0).toStringList(), QStringList { "A7" });
        // A change of the same alarm, or a major one, is not new.
        Alarm again = *model.alarm(QStringLiteral("A7"));
        again.message = QStringLiteral("still offline");
        state.applyBatch(upsert(12, again));
        state.applyBatch(upsert(13,
            alarm(QStringLiteral("A8"), AlarmSeverity::Major, QStringLiteral("b"), QStringLiteral("LATENCY_SLO"),
                kT0 + 11000)));
        QCOMPARE(raised.count(), 1);
    }

    void dialogSendsTheAcknowledgementWithItsNote()
    {
        NetworkState state;
        state.applyBatch(snapshot());
        AlarmTableModel model;
        model.setNetworkState(&state);
        AlarmsPanel panel(&model);
        panel.resize(1000, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy requested(&panel, &AlarmsPanel::acknowledgeRequested);

        QVERIFY(!panel.acknowledgeButton()->isEnabled()); // nothing selected
        QVERIFY(panel.selectAlarm(QStringLiteral("A1")));
        QVERIFY(panel.acknowledgeButton()->isEnabled());
        QTest::mouseClick(panel.acknowledgeButton(), Qt::LeftButton);
        auto* dialog = panel.findChild<AcknowledgeAlarmDialog*>(QStringLiteral("AcknowledgeAlarmDialog"));
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->alarmId(), QStringLiteral("A1"));
        QTest::keyClicks(dialog->noteEdit(), QStringLiteral("Crew on site, power restored by 10:00"));
        QTest::mouseClick(dialog->acknowledgeButton(), Qt::LeftButton);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("A1"));
        QCOMPARE(requested.at(0).at(1).toString(), QStringLiteral("Crew on site, power restored by 10:00"));

        // An acknowledged alarm cannot be acknowledged again.
        QVERIFY(panel.selectAlarm(QStringLiteral("A4")));
        QVERIFY(!panel.acknowledgeButton()->isEnabled());
        QCOMPARE(panel.acknowledgeSelected(), nullptr);

        // Not allowed: disabled, and the tooltip says why.
        QVERIFY(panel.selectAlarm(QStringLiteral("A2")));
        panel.setAcknowledgeAllowed(false, QStringLiteral("Not connected"));
        QVERIFY(!panel.acknowledgeButton()->isEnabled());
        QVERIFY(!panel.acknowledgeAction()->isEnabled());
        QCOMPARE(panel.acknowledgeButton()->toolTip(), QStringLiteral("Not connected"));
        QCOMPARE(panel.acknowledgeSelected(), nullptr);
        QCOMPARE(requested.count(), 1);
    }

    void doubleClickShowsTheSourceOnTheMap()
    {
        NetworkState state;
        state.applyBatch(snapshot());
        AlarmTableModel model;
        model.setNetworkState(&state);
        AlarmsPanel panel(&model);
        panel.resize(1000, 400);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QSignalSpy requested(&panel, &AlarmsPanel::siteRequested);
        QVERIFY(panel.selectAlarm(QStringLiteral("A2")));
        QTableView* view = panel.view();
        const QPoint at = view->visualRect(view->currentIndex()).center();
        // A double click as a mouse makes it: press, release, then the double-click press.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(requested.count(), 1);
        QCOMPARE(requested.at(0).at(0).toString(), QStringLiteral("b"));
    }

    void criticalRowsStayHighlightedUntilAcknowledged()
    {
        NetworkState state;
        state.applyBatch(snapshot());
        AlarmTableModel model;
        model.setNetworkState(&state);
        AlarmsPanel panel(&model);
        const int a1 = model.rowOf(QStringLiteral("A1"));
        QVERIFY(model.index(a1, 0).data(AlarmTableModel::AttentionRole).toBool());
        QVERIFY(model.index(a1, AlarmTableModel::CodeColumn).data(Qt::BackgroundRole).isValid());
        QVERIFY(!model.index(model.rowOf(QStringLiteral("A2")), 0).data(Qt::BackgroundRole).isValid());
        QVERIFY(panel.isPulsing());

        Alarm acknowledged = *model.alarm(QStringLiteral("A1"));
        acknowledged.acknowledged = true;
        acknowledged.acknowledgedBy = QStringLiteral("zhang@control-1");
        state.applyBatch(upsert(11, acknowledged));
        QVERIFY(!model.index(a1, 0).data(AlarmTableModel::AttentionRole).toBool());
        QVERIFY(!model.index(a1, AlarmTableModel::CodeColumn).data(Qt::BackgroundRole).isValid());
        QVERIFY(!panel.isPulsing());
    }

    void mainWindowMarksUnacknowledgedCriticalAlarmsOnTheMap()
    {
        QTemporaryDir dir;
        ConsoleSession session;
        session.addPlatform(ConnectionSettings { QStringLiteral("127.0.0.1:1"), {} },
            dir.filePath(QStringLiteral("journal.sqlite")), QStringLiteral("test"));
        MainWindow window(&session);
        AlarmController* alarms = window.alarms();
        QVERIFY(alarms);
        QList<Alarm> list { alarm(QStringLiteral("A1"), AlarmSeverity::Critical, QStringLiteral("a"),
                                QStringLiteral("SITE_OFFLINE"), kT0),
            alarm(QStringLiteral("A2"), AlarmSeverity::Critical, QStringLiteral("ab"), QStringLiteral("LINK_DOWN"),
                kT0 + 1000),
            alarm(QStringLiteral("A3"), AlarmSeverity::Major, QStringLiteral("b"), QStringLiteral("LATENCY_SLO"),
                kT0 + 2000) };
        Alarm acknowledged = alarm(QStringLiteral("A4"), AlarmSeverity::Critical, QStringLiteral("b"),
            QStringLiteral("SITE_OFFLINE"), kT0 + 3000);
        acknowledged.acknowledged = true;
        list.append(acknowledged);
        session.state()->applyBatch(snapshot(list));
        QCOMPARE(window.mapView()->alarmBadgeSiteIds(), QStringList { "a" });
        QCOMPARE(window.mapView()->alarmBadgeLinkIds(), QStringList { "ab" });
        QCOMPARE(alarms->attentionLabel()->text(), QStringLiteral("2 unacknowledged critical alarms"));
        QVERIFY(!alarms->attentionLabel()->isHidden());
        // The session was never started: acknowledging is off, and says why.
        QVERIFY(!alarms->isAcknowledgeAllowed());
        QVERIFY(alarms->whyNotAllowed().contains(QStringLiteral("Not connected")));
        QVERIFY(!window.dispatch()->isDispatchAllowed());

        Alarm done = list.at(0);
        done.acknowledged = true;
        session.state()->applyBatch(upsert(11, done));
        QVERIFY(window.mapView()->alarmBadgeSiteIds().isEmpty());
        QCOMPARE(window.mapView()->alarmBadgeLinkIds(), QStringList { "ab" });
        Alarm cleared = list.at(1);
        cleared.clearedTimeMs = kT0 + 9000;
        session.state()->applyBatch(upsert(12, cleared));
        QVERIFY(window.mapView()->alarmBadgeLinkIds().isEmpty());
        QVERIFY(alarms->attentionLabel()->isHidden());

        // A new critical alarm beeps only with the sound switched on.
        alarms->soundAction()->setChecked(false);
        session.state()->applyBatch(upsert(13,
            alarm(QStringLiteral("A9"), AlarmSeverity::Critical, QStringLiteral("b"), QStringLiteral("SITE_OFFLINE"),
                kT0 + 10000)));
        QCOMPARE(alarms->beepCount(), 0);
        alarms->soundAction()->setChecked(true);
        session.state()->applyBatch(upsert(14,
            alarm(QStringLiteral("A10"), AlarmSeverity::Critical, QStringLiteral("a"), QStringLiteral("SITE_OFFLINE"),
                kT0 + 11000)));
        QCOMPARE(alarms->beepCount(), 1);
        alarms->soundAction()->setChecked(false);
    }

    // Against a real scheduler: a hub goes offline, the console marks it, the operator
    // acknowledges it with a note and the scheduler records who did, when and why.
    void acknowledgedOnTheSchedulerWithWhoAndWhy()
    {
        auto options = cpn::testing::manualOptions(3);
        options.scenario = "hub-outage";
        mock::MockServer server(options);
        QVERIFY(server.start());
        const QString address = QString::fromStdString(server.address());
        // A login that is not ASCII travels percent-encoded and comes back as it was.
        const QByteArray user = qgetenv("USER");
        qputenv("USER", QStringLiteral("张伟").toUtf8());
        TestConsole console(address);
        qputenv("USER", user);
        ConsoleSession& session = console.session;
        MainWindow& window = *console.window;
        AlarmController* alarms = window.alarms();
        AlarmTableModel* model = alarms->alarms();
        QTRY_VERIFY_WITH_TIMEOUT(session.state()->callerRole() == QLatin1String("operator"), 30000);
        QVERIFY(model->attentionAlarmIds().isEmpty());
        // The outage comes 5 simulated minutes in.
        cpn::testing::advanceMinutes(server, 6);
        QString id;
        QTRY_VERIFY_WITH_TIMEOUT(!(id = model->attentionAlarmIds().value(0)).isEmpty(), 30000);
        const Alarm* raised = model->alarm(id);
        QCOMPARE(raised->code, QStringLiteral("SITE_OFFLINE"));
        QCOMPARE(window.mapView()->alarmBadgeSiteIds(), QStringList { raised->sourceId });
        QTRY_VERIFY(alarms->isAcknowledgeAllowed());

        AlarmsPanel* panel = alarms->alarmsPanel();
        QVERIFY(panel->selectAlarm(id));
        AcknowledgeAlarmDialog* dialog = panel->acknowledgeSelected();
        QVERIFY(dialog);
        dialog->noteEdit()->setPlainText(QStringLiteral("电力抢修中 (power crew on site)"));
        dialog->acknowledgeButton()->click();
        QTRY_VERIFY_WITH_TIMEOUT(model->alarm(id)->acknowledged, 30000);
        const Alarm* done = model->alarm(id);
        // "<login>@<host>" as the console sent it (the scheduler may add the role).
        QVERIFY2(done->acknowledgedBy.startsWith(QStringLiteral("张伟@") + QSysInfo::machineHostName()),
            qPrintable(done->acknowledgedBy));
        QCOMPARE(done->acknowledgeNote, QStringLiteral("电力抢修中 (power crew on site)"));
        QVERIFY(done->acknowledgedTimeMs >= done->raisedTimeMs);
        const int row = model->rowOf(id);
        QVERIFY(model->index(row, AlarmTableModel::AcknowledgedColumn)
                    .data()
                    .toString()
                    .startsWith(done->acknowledgedBy + QStringLiteral(" at ")));
        QVERIFY(window.mapView()->alarmBadgeSiteIds().isEmpty());
        QVERIFY(!panel->isPulsing());
        session.feed()->stop();
    }
};

QTEST_MAIN(TestAlarmsDock)
#include "tst_alarmsdock.moc"
