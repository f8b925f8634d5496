#pragma once
// A uniform grid over site positions on the plane, for hit-testing without a linear scan.

#include <QList>
#include <QPointF>
#include <QRectF>

#include <vector>

namespace cpn {

class SiteGrid {
public:
    void build(const QList<QPointF>& positions);
    // Appends to out the indexes of the positions inside rect (and a few near it).
    void query(const QRectF& rect, std::vector<int>& out) const;

private:
    int cellOf(double v, double origin, int count) const;

    QRectF m_bounds;
    double m_cellSize = 1;
    int m_columns = 0;
    int m_rows = 0;
    std::vector<int> m_cellStart; // m_columns * m_rows + 1 offsets into m_items
    std::vector<int> m_items;
};

} // namespace cpn
