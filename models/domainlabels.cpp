#include "domainlabels.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QLocale>
#include <QTimeZone>

namespace cpn {

namespace {
    // Gives the labels one translation context that lupdate can see.
    struct Domain {
        Q_DECLARE_TR_FUNCTIONS(cpn::Domain)
    };
}

QString tierName(SiteTier tier)
{
    switch (tier) {
    case SiteTier::NationalHub:
        return Domain::tr("National hub");
    case SiteTier::Cluster:
        return Domain::tr("Data-centre cluster");
    case SiteTier::Regional:
        return Domain::tr("Regional centre");
    case SiteTier::Edge:
        return Domain::tr("Edge site");
    case SiteTier::Unknown:
        break;
    }
    return Domain::tr("Unknown");
}

QString siteStatusName(SiteStatus status)
{
    switch (status) {
    case SiteStatus::Online:
        return Domain::tr("Online");
    case SiteStatus::Degraded:
        return Domain::tr("Degraded");
    case SiteStatus::Maintenance:
        return Domain::tr("Maintenance");
    case SiteStatus::Offline:
        return Domain::tr("Offline");
    case SiteStatus::Unknown:
        break;
    }
    return Domain::tr("Unknown");
}

QString linkStatusName(LinkStatus status)
{
    switch (status) {
    case LinkStatus::Up:
        return Domain::tr("Up");
    case LinkStatus::Degraded:
        return Domain::tr("Degraded");
    case LinkStatus::Down:
        return Domain::tr("Down");
    case LinkStatus::Unknown:
        break;
    }
    return Domain::tr("Unknown");
}

QString architectureName(Architecture architecture)
{
    switch (architecture) {
    case Architecture::NvidiaGpu:
        return Domain::tr("NVIDIA GPU");
    case Architecture::Ascend:
        return Domain::tr("Ascend");
    case Architecture::HygonDcu:
        return Domain::tr("Hygon DCU");
    case Architecture::CambriconMlu:
        return Domain::tr("Cambricon MLU");
    case Architecture::Kunlunxin:
        return Domain::tr("Kunlunxin");
    case Architecture::Cpu:
        return Domain::tr("CPU");
    case Architecture::Unknown:
        break;
    }
    return Domain::tr("Unknown");
}

QString taskKindName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Training:
        return Domain::tr("Training");
    case TaskKind::Inference:
        return Domain::tr("Inference");
    case TaskKind::Batch:
        return Domain::tr("Batch");
    case TaskKind::Rendering:
        return Domain::tr("Rendering");
    case TaskKind::Scientific:
        return Domain::tr("Scientific");
    case TaskKind::Storage:
        return Domain::tr("Storage");
    case TaskKind::Unknown:
        break;
    }
    return Domain::tr("Unknown");
}

QString taskStateName(TaskState state)
{
    switch (state) {
    case TaskState::Queued:
        return Domain::tr("Queued");
    case TaskState::Running:
        return Domain::tr("Running");
    case TaskState::Migrating:
        return Domain::tr("Migrating");
    case TaskState::Unknown:
        break;
    }
    return Domain::tr("Unknown");
}

QString migrationStateName(MigrationState state)
{
    switch (state) {
    case MigrationState::Planned:
        return Domain::tr("Planned");
    case MigrationState::Checkpointing:
        return Domain::tr("Checkpointing");
    case MigrationState::Transferring:
        return Domain::tr("Transferring");
    case MigrationState::Restoring:
        return Domain::tr("Restoring");
    case MigrationState::Completed:
        return Domain::tr("Completed");
    case MigrationState::Failed:
        return Domain::tr("Failed");
    case MigrationState::Cancelled:
        return Domain::tr("Cancelled");
    case MigrationState::RolledBack:
        return Domain::tr("Rolled back");
    case MigrationState::Unknown:
        break;
    }
    return Domain::tr("Unknown");
}

QString severityName(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Info:
        return Domain::tr("Info");
    case AlarmSeverity::Warning:
        return Domain::tr("Warning");
    case AlarmSeverity::Major:
        return Domain::tr("Major");
    case AlarmSeverity::Critical:
        return Domain::tr("Critical");
    case AlarmSeverity::Unknown:
        break;
    }
    return Domain::tr("Unknown");
}

QString siteDisplayName(const Site& site)
{
    const bool chinese = QLocale().language() == QLocale::Chinese;
    const QString& preferred = chinese ? site.nameZh : site.nameEn;
    const QString& other = chinese ? site.nameEn : site.nameZh;
    if (!preferred.isEmpty())
        return preferred;
    return other.isEmpty() ? site.id : other;
}

QString regionDisplayName(const Region& region)
{
    const bool chinese = QLocale().language() == QLocale::Chinese;
    const QString& preferred = chinese ? region.nameZh : region.nameEn;
    const QString& other = chinese ? region.nameEn : region.nameZh;
    if (!preferred.isEmpty())
        return preferred;
    return other.isEmpty() ? region.id : other;
}

QString alarmCodeName(const QString& code)
{
    static const QHash<QString, const char*> names {
        { QStringLiteral("SITE_OFFLINE"), QT_TRANSLATE_NOOP("cpn::Domain", "Site offline") },
        { QStringLiteral("LINK_DOWN"), QT_TRANSLATE_NOOP("cpn::Domain", "Link down") },
        { QStringLiteral("SITE_HIGH_UTILISATION"), QT_TRANSLATE_NOOP("cpn::Domain", "Site highly utilised") },
        { QStringLiteral("LINK_CONGESTION"), QT_TRANSLATE_NOOP("cpn::Domain", "Link congested") },
        { QStringLiteral("LATENCY_SLO"), QT_TRANSLATE_NOOP("cpn::Domain", "Latency SLO missed") },
        { QStringLiteral("MIGRATION_FAILED"), QT_TRANSLATE_NOOP("cpn::Domain", "Migration failed") },
        { QStringLiteral("SITE_DEGRADED"), QT_TRANSLATE_NOOP("cpn::Domain", "Site degraded") },
        { QStringLiteral("LINK_DEGRADED"), QT_TRANSLATE_NOOP("cpn::Domain", "Link degraded") },
        { QStringLiteral("NODE_DOWN"), QT_TRANSLATE_NOOP("cpn::Domain", "Node down") },
        { QStringLiteral("NODE_NOT_RESPONDING"), QT_TRANSLATE_NOOP("cpn::Domain", "Node not responding") },
        { QStringLiteral("NODE_INVALID"), QT_TRANSLATE_NOOP("cpn::Domain", "Node misconfigured") },
        { QStringLiteral("NODE_DRAINED"), QT_TRANSLATE_NOOP("cpn::Domain", "Node drained") },
        { QStringLiteral("SCHEDULER_UNREACHABLE"), QT_TRANSLATE_NOOP("cpn::Domain", "Scheduler unreachable") },
        { QStringLiteral("GREEN_SURPLUS"), QT_TRANSLATE_NOOP("cpn::Domain", "Green power surplus") },
    };
    const char* name = names.value(code);
    return name ? Domain::tr(name) : code;
}

QString beijingTimeText(qint64 msSinceEpoch)
{
    if (msSinceEpoch == 0)
        return {};
    return beijingDateTime(msSinceEpoch).toString(QStringLiteral("MM-dd HH:mm:ss"));
}

QDateTime beijingDateTime(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch, QTimeZone(int(kBeijingOffsetMs / 1000)));
}

} // namespace cpn
