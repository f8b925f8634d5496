#pragma once
// The network of the mock scheduler at a scale, built in-process and converted to the domain
// state exactly as the console receives it (cpn::convert::fromProto of a Snapshot).

#include "networkstate.h"

#include <QString>

#include <memory>

namespace cpn::bench {

struct MockNetwork {
    std::unique_ptr<NetworkState> state;
    double buildSeconds = 0; // simulation set-up and conversion, for the log
};

// scale: "national", "large" or "huge". Runs a minute of simulated time and starts a few
// migrations first, so that loads, alarms and migration flows look as they do live.
MockNetwork buildMockNetwork(const QString& scale, quint64 seed = 1);

} // namespace cpn::bench
