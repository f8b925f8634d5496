#pragma once
// The migrations the scheduler reports (active and recently finished) as a table: state, overall
// progress, time left, where from and to, the sites along the path, why and by whom. Follows a
// NetworkState; new migrations go in with one ranged insert per batch.

#include "domain.h"

#include "tablemodelbase.h"

#include <QHash>
#include <QPointer>

namespace cpn {

class NetworkState;

class MigrationTableModel final : public TableModelBase {
    Q_OBJECT
public:
    enum Column { IdColumn, TaskColumn, StateColumn, ProgressColumn, EtaColumn, SourceColumn, TargetColumn,
        PathColumn, ReasonColumn, RequestedByColumn, PlatformColumn, ColumnCount };
    enum Role {
        MigrationIdRole = Qt::UserRole + 1,
        TaskIdRole,
        SortRole,
        ProgressRole, // 0..1, for a progress bar
        ActiveRole, // bool: not finished yet
        DrainRequestIdRole,
        StateRole, // int(MigrationState)
        PlatformRole
    };

    explicit MigrationTableModel(QObject* parent = nullptr);

    void setNetworkState(const NetworkState* state);

    const Migration* migration(const QString& id) const;
    int rowOf(const QString& id) const { return m_rows.value(id, -1); }
    // The unfinished migration of a task, if any.
    const Migration* activeMigrationOfTask(const QString& taskId) const;

private:
    int storedRowCount() const override { return int(m_ids.size()); }
    QString columnTitle(int column) const override;
    QVariant cellData(int row, int column, int role) const override;
    bool isNumericColumn(int column) const override { return column == ProgressColumn || column == EtaColumn; }

    void reset();
    void update(const QStringList& ids);

    QPointer<const NetworkState> m_state;
    QStringList m_ids; // row order: as first seen
    QHash<QString, int> m_rows;
    QHash<QString, QString> m_activeByTask;
};

} // namespace cpn
