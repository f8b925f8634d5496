// A server that lies to the console's feed: it is refused with a reason, and the console neither
// hangs nor grows. (More of issue 15's hostile cases belong here.)

#include "apiserver.h"
#include "engine.h"
#include "statefeed.h"

#include <QTest>

#include <atomic>

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

} // namespace

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
};

QTEST_GUILESS_MAIN(TestHostile)
#include "tst_hostile.moc"
