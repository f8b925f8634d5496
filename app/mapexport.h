#pragma once
// File > Export map: the map as its renderer draws it (without the widgets over it: search box,
// breadcrumb), into a .png picture or an .svg drawing.

#include <QString>

namespace cpn {

class MapView;

// Empty when written, else what went wrong, for the user. `title` names the drawing.
QString exportMap(MapView& map, const QString& file, const QString& title);

} // namespace cpn
