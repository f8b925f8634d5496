#pragma once
// One connection to a scheduler and the state the console keeps of it: the live feed, the
// command client, and the models the windows show. Applies feed batches on the GUI thread.

#include "connectionsettings.h"
#include "domain.h"
#include "tasktablemodel.h"

#include <QDateTime>
#include <QObject>

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
    explicit ConsoleSession(const ConnectionSettings& settings, QObject* parent = nullptr);
    ~ConsoleSession() override;

    void start();

    const ConnectionSettings& settings() const { return m_settings; }
    NetworkState* state() const { return m_state; }
    TaskTableModel* tasks() const { return m_tasks; }
    StateFeed* feed() const { return m_feed; }
    DispatchClient* dispatch() const { return m_dispatch; }
    // Dispatch commands through the journal at `path`; `scheduler` names where they go
    // (DispatchOutbox::kEmbeddedScheduler for the one inside the console). Call once, before
    // outbox(); without it outbox() opens CommandJournal::defaultPath() for settings().target.
    void openJournal(const QString& path, const QString& scheduler);
    DispatchOutbox* outbox();
    // Wall time of the last batch applied; invalid before the first.
    QDateTime lastUpdate() const { return m_lastUpdate; }

signals:
    void batchApplied();

private:
    void applyPending();
    void applyTasks();
    // A snapshot's network is applied to a state of its own on a worker thread, then swapped in.
    void prepareSnapshot(StateBatch&& batch, TaskStore&& tasks);
    void adoptSnapshot(std::unique_ptr<NetworkState> prepared);
    void nextTurn(void (ConsoleSession::*step)());

    ConnectionSettings m_settings;
    NetworkState* m_state;
    TaskTableModel* m_tasks;
    StateFeed* m_feed;
    DispatchClient* m_dispatch;
    DispatchOutbox* m_outbox = nullptr;
    QDateTime m_lastUpdate;
    // A batch's tasks wait one turn of the event loop after its network (two short stalls
    // instead of one long one); anything applied later applies them first.
    std::optional<StateBatch> m_pendingTasks; // applied to the network, not yet to the task list
    TaskStore m_pendingTaskStore; // its snapshot's tasks, when it has one
    // While a snapshot is being prepared the feed keeps what comes after it, in order.
    QThread* m_preparing = nullptr;
    std::optional<StateBatch> m_preparedBatch;
    TaskStore m_preparedTasks;
};

} // namespace cpn
