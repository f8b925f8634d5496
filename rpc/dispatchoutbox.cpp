#include "dispatchoutbox.h"

#include "commandjournal.h"

#include <QCryptographicHash>

namespace cpn {

namespace {

    constexpr int kFirstRetryMs = 1000;
    constexpr int kMaxRetryMs = 30000;

    QString describe(const CommandError& error)
    {
        QString text = error.message;
        for (const Violation& v : error.violations)
            if (!text.contains(v.message))
                text += QLatin1Char('\n') + v.message;
        return text;
    }

} // namespace

DispatchOutbox::DispatchOutbox(
    DispatchClient* client, std::unique_ptr<CommandJournal> journal, const QString& scheduler, QObject* parent)
    : QObject(parent)
    , m_client(client)
    , m_journal(std::move(journal))
    , m_scheduler(scheduler)
    , m_operator(DispatchClient::localOperatorName())
    , m_retryDelayMs(kFirstRetryMs)
{
    qRegisterMetaType<cpn::DispatchCommand>();
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &DispatchOutbox::resendPending);

    connect(m_client, &DispatchClient::migrationStarted, this, [this](const QString& id, const Migration& m) {
        if (!m_inFlight.remove(id))
            return;
        answer(id, CommandOutcome::Succeeded, QStringLiteral("OK"), {}, m.id);
        emit migrationStarted(id, m);
    });
    connect(m_client, &DispatchClient::migrationCancelled, this, [this](const QString& id, const Migration& m) {
        if (!m_inFlight.remove(id))
            return;
        answer(id, CommandOutcome::Succeeded, QStringLiteral("OK"), {}, m.id);
        emit migrationCancelled(id, m);
    });
    connect(m_client, &DispatchClient::drainStarted, this, [this](const QString& id, const DrainResult& r) {
        if (!m_inFlight.remove(id))
            return;
        if (auto c = find(id)) {
            m_unanswered.remove(id);
            c->drainMigrations = int(r.migrations.size());
            c->drainUnplaced = int(r.unplacedTaskIds.size());
            c->outcome = CommandOutcome::Succeeded;
            c->outcomeCode = QStringLiteral("OK");
            c->answeredAt = QDateTime::currentDateTime();
            m_journal->recordAnswer(*c);
            emit commandAnswered(*c);
        }
        emit drainStarted(id, r);
    });
    connect(m_client, &DispatchClient::commandFailed, this, &DispatchOutbox::onFailed);

    if (m_scheduler == QLatin1String(kEmbeddedScheduler))
        abandonOrphans();
}

DispatchOutbox::~DispatchOutbox() = default;

QString DispatchOutbox::startMigration(const QString& taskId, const QString& targetSiteId, const QString& reason)
{
    DispatchCommand c;
    c.kind = CommandKind::StartMigration;
    c.taskId = taskId;
    c.siteId = targetSiteId;
    c.reason = reason;
    return submit(std::move(c));
}

QString DispatchOutbox::cancelMigration(const QString& migrationId, const QString& reason)
{
    DispatchCommand c;
    c.kind = CommandKind::CancelMigration;
    c.migrationId = migrationId;
    c.reason = reason;
    return submit(std::move(c));
}

QString DispatchOutbox::drainSite(const QString& siteId, int maxConcurrent, const QString& reason)
{
    DispatchCommand c;
    c.kind = CommandKind::DrainSite;
    c.siteId = siteId;
    c.maxConcurrent = maxConcurrent;
    c.reason = reason;
    return submit(std::move(c));
}

QString DispatchOutbox::submit(DispatchCommand c)
{
    c.requestId = DispatchClient::newRequestId();
    c.scheduler = m_scheduler;
    c.operatorName = m_operator;
    c.identity = m_identity;
    c.role = m_role;
    c.createdAt = QDateTime::currentDateTime();
    // A journal that cannot be written still lets the command go: refusing to act would be
    // worse at 3 a.m. than losing the retry. The journal's error is reported by its owner.
    m_journal->record(c);
    m_unanswered.insert(c.requestId, c);
    emit commandRecorded(c);
    send(c);
    return c.requestId;
}

std::optional<DispatchCommand> DispatchOutbox::find(const QString& requestId) const
{
    if (auto c = m_journal->find(requestId))
        return c;
    if (const auto it = m_unanswered.constFind(requestId); it != m_unanswered.cend())
        return *it;
    return std::nullopt;
}

void DispatchOutbox::send(const DispatchCommand& c)
{
    m_inFlight.insert(c.requestId);
    m_journal->noteAttempt(c.requestId);
    if (auto it = m_unanswered.find(c.requestId); it != m_unanswered.end())
        ++it->attempts;
    switch (c.kind) {
    case CommandKind::StartMigration:
        m_client->startMigration(c.taskId, c.siteId, c.reason, c.requestId);
        break;
    case CommandKind::CancelMigration:
        m_client->cancelMigration(c.migrationId, c.requestId);
        break;
    case CommandKind::DrainSite:
        m_client->drainSite(c.siteId, c.maxConcurrent, c.reason, c.requestId);
        break;
    }
}

QString DispatchOutbox::identityOf(const QString& operatorName, const QString& token)
{
    // The token itself is a password: only a digest of it goes into the journal.
    const QByteArray digest = QCryptographicHash::hash(token.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return operatorName + QLatin1Char(' ') + (token.isEmpty() ? QStringLiteral("no-token") : QString::fromLatin1(digest));
}

void DispatchOutbox::resendPending()
{
    QSet<QString> sent;
    QList<DispatchCommand> foreign;
    for (const DispatchCommand& c : m_journal->pending()) {
        if (c.scheduler != m_scheduler || m_inFlight.contains(c.requestId) || sent.contains(c.requestId))
            continue;
        if (!c.identity.isEmpty() && c.identity != m_identity) {
            if (!m_awaiting.contains(c.requestId)) {
                m_awaiting.insert(c.requestId);
                foreign.append(c);
            }
            continue;
        }
        sent.insert(c.requestId);
        send(c);
    }
    if (!foreign.isEmpty())
        emit awaitingConsent(foreign);
    for (const DispatchCommand& c : std::as_const(m_unanswered))
        if (!m_inFlight.contains(c.requestId) && !sent.contains(c.requestId))
            send(c);
}

void DispatchOutbox::sendAsMine(const QStringList& requestIds)
{
    for (const QString& id : requestIds) {
        auto c = m_journal->find(id);
        if (!c || c->outcome != CommandOutcome::Pending || !m_awaiting.remove(id))
            continue;
        m_journal->reassign(id, m_operator, m_identity);
        c->operatorName = m_operator;
        c->identity = m_identity;
        m_unanswered.insert(id, *c);
        send(*c);
    }
}

void DispatchOutbox::abandon(const QStringList& requestIds, const QString& why)
{
    for (const QString& id : requestIds) {
        auto c = m_journal->find(id);
        if (!c || c->outcome != CommandOutcome::Pending || !m_awaiting.remove(id))
            continue;
        c->outcome = CommandOutcome::Abandoned;
        c->answeredAt = QDateTime::currentDateTime();
        c->outcomeText = why;
        m_journal->recordAnswer(*c);
        emit commandAnswered(*c);
    }
}

int DispatchOutbox::pendingCount() const
{
    int n = 0;
    for (const DispatchCommand& c : m_journal->pending())
        n += c.scheduler == m_scheduler;
    return n;
}

void DispatchOutbox::answer(
    const QString& requestId, CommandOutcome outcome, const QString& code, const QString& text, const QString& migrationId)
{
    auto c = find(requestId);
    if (!c)
        return;
    m_unanswered.remove(requestId);
    c->outcome = outcome;
    c->outcomeCode = code;
    c->outcomeText = text;
    c->answeredAt = QDateTime::currentDateTime();
    if (!migrationId.isEmpty())
        c->migrationId = migrationId;
    m_journal->recordAnswer(*c);
    m_retryDelayMs = kFirstRetryMs; // the scheduler answers again
    emit commandAnswered(*c);
}

void DispatchOutbox::onFailed(const QString& requestId, const CommandError& error)
{
    if (!m_inFlight.remove(requestId))
        return;
    if (DispatchClient::isTransient(error.code)) {
        if (auto c = find(requestId))
            emit commandDeferred(*c, error.message);
        scheduleRetry();
        return;
    }
    answer(requestId, CommandOutcome::Failed, error.codeName, describe(error));
    emit commandFailed(requestId, error);
}

void DispatchOutbox::scheduleRetry()
{
    if (m_retry.isActive())
        return;
    m_retry.start(m_retryDelayMs);
    m_retryDelayMs = std::min(kMaxRetryMs, m_retryDelayMs * 2);
}

void DispatchOutbox::abandonOrphans()
{
    for (DispatchCommand c : m_journal->pending()) {
        if (c.scheduler != m_scheduler)
            continue;
        c.outcome = CommandOutcome::Abandoned;
        c.answeredAt = QDateTime::currentDateTime();
        c.outcomeText = QStringLiteral("the embedded scheduler stopped with the console before it answered");
        m_journal->recordAnswer(c);
    }
}

} // namespace cpn
