#include "partsreader.h"

#include <grpcpp/client_context.h>

#include <vector>

namespace cpn::v1 {

namespace {

    // What an item costs in memory beyond its bytes on the wire (an empty message is two bytes
    // there and a heap object here): a bound on bytes alone would not bound memory.
    constexpr std::size_t kBytesPerItem = 128;

    std::size_t itemCount(const google::protobuf::Message& message)
    {
        const auto* descriptor = message.GetDescriptor();
        const auto* reflection = message.GetReflection();
        std::size_t count = 0;
        for (int i = 0; i < descriptor->field_count(); ++i) {
            if (descriptor->field(i)->is_repeated())
                count += std::size_t(reflection->FieldSize(message, descriptor->field(i)));
        }
        return count;
    }

    // Hands the items over (pointers, not copies: the messages are not on an arena).
    template <typename T> void moveAll(google::protobuf::RepeatedPtrField<T>* from, google::protobuf::RepeatedPtrField<T>* to)
    {
        std::vector<T*> items(std::size_t(from->size()));
        from->ExtractSubrange(0, from->size(), items.data());
        to->Reserve(to->size() + int(items.size()));
        for (T* item : items)
            to->AddAllocated(item);
    }


    // Reads every part of a stream: `sameWhole(first, part)` says whether a part belongs with the
    // first, `append(part, whole)` joins it.
    template <typename Message, typename Reader, typename Same, typename Append>
    grpc::Status readParts(Reader& reader, grpc::ClientContext* context, Message* whole, std::size_t maxBytes,
        PartsFault* fault, Same sameWhole, Append append)
    {
        PartsFault found = PartsFault::None;
        whole->Clear();
        Message part;
        std::size_t bytes = 0;
        bool first = true;
        while (found == PartsFault::None && reader.Read(&part)) {
            bytes += part.ByteSizeLong() + kBytesPerItem * itemCount(part);
            if (maxBytes > 0 && bytes > maxBytes)
                found = PartsFault::TooLarge;
            else if (!first && !sameWhole(*whole, part))
                found = PartsFault::PartsDisagree;
            else if (first)
                whole->Swap(&part);
            else
                append(part, whole); // the other fields are the first part's
            first = false;
        }
        if (found != PartsFault::None)
            context->TryCancel();
        grpc::Status status = reader.Finish();
        if (status.ok() && first && found == PartsFault::None)
            found = PartsFault::PartsDisagree; // not even the first part: there is always one
        if (fault)
            *fault = found;
        if (found == PartsFault::TooLarge)
            status = { grpc::StatusCode::RESOURCE_EXHAUSTED,
                "the answer is larger than " + std::to_string(maxBytes >> 20) + " MB" };
        else if (found == PartsFault::PartsDisagree)
            status = { grpc::StatusCode::DATA_LOSS, "the answer's parts do not belong together" };
        return status;
    }

} // namespace

grpc::Status readSnapshot(StateService::StubInterface& stub, grpc::ClientContext* context, Snapshot* snapshot,
    std::size_t maxBytes, PartsFault* fault)
{
    const auto reader = stub.GetSnapshot(context, GetSnapshotRequest());
    return readParts(*reader, context, snapshot, maxBytes, fault,
        [](const Snapshot& whole, const Snapshot& part) { return part.revision() == whole.revision(); },
        [](Snapshot& part, Snapshot* whole) {
            moveAll(part.mutable_regions(), whole->mutable_regions());
            moveAll(part.mutable_sites(), whole->mutable_sites());
            moveAll(part.mutable_links(), whole->mutable_links());
            moveAll(part.mutable_site_metrics(), whole->mutable_site_metrics());
            moveAll(part.mutable_link_metrics(), whole->mutable_link_metrics());
            moveAll(part.mutable_alarms(), whole->mutable_alarms());
            moveAll(part.mutable_migrations(), whole->mutable_migrations());
        });
}

grpc::Status drainSite(DispatchService::StubInterface& stub, grpc::ClientContext* context,
    const DrainSiteRequest& request, DrainSiteResponse* response, std::size_t maxBytes, PartsFault* fault)
{
    const auto reader = stub.DrainSite(context, request);
    return readParts(*reader, context, response, maxBytes, fault,
        [](const DrainSiteResponse& whole, const DrainSiteResponse& part) { return part.site_id() == whole.site_id(); },
        [](DrainSiteResponse& part, DrainSiteResponse* whole) {
            moveAll(part.mutable_migrations(), whole->mutable_migrations());
            moveAll(part.mutable_unplaced_task_ids(), whole->mutable_unplaced_task_ids());
        });
}

} // namespace cpn::v1
