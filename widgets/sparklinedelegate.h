#pragma once
// Draws a cell's text with a small line of the entity's last hour of utilisation at its right;
// the entity's id comes from an item role, so any table with site or link ids can use it.

#include <QPointer>
#include <QStyledItemDelegate>

namespace cpn {

class RecentHistory;

class SparklineDelegate final : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int kWidth = 64; // pixels of the line beside the text, at most half the cell

    SparklineDelegate(const RecentHistory* history, int entityIdRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // The polyline drawn for `values` (0..1, NaN = no sample) in `rect`: one part per run of
    // samples; a lone sample is a part of one point.
    static QList<QPolygonF> sparkline(const QList<double>& values, const QRectF& rect);

private:
    QPointer<const RecentHistory> m_history;
    int m_role;
};

} // namespace cpn
