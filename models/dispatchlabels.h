#pragma once
// Translated, user-visible words for dispatching: violations, commands and their outcomes,
// durations and sizes, a migration's overall progress and the sites along its path.

#include "dispatchcommand.h"
#include "domain.h"

namespace cpn {

class NetworkState;

QString violationName(ViolationCode code);
QString commandKindName(CommandKind kind);
QString commandOutcomeName(CommandOutcome outcome);
// "45 s", "3 min 20 s", "2 h 05 min" (in the UI language).
QString formatDuration(double seconds);
// "850 MB", "12.4 GB", "3.1 TB".
QString formatBytes(double bytes);
// 0..1 over the whole migration: checkpoint, transfer (by bytes), restore.
double migrationProgress(const Migration& migration);
// Display names of the sites from source to target along the path's links; ids when unknown.
QStringList pathSiteNames(const NetworkState* state, const QString& sourceSiteId, const QStringList& pathLinkIds);
// The site's display name, or its id when the state does not know it.
QString siteName(const NetworkState* state, const QString& siteId);
// What a command does, in a line: "Move t-00001234 to Gui'an", "Drain Beijing (4 at once)".
QString commandSummary(const DispatchCommand& command, const NetworkState* state);
// What came of it: "Started mig-000012", "Refused (FAILED_PRECONDITION): ...", "Waiting for an answer (3 attempts)".
QString commandOutcomeText(const DispatchCommand& command);

} // namespace cpn
