// Connection health in the main window, against a real mock scheduler process: the console shows
// it is connected; kill the scheduler and it shows reconnecting and stale data, keeps its map (greyed,
// with a banner) and becomes read-only; restart the scheduler on the same port and it is live again.

#include "alarmcontroller.h"
#include "consolesession.h"
#include "dispatchcontroller.h"
#include "language.h"
#include "mainwindow.h"
#include "mapview.h"
#include "mockprocess.h"
#include "networkstate.h"
#include "statefeed.h"
#include "testconsole.h"

#include <QAction>
#include <QStandardPaths>
#include <QTest>

using namespace cpn;

namespace {

constexpr int kTimeoutMs = 30000;

const QStringList kFastArgs = MockProcess::reliableArgs();

// Saturation of the glyph of the first online national hub, as drawn on the map now.
double hubSaturation(MapView* map)
{
    const NetworkState* state = map->state();
    for (int i = 0; i < state->sites().size(); ++i) {
        const Site& site = state->sites().at(i);
        if (site.tier != SiteTier::NationalHub || site.status != SiteStatus::Online)
            continue;
        const QImage image = map->grab().toImage();
        return image.pixelColor(map->sitePosition(map->shownSiteOf(i)).toPoint()).hslSaturationF();
    }
    return -1;
}

} // namespace

class TestConnectionHealth : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Language::apply(QStringLiteral("en"));
    }

    void staleWhileTheSchedulerIsDownThenLiveAgain()
    {
        MockProcess mock;
        const int port = mock.start(0, kFastArgs);
        QVERIFY(port > 0);
        TestConsole console(mock.address());
        ConsoleSession& session = console.session;
        std::unique_ptr<MainWindow>& window = console.window;
        MapView* map = window->mapView();
        DispatchController* dispatch = window->dispatch();

        QTRY_VERIFY_WITH_TIMEOUT(window->connectionText().startsWith(QStringLiteral("Live")), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!session.state()->callerRole().isEmpty(), kTimeoutMs);
        QVERIFY(!map->isStale());
        QVERIFY2(hubSaturation(map) > 0.5, qPrintable(QString::number(hubSaturation(map))));
        QVERIFY(dispatch->isDispatchAllowed());
        QVERIFY(window->alarms()->isAcknowledgeAllowed());
        const int sites = int(session.state()->sites().size());
        QVERIFY(sites > 0);

        mock.kill();
        QTRY_VERIFY_WITH_TIMEOUT(window->connectionText().contains(QStringLiteral("stale since")), kTimeoutMs);
        QVERIFY2(window->connectionText().startsWith(QStringLiteral("Reconnecting"))
                || window->connectionText().startsWith(QStringLiteral("Connecting")),
            qPrintable(window->connectionText()));
        // The map keeps what it has, drawn as stale, and says since when.
        QVERIFY(map->isStale());
        QVERIFY(map->staleSince().isValid());
        QCOMPARE(int(session.state()->sites().size()), sites);
        QVERIFY(map->sitePosition(0) != QPointF());
        QVERIFY2(hubSaturation(map) < 0.3, qPrintable(QString::number(hubSaturation(map))));
        // Read-only: dispatching and acknowledging are off, and say why.
        QVERIFY(!dispatch->isDispatchAllowed());
        QVERIFY(!dispatch->drainSiteAction()->isEnabled());
        QVERIFY2(dispatch->drainSiteAction()->toolTip().contains(QStringLiteral("Not connected")),
            qPrintable(dispatch->drainSiteAction()->toolTip()));
        QVERIFY(!window->alarms()->isAcknowledgeAllowed());
        // The countdown moves with the clock.
        QTRY_VERIFY_WITH_TIMEOUT(window->connectionText().startsWith(QStringLiteral("Reconnecting in")), kTimeoutMs);

        MockProcess restarted;
        QCOMPARE(restarted.start(port, kFastArgs), port);
        QTRY_VERIFY_WITH_TIMEOUT(window->connectionText().startsWith(QStringLiteral("Live")), kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!map->isStale(), kTimeoutMs);
        QVERIFY(!window->connectionText().contains(QStringLiteral("stale")));
        QVERIFY2(hubSaturation(map) > 0.5, qPrintable(QString::number(hubSaturation(map))));
        QCOMPARE(int(session.state()->sites().size()), sites);
        QTRY_VERIFY_WITH_TIMEOUT(dispatch->isDispatchAllowed(), kTimeoutMs);
        QVERIFY(window->alarms()->isAcknowledgeAllowed());

        session.feed()->stop();
        window.reset();
        QCOMPARE(restarted.stop(), 0);
    }
};

QTEST_MAIN(TestConnectionHealth)
#include "tst_connectionhealth.moc"
