#pragma once
// A what-if shown on the map before a migration starts: the path it would take and the loads
// the sites and links involved would have afterwards (MapView::setMigrationPreview). Also what
// a contingency would do: the elements that fail, the displaced work's flows, and the loads of
// the sites and links that take it.

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
    QHash<QString, double> linkUtilisationAfter; // link id -> 0..1 (along the path or not)
    QStringList failedIds; // sites and links that fail: crossed out
    struct Flow {
        QString sourceSiteId;
        QString targetSiteId;
        double pflops = 0;
    };
    QList<Flow> flows; // displaced work, straight from where it ran to where it goes
};

} // namespace cpn
