#pragma once
// This console's dispatch actions as the journal keeps them, newest first: when, who, what,
// why, and what came of it.

#include "dispatchcommand.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>

namespace cpn {

class NetworkState;

class AuditLogModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { TimeColumn, OperatorColumn, RoleColumn, ActionColumn, ReasonColumn, OutcomeColumn,
        RequestIdColumn, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1, OutcomeRole, SortRole };

    explicit AuditLogModel(QObject* parent = nullptr);

    // Gives site names; optional.
    void setNetworkState(const NetworkState* state);
    // Replaces everything (commands newest first).
    void setCommands(const QList<DispatchCommand>& commands);
    // A new command goes on top; a known one (by request id) is updated in place.
    void upsert(const DispatchCommand& command);
    void retranslate();

    const DispatchCommand& commandAt(int row) const { return m_commands.at(row); }
    int rowOf(const QString& requestId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QPointer<const NetworkState> m_state;
    QList<DispatchCommand> m_commands;
};

} // namespace cpn
