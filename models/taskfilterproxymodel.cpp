#include "taskfilterproxymodel.h"

#include "tasktablemodel.h"

#include <QHash>

#include <algorithm>
#include <climits>
#include <numeric>

namespace cpn {

namespace {

template <typename Remap> void applyRemap(std::vector<int>& rows, const Remap& remap)
{
    std::size_t out = 0;
    for (const int row : rows) {
        if (const int to = remap(row); to >= 0)
            rows[out++] = to;
    }
    rows.resize(out);
    }

    // The runs of consecutive values in `sorted` (ascending): [first, last] of each.
    std::vector<std::pair<int, int>> runsOf(const std::vector<int>& sorted)
    {
        std::vector<std::pair<int, int>> runs;
        for (const int v : sorted) {
            if (!runs.empty() && runs.back().second + 1 == v)
                runs.back().second = v;
            else
                runs.emplace_back(v, v);
        }
        return runs;
    }

} // namespace

TaskFilterProxyModel::TaskFilterProxyModel(QObject* parent)
    : QAbstractProxyModel(parent)
{
}

void TaskFilterProxyModel::setSourceModel(QAbstractItemModel* source)
{
    auto* tasks = qobject_cast<TaskTableModel*>(source);
    Q_ASSERT_X(tasks || !source, "TaskFilterProxyModel", "the source must be a TaskTableModel");
    beginResetModel();
    if (m_tasks)
        disconnect(m_tasks, nullptr, this, nullptr);
    QAbstractProxyModel::setSourceModel(tasks);
    m_tasks = tasks;
    m_matcher.setModel(tasks);
    m_order.setModel(tasks);
    if (tasks) {
        connect(tasks, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
        connect(tasks, &QAbstractItemModel::modelReset, this, &TaskFilterProxyModel::onSourceReset);
        connect(tasks, &QAbstractItemModel::rowsInserted, this, &TaskFilterProxyModel::onSourceRowsInserted);
        connect(tasks, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            &TaskFilterProxyModel::onSourceRowsAboutToBeRemoved);
        connect(tasks, &QAbstractItemModel::rowsRemoved, this, &TaskFilterProxyModel::onSourceRowsRemoved);
        // A layout change the table describes (rowRemap()) only renumbers source rows: what this
        // proxy shows stays the same. Any other is taken as a reset.
        connect(tasks, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] {
            if (m_tasks->rowRemap().empty())
                beginResetModel();
        });
        connect(tasks, &QAbstractItemModel::layoutChanged, this, &TaskFilterProxyModel::onSourceLayoutChanged);
        connect(tasks, &QAbstractItemModel::dataChanged, this, &TaskFilterProxyModel::onSourceDataChanged);
        connect(tasks, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
        connect(tasks, &TaskTableModel::labelsChanged, this, [this] {
            m_matcher.forgetVerdicts();
            if (m_order.column() >= 0 || m_matcher.isActive())
                resort();
        });
    }
    m_sorted.clear();
    m_rows.clear();
    onSourceReset();
}

void TaskFilterProxyModel::setSiteFilter(const QString& siteId)
{
    if (m_matcher.setSite(siteId))
        refilter(m_matcher.lastChangeNarrowed());
}

void TaskFilterProxyModel::setPlatformFilter(const QString& platform)
{
    if (m_matcher.setPlatform(platform))
        refilter(m_matcher.lastChangeNarrowed());
}

void TaskFilterProxyModel::setTextFilter(const QString& text)
{
    if (m_matcher.setText(text))
        refilter(m_matcher.lastChangeNarrowed());
}

void TaskFilterProxyModel::refilter(bool narrowing)
{
    // Typing more of a word only ever hides rows: look at the ones still shown.
    showRows(filtered(narrowing ? m_rows : m_sorted));
}

void TaskFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column >= TaskTableModel::ColumnCount)
        return;
    m_order.set(column, order);
    m_order.prepare();
    m_order.sortAll(m_sorted);
    forgetSortedPositions();
    // The same rows in another order: one layout change.
    std::vector<int> rows = m_spares.take();
    const std::vector<int>& proxyRow = proxyRows();
    for (const int row : m_sorted) {
        if (proxyRow[std::size_t(row)] >= 0)
            rows.push_back(row);
    }
    relayoutTo(std::move(rows));
}

void TaskFilterProxyModel::resort()
{
    m_order.prepare();
    m_order.sortAll(m_sorted);
    forgetSortedPositions();
    showRows(filtered(m_sorted));
}

std::vector<int> TaskFilterProxyModel::filtered(const std::vector<int>& candidates) const
{
    if (!m_tasks || !m_matcher.isActive())
        return candidates;
    // Judged in source row order, which is nearly the tasks' order in memory (a sorted order
    // would jump across a million tasks), then kept in the candidates' order.
    std::vector<char>& shown = flags();
    for (const int row : candidates)
        shown[std::size_t(row)] = 1;
    for (std::size_t row = 0; row < shown.size(); ++row) {
        if (shown[row])
            shown[row] = m_matcher.accepts(int(row)) ? 1 : 0;
    }
    std::vector<int> out = m_spares.take();
    for (const int row : candidates) {
        if (shown[std::size_t(row)])
            out.push_back(row);
    }
    return out;
}

void TaskFilterProxyModel::showRows(std::vector<int> rows)
{
    std::vector<char>& inNew = flags();
    for (const int row : rows)
        inNew[std::size_t(row)] = 1;
    std::vector<int> removed; // proxy rows, ascending
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (!inNew[std::size_t(m_rows[i])])
            removed.push_back(int(i));
    }
    std::vector<int> kept = m_spares.take(); // shown before and after, in the new order
    bool adding = false;
    const std::vector<int>& proxyRow = proxyRows();
    for (const int row : rows) {
        if (proxyRow[std::size_t(row)] >= 0)
            kept.push_back(row);
        else
            adding = true;
    }
    if (!removed.empty())
        removeShown(removed, kept);
    if (m_rows != kept)
        relayoutTo(std::move(kept));
    else
        m_spares.giveBack(std::move(kept));
    if (adding)
        insertShown(rows);
    m_spares.giveBack(std::move(rows));
}

std::vector<char>& TaskFilterProxyModel::flags() const
{
    reserveRows(m_flags, std::size_t(sourceRows()));
    m_flags.assign(std::size_t(sourceRows()), 0);
    return m_flags;
}

void TaskFilterProxyModel::removeShown(const std::vector<int>& proxyRows, const std::vector<int>& keptInNewOrder)
{
    const auto runs = runsOf(proxyRows);
    if (runs.size() <= std::size_t(kMaxRangedRuns)) {
        // The highest run first, so that the lower rows keep their numbers.
        for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
            const auto [first, last] = *run;
            beginRemoveRows({}, first, last);
            m_rows.erase(m_rows.begin() + first, m_rows.begin() + last + 1);
            forgetProxyRows();
            endRemoveRows();
        }
        return;
    }
    // Scattered: the rows that stay in their new order with the leaving ones after them, then
    // those off the end in one go.
    std::vector<int> order = m_spares.take();
    reserveRows(order, keptInNewOrder.size() + proxyRows.size());
    order.assign(keptInNewOrder.cbegin(), keptInNewOrder.cend());
    for (const int row : proxyRows)
        order.push_back(m_rows[std::size_t(row)]);
    relayoutTo(std::move(order));
    const int kept = int(keptInNewOrder.size());
    beginRemoveRows({}, kept, int(m_rows.size()) - 1);
    m_rows.resize(std::size_t(kept));
    forgetProxyRows();
    endRemoveRows();
}

void TaskFilterProxyModel::insertShown(const std::vector<int>& rows, std::vector<int> at)
{
    // m_rows holds `rows` but the new ones, in their order; `at`: where each new one ends up,
    // ascending (worked out here when not given).
    if (at.empty()) {
        const std::vector<int>& proxyRow = proxyRows();
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (proxyRow[std::size_t(rows[i])] < 0)
                at.push_back(int(i));
        }
    }
    const auto runs = runsOf(at);
    if (runs.size() <= std::size_t(kMaxRangedRuns)) {
        // Lowest first: everything before a run is then in place already.
        for (const auto& [first, last] : runs) {
            beginInsertRows({}, first, last);
            m_rows.insert(m_rows.begin() + first, rows.begin() + first, rows.begin() + last + 1);
            forgetProxyRows();
            endInsertRows();
        }
        return;
    }
    // Scattered: all at the end in one go, then one layout change puts them in their places.
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(at.size()) - 1);
    for (const int i : at)
        m_rows.push_back(rows[std::size_t(i)]);
    forgetProxyRows();
    endInsertRows();
    std::vector<int> order = m_spares.take();
    reserveRows(order, rows.size());
    order.assign(rows.cbegin(), rows.cend());
    relayoutTo(std::move(order));
}

void TaskFilterProxyModel::relayoutTo(std::vector<int> rows)
{
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::pair<int, int>> sources; // source row and column of each
    sources.reserve(std::size_t(before.size()));
    for (const QModelIndex& i : before)
        sources.emplace_back(m_rows[std::size_t(i.row())], i.column());
    setShown(std::move(rows));
    // Where the few rows views hold on to went, in one pass (the whole inverse is worked out
    // only when next needed).
    QHash<int, int> moved;
    for (const auto& [row, column] : sources)
        moved.insert(row, -1);
    qsizetype missing = moved.size();
    for (std::size_t i = 0; i < m_rows.size() && missing > 0; ++i) {
        if (const auto it = moved.find(m_rows[i]); it != moved.end()) {
            *it = int(i);
            --missing;
        }
    }
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto& [row, column] : sources) {
        const int proxyRow = moved.value(row, -1);
        after.append(proxyRow >= 0 ? index(proxyRow, column) : QModelIndex());
    }
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void TaskFilterProxyModel::setShown(std::vector<int> rows)
{
    // The same rows as before in another order: only their numbers change.
    std::swap(m_rows, rows);
    m_spares.giveBack(std::move(rows));
    forgetProxyRows();
}

void TaskFilterProxyModel::forgetSortedPositions()
{
    // Wanted only to tell whether a changed row is still in place: worked out when next needed.
    m_sortedPosValid = false;
}

const std::vector<int>& TaskFilterProxyModel::sortedPositions()
{
    if (!m_sortedPosValid) {
        reserveRows(m_sortedPos, m_sorted.size());
        m_sortedPos.resize(m_sorted.size()); // every source row is in m_sorted: each entry is written below
        for (std::size_t i = 0; i < m_sorted.size(); ++i)
            m_sortedPos[std::size_t(m_sorted[i])] = int(i);
        m_sortedPosValid = true;
    }
    return m_sortedPos;
}

void TaskFilterProxyModel::forgetProxyRows()
{
    m_proxyRowValid = false;
}

int TaskFilterProxyModel::sourceRows() const
{
    return m_tasks ? m_tasks->rowCount() : 0;
}

const std::vector<int>& TaskFilterProxyModel::proxyRows() const
{
    // The inverse of m_rows, worked out when asked for: a change that moves many rows (a
    // relayout, a removal near the top) leaves it for the next reader instead of rewriting a
    // million entries each time.
    if (!m_proxyRowValid) {
        reserveRows(m_proxyRow, std::size_t(sourceRows()));
        m_proxyRow.assign(std::size_t(sourceRows()), -1);
        for (std::size_t i = 0; i < m_rows.size(); ++i) {
            if (std::size_t(m_rows[i]) < m_proxyRow.size())
                m_proxyRow[std::size_t(m_rows[i])] = int(i);
        }
        m_proxyRowValid = true;
    }
    return m_proxyRow;
}

void TaskFilterProxyModel::onSourceReset()
{
    const int n = m_tasks ? m_tasks->rowCount() : 0;
    reserveRows(m_sorted, std::size_t(n));
    m_sorted.resize(std::size_t(n));
    std::iota(m_sorted.begin(), m_sorted.end(), 0);
    m_matcher.forgetVerdicts();
    m_order.prepare();
    m_order.sortAll(m_sorted);
    forgetSortedPositions();
    m_rows = filtered(m_sorted);
    forgetProxyRows();
    endResetModel();
}

void TaskFilterProxyModel::onSourceRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    if (std::size_t(first) < m_sorted.size()) {
        // Rows put in before others (the table only appends; kept correct anyway).
        const auto shift = [first, count](int row) { return row < first ? row : row + count; };
        applyRemap(m_sorted, shift);
        applyRemap(m_rows, shift);
        forgetProxyRows();
    } else if (m_proxyRowValid) {
        m_proxyRow.resize(m_proxyRow.size() + std::size_t(count), -1);
    }
    std::vector<int> added(static_cast<std::size_t>(count));
    std::iota(added.begin(), added.end(), first);
    std::vector<int> shown;
    for (const int row : added) {
        if (m_matcher.accepts(row))
            shown.push_back(row);
    }
    m_order.insertSorted(m_sorted, std::move(added));
    forgetSortedPositions();
    if (!shown.empty()) {
        std::vector<int> rows = m_spares.take();
        reserveRows(rows, m_rows.size() + shown.size());
        rows.assign(m_rows.cbegin(), m_rows.cend());
        std::vector<int> at;
        m_order.insertSorted(rows, std::move(shown), &at);
        insertShown(rows, std::move(at));
        m_spares.giveBack(std::move(rows));
    }
}

void TaskFilterProxyModel::onSourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    // Taken off this proxy while the source still has them.
    std::vector<int> removed; // proxy rows, ascending
    const std::vector<int>& proxyRow = proxyRows();
    for (int row = first; row <= last; ++row) {
        if (const int p = proxyRow[std::size_t(row)]; p >= 0)
            removed.push_back(p);
    }
    if (removed.empty())
        return;
    std::sort(removed.begin(), removed.end());
    std::vector<int> kept = m_spares.take();
    for (const int row : m_rows) {
        if (row < first || row > last)
            kept.push_back(row);
    }
    removeShown(removed, kept);
    m_spares.giveBack(std::move(kept));
}

void TaskFilterProxyModel::onSourceRowsRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    const auto remap = [first, last, count](int row) { return row < first ? row : (row <= last ? -1 : row - count); };
    const bool offTheEnd = std::size_t(last) + 1 == m_sorted.size();
    applyRemap(m_sorted, remap);
    forgetSortedPositions();
    if (offTheEnd) {
        // As the table removes: nothing else is renumbered.
        if (m_proxyRowValid)
            m_proxyRow.resize(std::size_t(first));
        return;
    }
    applyRemap(m_rows, remap);
    forgetProxyRows();
}

void TaskFilterProxyModel::onSourceLayoutChanged()
{
    const std::vector<int>& remap = m_tasks->rowRemap();
    if (remap.empty() || remap.size() != m_sorted.size()) {
        if (!remap.empty())
            beginResetModel(); // a described change of another size: not this table's
        m_sorted.clear();
        m_rows.clear();
        onSourceReset();
        return;
    }
    // The table moved rows about to go to its end, the others keeping their order: renumber.
    const auto moved = [&remap](int row) { return remap[std::size_t(row)]; };
    applyRemap(m_sorted, moved);
    applyRemap(m_rows, moved);
    forgetSortedPositions();
    if (m_proxyRowValid) {
        std::vector<int> proxyRow = m_spares.take();
        reserveRows(proxyRow, m_proxyRow.size());
        proxyRow.resize(m_proxyRow.size());
        for (std::size_t row = 0; row < remap.size(); ++row)
            proxyRow[std::size_t(remap[row])] = m_proxyRow[row];
        std::swap(m_proxyRow, proxyRow);
        m_spares.giveBack(std::move(proxyRow));
    }
}

void TaskFilterProxyModel::onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    // Rows whose sort place or filter verdict changed leave the sorted order and are merged back
    // in. Only changed rows can be out of place, but one judged against a neighbour that moved
    // may be too: judge again after each round, and move all of them after a few.
    std::vector<int> candidates = m_tasks->changedRows();
    if (candidates.empty()) {
        candidates.resize(static_cast<std::size_t>(last - first + 1));
        std::iota(candidates.begin(), candidates.end(), first);
    }
    std::vector<int> moving;
    const bool placeKept = m_order.placeKeptOnChange();
    proxyRows();
    if (placeKept) {
        // Sorted by id (the default): only whether a row is shown can have changed, and it
        // stays where it is in the order. (Knowing each row's place cost a pass over a million.)
        for (const int row : candidates) {
            if ((m_proxyRow[std::size_t(row)] >= 0) != m_matcher.accepts(row))
                moving.push_back(row);
        }
        candidates.clear();
    } else {
        sortedPositions();
    }
    const auto takeOut = [this, &moving](const std::vector<int>& rows) {
        std::vector<char>& out = flags();
        for (const int row : rows)
            out[std::size_t(row)] = 1;
        m_sorted.erase(
            std::remove_if(m_sorted.begin(), m_sorted.end(), [&out](int row) { return out[std::size_t(row)] != 0; }),
            m_sorted.end());
        std::fill(m_sortedPos.begin(), m_sortedPos.end(), -1);
        for (std::size_t i = 0; i < m_sorted.size(); ++i)
            m_sortedPos[std::size_t(m_sorted[i])] = int(i);
        moving.insert(moving.end(), rows.begin(), rows.end());
    };
    for (int round = 0; !candidates.empty(); ++round) {
        if (round == 3) {
            takeOut(candidates);
            break;
        }
        std::vector<int> still;
        std::vector<int> found;
        for (const int row : candidates) {
            const int pos = m_sortedPos[std::size_t(row)];
            const bool inPlace = pos >= 0 && (pos == 0 || !m_order.less(row, m_sorted[std::size_t(pos) - 1]))
                && (std::size_t(pos) + 1 == m_sorted.size() || !m_order.less(m_sorted[std::size_t(pos) + 1], row));
            const bool shown = m_proxyRow[std::size_t(row)] >= 0; // valid: nothing shown changes in these rounds
            (inPlace && shown == m_matcher.accepts(row) ? still : found).push_back(row);
        }
        if (found.empty())
            break;
        takeOut(found);
        candidates = std::move(still);
    }
    if (!moving.empty()) {
        std::vector<char>& isMoving = flags();
        for (const int row : moving)
            isMoving[std::size_t(row)] = 1;
        if (!placeKept) {
            m_order.insertSorted(m_sorted, moving);
            forgetSortedPositions();
        }
        std::vector<int> rows = m_spares.take();
        for (const int row : m_sorted) {
            if (isMoving[std::size_t(row)] ? m_matcher.accepts(row) : proxyRows()[std::size_t(row)] >= 0)
                rows.push_back(row);
        }
        showRows(std::move(rows));
    }
    int lo = INT_MAX;
    int hi = -1;
    const std::vector<int>& proxyRow = proxyRows();
    for (int row = first; row <= last; ++row) {
        if (const int p = proxyRow[std::size_t(row)]; p >= 0) {
            lo = std::min(lo, p);
            hi = std::max(hi, p);
        }
    }
    if (hi >= 0)
        emit dataChanged(index(lo, topLeft.column()), index(hi, bottomRight.column()));
}

QModelIndex TaskFilterProxyModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || std::size_t(row) >= m_rows.size()
        || column >= TaskTableModel::ColumnCount)
        return {};
    return createIndex(row, column);
}

QModelIndex TaskFilterProxyModel::parent(const QModelIndex&) const { return {}; }

QModelIndex TaskFilterProxyModel::sibling(int row, int column, const QModelIndex&) const
{
    return index(row, column);
}

int TaskFilterProxyModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TaskFilterProxyModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_tasks ? 0 : TaskTableModel::ColumnCount;
}

bool TaskFilterProxyModel::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

QVariant TaskFilterProxyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal)
        return m_tasks ? m_tasks->headerData(section, orientation, role) : QVariant();
    return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
}

QModelIndex TaskFilterProxyModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!proxyIndex.isValid() || !m_tasks || std::size_t(proxyIndex.row()) >= m_rows.size())
        return {};
    return m_tasks->index(m_rows[std::size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex TaskFilterProxyModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    const std::vector<int>& proxyRow = proxyRows();
    if (!sourceIndex.isValid() || std::size_t(sourceIndex.row()) >= proxyRow.size())
        return {};
    const int row = proxyRow[std::size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

} // namespace cpn
