#include "sitegrid.h"

#include <algorithm>
#include <cmath>

namespace cpn {

void SiteGrid::build(const QList<QPointF>& positions)
{
    m_items.clear();
    m_cellStart.clear();
    m_columns = m_rows = 0;
    if (positions.isEmpty())
        return;
    double minX = positions[0].x(), maxX = minX, minY = positions[0].y(), maxY = minY;
    for (const QPointF& p : positions) {
        minX = std::min(minX, p.x());
        maxX = std::max(maxX, p.x());
        minY = std::min(minY, p.y());
        maxY = std::max(maxY, p.y());
    }
    m_bounds = QRectF(QPointF(minX, minY), QPointF(maxX, maxY));
    // About four sites per cell on average, at most 256 cells a side.
    const double area = std::max(1.0, m_bounds.width()) * std::max(1.0, m_bounds.height());
    m_cellSize = std::max(1.0, std::sqrt(area * 4 / positions.size()));
    m_columns = std::clamp(int(m_bounds.width() / m_cellSize) + 1, 1, 256);
    m_rows = std::clamp(int(m_bounds.height() / m_cellSize) + 1, 1, 256);
    m_cellSize = std::max({ m_cellSize, m_bounds.width() / m_columns, m_bounds.height() / m_rows }) * 1.0001;

    std::vector<int> cellOfItem(positions.size());
    m_cellStart.assign(std::size_t(m_columns) * m_rows + 1, 0);
    for (qsizetype i = 0; i < positions.size(); ++i) {
        const int cell = cellOf(positions[i].y(), minY, m_rows) * m_columns + cellOf(positions[i].x(), minX, m_columns);
        cellOfItem[i] = cell;
        ++m_cellStart[cell + 1];
    }
    for (std::size_t c = 1; c < m_cellStart.size(); ++c)
        m_cellStart[c] += m_cellStart[c - 1];
    m_items.resize(positions.size());
    std::vector<int> fill(m_cellStart.begin(), m_cellStart.end() - 1);
    for (qsizetype i = 0; i < positions.size(); ++i)
        m_items[fill[cellOfItem[i]]++] = int(i);
}

int SiteGrid::cellOf(double v, double origin, int count) const
{
    return std::clamp(int(std::floor((v - origin) / m_cellSize)), 0, count - 1);
}

void SiteGrid::query(const QRectF& rect, std::vector<int>& out) const
{
    if (m_columns == 0 || !rect.intersects(m_bounds.adjusted(-1, -1, 1, 1)))
        return;
    const int c0 = cellOf(rect.left(), m_bounds.left(), m_columns);
    const int c1 = cellOf(rect.right(), m_bounds.left(), m_columns);
    const int r0 = cellOf(rect.top(), m_bounds.top(), m_rows);
    const int r1 = cellOf(rect.bottom(), m_bounds.top(), m_rows);
    for (int r = r0; r <= r1; ++r) {
        for (int c = c0; c <= c1; ++c) {
            const int cell = r * m_columns + c;
            out.insert(out.end(), m_items.begin() + m_cellStart[cell], m_items.begin() + m_cellStart[cell + 1]);
        }
    }
}

} // namespace cpn
