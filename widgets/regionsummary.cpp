#include "regionsummary.h"

#include "domainlabels.h"
#include "regionsummarymodel.h"
#include "utilisationcolor.h"

#include <QCoreApplication>
#include <QEvent>
#include <QHelpEvent>
#include <QLocale>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {

constexpr int kMinCardWidth = 250;
constexpr int kGap = 8;
constexpr int kPadding = 10;
constexpr int kTitleHeight = 24;
constexpr int kRowHeight = 20;
constexpr int kFooterHeight = 46;
constexpr int kLabelWidth = 78;
constexpr int kFigureWidth = 92;

const QColor kGreen(0x1e, 0xc2, 0x7a);

int cardHeight(const RegionSummary& s)
{
    return 2 * kPadding + kTitleHeight + std::max<int>(1, int(s.accelerators.size())) * kRowHeight + kFooterHeight;
}

} // namespace

// The cards, laid out in as many columns as fit.
class RegionCards final : public QWidget {
    Q_DECLARE_TR_FUNCTIONS(cpn::RegionSummaryPanel)
public:
    explicit RegionCards(RegionSummaryModel* model, QWidget* parent)
        : QWidget(parent)
        , m_model(model)
    {
        setObjectName(QStringLiteral("RegionCards"));
        setMinimumWidth(kMinCardWidth + 2 * kGap);
    }

    int columns() const { return std::max(1, (width() - kGap) / (kMinCardWidth + kGap)); }

    QList<QRect> layoutCards(int width) const
    {
        const QList<RegionSummary>& all = m_model->summaries();
        const int n = std::max(1, std::min<int>(int(all.size()), std::max(1, (width - kGap) / (kMinCardWidth + kGap))));
        const int cardWidth = (width - kGap * (n + 1)) / n;
        QList<QRect> rects;
        int y = kGap;
        for (int row = 0; row * n < all.size(); ++row) {
            int rowHeight = 0;
            for (int c = 0; c < n && row * n + c < all.size(); ++c)
                rowHeight = std::max(rowHeight, cardHeight(all[row * n + c]));
            for (int c = 0; c < n && row * n + c < all.size(); ++c)
                rects.append(QRect(kGap + c * (cardWidth + kGap), y, cardWidth, rowHeight));
            y += rowHeight + kGap;
        }
        return rects;
    }

    void relayout()
    {
        m_rects = layoutCards(width());
        const int bottom = m_rects.isEmpty() ? 0 : m_rects.back().bottom() + kGap;
        setMinimumHeight(bottom);
        update();
    }

    QStringList lines(const RegionSummary& s) const
    {
        const QLocale locale;
        QStringList out;
        out << s.name + QLatin1Char(' ') + (s.western ? tr("West") : tr("East"));
        for (const auto& a : s.accelerators)
            out << architectureName(a.architecture) + QLatin1Char(' ') + figure(a.usedPflops, a.capacityPflops);
        out << tr("Green power %1%").arg(locale.toString(s.greenShare * 100, 'f', 0));
        out << (s.averagePue > 0 ? tr("PUE %1").arg(locale.toString(s.averagePue, 'f', 2)) : tr("PUE -"));
        return out;
    }

    const QList<QRect>& rects() const { return m_rects; }

protected:
    void resizeEvent(QResizeEvent*) override { relayout(); }

    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::ToolTip) {
            auto* help = static_cast<QHelpEvent*>(event);
            for (int i = 0; i < m_rects.size(); ++i) {
                if (m_rects[i].contains(help->pos())) {
                    QToolTip::showText(help->globalPos(), toolTip(m_model->summaries().at(i)), this, m_rects[i]);
                    return true;
                }
            }
            QToolTip::hideText();
            return true;
        }
        return QWidget::event(event);
    }

    void paintEvent(QPaintEvent*) override
    {
        QPainter p(this);
        p.setRenderHint(QPainter::Antialiasing, true);
        const QList<RegionSummary>& all = m_model->summaries();
        for (int i = 0; i < m_rects.size() && i < all.size(); ++i)
            paintCard(p, m_rects[i], all[i]);
    }

private:
    static QString figure(double used, double capacity)
    {
        const QLocale locale;
        return tr("%1 / %2 PF")
            .arg(locale.toString(used, 'f', used < 10 ? 1 : 0), locale.toString(capacity, 'f', capacity < 10 ? 1 : 0));
    }

    QString toolTip(const RegionSummary& s) const
    {
        const QLocale locale;
        QString text = tr("%1: %n site(s)", nullptr, s.siteCount).arg(s.name);
        if (s.offlineSites > 0)
            text += QLatin1Char('\n') + tr("%n offline", nullptr, s.offlineSites);
        text += QLatin1Char('\n')
            + tr("In use %1 of %2 PFLOPS (%3%)")
                  .arg(locale.toString(s.usedPflops, 'f', 0), locale.toString(s.capacityPflops, 'f', 0),
                      locale.toString(s.capacityPflops > 0 ? s.usedPflops / s.capacityPflops * 100 : 0, 'f', 0));
        text += QLatin1Char('\n') + tr("Power %1 MW").arg(locale.toString(s.powerMw, 'f', 1));
        return text;
    }

    void paintBar(QPainter& p, const QRectF& track, double fraction, const QColor& color) const
    {
        const QColor trackColor = palette().color(QPalette::Mid);
        p.setPen(Qt::NoPen);
        p.setBrush(trackColor);
        p.drawRoundedRect(track, 3, 3);
        if (fraction > 0) {
            QRectF fill = track;
            fill.setWidth(std::max(2.0, track.width() * std::clamp(fraction, 0.0, 1.0)));
            p.setBrush(color);
            p.drawRoundedRect(fill, 3, 3);
        }
    }

    void paintCard(QPainter& p, const QRect& r, const RegionSummary& s) const
    {
        const QPalette pal = palette();
        p.setPen(QPen(pal.color(QPalette::Mid), 1));
        p.setBrush(pal.color(QPalette::AlternateBase));
        p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        const QRect inner = r.adjusted(kPadding, kPadding, -kPadding, -kPadding);
        const QStringList text = lines(s);

        QFont title = font();
        title.setBold(true);
        title.setPixelSize(15);
        const QRect titleRect(inner.left(), inner.top(), inner.width(), kTitleHeight);
        QFont small = font();
        small.setPixelSize(12);
        p.setFont(small);
        p.setPen(pal.color(QPalette::PlaceholderText));
        const QString side
            = (s.western ? tr("West") : tr("East")) + QStringLiteral(" · ") + tr("%n site(s)", nullptr, s.siteCount);
        p.drawText(titleRect, Qt::AlignRight | Qt::AlignVCenter, side);
        // A long region name gives way to the side and site count.
        const int nameWidth = titleRect.width() - QFontMetrics(small).horizontalAdvance(side) - 8;
        p.setFont(title);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetrics(title).elidedText(s.name, Qt::ElideRight, std::max(0, nameWidth)));
        p.setFont(small);

        // Bars of one card share a scale: the largest capacity fills the track.
        double maxCapacity = 0;
        for (const auto& a : s.accelerators)
            maxCapacity = std::max(maxCapacity, a.capacityPflops);
        int y = titleRect.bottom() + 1;
        const int trackWidth = inner.width() - kLabelWidth - kFigureWidth;
        for (const auto& a : s.accelerators) {
            const QRect row(inner.left(), y, inner.width(), kRowHeight);
            p.setPen(pal.color(QPalette::WindowText));
            p.drawText(QRect(row.left(), row.top(), kLabelWidth - 4, row.height()), Qt::AlignLeft | Qt::AlignVCenter,
                architectureName(a.architecture));
            const double scale = maxCapacity > 0 ? a.capacityPflops / maxCapacity : 0;
            const QRectF track(row.left() + kLabelWidth, row.center().y() - 5, std::max(8.0, trackWidth * scale), 10);
            const double use = a.capacityPflops > 0 ? a.usedPflops / a.capacityPflops : 0;
            paintBar(p, track, use, utilisationColor(use));
            p.drawText(QRect(row.right() - kFigureWidth, row.top(), kFigureWidth, row.height()),
                Qt::AlignRight | Qt::AlignVCenter, figure(a.usedPflops, a.capacityPflops));
            y += kRowHeight;
        }
        if (s.accelerators.isEmpty()) {
            p.setPen(pal.color(QPalette::PlaceholderText));
            p.drawText(QRect(inner.left(), y, inner.width(), kRowHeight), Qt::AlignLeft | Qt::AlignVCenter,
                tr("No accelerators"));
            y += kRowHeight;
        }

        y += 6;
        const QRect green(inner.left(), y, inner.width(), kRowHeight);
        p.setPen(pal.color(QPalette::WindowText));
        p.drawText(QRect(green.left(), green.top(), kLabelWidth + trackWidth / 2, green.height()),
            Qt::AlignLeft | Qt::AlignVCenter, text.at(text.size() - 2));
        paintBar(p, QRectF(green.left() + kLabelWidth + trackWidth / 2.0, green.center().y() - 5, trackWidth / 2.0, 10),
            s.greenShare, kGreen);
        QFont big = font();
        big.setPixelSize(15);
        big.setBold(true);
        p.setFont(big);
        // PUE: green at the hubs' 1.25 target or better, amber above it, red past 1.5.
        const QColor pueColor = s.averagePue <= 0 ? pal.color(QPalette::PlaceholderText)
            : s.averagePue <= 1.25                ? kGreen
            : s.averagePue <= 1.5                 ? QColor(0xf2, 0xb0, 0x2a)
                                                  : QColor(0xff, 0x3b, 0x3b);
        p.setPen(pueColor);
        p.drawText(QRect(green.right() - kFigureWidth, green.top(), kFigureWidth, green.height()),
            Qt::AlignRight | Qt::AlignVCenter, text.back());
        p.setFont(font());
    }

    RegionSummaryModel* m_model;
    QList<QRect> m_rects;
};

RegionSummaryPanel::RegionSummaryPanel(RegionSummaryModel* model, QWidget* parent)
    : QScrollArea(parent)
    , m_model(model)
    , m_cards(new RegionCards(model, this))
{
    setObjectName(QStringLiteral("RegionSummaryPanel"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setWidget(m_cards);
    connect(model, &RegionSummaryModel::summariesChanged, m_cards, &RegionCards::relayout);
    m_cards->relayout();
}

QWidget* RegionSummaryPanel::cards() const
{
    return m_cards;
}

int RegionSummaryPanel::cardCount() const
{
    return int(m_cards->rects().size());
}

QRect RegionSummaryPanel::cardRect(int i) const
{
    return m_cards->rects().value(i);
}

QString RegionSummaryPanel::cardText(int i) const
{
    const QList<RegionSummary>& all = m_model->summaries();
    return i >= 0 && i < all.size() ? m_cards->lines(all.at(i)).join(QLatin1Char('\n')) : QString();
}

} // namespace cpn
