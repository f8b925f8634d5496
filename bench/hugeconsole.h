#pragma once
// What the replay and report benches both measure against: a huge mock scheduler (10,000 sites,
// 50,000 links, 1M tasks) in-process, and the whole console (session, main window, offscreen)
// connected to it over gRPC on loopback, as --connect would; and how long the GUI thread was
// held while some work ran. Include first: the mock's engine names a member `slots`, which Qt
// headers define as a macro.

#include "mockserver.h"

#include "consolesession.h"
#include "mainwindow.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <memory>

namespace cpn::bench {

struct HugeConsole {
    std::unique_ptr<mock::MockServer> server;
    QTemporaryDir dir; // the console's journal
    ConsoleSession session;
    std::unique_ptr<MainWindow> window;

    // Starts the mock and the console (1600x960); false, said on stderr, when the mock does not start.
    bool start();
};

// The longest the GUI thread was late for a 5 ms timer while `work` ran the event loop, ms.
template <typename Work> double longestStall(Work&& work)
{
    QElapsedTimer gap;
    double longest = 0;
    QTimer probe;
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        longest = std::max(longest, double(gap.nsecsElapsed()) / 1e6 - 5);
        gap.restart();
    });
    gap.start();
    probe.start();
    work();
    probe.stop();
    return longest;
}

} // namespace cpn::bench
