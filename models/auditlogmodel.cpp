#include "auditlogmodel.h"

#include "dispatchlabels.h"
#include "networkstate.h"

#include <QLocale>

namespace cpn {

AuditLogModel::AuditLogModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void AuditLogModel::setNetworkState(const NetworkState* state)
{
    m_state = state;
    if (!m_commands.isEmpty())
        emit dataChanged(index(0, ActionColumn), index(int(m_commands.size()) - 1, ActionColumn));
}

void AuditLogModel::setCommands(const QList<DispatchCommand>& commands)
{
    beginResetModel();
    m_commands = commands;
    endResetModel();
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
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
        return;
    }
    beginInsertRows({}, 0, 0);
    m_commands.prepend(command);
    endInsertRows();
}

void AuditLogModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_commands.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_commands.size()) - 1, ColumnCount - 1));
}

int AuditLogModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_commands.size());
}

int AuditLogModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const DispatchCommand& c = m_commands.at(index.row());
    switch (role) {
    case RequestIdRole:
        return c.requestId;
    case OutcomeRole:
        return int(c.outcome);
    case SortRole:
        if (index.column() == TimeColumn)
            return c.createdAt.toMSecsSinceEpoch();
        role = Qt::DisplayRole;
        break;
    case Qt::ToolTipRole:
        if (index.column() == OutcomeColumn) {
            QString tip = c.outcomeText.isEmpty() ? commandOutcomeText(c) : c.outcomeText;
            if (c.answeredAt.isValid())
                tip += QLatin1Char('\n') + tr("Answered %1").arg(QLocale().toString(c.answeredAt, QLocale::ShortFormat));
            return tip;
        }
        role = Qt::DisplayRole;
        break;
    default:
        break;
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
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
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
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
    default:
        return {};
    }
}

} // namespace cpn
