#pragma once
// One table of a capacity report (regions, hubs and clusters, busiest sites): a row per group,
// the columns of CapacityWording, numbers sorted as numbers, figures against their targets
// coloured (met, missed) with the target on hover.

#include "capacitywording.h"
#include "tablemodelbase.h"

namespace cpn {

class CapacityTableModel final : public TableModelBase {
    Q_OBJECT
public:
    enum Role { SortRole = Qt::UserRole + 1, KeyRole, MetRole };
    explicit CapacityTableModel(QObject* parent = nullptr);

    void setRows(const QList<CapacityFigures>& rows);
    const CapacityFigures& rowAt(int row) const { return m_rows.at(row); }
    void retranslate() override;

protected:
    int storedRowCount() const override { return int(m_rows.size()); }
    QString columnTitle(int column) const override;
    QString columnToolTip(int column) const override;
    QVariant cellData(int row, int column, int role) const override;
    bool isNumericColumn(int column) const override { return column > 0; }

private:
    QList<ReportColumn> m_columns;
    QList<CapacityFigures> m_rows;
};

} // namespace cpn
