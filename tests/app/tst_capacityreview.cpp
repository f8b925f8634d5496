// The capacity review window driven as ministry staff would, with a viewer token: opened from
// the View menu, a week's report whose figures are the scheduler's own, another scope and type
// without asking again, a table row shown on the map, a copy, and an export to a file.

#include "mocktesthelpers.h"
#include "testconsole.h"

#include "capacityreview.h"
#include "capacityreviewwindow.h"
#include "capacitytablemodel.h"
#include "mapview.h"

#include "cpn/v1/state.grpc.pb.h"

#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QLabel>
#include <QTimeZone>
#include <QFile>
#include <QGuiApplication>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <grpcpp/grpcpp.h>

using namespace cpn;
using namespace cpn::testing;

namespace {
constexpr int kTimeoutMs = 60000;

// What the scheduler itself says of the span, summed over its sites.
double schedulerEnergy(const std::string& address, qint64 fromMs, qint64 toMs)
{
    auto channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
    auto stub = v1::StateService::NewStub(channel);
    grpc::ClientContext context;
    context.AddMetadata("authorization", "Bearer view-secret");
    v1::GetCapacityReportRequest request;
    request.set_from_ms(fromMs);
    request.set_to_ms(toMs);
    auto reader = stub->GetCapacityReport(&context, request);
    v1::CapacityReport part;
    double energy = 0;
    while (reader->Read(&part)) {
        for (const auto& s : part.sites())
            energy += s.energy_mwh();
    }
    return reader->Finish().ok() ? energy : -1;
}
} // namespace

class TestCapacityReview : public QObject {
    Q_OBJECT
private slots:
    void ministryStaffReviewCapacityWithAViewerToken()
    {
        auto options = manualOptions(5);
        options.serving.tokens = { { server::Role::Viewer, "view-secret" }, { server::Role::Operator, "op-secret" } };
        auto server = startServer(options);
        QVERIFY(server);
        advanceMinutes(*server, 30);
        TestConsole console(QString::fromStdString(server->address()), QStringLiteral("view-secret"));
        QVERIFY(console.waitForLiveData(kTimeoutMs));
        QCOMPARE(console.session.state()->callerRole(), QStringLiteral("viewer"));

        // View → Capacity review, by its shortcut's action.
        QAction* open = console.window->capacityReview()->action();
        QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        QVERIFY(open->isEnabled());
        open->trigger();
        CapacityReviewWindow* window = console.window->capacityReview()->window();
        QVERIFY(window && window->isVisible());
        auto* period = window->findChildren<QComboBox*>().value(0);
        QVERIFY(period);
        period->setCurrentIndex(1); // the last 7 days
        QVERIFY(QTest::qWaitFor([&] { return !window->report().isEmpty(); }, kTimeoutMs));
        CapacityReport report = window->report();
        QCOMPARE(report.requestedToMs - report.requestedFromMs, 7LL * 24 * 3600 * 1000);
        QCOMPARE(report.total.sites, int(console.session.state()->sites().size()));
        QCOMPARE(report.regions.size(), 8);
        // The figures are the scheduler's own, summed.
        const double energy = schedulerEnergy(server->address(), report.requestedFromMs, report.requestedToMs);
        QVERIFY(energy > 0);
        QVERIFY2(std::abs(report.total.energyMwh - energy) < 1e-6 * energy,
            qPrintable(QStringLiteral("%1 vs %2").arg(report.total.energyMwh).arg(energy)));
        // The headline table shows the mean utilisation as the report has it.
        auto* headlines = window->findChild<QTableWidget*>(QStringLiteral("headlines"));
        QVERIFY(headlines && headlines->rowCount() > 8);
        const QString mean = QLocale().toString(report.total.meanUtilisation * 100, 'f', 1) + QStringLiteral(" %");
        QVERIFY(!headlines->findItems(mean, Qt::MatchExactly).isEmpty());
        QVERIFY(window->findChild<QLabel*>(QStringLiteral("gaps"))->text().contains(QStringLiteral("West Computing")));

        // Another scope: a region, from the figures already fetched.
        auto* scope = window->findChildren<QComboBox*>().value(1);
        const int ningxia = scope->findText(QStringLiteral("Ningxia"), Qt::MatchContains);
        QVERIFY(ningxia > 0);
        scope->setCurrentIndex(ningxia);
        emit scope->activated(ningxia);
        QVERIFY(QTest::qWaitFor([&] { return window->report().scope.kind == ReportScope::Kind::Region; }, kTimeoutMs));
        report = window->report();
        QCOMPARE(report.regions.size(), 1);
        QCOMPARE(report.regions.first().key, QStringLiteral("nx"));
        QVERIFY(report.total.energyMwh < energy);

        // A row of the hubs' table, clicked, is shown on the map.
        auto* tabs = window->findChild<QTabWidget*>();
        tabs->setCurrentIndex(2);
        auto* hubs = qobject_cast<QTableView*>(tabs->currentWidget());
        QVERIFY(hubs && hubs->model()->rowCount() >= 2);
        const QModelIndex first = hubs->model()->index(0, 0);
        const QString id = first.data(CapacityTableModel::KeyRole).toString();
        QTest::mouseClick(hubs->viewport(), Qt::LeftButton, {}, hubs->visualRect(first).center());
        QCOMPARE(console.window->mapView()->selectedSiteId(), id);

        // Copy: the table with its headers.
        QTest::keyClick(hubs, Qt::Key_C, Qt::ControlModifier);
        QVERIFY(QGuiApplication::clipboard()->text().startsWith(QStringLiteral("Name\t")));

        // Export, as the viewer may.
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("ningxia.csv"));
        QSignalSpy exported(window, &CapacityReviewWindow::exported);
        window->exportTo(csv);
        QVERIFY(exported.wait(kTimeoutMs));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("Ningxia"));

        // An accelerator type: its capacity alone.
        auto* type = window->findChildren<QComboBox*>().value(2);
        type->setCurrentIndex(type->findData(int(Architecture::Cpu)));
        emit type->activated(type->currentIndex());
        QVERIFY(QTest::qWaitFor([&] { return window->report().scope.architecture == Architecture::Cpu; }, kTimeoutMs));
        QVERIFY(window->report().total.installedPflops < report.total.installedPflops);
    }

    void aSchedulerThatKeepsNothingSaysSo()
    {
        auto server = startManualServer(6);
        QVERIFY(server);
        TestConsole console(QString::fromStdString(server->address()));
        QVERIFY(console.waitForLiveData(kTimeoutMs));
        console.window->capacityReview()->action()->trigger();
        CapacityReviewWindow* window = console.window->capacityReview()->window();
        QVERIFY(QTest::qWaitFor([&] { return !window->report().isEmpty(); }, kTimeoutMs));
        // A range long before anything the scheduler keeps.
        auto* period = window->findChildren<QComboBox*>().value(0);
        period->setCurrentIndex(3);
        const QList<QDateTimeEdit*> edits = window->findChildren<QDateTimeEdit*>();
        QCOMPARE(edits.size(), 2);
        edits[0]->setDateTime(QDateTime(QDate(2001, 1, 1), QTime(0, 0), QTimeZone::utc()));
        edits[1]->setDateTime(QDateTime(QDate(2001, 1, 2), QTime(0, 0), QTimeZone::utc()));
        auto* make = window->findChildren<QPushButton*>().value(0);
        QVERIFY(make && make->isEnabled());
        make->click();
        QVERIFY(QTest::qWaitFor(
            [&] {
                for (QLabel* label : window->findChildren<QLabel*>()) {
                    if (label->text().contains(QStringLiteral("keeps nothing")))
                        return true;
                }
                return false;
            },
            kTimeoutMs));
        QVERIFY(window->report().isEmpty());
        QVERIFY(!window->findChildren<QPushButton*>().value(1)->isEnabled()); // nothing to export
    }
};

QTEST_MAIN(TestCapacityReview)
#include "tst_capacityreview.moc"
