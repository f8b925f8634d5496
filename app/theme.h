#pragma once
// The control-room look: Fusion with a dark palette, kind to eyes in a dark room.

class QApplication;

namespace cpn {
void applyControlRoomTheme(QApplication& app);
}
