#pragma once
// Replay: the whole network at a past moment. Fetches moments from every platform (the newest
// sample at or before the moment, each platform's own), shows them in the network state in place
// of the live values, and drives the timeline bar: its span and marks (alarms, migrations),
// dragging, stepping by sample, playing at a speed, returning to live. While the past is shown
// nothing is dispatched (DispatchController asks the state).
//
// Quick: the moments each platform answered last are kept (a few each); the neighbours a play or
// a step will want are fetched ahead (a fetch ahead no longer wanted is cancelled); each platform
// has one moment under way at a time, and when it answers the latest moment wanted is asked for.
// The map framed with the banner and the bar is PastFrame.

#include "domain.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <deque>

class QAction;
class QMenu;

namespace cpn {

class ConsoleSession;
class PastFrame;
class PlatformLink;
class ReplayClient;
class TimelineBar;

class ReplayController final : public QObject {
    Q_OBJECT
public:
    // `map` goes into view(), between the banner that says the past is shown and the timeline.
    ReplayController(ConsoleSession* session, QWidget* map, QMenu* viewMenu, QObject* parent = nullptr);
    ~ReplayController() override;

    // The map with the banner above and the timeline under it, framed in amber in the past.
    QWidget* view() const;
    QAction* toggleAction() const { return m_toggle; }
    TimelineBar* bar() const { return m_bar; }

    // Goes to a moment (simulated Unix ms): after the newest sample kept, that is live.
    void seek(qint64 timeMs);
    void step(int samples);
    void play(bool on);
    void setSpeed(double simulatedPerWallSecond);
    void goLive();
    bool isPast() const { return m_past; }
    qint64 moment() const { return m_target; }
    // Oldest and newest moment any platform keeps (0 before they said).
    qint64 keptFrom() const;
    qint64 keptTo() const;
    // Fetches the platforms' spans and marks again (the bar does it when shown and every 30 s).
    void refreshTimeline(bool missingOnly = false);

    // Moments kept per platform, those fetched ahead included (a moment at huge is some 10 MB).
    static constexpr int kCachedMoments = 6;

signals:
    // A moment asked for is on the map (every platform answered or failed).
    void momentShown(qint64 timeMs);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Source {
        QString name; // the platform's
        ReplayClient* client = nullptr;
        ReplayTimeline timeline;
        bool hasTimeline = false;
        quint64 timelineCall = 0;
        quint64 momentCall = 0; // the moment wanted, under way
        qint64 momentAsked = 0;
        quint64 aheadCall = 0; // a moment fetched ahead
        qint64 aheadAsked = 0;
        std::deque<MetricsFrame> cache; // least recently used first
        qint64 current = -1; // the sample shown of it (-1: none, it had no data then)
        QString problem; // why it has none
    };

    void retranslate();
    // seek() without moving the play position (a play tick).
    void go(qint64 timeMs);
    void addPlatform(PlatformLink* platform);
    void removePlatform(const QString& name);
    Source* source(ReplayClient* client);
    const MetricsFrame* cached(Source& s, qint64 timeMs);
    bool covers(const Source& s, qint64 sampleMs, qint64 timeMs) const;
    void request(Source& s);
    int entityBound(const Source& s) const;
    QString platformName(const Source& s) const;
    void fetchAhead();
    void showIfReady();
    void tick();
    void updateBar();
    void keep(Source& s, const MetricsFrame& frame);
    qint64 stepAt(qint64 timeMs) const;
    void onMoment(quint64 id, qint64 timeMs, const MetricsFrame& frame);
    void onMomentFailed(quint64 id, qint64 timeMs, const QString& code, const QString& message, qint64 from, qint64 to);
    void onTimeline(quint64 id, const ReplayTimeline& timeline);

    ConsoleSession* m_session;
    TimelineBar* m_bar;
    PastFrame* m_view;
    QAction* m_toggle;
    QHash<QString, Source> m_sources; // by platform
    bool m_past = false;
    qint64 m_target = 0; // the moment wanted (and shown, once every platform answered)
    bool m_playing = false;
    double m_playPosition = 0; // simulated ms, between samples
    double m_speed = 600;
    QTimer m_playTimer;
    QElapsedTimer m_playClock;
    QTimer m_refreshTimer;
};

} // namespace cpn
