#pragma once
// File > Export map: the map as its renderer draws it (without the widgets over it: search box,
// breadcrumb), into a .png picture or an .svg drawing. File > Print map: the same on a page, under
// a heading that says what and when.

#include <QString>

#include <functional>

class QPrinter;
class QWidget;

namespace cpn {

class MapView;

// Empty when written, else what went wrong, for the user. `title` names the drawing.
QString exportMap(MapView& map, const QString& file, const QString& title);
// Draws `heading` and the map, as large as fits, on one page of `printer`. Empty when printed.
QString printMap(MapView& map, QPrinter& printer, const QString& heading);
// File > Print map: a preview of the page (A4, landscape) over `parent`, from which the user
// prints; `heading` is asked each time the page is drawn. Problems go to the status line of
// `parent` when it has one.
void previewAndPrintMap(MapView& map, QWidget* parent, const std::function<QString()>& heading);

} // namespace cpn
