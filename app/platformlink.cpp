#include "platformlink.h"

#include "commandjournal.h"
#include "dispatchclient.h"
#include "dispatchoutbox.h"
#include "historyclient.h"

#include <QLoggingCategory>

namespace cpn {

Q_LOGGING_CATEGORY(lcConnection, "cpn.connection")


PlatformLink::PlatformLink(const ConnectionSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_feed(new StateFeed(settings, this))
    , m_dispatch(new DispatchClient(settings, this))
    , m_history(new HistoryClient(settings, this))
{
    // Until told otherwise (setSource), the platform is what its settings say, files unknown.
    m_source.name = settings.platform;
    m_source.target = settings.target;
    m_feed->setPrepareTaskStore(true);
    connect(m_feed, &StateFeed::stateChanged, this, [this](ConnectionState state) {
        if (state == ConnectionState::Live) {
            m_brokeAtMs = 0;
            m_retryAtMs = 0;
            m_lastError.clear();
        } else if (m_brokeAtMs == 0) {
            m_brokeAtMs = QDateTime::currentMSecsSinceEpoch();
        }
        emit healthChanged();
    });
    connect(m_feed, &StateFeed::reconnectScheduled, this, [this](int ms, const QString& error) {
        m_retryAtMs = QDateTime::currentMSecsSinceEpoch() + ms;
        if (error != m_lastError) // the log has each cause once, not every retry
            qCWarning(lcConnection).noquote() << displayName() << error;
        m_lastError = error;
        emit healthChanged();
    });
}

PlatformLink::~PlatformLink()
{
    m_feed->stop();
}

QString PlatformLink::journalKey() const
{
    // By name, so that a platform at a new address still finds its unfinished commands.
    return m_settings.platform.isEmpty() ? m_settings.target : m_settings.platform;
}

void PlatformLink::openJournal(const QString& path, const QString& scheduler)
{
    if (m_outbox)
        return;
    m_outbox = new DispatchOutbox(m_dispatch, std::make_unique<CommandJournal>(path), scheduler, this);
    m_outbox->setIdentity(DispatchOutbox::identityOf(m_outbox->operatorName(), m_settings.token));
}

DispatchOutbox* PlatformLink::outbox()
{
    if (!m_outbox)
        openJournal(CommandJournal::defaultPath(), journalKey());
    return m_outbox;
}

void PlatformLink::setRole(const QString& role)
{
    if (role == m_role)
        return;
    m_role = role;
    if (m_outbox)
        m_outbox->setRole(role);
    emit healthChanged();
}

QDateTime PlatformLink::staleSince(qint64 quietAfterMs) const
{
    if (m_feed->state() == ConnectionState::Live) {
        // Live, but nothing for a while: stale since the last update.
        if (m_lastUpdate.isValid() && m_lastUpdate.msecsTo(QDateTime::currentDateTime()) > quietAfterMs)
            return m_lastUpdate;
        return {};
    }
    if (!m_lastUpdate.isValid())
        return {}; // nothing shown yet, nothing stale
    return m_brokeAtMs > 0 ? QDateTime::fromMSecsSinceEpoch(m_brokeAtMs) : m_lastUpdate;
}

} // namespace cpn
