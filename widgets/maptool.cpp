#include "maptool.h"

#include "mapview.h"

namespace cpn {

MapTool::MapTool(MapView* view)
    : QObject(view)
    , m_view(view)
{ }

MapTool::~MapTool() = default;

} // namespace cpn
