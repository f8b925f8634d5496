#include "tasktablemodel.h"

#include "dispatchlabels.h"
#include "domainlabels.h"
#include "freeoffthread.h"
#include "networkstate.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <memory>
#include <numeric>

namespace cpn {

TaskTableModel::TaskTableModel(QObject* parent)
    : TableModelBase(ColumnCount, SortRole, parent)
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
    if (!m_store.rowSlot.empty()) {
        emitColumnChanged(SiteColumn);
        emit labelsChanged();
    }
}

void TaskTableModel::onMigrationsUpdated(const QStringList& migrationIds)
{
    QList<int> rows;
    for (const QString& id : migrationIds) {
        const auto it = m_state->migrations().constFind(id);
        if (it == m_state->migrations().cend())
            continue;
        if (const int row = rowOf(it->taskId); row >= 0)
            rows.append(row);
    }
    emitChangedRuns(std::move(rows));
}

void TaskTableModel::retranslate()
{
    TableModelBase::retranslate();
    if (!m_store.rowSlot.empty())
        emit labelsChanged();
}

const NetworkState* TaskTableModel::networkState() const
{
    return m_state;
}

int TaskTableModel::rowOf(const QString& id) const
{
    return m_store.rowOf(id);
}

const Task* TaskTableModel::task(const QString& id) const
{
    return m_store.find(id);
}

QString TaskTableModel::siteLabel(const QString& siteId) const
{
    if (m_state) {
        if (const int i = m_state->siteIndex(siteId); i >= 0)
            return siteDisplayName(m_state->sites().at(i));
    }
    return siteId;
}

void TaskTableModel::resetTo(TaskStore&& store)
{
    resetWith([&] {
        std::swap(m_store, store);
        m_pendingRemovals.clear();
    });
    // Freeing a million tasks takes longer than a frame: not on this thread.
    if (!store.isEmpty())
        freeOffThread(std::move(store));
}

void TaskTableModel::emitChangedRuns(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // One range per batch; sorted views ask which rows in it really changed.
    m_changed.assign(rows.cbegin(), rows.cend());
    emitRowRangeChanged(rows.front(), rows.back());
    m_changed.clear();
}

void TaskTableModel::removeTaskRows(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    if (rows.isEmpty())
        return;
    std::vector<int> doomed(rows.cbegin(), rows.cend());
    if (doomed.back() - doomed.front() + 1 != int(doomed.size())) {
        // Scattered rows: to the end first, in one layout change (each ranged removal would cost
        // the sorted views a pass over a million rows), the row count unchanged.
        m_store.moveToEndRemap(doomed, m_remap);
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        m_store.permute(m_remap);
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex& i : before)
            after.append(index(m_remap[std::size_t(i.row())], i.column()));
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
        m_remap.clear(); // keeps its room for the next removal
        const int kept = rowCount() - int(doomed.size());
        std::iota(doomed.begin(), doomed.end(), kept);
    }
    beginRemoveRows({}, doomed.front(), doomed.back());
    m_store.removeRows(doomed);
    endRemoveRows();
}

void TaskTableModel::appendTasks(const QList<Task>& tasks)
{
    insertRowsWith(rowCount(), int(tasks.size()), [&] {
        for (const Task& t : tasks)
            m_store.append(t);
    });
}

void TaskTableModel::applyBatch(const StateBatch& batch)
{
    if (batch.snapshot) {
        TaskStore tasks = TaskStore::fromTasks(QList<Task>(batch.tasks));
        int taken = 0;
        takeSnapshotPart(batch.platform, batch.snapshot->revision, tasks, &taken, tasks.rowCount());
    }
    applyEvents(batch.platform, batch.events, Removal::Now);
}

bool TaskTableModel::mergesSnapshot(const QString& platform, int rows) const
{
    return !m_store.holdsOnly(platform) && rows > kInPlaceSnapshotRows;
}

void TaskTableModel::takeSnapshot(const QString& platform, quint64 revision, TaskStore&& tasks)
{
    m_revisions[platform] = revision;
    // The only platform, or `tasks` merged with the others already (on a worker thread): swapped.
    // (A merge is made with nothing pending: ended tasks would come back with it.)
    Q_ASSERT(m_store.holdsOnly(platform) || tasks.holdsOnly(platform) || m_pendingRemovals.isEmpty());
    if (m_store.holdsOnly(platform) || !tasks.holdsOnly(platform)) {
        resetTo(std::move(tasks));
        return;
    }
    removePending(); // not to be merged into the new list
    resetTo(TaskStore::withPlatform(m_store, platform, std::move(tasks)));
}

bool TaskTableModel::takeSnapshotPart(const QString& platform, quint64 revision, TaskStore& tasks, int* taken, int rows)
{
    // Beside other platforms: a national platform's tasks are swapped in place, the others' rows
    // (and what the operator selected among them) untouched; a huge one is merged into a new list.
    const bool inPlace = *taken > 0
        || (!m_store.holdsOnly(platform) && tasks.holdsOnly(platform) && !mergesSnapshot(platform, tasks.rowCount()));
    if (!inPlace) {
        takeSnapshot(platform, revision, std::move(tasks));
        tasks = {};
        return true;
    }
    if (*taken == 0) {
        m_revisions[platform] = revision;
        removeRowsOf(platform);
    }
    const int end = std::min(tasks.rowCount(), *taken + std::max(rows, 1));
    QList<Task> added;
    added.reserve(end - *taken);
    for (int row = *taken; row < end; ++row)
        added.append(std::move(tasks.tasks[std::size_t(tasks.rowSlot[std::size_t(row)])]));
    if (!added.isEmpty())
        appendTasks(added);
    *taken = end;
    return end == tasks.rowCount();
}

void TaskTableModel::removeRowsOf(const QString& platform)
{
    QList<int> rows = takePendingRemovals(); // at the same cost
    for (int row = 0; row < m_store.rowCount(); ++row) {
        if (m_store.taskAt(row).platform == platform)
            rows.append(row);
    }
    removeTaskRows(std::move(rows));
    m_store.platforms.removeAll(platform);
}

void TaskTableModel::removePlatform(const QString& platform)
{
    m_revisions.remove(platform);
    if (m_store.holdsOnly(platform))
        resetTo({});
    else
        removeRowsOf(platform);
}

void TaskTableModel::applyBatch(StateBatch&& batch)
{
    applyBatch(std::move(batch), {});
}

void TaskTableModel::applyBatch(StateBatch&& batch, TaskStore&& snapshotTasks)
{
    if (batch.snapshot) {
        TaskStore tasks
            = batch.tasks.isEmpty() ? std::move(snapshotTasks) : TaskStore::fromTasks(std::move(batch.tasks));
        int taken = 0;
        takeSnapshotPart(batch.platform, batch.snapshot->revision, tasks, &taken, tasks.rowCount());
    }
    applyEvents(batch.platform, batch.events, Removal::Now);
}

void TaskTableModel::applyEvents(const QString& platform, std::span<const StateEvent> events, Removal removal)
{
    quint64& revision = m_revisions[platform];
    // Fold the batch into three sets first so that each becomes few signals. Rows still to be
    // removed from an earlier batch are in the same set: they stay rows until it is applied.
    QList<int> changedRows;
    QSet<int>& removedRows = m_pendingRemovals;
    QList<Task> added;
    QHash<QString, int> addedIndex;
    for (const StateEvent& event : events) {
        if (event.revision <= revision)
            continue;
        revision = event.revision;
        if (const auto* t = std::get_if<Task>(&event.change)) {
            if (t->id.isEmpty())
                continue;
            if (const int pending = addedIndex.value(t->id, -1); pending >= 0) {
                added[pending] = *t;
            } else if (const int row = rowOf(t->id); row >= 0) {
                removedRows.remove(row);
                m_store.put(m_store.rowSlot[std::size_t(row)], *t);
                changedRows.append(row);
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

    changedRows.removeIf([&removedRows](int row) { return removedRows.contains(row); });
    emitChangedRuns(std::move(changedRows));
    if (removal == Removal::Now)
        removePending();
    // Appending leaves the rows before it where they are: what is still pending stays right.
    added.removeIf([](const Task& t) { return t.id.isEmpty(); });
    if (!added.isEmpty())
        appendTasks(added);
}

void TaskTableModel::removePending()
{
    if (m_pendingRemovals.isEmpty())
        return;
    removeTaskRows(takePendingRemovals());
}

QList<int> TaskTableModel::takePendingRemovals()
{
    QList<int> rows(m_pendingRemovals.cbegin(), m_pendingRemovals.cend());
    m_pendingRemovals.clear();
    return rows;
}

QVariant TaskTableModel::cellData(int row, int column, int role) const
{
    const Task& t = taskAt(row);
    if (role == TaskIdRole)
        return t.id;
    if (role == SiteIdRole)
        return t.siteId;
    if (role == SortRole) {
        switch (column) {
        case CardsColumn:
            return t.cards;
        case PflopsColumn:
            return t.pflops;
        case ProgressColumn:
            return t.progress;
        default:
            return {}; // the text
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    const QLocale locale;
    switch (column) {
    case IdColumn:
        // As its platform knows it; the platform has a column of its own.
        return t.platform.isEmpty() ? t.id : t.id.mid(t.platform.size() + 1);
    case PlatformColumn:
        return t.platform;
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
    case SiteColumn:
        return siteLabel(t.siteId);
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

QString TaskTableModel::columnTitle(int column) const
{
    switch (column) {
    case IdColumn:
        return tr("ID");
    case PlatformColumn:
        return tr("Platform");
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
