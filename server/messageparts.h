#pragma once
// Large answers in parts: every message the API sends fits gRPC's default 4 MB at every scale
// (a snapshot at huge is some 13 MB, a metrics sample some 6 MB). A part holds about
// kMessagePartBytes of list items; an item is never split.

#include "cpn/v1/dispatch.pb.h"
#include "cpn/v1/state.pb.h"

#include <google/protobuf/repeated_ptr_field.h>

#include <cstddef>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace cpn::server {

inline constexpr std::size_t kMessagePartBytes = std::size_t(1) << 20;

// Moves list items into parts that start as `blank` (the fields every part repeats) and hands
// each full part to `emit(part, bytes)` (bytes: its size, roughly), which returns false to stop
// (a client gone). The first part may have fields of its own: pass it as `first`. Items are
// handed over, not copied (the messages must not be on an arena).
template <typename Part, typename Emit> class PartBuilder {
public:
    PartBuilder(Part first, Part blank, Emit emit, std::size_t partBytes = kMessagePartBytes)
        : m_part(std::move(first))
        , m_blank(std::move(blank))
        , m_emit(std::move(emit))
        , m_partBytes(partBytes)
        , m_bytes(m_part.ByteSizeLong())
    { }

    // `list` gives a part's list to fill, e.g. [](auto& p) { return p.mutable_sites(); }.
    template <typename T, typename List> bool add(google::protobuf::RepeatedPtrField<T>& items, List list)
    {
        std::vector<T*> owned(std::size_t(items.size()));
        items.ExtractSubrange(0, items.size(), owned.data());
        for (std::size_t i = 0; i < owned.size(); ++i) {
            std::size_t bytes = 8; // the item's tag and length, roughly
            if constexpr (std::is_same_v<T, std::string>)
                bytes += owned[i]->size();
            else
                bytes += owned[i]->ByteSizeLong();
            if (m_items > 0 && m_bytes + bytes > m_partBytes && !flush()) {
                for (; i < owned.size(); ++i)
                    delete owned[i];
                return false;
            }
            list(m_part)->AddAllocated(owned[i]);
            m_bytes += bytes;
            ++m_items;
        }
        return true;
    }

    // Emits what is left; a message without any items is still one part.
    bool finish() { return (m_items == 0 && m_parts > 0) || flush(); }

    int parts() const { return m_parts; }

private:
    bool flush()
    {
        ++m_parts;
        const bool go = m_emit(std::move(m_part), m_bytes);
        m_part = m_blank;
        m_bytes = m_part.ByteSizeLong();
        m_items = 0;
        return go;
    }

    Part m_part;
    const Part m_blank;
    Emit m_emit;
    const std::size_t m_partBytes;
    std::size_t m_bytes = 0;
    int m_items = 0;
    int m_parts = 0;
};

// GetSnapshot's parts (state.proto): the first with every field that is not a list, each with
// the revision. `emit(part)` returns false to stop; false when it did.
template <typename Emit> bool forEachSnapshotPart(cpn::v1::Snapshot whole, Emit emit)
{
    cpn::v1::Snapshot lists;
    lists.mutable_regions()->Swap(whole.mutable_regions());
    lists.mutable_sites()->Swap(whole.mutable_sites());
    lists.mutable_links()->Swap(whole.mutable_links());
    lists.mutable_site_metrics()->Swap(whole.mutable_site_metrics());
    lists.mutable_link_metrics()->Swap(whole.mutable_link_metrics());
    lists.mutable_alarms()->Swap(whole.mutable_alarms());
    lists.mutable_migrations()->Swap(whole.mutable_migrations());
    cpn::v1::Snapshot blank;
    blank.set_revision(whole.revision());
    PartBuilder parts(std::move(whole), std::move(blank),
        [&](cpn::v1::Snapshot&& part, std::size_t) { return emit(std::move(part)); });
    return parts.add(*lists.mutable_regions(), [](auto& p) { return p.mutable_regions(); })
        && parts.add(*lists.mutable_sites(), [](auto& p) { return p.mutable_sites(); })
        && parts.add(*lists.mutable_links(), [](auto& p) { return p.mutable_links(); })
        && parts.add(*lists.mutable_site_metrics(), [](auto& p) { return p.mutable_site_metrics(); })
        && parts.add(*lists.mutable_link_metrics(), [](auto& p) { return p.mutable_link_metrics(); })
        && parts.add(*lists.mutable_alarms(), [](auto& p) { return p.mutable_alarms(); })
        && parts.add(*lists.mutable_migrations(), [](auto& p) { return p.mutable_migrations(); }) && parts.finish();
}

} // namespace cpn::server
