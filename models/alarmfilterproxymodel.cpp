#include "alarmfilterproxymodel.h"

#include "alarmtablemodel.h"

namespace cpn {

AlarmFilterProxyModel::AlarmFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(AlarmTableModel::SortRole);
    setDynamicSortFilter(true);
    sort(AlarmTableModel::SeverityColumn, Qt::DescendingOrder);
}

void AlarmFilterProxyModel::refilter()
{
    // Qt 6.4 has no begin/endFilterChange; invalidateFilter keeps the sort.
    invalidateFilter();
}

void AlarmFilterProxyModel::setMinimumSeverity(AlarmSeverity severity)
{
    if (severity == m_minimumSeverity)
        return;
    m_minimumSeverity = severity;
    refilter();
}

void AlarmFilterProxyModel::setActiveOnly(bool activeOnly)
{
    if (activeOnly == m_activeOnly)
        return;
    m_activeOnly = activeOnly;
    refilter();
}

void AlarmFilterProxyModel::setAcknowledgement(Acknowledgement acknowledgement)
{
    if (acknowledgement == m_acknowledgement)
        return;
    m_acknowledgement = acknowledgement;
    refilter();
}

void AlarmFilterProxyModel::setPlatform(const QString& platform)
{
    if (platform == m_platform)
        return;
    m_platform = platform;
    refilter();
}

void AlarmFilterProxyModel::setText(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    refilter();
}

bool AlarmFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QAbstractItemModel* model = sourceModel();
    const QModelIndex row = model->index(sourceRow, 0, sourceParent);
    if (row.data(AlarmTableModel::SeverityRole).toInt() < int(m_minimumSeverity))
        return false;
    if (!m_platform.isEmpty() && row.data(AlarmTableModel::PlatformRole).toString() != m_platform)
        return false;
    if (m_activeOnly && !row.data(AlarmTableModel::ActiveRole).toBool())
        return false;
    const bool acknowledged = row.data(AlarmTableModel::AcknowledgedRole).toBool();
    if ((m_acknowledgement == Acknowledgement::Acknowledged && !acknowledged)
        || (m_acknowledgement == Acknowledgement::Unacknowledged && acknowledged))
        return false;
    if (m_text.isEmpty())
        return true;
    if (row.data(AlarmTableModel::AlarmIdRole).toString().contains(m_text, Qt::CaseInsensitive)
        || row.data(AlarmTableModel::SourceIdRole).toString().contains(m_text, Qt::CaseInsensitive))
        return true;
    for (int column = 0; column < AlarmTableModel::ColumnCount; ++column) {
        const QModelIndex cell = model->index(sourceRow, column, sourceParent);
        if (cell.data().toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    // The raw code (e.g. LINK_DOWN) as the server and the documentation name it.
    return row.data(Qt::ToolTipRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace cpn
