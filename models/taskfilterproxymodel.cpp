#include "taskfilterproxymodel.h"

#include "domainlabels.h"
#include "networkstate.h"
#include "tasktablemodel.h"

#include <algorithm>
#include <numeric>

namespace cpn {

namespace {

    const QString Task::* stringField(int column)
    {
        switch (column) {
        case TaskTableModel::IdColumn:
            return &Task::id;
        case TaskTableModel::NameColumn:
            return &Task::name;
        case TaskTableModel::TenantColumn:
            return &Task::tenant;
        default:
            return nullptr;
        }
    }

    template <typename Enum> std::vector<double> labelRanks(int count, QString (*label)(Enum))
    {
        std::vector<int> values(static_cast<std::size_t>(count));
        std::iota(values.begin(), values.end(), 0);
        std::sort(values.begin(), values.end(), [label](int a, int b) { return label(Enum(a)) < label(Enum(b)); });
        std::vector<double> rank(static_cast<std::size_t>(count));
        for (std::size_t i = 0; i < values.size(); ++i)
            rank[std::size_t(values[i])] = double(i);
        return rank;
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
    if (tasks) {
        connect(tasks, &QAbstractItemModel::modelAboutToBeReset, this, [this] { beginResetModel(); });
        connect(tasks, &QAbstractItemModel::modelReset, this, &TaskFilterProxyModel::onSourceReset);
        connect(tasks, &QAbstractItemModel::rowsInserted, this, &TaskFilterProxyModel::onSourceRowsInserted);
        connect(tasks, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] { beginRelayout(); });
        connect(tasks, &QAbstractItemModel::rowsRemoved, this, &TaskFilterProxyModel::onSourceRowsRemoved);
        connect(tasks, &QAbstractItemModel::layoutAboutToBeChanged, this, [this] { beginRelayout(); });
        connect(tasks, &QAbstractItemModel::layoutChanged, this, &TaskFilterProxyModel::onSourceLayoutChanged);
        connect(tasks, &QAbstractItemModel::dataChanged, this, &TaskFilterProxyModel::onSourceDataChanged);
        connect(tasks, &QAbstractItemModel::headerDataChanged, this, &QAbstractItemModel::headerDataChanged);
        connect(tasks, &TaskTableModel::labelsChanged, this, [this] {
            clearVerdicts();
            if (m_sortColumn < 0 && m_text.isEmpty())
                return;
            beginRelayout();
            sortAll();
            filterFrom(m_sorted);
            endRelayout();
        });
    }
    m_sorted.clear();
    sortAll();
    filterFrom(m_sorted);
    rebuildPositions();
    endResetModel();
}

void TaskFilterProxyModel::setSiteFilter(const QString& siteId)
{
    if (m_siteId == siteId)
        return;
    const bool narrowing = m_siteId.isEmpty();
    m_siteId = siteId;
    clearVerdicts();
    beginRelayout();
    filterFrom(narrowing ? std::vector<int>(m_rows) : m_sorted);
    endRelayout();
}

void TaskFilterProxyModel::setTextFilter(const QString& text)
{
    const QString trimmed = text.trimmed();
    if (m_text == trimmed)
        return;
    // Typing more of a word only ever hides rows: look at the ones still shown.
    const bool narrowing = !m_text.isEmpty() && trimmed.contains(m_text, Qt::CaseInsensitive);
    m_text = trimmed;
    m_folded.resize(trimmed.size());
    std::transform(trimmed.cbegin(), trimmed.cend(), m_folded.begin(), [](QChar c) { return QChar(fold(c.unicode())); });
    clearVerdicts();
    beginRelayout();
    filterFrom(narrowing ? std::vector<int>(m_rows) : m_sorted);
    endRelayout();
}

void TaskFilterProxyModel::sort(int column, Qt::SortOrder order)
{
    if (column >= TaskTableModel::ColumnCount)
        return;
    beginRelayout();
    m_sortColumn = column;
    m_order = order;
    sortAll();
    filterFrom(m_sorted);
    endRelayout();
}

void TaskFilterProxyModel::clearVerdicts()
{
    m_siteVerdicts.clear();
    m_tenantVerdicts.clear();
}

bool TaskFilterProxyModel::contains(QStringView text) const
{
    // m_folded in `text`, case-insensitive: a plain scan is the fastest for the short texts of a task.
    const qsizetype m = m_folded.size();
    const char16_t* s = reinterpret_cast<const char16_t*>(text.utf16());
    const char16_t* p = reinterpret_cast<const char16_t*>(m_folded.utf16());
    for (qsizetype i = 0, last = text.size() - m; i <= last; ++i) {
        if (fold(s[i]) != p[0])
            continue;
        qsizetype j = 1;
        while (j < m && fold(s[i + j]) == p[j])
            ++j;
        if (j == m)
            return true;
    }
    return false;
}

signed char TaskFilterProxyModel::siteVerdict(int key) const
{
    const std::vector<QString>& ids = m_tasks->siteIds();
    if (std::size_t(key) >= m_siteVerdicts.size())
        m_siteVerdicts.resize(ids.size(), Unjudged);
    signed char& verdict = m_siteVerdicts[std::size_t(key)];
    if (verdict == Unjudged) {
        const QString& id = ids[std::size_t(key)];
        if (!m_siteId.isEmpty() && id != m_siteId)
            verdict = Hidden;
        else if (m_text.isEmpty() || contains(id) || contains(m_tasks->siteLabel(id)))
            verdict = Shown;
        else
            verdict = ByTask;
    }
    return verdict;
}

bool TaskFilterProxyModel::accepts(int row) const
{
    // The site's and the tenant's verdicts once per distinct value (10,000 sites and a few dozen
    // tenants for a million tasks); only the task's own id and name are looked at per task.
    if (const signed char site = siteVerdict(m_tasks->siteKeyAt(row)); site != ByTask)
        return site == Shown;
    const int tenant = m_tasks->tenantKeyAt(row);
    const std::vector<QString>& tenants = m_tasks->tenants();
    if (std::size_t(tenant) >= m_tenantVerdicts.size())
        m_tenantVerdicts.resize(tenants.size(), Unjudged);
    signed char& verdict = m_tenantVerdicts[std::size_t(tenant)];
    if (verdict == Unjudged)
        verdict = contains(tenants[std::size_t(tenant)]) ? Shown : Hidden;
    if (verdict == Shown)
        return true;
    const Task& t = m_tasks->taskAt(row);
    return contains(t.id) || contains(t.name);
}

double TaskFilterProxyModel::key(const Task& t) const
{
    switch (m_sortColumn) {
    case TaskTableModel::KindColumn:
        return m_labelRank[std::size_t(t.kind)];
    case TaskTableModel::StateColumn:
        return m_labelRank[std::size_t(t.state)];
    case TaskTableModel::ArchitectureColumn:
        return m_labelRank[std::size_t(t.architecture)];
    case TaskTableModel::SiteColumn:
        // Tasks on a site the network does not know sort first.
        return m_siteRank.value(t.siteId, -1);
    case TaskTableModel::CardsColumn:
        return t.cards;
    case TaskTableModel::PflopsColumn:
        return t.pflops;
    case TaskTableModel::ProgressColumn:
        return t.progress;
    default:
        return 0;
    }
}

bool TaskFilterProxyModel::less(int a, int b) const
{
    if (m_sortColumn < 0)
        return a < b;
    const Task& x = m_tasks->taskAt(a);
    const Task& y = m_tasks->taskAt(b);
    int c = 0;
    if (const auto field = stringField(m_sortColumn)) {
        c = (x.*field).compare(y.*field);
    } else {
        const double kx = key(x);
        const double ky = key(y);
        c = kx < ky ? -1 : (ky < kx ? 1 : 0);
    }
    // Ties keep the source order in both directions, as a stable sort would.
    if (c == 0)
        return a < b;
    return m_order == Qt::AscendingOrder ? c < 0 : c > 0;
}

void TaskFilterProxyModel::prepareKeys()
{
    m_labelRank.clear();
    m_siteRank.clear();
    switch (m_sortColumn) {
    case TaskTableModel::KindColumn:
        m_labelRank = labelRanks<TaskKind>(7, taskKindName);
        break;
    case TaskTableModel::StateColumn:
        m_labelRank = labelRanks<TaskState>(4, taskStateName);
        break;
    case TaskTableModel::ArchitectureColumn:
        m_labelRank = labelRanks<Architecture>(kArchitectureCount, architectureName);
        break;
    case TaskTableModel::SiteColumn:
        if (const NetworkState* state = m_tasks->networkState()) {
            std::vector<std::pair<QString, QString>> names; // shown name, id
            names.reserve(std::size_t(state->sites().size()));
            for (const Site& s : state->sites())
                names.emplace_back(m_tasks->siteLabel(s.id), s.id);
            std::sort(names.begin(), names.end());
            for (std::size_t i = 0; i < names.size(); ++i)
                m_siteRank.insert(names[i].second, int(i));
        }
        break;
    default:
        break;
    }
}

void TaskFilterProxyModel::sortAll()
{
    const int n = m_tasks ? m_tasks->rowCount() : 0;
    if (int(m_sorted.size()) != n) {
        m_sorted.resize(std::size_t(n));
        std::iota(m_sorted.begin(), m_sorted.end(), 0);
    }
    if (!m_tasks)
        return;
    prepareKeys();
    if (m_sortColumn == TaskTableModel::IdColumn && m_tasks->rowsInIdOrder()) {
        std::iota(m_sorted.begin(), m_sorted.end(), 0);
        if (m_order == Qt::DescendingOrder)
            std::reverse(m_sorted.begin(), m_sorted.end());
        return;
    }
    const auto byRow = [this](int a, int b) { return less(a, b); };
    // Tasks come from the server in id order: sorting by id is then one pass.
    if (std::is_sorted(m_sorted.begin(), m_sorted.end(), byRow))
        return;
    // The same column the other way round (ties would break the other way: then sort).
    if (std::is_sorted(m_sorted.rbegin(), m_sorted.rend(), byRow)) {
        std::reverse(m_sorted.begin(), m_sorted.end());
        return;
    }
    if (m_sortColumn < 0) {
        std::sort(m_sorted.begin(), m_sorted.end());
        return;
    }
    if (const auto field = stringField(m_sortColumn)) {
        // The first eight characters packed in two integers decide most comparisons without
        // touching the tasks or their text; the rest compares the text in place.
        struct Entry {
            quint64 head[2];
            QStringView text;
            int row;
        };
        std::vector<Entry> entries;
        entries.reserve(std::size_t(n));
        for (int row = 0; row < n; ++row) {
            const QString& text = m_tasks->taskAt(row).*field;
            Entry e { { 0, 0 }, text, row };
            for (qsizetype i = 0; i < 8; ++i)
                e.head[i / 4] |= quint64(i < text.size() ? text.at(i).unicode() : 0) << (48 - 16 * (i % 4));
            entries.push_back(e);
        }
        const bool ascending = m_order == Qt::AscendingOrder;
        std::sort(entries.begin(), entries.end(), [ascending](const Entry& a, const Entry& b) {
            int c = a.head[0] != b.head[0] ? (a.head[0] < b.head[0] ? -1 : 1)
                : a.head[1] != b.head[1]   ? (a.head[1] < b.head[1] ? -1 : 1)
                                           : 0;
            if (c == 0)
                c = a.text.compare(b.text);
            if (c == 0)
                return a.row < b.row;
            return ascending ? c < 0 : c > 0;
        });
        for (std::size_t i = 0; i < entries.size(); ++i)
            m_sorted[i] = entries[i].row;
        return;
    }
    // Numeric keys once per row, not twice per comparison.
    std::vector<double> keys(static_cast<std::size_t>(n));
    for (int row = 0; row < n; ++row)
        keys[std::size_t(row)] = key(m_tasks->taskAt(row));
    const bool ascending = m_order == Qt::AscendingOrder;
    std::sort(m_sorted.begin(), m_sorted.end(), [&keys, ascending](int a, int b) {
        const double ka = keys[std::size_t(a)];
        const double kb = keys[std::size_t(b)];
        if (ka == kb)
            return a < b;
        return ascending ? ka < kb : ka > kb;
    });
}

void TaskFilterProxyModel::filterFrom(const std::vector<int>& candidates)
{
    m_rows.clear();
    if (!m_tasks)
        return;
    if (m_siteId.isEmpty() && m_text.isEmpty()) {
        m_rows = m_sorted;
        return;
    }
    // Judged in source row order, which is nearly the tasks' order in memory (a sorted order
    // would jump across a million tasks), then kept in the candidates' order.
    std::vector<char> shown(m_sorted.size(), 0);
    for (const int row : candidates)
        shown[std::size_t(row)] = 1;
    for (std::size_t row = 0; row < shown.size(); ++row) {
        if (shown[row])
            shown[row] = accepts(int(row)) ? 1 : 0;
    }
    for (const int row : candidates) {
        if (shown[std::size_t(row)])
            m_rows.push_back(row);
    }
}

void TaskFilterProxyModel::insertSorted(std::vector<int>& into, const std::vector<int>& rows) const
{
    // A few rows into a million: find their places by bisection (k log n comparisons, where
    // std::merge would compare n times), then move the ints once.
    std::vector<std::size_t> at;
    at.reserve(rows.size());
    const auto byRow = [this](int a, int b) { return less(a, b); };
    for (const int row : rows)
        at.push_back(std::size_t(std::upper_bound(into.begin(), into.end(), row, byRow) - into.begin()));
    std::vector<int> out;
    out.reserve(into.size() + rows.size());
    std::size_t from = 0;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.insert(out.end(), into.begin() + std::ptrdiff_t(from), into.begin() + std::ptrdiff_t(at[i]));
        out.push_back(rows[i]);
        from = at[i];
    }
    out.insert(out.end(), into.begin() + std::ptrdiff_t(from), into.end());
    into = std::move(out);
}

void TaskFilterProxyModel::merge(std::vector<int> rows)
{
    std::sort(rows.begin(), rows.end(), [this](int a, int b) { return less(a, b); });
    insertSorted(m_sorted, rows);
    if (m_siteId.isEmpty() && m_text.isEmpty()) {
        m_rows = m_sorted;
        return;
    }
    rows.erase(std::remove_if(rows.begin(), rows.end(), [this](int row) { return !accepts(row); }),
        rows.end());
    insertSorted(m_rows, rows);
}

void TaskFilterProxyModel::rebuildPositions()
{
    const std::size_t n = m_sorted.size();
    m_sortedPos.resize(n); // every source row is in m_sorted: each entry is written below
    m_proxyRow.assign(n, -1);
    for (std::size_t i = 0; i < n; ++i)
        m_sortedPos[std::size_t(m_sorted[i])] = int(i);
    for (std::size_t i = 0; i < m_rows.size(); ++i)
        m_proxyRow[std::size_t(m_rows[i])] = int(i);
}

void TaskFilterProxyModel::beginRelayout()
{
    if (m_relayout)
        return;
    m_relayout = true;
    emit layoutAboutToBeChanged();
    m_persistent = persistentIndexList();
    m_persistentSource.clear();
    m_persistentSource.reserve(std::size_t(m_persistent.size()));
    for (const QModelIndex& i : m_persistent)
        m_persistentSource.emplace_back(m_rows[std::size_t(i.row())], i.column());
}

void TaskFilterProxyModel::endRelayout(const std::function<int(int)>& sourceRemap)
{
    rebuildPositions();
    QModelIndexList after;
    after.reserve(m_persistent.size());
    for (auto [row, column] : m_persistentSource) {
        if (sourceRemap)
            row = sourceRemap(row);
        const int proxyRow = row >= 0 ? m_proxyRow[std::size_t(row)] : -1;
        after.append(proxyRow >= 0 ? index(proxyRow, column) : QModelIndex());
    }
    changePersistentIndexList(m_persistent, after);
    m_persistent.clear();
    m_persistentSource.clear();
    m_relayout = false;
    emit layoutChanged();
}

void TaskFilterProxyModel::onSourceReset()
{
    m_sorted.clear();
    clearVerdicts();
    sortAll();
    filterFrom(m_sorted);
    rebuildPositions();
    endResetModel();
}

void TaskFilterProxyModel::onSourceRowsInserted(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    // New rows come last in the source: shift nothing, merge them in.
    std::vector<int> rows(static_cast<std::size_t>(last - first + 1));
    std::iota(rows.begin(), rows.end(), first);
    std::vector<int> shown;
    for (const int row : rows) {
        if (accepts(row))
            shown.push_back(row);
    }
    const auto byRow = [this](int a, int b) { return less(a, b); };
    const auto firstShown = std::min_element(shown.begin(), shown.end(), byRow);
    if (shown.empty()) {
        merge(std::move(rows));
        rebuildPositions();
    } else if (m_rows.empty() || less(m_rows.back(), *firstShown)) {
        // All after what is shown (new ids when sorted by id): one ranged insertion.
        const int at = int(m_rows.size());
        beginInsertRows({}, at, at + int(shown.size()) - 1);
        merge(std::move(rows));
        rebuildPositions();
        endInsertRows();
    } else {
        beginRelayout();
        merge(std::move(rows));
        endRelayout();
    }
}

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

} // namespace

void TaskFilterProxyModel::onSourceRowsRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const int count = last - first + 1;
    const auto remap = [first, last, count](int row) { return row < first ? row : (row <= last ? -1 : row - count); };
    applyRemap(m_sorted, remap);
    applyRemap(m_rows, remap);
    endRelayout(remap);
}

void TaskFilterProxyModel::onSourceLayoutChanged()
{
    const std::vector<int>& remap = m_tasks->rowRemap();
    if (remap.size() == m_sorted.size()) {
        const auto moved = [&remap](int row) { return std::size_t(row) < remap.size() ? remap[std::size_t(row)] : -1; };
        applyRemap(m_sorted, moved);
        applyRemap(m_rows, moved);
        endRelayout(moved);
        return;
    }
    // A layout change the table did not describe: order everything again.
    m_sorted.clear();
    sortAll();
    filterFrom(m_sorted);
    endRelayout();
}

void TaskFilterProxyModel::onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight)
{
    if (!topLeft.isValid() || topLeft.parent().isValid())
        return;
    const int first = topLeft.row();
    const int last = bottomRight.row();
    // Rows whose sort place or filter verdict changed leave both orders and are merged back in.
    // Only changed rows can be out of place, but one judged against a neighbour that moved may
    // be too: judge again after each round, and move all of them after a few.
    std::vector<int> candidates = m_tasks->changedRows();
    if (candidates.empty()) {
        candidates.resize(static_cast<std::size_t>(last - first + 1));
        std::iota(candidates.begin(), candidates.end(), first);
    }
    std::vector<int> moving;
    const auto takeOut = [this, &moving](const std::vector<int>& rows) {
        std::vector<char> out(m_sortedPos.size(), 0);
        for (const int row : rows)
            out[std::size_t(row)] = 1;
        const auto isOut = [&out](int row) { return out[std::size_t(row)] != 0; };
        m_sorted.erase(std::remove_if(m_sorted.begin(), m_sorted.end(), isOut), m_sorted.end());
        m_rows.erase(std::remove_if(m_rows.begin(), m_rows.end(), isOut), m_rows.end());
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
            const bool inPlace = pos >= 0 && (pos == 0 || !less(row, m_sorted[std::size_t(pos) - 1]))
                && (std::size_t(pos) + 1 == m_sorted.size() || !less(m_sorted[std::size_t(pos) + 1], row));
            const bool shown = m_proxyRow[std::size_t(row)] >= 0;
            (inPlace && shown == accepts(row) ? still : found).push_back(row);
        }
        if (found.empty())
            break;
        beginRelayout();
        takeOut(found);
        candidates = std::move(still);
    }
    if (!moving.empty()) {
        merge(std::move(moving));
        endRelayout();
        return;
    }
    int lo = INT_MAX;
    int hi = -1;
    for (int row = first; row <= last; ++row) {
        if (const int p = m_proxyRow[std::size_t(row)]; p >= 0) {
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
    if (!sourceIndex.isValid() || std::size_t(sourceIndex.row()) >= m_proxyRow.size())
        return {};
    const int row = m_proxyRow[std::size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : index(row, sourceIndex.column());
}

} // namespace cpn
