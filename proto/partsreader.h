#pragma once
// Reading the answers that come in parts the way the .proto files say (GetSnapshot, DrainSite):
// a client joins the parts. Kept with the contract so that every C++ client (the console, the
// tests, the benchmarks) joins them one way.

#include "cpn/v1/dispatch.grpc.pb.h"
#include "cpn/v1/state.grpc.pb.h"

#include <cstddef>

namespace cpn::v1 {

// What was wrong with the parts, when it was they (not the call) that failed.
enum class PartsFault {
    None,
    TooLarge, // the parts together passed maxBytes: the call was cancelled
    PartsDisagree, // a part had another revision (site) than the first, or there was no part
};

// Reads every part into `snapshot`. OK only when the stream ended with OK and no fault was
// found; the parts read so far are then of no use. `maxBytes` bounds what a server can make a
// client hold (0 = no bound): the parts' bytes and a little more for each item in them.
grpc::Status readSnapshot(StateService::StubInterface& stub, grpc::ClientContext* context, Snapshot* snapshot,
    std::size_t maxBytes = 0, PartsFault* fault = nullptr);

// Calls DrainSite and joins its parts into `response`, as readSnapshot does.
grpc::Status drainSite(DispatchService::StubInterface& stub, grpc::ClientContext* context,
    const DrainSiteRequest& request, DrainSiteResponse* response, std::size_t maxBytes = 0,
    PartsFault* fault = nullptr);

} // namespace cpn::v1
