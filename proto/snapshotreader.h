#pragma once
// Reading a snapshot the way state.proto says: GetSnapshot streams it in parts, and a client
// joins them. Kept with the contract so that every C++ client (the console, the tests, the
// benchmarks) joins the parts one way.

#include "cpn/v1/state.grpc.pb.h"

#include <cstddef>

namespace cpn::v1 {

enum class SnapshotFault {
    None,
    TooLarge, // the parts together passed maxBytes: the call was cancelled
    PartsDisagree, // a part had another revision than the first
};

// Reads every part into `snapshot`. OK only when the stream ended with OK and no fault was
// found; the parts read so far are then of no use. `maxBytes` bounds what a server can make a
// client hold (0 = no bound).
grpc::Status readSnapshot(StateService::StubInterface& stub, grpc::ClientContext* context, Snapshot* snapshot,
    std::size_t maxBytes = 0, SnapshotFault* fault = nullptr);

} // namespace cpn::v1
