#include "wording.h"

#include "domainlabels.h"
#include "networkstate.h"

#include <QLocale>

namespace cpn {

namespace {

    QString percent(double ratio)
    {
        return QLocale().toString(ratio * 100, 'f', 0) + QLatin1Char('%');
    }

    QString number(double value, int decimals = 0)
    {
        return QLocale().toString(value, 'f', decimals);
    }

} // namespace

QString Wording::entityName(const NetworkState* state, const QString& id)
{
    if (!state)
        return id;
    if (const int s = state->siteIndex(id); s >= 0)
        return siteDisplayName(state->sites().at(s));
    if (const int l = state->linkIndex(id); l >= 0) {
        const QList<Site>& sites = state->sites();
        return tr("%1 – %2").arg(
            siteDisplayName(sites.at(state->linkSiteA(l))), siteDisplayName(sites.at(state->linkSiteB(l))));
    }
    if (const Region* region = state->region(id))
        return regionDisplayName(*region);
    return id;
}

QString Wording::alarm(const Alarm& a, const NetworkState* state)
{
    const QString source = entityName(state, a.sourceId);
    const QString code = a.code;
    QString text;
    if (code == QLatin1String("SITE_OFFLINE")) {
        text = a.count > 0 ? tr("%1 is offline; %n task(s) there are not being served.", nullptr, int(a.count)).arg(source)
                           : tr("%1 is offline.").arg(source);
    } else if (code == QLatin1String("SITE_DEGRADED")) {
        text = tr("%1 is degraded and running with reduced capacity; %n task(s) there.", nullptr, int(a.count))
                   .arg(source);
    } else if (code == QLatin1String("LINK_DOWN") && a.unit == QLatin1String("Gbps")) {
        text = tr("%1 is down: %2 Gbps of capacity lost, traffic reroutes.").arg(source, number(a.value));
    } else if (code == QLatin1String("LINK_DEGRADED") && a.unit == QLatin1String("Gbps")) {
        text = tr("%1 (%2 Gbps) is degraded.").arg(source, number(a.value));
    } else if (code == QLatin1String("SITE_HIGH_UTILISATION") && a.unit == QLatin1String("ratio")) {
        text = tr("%1 is %2 utilised, at or above %3.").arg(source, percent(a.value), percent(a.threshold));
    } else if (code == QLatin1String("LINK_CONGESTION") && a.unit == QLatin1String("ratio")) {
        text = tr("%1 is %2 utilised, above %3.").arg(source, percent(a.value), percent(a.threshold));
    } else if (code == QLatin1String("LATENCY_SLO") && !a.relatedId.isEmpty()) {
        const QString users = entityName(state, a.relatedId);
        const QString worst = a.unit == QLatin1String("ms")
            ? tr("users at %1 are %2 ms away against an SLO of %3 ms").arg(users, number(a.value, 1), number(a.threshold))
            : tr("users at %1 have no path to it").arg(users);
        text = tr("%n latency-bound task(s) at %1 miss their latency SLO; worst: %2.", nullptr, int(a.count))
                   .arg(source, worst);
    } else if (code == QLatin1String("MIGRATION_FAILED") && !(state && state->migrations().contains(a.sourceId))) {
        text = tr("Migration %1 failed.").arg(a.sourceId); // no longer held: what it was is not known here
    } else if (code == QLatin1String("MIGRATION_FAILED")) {
        const Migration& m = state->migrations().value(a.sourceId);
        const QString why = cause(m); // "rolled back" is said already
        text = (m.state == MigrationState::RolledBack ? tr("Migration %1 of task %2 from %3 to %4 was rolled back")
                                                       : tr("Migration %1 of task %2 from %3 to %4 failed"))
                   .arg(m.id, m.taskId, entityName(state, m.sourceSiteId), entityName(state, m.targetSiteId))
            + (why.isEmpty() ? tr(".") : tr(": %1.").arg(why));
    } else if (code == QLatin1String("GREEN_SURPLUS") && !a.relatedId.isEmpty()) {
        text = tr("Night wind: surplus green power in %1, electricity at valley prices. Move latency-tolerant work "
                  "here.")
                   .arg(entityName(state, a.relatedId));
    } else if (code == QLatin1String("NODE_DOWN") && !a.relatedId.isEmpty()) {
        text = tr("Node %1 is down.").arg(a.relatedId);
    } else if (code == QLatin1String("NODE_NOT_RESPONDING") && !a.relatedId.isEmpty()) {
        text = tr("Node %1 does not respond.").arg(a.relatedId);
    } else if (code == QLatin1String("NODE_INVALID") && !a.relatedId.isEmpty()) {
        text = tr("Node %1 registered with fewer resources than configured.").arg(a.relatedId);
    } else if (code == QLatin1String("NODE_DRAINED") && !a.relatedId.isEmpty()) {
        text = tr("Node %1 is drained.").arg(a.relatedId);
    } else if (code == QLatin1String("SCHEDULER_UNREACHABLE")) {
        text = tr("The scheduler's controller does not answer; the state shown is the last one received.");
    } else {
        return a.message; // a code this console does not know: the server's words
    }
    if (!a.detail.isEmpty())
        text += QLatin1Char(' ') + tr("(scheduler: %1)").arg(a.detail);
    return text;
}

QString Wording::violation(const Violation& v, const NetworkState* state)
{
    const QString entity = entityName(state, v.entityId);
    QString text;
    switch (v.code) {
    case ViolationCode::InsufficientCapacity:
        if (v.unit != QLatin1String("cards"))
            return v.message;
        text = tr("%1 has %2 free cards of the task's architecture; the task needs %3.")
                   .arg(entity, number(v.value), number(v.threshold));
        if (!v.detail.isEmpty())
            text += QLatin1Char(' ') + tr("The scheduler expects it could start there at %1.").arg(v.detail);
        return text;
    case ViolationCode::ArchitectureMismatch:
        return v.entityId.isEmpty() ? v.message : tr("%1 has no cards of the architecture the task needs.").arg(entity);
    case ViolationCode::LatencySlo:
        if (v.entityId.isEmpty())
            return v.message;
        return v.unit == QLatin1String("ms")
            ? tr("Users at %1 would be %2 ms from the target; the latency SLO is %3 ms.")
                  .arg(entity, number(v.value, 1), number(v.threshold))
            : tr("No path from the users at %1 to the target.").arg(entity);
    case ViolationCode::DataResidency:
        return v.entityId.isEmpty() ? v.message
                                    : tr("The task's data must stay in its allowed regions; the target is in %1.").arg(entity);
    case ViolationCode::TargetUnavailable: {
        if (v.entityId.isEmpty())
            return v.message;
        const int s = state ? state->siteIndex(v.entityId) : -1;
        text = s >= 0 ? tr("%1 is %2 and takes no new work.").arg(entity, siteStatusName(state->sites().at(s).status))
                      : tr("%1 takes no new work.").arg(entity);
        if (!v.detail.isEmpty())
            text += QLatin1Char(' ') + tr("(scheduler: %1)").arg(v.detail);
        return text;
    }
    case ViolationCode::NoRoute:
        return v.entityId.isEmpty() ? v.message : tr("No path to %1 has spare bandwidth.").arg(entity);
    case ViolationCode::TaskBusy:
        return v.entityId.isEmpty() ? v.message : tr("The task is already being moved (migration %1).").arg(v.entityId);
    case ViolationCode::OtherPlatform: // the console's own words already
    case ViolationCode::Unknown:
        break;
    }
    return v.message;
}

QString Wording::failure(const Migration& m)
{
    QString text = cause(m);
    if (m.state == MigrationState::RolledBack && !m.failureCode.isEmpty() && text != m.failureReason)
        text = tr("%1; rolled back, the task runs at its source again").arg(text);
    return text;
}

QString Wording::cause(const Migration& m)
{
    static const QHash<QString, const char*> causes {
        { QStringLiteral("SOURCE_OFFLINE"), QT_TR_NOOP("the source site went offline") },
        { QStringLiteral("TARGET_OFFLINE"), QT_TR_NOOP("the target site went offline") },
        { QStringLiteral("CANCELLED"), QT_TR_NOOP("cancelled by an operator; the task stays at its source") },
        { QStringLiteral("PATH_CUT"), QT_TR_NOOP("its path was cut and no other path has spare bandwidth") },
        { QStringLiteral("NO_ROUTE"), QT_TR_NOOP("no path had spare bandwidth when its turn came") },
        { QStringLiteral("TRANSFER_INTERRUPTED"), QT_TR_NOOP("the transfer was interrupted by a fault on the path") },
        { QStringLiteral("CHECKSUM_FAILED"), QT_TR_NOOP("the checkpoint failed its checksum at the target") },
        { QStringLiteral("TARGET_STORAGE_FAILED"), QT_TR_NOOP("the target's storage stopped accepting data") },
        { QStringLiteral("RESTORE_FAILED"), QT_TR_NOOP("the task did not come up at the target") },
        { QStringLiteral("RESTORE_REJECTED"), QT_TR_NOOP("the target's scheduler rejected the restored task") },
        { QStringLiteral("MOVE_TIMEOUT"), QT_TR_NOOP("the scheduler did not let the job be moved in time") },
        { QStringLiteral("START_TIMEOUT"), QT_TR_NOOP("it did not start at the target in time") },
        { QStringLiteral("SCHEDULER_REFUSED"), QT_TR_NOOP("the scheduler refused a command") },
        { QStringLiteral("RETURN_REFUSED"),
            QT_TR_NOOP("the scheduler refused to put it back; it was released where it is") },
        { QStringLiteral("JOB_LEFT_QUEUE"), QT_TR_NOOP("the job left the scheduler's queue") },
    };
    const char* words = causes.value(m.failureCode);
    if (!words)
        return m.failureReason; // none, or a code this console does not know: the server's words
    QString text = tr(words);
    if (!m.failureDetail.isEmpty())
        text += QLatin1Char(' ') + tr("(scheduler: %1)").arg(m.failureDetail);
    return text;
}

} // namespace cpn
