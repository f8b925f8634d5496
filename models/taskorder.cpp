#include "taskorder.h"

#include "domainlabels.h"
#include "networkstate.h"
#include "rowroom.h"
#include "tasktablemodel.h"

#include <algorithm>
#include <numeric>

namespace cpn {

namespace {

const QString Task::*stringField(int column)
{
    switch (column) {
    case TaskTableModel::IdColumn:
        return &Task::id;
    case TaskTableModel::NameColumn:
        return &Task::name;
    case TaskTableModel::TenantColumn:
        return &Task::tenant;
    case TaskTableModel::PlatformColumn:
        return &Task::platform;
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

void TaskOrder::set(int column, Qt::SortOrder order)
{
    m_column = column;
    m_order = order;
}

double TaskOrder::key(const Task& t) const
{
    switch (m_column) {
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

bool TaskOrder::placeKeptOnChange() const
{
    return m_column < 0 || m_column == TaskTableModel::IdColumn || m_column == TaskTableModel::PlatformColumn;
}

bool TaskOrder::less(int a, int b) const
{
    if (m_column < 0)
        return a < b;
    const Task& x = m_tasks->taskAt(a);
    const Task& y = m_tasks->taskAt(b);
    int c = 0;
    if (m_column == TaskTableModel::IdColumn) {
        c = compareTasksById(x, y);
    } else if (const auto field = stringField(m_column)) {
        c = (x.*field).compare(y.*field);
    } else {
        const double kx = key(x);
        const double ky = key(y);
        c = kx < ky ? -1 : (ky < kx ? 1 : 0);
    }
    if (c == 0)
        return a < b;
    return m_order == Qt::AscendingOrder ? c < 0 : c > 0;
}

void TaskOrder::prepare()
{
    m_labelRank.clear();
    m_siteRank.clear();
    switch (m_column) {
    case TaskTableModel::KindColumn:
        m_labelRank = labelRanks<TaskKind>(kTaskKindCount, taskKindName);
        break;
    case TaskTableModel::StateColumn:
        m_labelRank = labelRanks<TaskState>(kTaskStateCount, taskStateName);
        break;
    case TaskTableModel::ArchitectureColumn:
        m_labelRank = labelRanks<Architecture>(kArchitectureCount, architectureName);
        break;
    case TaskTableModel::SiteColumn:
        if (const NetworkState* state = m_tasks ? m_tasks->networkState() : nullptr) {
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

void TaskOrder::sortAll(std::vector<int>& rows) const
{
    if (!m_tasks)
        return;
    if (m_column == TaskTableModel::IdColumn && m_tasks->rowsInIdOrder()) {
        std::iota(rows.begin(), rows.end(), 0);
        if (m_order == Qt::DescendingOrder)
            std::reverse(rows.begin(), rows.end());
        return;
    }
    const auto byRow = [this](int a, int b) { return less(a, b); };
    // Tasks come from the server in id order: sorting by id is then one pass.
    if (std::is_sorted(rows.begin(), rows.end(), byRow))
        return;
    // The same column the other way round (ties would break the other way: then sort).
    if (std::is_sorted(rows.rbegin(), rows.rend(), byRow)) {
        std::reverse(rows.begin(), rows.end());
        return;
    }
    if (m_column < 0) {
        std::sort(rows.begin(), rows.end());
        return;
    }
    if (stringField(m_column)) {
        sortByText(rows);
        return;
    }
    // Numeric keys once per row, not twice per comparison.
    const int n = int(rows.size());
    std::vector<double> keys(static_cast<std::size_t>(n));
    for (int row = 0; row < n; ++row)
        keys[std::size_t(row)] = key(m_tasks->taskAt(row));
    const bool ascending = m_order == Qt::AscendingOrder;
    std::sort(rows.begin(), rows.end(), [&keys, ascending](int a, int b) {
        const double ka = keys[std::size_t(a)];
        const double kb = keys[std::size_t(b)];
        if (ka == kb)
            return a < b;
        return ascending ? ka < kb : ka > kb;
    });
}

void TaskOrder::sortByText(std::vector<int>& rows) const
{
    // The first eight characters packed in two integers decide most comparisons without
    // touching the tasks or their text; the rest compares the text in place.
    struct Entry {
        QStringView platform; // the id column: tasks by platform first
        quint64 head[2];
        QStringView text;
        int row;
    };
    const auto field = stringField(m_column);
    std::vector<Entry> entries;
    entries.reserve(rows.size());
    for (int row = 0; row < int(rows.size()); ++row) {
        const Task& task = m_tasks->taskAt(row);
        QStringView text = task.*field;
        Entry e { {}, { 0, 0 }, text, row };
        if (m_column == TaskTableModel::IdColumn && !task.platform.isEmpty()) {
            e.platform = task.platform;
            e.text = text = text.mid(task.platform.size() + 1); // the id on its platform
        }
        if (m_column == TaskTableModel::IdColumn && !text.isEmpty()
            && std::all_of(text.begin(), text.end(), [](QChar c) { return c >= u'0' && c <= u'9'; })) {
            // A number: by its length first (below any text's first character), then its digits.
            e.head[0] = quint64(text.size()) << 16;
        } else {
            for (qsizetype i = 0; i < 8; ++i)
                e.head[i / 4] |= quint64(i < text.size() ? text.at(i).unicode() : 0) << (48 - 16 * (i % 4));
        }
        entries.push_back(e);
    }
    const bool ascending = m_order == Qt::AscendingOrder;
    std::sort(entries.begin(), entries.end(), [ascending](const Entry& a, const Entry& b) {
        int c = a.platform.compare(b.platform);
        if (c == 0)
            c = a.head[0] != b.head[0]   ? (a.head[0] < b.head[0] ? -1 : 1)
                : a.head[1] != b.head[1] ? (a.head[1] < b.head[1] ? -1 : 1)
                                         : 0;
        if (c == 0)
            c = a.text.compare(b.text);
        if (c == 0)
            return a.row < b.row;
        return ascending ? c < 0 : c > 0;
    });
    for (std::size_t i = 0; i < entries.size(); ++i)
        rows[i] = entries[i].row;
}

void TaskOrder::insertSorted(std::vector<int>& into, std::vector<int> rows, std::vector<int>* at) const
{
    // A few rows into a million: find their places by bisection (k log n comparisons, where
    // std::merge would compare n times), then move the ints once.
    const auto byRow = [this](int a, int b) { return less(a, b); };
    std::sort(rows.begin(), rows.end(), byRow);
    std::vector<std::size_t> before; // the place of each in `into` as it is
    before.reserve(rows.size());
    for (const int row : rows)
        before.push_back(std::size_t(std::upper_bound(into.begin(), into.end(), row, byRow) - into.begin()));
    std::vector<int> out = std::move(m_spare);
    out.clear();
    reserveRows(out, into.size() + rows.size());
    std::size_t from = 0;
    if (at)
        at->clear();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        out.insert(out.end(), into.begin() + std::ptrdiff_t(from), into.begin() + std::ptrdiff_t(before[i]));
        if (at)
            at->push_back(int(out.size()));
        out.push_back(rows[i]);
        from = before[i];
    }
    out.insert(out.end(), into.begin() + std::ptrdiff_t(from), into.end());
    std::swap(into, out);
    m_spare = std::move(out);
}

} // namespace cpn
