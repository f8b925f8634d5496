#pragma once
// The task table's sort order: a column and a direction, compared on the tasks' fields directly
// (a million tasks is too many for a virtual lessThan over QVariants): labels by their rank in
// the UI language, sites by their shown name, ties in source row order both ways, as a stable
// sort would leave them.

#include <Qt>

#include <QHash>
#include <QString>

#include <vector>

namespace cpn {

class TaskTableModel;
struct Task;

class TaskOrder {
public:
    void setModel(const TaskTableModel* tasks) { m_tasks = tasks; }
    // column -1: source order.
    void set(int column, Qt::SortOrder order);
    int column() const { return m_column; }
    Qt::SortOrder order() const { return m_order; }

    // Ranks of labels and site names as they are now: call before sorting or comparing after
    // the language or the network changed.
    void prepare();
    bool less(int sourceA, int sourceB) const;
    // Whether a task's place in this order stays when its data changes: source order, or by id
    // or platform (a row's task keeps its id; a change of data never moves it).
    bool placeKeptOnChange() const;
    // Sorts `rows`, a permutation of every source row.
    void sortAll(std::vector<int>& rows) const;
    // Puts `rows` (in no order, none of them in `into`) in their places in the sorted `into`;
    // their places, ascending, in *at when given.
    void insertSorted(std::vector<int>& into, std::vector<int> rows, std::vector<int>* at = nullptr) const;

private:
    double key(const Task& task) const;
    void sortByText(std::vector<int>& rows) const;

    const TaskTableModel* m_tasks = nullptr;
    int m_column = -1;
    Qt::SortOrder m_order = Qt::AscendingOrder;
    std::vector<double> m_labelRank; // per enum value (kind, state, architecture) when sorting by one
    QHash<QString, int> m_siteRank; // site id -> rank of its shown name, when sorting by site
    mutable std::vector<int> m_spare; // insertSorted()'s output, reused
};

} // namespace cpn
