#include "alarmcontroller.h"

#include "alarmspanel.h"
#include "alarmtablemodel.h"
#include "consolesession.h"
#include "dispatchclient.h"
#include "domainlabels.h"
#include "mapview.h"
#include "networkstate.h"
#include "platformlink.h"
#include "regionsummary.h"
#include "regionsummarymodel.h"
#include "statefeed.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QEvent>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>

namespace cpn {

namespace {
constexpr int kNoticeMs = 15000;
const char* const kSoundKey = "alarms/sound";
} // namespace

AlarmController::AlarmController(QMainWindow* window, ConsoleSession* session, MapView* map, QMenu* viewMenu)
    : QObject(window)
    , m_window(window)
    , m_session(session)
    , m_map(map)
    , m_alarms(new AlarmTableModel(this))
    , m_panel(new AlarmsPanel(m_alarms, window))
    , m_alarmsDock(new QDockWidget(window))
    , m_regions(new RegionSummaryModel(this))
    , m_regionPanel(new RegionSummaryPanel(m_regions, window))
    , m_regionDock(new QDockWidget(window))
    , m_sound(new QAction(this))
    , m_attention(new QLabel(window))
{
    m_alarms->setNetworkState(session->state());
    m_regions->setNetworkState(session->state());

    m_alarmsDock->setObjectName(QStringLiteral("AlarmsDock"));
    m_alarmsDock->setWidget(m_panel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_alarmsDock);
    m_regionDock->setObjectName(QStringLiteral("RegionSummaryDock"));
    m_regionDock->setWidget(m_regionPanel);
    window->addDockWidget(Qt::RightDockWidgetArea, m_regionDock);

    viewMenu->addSeparator();
    QAction* showAlarms = m_alarmsDock->toggleViewAction();
    showAlarms->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
    viewMenu->addAction(showAlarms);
    QAction* showRegions = m_regionDock->toggleViewAction();
    showRegions->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    viewMenu->addAction(showRegions);
    m_sound->setCheckable(true);
    m_sound->setChecked(QSettings().value(QLatin1String(kSoundKey), false).toBool());
    viewMenu->addAction(m_sound);
    connect(m_sound, &QAction::toggled, this, [](bool on) { QSettings().setValue(QLatin1String(kSoundKey), on); });

    m_attention->setObjectName(QStringLiteral("AlarmAttention"));
    m_attention->setStyleSheet(QStringLiteral("QLabel { color: #ffffff; background: #c8102e; font-weight: bold; "
                                              "padding: 0 6px; border-radius: 3px; }"));
    window->statusBar()->addPermanentWidget(m_attention);

    connect(m_alarms, &AlarmTableModel::attentionChanged, this, &AlarmController::updateAttention);
    connect(m_alarms, &AlarmTableModel::criticalAlarmsRaised, this, &AlarmController::onCriticalRaised);
    // Marks on the map follow the sites and links by id; their indexes change with a snapshot.
    connect(session->state(), &NetworkState::topologyReset, this, &AlarmController::updateAttention);
    connect(m_panel, &AlarmsPanel::siteRequested, map, &MapView::flyToSite);
    connect(m_panel, &AlarmsPanel::acknowledgeRequested, this, [this](const QString& id, const QString& note) {
        // To the platform that raised it.
        const Alarm* alarm = m_alarms->alarm(id);
        PlatformLink* platform = alarm ? m_session->platform(alarm->platform) : nullptr;
        if (!platform || !isAcknowledgeAllowed(platform)) {
            if (auto* bar = m_window->statusBar())
                bar->showMessage(platform ? whyNotAllowed(platform) : tr("Alarm %1 is no longer known").arg(id), 15000);
            return;
        }
        m_requests.insert(platform->dispatch()->acknowledgeAlarm(id, note));
    });
    const auto wire = [this](PlatformLink* platform) {
        DispatchClient* client = platform->dispatch();
        connect(client, &DispatchClient::alarmAcknowledged, this, &AlarmController::onAcknowledged);
        connect(client, &DispatchClient::commandFailed, this, &AlarmController::onFailed);
        connect(platform, &PlatformLink::healthChanged, this, &AlarmController::updateAllowed);
    };
    for (PlatformLink* platform : session->platforms())
        wire(platform);
    connect(session, &ConsoleSession::platformAdded, this, wire);
    connect(session, &ConsoleSession::platformRemoved, this, &AlarmController::updateAllowed);
    connect(session->state(), &NetworkState::topologyReset, this, &AlarmController::updateAllowed);

    window->installEventFilter(this);
    retranslate();
    updateAllowed();
    updateAttention();
}

bool AlarmController::isAcknowledgeAllowed(const PlatformLink* platform) const
{
    return !m_displayOnly && platform->role() != QLatin1String("viewer")
        && platform->connectionState() == ConnectionState::Live;
}

void AlarmController::setDisplayOnly(bool on)
{
    m_displayOnly = on;
    updateAllowed();
}

QString AlarmController::whyNotAllowed(const PlatformLink* platform) const
{
    const bool several = m_session->platforms().size() > 1;
    if (m_displayOnly)
        return tr("This console is a wall display (--kiosk): alarms are acknowledged at an operator's console.");
    if (platform->role() == QLatin1String("viewer"))
        return several ? tr("Your token on %1 has the viewer role: acknowledging its alarms needs an operator token.")
                             .arg(platform->displayName())
                       : tr("Your token has the viewer role: acknowledging alarms needs an operator token.");
    if (platform->connectionState() != ConnectionState::Live)
        return several ? tr("Not connected to %1: its alarms cannot be acknowledged until the connection is back.")
                             .arg(platform->displayName())
                       : tr("Not connected to the scheduler: the console is read-only until the connection is back.");
    return {};
}

bool AlarmController::isAcknowledgeAllowed() const
{
    const auto& all = m_session->platforms();
    return std::any_of(all.cbegin(), all.cend(), [this](const PlatformLink* p) { return isAcknowledgeAllowed(p); });
}

QString AlarmController::whyNotAllowed() const
{
    const auto& all = m_session->platforms();
    return isAcknowledgeAllowed() || all.isEmpty() ? QString() : whyNotAllowed(all.front());
}

void AlarmController::updateAllowed()
{
    m_panel->setAcknowledgeAllowed(isAcknowledgeAllowed(), whyNotAllowed());
}

void AlarmController::updateAttention()
{
    const NetworkState* state = m_session->state();
    QStringList sites, links;
    for (const QString& id : m_alarms->attentionAlarmIds()) {
        const Alarm* alarm = m_alarms->alarm(id);
        if (state->siteIndex(alarm->sourceId) >= 0)
            sites.append(alarm->sourceId);
        else if (state->linkIndex(alarm->sourceId) >= 0)
            links.append(alarm->sourceId);
    }
    sites.removeDuplicates();
    links.removeDuplicates();
    m_map->setAlarmBadges(sites, links);
    const int count = int(m_alarms->attentionAlarmIds().size());
    m_attention->setText(tr("%n unacknowledged critical alarm(s)", nullptr, count));
    m_attention->setToolTip(tr("Open the alarms dock (%1) to acknowledge them")
                                .arg(m_alarmsDock->toggleViewAction()->shortcut().toString(QKeySequence::NativeText)));
    m_attention->setVisible(count > 0);
}

void AlarmController::onCriticalRaised(const QStringList& alarmIds)
{
    if (m_sound->isChecked()) {
        QApplication::beep();
        ++m_beeps;
    }
    if (const Alarm* alarm = m_alarms->alarm(alarmIds.first())) {
        m_window->statusBar()->showMessage(
            tr("Critical alarm: %1 at %2").arg(alarmCodeName(alarm->code), m_alarms->sourceName(*alarm)), kNoticeMs);
    }
}

void AlarmController::onAcknowledged(const QString& requestId, const Alarm& alarm)
{
    if (!m_requests.remove(requestId))
        return;
    m_window->statusBar()->showMessage(
        tr("Alarm acknowledged: %1 at %2").arg(alarmCodeName(alarm.code), m_alarms->sourceName(alarm)), kNoticeMs);
}

void AlarmController::onFailed(const QString& requestId, const CommandError& error)
{
    if (!m_requests.remove(requestId))
        return;
    m_window->statusBar()->showMessage(
        tr("The alarm was not acknowledged: %1 (%2)").arg(error.message, error.codeName), kNoticeMs);
}

bool AlarmController::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    return QObject::eventFilter(watched, event);
}

void AlarmController::retranslate()
{
    m_alarmsDock->setWindowTitle(tr("Alarms"));
    m_regionDock->setWindowTitle(tr("Regional summary"));
    m_sound->setText(tr("Beep on new critical alarms"));
    // Item models get no LanguageChange of their own; region names follow the language.
    m_alarms->retranslate();
    m_regions->refresh();
    updateAttention();
    updateAllowed();
}

} // namespace cpn
