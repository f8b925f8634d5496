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
    m_feed->setPrepareTaskStore(true);
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
    applySnapshotTasks();
    TaskStore snapshotTasks;
    StateBatch batch = m_feed->takeBatch(&snapshotTasks);
    if (batch.isEmpty())
        return;
    m_state->applyBatch(batch);
    m_lastUpdate = QDateTime::currentDateTime();
    if (batch.snapshot) {
        // The snapshot's million tasks come ready-built from the watch thread: swapped in, not
        // copied, in the next turn of the event loop.
        m_snapshotTasksBatch = std::move(batch);
        m_snapshotTasks = std::move(snapshotTasks);
        QMetaObject::invokeMethod(this, &ConsoleSession::applySnapshotTasks, Qt::QueuedConnection);
    } else {
        m_tasks->applyBatch(std::move(batch));
    }
    emit batchApplied();
}

void ConsoleSession::applySnapshotTasks()
{
    if (!m_snapshotTasksBatch)
        return;
    StateBatch batch = std::move(*m_snapshotTasksBatch);
    m_snapshotTasksBatch.reset();
    m_tasks->applyBatch(std::move(batch), std::move(m_snapshotTasks));
    m_snapshotTasks = {};
    emit batchApplied();
}

} // namespace cpn
