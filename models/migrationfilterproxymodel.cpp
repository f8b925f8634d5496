#include "migrationfilterproxymodel.h"

#include "migrationtablemodel.h"

namespace cpn {

MigrationFilterProxyModel::MigrationFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(MigrationTableModel::SortRole);
    // Rows whose state or progress changes move to their new place as they change.
    setDynamicSortFilter(true);
}

void MigrationFilterProxyModel::setActiveOnly(bool activeOnly)
{
    if (activeOnly == m_activeOnly)
        return;
    m_activeOnly = activeOnly;
    invalidateRowsFilter();
}

void MigrationFilterProxyModel::setDrainRequestId(const QString& requestId)
{
    if (requestId == m_drain)
        return;
    m_drain = requestId;
    invalidateRowsFilter();
}

void MigrationFilterProxyModel::setPlatform(const QString& platform)
{
    if (platform == m_platform)
        return;
    m_platform = platform;
    invalidateRowsFilter();
}

bool MigrationFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_activeOnly && !index.data(MigrationTableModel::ActiveRole).toBool())
        return false;
    if (!m_drain.isEmpty() && index.data(MigrationTableModel::DrainRequestIdRole).toString() != m_drain)
        return false;
    if (!m_platform.isEmpty() && index.data(MigrationTableModel::PlatformRole).toString() != m_platform)
        return false;
    return true;
}

} // namespace cpn
