#include "trendcontroller.h"

#include "consolesession.h"
#include "platformlink.h"
#include "domainlabels.h"
#include "historyclient.h"
#include "mapview.h"
#include "networkstate.h"
#include "recenthistory.h"
#include "sparklinedelegate.h"
#include "statefeed.h"
#include "tasktablemodel.h"
#include "tasktablepanel.h"
#include "trendpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QItemSelectionModel>
#include <QMainWindow>
#include <QMenu>
#include <QTableView>
#include <QTimer>

#include <algorithm>

namespace cpn {

namespace {
    constexpr qint64 kNativeStepMs = 60 * 1000; // the scheduler's history step
    constexpr int kMaxLinksOffered = 12;
    constexpr int kRefreshDelayMs = 200;

    // Live points: about 720 per span, never closer than the frames come.
    qint64 liveStepFor(qint64 spanMs) { return spanMs / 720; }
    // Further apart than this, two points have a hole between them (a lost connection).
    qint64 holeFor(qint64 spanMs) { return std::max(3 * kNativeStepMs, 3 * liveStepFor(spanMs)); }
} // namespace

TrendController::TrendController(
    QMainWindow* window, ConsoleSession* session, MapView* map, TaskTablePanel* tasks, QMenu* viewMenu)
    : QObject(window)
    , m_session(session)
    , m_panel(new TrendPanel(window))
    , m_dock(new QDockWidget(window))
    , m_recent(new RecentHistory(session->state(), this))
{
    m_store.setSpan(m_panel->spanMs());
    m_store.setLiveStep(liveStepFor(m_panel->spanMs()));
    m_panel->setStore(&m_store);

    m_dock->setObjectName(QStringLiteral("TrendsDock"));
    m_dock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_dock);
    QAction* show = m_dock->toggleViewAction();
    show->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H));
    viewMenu->addAction(show);
    window->installEventFilter(this);

    // Sparklines of the site's last hour beside the task list's site column.
    QTableView* view = tasks->view();
    view->setItemDelegateForColumn(
        TaskTableModel::SiteColumn, new SparklineDelegate(m_recent, TaskTableModel::SiteIdRole, view));
    connect(m_recent, &RecentHistory::updated, view->viewport(), qOverload<>(&QWidget::update));

    connect(map, &MapView::siteSelected, this, [this](const QString& siteId) {
        if (!siteId.isEmpty()) // a click on empty map keeps the chart
            showSite(siteId);
    });
    connect(view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& index) {
        if (const QString site = index.data(TaskTableModel::SiteIdRole).toString(); !site.isEmpty())
            showSite(site);
    });
    connect(m_panel, &TrendPanel::linesChanged, this, &TrendController::onLinesChanged);
    connect(m_panel, &TrendPanel::spanChanged, this, &TrendController::onSpanChanged);
    connect(session, &ConsoleSession::batchApplied, this, &TrendController::onBatchApplied);
    // Each platform answers for its own sites and links; the chart follows the platform of the
    // site shown.
    const auto wire = [this](PlatformLink* platform) {
        connect(platform->history(), &HistoryClient::historyReceived, this, &TrendController::onHistory);
        connect(platform->history(), &HistoryClient::historyFailed, this, &TrendController::onHistoryFailed);
        const QString name = platform->name();
        connect(platform->feed(), &StateFeed::stateChanged, this, [this, name](ConnectionState state) {
            if (name != m_platform)
                return;
            m_panel->setStale(state == ConnectionState::Reconnecting || state == ConnectionState::Stopped);
            if (state != ConnectionState::Live && m_brokeAtMs == 0)
                m_brokeAtMs = now();
        });
        // Back after a break: whatever the lines miss since the connection went is asked for.
        connect(platform->feed(), &StateFeed::snapshotTaken, this,
            [this, name] { m_fillGaps = m_fillGaps || name == m_platform; });
        connect(platform->feed(), &StateFeed::resumed, this,
            [this, name] { m_fillGaps = m_fillGaps || name == m_platform; });
    };
    for (PlatformLink* platform : session->platforms())
        wire(platform);
    connect(session, &ConsoleSession::platformAdded, this, wire);
    if (!session->platforms().isEmpty())
        m_platform = session->platforms().front()->name();
    connect(m_dock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible)
            scheduleRefresh();
    });
    retranslate();
}

void TrendController::showSite(const QString& siteId)
{
    const NetworkState* state = m_session->state();
    const int i = state->siteIndex(siteId);
    if (i < 0)
        return;
    m_siteId = siteId;
    const Site& site = state->sites().at(i);
    if (site.platform != m_platform) {
        // Another platform's history and clock: everything shown is asked for again.
        m_platform = site.platform;
        m_coveredSpan.clear();
        m_brokeAtMs = 0;
        const PlatformLink* platform = m_session->platform(m_platform);
        m_panel->setStale(!platform || platform->connectionState() != ConnectionState::Live);
    }
    QList<Architecture> architectures;
    for (const auto& c : site.capacity)
        architectures.append(c.architecture);
    QList<TrendEntity> entities { { site.id, siteDisplayName(site), TrendEntityKind::Site,
        trendMetrics(TrendEntityKind::Site, architectures) } };
    if (const Region* region = state->region(site.regionId)) {
        entities.append({ region->id, tr("Region: %1").arg(regionDisplayName(*region)), TrendEntityKind::Region,
            trendMetrics(TrendEntityKind::Region) });
    }
    // The site's links, the widest first.
    QList<int> links;
    for (int l = 0; l < state->links().size(); ++l) {
        if (state->linkSiteA(l) == i || state->linkSiteB(l) == i)
            links.append(l);
    }
    std::sort(links.begin(), links.end(),
        [state](int a, int b) { return state->links().at(a).capacityGbps > state->links().at(b).capacityGbps; });
    links.resize(std::min<qsizetype>(links.size(), kMaxLinksOffered));
    for (int l : links) {
        const Link& link = state->links().at(l);
        const QString a = siteDisplayName(state->sites().at(state->linkSiteA(l)));
        const QString b = siteDisplayName(state->sites().at(state->linkSiteB(l)));
        entities.append({ link.id, tr("Link %1 - %2").arg(a, b), TrendEntityKind::Link, trendMetrics(TrendEntityKind::Link) });
    }
    m_panel->setEntities(entities);
}

void TrendController::onLinesChanged()
{
    QSet<SeriesKey> shown;
    for (const auto& line : m_panel->lines())
        shown.insert(line.key);
    // Lines no longer shown are forgotten, answers still on the way with them.
    for (const SeriesKey& key : m_store.keys()) {
        if (!shown.contains(key)) {
            m_store.remove(key);
            m_coveredSpan.remove(key);
            m_pending.remove(key);
            m_panel->setLineStatus(key, false, {});
        }
    }
    backfillUncovered(now());
    scheduleRefresh();
}

void TrendController::onSpanChanged(qint64 spanMs)
{
    m_store.setSpan(spanMs);
    m_store.setLiveStep(liveStepFor(spanMs));
    m_coveredSpan.clear();
    backfillUncovered(now());
    scheduleRefresh();
}

void TrendController::backfillUncovered(qint64 nowMs)
{
    if (nowMs <= 0) // no snapshot yet: the first batch asks
        return;
    for (const auto& line : m_panel->lines()) {
        if (m_coveredSpan.value(line.key, 0) < m_store.spanMs())
            query(line.key, nowMs - m_store.spanMs(), nowMs);
    }
}

qint64 TrendController::now() const
{
    return m_session->state()->platform(m_platform).simTimeMs;
}

void TrendController::query(const SeriesKey& key, qint64 fromMs, qint64 toMs)
{
    m_coveredSpan.insert(key, m_store.spanMs());
    PlatformLink* platform = m_session->platform(m_platform);
    if (!platform) {
        m_panel->setLineStatus(key, false, tr("platform %1 is no longer connected").arg(m_platform));
        return;
    }
    m_pending.insert(key, platform->history()->query({ key, fromMs, toMs, 0 }));
    ++m_queryCount;
    m_panel->setLineStatus(key, true, {});
}

void TrendController::onHistory(quint64 id, const HistoryQuery& query, const QString& unit, const QList<TimePoint>& points)
{
    if (m_pending.value(query.key) != id)
        return; // a newer query replaced it, or the line went
    m_pending.remove(query.key);
    m_store.mergeBackfill(query.key, query.fromMs, query.toMs, points, unit);
    m_store.trim(std::max(query.toMs, now()));
    m_panel->setLineStatus(query.key, false, {});
    scheduleRefresh();
}

void TrendController::onHistoryFailed(quint64 id, const HistoryQuery& query, const QString& codeName, const QString& message)
{
    if (m_pending.value(query.key) != id)
        return;
    m_pending.remove(query.key);
    // Still counted as covered, so that a refusal is not asked again with every frame; a
    // reconnect or a new range asks again.
    m_panel->setLineStatus(query.key, false, tr("the scheduler answered %1: %2").arg(codeName, message));
}

bool TrendController::appendLive(const SeriesKey& key)
{
    const NetworkState* state = m_session->state();
    std::optional<double> value;
    qint64 timeMs = 0;
    if (const int s = state->siteIndex(key.entityId); s >= 0) {
        const SiteMetrics& m = state->liveSiteMetrics().at(s);
        value = liveValue(key.metric, m);
        timeMs = m.sampleTimeMs;
    } else if (const int l = state->linkIndex(key.entityId); l >= 0) {
        const LinkMetrics& m = state->liveLinkMetrics().at(l);
        value = liveValue(key.metric, m);
        timeMs = m.sampleTimeMs;
    }
    if (!value || timeMs <= 0)
        return false;
    return m_store.appendLive(key, { timeMs, *value });
}

void TrendController::onBatchApplied()
{
    const qint64 now = this->now();
    if (now <= 0)
        return;
    bool changed = m_store.trim(now);
    const QList<TrendLineSpec> lines = m_panel->lines();
    if (std::exchange(m_fillGaps, false)) {
        // From where the connection broke (a step earlier: the server's last point before it),
        // or from an older hole in the line.
        const qint64 broke = m_brokeAtMs > 0 ? std::min(m_brokeAtMs, now) - kNativeStepMs : now;
        m_brokeAtMs = 0;
        for (const auto& line : lines) {
            if (m_coveredSpan.contains(line.key)) {
                const qint64 from = std::min(broke, m_store.gapStartMs(line.key, now, holeFor(m_store.spanMs())));
                query(line.key, std::max(from, now - m_store.spanMs()), now);
            }
        }
    }
    backfillUncovered(now);
    for (const auto& line : lines) {
        if (appendLive(line.key)) {
            changed = true;
            continue;
        }
        // Nothing live for it (a region, a figure the frames lack): ask for what is new now and then.
        const auto& points = m_store.points(line.key);
        if (!m_pending.contains(line.key) && !points.isEmpty() && now - points.last().timeMs >= 2 * kNativeStepMs)
            query(line.key, points.last().timeMs, now);
    }
    if (changed)
        scheduleRefresh();
}

void TrendController::scheduleRefresh()
{
    if (m_refreshScheduled)
        return;
    m_refreshScheduled = true;
    QTimer::singleShot(kRefreshDelayMs, this, [this] {
        m_refreshScheduled = false;
        if (const qint64 now = this->now(); now > 0)
            m_panel->refresh(now);
    });
}

bool TrendController::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && watched == parent()) {
        retranslate();
        if (!m_siteId.isEmpty())
            showSite(m_siteId); // entity names in the new language
    }
    return QObject::eventFilter(watched, event);
}

void TrendController::retranslate()
{
    m_dock->setWindowTitle(tr("Trends"));
}

} // namespace cpn
