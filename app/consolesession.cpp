#include "consolesession.h"

#include "commandjournal.h"
#include "dispatchclient.h"
#include "dispatchoutbox.h"
#include "networkstate.h"
#include "statefeed.h"
#include "tasktablemodel.h"

namespace cpn {

ConsoleSession::ConsoleSession(const ConnectionSettings& settings, QObject* parent)
    : QObject(parent)
    , m_settings(settings)
    , m_state(new NetworkState(this))
    , m_tasks(new TaskTableModel(this))
    , m_feed(new StateFeed(settings, this))
    , m_dispatch(new DispatchClient(settings, this))
{
    m_tasks->setNetworkState(m_state);
    connect(m_feed, &StateFeed::batchReady, this, &ConsoleSession::applyPending);
}

ConsoleSession::~ConsoleSession()
{
    m_feed->stop();
}

void ConsoleSession::openJournal(const QString& path, const QString& scheduler)
{
    if (m_outbox)
        return;
    m_outbox = new DispatchOutbox(m_dispatch, std::make_unique<CommandJournal>(path), scheduler, this);
}

DispatchOutbox* ConsoleSession::outbox()
{
    if (!m_outbox)
        openJournal(CommandJournal::defaultPath(), m_settings.target);
    return m_outbox;
}

void ConsoleSession::start()
{
    m_feed->start();
}

void ConsoleSession::applyPending()
{
    StateBatch batch = m_feed->takeBatch();
    if (batch.isEmpty())
        return;
    m_state->applyBatch(batch);
    m_tasks->applyBatch(std::move(batch)); // takes the snapshot's million tasks without a copy
    m_lastUpdate = QDateTime::currentDateTime();
    emit batchApplied();
}

} // namespace cpn
