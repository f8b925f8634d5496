// report.*: a week's national capacity report of a huge network (10,000 sites), as ministry staff
// make one in the capacity review window: the real console (session, main window, the window,
// offscreen) against an in-process mock scheduler over gRPC on loopback, as --connect would.
//
// week_huge_ms: from asking (the period chosen) to the report on show: GetCapacityReport (the
// server reads a week of history), its conversion on a worker thread, the report built on
// another, the window's tables and charts filled. Median of the repeats.
// week_longest_stall_huge_ms: the longest the GUI thread did not get to a 5 ms timer meanwhile.
// pdf_huge_ms, pdf_longest_stall_huge_ms: the same for writing the report as PDF from the window.

#include "hugeconsole.h" // first: it includes the mock's engine

#include "benchregistry.h"

#include "capacityreview.h"
#include "capacityreviewwindow.h"
#include "consolesession.h"
#include "mainwindow.h"
#include "networkstate.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <cstdio>

namespace cpn::bench {

namespace {

    void runReport(const Options& options)
    {
        if (!options.wants(QStringLiteral("huge")))
            return;
        HugeConsole console;
        if (!console.start())
            return;
        ConsoleSession& session = console.session;
        MainWindow& window = *console.window;
        if (!QTest::qWaitFor([&] { return session.state()->hasSnapshot(); }, 300000)) {
            std::fprintf(stderr, "cpn-bench: the console did not go live against the huge mock\n");
            return;
        }
        QTest::qWait(5000); // the task pages streaming in meanwhile, as a user would find them

        window.capacityReview()->action()->trigger();
        CapacityReviewWindow* review = window.capacityReview()->window();
        auto* period = review->findChildren<QComboBox*>().value(0);
        std::vector<double> weekMs;
        std::vector<double> stalls;
        for (int i = 0; i < std::clamp(options.repeats, 1, 5); ++i) {
            // Another period and back: each a report asked anew.
            period->setCurrentIndex(0);
            const auto isDay = [&] {
                const CapacityReport& r = review->report();
                return !r.isEmpty() && r.requestedToMs - r.requestedFromMs < 2 * 24 * 3600 * 1000LL;
            };
            if (!QTest::qWaitFor(isDay, 120000)) {
                std::fprintf(stderr, "cpn-bench: the day's report never came\n");
                return;
            }
            QElapsedTimer timer;
            double took = -1;
            stalls.push_back(longestStall([&] {
                timer.start();
                period->setCurrentIndex(1);
                if (QTest::qWaitFor(
                        [&] {
                            const CapacityReport& r = review->report();
                            return !r.isEmpty() && r.requestedToMs - r.requestedFromMs == 7 * 24 * 3600 * 1000LL;
                        },
                        120000))
                    took = double(timer.nsecsElapsed()) / 1e6;
            }));
            if (took < 0) {
                std::fprintf(stderr, "cpn-bench: the week's report never came\n");
                return;
            }
            weekMs.push_back(took);
        }
        report(QStringLiteral("report.week.huge_ms"), median(weekMs), "ms");
        report(QStringLiteral("report.week_longest_stall.huge_ms"), *std::max_element(stalls.begin(), stalls.end()), "ms");

        QSignalSpy exported(review, &CapacityReviewWindow::exported);
        QElapsedTimer timer;
        double pdfMs = -1;
        const double pdfStall = longestStall([&] {
            timer.start();
            review->exportTo(console.dir.filePath(QStringLiteral("week.pdf")));
            if (exported.wait(120000))
                pdfMs = double(timer.nsecsElapsed()) / 1e6;
        });
        if (pdfMs >= 0) {
            report(QStringLiteral("report.pdf.huge_ms"), pdfMs, "ms");
            report(QStringLiteral("report.pdf_longest_stall.huge_ms"), pdfStall, "ms");
        }
    }

} // namespace

CPN_BENCH_GROUP("report", 36, runReport);

} // namespace cpn::bench
