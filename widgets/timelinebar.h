#pragma once
// The replay timeline under the map: the span of the past the schedulers keep, with marks for the
// alarms and migrations of that span, and where the map is (live, or a past moment). Drag on it
// to go to a moment; play, pause, step by sample, choose the speed, return to live. It only
// says what the user asked for: a controller fetches the moments and moves the bar.
//
// Keys (with the bar focused): Left / Right step by a sample, Space plays or pauses, End is live.

#include <QWidget>

class QComboBox;
class QLabel;
class QToolButton;

namespace cpn {

class TimelineBar final : public QWidget {
    Q_OBJECT
public:
    struct Mark {
        enum class Kind { Critical, Major, Minor, Migration };
        qint64 fromMs = 0;
        qint64 toMs = 0; // the end, or the span's end while still active
        Kind kind = Kind::Minor;
        QString text; // for the tooltip
    };

    explicit TimelineBar(QWidget* parent = nullptr);
    ~TimelineBar() override;

    // The span kept (simulated Unix ms); before fineFromMs the samples are further apart (shaded).
    void setSpan(qint64 fromMs, qint64 toMs, qint64 fineFromMs);
    qint64 spanFrom() const;
    qint64 spanTo() const;
    void setMarks(const QList<Mark>& marks);
    // Live (at the right end), or a past moment.
    void setLive();
    void setPast(qint64 timeMs);
    bool isPast() const;
    qint64 position() const; // the moment shown when past
    void setPlaying(bool playing);
    bool isPlaying() const;
    // A moment is being fetched (a busy hint), or what went wrong (empty: nothing).
    void setLoading(bool loading);
    void setProblem(const QString& text);

    // Simulated seconds per wall second offered for playing.
    static QList<double> speeds() { return { 1, 60, 600, 3600 }; }
    double speed() const;
    // How much of the span the track shows, up to its end: 6 h, 24 h (the default) or all.
    static QList<qint64> windows() { return { 6 * 3600 * 1000LL, 24 * 3600 * 1000LL, 0 }; }
    void setWindow(qint64 ms); // 0: the whole span
    qint64 window() const;
    // Where `timeMs` is drawn on the track, in the bar's coordinates (for tests and tooltips).
    QPoint pointAt(qint64 timeMs) const;

signals:
    void seekRequested(qint64 timeMs);
    void stepRequested(int samples); // -1 back, +1 forward
    void playRequested(bool play);
    void speedChanged(double speed);
    void liveRequested();

protected:
    void changeEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    class Track;
    void retranslate();
    void updateLabel();
    void updateTrackSpan();

    Track* m_track;
    QToolButton* m_back;
    QToolButton* m_play;
    QToolButton* m_forward;
    QComboBox* m_speed;
    QComboBox* m_window;
    QLabel* m_time;
    QToolButton* m_live;
    bool m_playing = false;
    bool m_loading = false;
    qint64 m_spanFrom = 0;
    qint64 m_spanTo = 0;
    QString m_problem;
};

} // namespace cpn
