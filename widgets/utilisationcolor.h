#pragma once
// The one colour scale for load on the map: sites, links and the legend share it.

#include <QColor>

#include <algorithm>
#include <array>

namespace cpn {

// The colour of the platform at `index` when the map colours sites by platform: hues apart from
// each other on a dark map, repeating after eight.
QColor platformColor(int index);

// 0 -> green, about 0.6 -> yellow, 0.8 -> orange, 1 -> red; values outside 0..1 are clamped.
QColor utilisationColor(double utilisation);

// The scale cut into steps, for batching draw calls by colour.
inline constexpr int kUtilisationSteps = 24;
inline int utilisationStep(double utilisation)
{
    if (!(utilisation > 0))
        return 0;
    return std::min(kUtilisationSteps - 1, int(utilisation * kUtilisationSteps));
}
// The middle colour of every step.
const std::array<QColor, kUtilisationSteps>& utilisationPalette();

} // namespace cpn
