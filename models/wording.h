#pragma once
// The console's own words for what servers report as codes and figures: alarms, plan
// violations and migration failures, in the interface language, with numbers in its locale.
// A code the console does not know, or one without the figures its words need (an older
// server), falls back to the server's own text. Names come from the network state (a site's
// name in the interface language); what a scheduler says in its own words (a Slurm reason) is
// quoted as it is.

#include "domain.h"

#include <QCoreApplication>

namespace cpn {

class NetworkState;

class Wording {
    Q_DECLARE_TR_FUNCTIONS(cpn::Wording)
public:
    static QString alarm(const Alarm& alarm, const NetworkState* state);
    static QString violation(const Violation& violation, const NetworkState* state);
    // Why a migration failed, was cancelled or rolled back; empty when nothing says.
    static QString failure(const Migration& migration);
    // A site, link or region by its name in the interface language; the id when unknown.
    static QString entityName(const NetworkState* state, const QString& id);

private:
    // Why it failed, without what became of it; the server's words for an unknown code.
    static QString cause(const Migration& migration);
};

} // namespace cpn
