#pragma once
// Sorting and filtering of the task table: by site, and by text typed by the operator.
//
// A million tasks is too many for QSortFilterProxyModel (a virtual lessThan over QVariants per
// comparison, a full re-sort on every layout change of the source): this proxy keeps the sorted
// order of every source row as a permutation of ints (TaskOrder), filters in one pass over that
// order (TaskMatcher; narrowing a filter looks only at the rows still shown), and folds each
// change of the source into it by merging instead of sorting again.
//
// Every change of what is shown goes out as the item-model contract asks, in a bounded number of
// signals however many rows it touches: rows that go as removals, rows that come as insertions,
// a new order of the rows that stay as a layout change (see showRows()).

#include "rowroom.h"
#include "taskmatcher.h"
#include "taskorder.h"

#include <QAbstractProxyModel>
#include <QString>

#include <vector>

namespace cpn {

class TaskTableModel;

class TaskFilterProxyModel final : public QAbstractProxyModel {
    Q_OBJECT
public:
    // Removals or insertions in more runs than this go as one layout change and one ranged
    // signal at the end (each ranged signal costs a view a pass over its rows).
    static constexpr int kMaxRangedRuns = 8;

    explicit TaskFilterProxyModel(QObject* parent = nullptr);

    // Must be a TaskTableModel.
    void setSourceModel(QAbstractItemModel* source) override;

    // Only tasks on this site; empty = every site.
    void setSiteFilter(const QString& siteId);
    QString siteFilter() const { return m_matcher.site(); }
    // Case-insensitive substring of id, name, site or tenant.
    void setTextFilter(const QString& text);
    // Only the tasks of one platform; empty = all.
    void setPlatformFilter(const QString& platform);

    int sortColumn() const { return m_order.column(); }
    Qt::SortOrder sortOrder() const { return m_order.order(); }
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
    // Shown rows of `candidates` (sorted), in their order.
    std::vector<int> filtered(const std::vector<int>& candidates) const;
    // Shows `rows` (source rows, in the order to show them) instead of m_rows.
    void showRows(std::vector<int> rows);
    void removeShown(const std::vector<int>& proxyRows, const std::vector<int>& keptInNewOrder);
    void insertShown(const std::vector<int>& rows, std::vector<int> at = {});
    // One layout change to `rows`, the same rows as m_rows in another order.
    void relayoutTo(std::vector<int> rows);
    void setShown(std::vector<int> rows);
    void forgetSortedPositions();
    const std::vector<int>& sortedPositions();
    void forgetProxyRows();
    int sourceRows() const;
    // Scratch space of a million entries, reused from change to change (see SpareRows).
    std::vector<char>& flags() const; // one flag per source row, all clear
    const std::vector<int>& proxyRows() const;
    void refilter(bool narrowing);
    void resort();

    void onSourceReset();
    void onSourceRowsInserted(const QModelIndex& parent, int first, int last);
    void onSourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void onSourceRowsRemoved(const QModelIndex& parent, int first, int last);
    void onSourceLayoutChanged();
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight);

    const TaskTableModel* m_tasks = nullptr;
    TaskMatcher m_matcher;
    TaskOrder m_order;

    std::vector<int> m_sorted; // every source row, in sort order
    std::vector<int> m_rows; // proxy row -> source row: the accepted part of m_sorted
    std::vector<int> m_sortedPos; // source row -> position in m_sorted, when m_sortedPosValid
    bool m_sortedPosValid = false;
    mutable std::vector<int> m_proxyRow; // source row -> proxy row, -1 when filtered out, when m_proxyRowValid
    mutable bool m_proxyRowValid = false;
    mutable std::vector<char> m_flags;
    // A change holds three at once at most (showRows: the rows shown, those kept and their new
    // order); with one, a removal of scattered rows made a new 4 MB buffer each time (11 ms).
    mutable SpareRows m_spares { 3 };
};

} // namespace cpn
