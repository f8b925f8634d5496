#include "consolesession.h"

#include "commandjournal.h"
#include "dispatchclient.h"
#include "dispatchoutbox.h"
#include "networkstate.h"
#include "statefeed.h"
#include "tasktablemodel.h"

#include <QThread>

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
    if (m_preparing) {
        m_preparing->wait();
        delete m_preparing; // and with it the state it prepared
    }
}

void ConsoleSession::openJournal(const QString& path, const QString& scheduler)
{
    if (m_outbox)
        return;
    m_outbox = new DispatchOutbox(m_dispatch, std::make_unique<CommandJournal>(path), scheduler, this);
    m_outbox->setIdentity(DispatchOutbox::identityOf(m_outbox->operatorName(), m_settings.token));
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
    if (m_preparing)
        return; // taken once the snapshot before it is in
    applyTasks();
    TaskStore snapshotTasks;
    StateBatch batch = m_feed->takeBatch(&snapshotTasks);
    if (batch.isEmpty())
        return;
    if (batch.snapshot) {
        prepareSnapshot(std::move(batch), std::move(snapshotTasks));
        return;
    }
    m_state->applyBatch(batch);
    m_lastUpdate = QDateTime::currentDateTime();
    // The task list's part in the next turn of the event loop: the network and the tasks, each a
    // few tens of ms at huge, are two short stalls of the GUI instead of one long one. (A
    // snapshot's million tasks come ready-built from the watch thread and are swapped in, not
    // copied.) Nothing is reordered: a pending part is applied before anything newer.
    m_pendingTasks = std::move(batch);
    m_pendingTaskStore = std::move(snapshotTasks);
    nextTurn(&ConsoleSession::applyTasks);
    emit batchApplied();
}

void ConsoleSession::nextTurn(void (ConsoleSession::*step)())
{
    // A queued call. A 1 ms timer instead, to let input and painting in between, measured worse
    // at huge: the first paint then lands between the network and the tasks, and live comes later.
    QMetaObject::invokeMethod(this, step, Qt::QueuedConnection);
}

void ConsoleSession::prepareSnapshot(StateBatch&& batch, TaskStore&& tasks)
{
    // Checking and indexing 10,000 sites and 50,000 links takes longer than a frame: done on a
    // thread of its own, into a state the GUI thread swaps with its own when it is ready.
    m_preparedBatch = std::move(batch);
    m_preparedTasks = std::move(tasks);
    QThread* gui = thread();
    const StateBatch* snapshot = &*m_preparedBatch; // not touched here until the worker is done
    auto prepared = std::make_shared<std::unique_ptr<NetworkState>>();
    m_preparing = QThread::create([prepared, snapshot, gui] {
        auto state = std::make_unique<NetworkState>();
        state->applyBatch(*snapshot);
        state->moveToThread(gui);
        *prepared = std::move(state);
    });
    connect(m_preparing, &QThread::finished, this, [this, prepared] { adoptSnapshot(std::move(*prepared)); });
    m_preparing->start();
}

void ConsoleSession::adoptSnapshot(std::unique_ptr<NetworkState> prepared)
{
    m_preparing->deleteLater();
    m_preparing = nullptr;
    if (!prepared)
        return;
    m_state->adopt(*prepared);
    // The network this console showed before, freed in a later turn of the event loop.
    prepared.release()->deleteLater();
    m_lastUpdate = QDateTime::currentDateTime();
    m_pendingTasks = std::move(m_preparedBatch);
    m_preparedBatch.reset();
    m_pendingTaskStore = std::move(m_preparedTasks);
    m_preparedTasks = {};
    nextTurn(&ConsoleSession::applyTasks);
    emit batchApplied();
    // What came meanwhile waits in the feed.
    nextTurn(&ConsoleSession::applyPending);
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
