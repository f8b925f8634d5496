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
    applyTasks();
    TaskStore snapshotTasks;
    StateBatch batch = m_feed->takeBatch(&snapshotTasks);
    if (batch.isEmpty())
        return;
    m_state->applyBatch(batch);
    m_lastUpdate = QDateTime::currentDateTime();
    // The task list's part in the next turn of the event loop: the network and the tasks, each a
    // few tens of ms at huge, are two short stalls of the GUI instead of one long one. (A
    // snapshot's million tasks come ready-built from the watch thread and are swapped in, not
    // copied.) Nothing is reordered: a pending part is applied before anything newer.
    m_pendingTasks = std::move(batch);
    m_pendingTaskStore = std::move(snapshotTasks);
    QMetaObject::invokeMethod(this, &ConsoleSession::applyTasks, Qt::QueuedConnection);
    emit batchApplied();
}

void ConsoleSession::applyTasks()
{
    if (!m_pendingTasks)
        return;
    StateBatch batch = std::move(*m_pendingTasks);
    m_pendingTasks.reset();
    if (batch.snapshot)
        m_tasks->applyBatch(std::move(batch), std::move(m_pendingTaskStore));
    else
        m_tasks->applyBatch(std::move(batch));
    m_pendingTaskStore = {};
    emit batchApplied();
}

} // namespace cpn
