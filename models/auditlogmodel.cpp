#include "auditlogmodel.h"

#include "dispatchlabels.h"
#include "networkstate.h"

#include <QLocale>

namespace cpn {

AuditLogModel::AuditLogModel(QObject* parent)
    : TableModelBase(ColumnCount, SortRole, parent)
{
}

void AuditLogModel::setNetworkState(const NetworkState* state)
{
    m_state = state;
    emitColumnChanged(ActionColumn);
}

void AuditLogModel::setCommands(const QList<DispatchCommand>& commands)
{
    resetWith([&] { m_commands = commands; });
}

int AuditLogModel::rowOf(const QString& requestId) const
{
    for (int row = 0; row < m_commands.size(); ++row)
        if (m_commands.at(row).requestId == requestId)
            return row;
    return -1;
}

void AuditLogModel::upsert(const DispatchCommand& command)
{
    if (const int row = rowOf(command.requestId); row >= 0) {
        m_commands[row] = command;
        emitRowRangeChanged(row, row);
        return;
    }
    insertRowsWith(0, 1, [&] { m_commands.prepend(command); });
}

QVariant AuditLogModel::cellData(int row, int column, int role) const
{
    const DispatchCommand& c = m_commands.at(row);
    switch (role) {
    case RequestIdRole:
        return c.requestId;
    case OutcomeRole:
        return int(c.outcome);
    case SortRole:
        if (column == TimeColumn)
            return c.createdAt.toMSecsSinceEpoch();
        return {}; // the text
    case Qt::ToolTipRole:
        if (column == OutcomeColumn) {
            QString tip = c.outcomeText.isEmpty() ? commandOutcomeText(c) : c.outcomeText;
            if (c.answeredAt.isValid())
                tip += QLatin1Char('\n') + tr("Answered %1").arg(QLocale().toString(c.answeredAt, QLocale::ShortFormat));
            return tip;
        }
        return {}; // the text
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    switch (column) {
    case TimeColumn:
        return QLocale().toString(c.createdAt, QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    case OperatorColumn:
        return c.operatorName;
    case RoleColumn:
        return c.role;
    case ActionColumn:
        return commandSummary(c, m_state);
    case ReasonColumn:
        return c.reason;
    case OutcomeColumn:
        return commandOutcomeText(c);
    case RequestIdColumn:
        return c.requestId;
    case PlatformColumn:
        return c.scheduler; // the platform's name; a host:port for the one unnamed
    default:
        return {};
    }
}

QString AuditLogModel::columnTitle(int column) const
{
    switch (column) {
    case TimeColumn:
        return tr("When");
    case OperatorColumn:
        return tr("Who");
    case RoleColumn:
        return tr("Role");
    case ActionColumn:
        return tr("Action");
    case ReasonColumn:
        return tr("Reason");
    case OutcomeColumn:
        return tr("Outcome");
    case RequestIdColumn:
        return tr("Request ID");
    case PlatformColumn:
        return tr("Platform");
    default:
        return {};
    }
}

} // namespace cpn
