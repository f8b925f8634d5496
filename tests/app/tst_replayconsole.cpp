// Replay: the map at a past moment. Against a mock scheduler over gRPC whose clock the test
// moves: the values the console shows for a past moment are QueryHistory's for that moment; a
// moment the scheduler does not keep is said; nothing is dispatched from the past; the timeline
// bar is driven by mouse and keys; a past moment shown survives a lost connection.

// The mock's headers name a member `slots`: they go before any Qt header defines that keyword.
#include "mocktesthelpers.h"

#include "dispatchcontroller.h"
#include "domainlabels.h"
#include "mapview.h"
#include "platformlink.h"
#include "statefeed.h"
#include "replayclient.h"
#include "replaycontroller.h"
#include "tasktablepanel.h"
#include "tcpproxy.h"
#include "testconsole.h"
#include "timelinebar.h"

#include <QAction>
#include <QSettings>
#include <QTableView>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

#include <cmath>

using namespace cpn;
using namespace cpn::testing;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr int kTimeoutMs = 30000;

// The value QueryHistory gives for `metric` of `entity` at the sample at or before `timeMs`.
std::optional<std::pair<qint64, double>> historyAt(
    const Client& client, const QString& entity, const char* metric, qint64 timeMs)
{
    v1::QueryHistoryRequest request;
    request.set_entity_id(entity.toStdString());
    request.set_metric(metric);
    request.set_from_ms(timeMs - 20 * kMinute);
    request.set_to_ms(timeMs);
    v1::QueryHistoryResponse response;
    if (!client.state->QueryHistory(client.context().get(), request, &response).ok() || response.points().empty())
        return std::nullopt;
    const auto& last = *response.points().rbegin();
    return std::pair { last.time_ms(), last.value() };
}

bool near(double a, double b)
{
    return std::abs(a - b) <= 1e-6 * std::max(1.0, std::abs(b));
}

} // namespace

class TestReplayConsole : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
    }

    void pastMomentIsTheHistorysMoment()
    {
        auto server = startManualServer(7);
        QVERIFY(server);
        advanceMinutes(*server, 90);
        TestConsole console(QString::fromStdString(server->address()));
        QVERIFY(console.waitForLiveData());
        ReplayController* replay = console.window->replay();
        replay->refreshTimeline();
        QTRY_VERIFY_WITH_TIMEOUT(replay->keptTo() > 0, kTimeoutMs);
        // The bar's span: the week kept, up to now.
        const qint64 now = console.session.state()->simTimeMs();
        QVERIFY(replay->keptTo() <= now);
        QVERIFY(replay->keptFrom() < now - 6 * 24 * 60 * kMinute);
        QCOMPARE(replay->bar()->spanTo(), std::max(now, replay->keptTo()));

        const NetworkState* state = console.session.state();
        const qint64 moment = now - 47 * kMinute + 20 * 1000; // between two samples
        QSignalSpy shown(replay, &ReplayController::momentShown);
        replay->seek(moment);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeoutMs);
        QVERIFY(state->isPast());
        QCOMPARE(state->pastTimeMs(), moment);

        const Client client(server->address());
        int compared = 0;
        for (int i = 0; i < state->sites().size() && compared < 5; i += 7) {
            const SiteMetrics& shownMetrics = state->siteMetrics().at(i);
            const auto power = historyAt(client, state->sites().at(i).id, "power_mw", moment);
            const auto load = historyAt(client, state->sites().at(i).id, "utilisation", moment);
            QVERIFY(power && load);
            QCOMPARE(shownMetrics.sampleTimeMs, power->first);
            QVERIFY(power->first <= moment && power->first > moment - kMinute);
            QVERIFY2(near(shownMetrics.powerMw, power->second),
                qPrintable(QStringLiteral("%1 vs %2").arg(shownMetrics.powerMw).arg(power->second)));
            QVERIFY2(near(shownMetrics.utilisation, load->second),
                qPrintable(QStringLiteral("%1 vs %2").arg(shownMetrics.utilisation).arg(load->second)));
            ++compared;
        }
        for (int i = 0; i < 5; ++i) {
            const int l = i * 11 % int(state->links().size());
            const auto ab = historyAt(client, state->links().at(l).id, "throughput_ab_gbps", moment);
            QVERIFY(ab);
            QVERIFY(near(state->linkMetrics().at(l).throughputAbGbps, ab->second));
        }
        // Statuses of then: every site of a normal network was online.
        QVERIFY(std::all_of(state->sites().cbegin(), state->sites().cend(),
            [](const Site& s) { return s.status != SiteStatus::Unknown; }));

        // Live again: the live values, and the banner gone.
        replay->goLive();
        QVERIFY(!state->isPast());
        QVERIFY(state->siteMetrics().at(0).sampleTimeMs > moment);
        QVERIFY(!console.window->findChild<QWidget*>(QStringLiteral("PastBanner"))->isVisible());
    }

    void momentNotKeptIsSaid()
    {
        auto server = startManualServer(8);
        QVERIFY(server);
        ReplayClient client({ QString::fromStdString(server->address()), {} });
        QSignalSpy failed(&client, &ReplayClient::momentFailed);
        QSignalSpy received(&client, &ReplayClient::momentReceived);
        client.fetchMoment(1000); // 1970
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kTimeoutMs);
        QCOMPARE(failed.at(0).at(2).toString(), QStringLiteral("OUT_OF_RANGE"));
        const qint64 from = failed.at(0).at(4).toLongLong();
        const qint64 to = failed.at(0).at(5).toLongLong();
        QVERIFY(from > 0 && to > from);
        // The future is not kept either.
        client.fetchMoment(to + 24 * 60 * kMinute);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 2, kTimeoutMs);
        QCOMPARE(failed.at(1).at(2).toString(), QStringLiteral("OUT_OF_RANGE"));
        // A cancelled call answers nothing.
        const quint64 id = client.fetchMoment(to);
        client.cancel(id);
        client.fetchMoment(from);
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, kTimeoutMs);
        QCOMPARE(received.at(0).at(1).toLongLong(), from);
        QTest::qWait(200);
        QCOMPARE(received.count(), 1);

        // In the console: a moment before what is kept shows the oldest kept.
        TestConsole console(QString::fromStdString(server->address()));
        QVERIFY(console.waitForLiveData());
        ReplayController* replay = console.window->replay();
        replay->refreshTimeline();
        QTRY_VERIFY_WITH_TIMEOUT(replay->keptTo() > 0, kTimeoutMs);
        QSignalSpy shown(replay, &ReplayController::momentShown);
        replay->seek(replay->keptFrom() - 3 * 24 * 60 * kMinute);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeoutMs);
        QCOMPARE(console.session.state()->pastTimeMs(), replay->keptFrom());
        QVERIFY(console.session.state()->hasPastData(QString()));
        // After the newest sample is now: live.
        replay->seek(replay->keptTo() + 1);
        QVERIFY(!console.session.state()->isPast());
    }

    void nothingIsDispatchedFromThePast()
    {
        auto server = startManualServer(9);
        QVERIFY(server);
        advanceMinutes(*server, 10);
        TestConsole console(QString::fromStdString(server->address()));
        QVERIFY(console.waitForLiveData());
        DispatchController* dispatch = console.window->dispatch();
        TaskTablePanel* tasks = console.window->taskPanel();
        tasks->view()->setCurrentIndex(tasks->view()->model()->index(0, 0));
        const QString task = tasks->currentTaskId();
        QVERIFY(!task.isEmpty());
        QTRY_VERIFY(dispatch->moveTaskAction()->isEnabled());

        ReplayController* replay = console.window->replay();
        replay->refreshTimeline();
        QTRY_VERIFY_WITH_TIMEOUT(replay->keptTo() > 0, kTimeoutMs);
        QSignalSpy shown(replay, &ReplayController::momentShown);
        replay->seek(replay->keptTo() - 5 * kMinute);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeoutMs);
        QVERIFY(!dispatch->isDispatchAllowed());
        QVERIFY(!dispatch->moveTaskAction()->isEnabled());
        QVERIFY(!dispatch->drainSiteAction()->isEnabled());
        QVERIFY(dispatch->moveTaskAction()->toolTip().contains(QStringLiteral("past")));
        QVERIFY(!dispatch->openMigrationDialog(task));
        auto* banner = console.window->findChild<QWidget*>(QStringLiteral("PastBanner"));
        QVERIFY(banner->isVisible());
        QVERIFY(console.window->findChild<QLabel*>(QStringLiteral("PastBannerText"))->text().contains(
            beijingTimeText(replay->keptTo() - 5 * kMinute)));

        // The banner's button: live, and dispatch again.
        QTest::mouseClick(console.window->findChild<QPushButton*>(QStringLiteral("PastBannerLive")), Qt::LeftButton);
        QVERIFY(!console.session.state()->isPast());
        QVERIFY(!banner->isVisible());
        QTRY_VERIFY(dispatch->moveTaskAction()->isEnabled());
    }

    void timelineBarDrivenByMouseAndKeys()
    {
        auto server = startManualServer(10);
        QVERIFY(server);
        advanceMinutes(*server, 30);
        TestConsole console(QString::fromStdString(server->address()));
        QVERIFY(console.waitForLiveData());
        ReplayController* replay = console.window->replay();
        TimelineBar* bar = replay->bar();
        QVERIFY(bar->isVisible());
        // Ctrl+Shift+T hides and shows it.
        replay->toggleAction()->trigger();
        QVERIFY(!bar->isVisible());
        replay->toggleAction()->trigger();
        QVERIFY(bar->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(replay->keptTo() > 0, kTimeoutMs);

        // A click on the track: the moment under the mouse (within a pixel's worth).
        QSignalSpy shown(replay, &ReplayController::momentShown);
        const qint64 wanted = bar->spanTo() - (bar->spanTo() - bar->spanFrom()) / 4;
        QWidget* track = bar->findChild<QWidget*>(QStringLiteral("TimelineTrack"));
        QTest::mouseClick(track, Qt::LeftButton, {}, track->mapFrom(bar, bar->pointAt(wanted)));
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeoutMs);
        const qint64 pixel = (bar->spanTo() - bar->spanFrom()) / std::max(1, track->width());
        QVERIFY(std::abs(replay->moment() - wanted) <= 2 * pixel);
        QVERIFY(bar->isPast());
        QCOMPARE(bar->position(), replay->moment());

        // Keys: a sample back and forward (a minute apart there), Space, End.
        bar->setFocus();
        const qint64 before = replay->moment();
        QTest::keyClick(bar, Qt::Key_Right);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 2, kTimeoutMs);
        const qint64 afterRight = replay->moment();
        QVERIFY(afterRight > before);
        QVERIFY(afterRight - before <= 15 * kMinute);
        QCOMPARE(console.session.state()->siteMetrics().at(0).sampleTimeMs, afterRight);
        QTest::keyClick(bar, Qt::Key_Left);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 3, kTimeoutMs);
        QVERIFY(replay->moment() < afterRight);

        QTest::keyClick(bar, Qt::Key_Space);
        QVERIFY(bar->isPlaying());
        const qint64 playFrom = replay->moment();
        QTRY_VERIFY_WITH_TIMEOUT(replay->moment() > playFrom, kTimeoutMs); // 600x: minutes a second
        QTest::keyClick(bar, Qt::Key_Space);
        QVERIFY(!bar->isPlaying());
        QTest::keyClick(bar, Qt::Key_End);
        QVERIFY(!console.session.state()->isPast());
        QVERIFY(!bar->isPast());

        // In the week before, a quarter of an hour a step.
        bar->setWindow(0);
        const qint64 old = replay->keptFrom() + 2 * 60 * kMinute + 7 * kMinute;
        replay->seek(old);
        QTRY_VERIFY_WITH_TIMEOUT(bar->isPast() && console.session.state()->pastTimeMs() == old, kTimeoutMs);
        const int shownBefore = int(shown.count());
        QTest::keyClick(bar, Qt::Key_Right);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), shownBefore + 1, kTimeoutMs);
        QCOMPARE(console.session.state()->siteMetrics().at(0).sampleTimeMs % (15 * kMinute), 0);
        QCOMPARE(replay->moment() - (old - old % (15 * kMinute)), 15 * kMinute);
    }

    // One platform gone does not hold up the past of the others: it is shown without data, and
    // the banner says so.
    void aPlatformGoneHasNoPast()
    {
        auto east = startManualServer(21);
        auto west = startManualServer(22);
        QVERIFY(east && west);
        advanceMinutes(*east, 10);
        advanceMinutes(*west, 10);
        auto named = [](const QString& name, const mock::MockServer& server) {
            ConnectionSettings settings { QString::fromStdString(server.address()), {} };
            settings.platform = name;
            return settings;
        };
        TestConsole console({ named(QStringLiteral("east"), *east), named(QStringLiteral("west"), *west) });
        QTRY_VERIFY_WITH_TIMEOUT(console.session.state()->platform(QStringLiteral("east")).hasSnapshot
                && console.session.state()->platform(QStringLiteral("west")).hasSnapshot,
            kTimeoutMs);
        ReplayController* replay = console.window->replay();
        QTRY_VERIFY_WITH_TIMEOUT(replay->keptTo() > 0, kTimeoutMs);
        west.reset();
        QTRY_VERIFY_WITH_TIMEOUT(
            console.session.platform(QStringLiteral("west"))->connectionState() != ConnectionState::Live, kTimeoutMs);
        QSignalSpy shown(replay, &ReplayController::momentShown);
        replay->seek(replay->keptTo() - 20 * kMinute);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, 5000);
        const NetworkState* state = console.session.state();
        QVERIFY(state->hasPastData(QStringLiteral("east")));
        QVERIFY(!state->hasPastData(QStringLiteral("west")));
        QVERIFY(console.window->findChild<QLabel*>(QStringLiteral("PastBannerText"))->text().contains(
            QStringLiteral("west")));
        QVERIFY(console.window->findChild<MapView*>()->stalePlatforms().contains(QStringLiteral("west")));
        QVERIFY(!console.window->findChild<MapView*>()->stalePlatforms().contains(QStringLiteral("east")));
    }

    void pastSurvivesALostConnection()
    {
        auto server = startManualServer(12);
        QVERIFY(server);
        advanceMinutes(*server, 20);
        TcpProxy proxy(quint16(server->port()));
        TestConsole console(QStringLiteral("127.0.0.1:%1").arg(proxy.port()));
        QVERIFY(console.waitForLiveData());
        ReplayController* replay = console.window->replay();
        replay->refreshTimeline();
        QTRY_VERIFY_WITH_TIMEOUT(replay->keptTo() > 0, kTimeoutMs);
        QSignalSpy shown(replay, &ReplayController::momentShown);
        const qint64 moment = replay->keptTo() - 12 * kMinute;
        replay->seek(moment);
        QTRY_COMPARE_WITH_TIMEOUT(shown.count(), 1, kTimeoutMs);
        const NetworkState* state = console.session.state();
        const QList<SiteMetrics> then = state->siteMetrics();

        // The connection cut: the stream resumes where it was.
        auto samePast = [&] {
            QVERIFY(state->isPast());
            QCOMPARE(state->pastTimeMs(), moment);
            QCOMPARE(state->siteMetrics().size(), then.size());
            for (int i = 0; i < then.size(); i += 13) {
                QCOMPARE(state->siteMetrics().at(i).sampleTimeMs, then.at(i).sampleTimeMs);
                QCOMPARE(state->siteMetrics().at(i).powerMw, then.at(i).powerMw);
            }
        };
        const int connections = proxy.connectionCount();
        proxy.cutAll();
        advanceMinutes(*server, 3);
        QTRY_VERIFY_WITH_TIMEOUT(proxy.connectionCount() > connections, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(state->revision() >= server->simulation()->events().currentRevision(), kTimeoutMs);
        samePast();
        // The scheduler restarted: a new snapshot replaces the network under the past shown.
        QSignalSpy resets(state, &NetworkState::topologyReset);
        const int port = server->port();
        server.reset();
        server = startManualServer(12, port);
        QVERIFY(server);
        advanceMinutes(*server, 25);
        QTRY_VERIFY_WITH_TIMEOUT(resets.count() > 0, kTimeoutMs);
        samePast();
        // Live again: what the scheduler says now, three minutes on.
        replay->goLive();
        QTRY_VERIFY_WITH_TIMEOUT(state->siteMetrics().at(0).sampleTimeMs > replay->keptTo() - kMinute, kTimeoutMs);
    }
};

QTEST_MAIN(TestReplayConsole)
#include "tst_replayconsole.moc"
