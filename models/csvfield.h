#pragma once
// One field of a CSV row, for every CSV the console writes (reports, tables, analysis): quoted
// as RFC 4180 asks when it holds a comma, a quote or a line break; and a text a spreadsheet would
// take for a formula (starting with =, +, - or @, and not a number) kept as text with a leading
// apostrophe, so that a name a server sent cannot run in the reader's Excel.

#include <QString>

namespace cpn {

QString csvField(const QString& text);

} // namespace cpn
