#pragma once
// The platforms the console is connected to and the one network it shows of them: a
// PlatformLink per platform (feed, commands, health), and the merged state and task list every
// window shows. Applies the feeds' batches on the GUI thread, one platform's at a time.

#include "connectionsettings.h"
#include "domain.h"
#include "platformlink.h"
#include "taskstore.h"

#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>

class QThread;

namespace cpn {

class DispatchClient;
class DispatchOutbox;
class NetworkState;
class StateFeed;
class TaskTableModel;

class ConsoleSession final : public QObject {
    Q_OBJECT
public:
    explicit ConsoleSession(QObject* parent = nullptr);
    // A session with one platform (the console as it starts with a single --connect).
    explicit ConsoleSession(const ConnectionSettings& settings, QObject* parent = nullptr);
    ~ConsoleSession() override;

    // Adds a platform (not started: start() starts all, or call its feed's start()). Its name
    // must be unique; with several, none may be empty. Its commands are journalled in `journal`
    // under `scheduler` (empty: its journalKey()); no journal: the default one.
    PlatformLink* addPlatform(
        const ConnectionSettings& settings, const QString& journal = {}, const QString& scheduler = {});
    // Stops the platform and drops its part of the network.
    void removePlatform(const QString& name);
    const QList<PlatformLink*>& platforms() const { return m_platforms; }
    // By name; null for an unknown one.
    PlatformLink* platform(const QString& name) const;

    void start();

    // The first platform's (the only one in a console with one).
    const ConnectionSettings& settings() const { return m_platforms.front()->settings(); }
    StateFeed* feed() const { return m_platforms.front()->feed(); }
    DispatchClient* dispatch() const { return m_platforms.front()->dispatch(); }
    DispatchOutbox* outbox() { return m_platforms.front()->outbox(); }

    NetworkState* state() const { return m_state; }
    TaskTableModel* tasks() const { return m_tasks; }

    // While held, nothing new is applied: the tables stand still (a table being written to a
    // file). The feeds keep what comes meanwhile, in order, and it is applied once released.
    // Holds are counted: each hold(true) needs its hold(false).
    void hold(bool held);
    bool isHeld() const { return m_held; }
    // A snapshot is being taken in: its network prepared, or its tasks going into the list (a
    // platform's beside others a part at a time, so many a step).
    bool isTakingSnapshot() const { return m_preparing || snapshotTasksPending(); }

signals:
    void batchApplied();
    void platformAdded(cpn::PlatformLink* platform);
    // After its part of the network is gone; `name` no longer names a platform.
    void platformRemoved(const QString& name);

private:
    // One step of applying what the feeds brought, each in a turn of the event loop of its own:
    // a batch's network, its tasks (in slices), the next batch.
    void step();
    void nextTurn();
    void updatePriority();
    void applyTasks();
    // The pending batch is a snapshot whose tasks are not all in the list yet.
    bool snapshotTasksPending() const
    {
        return m_pendingTasks && m_pendingTasks->snapshot && m_snapshotTasksTaken >= 0;
    }
    // A snapshot's network is applied to a state of its own on a worker thread, then swapped in.
    void prepareSnapshot(StateBatch&& batch, TaskStore&& tasks);
    void adoptSnapshot();
    void removeEndedTasks();
    // A batch whose network is applied: its tasks follow in the next steps.
    void holdTasks(StateBatch&& batch, TaskStore&& snapshotTasks);

    QList<PlatformLink*> m_platforms;
    int m_nextPlatform = 0; // whose batch is taken next: each in turn
    NetworkState* m_state;
    TaskTableModel* m_tasks;
    QTimer m_turn; // the next step()
    // How long the rows of ended tasks wait for others to be removed with (TaskTableModel::Removal).
    // Then they go in a step of their own: never in the same turn of the event loop as another
    // step (two timers due together run one after the other before input is read).
    static constexpr int kRemovalsWaitMs = 300;
    QTimer m_removals;
    bool m_removalsDue = false;
    // A batch's tasks are applied after its network, in steps of their own; anything applied
    // later applies them first.
    static constexpr std::size_t kTaskEventsPerStep = 400; // 1,000 took 17-31 ms at huge
    std::optional<StateBatch> m_pendingTasks; // applied to the network, not yet (all) to the task list
    std::size_t m_pendingTaskEvents = 0; // how many of its events the task list has
    TaskStore m_pendingTaskStore; // its snapshot's tasks, when it has one
    static constexpr int kSnapshotTasksPerStep = 5000;
    int m_snapshotTasksTaken = 0; // how many of them the list has; -1 once all
    // While a snapshot is being prepared the feeds keep what comes after it, in order.
    QThread* m_preparing = nullptr;
    bool m_held = false;
    int m_holds = 0;
    std::unique_ptr<NetworkState> m_prepared; // written by m_preparing until it finishes
    quint64 m_preparations = 0; // snapshots prepared so far: tells a finished worker's report from an older one's
    std::optional<StateBatch> m_preparedBatch;
    TaskStore m_preparedTasks;
};

} // namespace cpn
