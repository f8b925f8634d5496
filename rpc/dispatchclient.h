#pragma once
// Asynchronous commands to a scheduler: plan, start and cancel migrations, drain a site,
// acknowledge an alarm. Every call returns at once; the answer comes back as a signal on
// the GUI thread, tagged with the call's request id.

#include "connectionsettings.h"
#include "domain.h"

#include <QObject>

class QThreadPool;

#include <memory>
#include <string>

namespace cpn {

namespace v1 {
    class DrainSiteRequest;
}

// What a failed command tells the operator.
struct CommandError {
    int code = 0; // gRPC status code
    QString codeName; // e.g. "FAILED_PRECONDITION"
    QString message;
    QList<Violation> violations; // when the server said why a migration is infeasible
};

class DispatchClient final : public QObject {
    Q_OBJECT
public:
    explicit DispatchClient(ConnectionSettings settings, QObject* parent = nullptr);
    ~DispatchClient() override;

    // Each returns the request id that its answer signal carries. `requestId` is the
    // idempotency key; empty = a new one.
    QString planMigration(const QString& taskId, const QString& targetSiteId);
    QString startMigration(const QString& taskId, const QString& targetSiteId, const QString& reason,
        const QString& requestId = {});
    QString cancelMigration(const QString& migrationId, const QString& requestId = {});
    QString drainSite(const QString& siteId, int maxConcurrent, const QString& reason, const QString& requestId = {});
    // Where a drain would move each task, without draining (a dry run); answers drainPreviewed.
    QString previewDrain(const QString& siteId, int maxConcurrent);
    QString acknowledgeAlarm(const QString& alarmId, const QString& note);

    // Who sits at this console: "<OS login>@<host>". Sent with every command as the `cpn-user`
    // metadata (percent-encoded UTF-8) so that the scheduler can record who acknowledged an alarm.
    static QString localOperatorName();
    static QString newRequestId();
    static QString statusCodeName(int code);
    // Whether a failure with this gRPC code may not have reached the scheduler, or may have been
    // lost on the way back: the command is worth sending again with the same request id.
    static bool isTransient(int code);

signals:
    void migrationPlanned(const QString& requestId, const cpn::MigrationPlan& plan);
    void migrationStarted(const QString& requestId, const cpn::Migration& migration);
    void migrationCancelled(const QString& requestId, const cpn::Migration& migration);
    void drainStarted(const QString& requestId, const cpn::DrainResult& result);
    void drainPreviewed(const QString& requestId, const cpn::DrainResult& result);
    void alarmAcknowledged(const QString& requestId, const cpn::Alarm& alarm);
    void commandFailed(const QString& requestId, const cpn::CommandError& error);

private:
    // The id the scheduler knows for one of the console's (platformscope.h).
    std::string local(const QString& id) const;
    template <typename Reply, typename Request, typename Method, typename OnReply>
    void call(const QString& requestId, const Request& request, Method method, OnReply onReply);
    // DrainSite answers in parts (a stream): read on a thread of m_streams.
    void callDrain(const QString& requestId, const v1::DrainSiteRequest& request,
        void (*onReply)(DispatchClient*, const QString&, const DrainResult&));

    struct Channel;
    std::shared_ptr<Channel> m_channel;
    QThreadPool* m_streams;
};

} // namespace cpn

Q_DECLARE_METATYPE(cpn::CommandError)
