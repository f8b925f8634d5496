#include "commandjournal.h"

#include <QAtomicInt>
#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QVariant>

namespace cpn {

namespace {

    constexpr int kSchemaVersion = 2; // 2: identity
    const char* const kColumns = "request_id, kind, task_id, site_id, migration_id, reason, max_concurrent, scheduler, "
                                 "operator, role, created_ms, attempts, outcome, answered_ms, outcome_code, outcome_text, "
                                 "drain_migrations, drain_unplaced, identity";

    QString connectionName()
    {
        static QAtomicInt counter;
        return QStringLiteral("cpn-journal-%1").arg(counter.fetchAndAddRelaxed(1));
    }

    QVariant msOf(const QDateTime& time)
    {
        return time.isValid() ? QVariant(time.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
    }

    DispatchCommand commandFrom(const QSqlQuery& q)
    {
        DispatchCommand c;
        c.requestId = q.value(0).toString();
        c.kind = CommandKind(q.value(1).toInt());
        c.taskId = q.value(2).toString();
        c.siteId = q.value(3).toString();
        c.migrationId = q.value(4).toString();
        c.reason = q.value(5).toString();
        c.maxConcurrent = q.value(6).toInt();
        c.scheduler = q.value(7).toString();
        c.operatorName = q.value(8).toString();
        c.role = q.value(9).toString();
        c.createdAt = QDateTime::fromMSecsSinceEpoch(q.value(10).toLongLong());
        c.attempts = q.value(11).toInt();
        c.identity = q.value(18).toString();
        c.outcome = CommandOutcome(q.value(12).toInt());
        if (!q.value(13).isNull())
            c.answeredAt = QDateTime::fromMSecsSinceEpoch(q.value(13).toLongLong());
        c.outcomeCode = q.value(14).toString();
        c.outcomeText = q.value(15).toString();
        c.drainMigrations = q.value(16).toInt();
        c.drainUnplaced = q.value(17).toInt();
        return c;
    }

} // namespace

CommandJournal::CommandJournal(const QString& path)
    : m_path(path)
    , m_connection(connectionName())
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    db.setDatabaseName(path);
    if (!db.open()) {
        m_lastError = db.lastError().text();
        return;
    }
    // Durable before a command goes out: a crash right after sending must still find it.
    m_open = exec(QStringLiteral("PRAGMA journal_mode=WAL")) && exec(QStringLiteral("PRAGMA synchronous=FULL"))
        && exec(QStringLiteral("CREATE TABLE IF NOT EXISTS commands ("
                               "request_id TEXT PRIMARY KEY, kind INTEGER NOT NULL, task_id TEXT, site_id TEXT, "
                               "migration_id TEXT, reason TEXT, max_concurrent INTEGER, scheduler TEXT, "
                               "operator TEXT, role TEXT, created_ms INTEGER NOT NULL, attempts INTEGER NOT NULL, "
                               "outcome INTEGER NOT NULL, answered_ms INTEGER, outcome_code TEXT, outcome_text TEXT, "
                               "drain_migrations INTEGER, drain_unplaced INTEGER, identity TEXT)"))
        && exec(QStringLiteral("CREATE INDEX IF NOT EXISTS commands_by_outcome ON commands (outcome, created_ms)"))
        && addIdentityColumn()
        && exec(QStringLiteral("PRAGMA user_version=%1").arg(kSchemaVersion));
}

CommandJournal::~CommandJournal()
{
    {
        QSqlDatabase db = QSqlDatabase::database(m_connection, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(m_connection);
}

QString CommandJournal::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/dispatch-journal.sqlite");
}

bool CommandJournal::exec(const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(sql))
        return true;
    m_lastError = q.lastError().text();
    return false;
}

bool CommandJournal::record(const DispatchCommand& c)
{
    if (!m_open)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("INSERT INTO commands (%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                  .arg(QLatin1String(kColumns)));
    for (const QVariant& v : { QVariant(c.requestId), QVariant(int(c.kind)), QVariant(c.taskId), QVariant(c.siteId),
             QVariant(c.migrationId), QVariant(c.reason), QVariant(c.maxConcurrent), QVariant(c.scheduler),
             QVariant(c.operatorName), QVariant(c.role), QVariant(c.createdAt.toMSecsSinceEpoch()),
             QVariant(c.attempts), QVariant(int(c.outcome)), msOf(c.answeredAt), QVariant(c.outcomeCode),
             QVariant(c.outcomeText), QVariant(c.drainMigrations), QVariant(c.drainUnplaced), QVariant(c.identity) })
        q.addBindValue(v);
    if (q.exec())
        return true;
    m_lastError = q.lastError().text();
    return false;
}

bool CommandJournal::addIdentityColumn()
{
    // A journal of schema 1 lacks the column: its commands stay without an identity.
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    if (q.exec(QStringLiteral("PRAGMA table_info(commands)")))
        while (q.next())
            if (q.value(1).toString() == QLatin1String("identity"))
                return true;
    return exec(QStringLiteral("ALTER TABLE commands ADD COLUMN identity TEXT"));
}

bool CommandJournal::reassign(const QString& requestId, const QString& operatorName, const QString& identity)
{
    if (!m_open)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE commands SET operator = ?, identity = ? WHERE request_id = ?"));
    q.addBindValue(operatorName);
    q.addBindValue(identity);
    q.addBindValue(requestId);
    if (q.exec())
        return true;
    m_lastError = q.lastError().text();
    return false;
}

bool CommandJournal::noteAttempt(const QString& requestId)
{
    if (!m_open)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE commands SET attempts = attempts + 1 WHERE request_id = ?"));
    q.addBindValue(requestId);
    if (q.exec())
        return true;
    m_lastError = q.lastError().text();
    return false;
}

bool CommandJournal::recordAnswer(const DispatchCommand& c)
{
    if (!m_open)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("UPDATE commands SET outcome = ?, answered_ms = ?, outcome_code = ?, outcome_text = ?, "
                             "migration_id = ?, drain_migrations = ?, drain_unplaced = ? WHERE request_id = ?"));
    for (const QVariant& v : { QVariant(int(c.outcome)), msOf(c.answeredAt), QVariant(c.outcomeCode),
             QVariant(c.outcomeText), QVariant(c.migrationId), QVariant(c.drainMigrations),
             QVariant(c.drainUnplaced), QVariant(c.requestId) })
        q.addBindValue(v);
    if (q.exec() && q.numRowsAffected() == 1)
        return true;
    m_lastError = q.lastError().isValid() ? q.lastError().text() : QStringLiteral("no such command");
    return false;
}

std::optional<DispatchCommand> CommandJournal::find(const QString& requestId) const
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM commands WHERE request_id = ?").arg(QLatin1String(kColumns)));
    q.addBindValue(requestId);
    if (q.exec() && q.next())
        return commandFrom(q);
    return std::nullopt;
}

QList<DispatchCommand> CommandJournal::pending() const
{
    QList<DispatchCommand> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM commands WHERE outcome = ? ORDER BY created_ms, rowid")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(int(CommandOutcome::Pending));
    if (q.exec())
        while (q.next())
            out.append(commandFrom(q));
    return out;
}

QList<DispatchCommand> CommandJournal::recent(int limit) const
{
    QList<DispatchCommand> out;
    if (!m_open)
        return out;
    QSqlQuery q(QSqlDatabase::database(m_connection, false));
    q.prepare(QStringLiteral("SELECT %1 FROM commands ORDER BY created_ms DESC, rowid DESC LIMIT ?")
                  .arg(QLatin1String(kColumns)));
    q.addBindValue(limit);
    if (q.exec())
        while (q.next())
            out.append(commandFrom(q));
    return out;
}

} // namespace cpn
