#pragma once
// Grid emission factors by province, for the carbon of the energy a site draws from the grid.

#include <string_view>

namespace cpn::server {

// The 2022 grid emission factor of a province (its code as Site.province gives it, e.g. "GZ"),
// kg CO2 per kWh (the same number as t CO2 per MWh); the national average for a code it does not
// know (Hong Kong, Macao, Taiwan, a typo): kGridCarbonKgPerKwh (accelerators.h).
double gridEmissionFactor(std::string_view provinceCode);

} // namespace cpn::server
