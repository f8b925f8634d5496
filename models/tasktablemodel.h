#pragma once
// The tasks of the network as a table, applied from state batches with a bounded number of
// signals per batch, whatever the number of tasks (a million at `huge`).

#include "domain.h"
#include "tablemodelbase.h"
#include "taskstore.h"

#include <QPointer>
#include <QSet>

#include <span>
#include <vector>

namespace cpn {

class NetworkState;

class TaskTableModel final : public TableModelBase {
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, KindColumn, StateColumn, SiteColumn, ArchitectureColumn, CardsColumn,
        PflopsColumn, ProgressColumn, TenantColumn, PlatformColumn, ColumnCount };
    enum Role { TaskIdRole = Qt::UserRole + 1, SortRole, SiteIdRole };

    explicit TaskTableModel(QObject* parent = nullptr);

    // Gives site names for the site column; optional.
    void setNetworkState(const NetworkState* state);
    const NetworkState* networkState() const;
    void applyBatch(const StateBatch& batch);
    // The same, taking the snapshot's tasks instead of copying them (a million at huge).
    void applyBatch(StateBatch&& batch);
    // The same, for a snapshot batch whose tasks were built into `snapshotTasks` beforehand
    // (batch.tasks empty): the GUI thread only swaps containers.
    void applyBatch(StateBatch&& batch, TaskStore&& snapshotTasks);

    // Taking rows out of a million costs every sorted view passes over all its rows, however few
    // go: Later keeps the rows of ended tasks until removePending(), so that the removals of
    // several batches (of several platforms) share one such cost, in a turn of their own. A task
    // that comes again meanwhile takes its row back. Anything else that changes rows (a
    // snapshot, a platform removed) removes what is pending first.
    enum class Removal { Now, Later };
    void applyEvents(const QString& platform, std::span<const StateEvent> events, Removal removal);
    int pendingRemovals() const { return int(m_pendingRemovals.size()); }
    void removePending();
    // Drops a platform's tasks: it was removed from the console.
    void removePlatform(const QString& platform);
    // Whether a snapshot of `rows` tasks of `platform` replaces the list with one merged with
    // the other platforms' (TaskStore::withPlatform: a second or more at huge, best on a worker
    // thread) rather than swapping the platform's rows in place.
    bool mergesSnapshot(const QString& platform, int rows) const;
    static constexpr int kInPlaceSnapshotRows = 200'000;
    // A snapshot's tasks (prepared as `tasks`) a part at a time, for a GUI thread that must not
    // stall: taken in place beside other platforms, at most `rows` of them a call (the
    // platform's old rows leave with the first); swapped or merged whole otherwise. `*taken`
    // (0 at first) counts the tasks taken; returns false while some remain: call again with the
    // same store and count. The batch's events are applied after it, as any batch's.
    bool takeSnapshotPart(const QString& platform, quint64 revision, TaskStore& tasks, int* taken, int rows);
    // What the table holds; read it from another thread only while nothing is applied (nor
    // removePending() called).
    const TaskStore& store() const { return m_store; }
    // Headers and labels again, in the current language.
    void retranslate() override;

    const Task* task(const QString& id) const;
    const Task& taskAt(int row) const { return m_store.taskAt(row); }
    // The task's site id and tenant as keys into siteIds() and tenants(): the same key, the same text.
    int siteKeyAt(int row) const { return m_store.slotSite[std::size_t(m_store.rowSlot[std::size_t(row)])]; }
    int tenantKeyAt(int row) const { return m_store.slotTenant[std::size_t(m_store.rowSlot[std::size_t(row)])]; }
    // Rows ascend by id: sorting by id is nothing to do.
    bool rowsInIdOrder() const { return m_store.idOrdered; }
    const std::vector<QString>& siteIds() const { return m_store.sites.values; }
    const std::vector<QString>& tenants() const { return m_store.tenants.values; }
    int rowOf(const QString& id) const;
    // The text the site column shows for a site id.
    QString siteLabel(const QString& siteId) const;

    // Scattered rows are removed in two steps, each a bounded number of signals whatever their
    // number: a layout change moves them to the end (the others keeping their order), then one
    // ranged removal takes them off. While that layout change is being emitted (from
    // layoutAboutToBeChanged() to layoutChanged()): the new row of each old row. Empty otherwise.
    const std::vector<int>& rowRemap() const { return m_remap; }

    // While dataChanged() of a batch is being emitted: the rows in its range that changed.
    // Empty otherwise (then every row in the range may have changed).
    const std::vector<int>& changedRows() const { return m_changed; }

signals:
    // Labels (kinds, states, site names) changed for every row: sort orders by them are stale.
    void labelsChanged();

private:
    int storedRowCount() const override { return m_store.rowCount(); }
    QString columnTitle(int column) const override;
    QVariant cellData(int row, int column, int role) const override;
    bool isNumericColumn(int column) const override
    {
        return column == CardsColumn || column == PflopsColumn || column == ProgressColumn;
    }
    void resetTo(TaskStore&& store);
    void takeSnapshot(const QString& platform, quint64 revision, TaskStore&& tasks);
    void removeRowsOf(const QString& platform);
    void emitChangedRuns(QList<int> rows);
    void removeTaskRows(QList<int> rows);
    QList<int> takePendingRemovals();
    void appendTasks(const QList<Task>& tasks);
    void onMigrationsUpdated(const QStringList& migrationIds);

    TaskStore m_store;
    std::vector<int> m_remap;
    std::vector<int> m_changed;
    QHash<QString, quint64> m_revisions; // by platform
    QSet<int> m_pendingRemovals; // rows of ended tasks, under Removal::Later
    QPointer<const NetworkState> m_state;
};

} // namespace cpn
