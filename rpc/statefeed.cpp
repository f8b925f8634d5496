#include "statefeed.h"

#include "platformscope.h"
#include "protoconvert.h"
#include "taskpages.h"

#include "partsreader.h"

#include <QDateTime>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QThread>

#include <grpcpp/grpcpp.h>

#include <chrono>
#include <thread>
#include <unordered_set>

namespace cpn {

namespace {

    constexpr int kBatchIntervalMs = 33; // about 30 Hz on the GUI thread
    constexpr int kFirstBackoffMs = 250;
    constexpr int kMaxBackoffMs = 8000;
    constexpr int kTaskPageSize = 5000;
    // A server is not trusted to end its task list: five times `huge`, then it is refused.
    constexpr qsizetype kMaxTasks = 5'000'000;
    constexpr int kMaxEmptyPages = 100;
    constexpr auto kUnaryDeadline = std::chrono::seconds(30);
    // Every part of a snapshot (13 MB at huge) within a minute, and at most this much in all.
    constexpr auto kSnapshotDeadline = std::chrono::seconds(60);
    constexpr std::size_t kMaxSnapshotMB = 256;
    // Initial metadata of a Watch the server has accepted (the revision is held).
    constexpr const char* kEstablishedHeader = "cpn-watch";
    // Initial metadata of a server that sends heartbeats on a quiet Watch (state.proto).
    constexpr const char* kHeartbeatHeader = "cpn-heartbeat-ms";

} // namespace

StateFeed::StateFeed(ConnectionSettings settings, QObject* parent)
    : QObject(parent)
    , m_settings(std::move(settings))
{
    qRegisterMetaType<cpn::ConnectionState>();
    m_cadence.setSingleShot(true);
    m_cadence.setObjectName(QStringLiteral("StateFeed batch cadence")); // named in --timing stall reports
    m_cadence.setInterval(kBatchIntervalMs);
    connect(&m_cadence, &QTimer::timeout, this, [this] {
        if (m_readyWhileCoalescing) {
            m_readyWhileCoalescing = false;
            emit batchReady();
            m_cadence.start();
        }
    });
}

StateFeed::~StateFeed()
{
    stop();
}

void StateFeed::start()
{
    if (m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = false;
    }
    // What a run reports is applied only while it is the current run: a feed stopped and
    // started again never hears late news from the run before.
    const quint64 run = ++m_run;
    m_thread = QThread::create([this, run] { this->run(run); });
    m_thread->setObjectName(QStringLiteral("cpn-watch"));
    m_thread->start();
}

void StateFeed::stop()
{
    if (!m_thread)
        return;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        if (m_call)
            m_call->TryCancel();
    }
    m_wake.notify_all();
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
    ++m_run;
    {
        // Whatever the stopped run gathered and was not taken goes with it.
        std::lock_guard lock(m_mutex);
        m_pending = {};
        m_pendingTasks = {};
        m_pendingMetrics = -1;
    }
    m_notified = false;
    m_state = ConnectionState::Stopped;
    emit stateChanged(m_state);
}

StateBatch StateFeed::takeBatch(TaskStore* snapshotTasks)
{
    std::lock_guard lock(m_mutex);
    StateBatch batch = std::move(m_pending);
    m_pending = {};
    batch.platform = m_settings.platform;
    if (snapshotTasks) {
        std::swap(*snapshotTasks, m_pendingTasks);
    } else if (!m_pendingTasks.isEmpty()) {
        // Prepared, but asked for as a plain batch: the tasks go back into it.
        for (const int slot : m_pendingTasks.rowSlot)
            batch.tasks.append(std::move(m_pendingTasks.tasks[std::size_t(slot)]));
        m_pendingTasks = {};
    }
    m_pendingMetrics = -1;
    m_notified = false;
    return batch;
}

void StateFeed::post(std::function<void()> onGuiThread)
{
    QMetaObject::invokeMethod(this, std::move(onGuiThread), Qt::QueuedConnection);
}

void StateFeed::post(quint64 run, std::function<void()> onGuiThread)
{
    post([this, run, onGuiThread = std::move(onGuiThread)] {
        if (run == m_run)
            onGuiThread();
    });
}

void StateFeed::notify()
{
    if (m_notified.exchange(true))
        return;
    post([this] {
        // Bound the cadence: the first batch goes at once, the next no sooner than the interval.
        if (m_cadence.isActive()) {
            m_readyWhileCoalescing = true;
            return;
        }
        emit batchReady();
        m_cadence.start();
    });
}

void StateFeed::push(StateBatch&& batch, TaskStore&& tasks)
{
    {
        std::lock_guard lock(m_mutex);
        // A new snapshot supersedes everything not yet applied (freed below, outside the lock).
        std::swap(m_pending, batch);
        std::swap(m_pendingTasks, tasks);
        m_pendingMetrics = -1;
    }
    notify();
}

namespace {

    // Folds the metrics of `older` into `newer` where newer has nothing for the same site or link.
    void foldOlderMetrics(MetricsFrame& older, MetricsFrame& newer)
    {
        QSet<QString> sites;
        sites.reserve(newer.sites.size());
        for (const SiteMetrics& m : newer.sites)
            sites.insert(m.siteId);
        for (SiteMetrics& m : older.sites) {
            if (!sites.contains(m.siteId))
                newer.sites.append(std::move(m));
        }
        QSet<QString> links;
        links.reserve(newer.links.size());
        for (const LinkMetrics& m : newer.links)
            links.insert(m.linkId);
        for (LinkMetrics& m : older.links) {
            if (!links.contains(m.linkId))
                newer.links.append(std::move(m));
        }
    }

} // namespace

void StateFeed::append(StateEvent&& event)
{
    {
        std::lock_guard lock(m_mutex);
        auto& events = m_pending.events;
        if (auto* frame = std::get_if<MetricsFrame>(&event.change)) {
            // The GUI is behind: one metrics frame waits at most, the latest value of each site
            // and link wins. The older frame's place becomes an empty event (its revision still
            // counts), the merged frame goes where the newer one arrived, after any site or
            // link it may refer to.
            if (m_pendingMetrics >= 0) {
                auto& older = events[std::size_t(m_pendingMetrics)];
                foldOlderMetrics(std::get<MetricsFrame>(older.change), *frame);
                older.change = std::monostate {};
                ++m_coalescedFrames;
            }
            m_pendingMetrics = int(events.size());
        }
        events.push_back(std::move(event));
    }
    notify();
}

bool StateFeed::beginCall(grpc::ClientContext* context)
{
    std::lock_guard lock(m_mutex);
    if (m_stopping)
        return false;
    m_call = context;
    return true;
}

void StateFeed::endCall()
{
    std::lock_guard lock(m_mutex);
    m_call = nullptr;
}

void StateFeed::waitBackoff(int milliseconds)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(milliseconds), [this] { return m_stopping; });
}

void StateFeed::run(quint64 run)
{
    auto channel = makeChannel(m_settings);
    const PlatformScope scope(m_settings.platform);
    auto stub = v1::StateService::NewStub(channel);
    auto setState = [this, run](ConnectionState state) {
        post(run, [this, state] {
            // A report still queued when stop() ran must not bring back an old state.
            if (m_state == state || !m_thread)
                return;
            m_state = state;
            emit stateChanged(state);
        });
    };

    quint64 revision = 0;
    bool needSnapshot = true;
    // OUT_OF_RANGE answers to a Watch from a fresh snapshot's revision, with no event between:
    // a server that keeps refusing its own revision is asked again only after a pause.
    int outOfRangeInARow = 0;
    // A failure's words, worked out once per distinct failure (a TLS one takes a handshake).
    bool everConnected = false;
    std::string lastFailure;
    QString lastDescription;
    bool lastRefused = false; // lastDescription is the server turning this console away
    bool refused = false; // this attempt's failure was
    auto describe = [&](const grpc::Status& status) {
        const std::string key = std::to_string(int(status.error_code())) + (everConnected ? "+" : "-") + status.error_message();
        if (key != lastFailure) {
            lastFailure = key;
            lastDescription
                = describeFailure(status.error_code(), status.error_message(), m_settings, everConnected, &lastRefused);
        }
        refused = lastRefused;
        return lastDescription;
    };
    int backoffMs = kFirstBackoffMs;
    setState(ConnectionState::Connecting);
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
        }
        QString error;
        refused = false;
        bool progressed = false;
        if (needSnapshot) {
            grpc::ClientContext context;
            authorize(context, m_settings);
            context.set_deadline(std::chrono::system_clock::now() + kSnapshotDeadline);
            if (!beginCall(&context))
                return;
            v1::Snapshot reply;
            v1::PartsFault fault = v1::PartsFault::None;
            const grpc::Status status = v1::readSnapshot(*stub, &context, &reply, kMaxSnapshotMB << 20, &fault);
            endCall();
            if (fault == v1::PartsFault::TooLarge) {
                error = tr("The server's snapshot is larger than %L1 MB; not taken").arg(kMaxSnapshotMB);
            } else if (fault == v1::PartsFault::PartsDisagree) {
                error = tr("The server's snapshot comes in parts of different revisions; not taken");
            } else if (status.ok()) {
                StateBatch batch;
                batch.snapshot = convert::fromProto(reply);
                scope.qualify(*batch.snapshot);
                revision = reply.revision();
                // Tasks are paged; events from `revision` on replay whatever changed meanwhile.
                // Each page is converted on another thread while the next is asked for.
                TaskPages pages(
                    scope, m_prepareTasks, std::size_t(std::min<quint64>(reply.task_count(), quint64(kMaxTasks))));
                std::string token;
                bool complete = true;
                std::unordered_set<std::size_t> tokensSeen; // hashes: a token may be long
                int emptyPages = 0;
                qsizetype listed = 0;
                const QString unreadablePage = tr("The server sent a page of tasks that is not one; not taken");
                do {
                    grpc::ClientContext pageContext;
                    authorize(pageContext, m_settings);
                    pageContext.set_deadline(std::chrono::system_clock::now() + kUnaryDeadline);
                    if (!beginCall(&pageContext))
                        return;
                    v1::ListTasksRequest request;
                    request.set_page_size(kTaskPageSize);
                    request.set_page_token(token);
                    TaskPage page;
                    const grpc::Status pageStatus = TaskPage::fetch(channel, &pageContext, request, &page);
                    endCall();
                    int pageTasks = 0;
                    QString refused; // why the list is not taken
                    if (!pageStatus.ok()) {
                        refused = tr("Listing tasks failed: %1").arg(describe(pageStatus));
                    } else if (!page.peek(&token, &pageTasks)) {
                        refused = unreadablePage;
                    } else {
                        listed += pageTasks;
                        emptyPages = pageTasks == 0 ? emptyPages + 1 : 0;
                        // A list that never ends is refused, not followed for ever.
                        if (!token.empty() && !tokensSeen.insert(std::hash<std::string> {}(token)).second)
                            refused = tr("The server's task list repeats itself (a page token came twice); not taken");
                        else if (listed > kMaxTasks)
                            refused = tr("The server lists more than %L1 tasks; not taken").arg(kMaxTasks);
                        else if (emptyPages > kMaxEmptyPages)
                            refused = tr("The server's task list goes on with empty pages; not taken");
                        else if (!pages.add(std::move(page)))
                            refused = unreadablePage; // one before it
                    }
                    if (!refused.isEmpty()) {
                        error = refused;
                        complete = false;
                        break;
                    }
                } while (!token.empty());
                TaskStore prepared;
                if (complete && !pages.finish(&prepared, &batch.tasks)) {
                    error = unreadablePage;
                    complete = false;
                }
                if (complete) {
                    const int taskCount = int(listed);
                    push(std::move(batch), std::move(prepared));
                    needSnapshot = false;
                    progressed = true;
                    post(run, [this, revision, taskCount] {
                        ++m_snapshotCount;
                        emit snapshotTaken(revision, taskCount);
                    });
                    setState(ConnectionState::Live);
                    everConnected = true;
                }
            } else {
                error = tr("Snapshot failed: %1").arg(describe(status));
            }
        }
        if (!needSnapshot) {
            if (!progressed) {
                const quint64 from = revision;
                post(run, [this, from] {
                    ++m_resumeCount;
                    emit resumed(from);
                });
            }
            grpc::ClientContext context;
            authorize(context, m_settings);
            if (!beginCall(&context))
                return;
            // A stream that stays silent past the server's heartbeats is taken for stalled
            // (a dead peer, a server stuck mid-message): the call is cancelled and retried.
            std::atomic<qint64> heardAt { QDateTime::currentMSecsSinceEpoch() };
            // Until the headers, always (a server that never answers); after them, only with a
            // server that promises heartbeats (another's quiet stream is not a stalled one).
            std::atomic<bool> armed { true };
            std::atomic<bool> stalled { false };
            bool watching = true; // under m_mutex
            std::thread watchdog([&] {
                std::unique_lock lock(m_mutex);
                while (watching && !m_stopping) {
                    m_wake.wait_for(lock, std::chrono::milliseconds(std::min(1000, m_stallTimeoutMs / 4 + 1)));
                    if (watching && armed && QDateTime::currentMSecsSinceEpoch() - heardAt.load() > m_stallTimeoutMs) {
                        stalled = true;
                        context.TryCancel();
                        return;
                    }
                }
            });
            v1::WatchRequest request;
            request.set_from_revision(revision);
            auto reader = stub->Watch(&context, request);
            // A scheduler that marks its headers says the stream is established before any
            // event: live at once on a quiet network. Others are live with their first event.
            reader->WaitForInitialMetadata();
            armed = context.GetServerInitialMetadata().count(kHeartbeatHeader) > 0;
            heardAt = QDateTime::currentMSecsSinceEpoch();
            if (context.GetServerInitialMetadata().count(kEstablishedHeader) && !progressed) {
                progressed = true;
                setState(ConnectionState::Live);
                everConnected = true;
            }
            v1::WatchEvent event;
            while (reader->Read(&event)) {
                heardAt = QDateTime::currentMSecsSinceEpoch();
                if (event.has_heartbeat())
                    continue;
                if (event.revision() <= revision) {
                    ++m_outOfOrder;
                    {
                        std::lock_guard lock(m_mutex);
                        ++m_pending.staleEvents;
                    }
                    notify();
                    continue;
                }
                revision = event.revision();
                outOfRangeInARow = 0;
                StateEvent converted = convert::fromProto(event);
                scope.qualify(converted);
                append(std::move(converted));
                if (!progressed) {
                    progressed = true;
                    setState(ConnectionState::Live);
                    everConnected = true;
                }
            }
            {
                std::lock_guard lock(m_mutex);
                watching = false;
            }
            m_wake.notify_all();
            watchdog.join();
            const grpc::Status status = reader->Finish();
            endCall();
            if (stalled) {
                error = tr("The server sent nothing for %L1 s; connecting again").arg(m_stallTimeoutMs / 1000.0);
                // The connection itself may be stuck: the next attempt makes a new one.
                channel = makeChannel(m_settings, true);
                stub = v1::StateService::NewStub(channel);
            } else if (status.error_code() == grpc::StatusCode::OUT_OF_RANGE) {
                // The server no longer holds our revision (or restarted): start over.
                needSnapshot = true;
                if (++outOfRangeInARow < 2)
                    continue;
                error = tr("The server does not resume from the revision of its own snapshot; a new snapshot after a pause");
                progressed = false; // the pause grows
            } else {
                error = status.ok() ? tr("The server ended the stream") : tr("Stream broken: %1").arg(describe(status));
            }
        }
        {
            std::lock_guard lock(m_mutex);
            if (m_stopping)
                return;
        }
        if (progressed)
            backoffMs = kFirstBackoffMs;
        const int jittered = int(backoffMs * (0.8 + 0.4 * QRandomGenerator::global()->generateDouble()));
        setState(ConnectionState::Reconnecting);
        post(run, [this, jittered, error, refused] {
            m_lastError = error;
            m_lastRefused = refused;
            emit reconnectScheduled(jittered, error);
        });
        waitBackoff(jittered);
        backoffMs = std::min(backoffMs * 2, kMaxBackoffMs);
    }
}

} // namespace cpn
