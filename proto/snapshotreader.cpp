#include "snapshotreader.h"

#include <grpcpp/client_context.h>

namespace cpn::v1 {

namespace {

    void appendLists(Snapshot& part, Snapshot* snapshot)
    {
        auto move = [](auto* from, auto* to) {
            to->Reserve(to->size() + from->size());
            for (auto& item : *from)
                to->Add(std::move(item));
        };
        move(part.mutable_regions(), snapshot->mutable_regions());
        move(part.mutable_sites(), snapshot->mutable_sites());
        move(part.mutable_links(), snapshot->mutable_links());
        move(part.mutable_site_metrics(), snapshot->mutable_site_metrics());
        move(part.mutable_link_metrics(), snapshot->mutable_link_metrics());
        move(part.mutable_alarms(), snapshot->mutable_alarms());
        move(part.mutable_migrations(), snapshot->mutable_migrations());
    }

} // namespace

grpc::Status readSnapshot(StateService::StubInterface& stub, grpc::ClientContext* context, Snapshot* snapshot,
    std::size_t maxBytes, SnapshotFault* fault)
{
    SnapshotFault found = SnapshotFault::None;
    snapshot->Clear();
    const auto reader = stub.GetSnapshot(context, GetSnapshotRequest());
    Snapshot part;
    std::size_t bytes = 0;
    bool first = true;
    while (found == SnapshotFault::None && reader->Read(&part)) {
        bytes += part.ByteSizeLong();
        if (maxBytes > 0 && bytes > maxBytes)
            found = SnapshotFault::TooLarge;
        else if (!first && part.revision() != snapshot->revision())
            found = SnapshotFault::PartsDisagree;
        else if (first)
            snapshot->Swap(&part);
        else
            appendLists(part, snapshot); // the other fields are the first part's
        first = false;
    }
    if (found != SnapshotFault::None)
        context->TryCancel();
    grpc::Status status = reader->Finish();
    if (fault)
        *fault = found;
    if (found == SnapshotFault::TooLarge)
        status = { grpc::StatusCode::RESOURCE_EXHAUSTED,
            "the snapshot is larger than " + std::to_string(maxBytes >> 20) + " MB" };
    else if (found == SnapshotFault::PartsDisagree)
        status = { grpc::StatusCode::DATA_LOSS, "the snapshot's parts are of different revisions" };
    return status;
}

} // namespace cpn::v1
