#pragma once
// A what-if shown on the map before a migration starts: the path it would take and the loads
// the sites and links involved would have afterwards (MapView::setMigrationPreview).

#include <QHash>
#include <QString>
#include <QStringList>

namespace cpn {

struct MigrationPreview {
    QString taskId;
    QString sourceSiteId;
    QString targetSiteId;
    QStringList pathLinkIds; // from source to target
    QHash<QString, double> siteUtilisationAfter; // site id -> 0..1
    QHash<QString, double> linkUtilisationAfter; // link id -> 0..1
};

} // namespace cpn
