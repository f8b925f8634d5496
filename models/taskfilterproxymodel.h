#pragma once
// Sorting and filtering of the task table: by site, and by text typed by the operator.
//
// A million tasks is too many for QSortFilterProxyModel (a virtual lessThan over QVariants per
// comparison, a full re-sort on every layout change of the source): this proxy keeps the sorted
// order of every source row as a permutation of ints, sorts on the tasks' fields directly, filters
// in one pass over that order (narrowing a filter looks only at the rows still shown), and folds
// each change of the source into it by merging instead of sorting again.

#include <QAbstractProxyModel>
#include <QString>

#include <functional>
#include <vector>

namespace cpn {

class TaskTableModel;
struct Task;

class TaskFilterProxyModel final : public QAbstractProxyModel {
    Q_OBJECT
public:
    explicit TaskFilterProxyModel(QObject* parent = nullptr);

    // Must be a TaskTableModel.
    void setSourceModel(QAbstractItemModel* source) override;

    // Only tasks on this site; empty = every site.
    void setSiteFilter(const QString& siteId);
    QString siteFilter() const { return m_siteId; }
    // Case-insensitive substring of id, name, site or tenant.
    void setTextFilter(const QString& text);

    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_order; }
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    QModelIndex sibling(int row, int column, const QModelIndex& index) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;

private:
    // The filters' verdict on a site or tenant; ByTask: the task's id and name decide.
    enum Verdict : signed char { Unjudged = -1, Hidden, Shown, ByTask };
    static char16_t fold(char16_t c)
    {
        if (c < 0x80)
            return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c;
        return char16_t(QChar::toCaseFolded(char32_t(c)));
    }
    bool contains(QStringView text) const;
    signed char siteVerdict(int key) const;
    void clearVerdicts();
    bool accepts(int sourceRow) const;
    bool less(int sourceA, int sourceB) const;
    double key(const Task& task) const;
    void prepareKeys();
    void sortAll();
    void filterFrom(const std::vector<int>& candidates);
    // Merges source rows that are in neither order into both.
    void merge(std::vector<int> rows);
    void insertSorted(std::vector<int>& into, const std::vector<int>& rows) const;
    void rebuildPositions();
    void beginRelayout();
    // sourceRemap: the new source row of an old one (-1: removed), when source rows moved.
    void endRelayout(const std::function<int(int)>& sourceRemap = {});

    void onSourceReset();
    void onSourceRowsInserted(const QModelIndex& parent, int first, int last);
    void onSourceRowsRemoved(const QModelIndex& parent, int first, int last);
    void onSourceLayoutChanged();
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);

    const TaskTableModel* m_tasks = nullptr;
    QString m_siteId;
    QString m_text;
    QString m_folded; // m_text case-folded, a code unit at a time
    int m_sortColumn = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    std::vector<double> m_labelRank; // per enum value (kind, state, architecture) when sorting by one
    QHash<QString, int> m_siteRank; // site id -> rank of its shown name, when sorting by site
    // By key of TaskTableModel::siteIds() and tenants(); judged when first met.
    mutable std::vector<signed char> m_siteVerdicts;
    mutable std::vector<signed char> m_tenantVerdicts;

    std::vector<int> m_sorted; // every source row, in sort order
    std::vector<int> m_rows; // proxy row -> source row: the accepted part of m_sorted
    std::vector<int> m_sortedPos; // source row -> position in m_sorted
    std::vector<int> m_proxyRow; // source row -> proxy row, -1 when filtered out

    bool m_relayout = false;
    QModelIndexList m_persistent;
    std::vector<std::pair<int, int>> m_persistentSource; // source row and column of each
};

} // namespace cpn
