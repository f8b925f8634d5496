#pragma once
// Makes capacity reports: asks every platform for its figures over a period (GetCapacityReport,
// on ReplayClient's threads), then builds the report of a scope on a worker thread, so that a
// week at `huge` never holds up the GUI thread. The figures fetched are kept: another scope or
// accelerator type is built again from them without asking the platforms.

#include "capacityreport.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace cpn {

class ConsoleSession;
class ReplayClient;

// A period of a report: the last day, week or month up to each platform's own "now" (its
// scheduler's clock), or a range of simulated Unix ms.
struct ReportPeriod {
    enum class Kind : quint8 { Day, Week, Month, Range };
    Kind kind = Kind::Day;
    qint64 fromMs = 0; // Range only
    qint64 toMs = 0;

    // "24h", "7d", "30d"; nothing for anything else.
    static std::optional<ReportPeriod> parse(const QString& text);
    qint64 lengthMs() const;
};

class CapacityReportRunner final : public QObject {
    Q_OBJECT
public:
    explicit CapacityReportRunner(ConsoleSession* session, QObject* parent = nullptr);
    ~CapacityReportRunner() override;

    // Fetches every platform's figures over `period`, then builds the report of `scope`.
    // Cancels what was under way.
    void run(const ReportPeriod& period, const ReportScope& scope);
    // Builds the report of another scope from the figures fetched last (nothing when none).
    void rescope(const ReportScope& scope);
    void cancel();
    bool isBusy() const { return m_pending > 0 || m_building; }
    bool hasFigures() const { return !m_usage.isEmpty(); }

    // The data source in words: the platforms and where they are.
    QString sourceText() const;

signals:
    // `done` of `total` steps (a platform answered, the report built).
    void progress(int done, int total);
    // `problems`: the platforms that could not answer, and why, in the user's words.
    void ready(const cpn::CapacityReport& report, const QStringList& problems);
    void failed(const QString& message);

private:
    void onUsage(quint64 id, const PlatformUsage& usage);
    void onFailed(quint64 id, const QString& codeName, const QString& message);
    void answered();
    void build();

    ConsoleSession* m_session;
    struct Call {
        QPointer<ReplayClient> client;
        quint64 id = 0;
        QString platform;
    };
    QList<Call> m_calls; // under way
    QList<ReplayClient*> m_clients;
    QList<PlatformUsage> m_usage;
    QList<PlatformUsage> m_fetching;
    QStringList m_problems;
    ReportScope m_scope;
    int m_pending = 0;
    int m_total = 0;
    bool m_building = false;
    quint64 m_generation = 0; // of the build: an older build's result is dropped
};

} // namespace cpn
