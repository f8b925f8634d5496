// Servers that lie to the console: each lie is detected, bounded and reported (the feed's error
// or a data warning, as the status bar shows them), and the console neither hangs nor grows.
// Two kinds of liar: an engine behind the real services (LyingEngine), and a StateService of
// its own that sends whatever it likes (HostileState), here behind a proxy that can stop a
// connection in the middle of a message.

#include "alarmtablemodel.h"
#include "apiserver.h"
#include "engine.h"
#include "networkstate.h"
#include "replayclient.h"
#include "statefeed.h"

#include "cpn/v1/state.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QSignalSpy>
#include <QTest>

#include <atomic>
#include <thread>

using namespace cpn;

namespace {

// Says it holds an absurd number of tasks, and lists them in pages that never end.
class LyingEngine final : public server::Engine {
public:
    enum class Lie { RepeatedToken, EmptyPagesForEver, SnapshotRevisionItDoesNotHold, MegabyteName };
    explicit LyingEngine(Lie lie)
        : m_lie(lie)
        , m_events(1, {})
    { }

    std::atomic<int> pagesServed { 0 };

    v1::Snapshot snapshot() const override
    {
        v1::Snapshot s;
        s.set_revision(m_events.currentRevision());
        s.set_task_count(std::uint64_t(1) << 62); // reserving that would end the console
        if (m_lie == Lie::SnapshotRevisionItDoesNotHold)
            s.set_revision(0); // Watch from it is OUT_OF_RANGE, every time
        if (m_lie == Lie::MegabyteName) {
            auto* site = s.add_sites();
            site->set_id("big");
            site->set_name_en(std::string(1 << 20, 'x'));
            std::string zhong;
            for (int i = 0; i < 300000; ++i)
                zhong += "\u4e2d"; // 中, three bytes: the cut must not split one
            site->set_name_zh(zhong);
            site->set_latitude(30);
            site->set_longitude(110);
        }
        return s;
    }
    grpc::Status listTasks(const v1::ListTasksRequest& request, v1::ListTasksResponse* response) const override
    {
        ++const_cast<LyingEngine*>(this)->pagesServed;
        if (m_lie == Lie::SnapshotRevisionItDoesNotHold || m_lie == Lie::MegabyteName) {
            response->add_tasks()->set_id("t-1"); // one page, then Watch
        } else if (m_lie == Lie::RepeatedToken) {
            auto* t = response->add_tasks();
            t->set_id("t-" + std::to_string(pagesServed.load()));
            response->set_next_page_token("again");
        } else {
            response->set_next_page_token(request.page_token() + "x"); // always new, never any task
        }
        return grpc::Status::OK;
    }
    grpc::Status queryHistory(const v1::QueryHistoryRequest&, v1::QueryHistoryResponse*) const override
    {
        return grpc::Status::OK;
    }
    grpc::Status planMigration(const v1::PlanMigrationRequest&, v1::MigrationPlan*) const override
    {
        return grpc::Status::OK;
    }
    grpc::Status startMigration(const v1::StartMigrationRequest&, const std::string&, v1::Migration*) override
    {
        return grpc::Status::OK;
    }
    grpc::Status cancelMigration(const v1::CancelMigrationRequest&, const std::string&, v1::Migration*) override
    {
        return grpc::Status::OK;
    }
    grpc::Status drainSite(const v1::DrainSiteRequest&, const std::string&, v1::DrainSiteResponse*) override
    {
        return grpc::Status::OK;
    }
    grpc::Status acknowledgeAlarm(const v1::AcknowledgeAlarmRequest&, const std::string&, v1::Alarm*) override
    {
        return grpc::Status::OK;
    }
    server::EventLog& events() override { return m_events; }
    const server::EventLog& events() const override { return m_events; }

private:
    Lie m_lie;
    server::EventLog m_events;
};

// A StateService that plays one lie. Its snapshot: sites a and b, a link between them and one
// to a site nobody has.
class HostileState final : public v1::StateService::Service {
public:
    enum class Play { Steady, RevisionsBackwards, UnknownEnums, MillionAlarms, PartsDisagree };
    explicit HostileState(Play play)
        : m_play(play)
    { }

    // Replay: time 1000 is answered with a later sample, 2000 with parts of two moments, 3000
    // with parts that never end; any other with one site.
    grpc::Status GetMetricsAt(grpc::ServerContext* context, const v1::GetMetricsAtRequest* request,
        grpc::ServerWriter<v1::MetricsBatch>* writer) override
    {
        v1::MetricsBatch part;
        part.set_sample_time_ms(request->time_ms() == 1000 ? 5000 : request->time_ms());
        part.add_sites()->set_site_id("a");
        if (request->time_ms() == 3000) {
            for (int i = 0; i < 20000; ++i)
                part.add_links()->set_link_id("l" + std::to_string(i));
            while (!context->IsCancelled() && writer->Write(part))
                ++metricsPartsSent;
            return grpc::Status::OK;
        }
        writer->Write(part);
        if (request->time_ms() == 2000) {
            part.set_sample_time_ms(1500);
            writer->Write(part);
        }
        return grpc::Status::OK;
    }

    grpc::Status GetTimeline(grpc::ServerContext*, const v1::GetTimelineRequest*, v1::Timeline* timeline) override
    {
        timeline->set_kept_from_ms(9000); // after its end
        timeline->set_kept_to_ms(1000);
        return grpc::Status::OK;
    }

    std::atomic_int metricsPartsSent = 0;

    grpc::Status GetSnapshot(
        grpc::ServerContext*, const v1::GetSnapshotRequest*, grpc::ServerWriter<v1::Snapshot>* writer) override
    {
        v1::Snapshot s;
        s.set_revision(10);
        s.set_caller_role("viewer");
        for (const char* id : { "a", "b" }) {
            auto* site = s.add_sites();
            site->set_id(id);
            site->set_name_en(id);
            site->set_tier(v1::SITE_TIER_CLUSTER);
            site->set_status(v1::SITE_STATUS_ONLINE);
            site->set_latitude(30);
            site->set_longitude(id[0] == 'a' ? 110 : 115);
        }
        if (m_play == Play::UnknownEnums) {
            s.mutable_sites(1)->set_tier(v1::SiteTier(99));
            s.mutable_sites(1)->set_status(v1::SiteStatus(-7));
        }
        for (const char* end : { "b", "nowhere" }) {
            auto* link = s.add_links();
            link->set_id(std::string("a-") + end);
            link->set_site_a_id("a");
            link->set_site_b_id(end);
            link->set_capacity_gbps(100);
            link->set_latency_ms(5);
        }
        if (!writer->Write(s))
            return grpc::Status::CANCELLED;
        if (m_play == Play::PartsDisagree) {
            v1::Snapshot part;
            part.set_revision(11);
            part.add_alarms()->set_id("late");
            writer->Write(part);
        }
        return grpc::Status::OK;
    }

    grpc::Status ListTasks(grpc::ServerContext*, const v1::ListTasksRequest*, v1::ListTasksResponse*) override
    {
        return grpc::Status::OK;
    }

    grpc::Status Watch(
        grpc::ServerContext* context, const v1::WatchRequest*, grpc::ServerWriter<v1::WatchEvent>* writer) override
    {
        std::uint64_t revision = 10;
        auto write = [&](v1::WatchEvent& event, std::uint64_t r) {
            event.set_revision(r);
            return writer->Write(event);
        };
        switch (m_play) {
        case Play::Steady:
            context->AddInitialMetadata("cpn-heartbeat-ms", "5000"); // it promises them (and then stalls)
            // Big messages, often: a connection cut anywhere is likely cut inside one.
            while (!context->IsCancelled()) {
                v1::WatchEvent event;
                auto* metrics = event.mutable_metrics();
                for (int i = 0; i < 2000; ++i) {
                    auto* m = metrics->add_sites();
                    m->set_site_id(i % 2 ? "a" : "b");
                    m->set_utilisation(0.5);
                }
                if (!write(event, ++revision))
                    break;
                ++eventsSent;
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            }
            return grpc::Status::OK;
        case Play::RevisionsBackwards:
            for (const std::uint64_t r : { 11, 12, 9, 12, 13 }) {
                v1::WatchEvent event;
                event.mutable_metrics()->add_sites()->set_site_id("a");
                write(event, r);
            }
            break;
        case Play::UnknownEnums: {
            v1::WatchEvent event;
            auto* alarm = event.mutable_alarm();
            alarm->set_id("odd");
            alarm->set_severity(v1::AlarmSeverity(1234));
            alarm->set_source_id("a");
            write(event, ++revision);
            break;
        }
        case Play::MillionAlarms:
            for (int i = 0; i < 1'000'000 && !context->IsCancelled(); ++i) {
                v1::WatchEvent event;
                auto* alarm = event.mutable_alarm();
                alarm->set_id("flood-" + std::to_string(i));
                alarm->set_severity(v1::ALARM_SEVERITY_WARNING);
                alarm->set_source_id("a");
                alarm->set_message("one of a million");
                alarm->set_raised_time_ms(i);
                if (!write(event, ++revision))
                    break;
            }
            break;
        case Play::PartsDisagree:
            break;
        }
        watchDone = true;
        while (!context->IsCancelled())
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        return grpc::Status::CANCELLED;
    }

    std::atomic<int> eventsSent { 0 };
    std::atomic<bool> watchDone { false };

private:
    Play m_play;
};

struct HostileServer {
    explicit HostileServer(HostileState::Play play)
        : service(play)
    {
        grpc::ServerBuilder builder;
        builder.AddListeningPort("127.0.0.1:0", grpc::InsecureServerCredentials(), &port);
        builder.RegisterService(&service);
        server = builder.BuildAndStart();
    }
    ~HostileServer() { server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1)); }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(port); }

    HostileState service;
    int port = 0;
    std::unique_ptr<grpc::Server> server;
};

// The console's side as the application wires it: the feed's batches into the network state,
// the alarms into their table.
struct Console {
    explicit Console(const QString& address)
        : feed(ConnectionSettings { address, {} })
    {
        alarms.setNetworkState(&state);
        QObject::connect(&feed, &StateFeed::batchReady, &feed, [this] { state.applyBatch(feed.takeBatch()); });
    }
    ~Console() { feed.stop(); }

    StateFeed feed;
    NetworkState state;
    AlarmTableModel alarms;
};

// Passes bytes between the console and a server; freeze() makes the connections open now stop
// passing the server's bytes half-way through the next piece (inside a message, as a server or
// a network that stalls would), while new connections pass everything.
class FreezingProxy : public QObject {
public:
    explicit FreezingProxy(quint16 serverPort)
        : m_serverPort(serverPort)
    {
        m_listener.listen(QHostAddress::LocalHost);
        connect(&m_listener, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* console = m_listener.nextPendingConnection()) {
                auto* server = new QTcpSocket(console);
                auto frozen = std::make_shared<int>(0); // 0 passing, 1 cut the next piece, 2 stopped
                m_frozen.append(frozen);
                connect(console, &QTcpSocket::readyRead, server, [=] { server->write(console->readAll()); });
                connect(server, &QTcpSocket::readyRead, console, [=] {
                    QByteArray bytes = server->readAll();
                    if (*frozen == 1) {
                        console->write(bytes.left(std::max<qsizetype>(1, bytes.size() / 2)));
                        *frozen = 2;
                    } else if (*frozen == 0) {
                        console->write(bytes);
                    }
                });
                connect(console, &QTcpSocket::disconnected, console, &QObject::deleteLater);
                connect(server, &QTcpSocket::disconnected, console, &QTcpSocket::disconnectFromHost);
                server->connectToHost(QHostAddress::LocalHost, m_serverPort);
                ++connections;
            }
        });
    }

    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_listener.serverPort()); }
    void freeze()
    {
        for (const auto& f : std::as_const(m_frozen))
            *f = std::max(*f, 1);
    }

    int connections = 0;

private:
    quint16 m_serverPort;
    QTcpServer m_listener;
    QList<std::shared_ptr<int>> m_frozen;
};

} // namespace

// The data warnings the console logs (category cpn.data).
QStringList s_logged;
void logData(QtMsgType, const QMessageLogContext& context, const QString& message)
{
    if (qstrcmp(context.category, "cpn.data") == 0)
        s_logged << message;
}

class TestHostile : public QObject {
    Q_OBJECT
private slots:
    // A server whose snapshots it cannot resume from is not asked for a new one in a tight loop.
    void aSnapshotItCannotResumeFromIsRetriedAfterAPause()
    {
        LyingEngine engine { LyingEngine::Lie::SnapshotRevisionItDoesNotHold };
        server::ApiServer server(engine, {});
        QVERIFY(server.start());
        StateFeed feed(ConnectionSettings { QString::fromStdString(server.address()), {} });
        feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(feed.lastError().contains(QStringLiteral("does not resume")), 20000);
        QTest::qWait(2000);
        // Two snapshots, then pauses of 0.25 s, 0.5 s, 1 s...: a handful in two seconds, not thousands.
        QVERIFY2(engine.pagesServed.load() <= 10, qPrintable(QString::number(engine.pagesServed.load())));
        feed.stop();
    }

    // A megabyte name is cut to a few kilobytes when it is converted, not kept whole.
    void hugeStringsAreCut()
    {
        LyingEngine engine { LyingEngine::Lie::MegabyteName };
        server::ApiServer server(engine, {});
        QVERIFY(server.start());
        StateFeed feed(ConnectionSettings { QString::fromStdString(server.address()), {} });
        std::optional<Snapshot> snapshot;
        connect(&feed, &StateFeed::batchReady, this, [&] {
            StateBatch batch = feed.takeBatch();
            if (batch.snapshot)
                snapshot = batch.snapshot;
        });
        feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(snapshot.has_value(), 20000);
        QCOMPARE(snapshot->sites.size(), qsizetype(1));
        QVERIFY(snapshot->sites[0].nameEn.size() <= 4097);
        QVERIFY(snapshot->sites[0].nameEn.endsWith(QChar(0x2026)));
        QVERIFY(snapshot->sites[0].nameZh.size() <= 4097);
        QVERIFY(!snapshot->sites[0].nameZh.contains(QChar(QChar::ReplacementCharacter))); // cut between characters
        feed.stop();
    }

    void taskListsThatNeverEndAreRefused_data()
    {
        QTest::addColumn<int>("lie");
        QTest::addColumn<QString>("reason");
        QTest::newRow("a page token that repeats") << int(LyingEngine::Lie::RepeatedToken) << "repeats itself";
        QTest::newRow("empty pages for ever") << int(LyingEngine::Lie::EmptyPagesForEver) << "empty pages";
    }
    void taskListsThatNeverEndAreRefused()
    {
        QFETCH(int, lie);
        QFETCH(QString, reason);
        LyingEngine engine { LyingEngine::Lie(lie) };
        server::ApiServer server(engine, {});
        QVERIFY(server.start());
        StateFeed feed(ConnectionSettings { QString::fromStdString(server.address()), {} });
        feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(!feed.lastError().isEmpty(), 20000);
        QVERIFY2(feed.lastError().contains(reason), qPrintable(feed.lastError()));
        QVERIFY(feed.state() != ConnectionState::Live);
        QCOMPARE(feed.snapshotCount(), 0);
        // Refused after a bounded number of pages, and asked again only after a pause.
        const int served = engine.pagesServed.load();
        QVERIFY2(served <= 200, qPrintable(QString::number(served)));
        feed.stop();
    }

    // A connection that stops in the middle of a message (a stuck server, a dead network) is
    // noticed by its silence, said, and replaced: the console is live again on a new connection.
    void aStreamThatStallsMidMessageIsReplaced()
    {
        HostileServer server(HostileState::Play::Steady);
        FreezingProxy proxy(quint16(server.port));
        Console console(proxy.address());
        console.feed.setStallTimeout(1500);
        console.feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(console.feed.state(), ConnectionState::Live, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(server.service.eventsSent.load() > 5, 20000);
        const int connectionsBefore = proxy.connections;
        proxy.freeze();
        QTRY_VERIFY_WITH_TIMEOUT(console.feed.lastError().contains(QStringLiteral("sent nothing")), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(console.feed.state(), ConnectionState::Live, 20000);
        QVERIFY2(proxy.connections > connectionsBefore, "a new connection");
        // And it goes on living there.
        const int revisionAfter = int(console.state.revision());
        QTRY_VERIFY_WITH_TIMEOUT(int(console.state.revision()) > revisionAfter + 5, 20000);
    }

    // Lies about the data itself: each is kept out (or made harmless) and said in a data warning.
    void liesAreDetectedAndReported_data()
    {
        QTest::addColumn<int>("play");
        QTest::addColumn<QString>("warning");
        QTest::newRow("revisions that go backwards")
            << int(HostileState::Play::RevisionsBackwards) << "revision already received";
        QTest::newRow("unknown enum values") << int(HostileState::Play::UnknownEnums) << "does not know";
    }
    void liesAreDetectedAndReported()
    {
        QFETCH(int, play);
        QFETCH(QString, warning);
        HostileServer server { HostileState::Play(play) };
        Console console(server.address());
        s_logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler(logData);
        console.feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.service.watchDone.load(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(s_logged.join(QLatin1Char('\n')).contains(warning), 20000);
        qInstallMessageHandler(previous);
        QVERIFY(console.state.warningCount() > 0); // the status bar's count
        // The link to a site nobody has is never drawn; the link between known sites is.
        QCOMPARE(console.state.links().size(), qsizetype(1));
        QCOMPARE(console.state.sites().size(), qsizetype(2));
        if (HostileState::Play(play) == HostileState::Play::RevisionsBackwards) {
            QCOMPARE(console.state.revision(), quint64(13));
            QCOMPARE(console.feed.outOfOrderCount(), 2);
        } else {
            // Kept, as unknown: shown, not trusted.
            QCOMPARE(console.state.sites().at(1).tier, SiteTier::Unknown);
            QTRY_COMPARE_WITH_TIMEOUT(console.alarms.rowCount(), 1, 10000);
            QCOMPARE(console.state.alarms().value(QStringLiteral("odd")).severity, AlarmSeverity::Unknown);
        }
    }

    // A snapshot whose parts are of different revisions is not a snapshot.
    void aSnapshotOfMixedPartsIsRefused()
    {
        HostileServer server(HostileState::Play::PartsDisagree);
        Console console(server.address());
        console.feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(console.feed.lastError().contains(QStringLiteral("different revisions")), 20000);
        QCOMPARE(console.feed.snapshotCount(), 0);
        QVERIFY(!console.state.hasSnapshot());
    }

    // A million alarms: the console keeps a bounded number, says so, and its alarm table follows.
    // Past moments: of another moment than asked, of mixed moments, without end; a timeline
    // that ends before it begins. Each is refused with the console's words, and nothing hangs.
    void replayLiesAreRefused()
    {
        HostileServer server(HostileState::Play::Steady);
        ReplayClient client(ConnectionSettings { server.address(), {} });
        QSignalSpy failed(&client, &ReplayClient::momentFailed);
        QSignalSpy received(&client, &ReplayClient::momentReceived);
        for (const qint64 moment : { 1000, 2000, 3000 })
            client.fetchMoment(moment);
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 3, 30000);
        for (const auto& f : std::as_const(failed))
            QCOMPARE(f.at(2).toString(), QStringLiteral("INVALID_ANSWER"));
        QVERIFY(server.service.metricsPartsSent < 1000); // it stopped reading
        client.fetchMoment(4000);
        QTRY_COMPARE_WITH_TIMEOUT(received.count(), 1, 10000);
        QCOMPARE(received.at(0).at(2).value<MetricsFrame>().sites.size(), 1);

        QSignalSpy timelineFailed(&client, &ReplayClient::timelineFailed);
        client.fetchTimeline(0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(timelineFailed.count(), 1, 10000);
        QCOMPARE(timelineFailed.at(0).at(1).toString(), QStringLiteral("INVALID_ANSWER"));
    }

    void aMillionAlarmsAreBounded()
    {
        HostileServer server(HostileState::Play::MillionAlarms);
        Console console(server.address());
        QElapsedTimer timer;
        timer.start();
        console.feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(server.service.watchDone.load(), 120000);
        QTRY_COMPARE_WITH_TIMEOUT(console.state.revision(), quint64(10 + 1'000'000), 120000);
        QVERIFY2(console.state.alarms().size() <= 20000, qPrintable(QString::number(console.state.alarms().size())));
        QVERIFY(console.state.alarms().size() >= 10000);
        QCOMPARE(console.alarms.rowCount(), int(console.state.alarms().size()));
        QVERIFY2(console.state.lastWarning().contains(QStringLiteral("not kept")), qPrintable(console.state.lastWarning()));
        QCOMPARE(console.feed.state(), ConnectionState::Live);
        qInfo("a million alarms taken in %.1f s", double(timer.elapsed()) / 1000);
    }
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
