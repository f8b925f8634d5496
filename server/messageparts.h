#pragma once
// Large answers in parts: every message the API sends fits gRPC's default 4 MB at every scale
// (a snapshot at huge is some 13 MB, a metrics sample some 6 MB). A part holds about
// kMessagePartBytes of list items; an item is never split.

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
    PartBuilder(Part first, Part blank, Emit emit)
        : m_part(std::move(first))
        , m_blank(std::move(blank))
        , m_emit(std::move(emit))
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
            if (m_items > 0 && m_bytes + bytes > kMessagePartBytes && !flush()) {
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
    std::size_t m_bytes = 0;
    int m_items = 0;
    int m_parts = 0;
};

} // namespace cpn::server
