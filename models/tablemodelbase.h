#pragma once
// The plumbing every flat table of the console shares (tasks, migrations, alarms, the audit log,
// migration candidates): a fixed set of columns with titles in the UI language, rows the
// subclass stores, changes and insertions as one ranged signal per batch, and the sort and
// tooltip roles falling back to the text shown.

#include <QAbstractTableModel>
#include <QList>

namespace cpn {

class TableModelBase : public QAbstractTableModel {
    Q_OBJECT
public:
    int rowCount(const QModelIndex& parent = {}) const final;
    int columnCount(const QModelIndex& parent = {}) const final;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const final;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const final;

    // Headers and every cell again, in the current language.
    virtual void retranslate();

protected:
    // sortRole: the subclass's role for sorting values (an invalid value there sorts by the text).
    TableModelBase(int columnCount, int sortRole, QObject* parent);

    virtual int storedRowCount() const = 0;
    virtual QString columnTitle(int column) const = 0;
    // What a header says on hover; nothing by default.
    virtual QString columnToolTip(int column) const;
    // A valid cell's value for a role. Invalid for the sort role or Qt::ToolTipRole means "the
    // text shown"; Qt::TextAlignmentRole is answered from isNumericColumn().
    virtual QVariant cellData(int row, int column, int role) const = 0;
    // Right-aligned (figures).
    virtual bool isNumericColumn(int column) const;

    // One dataChanged over the span of `rows` (every column); nothing when empty.
    void emitRowsChanged(QList<int> rows);
    void emitRowRangeChanged(int first, int last);
    void emitColumnChanged(int column);
    // `count` new rows at `row`: `store` puts them in the subclass's storage between the signals.
    template <typename Store> void insertRowsWith(int row, int count, Store&& store)
    {
        if (count <= 0)
            return;
        beginInsertRows({}, row, row + count - 1);
        store();
        endInsertRows();
    }
    template <typename Store> void resetWith(Store&& store)
    {
        beginResetModel();
        store();
        endResetModel();
    }

private:
    const int m_columnCount;
    const int m_sortRole;
};

} // namespace cpn
