#include "tasktablemodel.h"

#include "dispatchlabels.h"
#include "domainlabels.h"
#include "networkstate.h"

#include <QLocale>
#include <QSet>
#include <QThreadPool>

#include <algorithm>
#include <memory>
#include <numeric>

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
    if (!m_store.rowSlot.empty()) {
        emit dataChanged(index(0, SiteColumn), index(rowCount() - 1, SiteColumn));
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
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_store.rowSlot.empty()) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
        emit labelsChanged();
    }
}

const NetworkState* TaskTableModel::networkState() const
{
    return m_state;
}

int TaskTableModel::rowOf(const QString& id) const
{
    const auto it = m_store.slotOf.constFind(id);
    return it == m_store.slotOf.cend() ? -1 : m_store.slotRow[std::size_t(*it)];
}

const Task* TaskTableModel::task(const QString& id) const
{
    const auto it = m_store.slotOf.constFind(id);
    return it == m_store.slotOf.cend() ? nullptr : &m_store.tasks[std::size_t(*it)];
}

QString TaskTableModel::siteLabel(const QString& siteId) const
{
    if (m_state) {
        if (const int i = m_state->siteIndex(siteId); i >= 0)
            return siteDisplayName(m_state->sites().at(i));
    }
    return siteId;
}

int TaskTableModel::Interned::intern(const QString& value)
{
    const auto it = keys.constFind(value);
    if (it != keys.cend())
        return *it;
    const int key = int(values.size());
    keys.insert(value, key);
    values.push_back(value);
    return key;
}

void TaskTableModel::Storage::put(int slot, const Task& task)
{
    const auto at = std::size_t(slot);
    tasks[at] = task;
    slotSite[at] = sites.intern(task.siteId);
    slotTenant[at] = tenants.intern(task.tenant);
}

TaskTableModel::Storage TaskTableModel::Storage::fromTasks(QList<Task>&& tasks)
{
    Storage store;
    const auto n = std::size_t(tasks.size());
    store.tasks.reserve(n);
    store.slotSite.reserve(n);
    store.slotTenant.reserve(n);
    store.slotOf.reserve(tasks.size());
    for (Task& t : tasks) {
        if (t.id.isEmpty())
            continue;
        const qsizetype before = store.slotOf.size();
        int& slot = store.slotOf[t.id]; // one lookup: a new id grows the index
        if (store.slotOf.size() == before)
            continue;
        slot = int(store.tasks.size());
        store.slotSite.push_back(store.sites.intern(t.siteId));
        store.slotTenant.push_back(store.tenants.intern(t.tenant));
        store.tasks.push_back(std::move(t));
    }
    tasks = {};
    store.idOrdered = std::is_sorted(store.tasks.cbegin(), store.tasks.cend(),
        [](const Task& a, const Task& b) { return a.id < b.id; });
    store.rowSlot.resize(store.tasks.size());
    std::iota(store.rowSlot.begin(), store.rowSlot.end(), 0);
    store.slotRow = store.rowSlot;
    return store;
}

void TaskTableModel::resetTo(Storage&& store)
{
    beginResetModel();
    std::swap(m_store, store);
    endResetModel();
    // Freeing a million tasks takes longer than a frame: not on this thread.
    if (!store.isEmpty()) {
        auto old = std::make_shared<Storage>(std::move(store));
        QThreadPool::globalInstance()->start([old]() mutable { old.reset(); });
    }
}

int TaskTableModel::takeSlot()
{
    if (!m_store.freeSlots.empty()) {
        const int slot = m_store.freeSlots.back();
        m_store.freeSlots.pop_back();
        return slot;
    }
    m_store.tasks.emplace_back();
    m_store.slotSite.push_back(0);
    m_store.slotTenant.push_back(0);
    m_store.slotRow.push_back(-1);
    return int(m_store.tasks.size()) - 1;
}

void TaskTableModel::emitChangedRuns(QList<int> rows)
{
    if (rows.isEmpty())
        return;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    // One range per batch; sorted views ask which rows in it really changed.
    m_changed.assign(rows.cbegin(), rows.cend());
    emit dataChanged(index(rows.front(), 0), index(rows.back(), ColumnCount - 1));
    m_changed.clear();
}

void TaskTableModel::removeRows(QList<int> rows)
{
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    int runs = 0;
    for (int i = 0; i < rows.size(); ++i)
        runs += (i == 0 || rows[i] != rows[i - 1] + 1) ? 1 : 0;
    auto release = [this](int row) {
        const int slot = m_store.rowSlot[std::size_t(row)];
        Task& t = m_store.tasks[std::size_t(slot)];
        m_store.slotOf.remove(t.id);
        t = Task {}; // frees its strings now; the slot is reused by a later task
        m_store.slotRow[std::size_t(slot)] = -1;
        m_store.freeSlots.push_back(slot);
    };
    if (runs <= kMaxRemovalRuns) {
        // Highest run first, so that the lower rows keep their numbers.
        int i = int(rows.size()) - 1;
        while (i >= 0) {
            int j = i;
            while (j > 0 && rows[j - 1] == rows[j] - 1)
                --j;
            beginRemoveRows({}, rows[j], rows[i]);
            for (int k = j; k <= i; ++k)
                release(rows[k]);
            m_store.rowSlot.erase(m_store.rowSlot.begin() + rows[j], m_store.rowSlot.begin() + rows[i] + 1);
            endRemoveRows();
            i = j - 1;
        }
    } else {
        // Scattered rows: compact the permutation in one pass and move what views hold on to.
        emit layoutAboutToBeChanged();
        const QModelIndexList before = persistentIndexList();
        m_remap.assign(m_store.rowSlot.size(), 0);
        std::size_t out = 0;
        auto next = rows.cbegin();
        for (std::size_t row = 0; row < m_store.rowSlot.size(); ++row) {
            if (next != rows.cend() && *next == int(row)) {
                release(int(row));
                m_remap[row] = -1;
                ++next;
                continue;
            }
            m_remap[row] = int(out);
            m_store.rowSlot[out++] = m_store.rowSlot[row];
        }
        m_store.rowSlot.resize(out);
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex& i : before) {
            const int row = m_remap[std::size_t(i.row())];
            after.append(row < 0 ? QModelIndex() : index(row, i.column()));
        }
        changePersistentIndexList(before, after);
    }
    for (std::size_t row = std::size_t(rows.front()); row < m_store.rowSlot.size(); ++row)
        m_store.slotRow[std::size_t(m_store.rowSlot[row])] = int(row);
    if (!m_remap.empty()) {
        emit layoutChanged();
        m_remap.clear();
    }
}

void TaskTableModel::appendTasks(const QList<Task>& tasks)
{
    const int first = rowCount();
    beginInsertRows({}, first, first + int(tasks.size()) - 1);
    for (const Task& t : tasks) {
        if (m_store.idOrdered && !m_store.rowSlot.empty())
            m_store.idOrdered = taskAt(int(m_store.rowSlot.size()) - 1).id < t.id;
        const int slot = takeSlot();
        m_store.put(slot, t);
        m_store.slotOf.insert(t.id, slot);
        m_store.slotRow[std::size_t(slot)] = int(m_store.rowSlot.size());
        m_store.rowSlot.push_back(slot);
    }
    endInsertRows();
}

void TaskTableModel::applyBatch(const StateBatch& batch)
{
    if (batch.snapshot) {
        m_revision = batch.snapshot->revision;
        resetTo(Storage::fromTasks(QList<Task>(batch.tasks)));
    }
    applyEvents(batch.events);
}

void TaskTableModel::applyBatch(StateBatch&& batch)
{
    applyBatch(std::move(batch), {});
}

void TaskTableModel::applyBatch(StateBatch&& batch, Storage&& snapshotTasks)
{
    if (batch.snapshot) {
        m_revision = batch.snapshot->revision;
        resetTo(batch.tasks.isEmpty() ? std::move(snapshotTasks) : Storage::fromTasks(std::move(batch.tasks)));
    }
    applyEvents(batch.events);
}

void TaskTableModel::applyEvents(const std::vector<StateEvent>& events)
{

    // Fold the batch into three sets first so that each becomes few signals.
    QList<int> changedRows;
    QSet<int> removedRows;
    QList<Task> added;
    QHash<QString, int> addedIndex;
    for (const StateEvent& event : events) {
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
    if (!removedRows.isEmpty())
        removeRows(QList<int>(removedRows.cbegin(), removedRows.cend()));
    added.removeIf([](const Task& t) { return t.id.isEmpty(); });
    if (!added.isEmpty())
        appendTasks(added);
}

int TaskTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_store.rowSlot.size());
}

int TaskTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Task& t = taskAt(index.row());
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
