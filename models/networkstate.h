#pragma once
// Live state of the network: sites, links and their latest metrics in flat arrays indexed by
// position, applied in batches on the GUI thread. Anything odd from a server is counted as a
// warning and skipped, never trusted.

#include "domain.h"

#include <QHash>
#include <QObject>

#include <optional>
#include <vector>

namespace cpn {

class NetworkState final : public QObject {
    Q_OBJECT
public:
    explicit NetworkState(QObject* parent = nullptr);

    void applyBatch(const StateBatch& batch);
    // Starts `prepared` (a new state) as a copy of this one, for a snapshot of one platform among
    // several to be applied to on another thread (cheap: the containers are shared until written).
    void copyTo(NetworkState& prepared) const;
    // Takes over everything `prepared` holds, as applyBatch() of the batch it applied would have
    // done here: a snapshot's 10,000 sites and 50,000 links take longer than a frame to check and
    // index, so the console applies it to a state of its own on a worker thread and swaps.
    // `prepared` (emptied) must no longer be used by its thread.
    void adopt(NetworkState& prepared);

    // What the console knows of one platform (its part of the network comes with its snapshots).
    struct Platform {
        quint64 revision = 0;
        qint64 simTimeMs = 0;
        double timeScale = 1;
        QString scale;
        // Role the scheduler gave this console's token ("viewer", "operator"); empty = not said.
        QString callerRole;
        bool hasSnapshot = false;
    };
    // The platforms heard from, by name ("" for the console's one unnamed platform).
    QStringList platforms() const;
    const Platform& platform(const QString& name) const;
    // Drops a platform's part (sites, links, migrations, alarms): it was removed from the console.
    void removePlatform(const QString& name);

    // Of the one platform when there is one; with several, the newest revision and time, and the
    // role only when all platforms give the same.
    quint64 revision() const;
    qint64 simTimeMs() const;
    double timeScale() const;
    QString scale() const;
    QString callerRole() const;
    // Any platform's snapshot is in.
    bool hasSnapshot() const;

    const QList<Region>& regions() const { return m_regions; }
    const QList<Site>& sites() const { return m_sites; }
    const QList<Link>& links() const { return m_links; }
    // Same order as sites() / links(); a site or link with no metrics yet has zeros.
    const QList<SiteMetrics>& siteMetrics() const { return m_siteMetrics; }
    const QList<LinkMetrics>& linkMetrics() const { return m_linkMetrics; }
    // Index of each link's end points in sites().
    int linkSiteA(int linkIndex) const { return m_linkEnds.at(linkIndex).first; }
    int linkSiteB(int linkIndex) const { return m_linkEnds.at(linkIndex).second; }
    // False for a link that is down or whose end site is offline: nothing crosses it.
    bool linkInService(int linkIndex) const
    {
        return m_links.at(linkIndex).status != LinkStatus::Down
            && m_sites.at(linkSiteA(linkIndex)).status != SiteStatus::Offline
            && m_sites.at(linkSiteB(linkIndex)).status != SiteStatus::Offline;
    }

    // Two platforms may report the same physical site: the same id in the sites' own namespace
    // (the id without its platform), or the same name at the same place. The map shows one of
    // them, the primary: of the platform first in setPlatformPriority() (then by name). For each
    // site, the index of its primary, or -1 when it is a primary or reported once.
    int duplicateOf(int site) const { return site < int(m_duplicateOf.size()) ? m_duplicateOf[site] : -1; }
    // The sites that duplicate `site` (a primary).
    QList<int> duplicatesOf(int site) const;
    // The same physical site as reported by `platform`: its index, or -1 when that platform
    // does not report it.
    int sameSiteOn(int site, const QString& platform) const;
    // Whose report of a shared site is shown, first first. A change re-chooses (topologyReset).
    void setPlatformPriority(const QStringList& platforms);

    int siteIndex(const QString& id) const { return m_siteIndex.value(id, -1); }
    int linkIndex(const QString& id) const { return m_linkIndex.value(id, -1); }
    const Region* region(const QString& id) const;

    const QHash<QString, Migration>& migrations() const { return m_migrations; }
    // The unfinished migration of a task, or null.
    const Migration* activeMigrationOfTask(const QString& taskId) const;
    const QHash<QString, Alarm>& alarms() const { return m_alarms; }
    int activeAlarmCount() const;

    // Replay: the metrics and statuses of a past moment shown in place of the live ones, from the
    // frame of each platform that had data then (a platform left out had none: its sites and
    // links show no metrics and their live status). Live changes keep coming in underneath and
    // show again with showLive(); a new snapshot keeps the past shown.
    void showPast(qint64 timeMs, const QHash<QString, MetricsFrame>& frames);
    void showLive();
    bool isPast() const { return m_live.has_value(); }
    qint64 pastTimeMs() const { return m_live ? m_pastTimeMs : 0; }
    bool hasPastData(const QString& platform) const { return m_live && m_pastFrames.contains(platform); }
    // The live metrics, also while a past moment is shown (same order as sites() / links()).
    const QList<SiteMetrics>& liveSiteMetrics() const { return m_live ? m_live->siteMetrics : m_siteMetrics; }
    const QList<LinkMetrics>& liveLinkMetrics() const { return m_live ? m_live->linkMetrics : m_linkMetrics; }

    // Server data that was malformed or referred to something unknown.
    int warningCount() const { return m_warningCount; }
    QString lastWarning() const { return m_lastWarning; }
    // Events that arrived with a revision at or below one already applied (never applied).
    int duplicateEventCount() const { return m_duplicateEvents; }

signals:
    // The topology was replaced (new snapshot): indexes may all have changed.
    void topologyReset();
    // Sites or links changed (status, metrics): indexes into sites() / links().
    void sitesChanged(const QList<int>& siteIndexes);
    void linksChanged(const QList<int>& linkIndexes);
    void migrationsChanged();
    // The migrations upserted by a batch (not sent on a snapshot: topologyReset covers that).
    void migrationsUpdated(const QStringList& migrationIds);
    void alarmsChanged();
    void revisionChanged(quint64 revision);
    void warningRaised(const QString& message, int warningCount);
    // A past moment was shown, another one, or the live state again (sitesChanged and
    // linksChanged come first).
    void pastChanged();
    // While a past moment is shown: the live metrics underneath changed (sitesChanged and
    // linksChanged are of what is shown).
    void liveMetricsChanged(const QList<int>& siteIndexes, const QList<int>& linkIndexes);

private:
    void resetTo(const QString& platform, const Snapshot& snapshot);
    void addSites(const QList<Site>& sites);
    void reindexMigrations();
    void findDuplicates();
    void applyMetrics(const MetricsFrame& frame, QList<int>& sitesDirty, QList<int>& linksDirty,
        QList<int>& liveSitesDirty, QList<int>& liveLinksDirty);
    // Writes `frame` into `sites` and `links` (indexed as m_sites and m_links), checking it;
    // `sitesDirty`, `linksDirty` get the indexes written, and `statusOf` the site and link
    // statuses the frame states when given.
    void writeMetrics(const MetricsFrame& frame, QList<SiteMetrics>& sites, QList<LinkMetrics>& links,
        QList<int>* sitesDirty, QList<int>* linksDirty, const QString* statusOf = nullptr);
    // Replay (networkstatepast.cpp): the live arrays back in place, without signals, before a
    // change of topology; then the past shown again over the new one.
    void restoreLive();
    void applyPast();
    // A past moment of one platform that lists every site and link in this state's order, each
    // valid (the usual answer): shown with the frame's lists shared, not copied entry by entry.
    // False, and nothing changed, for any other frame.
    bool showWholeFrame(const QString& platform, const MetricsFrame& frame);
    // A metric sample a console can trust: finite, not negative, ratios within 0..1.
    static bool validMetrics(const SiteMetrics& m);
    static bool validMetrics(const LinkMetrics& m);
    void emitAllChanged();
    void upsertSite(const Site& site, QList<int>& sitesDirty);
    void upsertLink(const Link& link, QList<int>& linksDirty);
    bool addLink(const Link& link);
    void warn(const QString& message);
    void indexMigration(const Migration& migration);
    // Inserts or updates `item`, keeping at most `max` (the finished make room first); false
    // when it was not kept.
    template <typename T> bool keepBounded(QHash<QString, T>& table, const T& item, qsizetype max);
    void warnDropped();
    // warningRaised, once for whatever warn() gathered since the last time.
    void reportWarnings();

    QHash<QString, Platform> m_platforms;
    QList<Region> m_regions;
    QList<Site> m_sites;
    QList<Link> m_links;
    QList<SiteMetrics> m_siteMetrics;
    QList<LinkMetrics> m_linkMetrics;
    QList<QPair<int, int>> m_linkEnds;
    QHash<QString, int> m_siteIndex;
    std::vector<int> m_duplicateOf;
    QStringList m_priority;
    QHash<QString, int> m_linkIndex;
    QHash<QString, Migration> m_migrations;
    QHash<QString, QString> m_activeMigrationByTask; // task id -> migration id
    QHash<QString, Alarm> m_alarms;
    int m_warningCount = 0;
    int m_warningsReported = 0;
    int m_duplicateEvents = 0;
    int m_droppedThisBatch = 0; // alarms and migrations not kept (keepBounded)
    bool m_prunedThisBatch = false;
    QString m_lastWarning;
    // While a past moment is shown: the live values it hides (same indexes), and the moment.
    struct Live {
        QList<Site> sites;
        QList<Link> links;
        QList<SiteMetrics> siteMetrics;
        QList<LinkMetrics> linkMetrics;
    };
    std::optional<Live> m_live;
    QHash<QString, MetricsFrame> m_pastFrames; // by platform
    qint64 m_pastTimeMs = 0;
};

} // namespace cpn
