#pragma once
// Translated, user-visible names of the domain's enums.

#include "domain.h"

#include <QDateTime>

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
// The region's name in the UI language when the scheduler gave both.
QString regionDisplayName(const Region& region);
// A short label for an alarm code the console knows (SITE_OFFLINE, LINK_DOWN, ...); the code
// itself for one it does not.
QString alarmCodeName(const QString& code);
// A wall time of the network in Beijing time (UTC+8, no daylight saving): "MM-dd HH:mm:ss";
// empty for 0.
QString beijingTimeText(qint64 msSinceEpoch);
// Beijing time (UTC+8, no daylight saving), in which the console shows every moment.
inline constexpr qint64 kBeijingOffsetMs = 8 * 3600 * 1000;
QDateTime beijingDateTime(qint64 msSinceEpoch);

} // namespace cpn
