#pragma once
// Dispatch commands that are never lost: each is written to the journal with its request id
// before it goes out, and sent again with the same id (the scheduler's idempotency makes that
// safe) until the scheduler has answered: after a transient failure, when the connection comes
// back, and when the console starts again after a crash. GUI thread; nothing here blocks on the
// network.

#include "dispatchclient.h"
#include "dispatchcommand.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <memory>
#include <optional>

namespace cpn {

class CommandJournal;

class DispatchOutbox final : public QObject {
    Q_OBJECT
public:
    // `scheduler` names where the commands go (host:port, or kEmbeddedScheduler); commands the
    // journal holds for another scheduler are left alone. The client is not owned.
    DispatchOutbox(DispatchClient* client, std::unique_ptr<CommandJournal> journal, const QString& scheduler,
        QObject* parent = nullptr);
    ~DispatchOutbox() override;

    // The scheduler embedded in the console dies with it: what an earlier run left unanswered
    // there is abandoned rather than sent to a new, unrelated network.
    static constexpr char kEmbeddedScheduler[] = "embedded";

    CommandJournal* journal() const { return m_journal.get(); }
    QString scheduler() const { return m_scheduler; }
    // Recorded with each command: the role the scheduler granted, and who sits at this console.
    void setRole(const QString& role) { m_role = role; }
    void setOperatorName(const QString& name) { m_operator = name; }
    QString operatorName() const { return m_operator; }
    // Who gives the commands from now on: identityOf(operator, token). A command the journal
    // holds from another identity is never re-sent silently: it waits for awaitingConsent.
    void setIdentity(const QString& identity) { m_identity = identity; }
    static QString identityOf(const QString& operatorName, const QString& token);

    // Commands another operator left unanswered, now sent as this one, or abandoned.
    void sendAsMine(const QStringList& requestIds);
    void abandon(const QStringList& requestIds, const QString& why);

    // Each journals the command, sends it and returns its request id.
    QString startMigration(const QString& taskId, const QString& targetSiteId, const QString& reason);
    QString cancelMigration(const QString& migrationId, const QString& reason = {});
    QString drainSite(const QString& siteId, int maxConcurrent, const QString& reason);

    // Sends every unanswered command of this scheduler again (those already on their way wait).
    void resendPending();
    int pendingCount() const;

signals:
    void commandRecorded(const cpn::DispatchCommand& command);
    // The scheduler answered (Succeeded or Failed), or the command was Abandoned.
    void commandAnswered(const cpn::DispatchCommand& command);
    // No answer this time (the connection, a timeout): it will be sent again.
    void commandDeferred(const cpn::DispatchCommand& command, const QString& why);
    // The answers themselves, for commands sent now or re-sent.
    void migrationStarted(const QString& requestId, const cpn::Migration& migration);
    void migrationCancelled(const QString& requestId, const cpn::Migration& migration);
    void drainStarted(const QString& requestId, const cpn::DrainResult& result);
    void commandFailed(const QString& requestId, const cpn::CommandError& error);
    // Unanswered commands given by someone else (another operator or token) on this console:
    // sent only when the operator now here agrees (sendAsMine) or dropped (abandon).
    void awaitingConsent(const QList<cpn::DispatchCommand>& commands);

private:
    QString submit(DispatchCommand command);
    void send(const DispatchCommand& command);
    void answer(const QString& requestId, CommandOutcome outcome, const QString& code, const QString& text,
        const QString& migrationId = {});
    void onFailed(const QString& requestId, const CommandError& error);
    void scheduleRetry();
    void abandonOrphans();

    DispatchClient* m_client;
    std::unique_ptr<CommandJournal> m_journal;
    QString m_scheduler;
    QString m_role;
    QString m_operator;
    QString m_identity;
    QSet<QString> m_awaiting; // request ids shown for consent
    std::optional<DispatchCommand> find(const QString& requestId) const;

    QSet<QString> m_inFlight;
    // This run's commands until answered: the journal may be unwritable (a full disk), and the
    // operator must still see what came of them.
    QHash<QString, DispatchCommand> m_unanswered;
    QTimer m_retry;
    int m_retryDelayMs;
};

} // namespace cpn
