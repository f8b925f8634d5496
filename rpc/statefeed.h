#pragma once
// The live state of a scheduler: a snapshot, every task, then one Watch stream, read on a
// thread of its own and handed to the GUI thread in batches. Reconnects with backoff and
// resumes from the last revision received; takes a fresh snapshot when the server no
// longer holds it.

#include "connectionsettings.h"
#include "domain.h"
#include "taskstore.h"

#include <QObject>
#include <QTimer>

#include <atomic>
#include <functional>
#include <condition_variable>
#include <memory>
#include <mutex>

class QThread;

namespace grpc {
class ClientContext;
}

namespace cpn {

enum class ConnectionState { Idle, Connecting, Live, Reconnecting, Stopped };

class StateFeed final : public QObject {
    Q_OBJECT
public:
    explicit StateFeed(ConnectionSettings settings, QObject* parent = nullptr);
    ~StateFeed() override;

    void start();
    void stop();

    // Off by default. On: the feed builds a snapshot's tasks into a TaskStore (TaskPages)
    // (a million at huge), the batch's tasks stay empty, and takeBatch() hands the
    // storage over with it, so that the GUI thread only swaps it in. Call before start().
    void setPrepareTaskStore(bool on) { m_prepareTasks = on; }
    // A Watch stream that says nothing at all this long is taken for stalled and connected
    // again (servers send a heartbeat every 5 s on a quiet stream). Call before start().
    void setStallTimeout(int milliseconds) { m_stallTimeoutMs = milliseconds; }

    // Everything received since the last call; call on batchReady(). With a snapshot and
    // setPrepareTaskStore(true), its tasks go to `snapshotTasks`.
    StateBatch takeBatch(TaskStore* snapshotTasks = nullptr);

    ConnectionState state() const { return m_state; }
    QString lastError() const { return m_lastError; }
    // The last failure was the server turning this console away (its token, TLS): waiting
    // does not fix it.
    bool lastFailureRefused() const { return m_lastRefused; }
    int snapshotCount() const { return m_snapshotCount; }
    int resumeCount() const { return m_resumeCount; }
    // Events the server sent with a revision at or below one already received (dropped).
    int outOfOrderCount() const { return m_outOfOrder.load(); }
    // Metrics frames merged into a newer one because the GUI had not applied them yet.
    int coalescedFrameCount() const { return m_coalescedFrames.load(); }

signals:
    // At most about 30 times a second.
    void batchReady();
    void stateChanged(cpn::ConnectionState state);
    // The stream broke; the next attempt is in `milliseconds`.
    void reconnectScheduled(int milliseconds, const QString& error);
    void snapshotTaken(quint64 revision, int taskCount);
    void resumed(quint64 fromRevision);

private:
    void run(quint64 run);
    bool beginCall(grpc::ClientContext* context);
    void endCall();
    void waitBackoff(int milliseconds);
    void push(StateBatch&& batch, TaskStore&& tasks);
    void append(StateEvent&& event);
    void notify();
    void post(std::function<void()> onGuiThread);
    // Only while `run` is still the feed's current run.
    void post(quint64 run, std::function<void()> onGuiThread);

    const ConnectionSettings m_settings;
    bool m_prepareTasks = false;
    int m_stallTimeoutMs = 30000;
    QThread* m_thread = nullptr;

    // Shared with the network thread, under m_mutex.
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    grpc::ClientContext* m_call = nullptr;
    StateBatch m_pending;
    TaskStore m_pendingTasks; // m_pending's snapshot tasks, when prepared
    int m_pendingMetrics = -1; // index of the metrics frame in m_pending.events, -1 = none
    std::atomic<bool> m_notified { false };
    std::atomic<int> m_outOfOrder { 0 };
    std::atomic<int> m_coalescedFrames { 0 };

    // GUI thread only.
    quint64 m_run = 0; // the current run of the network thread; a new one at each start and stop
    ConnectionState m_state = ConnectionState::Idle;
    QString m_lastError;
    bool m_lastRefused = false;
    int m_snapshotCount = 0;
    int m_resumeCount = 0;
    QTimer m_cadence;
    bool m_readyWhileCoalescing = false;
};

} // namespace cpn

Q_DECLARE_METATYPE(cpn::ConnectionState)
