#include "pastframe.h"

#include "consolesession.h"
#include "domainlabels.h"
#include "networkstate.h"
#include "platformlink.h"
#include "timelinebar.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpn {

PastFrame::PastFrame(ConsoleSession* session, QWidget* map, TimelineBar* bar, QWidget* parent)
    : QFrame(parent)
    , m_session(session)
    , m_banner(new QWidget(this))
    , m_text(new QLabel(m_banner))
    , m_live(new QPushButton(m_banner))
{
    setObjectName(QStringLiteral("MapFrame"));
    m_banner->setObjectName(QStringLiteral("PastBanner"));
    m_text->setObjectName(QStringLiteral("PastBannerText"));
    m_live->setObjectName(QStringLiteral("PastBannerLive"));
    m_banner->setAutoFillBackground(true);
    QPalette amber = m_banner->palette();
    amber.setColor(QPalette::Window, QColor(0xf5, 0x9f, 0x00));
    amber.setColor(QPalette::WindowText, Qt::black);
    m_banner->setPalette(amber);
    QFont bold = m_text->font();
    bold.setBold(true);
    m_text->setFont(bold);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(8, 3, 8, 3);
    bannerLayout->addWidget(m_text, 1);
    bannerLayout->addWidget(m_live);
    m_banner->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_banner);
    layout->addWidget(map, 1);
    layout->addWidget(bar);
    connect(m_live, &QPushButton::clicked, this, &PastFrame::liveRequested);
    connect(session->state(), &NetworkState::pastChanged, this, &PastFrame::update);
    m_live->setText(tr("Return to live"));
}

void PastFrame::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_live->setText(tr("Return to live"));
        update();
    }
    QFrame::changeEvent(event);
}

void PastFrame::update()
{
    const NetworkState* state = m_session->state();
    const bool past = state->isPast();
    m_banner->setVisible(past);
    // An amber frame around the map: nobody takes the past for now.
    setStyleSheet(past ? QStringLiteral("QFrame#MapFrame { border: 3px solid #f59f00; }") : QString());
    layout()->setContentsMargins(past ? QMargins(3, 3, 3, 3) : QMargins());
    if (!past)
        return;
    QStringList without;
    for (const PlatformLink* p : m_session->platforms()) {
        if (!state->hasPastData(p->name()))
            without << (m_session->platforms().size() > 1 ? p->displayName() : tr("the scheduler"));
    }
    QString text = tr("The past: %1 (Beijing time). Nothing can be dispatched until you return to live.")
                       .arg(beijingTimeText(state->pastTimeMs()));
    if (!without.isEmpty())
        text += QLatin1Char(' ') + tr("No data then from %1 (greyed).").arg(QLocale().createSeparatedList(without));
    m_text->setText(text);
}

} // namespace cpn
