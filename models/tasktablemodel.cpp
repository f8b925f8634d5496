#include "tasktablemodel.h"

#include "dispatchlabels.h"
#include "domainlabels.h"
#include "networkstate.h"

#include <QLocale>
#include <QSet>

#include <algorithm>

namespace cpn {

TaskTableModel::TaskTableModel(QObject* parent)
    : QAbstractTableModel(parent)
{
}

void TaskTableModel::setNetworkState(const NetworkState* state)
{
    if (m_state)
        disconnect(m_state, &NetworkState::migrationsUpdated, this, &TaskTableModel::onMigrationsUpdated);
    m_state = state;
    // A moving task's state shows its migration's phase and progress.
    if (state)
        connect(state, &NetworkState::migrationsUpdated, this, &TaskTableModel::onMigrationsUpdated);
    if (!m_tasks.isEmpty())
        emit dataChanged(index(0, SiteColumn), index(int(m_tasks.size()) - 1, SiteColumn));
}

void TaskTableModel::onMigrationsUpdated(const QStringList& migrationIds)
{
    int first = INT_MAX;
    int last = -1;
    for (const QString& id : migrationIds) {
        const auto it = m_state->migrations().constFind(id);
        if (it == m_state->migrations().cend())
            continue;
        if (const int row = rowOf(it->taskId); row >= 0) {
            first = std::min(first, row);
            last = std::max(last, row);
        }
    }
    if (last >= 0)
        emit dataChanged(index(first, StateColumn), index(last, StateColumn));
}

void TaskTableModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_tasks.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_tasks.size()) - 1, ColumnCount - 1));
}

const Task* TaskTableModel::task(const QString& id) const
{
    const int row = rowOf(id);
    return row < 0 ? nullptr : &m_tasks.at(row);
}

void TaskTableModel::reindexFrom(int row)
{
    for (int i = row; i < m_tasks.size(); ++i)
        m_rows.insert(m_tasks.at(i).id, i);
}

void TaskTableModel::applyBatch(const StateBatch& batch)
{
    if (batch.snapshot) {
        beginResetModel();
        m_revision = batch.snapshot->revision;
        m_tasks.clear();
        m_rows.clear();
        m_tasks.reserve(batch.tasks.size());
        for (const Task& t : batch.tasks) {
            if (t.id.isEmpty() || m_rows.contains(t.id))
                continue;
            m_rows.insert(t.id, int(m_tasks.size()));
            m_tasks.append(t);
        }
        endResetModel();
    }

    // Fold the batch into three sets first so that each becomes one ranged signal.
    int firstChanged = INT_MAX;
    int lastChanged = -1;
    QSet<int> removedRows;
    QList<Task> added;
    QHash<QString, int> addedIndex;
    for (const StateEvent& event : batch.events) {
        if (event.revision <= m_revision)
            continue;
        m_revision = event.revision;
        if (const auto* t = std::get_if<Task>(&event.change)) {
            if (t->id.isEmpty())
                continue;
            if (const int pending = addedIndex.value(t->id, -1); pending >= 0) {
                added[pending] = *t;
            } else if (const int row = rowOf(t->id); row >= 0) {
                removedRows.remove(row);
                m_tasks[row] = *t;
                firstChanged = std::min(firstChanged, row);
                lastChanged = std::max(lastChanged, row);
            } else {
                addedIndex.insert(t->id, int(added.size()));
                added.append(*t);
            }
        } else if (const auto* r = std::get_if<TaskRemoved>(&event.change)) {
            if (const auto pending = addedIndex.constFind(r->taskId); pending != addedIndex.cend()) {
                added[*pending].id.clear(); // dropped before it was ever shown
                addedIndex.erase(pending);
            } else if (const int row = rowOf(r->taskId); row >= 0) {
                removedRows.insert(row);
            }
        }
    }

    if (lastChanged >= 0)
        emit dataChanged(index(firstChanged, 0), index(lastChanged, ColumnCount - 1));

    if (!removedRows.isEmpty()) {
        QList<int> rows(removedRows.cbegin(), removedRows.cend());
        std::sort(rows.begin(), rows.end(), std::greater<>());
        int i = 0;
        while (i < rows.size()) {
            // Contiguous rows, highest first, go in one removal.
            int j = i;
            while (j + 1 < rows.size() && rows[j + 1] == rows[j] - 1)
                ++j;
            const int first = rows[j];
            const int last = rows[i];
            beginRemoveRows({}, first, last);
            for (int row = first; row <= last; ++row)
                m_rows.remove(m_tasks.at(row).id);
            m_tasks.remove(first, last - first + 1);
            endRemoveRows();
            i = j + 1;
        }
        reindexFrom(rows.back());
    }

    added.removeIf([](const Task& t) { return t.id.isEmpty(); });
    if (!added.isEmpty()) {
        const int first = int(m_tasks.size());
        beginInsertRows({}, first, first + int(added.size()) - 1);
        m_tasks.append(added);
        reindexFrom(first);
        endInsertRows();
    }
}

int TaskTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task& t = m_tasks.at(index.row());
    if (role == TaskIdRole)
        return t.id;
    if (role == SiteIdRole)
        return t.siteId;
    if (role == Qt::TextAlignmentRole) {
        const int c = index.column();
        if (c == CardsColumn || c == PflopsColumn || c == ProgressColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    }
    if (role == SortRole) {
        switch (index.column()) {
        case CardsColumn:
            return t.cards;
        case PflopsColumn:
            return t.pflops;
        case ProgressColumn:
            return t.progress;
        default:
            break;
        }
        role = Qt::DisplayRole;
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    switch (index.column()) {
    case IdColumn:
        return t.id;
    case NameColumn:
        return t.name;
    case KindColumn:
        return taskKindName(t.kind);
    case StateColumn:
        if (t.state == TaskState::Migrating && m_state) {
            if (const Migration* m = m_state->activeMigrationOfTask(t.id))
                return tr("%1: %2 %3%")
                    .arg(taskStateName(t.state), migrationStateName(m->state),
                        locale.toString(migrationProgress(*m) * 100, 'f', 0));
        }
        return taskStateName(t.state);
    case SiteColumn: {
        if (m_state) {
            if (const int i = m_state->siteIndex(t.siteId); i >= 0)
                return siteDisplayName(m_state->sites().at(i));
        }
        return t.siteId;
    }
    case ArchitectureColumn:
        return architectureName(t.architecture);
    case CardsColumn:
        return locale.toString(t.cards);
    case PflopsColumn:
        return locale.toString(t.pflops, 'f', 2);
    case ProgressColumn:
        return locale.toString(t.progress * 100, 'f', 0) + QLatin1Char('%');
    case TenantColumn:
        return t.tenant;
    default:
        return {};
    }
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case IdColumn:
        return tr("ID");
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case StateColumn:
        return tr("State");
    case SiteColumn:
        return tr("Site");
    case ArchitectureColumn:
        return tr("Architecture");
    case CardsColumn:
        return tr("Cards");
    case PflopsColumn:
        return tr("PFLOPS");
    case ProgressColumn:
        return tr("Progress");
    case TenantColumn:
        return tr("Tenant");
    default:
        return {};
    }
}

} // namespace cpn
