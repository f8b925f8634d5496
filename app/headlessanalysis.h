#pragma once
// --recommendations FILE.csv and --contingency-report FILE.csv: the decision-support analysis
// (models/recommendations.h, models/contingencies.h) written without a window, for a nightly job.
// Waits for every platform's snapshot and its tasks (a minute at most), takes the state, runs the
// analysis on a worker thread and writes one CSV row per recommendation and per contingency
// (UTF-8 with a BOM, RFC 4180, '.' decimals, snake_case headers); then the application exits:
// 0 written, 1 a file could not be written, 3 no data within a minute (CPN_REPORT_WAIT_MS sets
// another wait, as for --report).

#include "commandline.h"
#include "domain.h"

#include <QByteArray>
#include <QStringList>

namespace cpn {

class ConsoleSession;

namespace analysis {
struct RecommendationResult;
struct ContingencyResult;
struct AnalysisInput;
} // namespace analysis

void startHeadlessAnalysis(ConsoleSession& session, const ConsoleOptions& options);

// The files' header rows: stable column names a job can rely on.
QStringList recommendationCsvColumns();
QStringList contingencyCsvColumns();
// The files' text (BOM included), rows in the results' order; `sites` give the sites' names.
QByteArray recommendationsCsv(
    const analysis::RecommendationResult& result, const analysis::AnalysisInput& input, const QList<Site>& sites);
QByteArray contingenciesCsv(const analysis::ContingencyResult& result, const analysis::AnalysisInput& input);

} // namespace cpn
