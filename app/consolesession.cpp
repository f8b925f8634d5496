#include "consolesession.h"

#include "networkstate.h"
#include "statefeed.h"
#include "tasktablemodel.h"

#include <QThread>

namespace cpn {

ConsoleSession::ConsoleSession(QObject* parent)
    : QObject(parent)
    , m_state(new NetworkState(this))
    , m_tasks(new TaskTableModel(this))
{
    m_tasks->setNetworkState(m_state);
}

ConsoleSession::ConsoleSession(const ConnectionSettings& settings, QObject* parent)
    : ConsoleSession(parent)
{
    addPlatform(settings);
}

ConsoleSession::~ConsoleSession()
{
    for (PlatformLink* p : std::as_const(m_platforms))
        p->feed()->stop();
    if (m_preparing) {
        m_preparing->wait();
        delete m_preparing;
    }
}

PlatformLink* ConsoleSession::addPlatform(
    const ConnectionSettings& settings, const QString& journal, const QString& scheduler)
{
    auto* link = new PlatformLink(settings, this);
    // Before anyone hears of it: whoever does may send commands through its journal.
    if (!journal.isEmpty())
        link->openJournal(journal, scheduler.isEmpty() ? link->journalKey() : scheduler);
    m_platforms.append(link);
    connect(link->feed(), &StateFeed::batchReady, this, &ConsoleSession::applyPending);
    connect(link, &PlatformLink::healthChanged, this, &ConsoleSession::updatePriority);
    updatePriority();
    emit platformAdded(link);
    return link;
}

PlatformLink* ConsoleSession::platform(const QString& name) const
{
    for (PlatformLink* p : m_platforms) {
        if (p->name() == name)
            return p;
    }
    return nullptr;
}

void ConsoleSession::removePlatform(const QString& name)
{
    PlatformLink* link = platform(name);
    if (!link)
        return;
    link->feed()->stop();
    // A snapshot being prepared (of any platform) holds a copy of the network and may merge the
    // task list, this platform's part included: taken in now (a second at most), then removed
    // with the rest, rather than adopted later with the part in it.
    if (m_preparing) {
        m_preparing->wait();
        adoptSnapshot();
    }
    m_platforms.removeOne(link);
    m_nextPlatform = 0;
    updatePriority();
    link->deleteLater();
    applyTasks();
    m_state->removePlatform(name);
    m_tasks->removePlatform(name);
    emit platformRemoved(name);
    emit batchApplied();
}

void ConsoleSession::updatePriority()
{
    // A site several platforms report is shown as the first of them given that is live: one
    // that dies hands its shared sites to another, and greys only what is its alone.
    QStringList live, others;
    for (const PlatformLink* p : std::as_const(m_platforms))
        (p->connectionState() == ConnectionState::Live ? live : others) << p->name();
    m_state->setPlatformPriority(live + others);
}

void ConsoleSession::start()
{
    for (PlatformLink* p : std::as_const(m_platforms))
        p->feed()->start();
}

void ConsoleSession::applyPending()
{
    if (m_preparing)
        return; // taken once the snapshot before it is in
    applyTasks();
    // One platform's batch per turn of the event loop, each platform in turn: a busy platform
    // never holds back the others, and every turn stays short.
    TaskStore snapshotTasks;
    StateBatch batch;
    PlatformLink* from = nullptr;
    for (int tried = 0; tried < m_platforms.size() && batch.isEmpty(); ++tried) {
        from = m_platforms.at(m_nextPlatform);
        m_nextPlatform = (m_nextPlatform + 1) % int(m_platforms.size());
        batch = from->feed()->takeBatch(&snapshotTasks);
    }
    if (batch.isEmpty())
        return;
    // The others may have theirs waiting.
    nextTurn(&ConsoleSession::applyPending);
    from->noteUpdate();
    if (batch.snapshot) {
        from->setRole(batch.snapshot->callerRole);
        prepareSnapshot(std::move(batch), std::move(snapshotTasks));
        return;
    }
    m_state->applyBatch(batch);
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
    // thread of its own, into a state the GUI thread swaps with its own when it is ready. With
    // other platforms in, the new state starts as a copy of this one (shared until written) and
    // the task list is merged there too; nothing is applied here meanwhile, so both hold still.
    m_preparedBatch = std::move(batch);
    m_preparedTasks = std::move(tasks);
    QThread* gui = thread();
    const StateBatch* snapshot = &*m_preparedBatch; // not touched here until the worker is done
    TaskStore* snapshotTasks = &m_preparedTasks;
    const TaskStore* current
        = m_tasks->mergesSnapshot(snapshot->platform, m_preparedTasks.rowCount()) ? &m_tasks->store() : nullptr;
    auto state = std::make_unique<NetworkState>();
    if (m_state->platforms() != QStringList { snapshot->platform } && !m_state->platforms().isEmpty())
        m_state->copyTo(*state);
    m_prepared = std::move(state);
    NetworkState* prepared = m_prepared.get();
    m_preparing = QThread::create([prepared, snapshot, snapshotTasks, current, gui] {
        prepared->applyBatch(*snapshot);
        if (current)
            *snapshotTasks = TaskStore::withPlatform(*current, snapshot->platform, std::move(*snapshotTasks));
        prepared->moveToThread(gui);
    });
    const quint64 preparation = ++m_preparations;
    connect(m_preparing, &QThread::finished, this, [this, preparation] {
        if (m_preparing && preparation == m_preparations) // else adopted already (removePlatform)
            adoptSnapshot();
    });
    m_preparing->start();
}

void ConsoleSession::adoptSnapshot()
{
    m_preparing->deleteLater();
    m_preparing = nullptr;
    m_state->adopt(*m_prepared);
    // The network this console showed before, freed in a later turn of the event loop.
    m_prepared.release()->deleteLater();
    m_pendingTasks = std::move(m_preparedBatch);
    m_preparedBatch.reset();
    m_pendingTaskStore = std::move(m_preparedTasks);
    m_preparedTasks = {};
    nextTurn(&ConsoleSession::applyTasks);
    emit batchApplied();
    // What came meanwhile waits in the feeds.
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
