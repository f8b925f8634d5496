#pragma once
// This console's dispatch actions as the journal keeps them, newest first: when, who, what,
// why, and what came of it.

#include "dispatchcommand.h"

#include "tablemodelbase.h"

#include <QHash>
#include <QPointer>

namespace cpn {

class NetworkState;

class AuditLogModel final : public TableModelBase {
    Q_OBJECT
public:
    enum Column { TimeColumn, OperatorColumn, RoleColumn, ActionColumn, ReasonColumn, OutcomeColumn,
        RequestIdColumn, PlatformColumn, ColumnCount };
    enum Role { RequestIdRole = Qt::UserRole + 1, OutcomeRole, SortRole };

    explicit AuditLogModel(QObject* parent = nullptr);

    // Gives site names; optional.
    void setNetworkState(const NetworkState* state);
    // Replaces everything (commands newest first).
    void setCommands(const QList<DispatchCommand>& commands);
    // A new command goes on top; a known one (by request id) is updated in place.
    void upsert(const DispatchCommand& command);

    const DispatchCommand& commandAt(int row) const { return m_commands.at(row); }
    int rowOf(const QString& requestId) const;

private:
    int storedRowCount() const override { return int(m_commands.size()); }
    QString columnTitle(int column) const override;
    QVariant cellData(int row, int column, int role) const override;

    QPointer<const NetworkState> m_state;
    QList<DispatchCommand> m_commands;
};

} // namespace cpn
