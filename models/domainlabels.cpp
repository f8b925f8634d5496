#include "domainlabels.h"

#include <QCoreApplication>
#include <QLocale>

namespace cpn {

namespace {
    QString tr(const char* text) { return QCoreApplication::translate("cpn::Domain", text); }
}

QString tierName(SiteTier tier)
{
    switch (tier) {
    case SiteTier::NationalHub:
        return tr("National hub");
    case SiteTier::Cluster:
        return tr("Data-centre cluster");
    case SiteTier::Regional:
        return tr("Regional centre");
    case SiteTier::Edge:
        return tr("Edge site");
    case SiteTier::Unknown:
        break;
    }
    return tr("Unknown");
}

QString siteStatusName(SiteStatus status)
{
    switch (status) {
    case SiteStatus::Online:
        return tr("Online");
    case SiteStatus::Degraded:
        return tr("Degraded");
    case SiteStatus::Maintenance:
        return tr("Maintenance");
    case SiteStatus::Offline:
        return tr("Offline");
    case SiteStatus::Unknown:
        break;
    }
    return tr("Unknown");
}

QString linkStatusName(LinkStatus status)
{
    switch (status) {
    case LinkStatus::Up:
        return tr("Up");
    case LinkStatus::Degraded:
        return tr("Degraded");
    case LinkStatus::Down:
        return tr("Down");
    case LinkStatus::Unknown:
        break;
    }
    return tr("Unknown");
}

QString architectureName(Architecture architecture)
{
    switch (architecture) {
    case Architecture::NvidiaGpu:
        return tr("NVIDIA GPU");
    case Architecture::Ascend:
        return tr("Ascend");
    case Architecture::HygonDcu:
        return tr("Hygon DCU");
    case Architecture::CambriconMlu:
        return tr("Cambricon MLU");
    case Architecture::Kunlunxin:
        return tr("Kunlunxin");
    case Architecture::Cpu:
        return tr("CPU");
    case Architecture::Unknown:
        break;
    }
    return tr("Unknown");
}

QString taskKindName(TaskKind kind)
{
    switch (kind) {
    case TaskKind::Training:
        return tr("Training");
    case TaskKind::Inference:
        return tr("Inference");
    case TaskKind::Batch:
        return tr("Batch");
    case TaskKind::Rendering:
        return tr("Rendering");
    case TaskKind::Scientific:
        return tr("Scientific");
    case TaskKind::Storage:
        return tr("Storage");
    case TaskKind::Unknown:
        break;
    }
    return tr("Unknown");
}

QString taskStateName(TaskState state)
{
    switch (state) {
    case TaskState::Queued:
        return tr("Queued");
    case TaskState::Running:
        return tr("Running");
    case TaskState::Migrating:
        return tr("Migrating");
    case TaskState::Unknown:
        break;
    }
    return tr("Unknown");
}

QString migrationStateName(MigrationState state)
{
    switch (state) {
    case MigrationState::Planned:
        return tr("Planned");
    case MigrationState::Checkpointing:
        return tr("Checkpointing");
    case MigrationState::Transferring:
        return tr("Transferring");
    case MigrationState::Restoring:
        return tr("Restoring");
    case MigrationState::Completed:
        return tr("Completed");
    case MigrationState::Failed:
        return tr("Failed");
    case MigrationState::Cancelled:
        return tr("Cancelled");
    case MigrationState::RolledBack:
        return tr("Rolled back");
    case MigrationState::Unknown:
        break;
    }
    return tr("Unknown");
}

QString severityName(AlarmSeverity severity)
{
    switch (severity) {
    case AlarmSeverity::Info:
        return tr("Info");
    case AlarmSeverity::Warning:
        return tr("Warning");
    case AlarmSeverity::Major:
        return tr("Major");
    case AlarmSeverity::Critical:
        return tr("Critical");
    case AlarmSeverity::Unknown:
        break;
    }
    return tr("Unknown");
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

} // namespace cpn
