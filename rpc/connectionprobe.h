#pragma once
// "Test connection": one small call to a scheduler with the settings the operator is about to
// save (address, TLS, token), answered on the GUI thread within seconds, never a hang.

#include "connectionsettings.h"

#include <QObject>
#include <QString>

#include <functional>

namespace cpn {

// Lists one task. `done(ok, text)` runs on the GUI thread unless `receiver` is gone by then:
// ok and how many tasks the scheduler holds, or why it could not be reached, in the interface
// language.
void probeConnection(
    const ConnectionSettings& settings, QObject* receiver, std::function<void(bool, const QString&)> done);

} // namespace cpn
