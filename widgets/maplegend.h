#pragma once
// The map's key: the utilisation colour scale, the status rings and what a dashed link means.

#include <QCoreApplication>

class QPainter;
class QRectF;

namespace cpn {

class MapLegend {
    Q_DECLARE_TR_FUNCTIONS(cpn::MapLegend)
public:
    // Draws the legend in the bottom-left corner of area.
    static void paint(QPainter& painter, const QRectF& area);
};

} // namespace cpn
