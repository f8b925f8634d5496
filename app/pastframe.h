#pragma once
// The map framed for replay: an amber banner above it while a past moment is shown (the time,
// that nothing can be dispatched, which platforms have no data then, a "Return to live" button),
// an amber border around it, and the timeline bar under it. It follows NetworkState::pastChanged.

#include <QFrame>

class QLabel;
class QPushButton;

namespace cpn {

class ConsoleSession;
class TimelineBar;

class PastFrame final : public QFrame {
    Q_OBJECT
public:
    // Takes `map` into its layout, between the banner and `bar`.
    PastFrame(ConsoleSession* session, QWidget* map, TimelineBar* bar, QWidget* parent = nullptr);

signals:
    void liveRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void update();

    ConsoleSession* m_session;
    QWidget* m_banner;
    QLabel* m_text;
    QPushButton* m_live;
};

} // namespace cpn
