#pragma once
// What one accelerator card of each architecture offers and draws, and the names the API's
// history uses for them: shared by every engine, so that the same cards count the same.

#include "cpn/v1/types.pb.h"

namespace cpn::server {

// Peak FP16 PFLOPS of one card (CPU pools: one server).
double pflopsPerCard(cpn::v1::Architecture architecture);
// Typical IT power of one card with its share of the server, kW.
double kilowattsPerCard(cpn::v1::Architecture architecture);
// The architecture's name in QueryHistory metrics ("utilisation:nvidia_gpu"); "" for none.
const char* architectureMetricName(cpn::v1::Architecture architecture);

} // namespace cpn::server
