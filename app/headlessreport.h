#pragma once
// --report FILE: the capacity report written without a window, for a ministry's nightly job.
// Waits for every platform's snapshot (a minute at most), asks them for the period's figures,
// builds the report of the scope and writes it; then the application exits: 0 written, 1 the
// file could not be written, 2 the scope names nothing known, 3 no data within a minute (no
// snapshot, or no platform kept anything of the period).

#include "commandline.h"

namespace cpn {

class ConsoleSession;

void startHeadlessReport(ConsoleSession& session, const ConsoleOptions& options);

// What the headless runs (--report, --recommendations) share: how long they wait for data (a
// minute; CPN_REPORT_WAIT_MS sets another wait, for the tests' unreachable platform), a line on
// stdout (stderr for an error), and the end of the run with its exit code.
int headlessWaitMs();
void headlessSay(const QString& message, bool error);
void headlessFinish(const QString& message, int code);

} // namespace cpn
