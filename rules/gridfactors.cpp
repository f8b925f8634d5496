// Grid emission factors: the Ministry of Ecology and Environment and the National Bureau of
// Statistics' announcement of the 2022 factors (published December 2024), kg CO2 per kWh.
//
// The announcement gives factors for some provinces and for the six regional grids; a province it
// does not name takes its regional grid's factor. Marked below: "provincial" figures are the
// province's own, "regional" ones its grid's.

#include "gridfactors.h"

#include <array>

namespace cpn::rules {

namespace {

struct ProvinceFactor {
    std::string_view code;
    double kgPerKwh;
};

constexpr double kNorthChina = 0.6776;
constexpr double kEastChina = 0.5617;
constexpr double kCentralChina = 0.5395;
constexpr double kNortheast = 0.5564;
constexpr double kNorthwest = 0.5857;
constexpr double kSouthwest = 0.2268;
constexpr double kSouth = 0.3869;

// The 31 provincial-level divisions of the mainland, by the codes the sites use.
constexpr std::array<ProvinceFactor, 31> kFactors { {
    // Provincial figures.
    { "HE", 0.7252 }, // Hebei
    { "SX", 0.7096 }, // Shanxi
    { "TJ", 0.7041 }, // Tianjin
    { "NM", 0.6849 }, // Inner Mongolia
    { "AH", 0.6782 }, // Anhui
    { "FJ", 0.4092 }, // Fujian
    { "GX", 0.4044 }, // Guangxi
    { "QH", 0.1567 }, // Qinghai
    { "SC", 0.1404 }, // Sichuan
    { "YN", 0.1073 }, // Yunnan
    // Regional figures: the province's grid.
    { "BJ", kNorthChina },
    { "SD", kNorthChina },
    { "SH", kEastChina },
    { "JS", kEastChina },
    { "ZJ", kEastChina },
    { "HA", kCentralChina },
    { "HB", kCentralChina },
    { "HN", kCentralChina },
    { "JX", kCentralChina },
    { "LN", kNortheast },
    { "JL", kNortheast },
    { "HL", kNortheast },
    { "SN", kNorthwest },
    { "GS", kNorthwest },
    { "NX", kNorthwest },
    { "XJ", kNorthwest },
    { "CQ", kSouthwest },
    { "XZ", kSouthwest },
    { "GD", kSouth },
    { "GZ", kSouth },
    { "HI", kSouth },
} };

} // namespace

double gridEmissionFactor(std::string_view provinceCode)
{
    for (const auto& f : kFactors)
        if (f.code == provinceCode)
            return f.kgPerKwh;
    return kNationalGridKgPerKwh;
}

} // namespace cpn::rules
