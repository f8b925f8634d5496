#include "replaycontroller.h"

#include "consolesession.h"
#include "domainlabels.h"
#include "networkstate.h"
#include "pastframe.h"
#include "platformlink.h"
#include "replayclient.h"
#include "timelinebar.h"

#include <QAction>
#include <QEvent>
#include <QMenu>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {
    constexpr int kPlayTickMs = 100;
    constexpr int kRefreshMs = 30000;
    constexpr qint64 kDayMs = 24 * 3600 * 1000;
    constexpr qint64 kDefaultStepMs = 60000;
    constexpr int kMaxMarks = 20000; // drawn on the bar, all platforms together
    const QString kVisibleKey = QStringLiteral("replay/timelineVisible");
}

ReplayController::ReplayController(ConsoleSession* session, QWidget* map, QMenu* viewMenu, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_bar(new TimelineBar)
    , m_view(new PastFrame(session, map, m_bar, map->parentWidget()))
    , m_toggle(new QAction(this))
{
    connect(m_view, &PastFrame::liveRequested, this, &ReplayController::goLive);
    m_bar->installEventFilter(this);

    m_toggle->setObjectName(QStringLiteral("ToggleTimelineAction"));
    m_toggle->setCheckable(true);
    m_toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    m_toggle->setChecked(QSettings().value(kVisibleKey, true).toBool());
    m_bar->setVisible(m_toggle->isChecked());
    viewMenu->addAction(m_toggle);
    connect(m_toggle, &QAction::toggled, this, [this](bool on) {
        m_bar->setVisible(on);
        QSettings().setValue(kVisibleKey, on);
        if (on)
            refreshTimeline();
    });

    connect(m_bar, &TimelineBar::seekRequested, this, &ReplayController::seek);
    connect(m_bar, &TimelineBar::stepRequested, this, &ReplayController::step);
    connect(m_bar, &TimelineBar::playRequested, this, &ReplayController::play);
    connect(m_bar, &TimelineBar::speedChanged, this, &ReplayController::setSpeed);
    connect(m_bar, &TimelineBar::liveRequested, this, &ReplayController::goLive);
    m_speed = m_bar->speed();

    for (PlatformLink* p : session->platforms())
        addPlatform(p);
    connect(session, &ConsoleSession::platformAdded, this, &ReplayController::addPlatform);
    connect(session, &ConsoleSession::platformRemoved, this, &ReplayController::removePlatform);
    // The bar's right end is now: it moves with the live clock; the first snapshot brings the span.
    connect(session->state(), &NetworkState::revisionChanged, this, [this] {
        const bool missing = std::any_of(m_sources.cbegin(), m_sources.cend(),
            [](const Source& s) { return !s.hasTimeline && s.timelineCall == 0; });
        if (missing && m_bar->isVisible())
            refreshTimeline(true);
    });

    m_playTimer.setInterval(kPlayTickMs);
    connect(&m_playTimer, &QTimer::timeout, this, &ReplayController::tick);
    m_refreshTimer.setInterval(kRefreshMs);
    connect(&m_refreshTimer, &QTimer::timeout, this, [this] {
        if (m_bar->isVisible())
            refreshTimeline();
        else
            updateBar(); // at least the live end moves
    });
    m_refreshTimer.start();
    retranslate();
}

ReplayController::~ReplayController() = default;

QWidget* ReplayController::view() const
{
    return m_view;
}

bool ReplayController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_bar && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void ReplayController::retranslate()
{
    m_toggle->setText(tr("&Timeline (Replay)"));
    m_toggle->setToolTip(tr("Show or hide the timeline under the map: the network at any moment of the past week"));
    updateBar();
}

void ReplayController::addPlatform(PlatformLink* platform)
{
    Source& s = m_sources[platform->name()];
    s.name = platform->name();
    s.client = new ReplayClient(platform->settings(), this);
    connect(s.client, &ReplayClient::momentReceived, this, &ReplayController::onMoment);
    connect(s.client, &ReplayClient::momentFailed, this, &ReplayController::onMomentFailed);
    connect(s.client, &ReplayClient::timelineReceived, this, &ReplayController::onTimeline);
    connect(s.client, &ReplayClient::timelineFailed, this, [this, client = s.client](quint64 id) {
        if (Source* failed = source(client); failed && failed->timelineCall == id)
            failed->timelineCall = 0;
    });
    // A platform back while the past is shown: its part of it now.
    connect(platform, &PlatformLink::healthChanged, this, [this, client = s.client] {
        Source* back = source(client);
        if (m_past && back && back->current < 0 && !back->momentCall) {
            request(*back);
            showIfReady();
        }
    });
    if (m_past) {
        request(s);
        showIfReady();
    }
}

void ReplayController::removePlatform(const QString& name)
{
    const auto it = m_sources.find(name);
    if (it == m_sources.end())
        return;
    delete it->client; // cancels its calls
    m_sources.erase(it);
    updateBar();
    if (m_past)
        showIfReady();
}

ReplayController::Source* ReplayController::source(ReplayClient* client)
{
    for (Source& s : m_sources) {
        if (s.client == client)
            return &s;
    }
    return nullptr;
}

qint64 ReplayController::keptFrom() const
{
    qint64 from = 0;
    for (const Source& s : m_sources) {
        if (s.hasTimeline && !s.timeline.isEmpty() && (from == 0 || s.timeline.keptFromMs < from))
            from = s.timeline.keptFromMs;
    }
    return from;
}

qint64 ReplayController::keptTo() const
{
    qint64 to = 0;
    for (const Source& s : m_sources) {
        if (s.hasTimeline)
            to = std::max(to, s.timeline.keptToMs);
    }
    return to;
}

qint64 ReplayController::stepAt(qint64 timeMs) const
{
    qint64 step = 0;
    for (const Source& s : m_sources) {
        const qint64 own = s.hasTimeline ? s.timeline.stepAt(timeMs) : 0;
        if (own > 0 && (step == 0 || own < step))
            step = own;
    }
    return step > 0 ? step : kDefaultStepMs;
}

// The sample a moment falls in, on the grid of the samples there.
static qint64 alignDown(qint64 timeMs, qint64 step)
{
    return timeMs - ((timeMs % step) + step) % step;
}

bool ReplayController::covers(const Source& s, qint64 sampleMs, qint64 timeMs) const
{
    const qint64 step = s.hasTimeline ? s.timeline.stepAt(sampleMs) : 0;
    if (step <= 0)
        return timeMs == sampleMs;
    qint64 end = sampleMs + step;
    if (sampleMs < s.timeline.fineFromMs) // a quarter's mean, up to where the minutes begin
        end = std::min(end, s.timeline.fineFromMs);
    return sampleMs <= timeMs && timeMs < end;
}

const MetricsFrame* ReplayController::cached(Source& s, qint64 timeMs)
{
    for (auto it = s.cache.begin(); it != s.cache.end(); ++it) {
        if (covers(s, it->sampleTimeMs, timeMs)) {
            MetricsFrame used = std::move(*it);
            s.cache.erase(it);
            s.cache.push_back(std::move(used));
            return &s.cache.back();
        }
    }
    return nullptr;
}

void ReplayController::keep(Source& s, const MetricsFrame& frame)
{
    s.cache.erase(std::remove_if(s.cache.begin(), s.cache.end(),
                      [&](const MetricsFrame& f) { return f.sampleTimeMs == frame.sampleTimeMs; }),
        s.cache.end());
    s.cache.push_back(frame);
    while (s.cache.size() > std::size_t(kCachedMoments))
        s.cache.pop_front();
}

void ReplayController::seek(qint64 timeMs)
{
    m_playPosition = double(timeMs);
    go(timeMs);
}

void ReplayController::go(qint64 timeMs)
{
    if (m_sources.isEmpty())
        return;
    const qint64 newest = keptTo();
    if (newest > 0 && timeMs > newest) {
        goLive();
        return;
    }
    timeMs = std::max(timeMs, keptFrom());
    const bool entering = !m_past;
    m_past = true;
    m_target = timeMs;
    m_bar->setPast(timeMs);
    m_bar->setLoading(true);
    for (Source& s : m_sources)
        request(s);
    if (entering && m_sources.cbegin()->hasTimeline == false)
        refreshTimeline();
    showIfReady();
}

void ReplayController::request(Source& s)
{
    if (const MetricsFrame* frame = cached(s, m_target)) {
        s.current = frame->sampleTimeMs;
        s.problem.clear();
        return;
    }
    // A platform not connected now is not asked (it could keep every other one waiting): its
    // part shows no past.
    const PlatformLink* link = m_session->platform(s.name);
    if (!link || link->connectionState() != ConnectionState::Live) {
        s.current = -1;
        s.problem = tr("%1 is not connected: nothing of its past is shown.").arg(platformName(s));
        return;
    }
    if (s.momentCall)
        return; // one at a time: the moment wanted then is asked for when this one answers
    if (s.aheadCall && s.aheadAsked == m_target) { // fetched ahead already: wait for it
        s.momentCall = std::exchange(s.aheadCall, 0);
        s.momentAsked = m_target;
        return;
    }
    if (s.aheadCall) // fetched ahead for a moment no longer wanted: it would take the cores
        s.client->cancel(std::exchange(s.aheadCall, 0));
    s.momentCall = s.client->fetchMoment(m_target, entityBound(s));
    s.momentAsked = m_target;
}

int ReplayController::entityBound(const Source& s) const
{
    // What the platform has now, and room for some more: a moment far larger is a hostile one.
    const NetworkState* state = m_session->state();
    const auto mine = [&s](const auto& entity) { return entity.platform == s.name; };
    const auto count = std::count_if(state->sites().cbegin(), state->sites().cend(), mine)
        + std::count_if(state->links().cbegin(), state->links().cend(), mine);
    return int(std::min<qsizetype>(ReplayClient::kMaxEntities, count + count / 10 + 1000));
}

QString ReplayController::platformName(const Source& s) const
{
    const PlatformLink* link = m_session->platform(s.name);
    return link && m_sources.size() > 1 ? link->displayName() : tr("The scheduler");
}

void ReplayController::showIfReady()
{
    if (!m_past)
        return;
    QHash<QString, MetricsFrame> frames;
    QStringList problems;
    for (auto it = m_sources.begin(); it != m_sources.end(); ++it) {
        Source& s = it.value();
        if (s.momentCall)
            return; // every platform's moment, or none
        for (const MetricsFrame& f : s.cache) {
            if (f.sampleTimeMs == s.current)
                frames.insert(it.key(), f);
        }
        if (!s.problem.isEmpty())
            problems << s.problem;
    }
    m_session->state()->showPast(m_target, frames);
    m_bar->setLoading(false);
    m_bar->setProblem(problems.join(QLatin1Char('\n')));
    emit momentShown(m_target);
    fetchAhead();
}

void ReplayController::fetchAhead()
{
    // The neighbours wanted next: the next sample (while playing, where the play will be a tick
    // on) and, paused, the one before too; one call at a time per platform.
    const qint64 step = stepAt(m_target);
    const qint64 sample = alignDown(m_target, step);
    QList<qint64> wanted { sample + step };
    if (m_playing) {
        const qint64 on = m_target + qint64(m_speed * kPlayTickMs);
        wanted = { std::max(sample + step, alignDown(on, stepAt(on))) };
    } else {
        wanted.append(alignDown(sample - 1, stepAt(sample - 1)));
    }
    for (Source& s : m_sources) {
        if (s.momentCall)
            continue;
        if (s.aheadCall && !wanted.contains(s.aheadAsked))
            s.client->cancel(std::exchange(s.aheadCall, 0));
        for (const qint64 t : std::as_const(wanted)) {
            if (s.aheadCall || t > keptTo() || t < keptFrom() || cached(s, t))
                continue;
            s.aheadCall = s.client->fetchMoment(t, entityBound(s));
            s.aheadAsked = t;
        }
    }
}

void ReplayController::onMoment(quint64 id, qint64, const MetricsFrame& frame)
{
    Source* s = source(qobject_cast<ReplayClient*>(sender()));
    if (!s)
        return;
    if (id == s->aheadCall) {
        s->aheadCall = 0;
        keep(*s, frame);
        if (m_past)
            fetchAhead(); // the other neighbour
        return;
    }
    if (id != s->momentCall)
        return;
    s->momentCall = 0;
    keep(*s, frame);
    if (m_past && s->momentAsked != m_target && !covers(*s, frame.sampleTimeMs, m_target)) {
        request(*s); // another moment is wanted by now
        showIfReady();
        return;
    }
    s->current = frame.sampleTimeMs;
    s->problem.clear();
    showIfReady();
}

void ReplayController::onMomentFailed(
    quint64 id, qint64 timeMs, const QString& code, const QString& message, qint64 keptFromMs, qint64 keptToMs)
{
    auto* client = qobject_cast<ReplayClient*>(sender());
    Source* s = source(client);
    if (!s)
        return;
    if (id == s->aheadCall) {
        s->aheadCall = 0;
        return;
    }
    if (id != s->momentCall)
        return;
    s->momentCall = 0;
    if (m_past && s->momentAsked != m_target) {
        request(*s); // another moment is wanted by now
        showIfReady();
        return;
    }
    s->current = -1;
    const QString who = platformName(*s);
    if (code == QLatin1String("OUT_OF_RANGE") && keptToMs > 0)
        s->problem = tr("%1 keeps no metrics for %2: it keeps %3 to %4.")
                         .arg(who, beijingTimeText(timeMs), beijingTimeText(keptFromMs), beijingTimeText(keptToMs));
    else if (code == QLatin1String("OUT_OF_RANGE"))
        s->problem = tr("%1 keeps no metrics for %2.").arg(who, beijingTimeText(timeMs));
    else if (code == QLatin1String("INVALID_ANSWER")) // the console's own words
        s->problem = tr("%1: %2").arg(who, message);
    else if (code == QLatin1String("UNIMPLEMENTED"))
        s->problem = tr("%1 does not offer replay (its scheduler predates it).").arg(who);
    else
        s->problem = tr("%1: the moment could not be fetched (%2).").arg(who, code);
    showIfReady();
}

void ReplayController::onTimeline(quint64 id, const ReplayTimeline& timeline)
{
    Source* s = source(qobject_cast<ReplayClient*>(sender()));
    if (!s || id != s->timelineCall)
        return;
    s->timelineCall = 0;
    s->timeline = timeline;
    s->hasTimeline = true;
    updateBar();
}

void ReplayController::refreshTimeline(bool missingOnly)
{
    for (auto it = m_sources.begin(); it != m_sources.end(); ++it) {
        const qint64 now = m_session->state()->platform(it.key()).simTimeMs;
        if (it->timelineCall || now <= 0 || (missingOnly && it->hasTimeline))
            continue;
        it->timelineCall = it->client->fetchTimeline(now - 8 * kDayMs, now + kDayMs);
    }
    updateBar();
}

void ReplayController::updateBar()
{
    const qint64 from = keptFrom();
    const qint64 to = std::max(keptTo(), m_session->state()->simTimeMs());
    qint64 fineFrom = 0;
    QList<TimelineBar::Mark> marks;
    const NetworkState* state = m_session->state();
    for (const Source& s : m_sources) {
        if (!s.hasTimeline)
            continue;
        fineFrom = std::max(fineFrom, s.timeline.fineFromMs);
        for (const Alarm& a : s.timeline.alarms) {
            if (marks.size() >= kMaxMarks)
                break;
            const auto kind = a.severity == AlarmSeverity::Critical ? TimelineBar::Mark::Kind::Critical
                : a.severity == AlarmSeverity::Major                ? TimelineBar::Mark::Kind::Major
                                                                    : TimelineBar::Mark::Kind::Minor;
            const int site = state->siteIndex(a.sourceId);
            const QString where = site >= 0 ? siteDisplayName(state->sites().at(site)) : a.sourceId;
            marks.append({ a.raisedTimeMs, a.clearedTimeMs > 0 ? a.clearedTimeMs : to, kind,
                tr("%1 %2: %3").arg(beijingTimeText(a.raisedTimeMs), alarmCodeName(a.code), where) });
        }
        for (const Migration& m : s.timeline.migrations) {
            if (marks.size() >= kMaxMarks)
                break;
            const int target = state->siteIndex(m.targetSiteId);
            const QString where = target >= 0 ? siteDisplayName(state->sites().at(target)) : m.targetSiteId;
            marks.append({ m.createdTimeMs, isFinished(m.state) ? m.updatedTimeMs : to,
                TimelineBar::Mark::Kind::Migration,
                tr("%1 migration of %2 to %3").arg(beijingTimeText(m.createdTimeMs), m.taskId, where) });
        }
    }
    m_bar->setSpan(from > 0 ? from : to, to, fineFrom);
    m_bar->setMarks(marks);
}

void ReplayController::step(int samples)
{
    if (samples == 0 || m_sources.isEmpty())
        return;
    if (!m_past) {
        if (samples < 0 && keptTo() > 0)
            seek(keptTo()); // the newest sample
        return;
    }
    qint64 fineFrom = 0;
    for (const Source& s : m_sources)
        fineFrom = std::max(fineFrom, s.hasTimeline ? s.timeline.fineFromMs : 0);
    qint64 t = m_target;
    for (int i = 0; i < std::abs(samples); ++i) {
        const qint64 sample = alignDown(t, stepAt(t));
        if (samples > 0) // forward; from the last quarter to the first minute kept
            t = sample < fineFrom && sample + stepAt(sample) > fineFrom ? fineFrom : sample + stepAt(sample);
        else
            t = alignDown(sample - 1, stepAt(sample - 1));
    }
    seek(std::max(t, keptFrom()));
}

void ReplayController::play(bool on)
{
    if (on && !m_past) {
        // From live, the last hour.
        const qint64 newest = keptTo();
        if (newest <= 0)
            return;
        seek(std::max(keptFrom(), newest - 3600 * 1000));
    }
    m_playing = on;
    m_bar->setPlaying(on);
    if (on) {
        m_playClock.start();
        m_playTimer.start();
    } else {
        m_playTimer.stop();
    }
}

void ReplayController::setSpeed(double simulatedPerWallSecond)
{
    m_speed = std::max(1.0, simulatedPerWallSecond);
}

void ReplayController::tick()
{
    m_playPosition += double(m_playClock.restart()) * m_speed;
    if (m_playPosition > double(keptTo())) {
        goLive();
        return;
    }
    const qint64 t = qint64(m_playPosition);
    const qint64 sample = alignDown(t, stepAt(t));
    const bool busy = std::any_of(m_sources.cbegin(), m_sources.cend(), [](const Source& s) { return s.momentCall != 0; });
    // A moment still coming is not superseded while playing: it is shown, then the next one.
    if (!busy && sample != alignDown(m_target, stepAt(m_target)))
        go(sample);
    else if (!busy)
        m_bar->setPast(t);
}

void ReplayController::goLive()
{
    play(false);
    for (Source& s : m_sources) {
        if (s.momentCall)
            s.client->cancel(std::exchange(s.momentCall, 0));
        if (s.aheadCall)
            s.client->cancel(std::exchange(s.aheadCall, 0));
        s.problem.clear();
    }
    m_past = false;
    m_session->state()->showLive();
    m_bar->setLive();
    m_bar->setLoading(false);
    m_bar->setProblem({});
}

} // namespace cpn
