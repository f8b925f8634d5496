#pragma once
// Translated, user-visible names of the domain's enums.

#include "domain.h"

namespace cpn {

QString tierName(SiteTier tier);
QString siteStatusName(SiteStatus status);
QString linkStatusName(LinkStatus status);
QString architectureName(Architecture architecture);
QString taskKindName(TaskKind kind);
QString taskStateName(TaskState state);
QString migrationStateName(MigrationState state);
QString severityName(AlarmSeverity severity);
// The site's name in the UI language when the scheduler gave both.
QString siteDisplayName(const Site& site);

} // namespace cpn
