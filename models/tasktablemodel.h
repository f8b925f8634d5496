#pragma once
// The tasks of the network as a table, applied from state batches with one ranged
// change, removal or insertion per batch.

#include "domain.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace cpn {

class NetworkState;

class TaskTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, NameColumn, KindColumn, StateColumn, SiteColumn, ArchitectureColumn, CardsColumn,
        PflopsColumn, ProgressColumn, TenantColumn, ColumnCount };
    enum Role { TaskIdRole = Qt::UserRole + 1, SortRole, SiteIdRole };

    explicit TaskTableModel(QObject* parent = nullptr);

    // Gives site names for the site column; optional.
    void setNetworkState(const NetworkState* state);
    void applyBatch(const StateBatch& batch);
    // Headers and labels again, in the current language.
    void retranslate();

    const Task* task(const QString& id) const;
    const Task& taskAt(int row) const { return m_tasks.at(row); }
    int rowOf(const QString& id) const { return m_rows.value(id, -1); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reindexFrom(int row);
    void onMigrationsUpdated(const QStringList& migrationIds);

    QList<Task> m_tasks;
    QHash<QString, int> m_rows;
    quint64 m_revision = 0;
    QPointer<const NetworkState> m_state;
};

} // namespace cpn
