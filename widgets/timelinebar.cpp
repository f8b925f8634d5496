#include "timelinebar.h"

#include "domainlabels.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QTimeZone>
#include <QToolButton>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {
    constexpr int kMargin = 8; // the track's ends stay clear of its edges
    const QColor kPastColour(0xf5, 0x9f, 0x00); // amber: the past, here and around the map
    const QColor kLiveColour(0x2f, 0x9e, 0x44);

    QColor markColour(TimelineBar::Mark::Kind kind)
    {
        switch (kind) {
        case TimelineBar::Mark::Kind::Critical:
            return QColor(0xe0, 0x31, 0x31);
        case TimelineBar::Mark::Kind::Major:
            return QColor(0xf0, 0x8c, 0x00);
        case TimelineBar::Mark::Kind::Minor:
            return QColor(0xd4, 0xb1, 0x06);
        case TimelineBar::Mark::Kind::Migration:
            break;
        }
        return QColor(0x4d, 0xab, 0xf7);
    }
}

// The span itself: marks, ticks and the cursor; a press or drag asks for a moment.
class TimelineBar::Track final : public QWidget {
public:
    explicit Track(TimelineBar* bar)
        : QWidget(bar)
        , m_bar(bar)
    {
        setMinimumHeight(34);
        setMouseTracking(true);
        setCursor(Qt::PointingHandCursor);
    }

    qint64 from = 0;
    qint64 to = 0;
    qint64 fineFrom = 0;
    QList<Mark> marks;
    qint64 position = 0;
    bool past = false;

    double xAt(qint64 t) const
    {
        const double w = std::max(1, width() - 2 * kMargin);
        return to > from ? kMargin + w * double(t - from) / double(to - from) : kMargin + w;
    }
    qint64 timeAt(double x) const
    {
        const double w = std::max(1, width() - 2 * kMargin);
        const double f = std::clamp((x - kMargin) / w, 0.0, 1.0);
        return from + qint64(std::llround(f * double(to - from)));
    }

protected:
    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing);
        const QRectF lane(kMargin, 2, width() - 2 * kMargin, height() - 4);
        p.fillRect(rect(), palette().base());
        if (to <= from) {
            p.setPen(palette().color(QPalette::PlaceholderText));
            p.drawText(rect(), Qt::AlignCenter, TimelineBar::tr("No history from the scheduler yet"));
            return;
        }
        // The coarse past (15-minute means) shaded.
        if (fineFrom > from)
            p.fillRect(QRectF(lane.left(), lane.top(), xAt(std::min(fineFrom, to)) - lane.left(), lane.height()),
                palette().alternateBase());
        // Ticks: days over long spans, every few hours over short ones, in Beijing time.
        const qint64 span = to - from;
        const qint64 hour = 3600 * 1000;
        const qint64 step = span > 3 * 24 * hour ? 24 * hour : span > 24 * hour ? 6 * hour : span > 6 * hour ? hour : hour / 4;
        const qint64 zone = 8 * hour;
        p.setPen(palette().color(QPalette::Mid));
        QFont small = font();
        small.setPointSizeF(font().pointSizeF() * 0.8);
        p.setFont(small);
        const QFontMetrics fm(small);
        double lastLabelEnd = -1e9;
        int ticks = 0;
        for (qint64 t = ((from + zone) / step + 1) * step - zone; t < to && ticks < 500; t += step, ++ticks) {
            const double x = xAt(t);
            p.setPen(palette().color(QPalette::Mid));
            p.drawLine(QPointF(x, lane.bottom() - 5), QPointF(x, lane.bottom()));
            const QDateTime when = beijingDateTime(t);
            const QString label = step >= 24 * hour ? when.toString(QStringLiteral("MM-dd"))
                                                    : when.toString(QStringLiteral("HH:mm"));
            const double w = fm.horizontalAdvance(label);
            if (x - w / 2 > lastLabelEnd + 6 && x + w / 2 < width()) {
                p.setPen(palette().color(QPalette::PlaceholderText));
                p.drawText(QPointF(x - w / 2, lane.bottom() - 7), label);
                lastLabelEnd = x + w / 2;
            }
        }
        // Alarms above, migrations below the middle: at least 2 px wide to be seen.
        for (const Mark& m : marks) {
            const double x0 = xAt(std::clamp(m.fromMs, from, to));
            const double x1 = std::max(x0 + 2, xAt(std::clamp(m.toMs, from, to)));
            const bool migration = m.kind == Mark::Kind::Migration;
            const QRectF r(x0, migration ? lane.top() + 12 : lane.top() + 2 + 3 * (int(m.kind) % 3), x1 - x0, 3);
            p.fillRect(r, markColour(m.kind));
        }
        // Where the map is: the past in amber, live at the end in green.
        const double x = past ? xAt(std::clamp(position, from, to)) : xAt(to);
        p.setPen(QPen(past ? kPastColour : kLiveColour, 3));
        p.drawLine(QPointF(x, 0), QPointF(x, height()));
    }

    void mousePressEvent(QMouseEvent* event) override
    {
        if (event->button() == Qt::LeftButton && to > from)
            emit m_bar->seekRequested(timeAt(event->position().x()));
    }
    void mouseMoveEvent(QMouseEvent* event) override
    {
        if ((event->buttons() & Qt::LeftButton) && to > from)
            emit m_bar->seekRequested(timeAt(event->position().x()));
    }
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip && to > from) {
            auto* help = static_cast<QHelpEvent*>(event);
            const qint64 t = timeAt(help->pos().x());
            QStringList lines { beijingTimeText(t) };
            const qint64 slack = qint64(double(to - from) / std::max(1, width()) * 3); // 3 px
            int shown = 0;
            for (const Mark& m : marks) {
                if (m.fromMs - slack <= t && t <= m.toMs + slack && shown++ < 5)
                    lines << m.text;
            }
            if (shown > 5)
                lines << TimelineBar::tr("and %n more", nullptr, shown - 5);
            QToolTip::showText(help->globalPos(), lines.join(QLatin1Char('\n')), this);
            return true;
        }
        return QWidget::event(event);
    }

private:
    TimelineBar* m_bar;
};

TimelineBar::TimelineBar(QWidget* parent)
    : QWidget(parent)
    , m_track(new Track(this))
    , m_back(new QToolButton(this))
    , m_play(new QToolButton(this))
    , m_forward(new QToolButton(this))
    , m_speed(new QComboBox(this))
    , m_window(new QComboBox(this))
    , m_time(new QLabel(this))
    , m_live(new QToolButton(this))
{
    setObjectName(QStringLiteral("TimelineBar"));
    setFocusPolicy(Qt::StrongFocus);
    m_track->setObjectName(QStringLiteral("TimelineTrack"));
    m_back->setObjectName(QStringLiteral("TimelineBack"));
    m_play->setObjectName(QStringLiteral("TimelinePlay"));
    m_forward->setObjectName(QStringLiteral("TimelineForward"));
    m_speed->setObjectName(QStringLiteral("TimelineSpeed"));
    m_time->setObjectName(QStringLiteral("TimelineTime"));
    m_live->setObjectName(QStringLiteral("TimelineLive"));
    for (const double s : speeds())
        m_speed->addItem(QString(), s);
    m_speed->setCurrentIndex(2); // 600x: an hour in six seconds
    m_window->setObjectName(QStringLiteral("TimelineWindow"));
    for (const qint64 w : windows())
        m_window->addItem(QString(), w);
    m_window->setCurrentIndex(1);
    m_time->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("00-00 00:00:00 (000000)")));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(m_back);
    layout->addWidget(m_play);
    layout->addWidget(m_forward);
    layout->addWidget(m_speed);
    layout->addWidget(m_window);
    layout->addWidget(m_track, 1);
    layout->addWidget(m_time);
    layout->addWidget(m_live);
    connect(m_back, &QToolButton::clicked, this, [this] { emit stepRequested(-1); });
    connect(m_forward, &QToolButton::clicked, this, [this] { emit stepRequested(1); });
    connect(m_play, &QToolButton::clicked, this, [this] { emit playRequested(!m_playing); });
    connect(m_live, &QToolButton::clicked, this, &TimelineBar::liveRequested);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this] { emit speedChanged(speed()); });
    connect(m_window, &QComboBox::currentIndexChanged, this, &TimelineBar::updateTrackSpan);
    retranslate();
    updateLabel();
}

TimelineBar::~TimelineBar() = default;

void TimelineBar::setSpan(qint64 fromMs, qint64 toMs, qint64 fineFromMs)
{
    m_spanFrom = fromMs;
    m_spanTo = std::max(fromMs, toMs);
    m_track->fineFrom = fineFromMs;
    updateTrackSpan();
}

void TimelineBar::updateTrackSpan()
{
    const qint64 shown = window();
    m_track->from = shown > 0 ? std::max(m_spanFrom, m_spanTo - shown) : m_spanFrom;
    m_track->to = m_spanTo;
    m_track->update();
}

void TimelineBar::setWindow(qint64 ms)
{
    const int i = m_window->findData(ms);
    if (i >= 0)
        m_window->setCurrentIndex(i);
}

qint64 TimelineBar::window() const
{
    return m_window->currentData().toLongLong();
}

qint64 TimelineBar::spanFrom() const
{
    return m_track->from;
}

qint64 TimelineBar::spanTo() const
{
    return m_track->to;
}

void TimelineBar::setMarks(const QList<Mark>& marks)
{
    m_track->marks = marks;
    m_track->update();
}

void TimelineBar::setLive()
{
    m_track->past = false;
    m_track->update();
    updateLabel();
}

void TimelineBar::setPast(qint64 timeMs)
{
    m_track->past = true;
    m_track->position = timeMs;
    m_track->update();
    updateLabel();
}

bool TimelineBar::isPast() const
{
    return m_track->past;
}

qint64 TimelineBar::position() const
{
    return m_track->position;
}

void TimelineBar::setPlaying(bool playing)
{
    m_playing = playing;
    retranslate();
}

bool TimelineBar::isPlaying() const
{
    return m_playing;
}

void TimelineBar::setLoading(bool loading)
{
    m_loading = loading;
    updateLabel();
}

void TimelineBar::setProblem(const QString& text)
{
    m_problem = text;
    updateLabel();
}

double TimelineBar::speed() const
{
    return m_speed->currentData().toDouble();
}

QPoint TimelineBar::pointAt(qint64 timeMs) const
{
    return m_track->mapTo(this, QPoint(int(std::lround(m_track->xAt(timeMs))), m_track->height() / 2));
}

void TimelineBar::updateLabel()
{
    QPalette palette = m_time->palette();
    palette.setColor(QPalette::WindowText, m_track->past ? kPastColour : kLiveColour);
    m_time->setPalette(palette);
    m_time->setText(m_track->past ? beijingTimeText(m_track->position) + (m_loading ? QStringLiteral(" …") : QString())
                                  : tr("Live"));
    m_time->setToolTip(m_problem);
    m_live->setEnabled(m_track->past);
    m_track->setToolTip(QString());
}

void TimelineBar::retranslate()
{
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSkipBackward));
    m_back->setToolTip(tr("Back one sample (Left)"));
    m_forward->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_forward->setToolTip(tr("Forward one sample (Right)"));
    m_play->setIcon(style()->standardIcon(m_playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(m_playing ? tr("Pause (Space)") : tr("Play from here (Space)"));
    m_live->setText(tr("Live"));
    m_live->setToolTip(tr("Return to the live network (End)"));
    const QList<double> all = speeds();
    for (int i = 0; i < all.size(); ++i)
        m_speed->setItemText(i, tr("%1×").arg(QLocale().toString(all[i], 'f', 0)));
    m_speed->setToolTip(tr("Simulated time per second of playing"));
    m_window->setItemText(0, tr("Last 6 hours"));
    m_window->setItemText(1, tr("Last 24 hours"));
    m_window->setItemText(2, tr("All kept"));
    m_window->setToolTip(tr("How much of the past the timeline shows"));
    setToolTip(tr("The past the schedulers keep: drag to a moment. Red, orange and yellow marks are alarms, "
                  "blue ones migrations; the shaded part is kept as 15-minute means."));
    updateLabel();
}

void TimelineBar::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TimelineBar::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        emit stepRequested(-1);
        return;
    case Qt::Key_Right:
        emit stepRequested(1);
        return;
    case Qt::Key_Space:
        emit playRequested(!m_playing);
        return;
    case Qt::Key_End:
        emit liveRequested();
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

} // namespace cpn
