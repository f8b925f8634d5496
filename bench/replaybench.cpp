// replay.*: the console going to past moments of a huge network (10,000 sites, 50,000 links),
// the real console (session, main window, replay controller, offscreen) against an in-process
// mock scheduler over gRPC on loopback, as --connect would.
//
// seek_huge_ms: from asking for a moment not fetched yet (ReplayController::seek) to the map
// repainted with it: the GetMetricsAt stream (about 60,000 entries in parts), its conversion on a
// worker thread, the state written on the GUI thread, one full repaint of the map. Median and
// worst of moments 37 minutes apart over the last day.
// seek_cached_huge_ms: the same for a moment already fetched (stepping back and forth).
// play_600x_longest_stall_huge_ms: the longest the GUI thread did not get to a 5 ms timer while
// playing at 600x for 10 s; play_600x_moments_per_s: moments shown per second meanwhile.

#include "hugeconsole.h" // first: it includes the mock's engine

#include "benchregistry.h"

#include "consolesession.h"
#include "mainwindow.h"
#include "mapview.h"
#include "networkstate.h"
#include "replaycontroller.h"
#include "tasktablemodel.h"
#include "timelinebar.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace cpn::bench {

namespace {

    constexpr qint64 kMinute = 60 * 1000;

    // Waits for `spy` to hold `count` signals; false after `timeoutMs`.
    bool waitFor(QSignalSpy& spy, int count, int timeoutMs)
    {
        return QTest::qWaitFor([&] { return spy.count() >= count; }, timeoutMs);
    }

    void runReplay(const Options& options)
    {
        if (!options.wants(QStringLiteral("huge")))
            return;
        HugeConsole console;
        if (!console.start())
            return;
        ConsoleSession& session = console.session;
        MainWindow& window = *console.window;
        ReplayController* replay = window.replay();
        if (!QTest::qWaitFor([&] { return session.tasks()->rowCount() > 500000; }, 300000)
            || !QTest::qWaitFor([&] { return replay->keptTo() > 0; }, 60000)) {
            std::fprintf(stderr, "cpn-bench: the console did not go live against the huge mock\n");
            return;
        }
        // Every task page in (the count grows no more than the churn), then live a few seconds.
        for (int rows = 0, waits = 0; waits < 60 && session.tasks()->rowCount() > rows + rows / 100; ++waits) {
            rows = session.tasks()->rowCount();
            QTest::qWait(2000);
        }
        QTest::qWait(3000);
        MapView* map = window.findChild<MapView*>();
        QSignalSpy shown(replay, &ReplayController::momentShown);
        const auto seekAndDraw = [&](qint64 moment) {
            QElapsedTimer timer;
            timer.start();
            const int before = int(shown.count());
            replay->seek(moment);
            if (!waitFor(shown, before + 1, 60000))
                return -1.0;
            map->repaint();
            return double(timer.nsecsElapsed()) / 1e6;
        };

        const int moments = std::clamp(options.repeats, 3, 12);
        std::vector<double> fresh;
        std::vector<double> cached;
        const qint64 newest = replay->keptTo();
        for (int i = 0; i < moments; ++i) {
            const double ms = seekAndDraw(newest - (i + 1) * 37 * kMinute);
            if (ms < 0) {
                std::fprintf(stderr, "cpn-bench: a past moment never came\n");
                return;
            }
            fresh.push_back(ms);
            // Back to the one before (still kept).
            if (i > 0)
                cached.push_back(seekAndDraw(newest - i * 37 * kMinute));
        }
        report(QStringLiteral("replay.seek.huge_ms"), median(fresh), "ms");
        report(QStringLiteral("replay.seek.huge_max_ms"), *std::max_element(fresh.begin(), fresh.end()), "ms");
        if (!cached.empty())
            report(QStringLiteral("replay.seek_cached.huge_ms"), median(cached), "ms");

        // Playing at 600x: a minute's sample every 100 ms.
        replay->seek(replay->keptTo() - 3 * 60 * kMinute);
        waitFor(shown, int(shown.count()) + 1, 60000);
        replay->setSpeed(600);
        const int before = int(shown.count());
        const double longest = longestStall([&] {
            replay->play(true);
            QTest::qWait(10000);
            replay->play(false);
        });
        report(QStringLiteral("replay.play_600x_longest_stall.huge_ms"), longest, "ms");
        report(QStringLiteral("replay.play_600x_moments_per_s.huge"), (shown.count() - before) / 10.0, "/s");
        replay->goLive();
    }

} // namespace

CPN_BENCH_GROUP("replay", 35, runReplay);

} // namespace cpn::bench
