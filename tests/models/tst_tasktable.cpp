// The task table and its sorted, filtered proxy under the live feed: rows come, change and go
// as a user would expect, with the item-model contract kept.

#include "freeoffthread.h"
#include "networkstate.h"
#include "taskfilterproxymodel.h"
#include "tasktablemodel.h"

#include "modelcontract.h"
#include "modelfixtures.h"

#include <QAbstractItemModelTester>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QThreadPool>

#include <memory>

using namespace cpn;
using namespace modeltest;

class TestTaskTable : public QObject {
    Q_OBJECT

private slots:
    // Removal::Later: the rows of ended tasks stay until removePending(), the removals of
    // several batches go as one, and a task that comes again meanwhile keeps its row.
    void taskTableRemovesEndedTasksTogetherLater()
    {
        TaskTableModel model;
        ModelContract contract(&model);
        model.applyBatch(snapshotBatch());
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        const std::vector<StateEvent> first { stateEvent(11, TaskRemoved { QStringLiteral("t1"), QStringLiteral("bj"), {} }),
            stateEvent(12, task(QStringLiteral("t4"), QStringLiteral("sh"))) };
        model.applyEvents({}, first, TaskTableModel::Removal::Later);
        QCOMPARE(model.rowCount(), 4); // t4 shown at once, t1 still there
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.pendingRemovals(), 1);
        const std::vector<StateEvent> second { stateEvent(13, TaskRemoved { QStringLiteral("t3"), QStringLiteral("gy"), {} }),
            stateEvent(14, TaskRemoved { QStringLiteral("t2"), QStringLiteral("sh"), {} }),
            stateEvent(15, task(QStringLiteral("t2"), QStringLiteral("gy"))) }; // ended, and came again
        model.applyEvents({}, second, TaskTableModel::Removal::Later);
        QCOMPARE(model.pendingRemovals(), 2);
        QVERIFY(removed.isEmpty());
        QCOMPARE(model.task(QStringLiteral("t2"))->siteId, QStringLiteral("gy"));

        model.removePending();
        QCOMPARE(removed.count(), 1); // t1 and t3, scattered: to the end, one range
        QCOMPARE(model.pendingRemovals(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.task(QStringLiteral("t1")), nullptr);
        QCOMPARE(model.task(QStringLiteral("t3")), nullptr);
        QCOMPARE(model.taskAt(model.rowOf(QStringLiteral("t2"))).siteId, QStringLiteral("gy"));
        QVERIFY(model.task(QStringLiteral("t4")));

        // What is pending goes before a new snapshot is taken.
        const std::vector<StateEvent> third { stateEvent(16, TaskRemoved { QStringLiteral("t4"), QStringLiteral("sh"), {} }) };
        model.applyEvents({}, third, TaskTableModel::Removal::Later);
        model.applyBatch(snapshotBatch(20));
        QCOMPARE(model.pendingRemovals(), 0);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.task(QStringLiteral("t4")), nullptr);
    }

    void taskTableAppliesOneRangePerBatch()
    {
        TaskTableModel model;
        ModelContract contract(&model);
        model.applyBatch(snapshotBatch());
        QCOMPARE(model.rowCount(), 3);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        StateBatch batch;
        batch.events.push_back(stateEvent(11, task(QStringLiteral("t4"), QStringLiteral("bj"))));
        batch.events.push_back(stateEvent(12, task(QStringLiteral("t5"), QStringLiteral("sh"))));
        batch.events.push_back(stateEvent(13, TaskRemoved { QStringLiteral("t1"), QStringLiteral("bj"), {} }));
        batch.events.push_back(stateEvent(14, TaskRemoved { QStringLiteral("t2"), QStringLiteral("sh"), {} }));
        Task moved = task(QStringLiteral("t3"), QStringLiteral("bj"));
        batch.events.push_back(stateEvent(15, moved));
        batch.events.push_back(stateEvent(16, task(QStringLiteral("t6"), QStringLiteral("gy"))));
        batch.events.push_back(stateEvent(17, TaskRemoved { QStringLiteral("t6"), QStringLiteral("gy"), {} }));
        model.applyBatch(batch);

        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(1).toInt(), 1);
        QCOMPARE(inserted.at(0).at(2).toInt(), 2);
        QCOMPARE(removed.count(), 1); // t1 and t2 were adjacent: one range
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.taskAt(0).id, QStringLiteral("t3"));
        QCOMPARE(model.taskAt(0).siteId, QStringLiteral("bj"));
        QCOMPARE(model.rowOf(QStringLiteral("t5")), 2);
        QCOMPARE(model.task(QStringLiteral("t6")), nullptr);
        QCOMPARE(model.task(QStringLiteral("t1")), nullptr);
    }

    void taskTableShowsTranslatedColumns()
    {
        TaskTableModel model;
        model.applyBatch(snapshotBatch());
        QCOMPARE(model.index(0, TaskTableModel::KindColumn).data().toString(), QStringLiteral("Training"));
        QCOMPARE(model.index(0, TaskTableModel::ArchitectureColumn).data().toString(), QStringLiteral("Ascend"));
        QCOMPARE(model.headerData(TaskTableModel::SiteColumn, Qt::Horizontal).toString(), QStringLiteral("Site"));
        NetworkState state;
        state.applyBatch(snapshotBatch());
        model.setNetworkState(&state);
        QLocale::setDefault(QLocale(QLocale::English));
        QCOMPARE(model.index(0, TaskTableModel::SiteColumn).data().toString(), QStringLiteral("bj centre"));
    }

    void proxyFiltersBySiteAndText()
    {
        TaskTableModel model;
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract proxyContract(&proxy);
        StateBatch batch = snapshotBatch();
        batch.tasks.append(task(QStringLiteral("t9"), QStringLiteral("bj"), QStringLiteral("llm-pretrain")));
        model.applyBatch(batch);
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setSiteFilter(QStringLiteral("bj"));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setTextFilter(QStringLiteral("PRETRAIN"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t9"));
        proxy.setSiteFilter({});
        proxy.setTextFilter({});
        QCOMPARE(proxy.rowCount(), 4);
    }

    void scatteredRemovalsMoveToTheEndAndGoInOneRange()
    {
        TaskTableModel model;
        ModelContract contract(&model);
        StateBatch batch = snapshotBatch();
        batch.tasks.clear();
        for (int i = 0; i < 100; ++i)
            batch.tasks.append(task(QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0')), QStringLiteral("bj")));
        model.applyBatch(batch);
        const QPersistentModelIndex kept = model.index(51, TaskTableModel::NameColumn);
        const QPersistentModelIndex gone = model.index(40, 0);

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        StateBatch removals;
        for (int i = 0; i < 100; i += 10) // ten runs of one row
            removals.events.push_back(stateEvent(quint64(11 + i), TaskRemoved { QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0')), {}, {} }));
        model.applyBatch(removals);
        // One layout change (the row count unchanged: the contract checks it) and one range off the end.
        QCOMPARE(layout.count(), 1);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(removed.at(0).at(1).toInt(), 90);
        QCOMPARE(removed.at(0).at(2).toInt(), 99);
        QCOMPARE(model.rowCount(), 90);
        QVERIFY(!gone.isValid());
        QCOMPARE(kept.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t051"));
        QCOMPARE(kept.row(), 45);
        QCOMPARE(model.rowOf(QStringLiteral("t099")), 89);
        QCOMPARE(model.task(QStringLiteral("t050")), nullptr);
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.taskAt(r - 1).id < model.taskAt(r).id);

        // Freed places are reused by new tasks, which come last.
        StateBatch more;
        more.events.push_back(stateEvent(200, task(QStringLiteral("t100"), QStringLiteral("sh"))));
        model.applyBatch(more);
        QCOMPARE(model.rowOf(QStringLiteral("t100")), 90);
        QCOMPARE(model.taskAt(90).siteId, QStringLiteral("sh"));
    }

    void filteringReportsRowsThatComeAndGo_data()
    {
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("second");
        QTest::addColumn<int>("shownFirst");
        QTest::addColumn<int>("shownSecond");
        // 200 tasks "t000".."t199" named job-<n % 7>.
        QTest::newRow("narrowing, scattered") << QStringLiteral("job") << QStringLiteral("job-3") << 200 << 29;
        QTest::newRow("widening, scattered") << QStringLiteral("job-3") << QStringLiteral("job") << 29 << 200;
        QTest::newRow("one run") << QString() << QStringLiteral("t19") << 200 << 10;
        QTest::newRow("other rows") << QStringLiteral("job-2") << QStringLiteral("job-5") << 29 << 28;
    }

    void filteringReportsRowsThatComeAndGo()
    {
        QFETCH(QString, first);
        QFETCH(QString, second);
        QFETCH(int, shownFirst);
        QFETCH(int, shownSecond);
        TaskTableModel model;
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract contract(&proxy);
        StateBatch batch = snapshotBatch();
        batch.tasks.clear();
        for (int i = 0; i < 200; ++i)
            batch.tasks.append(task(QStringLiteral("t%1").arg(i, 3, 10, QLatin1Char('0')), QStringLiteral("bj"),
                QStringLiteral("job-%1").arg(i % 7)));
        model.applyBatch(batch);
        proxy.sort(TaskTableModel::NameColumn);
        proxy.setTextFilter(first);
        QCOMPARE(proxy.rowCount(), shownFirst);
        const QPersistentModelIndex current = proxy.index(0, 0);
        const QString currentId = current.data(TaskTableModel::TaskIdRole).toString();
        const int layoutsBefore = contract.layoutChanges;
        const int signalsBefore = contract.insertions + contract.removals;
        proxy.setTextFilter(second);
        QCOMPARE(proxy.rowCount(), shownSecond);
        // Bounded whatever the number of rows: at most two layout changes and a few ranges.
        QVERIFY(contract.layoutChanges - layoutsBefore <= 2);
        QVERIFY(contract.insertions + contract.removals - signalsBefore <= 2 * TaskFilterProxyModel::kMaxRangedRuns);
        QVERIFY(contract.insertions + contract.removals > signalsBefore);
        // A row still shown is still held; one filtered out is let go.
        const bool stillShown = second.isEmpty() || currentId.contains(second)
            || QStringLiteral("job-%1").arg(currentId.mid(1).toInt() % 7).contains(second);
        QCOMPARE(current.isValid(), stillShown);
        if (stillShown)
            QCOMPARE(current.data(TaskTableModel::TaskIdRole).toString(), currentId);
    }

    void preparedSnapshotIsFoundByTenantAndSiteName()
    {
        QLocale::setDefault(QLocale(QLocale::English));
        NetworkState state;
        state.applyBatch(snapshotBatch());
        TaskTableModel model;
        model.setNetworkState(&state);
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract proxyContract(&proxy);
        // As the console applies a snapshot: the table's storage built beforehand, off the GUI thread.
        StateBatch batch = snapshotBatch();
        TaskStore prepared = TaskStore::fromTasks(std::move(batch.tasks));
        batch.tasks.clear();
        model.applyBatch(std::move(batch), std::move(prepared));
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.taskAt(1).id, QStringLiteral("t2"));
        QCOMPARE(model.rowOf(QStringLiteral("t3")), 2);
        QCOMPARE(proxy.rowCount(), 3);

        proxy.setTextFilter(QStringLiteral("SH CEN")); // the site's shown name, in another case
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t2"));
        proxy.setTextFilter(QStringLiteral("mango"));
        QCOMPARE(proxy.rowCount(), 0);
        // A tenant the table has not seen before shows up under the filter already typed.
        Task newcomer = task(QStringLiteral("t4"), QStringLiteral("gy"));
        newcomer.tenant = QStringLiteral("Mango TV");
        StateBatch more;
        more.events.push_back(stateEvent(11, newcomer));
        model.applyBatch(more);
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t4"));
        proxy.setTextFilter(QStringLiteral("TENANT-"));
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setSiteFilter(QStringLiteral("gy"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, 0).data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("t3"));
    }

    // Several platforms: a big platform's snapshot is merged with the others' tasks (its own
    // store the base), a small one goes in place a part at a time; either way the rows are
    // grouped by platform name, found by id, and what the operator holds among the other
    // platforms' rows stays held.
    void platformSnapshotsMergeOrGoInPlaceInParts()
    {
        auto tasksOf = [](const QString& platform, int count) {
            QList<Task> tasks;
            for (int i = 0; i < count; ++i) {
                Task t = task(platform + QStringLiteral("/t%1").arg(i, 3, 10, QLatin1Char('0')), platform + QStringLiteral("/gy"));
                t.platform = platform;
                tasks.append(t);
            }
            return tasks;
        };
        // withPlatform: "b" comes with 5 tasks beside "a" (3) and "c" (2).
        TaskStore current = TaskStore::fromTasks(tasksOf(QStringLiteral("a"), 3) + tasksOf(QStringLiteral("c"), 2));
        const TaskStore merged
            = TaskStore::withPlatform(current, QStringLiteral("b"), TaskStore::fromTasks(tasksOf(QStringLiteral("b"), 5)));
        QCOMPARE(merged.rowCount(), 10);
        QStringList order;
        for (int row = 0; row < merged.rowCount(); ++row)
            order << merged.taskAt(row).platform;
        QCOMPARE(order.join(QString()), QStringLiteral("aaabbbbbcc"));
        QVERIFY(merged.idOrdered);
        for (int row = 0; row < merged.rowCount(); ++row)
            QCOMPARE(merged.rowOf(merged.taskAt(row).id), row);
        QCOMPARE(merged.find(QStringLiteral("c/t001"))->platform, QStringLiteral("c"));
        QCOMPARE(merged.sites.values.size(), std::size_t(3));

        // In place, two tasks a part: "b" comes again with 5 tasks beside "a" and "c".
        TaskTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        StateBatch first = snapshotBatch();
        first.platform = QStringLiteral("a");
        first.tasks = tasksOf(QStringLiteral("a"), 3) + tasksOf(QStringLiteral("b"), 4) + tasksOf(QStringLiteral("c"), 2);
        model.applyBatch(std::move(first));
        const QPersistentModelIndex held = proxy.index(proxy.rowCount() - 1, 0); // one of c's
        QCOMPARE(held.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("c/t001"));
        TaskStore again = TaskStore::fromTasks(tasksOf(QStringLiteral("b"), 5));
        QVERIFY(!model.mergesSnapshot(QStringLiteral("b"), again.rowCount()));
        int taken = 0;
        QVERIFY(!model.takeSnapshotPart(QStringLiteral("b"), 30, again, &taken, 2));
        QCOMPARE(model.rowCount(), 3 + 2 + 2); // b's old rows gone, two new ones in
        QVERIFY(!model.takeSnapshotPart(QStringLiteral("b"), 30, again, &taken, 2));
        QVERIFY(model.takeSnapshotPart(QStringLiteral("b"), 30, again, &taken, 2));
        QCOMPARE(taken, 5);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(proxy.rowCount(), 10);
        QVERIFY(model.task(QStringLiteral("b/t004")));
        QVERIFY(held.isValid());
        QCOMPARE(held.data(TaskTableModel::TaskIdRole).toString(), QStringLiteral("c/t001"));
        // Its events then apply from the snapshot's revision on.
        StateBatch more;
        more.platform = QStringLiteral("b");
        more.events.push_back(stateEvent(30, TaskRemoved { QStringLiteral("b/t000"), {}, {} }));
        more.events.push_back(stateEvent(31, TaskRemoved { QStringLiteral("b/t001"), {}, {} }));
        model.applyBatch(more);
        QVERIFY(model.task(QStringLiteral("b/t000"))); // at the snapshot's revision: already in it
        QVERIFY(!model.task(QStringLiteral("b/t001")));
    }

    // Slurm's job ids are numbers: 9 before 10, in the table's order, a sort, and an insertion.
    void numericIdsSortAsNumbers()
    {
        QCOMPARE(compareTaskIds(u"9", u"10") < 0, true);
        QCOMPARE(compareTaskIds(u"10", u"9") > 0, true);
        QCOMPARE(compareTaskIds(u"10", u"t-1") < 0, true);
        QCOMPARE(compareTaskIds(u"t-2", u"t-10") > 0, true); // text stays text
        NetworkState state;
        state.applyBatch(snapshotBatch());
        TaskTableModel model;
        model.setNetworkState(&state);
        StateBatch batch = snapshotBatch();
        batch.tasks.clear();
        for (const char* id : { "8", "9", "10", "11", "100" })
            batch.tasks.append(task(QString::fromLatin1(id), QStringLiteral("gy")));
        model.applyBatch(std::move(batch));
        QVERIFY(model.rowsInIdOrder()); // as the gateway sends them: no sort needed
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract contract(&proxy);
        proxy.sort(TaskTableModel::NameColumn);
        proxy.sort(TaskTableModel::IdColumn);
        auto ids = [&] {
            QStringList out;
            for (int row = 0; row < proxy.rowCount(); ++row)
                out << proxy.index(row, 0).data(TaskTableModel::TaskIdRole).toString();
            return out;
        };
        QCOMPARE(ids(), (QStringList { "8", "9", "10", "11", "100" }));
        StateBatch more;
        more.events.push_back(stateEvent(11, task(QStringLiteral("12"), QStringLiteral("gy"))));
        model.applyBatch(more);
        QCOMPARE(ids(), (QStringList { "8", "9", "10", "11", "12", "100" }));
    }

    void proxyStaysSortedAndFilteredThroughEveryKindOfChange_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<bool>("descending");
        QTest::addColumn<QString>("text");
        QTest::newRow("cards ascending") << int(TaskTableModel::CardsColumn) << false << QString();
        QTest::newRow("name descending") << int(TaskTableModel::NameColumn) << true << QString();
        QTest::newRow("id, filtered") << int(TaskTableModel::IdColumn) << false << QStringLiteral("7");
        QTest::newRow("kind descending, filtered") << int(TaskTableModel::KindColumn) << true << QStringLiteral("job-1");
    }

    void proxyStaysSortedAndFilteredThroughEveryKindOfChange()
    {
        QFETCH(int, column);
        QFETCH(bool, descending);
        QFETCH(QString, text);
        TaskTableModel model;
        TaskFilterProxyModel proxy;
        proxy.setSourceModel(&model);
        ModelContract proxyContract(&proxy);
        proxy.sort(column, descending ? Qt::DescendingOrder : Qt::AscendingOrder);
        proxy.setTextFilter(text);

        // A seeded stream of inserts, updates and removals, checked against a plain sort of what is left.
        quint32 seed = 7;
        auto next = [&seed](quint32 bound) {
            seed = seed * 1664525u + 1013904223u;
            return (seed >> 8) % bound;
        };
        auto makeTask = [&](int n) {
            Task t = task(QStringLiteral("t%1").arg(n, 4, 10, QLatin1Char('0')), QStringLiteral("bj"),
                QStringLiteral("job-%1").arg(next(50)));
            t.cards = next(16);
            t.kind = TaskKind(1 + next(6));
            return t;
        };
        StateBatch batch = snapshotBatch();
        batch.tasks.clear();
        int created = 0;
        for (; created < 300; ++created)
            batch.tasks.append(makeTask(created));
        model.applyBatch(batch);
        quint64 revision = 10;
        for (int round = 0; round < 30; ++round) {
            StateBatch b;
            const int changes = 1 + int(next(20));
            for (int c = 0; c < changes && model.rowCount() > 0; ++c) {
                const QString id = model.taskAt(int(next(quint32(model.rowCount())))).id;
                switch (next(3)) {
                case 0:
                    b.events.push_back(stateEvent(++revision, makeTask(created++)));
                    break;
                case 1: {
                    Task t = makeTask(0);
                    t.id = id;
                    b.events.push_back(stateEvent(++revision, t));
                    break;
                }
                default:
                    b.events.push_back(stateEvent(++revision, TaskRemoved { id, {}, {} }));
                }
            }
            model.applyBatch(b);

            QStringList expected;
            QList<int> rows;
            for (int r = 0; r < model.rowCount(); ++r) {
                const Task& t = model.taskAt(r);
                if (text.isEmpty() || t.id.contains(text) || t.name.contains(text))
                    rows.append(r);
            }
            // What the user sees in the column (cards as numbers, not as text).
            const auto field = [&](int r) {
                return column == TaskTableModel::CardsColumn ? QVariant(model.taskAt(r).cards)
                                                             : model.index(r, column).data();
            };
            std::stable_sort(rows.begin(), rows.end(), [&](int a, int b) {
                const QVariant x = field(a);
                const QVariant y = field(b);
                const auto c = QVariant::compare(x, y);
                return descending ? c == QPartialOrdering::Greater : c == QPartialOrdering::Less;
            });
            for (const int r : rows)
                expected.append(model.taskAt(r).id);
            QStringList shown;
            for (int r = 0; r < proxy.rowCount(); ++r)
                shown.append(proxy.index(r, 0).data(TaskTableModel::TaskIdRole).toString());
            QCOMPARE(shown, expected);
            for (int r = 0; r < proxy.rowCount(); ++r)
                QCOMPARE(proxy.mapFromSource(proxy.mapToSource(proxy.index(r, 1))).row(), r);
        }
    }

    void whatTheGuiThreadIsDoneWithIsFreedOnAnother()
    {
        // A million tasks, a metrics frame: freed on a worker, never on the thread that hands
        // them over, however soon the worker gets to them.
        struct Freed {
            QList<QThread*>* threads = nullptr;
            QMutex* mutex = nullptr;
            ~Freed()
            {
                if (threads) {
                    QMutexLocker lock(mutex);
                    threads->append(QThread::currentThread());
                }
            }
        };
        struct Held {
            std::unique_ptr<Freed> freed;
        };
        QList<QThread*> threads;
        QMutex mutex;
        constexpr int kTimes = 200;
        for (int i = 0; i < kTimes; ++i) {
            auto freed = std::make_unique<Freed>();
            freed->threads = &threads;
            freed->mutex = &mutex;
            freeOffThread(Held { std::move(freed) });
        }
        QThreadPool::globalInstance()->waitForDone();
        QMutexLocker lock(&mutex);
        QCOMPARE(threads.size(), kTimes);
        QVERIFY(!threads.contains(QThread::currentThread()));
    }
};

QTEST_MAIN(TestTaskTable)
#include "tst_tasktable.moc"
