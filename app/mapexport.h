#pragma once
// File > Export map: the map as its renderer draws it (without the widgets over it: search box,
// breadcrumb), into a .png picture or an .svg drawing. File > Print map: the same on a page, under
// a heading that says what and when.

#include <QString>

class QPrinter;

namespace cpn {

class MapView;

// Empty when written, else what went wrong, for the user. `title` names the drawing.
QString exportMap(MapView& map, const QString& file, const QString& title);
// Draws `heading` and the map, as large as fits, on one page of `printer`. Empty when printed.
QString printMap(MapView& map, QPrinter& printer, const QString& heading);

} // namespace cpn
