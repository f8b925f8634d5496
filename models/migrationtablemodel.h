#pragma once
// The migrations the scheduler reports (active and recently finished) as a table: state, overall
// progress, time left, where from and to, the sites along the path, why and by whom. Follows a
// NetworkState; new migrations go in with one ranged insert per batch.

#include "domain.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace cpn {

class NetworkState;

class MigrationTableModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { IdColumn, TaskColumn, StateColumn, ProgressColumn, EtaColumn, SourceColumn, TargetColumn,
        PathColumn, ReasonColumn, RequestedByColumn, ColumnCount };
    enum Role {
        MigrationIdRole = Qt::UserRole + 1,
        TaskIdRole,
        SortRole,
        ProgressRole, // 0..1, for a progress bar
        ActiveRole, // bool: not finished yet
        DrainRequestIdRole,
        StateRole // int(MigrationState)
    };

    explicit MigrationTableModel(QObject* parent = nullptr);

    void setNetworkState(const NetworkState* state);
    // Headers and labels again, in the current language.
    void retranslate();

    const Migration* migration(const QString& id) const;
    int rowOf(const QString& id) const { return m_rows.value(id, -1); }
    // The unfinished migration of a task, if any.
    const Migration* activeMigrationOfTask(const QString& taskId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void reset();
    void update(const QStringList& ids);

    QPointer<const NetworkState> m_state;
    QStringList m_ids; // row order: as first seen
    QHash<QString, int> m_rows;
    QHash<QString, QString> m_activeByTask;
};

} // namespace cpn
