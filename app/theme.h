#pragma once
// The console's two looks: the dark control-room one (Fusion with a dark palette, kind to eyes
// in a dark room; the default) and a light one for offices. View > Theme switches.

class QApplication;

namespace cpn {
void applyControlRoomTheme(QApplication& app);
void applyLightTheme(QApplication& app);
} // namespace cpn
