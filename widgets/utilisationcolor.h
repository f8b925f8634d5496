#pragma once
// The one colour scale for load on the map: sites, links and the legend share it.

#include <QColor>

namespace cpn {

// 0 -> green, about 0.6 -> yellow, 0.8 -> orange, 1 -> red; values outside 0..1 are clamped.
QColor utilisationColor(double utilisation);

} // namespace cpn
