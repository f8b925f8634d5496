#include "taskfilterproxymodel.h"

#include "tasktablemodel.h"

namespace cpn {

TaskFilterProxyModel::TaskFilterProxyModel(QObject* parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(TaskTableModel::SortRole);
    setDynamicSortFilter(true);
}

void TaskFilterProxyModel::setSiteFilter(const QString& siteId)
{
    if (m_siteId == siteId)
        return;
    m_siteId = siteId;
    invalidateFilter();
}

void TaskFilterProxyModel::setTextFilter(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool TaskFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const auto* tasks = qobject_cast<const TaskTableModel*>(sourceModel());
    if (!tasks || sourceParent.isValid())
        return true;
    const Task& t = tasks->taskAt(sourceRow);
    if (!m_siteId.isEmpty() && t.siteId != m_siteId)
        return false;
    if (m_text.isEmpty())
        return true;
    const auto contains = [this](const QString& s) { return s.contains(m_text, Qt::CaseInsensitive); };
    return contains(t.id) || contains(t.name) || contains(t.tenant) || contains(t.siteId)
        || contains(tasks->index(sourceRow, TaskTableModel::SiteColumn).data().toString());
}

} // namespace cpn
