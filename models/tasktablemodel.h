#pragma once
// The tasks of the network as a table, applied from state batches with a bounded number of
// signals per batch, whatever the number of tasks (a million at `huge`).

#include "domain.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

#include <vector>

namespace cpn {

class NetworkState;

class TaskTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, KindColumn, StateColumn, SiteColumn, ArchitectureColumn, CardsColumn,
        PflopsColumn, ProgressColumn, TenantColumn, ColumnCount };
    enum Role { TaskIdRole = Qt::UserRole + 1, SortRole, SiteIdRole };
    // Removals scattered over more runs than this go in one layout change (rows compacted in one
    // pass, persistent indexes moved) instead of one rowsRemoved per run: each signal costs the
    // sorted views a pass over a million rows.
    static constexpr int kMaxRemovalRuns = 1;

    // Values many tasks share (site ids, tenants), each kept once and named by a small key.
    struct Interned {
        std::vector<QString> values;
        QHash<QString, int> keys;
        int intern(const QString& value);
    };

    // What the table holds. Building it from a snapshot (an index of a million ids at huge) is
    // the heavy part of a reset: fromTasks() may run on any thread, and the model takes the
    // result over on the GUI thread by swapping containers.
    struct Storage {
        std::vector<Task> tasks; // by slot
        std::vector<int> freeSlots;
        std::vector<int> rowSlot;
        std::vector<int> slotRow;
        QHash<QString, int> slotOf;
        std::vector<int> slotSite; // slot -> key in sites
        std::vector<int> slotTenant; // slot -> key in tenants
        Interned sites;
        Interned tenants;
        bool idOrdered = true; // rows ascend by id (a snapshot comes so)

        static Storage fromTasks(QList<Task>&& tasks);
        bool isEmpty() const { return tasks.empty(); }
        void put(int slot, const Task& task);
    };

    explicit TaskTableModel(QObject* parent = nullptr);

    // Gives site names for the site column; optional.
    void setNetworkState(const NetworkState* state);
    const NetworkState* networkState() const;
    void applyBatch(const StateBatch& batch);
    // The same, taking the snapshot's tasks instead of copying them (a million at huge).
    void applyBatch(StateBatch&& batch);
    // The same, for a snapshot batch whose tasks were built into `snapshotTasks` beforehand
    // (batch.tasks empty): the GUI thread only swaps containers.
    void applyBatch(StateBatch&& batch, Storage&& snapshotTasks);
    // Headers and labels again, in the current language.
    void retranslate();

    const Task* task(const QString& id) const;
    const Task& taskAt(int row) const { return m_store.tasks[std::size_t(m_store.rowSlot[std::size_t(row)])]; }
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

    // While layoutChanged() of a removal is being emitted: the new row of each old row, -1 if
    // removed. Empty otherwise.
    const std::vector<int>& rowRemap() const { return m_remap; }

    // While dataChanged() of a batch is being emitted: the rows in its range that changed.
    // Empty otherwise (then every row in the range may have changed).
    const std::vector<int>& changedRows() const { return m_changed; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

signals:
    // Labels (kinds, states, site names) changed for every row: sort orders by them are stale.
    void labelsChanged();

private:
    void resetTo(Storage&& store);
    void applyEvents(const std::vector<StateEvent>& events);
    void emitChangedRuns(QList<int> rows);
    void removeRows(QList<int> rows);
    void appendTasks(const QList<Task>& tasks);
    int takeSlot();
    void onMigrationsUpdated(const QStringList& migrationIds);

    // Tasks live in slots that never move while the task lives; rows are a permutation of them,
    // so that removing rows moves ints, not tasks, and the id index stays valid.
    Storage m_store;
    std::vector<int> m_remap;
    std::vector<int> m_changed;
    quint64 m_revision = 0;
    QPointer<const NetworkState> m_state;
};

} // namespace cpn
