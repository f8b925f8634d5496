#include "dispatchlabels.h"

#include "domainlabels.h"
#include "networkstate.h"

#include <QCoreApplication>
#include <QLocale>

#include <cmath>

namespace cpn {

namespace {
    // One translation context for these words that lupdate can see.
    struct Dispatch {
        Q_DECLARE_TR_FUNCTIONS(cpn::Dispatch)
    };

    // Where each phase starts on the overall progress bar.
    constexpr double kTransferStart = 0.1;
    constexpr double kRestoreStart = 0.9;
}

QString violationName(ViolationCode code)
{
    switch (code) {
    case ViolationCode::InsufficientCapacity:
        return Dispatch::tr("Not enough free cards");
    case ViolationCode::ArchitectureMismatch:
        return Dispatch::tr("Wrong accelerator architecture");
    case ViolationCode::LatencySlo:
        return Dispatch::tr("Too far from its users");
    case ViolationCode::DataResidency:
        return Dispatch::tr("Data must stay in its region");
    case ViolationCode::TargetUnavailable:
        return Dispatch::tr("Target unavailable");
    case ViolationCode::NoRoute:
        return Dispatch::tr("No path with spare bandwidth");
    case ViolationCode::TaskBusy:
        return Dispatch::tr("Task already moving");
    case ViolationCode::OtherPlatform:
        return Dispatch::tr("Another platform's site");
    case ViolationCode::Unknown:
        break;
    }
    return Dispatch::tr("Not allowed");
}

QString commandKindName(CommandKind kind)
{
    switch (kind) {
    case CommandKind::StartMigration:
        return Dispatch::tr("Start migration");
    case CommandKind::CancelMigration:
        return Dispatch::tr("Cancel migration");
    case CommandKind::DrainSite:
        return Dispatch::tr("Drain site");
    }
    return {};
}

QString commandOutcomeName(CommandOutcome outcome)
{
    switch (outcome) {
    case CommandOutcome::Pending:
        return Dispatch::tr("Waiting for an answer");
    case CommandOutcome::Succeeded:
        return Dispatch::tr("Done");
    case CommandOutcome::Failed:
        return Dispatch::tr("Refused");
    case CommandOutcome::Abandoned:
        return Dispatch::tr("Abandoned");
    }
    return {};
}

QString formatDuration(double seconds)
{
    const QLocale locale;
    if (!std::isfinite(seconds) || seconds < 0)
        return QStringLiteral("-");
    const qint64 s = qint64(std::llround(seconds));
    if (s < 60)
        return Dispatch::tr("%1 s").arg(locale.toString(s));
    if (s < 3600)
        return Dispatch::tr("%1 min %2 s").arg(locale.toString(s / 60), locale.toString(s % 60));
    return Dispatch::tr("%1 h %2 min")
        .arg(locale.toString(s / 3600), QStringLiteral("%1").arg((s % 3600) / 60, 2, 10, QLatin1Char('0')));
}

QString formatBytes(double bytes)
{
    const QLocale locale;
    if (bytes < 1e9)
        return Dispatch::tr("%1 MB").arg(locale.toString(bytes / 1e6, 'f', 0));
    if (bytes < 1e12)
        return Dispatch::tr("%1 GB").arg(locale.toString(bytes / 1e9, 'f', 1));
    return Dispatch::tr("%1 TB").arg(locale.toString(bytes / 1e12, 'f', 1));
}

double migrationProgress(const Migration& m)
{
    switch (m.state) {
    case MigrationState::Planned:
    case MigrationState::Unknown:
        return 0;
    case MigrationState::Checkpointing:
        return kTransferStart / 2;
    case MigrationState::Transferring: {
        const double done = m.bytesTotal > 0 ? double(m.bytesDone) / double(m.bytesTotal) : 1.0;
        return kTransferStart + (kRestoreStart - kTransferStart) * std::clamp(done, 0.0, 1.0);
    }
    case MigrationState::Restoring:
        return (kRestoreStart + 1) / 2;
    case MigrationState::Completed:
        return 1;
    case MigrationState::Failed:
    case MigrationState::Cancelled:
    case MigrationState::RolledBack:
        return m.bytesTotal > 0 ? kTransferStart
                + (kRestoreStart - kTransferStart) * std::clamp(double(m.bytesDone) / double(m.bytesTotal), 0.0, 1.0)
                                : 0;
    }
    return 0;
}

QString siteName(const NetworkState* state, const QString& siteId)
{
    if (state) {
        if (const int i = state->siteIndex(siteId); i >= 0)
            return siteDisplayName(state->sites().at(i));
    }
    return siteId;
}

QStringList pathSiteNames(const NetworkState* state, const QString& sourceSiteId, const QStringList& pathLinkIds)
{
    QStringList names { siteName(state, sourceSiteId) };
    QString at = sourceSiteId;
    for (const QString& linkId : pathLinkIds) {
        const int l = state ? state->linkIndex(linkId) : -1;
        if (l < 0) {
            names.append(QStringLiteral("?"));
            continue;
        }
        const Link& link = state->links().at(l);
        at = link.siteAId == at ? link.siteBId : link.siteAId;
        names.append(siteName(state, at));
    }
    return names;
}

QString commandSummary(const DispatchCommand& c, const NetworkState* state)
{
    switch (c.kind) {
    case CommandKind::StartMigration:
        return Dispatch::tr("Move %1 to %2").arg(c.taskId, siteName(state, c.siteId));
    case CommandKind::CancelMigration:
        return Dispatch::tr("Cancel %1").arg(c.migrationId);
    case CommandKind::DrainSite:
        return c.maxConcurrent > 0
            ? Dispatch::tr("Drain %1 (%n at once)", nullptr, c.maxConcurrent).arg(siteName(state, c.siteId))
            : Dispatch::tr("Drain %1").arg(siteName(state, c.siteId));
    }
    return {};
}

QString commandOutcomeText(const DispatchCommand& c)
{
    switch (c.outcome) {
    case CommandOutcome::Pending:
        return Dispatch::tr("Waiting for an answer (%n attempt(s))", nullptr, c.attempts);
    case CommandOutcome::Succeeded:
        switch (c.kind) {
        case CommandKind::StartMigration:
            return Dispatch::tr("Started %1").arg(c.migrationId);
        case CommandKind::CancelMigration:
            return Dispatch::tr("Cancelled %1").arg(c.migrationId);
        case CommandKind::DrainSite:
            return c.drainUnplaced > 0
                ? Dispatch::tr("%n migration(s) planned", nullptr, c.drainMigrations) + QStringLiteral("; ")
                    + Dispatch::tr("%n task(s) without a target", nullptr, c.drainUnplaced)
                : Dispatch::tr("%n migration(s) planned", nullptr, c.drainMigrations);
        }
        break;
    case CommandOutcome::Failed:
        return Dispatch::tr("Refused (%1): %2").arg(c.outcomeCode, c.outcomeText.section(QLatin1Char('\n'), 0, 0));
    case CommandOutcome::Abandoned:
        return Dispatch::tr("Abandoned: its scheduler stopped before it answered");
    }
    return {};
}

} // namespace cpn
