#include "tablemodelbase.h"

#include <algorithm>

namespace cpn {

TableModelBase::TableModelBase(int columnCount, int sortRole, QObject* parent)
    : QAbstractTableModel(parent)
    , m_columnCount(columnCount)
    , m_sortRole(sortRole)
{ }

int TableModelBase::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : storedRowCount();
}

int TableModelBase::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_columnCount;
}

QVariant TableModelBase::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int row = index.row();
    const int column = index.column();
    if (role == Qt::TextAlignmentRole) {
        const QVariant own = cellData(row, column, role);
        if (own.isValid() || !isNumericColumn(column))
            return own;
        return int(Qt::AlignRight | Qt::AlignVCenter);
    }
    QVariant value = cellData(row, column, role);
    if (!value.isValid() && (role == m_sortRole || role == Qt::ToolTipRole))
        value = cellData(row, column, Qt::DisplayRole);
    return value;
}

QVariant TableModelBase::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_columnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return columnTitle(section);
    if (role == Qt::ToolTipRole) {
        const QString tip = columnToolTip(section);
        return tip.isEmpty() ? QVariant() : QVariant(tip);
    }
    return {};
}

void TableModelBase::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, m_columnCount - 1);
    if (const int rows = storedRowCount(); rows > 0)
        emit dataChanged(index(0, 0), index(rows - 1, m_columnCount - 1));
}

QString TableModelBase::columnToolTip(int) const
{
    return {};
}

bool TableModelBase::isNumericColumn(int) const
{
    return false;
}

void TableModelBase::emitRowsChanged(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    const auto [lo, hi] = std::minmax_element(rows.cbegin(), rows.cend());
    emitRowRangeChanged(*lo, *hi);
}

void TableModelBase::emitRowRangeChanged(int first, int last)
{
    if (first > last || first < 0)
        return;
    emit dataChanged(index(first, 0), index(last, m_columnCount - 1));
}

void TableModelBase::emitColumnChanged(int column)
{
    if (const int rows = storedRowCount(); rows > 0)
        emit dataChanged(index(0, column), index(rows - 1, column));
}

} // namespace cpn
