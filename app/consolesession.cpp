#include "consolesession.h"

#include "freeoffthread.h"
#include "networkstate.h"
#include "statefeed.h"
#include "tasktablemodel.h"

#include <QThread>

#include <span>
#include <utility>

namespace cpn {

ConsoleSession::ConsoleSession(QObject* parent)
    : QObject(parent)
    , m_state(new NetworkState(this))
    , m_tasks(new TaskTableModel(this))
{
    m_tasks->setNetworkState(m_state);
    m_turn.setSingleShot(true);
    m_turn.setInterval(0);
    m_turn.setObjectName(QStringLiteral("ConsoleSession turn")); // named in --timing stall reports
    connect(&m_turn, &QTimer::timeout, this, &ConsoleSession::step);
    m_removals.setSingleShot(true);
    m_removals.setInterval(kRemovalsWaitMs);
    m_removals.setObjectName(QStringLiteral("ConsoleSession removals"));
    connect(&m_removals, &QTimer::timeout, this, [this] {
        m_removalsDue = true;
        nextTurn();
    });
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
    connect(link->feed(), &StateFeed::batchReady, this, &ConsoleSession::nextTurn);
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
    while (m_pendingTasks)
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

void ConsoleSession::hold(bool held)
{
    // Counted: two exports at once each hold, and updates resume when both are done.
    m_holds = std::max(0, m_holds + (held ? 1 : -1));
    const bool was = m_held;
    // What is held is whole: a platform's snapshot going into the task list by parts is
    // finished first (an export would otherwise write a platform half in).
    while (held && !was && snapshotTasksPending())
        applyTasks();
    m_held = m_holds > 0;
    if (was && !m_held) {
        nextTurn();
        if (m_tasks->pendingRemovals() > 0)
            m_removals.start();
    }
}

void ConsoleSession::step()
{
    if (m_preparing || m_held)
        return; // taken once the snapshot before it is in, or once released
    if (m_removalsDue) {
        removeEndedTasks();
        nextTurn(); // what else there is to do: in the next turn
        return;
    }
    if (m_pendingTasks) {
        applyTasks();
        return;
    }
    // One platform's batch at a time, each platform in turn: a busy platform never holds back
    // the others.
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
    from->noteUpdate();
    if (batch.snapshot) {
        from->setRole(batch.snapshot->callerRole);
        prepareSnapshot(std::move(batch), std::move(snapshotTasks));
        return;
    }
    m_state->applyBatch(batch);
    holdTasks(std::move(batch), {});
}

void ConsoleSession::holdTasks(StateBatch&& batch, TaskStore&& snapshotTasks)
{
    // The task list's part in the next steps: the network and the tasks, each some ms at huge,
    // are short stalls of the GUI one after the other rather than one long one. (A snapshot's
    // million tasks come ready-built and are swapped in, not copied.) Nothing is reordered: a
    // pending part is applied before anything newer.
    m_pendingTasks = std::move(batch);
    m_pendingTaskStore = std::move(snapshotTasks);
    m_pendingTaskEvents = 0;
    m_snapshotTasksTaken = 0;
    nextTurn();
    emit batchApplied();
}

void ConsoleSession::removeEndedTasks()
{
    m_removals.stop();
    m_removalsDue = false;
    if (m_held)
        return; // hold() starts it again
    m_tasks->removePending();
}

void ConsoleSession::nextTurn()
{
    // A timer of 0 ms, not a queued call: queued calls run one after another before the event
    // loop reads input again (at huge, the steps of a snapshot and of a batch's network and tasks
    // were one stall of 100-190 ms for input), while a timer waits until input and painting are
    // done. One timer: one step per turn.
    m_turn.start();
}

void ConsoleSession::prepareSnapshot(StateBatch&& batch, TaskStore&& tasks)
{
    // Checking and indexing 10,000 sites and 50,000 links takes longer than a frame: done on a
    // thread of its own, into a state the GUI thread swaps with its own when it is ready. With
    // other platforms in, the new state starts as a copy of this one (shared until written) and
    // the task list is merged there too; nothing is applied here meanwhile, so both hold still.
    removeEndedTasks(); // before the list is read to be merged
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
    StateBatch batch = std::move(*m_preparedBatch);
    m_preparedBatch.reset();
    holdTasks(std::move(batch), std::exchange(m_preparedTasks, {})); // then what came meanwhile, in the feeds
}

void ConsoleSession::applyTasks()
{
    if (!m_pendingTasks)
        return;
    nextTurn();
    StateBatch& batch = *m_pendingTasks;
    if (snapshotTasksPending()) {
        // A national platform's snapshot beside others goes into the list in place, so many
        // tasks a step (20,000 at once held input for 80-100 ms); a huge one is swapped whole.
        if (!batch.tasks.isEmpty())
            m_pendingTaskStore = TaskStore::fromTasks(std::move(batch.tasks));
        if (m_tasks->takeSnapshotPart(batch.platform, batch.snapshot->revision, m_pendingTaskStore,
                &m_snapshotTasksTaken, kSnapshotTasksPerStep)) {
            m_snapshotTasksTaken = -1; // then its events, as any batch's
        }
        return;
    }
    // At most so many events a step (a batch after a reconnect holds thousands). Ended tasks
    // leave the list a moment later, in a step of their own, together with those of every batch
    // (of every platform) that came meanwhile.
    const std::span<const StateEvent> rest = std::span(batch.events).subspan(m_pendingTaskEvents);
    const std::size_t now = std::min(rest.size(), kTaskEventsPerStep);
    m_tasks->applyEvents(batch.platform, rest.first(now), TaskTableModel::Removal::Later);
    m_pendingTaskEvents += now;
    if (m_tasks->pendingRemovals() > 0 && !m_removals.isActive())
        m_removals.start();
    if (m_pendingTaskEvents < batch.events.size())
        return;
    // Freed on another thread: a metrics frame's 60,000 entries were made on the watch thread,
    // and freeing them here cost the GUI thread as much as applying them.
    freeOffThread(std::pair(std::move(*m_pendingTasks), std::exchange(m_pendingTaskStore, {})));
    m_pendingTasks.reset();
    emit batchApplied();
}

} // namespace cpn
