#pragma once
// A dispatch command this console sent (or is sending), as its journal keeps it: what, who,
// when, why, and what the scheduler answered.

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace cpn {

enum class CommandKind : quint8 { StartMigration, CancelMigration, DrainSite };

enum class CommandOutcome : quint8 {
    Pending, // sent or about to be; no answer yet (sent again until one comes)
    Succeeded,
    Failed, // the scheduler refused it
    Abandoned // never answered and cannot be any more (its scheduler is gone)
};

struct DispatchCommand {
    QString requestId; // idempotency key, the same on every attempt
    CommandKind kind = CommandKind::StartMigration;
    QString taskId; // start: the task to move
    QString siteId; // start: the target; drain: the site drained
    QString migrationId; // cancel: the migration; start: the one started, once answered
    QString reason;
    int maxConcurrent = 0; // drain
    QString scheduler; // where it goes: host:port, or "embedded"
    QString operatorName; // who on this console (user@host)
    // Who gave it: the operator with a digest of the token they held (DispatchOutbox::identityOf);
    // empty in journals older than this field. A re-send as anyone else needs their consent.
    QString identity;
    QString role; // the role the scheduler gave this console when it was sent
    QDateTime createdAt; // wall clock
    int attempts = 0;
    CommandOutcome outcome = CommandOutcome::Pending;
    QDateTime answeredAt; // wall clock; invalid while pending
    QString outcomeCode; // gRPC status name ("OK", "FAILED_PRECONDITION", ...)
    QString outcomeText; // the scheduler's words when it refused, or why a command was abandoned
    int drainMigrations = 0; // a drain that succeeded: migrations it planned, count
    int drainUnplaced = 0; // ... and tasks it found no target for, count
};

} // namespace cpn

Q_DECLARE_METATYPE(cpn::DispatchCommand)
