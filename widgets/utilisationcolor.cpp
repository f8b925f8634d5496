#include "utilisationcolor.h"

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {

struct Stop {
    double at;
    int r, g, b;
};

// Green stays green up to the 16 % average the backbone runs at; yellow means busy, red full.
constexpr Stop kStops[] = {
    { 0.00, 0x1e, 0xc2, 0x7a },
    { 0.35, 0x5c, 0xd6, 0x4a },
    { 0.60, 0xf2, 0xd0, 0x2a },
    { 0.80, 0xff, 0x8c, 0x1a },
    { 1.00, 0xff, 0x3b, 0x3b },
};

} // namespace

QColor utilisationColor(double utilisation)
{
    const double u = std::isfinite(utilisation) ? std::clamp(utilisation, 0.0, 1.0) : 0.0;
    for (std::size_t i = 1; i < std::size(kStops); ++i) {
        const Stop& a = kStops[i - 1];
        const Stop& b = kStops[i];
        if (u <= b.at) {
            const double f = (u - a.at) / (b.at - a.at);
            auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
            return QColor(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
        }
    }
    const Stop& last = kStops[std::size(kStops) - 1];
    return QColor(last.r, last.g, last.b);
}

} // namespace cpn

namespace cpn {

const std::array<QColor, kUtilisationSteps>& utilisationPalette()
{
    static const std::array<QColor, kUtilisationSteps> palette = [] {
        std::array<QColor, kUtilisationSteps> p;
        for (int s = 0; s < kUtilisationSteps; ++s)
            p[s] = utilisationColor((s + 0.5) / kUtilisationSteps);
        return p;
    }();
    return palette;
}

QColor platformColor(int index)
{
    static const QRgb colors[] = { 0x4cc9f0, 0xf72585, 0xffd166, 0x06d6a0, 0xb388ff, 0xff8c42, 0x90be6d, 0xe0e0e0 };
    return QColor::fromRgb(colors[std::size_t(std::max(0, index)) % std::size(colors)]);
}

} // namespace cpn
