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
    // pass, persistent indexes moved) instead of one rowsRemoved per run.
    static constexpr int kMaxRemovalRuns = 4;

    explicit TaskTableModel(QObject* parent = nullptr);

    // Gives site names for the site column; optional.
    void setNetworkState(const NetworkState* state);
    const NetworkState* networkState() const;
    void applyBatch(const StateBatch& batch);
    // The same, taking the snapshot's tasks instead of copying them (a million at huge).
    void applyBatch(StateBatch&& batch);
    // Headers and labels again, in the current language.
    void retranslate();

    const Task* task(const QString& id) const;
    const Task& taskAt(int row) const { return m_slots[std::size_t(m_rowSlot[std::size_t(row)])]; }
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
    void resetTo(QList<Task>&& tasks);
    void applyEvents(const std::vector<StateEvent>& events);
    void emitChangedRuns(QList<int> rows);
    void removeRows(QList<int> rows);
    void appendTasks(const QList<Task>& tasks);
    int takeSlot();
    void onMigrationsUpdated(const QStringList& migrationIds);

    // Tasks live in slots that never move while the task lives; rows are a permutation of them,
    // so that removing rows moves ints, not tasks, and the id index stays valid.
    std::vector<Task> m_slots;
    std::vector<int> m_freeSlots;
    std::vector<int> m_rowSlot;
    std::vector<int> m_slotRow;
    QHash<QString, int> m_slotOf;
    std::vector<int> m_remap;
    std::vector<int> m_changed;
    quint64 m_revision = 0;
    QPointer<const NetworkState> m_state;
};

} // namespace cpn
