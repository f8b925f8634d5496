#pragma once
// The interface size. Qt scales everything (fonts, symbols, the map) by the screen's DPI; a
// control room's wall seen from across the room may want more. Chosen in View > Interface size
// or with --ui-scale, kept in the settings, and applied as the console starts: Qt takes its scale
// factor once, before the first window.

#include <QList>
#include <QString>

namespace cpn::UiScale {

// The factors offered; 0 = automatic (the screen's DPI alone).
QList<double> choices();
// The saved factor, 0 = automatic.
double saved();
void save(double factor);
// "1.5" -> 1.5, "auto" -> 0; -1 when it is neither a factor from 0.5 to 4 nor "auto".
double parse(const QString& text);
// The factor this run uses (QT_SCALE_FACTOR, as applyBeforeStart left it), 0 = automatic;
// it differs from saved() after --ui-scale or a QT_SCALE_FACTOR of the environment.
double inEffect();
// Before the QApplication: QT_SCALE_FACTOR from --ui-scale in `argv`, else from the environment
// as it is, else the saved factor. The organisation and application names must be set.
void applyBeforeStart(int argc, char** argv);

} // namespace cpn::UiScale
