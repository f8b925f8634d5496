#include "capacitytablemodel.h"

#include <QColor>

namespace cpn {

CapacityTableModel::CapacityTableModel(QObject* parent)
    : TableModelBase(int(CapacityWording::columns().size()), SortRole, parent)
    , m_columns(CapacityWording::columns())
{ }

void CapacityTableModel::setRows(const QList<CapacityFigures>& rows)
{
    resetWith([&] { m_rows = rows; });
}

void CapacityTableModel::retranslate()
{
    m_columns = CapacityWording::columns();
    TableModelBase::retranslate();
}

QString CapacityTableModel::columnTitle(int column) const
{
    return m_columns.at(column).header;
}

QString CapacityTableModel::columnToolTip(int column) const
{
    const ReportColumn& c = m_columns.at(column);
    return c.target.isEmpty() ? QString() : tr("Target: %1").arg(c.target);
}

QVariant CapacityTableModel::cellData(int row, int column, int role) const
{
    const CapacityFigures& f = m_rows.at(row);
    const ReportColumn& c = m_columns.at(column);
    switch (role) {
    case Qt::DisplayRole:
        return CapacityWording::text(c, f);
    case SortRole:
        return c.value(f);
    case KeyRole:
        return f.key;
    case MetRole:
    case Qt::ForegroundRole:
    case Qt::ToolTipRole: {
        if (!c.meetsTarget)
            return {};
        const std::optional<bool> met = c.meetsTarget(f);
        if (!met)
            return {};
        if (role == MetRole)
            return *met;
        if (role == Qt::ToolTipRole)
            return (*met ? tr("Meets the target %1") : tr("Misses the target %1")).arg(c.target);
        // Readable on the dark theme and the light one.
        return *met ? QColor(0x3f, 0xb9, 0x50) : QColor(0xf0, 0x5a, 0x4f);
    }
    default:
        return {};
    }
}

} // namespace cpn
