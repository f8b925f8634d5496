#pragma once
// The local journal of dispatch commands (SQLite): each is written before it is sent and kept
// with its outcome once the scheduler has answered, so that a command is never lost to a crash
// or a broken connection, and so that the operator can audit what this console did.

#include "dispatchcommand.h"

#include <QList>
#include <QString>

#include <optional>

namespace cpn {

class CommandJournal final {
public:
    // Opens (creating if needed) the journal at path; check isOpen().
    explicit CommandJournal(const QString& path);
    ~CommandJournal();
    CommandJournal(const CommandJournal&) = delete;
    CommandJournal& operator=(const CommandJournal&) = delete;

    // <AppDataLocation>/dispatch-journal.sqlite
    static QString defaultPath();

    bool isOpen() const { return m_open; }
    QString lastError() const { return m_lastError; }
    QString path() const { return m_path; }

    // Each returns false (and sets lastError) when the database refused the write.
    bool record(const DispatchCommand& command); // a new command, before it is sent
    bool noteAttempt(const QString& requestId);
    // Another operator takes over a command left unanswered (they agreed to send it as theirs).
    bool reassign(const QString& requestId, const QString& operatorName, const QString& identity);
    bool recordAnswer(const DispatchCommand& answered); // outcome, answeredAt, code, text, migrationId

    std::optional<DispatchCommand> find(const QString& requestId) const;
    // Commands still waiting for an answer, oldest first.
    QList<DispatchCommand> pending() const;
    // The latest commands, newest first.
    QList<DispatchCommand> recent(int limit = 2000) const;

private:
    bool exec(const QString& sql);
    bool addIdentityColumn();
    QString m_path;
    QString m_connection;
    bool m_open = false;
    QString m_lastError;
};

} // namespace cpn
