// console.*: the real cpn-console process at huge (and, as huge_and_2_national, with a huge and
// two national schedulers connected at once as three platforms), connecting with --connect to a standalone
// `cpn-mock-scheduler --scale huge` that is already running and serving. The scheduler's own
// start (building 1M tasks) is not counted here: it is mock.start.huge_s.
//
// start_to_live: from starting the console process to the first change after the snapshot
// applied on its GUI thread (snapshot, every task page, the first Watch frames), as the console
// reports it with --timing. peak_rss: the console's peak resident memory (VmHWM) at exit.
// longest_stall: the longest that input waited on the console's GUI thread (a pipe written
// every 5 ms by another thread, read through a QSocketNotifier as window-system input is) during
// --screenshot-after seconds of streaming, until the screenshot is taken; start_stall: the same
// for input that came before it was live (waiting until after it or not).

#include "benchregistry.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cstdio>
#include <memory>

namespace cpn::bench {

namespace {

    QString sibling(const QString& relative)
    {
        // cpn-bench lives in <build>/bench; the executables in <build>/app and <build>/mock.
        return QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(relative);
    }

    int freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    bool waitForPort(int port, int timeoutMs)
    {
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < timeoutMs) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, quint16(port));
            if (socket.waitForConnected(200))
                return true;
            QThread::msleep(200);
        }
        return false;
    }

    // A standalone mock scheduler serving on a free port; null when it does not come up.
    std::unique_ptr<QProcess> startMock(const QString& scale, int* port)
    {
        *port = freePort();
        auto mock = std::make_unique<QProcess>();
        mock->setProgram(sibling(QStringLiteral("../mock/cpn-mock-scheduler")));
        mock->setArguments({ QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(*port),
            QStringLiteral("--scale"), scale });
        mock->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        mock->start();
        if (!mock->waitForStarted() || !waitForPort(*port, 120000)) {
            std::fprintf(stderr, "cpn-bench: the %s mock scheduler did not start\n", qPrintable(scale));
            mock->kill();
            mock->waitForFinished();
            return nullptr;
        }
        return mock;
    }

    void stopMock(QProcess& mock)
    {
        mock.terminate();
        if (!mock.waitForFinished(10000)) {
            mock.kill();
            mock.waitForFinished();
        }
    }

    // Runs the console against `connect` (its --connect values) and reports its figures under
    // `name` (e.g. "huge": console.start_to_live.huge_s).
    void measureConsole(const Options& options, const QStringList& connect, const QString& name)
    {
        QElapsedTimer timer;
        const int runs = std::clamp(options.repeats, 1, 3);
        std::vector<double> live;
        std::vector<double> rss;
        std::vector<double> stall;
        std::vector<double> startStall;
        for (int run = 0; run < runs; ++run) {
            QProcess console;
            console.setProgram(sibling(QStringLiteral("../app/cpn-console")));
            const QString shot = QDir::temp().absoluteFilePath(QStringLiteral("cpn-bench-console.png"));
            QStringList arguments;
            for (const QString& c : connect)
                arguments << QStringLiteral("--connect") << c;
            arguments << QStringLiteral("--timing") << QStringLiteral("--screenshot") << shot
                      << QStringLiteral("--screenshot-after") << QStringLiteral("10") << QStringLiteral("--journal")
                      << QDir::temp().absoluteFilePath(QStringLiteral("cpn-bench-journal.sqlite"));
            console.setArguments(arguments);
            console.setProcessChannelMode(QProcess::ForwardedErrorChannel); // its stalls, named
            timer.start();
            console.start();
            double liveSeconds = -1;
            QByteArray out;
            while (console.state() != QProcess::NotRunning || console.bytesAvailable() > 0) {
                console.waitForReadyRead(100);
                out += console.readAllStandardOutput();
                if (liveSeconds < 0 && out.contains("live "))
                    liveSeconds = timer.elapsed() / 1000.0;
                if (timer.elapsed() > 180000) {
                    console.kill();
                    break;
                }
            }
            console.waitForFinished();
            std::fprintf(stderr, "cpn-bench: console (%s) run %d: %s", qPrintable(name), run + 1,
                out.replace('\n', "; ").constData());
            std::fprintf(stderr, "\n");
            for (const QByteArray& line : out.split(';')) {
                const QList<QByteArray> parts = line.trimmed().split(' ');
                if (parts.size() != 2)
                    continue;
                const double value = parts[1].toDouble();
                if (parts[0] == "peak_rss_mb")
                    rss.push_back(value);
                else if (parts[0] == "longest_stall_ms")
                    stall.push_back(value);
                else if (parts[0] == "start_stall_ms")
                    startStall.push_back(value);
            }
            if (liveSeconds >= 0)
                live.push_back(liveSeconds);
        }
        if (live.empty()) {
            std::fprintf(stderr, "cpn-bench: the console (%s) never went live\n", qPrintable(name));
            return;
        }
        // Each figure beside its target (DESIGN.md's performance table; the same for both cases).
        report(QStringLiteral("console.start_to_live.%1_s").arg(name), median(live), "s");
        report(QStringLiteral("console.start_to_live.%1_target_s").arg(name), 5, "s");
        if (!rss.empty()) {
            report(QStringLiteral("console.peak_rss.%1_mb").arg(name), *std::max_element(rss.begin(), rss.end()), "MB");
            report(QStringLiteral("console.peak_rss.%1_target_mb").arg(name), 1536, "MB");
        }
        if (!stall.empty()) {
            report(QStringLiteral("console.longest_stall.%1_ms").arg(name),
                *std::max_element(stall.begin(), stall.end()), "ms");
            report(QStringLiteral("console.longest_stall.%1_target_ms").arg(name), 50, "ms");
        }
        if (!startStall.empty()) {
            report(QStringLiteral("console.start_stall.%1_ms").arg(name),
                *std::max_element(startStall.begin(), startStall.end()), "ms");
            report(QStringLiteral("console.start_stall.%1_target_ms").arg(name), 100, "ms");
        }
    }

    void runConsole(const Options& options)
    {
        if (!options.wants(QStringLiteral("huge")))
            return;
        QElapsedTimer timer;
        timer.start();
        int hugePort = 0;
        const auto huge = startMock(QStringLiteral("huge"), &hugePort);
        if (!huge)
            return;
        std::fprintf(
            stderr, "cpn-bench: huge mock scheduler serving after %.1f s (not counted)\n", timer.elapsed() / 1000.0);
        const QString hugeAddress = QStringLiteral("127.0.0.1:%1").arg(hugePort);
        measureConsole(options, { hugeAddress }, QStringLiteral("huge"));

        // DESIGN.md: one huge and two national platforms at once meet the same targets.
        int eastPort = 0, westPort = 0;
        const auto east = startMock(QStringLiteral("national"), &eastPort);
        const auto west = east ? startMock(QStringLiteral("national"), &westPort) : nullptr;
        if (east && west) {
            measureConsole(options,
                { QStringLiteral("huge=") + hugeAddress, QStringLiteral("east=127.0.0.1:%1").arg(eastPort),
                    QStringLiteral("west=127.0.0.1:%1").arg(westPort) },
                QStringLiteral("huge_and_2_national"));
        }
        for (QProcess* mock : { huge.get(), east.get(), west.get() }) {
            if (mock)
                stopMock(*mock);
        }
    }

} // namespace

CPN_BENCH_GROUP("console", 30, runConsole);

} // namespace cpn::bench
