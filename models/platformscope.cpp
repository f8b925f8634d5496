#include "platformscope.h"

#include <QStringBuilder>

namespace cpn {

QString PlatformScope::qualify(const QString& id) const
{
    if (m_name.isEmpty() || id.isEmpty())
        return id;
    return m_name % QLatin1Char('/') % id; // one allocation (a million task ids at huge)
}

bool PlatformScope::owns(const QString& consoleId) const
{
    if (m_name.isEmpty())
        return true;
    return consoleId.size() > m_name.size() + 1 && consoleId.startsWith(m_name)
        && consoleId.at(m_name.size()) == QLatin1Char('/');
}

QString PlatformScope::local(const QString& id) const
{
    if (m_name.isEmpty() || !owns(id))
        return id;
    return id.mid(m_name.size() + 1);
}

void PlatformScope::qualify(QStringList& ids) const
{
    if (m_name.isEmpty())
        return;
    for (QString& id : ids)
        id = qualify(id);
}

void PlatformScope::qualify(Site& site) const
{
    site.platform = m_name;
    site.id = qualify(site.id);
    site.parentSiteId = qualify(site.parentSiteId);
}

void PlatformScope::qualify(Link& link) const
{
    link.platform = m_name;
    link.id = qualify(link.id);
    link.siteAId = qualify(link.siteAId);
    link.siteBId = qualify(link.siteBId);
}

void PlatformScope::qualify(SiteMetrics& metrics) const
{
    metrics.siteId = qualify(metrics.siteId);
}

void PlatformScope::qualify(LinkMetrics& metrics) const
{
    metrics.linkId = qualify(metrics.linkId);
}

void PlatformScope::qualify(Task& task) const
{
    task.platform = m_name;
    task.id = qualify(task.id);
    task.siteId = qualify(task.siteId);
    task.usersSiteId = qualify(task.usersSiteId);
}

void PlatformScope::qualify(TaskRemoved& removed) const
{
    removed.taskId = qualify(removed.taskId);
    removed.siteId = qualify(removed.siteId);
}

void PlatformScope::qualify(Migration& migration) const
{
    migration.platform = m_name;
    migration.id = qualify(migration.id);
    migration.taskId = qualify(migration.taskId);
    migration.sourceSiteId = qualify(migration.sourceSiteId);
    migration.targetSiteId = qualify(migration.targetSiteId);
    qualify(migration.pathLinkIds);
    // Request ids are the console's own (unique already) and stay as they are.
}

void PlatformScope::qualify(Alarm& alarm) const
{
    alarm.platform = m_name;
    alarm.id = qualify(alarm.id);
    alarm.sourceId = qualify(alarm.sourceId);
    if (alarm.code == QLatin1String("LATENCY_SLO")) // a site; a node's name or a region is not
        alarm.relatedId = qualify(alarm.relatedId);
}

void PlatformScope::qualify(MetricsFrame& frame) const
{
    qualify(frame.sites);
    qualify(frame.links);
}

void PlatformScope::qualify(Snapshot& snapshot) const
{
    qualify(snapshot.sites);
    qualify(snapshot.links);
    qualify(snapshot.siteMetrics);
    qualify(snapshot.linkMetrics);
    qualify(snapshot.alarms);
    qualify(snapshot.migrations);
}

void PlatformScope::qualify(StateEvent& event) const
{
    if (m_name.isEmpty())
        return;
    std::visit(
        [this](auto& change) {
            if constexpr (!std::is_same_v<std::decay_t<decltype(change)>, std::monostate>)
                qualify(change);
        },
        event.change);
}

void PlatformScope::qualify(MigrationPlan& plan) const
{
    plan.taskId = qualify(plan.taskId);
    plan.sourceSiteId = qualify(plan.sourceSiteId);
    plan.targetSiteId = qualify(plan.targetSiteId);
    qualify(plan.pathLinkIds);
    for (ProjectedLoad& load : plan.projectedSiteLoads)
        load.entityId = qualify(load.entityId);
    for (ProjectedLoad& load : plan.projectedLinkLoads)
        load.entityId = qualify(load.entityId);
    for (Violation& v : plan.violations) {
        if (v.code != ViolationCode::DataResidency) // a region: the nation's, never qualified
            v.entityId = qualify(v.entityId);
    }
}

void PlatformScope::qualify(DrainResult& result) const
{
    result.siteId = qualify(result.siteId);
    qualify(result.migrations);
    qualify(result.unplacedTaskIds);
}

} // namespace cpn
