#pragma once
// Grid emission factors by province, for the carbon of the energy a site draws from the grid:
// the engines report carbon with them and the console's analysis counts it the same way.

#include <string_view>

namespace cpn::rules {

// MEE's national average grid emission factor for 2022, kg CO2 per kWh (DOMAIN.md).
inline constexpr double kNationalGridKgPerKwh = 0.5366;

// The 2022 grid emission factor of a province (its code as Site.province gives it, e.g. "GZ"),
// kg CO2 per kWh (the same number as t CO2 per MWh); the national average for a code it does not
// know (Hong Kong, Macao, Taiwan, a typo): kNationalGridKgPerKwh.
double gridEmissionFactor(std::string_view provinceCode);

} // namespace cpn::rules

// The serving side's name for it, from before it moved here.
namespace cpn::server {
using rules::gridEmissionFactor;
} // namespace cpn::server
