#include "networkstate.h"

#include <QLoggingCategory>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cpn {

Q_LOGGING_CATEGORY(lcData, "cpn.data")

namespace {

    bool isRatio(double v) { return std::isfinite(v) && v >= 0 && v <= 1.0 + 1e-9; }
    bool isNonNegative(double v) { return std::isfinite(v) && v >= 0; }

} // namespace

bool NetworkState::validMetrics(const SiteMetrics& m)
{
    if (!isRatio(m.utilisation) || !isNonNegative(m.powerMw) || !isNonNegative(m.pue)
        || !isRatio(m.greenShare) || !isNonNegative(m.priceCnyPerKwh))
        return false;
    return std::all_of(m.usage.cbegin(), m.usage.cend(),
        [](const AcceleratorUse& u) { return isRatio(u.utilisation) && isNonNegative(u.pflopsUsed); });
}

bool NetworkState::validMetrics(const LinkMetrics& m)
{
    return isNonNegative(m.throughputAbGbps) && isNonNegative(m.throughputBaGbps) && isRatio(m.utilisation)
        && isNonNegative(m.latencyMs) && isRatio(m.lossRatio);
}

namespace {

    void sortUnique(QList<int>& v)
    {
        std::sort(v.begin(), v.end());
        v.erase(std::unique(v.begin(), v.end()), v.end());
    }

    // What servers can make the console keep: tens of times what a huge network shows.
    constexpr qsizetype kMaxAlarms = 20000;
    constexpr qsizetype kMaxMigrations = 20000;

    bool isOver(const Alarm& a) { return !a.isActive(); }
    bool isOver(const Migration& m) { return isFinished(m.state); }

} // namespace

template <typename T> bool NetworkState::keepBounded(QHash<QString, T>& table, const T& item, qsizetype max)
{
    if (const auto it = table.find(item.id); it != table.end()) {
        *it = item;
        return true;
    }
    if (table.size() >= max && !m_prunedThisBatch) {
        // Full: the finished make room, at most once a batch (a scan of the table).
        m_prunedThisBatch = true;
        table.removeIf([](const auto& entry) { return isOver(entry.value()); });
    }
    if (table.size() >= max) {
        ++m_droppedThisBatch;
        return false;
    }
    table.insert(item.id, item);
    return true;
}

void NetworkState::warnDropped()
{
    if (m_droppedThisBatch > 0)
        warn(tr("%n alarm(s) or migration(s) not kept: the servers report more than %L1 unfinished", nullptr,
            m_droppedThisBatch)
                .arg(kMaxAlarms));
    m_droppedThisBatch = 0;
    m_prunedThisBatch = false;
}

NetworkState::NetworkState(QObject* parent)
    : QObject(parent)
{
}

const Region* NetworkState::region(const QString& id) const
{
    for (const auto& r : m_regions) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

QStringList NetworkState::platforms() const
{
    QStringList names = m_platforms.keys();
    names.sort();
    return names;
}

const NetworkState::Platform& NetworkState::platform(const QString& name) const
{
    static const Platform none;
    const auto it = m_platforms.constFind(name);
    return it == m_platforms.cend() ? none : *it;
}

bool NetworkState::hasSnapshot() const
{
    return std::any_of(m_platforms.cbegin(), m_platforms.cend(), [](const Platform& p) { return p.hasSnapshot; });
}

quint64 NetworkState::revision() const
{
    quint64 newest = 0;
    for (const Platform& p : m_platforms)
        newest = std::max(newest, p.revision);
    return newest;
}

qint64 NetworkState::simTimeMs() const
{
    qint64 newest = 0;
    for (const Platform& p : m_platforms)
        newest = std::max(newest, p.simTimeMs);
    return newest;
}

double NetworkState::timeScale() const
{
    return m_platforms.size() == 1 ? m_platforms.cbegin()->timeScale : 1;
}

QString NetworkState::scale() const
{
    return m_platforms.size() == 1 ? m_platforms.cbegin()->scale : QString();
}

QString NetworkState::callerRole() const
{
    QString role;
    for (auto it = m_platforms.cbegin(); it != m_platforms.cend(); ++it) {
        if (it != m_platforms.cbegin() && it->callerRole != role)
            return {};
        role = it->callerRole;
    }
    return role;
}

int NetworkState::activeAlarmCount() const
{
    return int(std::count_if(m_alarms.cbegin(), m_alarms.cend(), [](const Alarm& a) { return a.isActive(); }));
}

void NetworkState::warn(const QString& message)
{
    ++m_warningCount;
    m_lastWarning = message;
    // The log has the first ones and then one in a thousand: a flood of bad data does not flood it.
    if (m_warningCount <= 20 || m_warningCount % 1000 == 0)
        qCWarning(lcData).noquote() << m_warningCount << message;
}

void NetworkState::reportWarnings()
{
    if (m_warningCount != m_warningsReported) {
        m_warningsReported = m_warningCount;
        emit warningRaised(m_lastWarning, m_warningCount);
    }
}

void NetworkState::applyBatch(const StateBatch& batch)
{
    if (batch.isEmpty())
        return;
    const auto linkCountBefore = m_links.size();
    bool reset = false;
    const bool past = m_live.has_value();
    if (batch.snapshot) {
        restoreLive();
        resetTo(batch.platform, *batch.snapshot);
        reset = true;
    }
    Platform& part = m_platforms[batch.platform];
    const quint64 before = part.revision;
    QList<int> sitesDirty;
    QList<int> linksDirty;
    QList<int> liveSitesDirty; // under a past moment shown
    QList<int> liveLinksDirty;
    bool migrationsDirty = reset;
    QStringList migrationsUpdated;
    bool alarmsDirty = reset;
    int stale = batch.staleEvents;
    for (const StateEvent& event : batch.events) {
        if (event.revision <= part.revision) {
            ++m_duplicateEvents;
            ++stale;
            continue;
        }
        part.revision = event.revision;
        part.simTimeMs = std::max(part.simTimeMs, event.simTimeMs);
        std::visit(
            [&](const auto& change) {
                using T = std::decay_t<decltype(change)>;
                if constexpr (std::is_same_v<T, MetricsFrame>) {
                    applyMetrics(change, sitesDirty, linksDirty, liveSitesDirty, liveLinksDirty);
                } else if constexpr (std::is_same_v<T, Site>) {
                    upsertSite(change, sitesDirty);
                } else if constexpr (std::is_same_v<T, Link>) {
                    upsertLink(change, linksDirty);
                } else if constexpr (std::is_same_v<T, Migration>) {
                    if (change.id.isEmpty()) {
                        warn(tr("Migration without an id ignored"));
                        return;
                    }
                    if (!keepBounded(m_migrations, change, kMaxMigrations))
                        return;
                    indexMigration(change);
                    migrationsDirty = true;
                    migrationsUpdated.append(change.id);
                } else if constexpr (std::is_same_v<T, Alarm>) {
                    if (change.id.isEmpty()) {
                        warn(tr("Alarm without an id ignored"));
                        return;
                    }
                    alarmsDirty = keepBounded(m_alarms, change, kMaxAlarms) || alarmsDirty;
                }
                // Tasks are kept by TaskTableModel.
            },
            event.change);
    }
    if (past && !m_live)
        applyPast();
    // A link that appeared in an upsert grows the arrays: views rebuild as for a new snapshot.
    if (m_links.size() != linkCountBefore)
        reset = true;
    if (reset)
        emit topologyReset();
    if (!sitesDirty.isEmpty()) {
        sortUnique(sitesDirty);
        emit sitesChanged(sitesDirty);
    }
    if (!linksDirty.isEmpty()) {
        sortUnique(linksDirty);
        emit linksChanged(linksDirty);
    }
    if (m_live && (!liveSitesDirty.isEmpty() || !liveLinksDirty.isEmpty())) {
        sortUnique(liveSitesDirty);
        sortUnique(liveLinksDirty);
        emit liveMetricsChanged(liveSitesDirty, liveLinksDirty);
    }
    if (m_prunedThisBatch) { // finished ones made room: the views hold rows that are gone
        migrationsDirty = true;
        alarmsDirty = true;
    }
    if (migrationsDirty)
        emit migrationsChanged();
    if (!migrationsUpdated.isEmpty()) {
        migrationsUpdated.removeDuplicates();
        emit this->migrationsUpdated(migrationsUpdated);
    }
    if (alarmsDirty)
        emit alarmsChanged();
    warnDropped();
    if (stale > 0)
        warn(tr("%n event(s) with a revision already received ignored (revisions must increase)", nullptr, stale));
    reportWarnings();
    if (part.revision != before || reset)
        emit revisionChanged(part.revision);
}

void NetworkState::adopt(NetworkState& prepared)
{
    const bool past = m_live.has_value();
    restoreLive();
    std::swap(m_platforms, prepared.m_platforms);
    std::swap(m_regions, prepared.m_regions);
    std::swap(m_sites, prepared.m_sites);
    std::swap(m_links, prepared.m_links);
    std::swap(m_siteMetrics, prepared.m_siteMetrics);
    std::swap(m_linkMetrics, prepared.m_linkMetrics);
    std::swap(m_linkEnds, prepared.m_linkEnds);
    std::swap(m_siteIndex, prepared.m_siteIndex);
    std::swap(m_duplicateOf, prepared.m_duplicateOf);
    // Chosen with the priority of when it was prepared; this one's may have changed since.
    if (prepared.m_priority != m_priority)
        findDuplicates();
    std::swap(m_linkIndex, prepared.m_linkIndex);
    std::swap(m_migrations, prepared.m_migrations);
    std::swap(m_activeMigrationByTask, prepared.m_activeMigrationByTask);
    std::swap(m_alarms, prepared.m_alarms);
    m_duplicateEvents += prepared.m_duplicateEvents;
    if (prepared.m_warningCount > 0) {
        m_warningCount += prepared.m_warningCount;
        m_lastWarning = prepared.m_lastWarning;
        reportWarnings();
    }
    if (past)
        applyPast();
    // `prepared` now holds the network this one had: freed with it.
    emit topologyReset();
    emit migrationsChanged();
    emit alarmsChanged();
    emit revisionChanged(revision());
}

void NetworkState::copyTo(NetworkState& prepared) const
{
    prepared.m_platforms = m_platforms;
    prepared.m_regions = m_regions;
    // The live network, also while a past moment is shown: the snapshot goes on from there.
    prepared.m_sites = m_live ? m_live->sites : m_sites;
    prepared.m_links = m_live ? m_live->links : m_links;
    prepared.m_siteMetrics = m_live ? m_live->siteMetrics : m_siteMetrics;
    prepared.m_linkMetrics = m_live ? m_live->linkMetrics : m_linkMetrics;
    prepared.m_linkEnds = m_linkEnds;
    prepared.m_siteIndex = m_siteIndex;
    prepared.m_duplicateOf = m_duplicateOf;
    prepared.m_priority = m_priority;
    prepared.m_linkIndex = m_linkIndex;
    prepared.m_migrations = m_migrations;
    prepared.m_activeMigrationByTask = m_activeMigrationByTask;
    prepared.m_alarms = m_alarms;
}

void NetworkState::removePlatform(const QString& name)
{
    if (!m_platforms.contains(name))
        return;
    const bool past = m_live.has_value();
    restoreLive();
    resetTo(name, Snapshot {});
    m_platforms.remove(name);
    m_pastFrames.remove(name);
    if (past)
        applyPast();
    emit topologyReset();
    emit migrationsChanged();
    emit alarmsChanged();
    emit revisionChanged(revision());
}

void NetworkState::resetTo(const QString& platform, const Snapshot& snapshot)
{
    Platform& part = m_platforms[platform];
    part.hasSnapshot = true;
    part.revision = snapshot.revision;
    part.simTimeMs = snapshot.simTimeMs;
    part.timeScale = snapshot.timeScale;
    part.scale = snapshot.scale;
    part.callerRole = snapshot.callerRole;
    const bool alone = m_platforms.size() == 1;
    // Regions are the nation's: each platform names those it has sites in.
    if (alone) {
        m_regions = snapshot.regions;
    } else {
        for (const Region& r : snapshot.regions) {
            auto same = std::find_if(m_regions.begin(), m_regions.end(), [&r](const Region& k) { return k.id == r.id; });
            if (same == m_regions.end())
                m_regions.append(r);
        }
    }
    // Other platforms' sites and links stay, with their metrics; this platform's are replaced.
    QList<Site> keptSites;
    QList<SiteMetrics> keptSiteMetrics;
    QList<Link> keptLinks;
    QList<LinkMetrics> keptLinkMetrics;
    if (!alone) {
        for (int i = 0; i < m_sites.size(); ++i) {
            if (m_sites[i].platform != platform) {
                keptSites.append(m_sites[i]);
                keptSiteMetrics.append(m_siteMetrics[i]);
            }
        }
        for (int i = 0; i < m_links.size(); ++i) {
            if (m_links[i].platform != platform) {
                keptLinks.append(m_links[i]);
                keptLinkMetrics.append(m_linkMetrics[i]);
            }
        }
    }
    m_sites.clear();
    m_links.clear();
    m_linkMetrics.clear();
    m_linkEnds.clear();
    m_siteIndex.clear();
    m_linkIndex.clear();
    m_sites.reserve(keptSites.size() + snapshot.sites.size());
    // Kept sites were checked when they came: each keeps its metrics, in the same order.
    for (const Site& site : std::as_const(keptSites)) {
        m_siteIndex.insert(site.id, int(m_sites.size()));
        m_sites.append(site);
    }
    addSites(snapshot.sites);
    m_siteMetrics = keptSiteMetrics;
    m_siteMetrics.resize(m_sites.size());
    for (qsizetype i = keptSiteMetrics.size(); i < m_sites.size(); ++i)
        m_siteMetrics[i].siteId = m_sites[i].id;
    for (int i = 0; i < keptLinks.size(); ++i) {
        if (addLink(keptLinks[i]))
            m_linkMetrics.back() = keptLinkMetrics[i];
    }
    for (const Link& link : snapshot.links)
        addLink(link);

    const auto mine = [&platform](const auto& entity) { return entity.platform == platform; };
    if (alone) {
        m_migrations.clear();
        m_alarms.clear();
    } else {
        m_migrations.removeIf([&](const auto& it) { return mine(it.value()); });
        m_alarms.removeIf([&](const auto& it) { return mine(it.value()); });
    }
    for (const auto& m : snapshot.migrations)
        keepBounded(m_migrations, m, kMaxMigrations);
    reindexMigrations();
    for (const auto& a : snapshot.alarms)
        keepBounded(m_alarms, a, kMaxAlarms);

    findDuplicates();
    QList<int> ignored;
    applyMetrics(MetricsFrame { snapshot.simTimeMs, snapshot.siteMetrics, snapshot.linkMetrics }, ignored, ignored,
        ignored, ignored);
}

void NetworkState::findDuplicates()
{
    m_duplicateOf.assign(std::size_t(m_sites.size()), -1);
    if (m_platforms.size() < 2)
        return;
    // Primaries first: sites in the order of their platforms' priority, then names.
    const auto rank = [this](const QString& platform) {
        const qsizetype i = m_priority.indexOf(platform);
        return i < 0 ? m_priority.size() : i;
    };
    std::vector<int> order(std::size_t(m_sites.size()));
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const QString& pa = m_sites[a].platform;
        const QString& pb = m_sites[b].platform;
        const qsizetype ra = rank(pa), rb = rank(pb);
        return ra != rb ? ra < rb : pa < pb;
    });
    QHash<QString, int> byLocalId;
    QHash<QString, int> byPlace;
    for (const int i : order) {
        const Site& s = m_sites[i];
        const QString local = s.platform.isEmpty() ? s.id : s.id.mid(s.platform.size() + 1);
        // The same name within about a kilometre.
        const QString place = QStringLiteral("%1|%2|%3|%4")
                                  .arg(s.nameZh, s.nameEn)
                                  .arg(std::lround(s.latitude * 100))
                                  .arg(std::lround(s.longitude * 100));
        int primary = byLocalId.value(local, -1);
        if (primary < 0 || m_sites[primary].platform == s.platform)
            primary = byPlace.value(place, -1);
        if (primary >= 0 && m_sites[primary].platform != s.platform) {
            m_duplicateOf[std::size_t(i)] = primary;
            continue;
        }
        byLocalId.insert(local, i);
        byPlace.insert(place, i);
    }
}

void NetworkState::setPlatformPriority(const QStringList& platforms)
{
    if (platforms == m_priority)
        return;
    m_priority = platforms;
    const std::vector<int> before = m_duplicateOf;
    findDuplicates();
    if (m_duplicateOf != before)
        emit topologyReset();
}

int NetworkState::sameSiteOn(int site, const QString& platform) const
{
    if (site < 0 || site >= m_sites.size())
        return -1;
    if (m_sites[site].platform == platform)
        return site;
    const int primary = duplicateOf(site) >= 0 ? duplicateOf(site) : site;
    if (m_sites[primary].platform == platform)
        return primary;
    for (const int d : duplicatesOf(primary)) {
        if (m_sites[d].platform == platform)
            return d;
    }
    return -1;
}

QList<int> NetworkState::duplicatesOf(int site) const
{
    QList<int> out;
    for (int i = 0; i < int(m_duplicateOf.size()); ++i) {
        if (m_duplicateOf[std::size_t(i)] == site)
            out.append(i);
    }
    return out;
}

void NetworkState::addSites(const QList<Site>& sites)
{
    for (const Site& site : sites) {
        if (site.id.isEmpty()) {
            warn(tr("Site without an id ignored"));
            continue;
        }
        if (m_siteIndex.contains(site.id)) {
            warn(tr("Duplicate site %1 ignored").arg(site.id));
            continue;
        }
        if (!std::isfinite(site.latitude) || !std::isfinite(site.longitude) || std::abs(site.latitude) > 90
            || std::abs(site.longitude) > 180) {
            warn(tr("Site %1 has invalid coordinates and was ignored").arg(site.id));
            continue;
        }
        if (site.tier == SiteTier::Unknown || site.status == SiteStatus::Unknown)
            warn(tr("Site %1 has a tier or status this console does not know; shown as unknown").arg(site.id));
        m_siteIndex.insert(site.id, int(m_sites.size()));
        m_sites.append(site);
    }
}

void NetworkState::reindexMigrations()
{
    m_activeMigrationByTask.clear();
    for (const Migration& m : std::as_const(m_migrations))
        indexMigration(m);
}

void NetworkState::indexMigration(const Migration& m)
{
    if (!isFinished(m.state))
        m_activeMigrationByTask.insert(m.taskId, m.id);
    else if (m_activeMigrationByTask.value(m.taskId) == m.id)
        m_activeMigrationByTask.remove(m.taskId);
}

const Migration* NetworkState::activeMigrationOfTask(const QString& taskId) const
{
    const auto id = m_activeMigrationByTask.constFind(taskId);
    if (id == m_activeMigrationByTask.cend())
        return nullptr;
    const auto it = m_migrations.constFind(*id);
    return it == m_migrations.cend() ? nullptr : &*it;
}

bool NetworkState::addLink(const Link& link)
{
    if (link.id.isEmpty()) {
        warn(tr("Link without an id ignored"));
        return false;
    }
    if (m_linkIndex.contains(link.id)) {
        warn(tr("Duplicate link %1 ignored").arg(link.id));
        return false;
    }
    const int a = siteIndex(link.siteAId);
    const int b = siteIndex(link.siteBId);
    if (a < 0 || b < 0) {
        warn(tr("Link %1 refers to a missing site and was ignored").arg(link.id));
        return false;
    }
    if (!isNonNegative(link.capacityGbps) || !isNonNegative(link.latencyMs)) {
        warn(tr("Link %1 has an invalid capacity or latency and was ignored").arg(link.id));
        return false;
    }
    m_linkIndex.insert(link.id, int(m_links.size()));
    m_links.append(link);
    m_linkEnds.append({ a, b });
    LinkMetrics metrics;
    metrics.linkId = link.id;
    m_linkMetrics.resize(m_links.size());
    m_linkMetrics.back() = metrics;
    return true;
}

namespace {

// A frame's values, keeping the id this state holds when it is the same: the frame's copy was
// made on the watch thread, and freeing the one held here for every entry (60,000 at huge), memory
// of another thread's, took most of the time applying a frame took. (The frame's own copies are
// freed with the batch, off the GUI thread: ConsoleSession::applyTasks.)
template<typename Metrics>
void takeMetrics(Metrics& into, const Metrics& from, QString Metrics::*id)
{
    if (into.*id != from.*id) {
        into = from;
        return;
    }
    QString kept = std::move(into.*id);
    into = from;
    into.*id = std::move(kept); // the frame still holds its own: nothing freed here
}

} // namespace

void NetworkState::applyMetrics(const MetricsFrame& frame, QList<int>& sitesDirty, QList<int>& linksDirty,
    QList<int>& liveSitesDirty, QList<int>& liveLinksDirty)
{
    if (m_live) // live values go under the past shown
        writeMetrics(frame, m_live->siteMetrics, m_live->linkMetrics, &liveSitesDirty, &liveLinksDirty);
    else
        writeMetrics(frame, m_siteMetrics, m_linkMetrics, &sitesDirty, &linksDirty);
}

void NetworkState::writeMetrics(const MetricsFrame& frame, QList<SiteMetrics>& sites, QList<LinkMetrics>& links,
    QList<int>* sitesDirty, QList<int>* linksDirty, const QString* statusOf)
{
    // Frames usually list sites and links in the order of the snapshot: try the next place
    // before hashing the id (a 60,000-entry frame at huge). Read through const: the lists may be
    // shared (with a past shown, a snapshot being prepared) and a write access copies them.
    const QList<Site>& allSites = m_sites;
    const QList<Link>& allLinks = m_links;
    int guess = 0;
    for (const SiteMetrics& m : frame.sites) {
        const int i = (guess < allSites.size() && allSites[guess].id == m.siteId) ? guess : siteIndex(m.siteId);
        guess = i + 1;
        if (i < 0 || (statusOf && allSites[i].platform != *statusOf)) {
            warn(tr("Metrics for unknown site %1 ignored").arg(m.siteId));
            continue;
        }
        if (!validMetrics(m)) {
            warn(tr("Invalid metrics (NaN, negative or out of range) for site %1 ignored").arg(m.siteId));
            continue;
        }
        takeMetrics(sites[i], m, &SiteMetrics::siteId);
        // (Written only when it differs: a write copies the live list the past shares.)
        if (statusOf && m.status != SiteStatus::Unknown && allSites[i].status != m.status)
            m_sites[i].status = m.status;
        if (sitesDirty)
            sitesDirty->append(i);
    }
    guess = 0;
    for (const LinkMetrics& m : frame.links) {
        const int i = (guess < allLinks.size() && allLinks[guess].id == m.linkId) ? guess : linkIndex(m.linkId);
        guess = i + 1;
        if (i < 0 || (statusOf && allLinks[i].platform != *statusOf)) {
            warn(tr("Metrics for unknown link %1 ignored").arg(m.linkId));
            continue;
        }
        if (!validMetrics(m)) {
            warn(tr("Invalid metrics (NaN, negative or out of range) for link %1 ignored").arg(m.linkId));
            continue;
        }
        takeMetrics(links[i], m, &LinkMetrics::linkId);
        if (statusOf && m.status != LinkStatus::Unknown && allLinks[i].status != m.status)
            m_links[i].status = m.status;
        if (linksDirty)
            linksDirty->append(i);
    }
}

void NetworkState::upsertSite(const Site& site, QList<int>& sitesDirty)
{
    const int i = siteIndex(site.id);
    if (i < 0) {
        // New sites join the topology only with a snapshot: links and indexes are built there.
        warn(tr("Update for unknown site %1 ignored").arg(site.id));
        return;
    }
    if (!std::isfinite(site.latitude) || !std::isfinite(site.longitude) || std::abs(site.latitude) > 90
        || std::abs(site.longitude) > 180) {
        warn(tr("Update for site %1 has invalid coordinates and was ignored").arg(site.id));
        return;
    }
    if (m_live && m_pastFrames.contains(site.platform)) { // the past's status stays shown
        m_live->sites[i] = site;
        const SiteStatus shown = m_sites[i].status;
        m_sites[i] = site;
        m_sites[i].status = shown;
    } else {
        if (m_live)
            m_live->sites[i] = site;
        m_sites[i] = site;
    }
    sitesDirty.append(i);
}

void NetworkState::upsertLink(const Link& link, QList<int>& linksDirty)
{
    const int i = linkIndex(link.id);
    if (i < 0) {
        if (addLink(link)) {
            if (m_live) {
                m_live->links.append(link);
                m_live->linkMetrics.append(m_linkMetrics.back());
            }
            linksDirty.append(int(m_links.size()) - 1);
        }
        return;
    }
    if (link.siteAId != m_links[i].siteAId || link.siteBId != m_links[i].siteBId) {
        warn(tr("Update for link %1 changes its end points and was ignored").arg(link.id));
        return;
    }
    if (!isNonNegative(link.capacityGbps) || !isNonNegative(link.latencyMs)) {
        warn(tr("Link %1 has an invalid capacity or latency and was ignored").arg(link.id));
        return;
    }
    if (m_live && m_pastFrames.contains(link.platform)) {
        m_live->links[i] = link;
        const LinkStatus shown = m_links[i].status;
        m_links[i] = link;
        m_links[i].status = shown;
    } else {
        if (m_live)
            m_live->links[i] = link;
        m_links[i] = link;
    }
    linksDirty.append(i);
}

} // namespace cpn
