#pragma once
// Calls about the past of one platform: GetMetricsAt (the metrics of every site and link at a
// past moment, streamed in parts, joined and converted on a worker thread), GetTimeline, and
// GetCapacityReport (capacity against use over a period, per site). Every
// call returns at once; its answer comes back as a signal on the GUI thread, tagged with the
// call's id. A call can be cancelled (a newer moment makes an older one pointless).

#include "capacityreport.h"
#include "connectionsettings.h"
#include "domain.h"

#include <QHash>
#include <QObject>
#include <QThreadPool>

#include <chrono>
#include <memory>

namespace cpn {

class ReplayClient final : public QObject {
    Q_OBJECT
public:
    explicit ReplayClient(ConnectionSettings settings, QObject* parent = nullptr);
    ~ReplayClient() override; // cancels what is under way and waits for it (briefly)

    // The metrics at `timeMs` (simulated Unix ms): the newest sample at or before it; an answer
    // of more than `maxEntities` sites and links (the platform's network and some room) is
    // refused as hostile.
    quint64 fetchMoment(qint64 timeMs, int maxEntities = kMaxEntities);
    quint64 fetchTimeline(qint64 fromMs, qint64 toMs);
    // Capacity and use over [fromMs, toMs] per site, and each region's use in `seriesPoints`
    // steps; more than `maxSites` sites is refused as hostile.
    quint64 fetchCapacityReport(qint64 fromMs, qint64 toMs, int seriesPoints = kReportSeriesPoints,
        int maxSites = kMaxEntities);
    // No answer will come for it.
    void cancel(quint64 id);

    // A past moment larger than this is refused as hostile (huge is some 60,000 sites and links
    // in 6 MB).
    static constexpr int kMaxEntities = 1'000'000;
    static constexpr qint64 kMaxBytes = qint64(256) << 20;
    // A timeline is refused when its span or steps make no sense (a server keeps a week).
    static constexpr qint64 kMaxSpanMs = 31LL * 24 * 3600 * 1000;
    static constexpr int kReportSeriesPoints = 168; // an hour's step over a week
    static constexpr int kMaxReportRegions = 1000;

signals:
    // `frame` is qualified by the platform (see PlatformScope) and has the sample's time.
    void momentReceived(quint64 id, qint64 timeMs, const cpn::MetricsFrame& frame);
    // `codeName` as gRPC names the status ("OUT_OF_RANGE": keptFromMs and keptToMs say what the
    // server keeps, when it said; 0 otherwise); `message` the server's or the console's words.
    void momentFailed(quint64 id, qint64 timeMs, const QString& codeName, const QString& message, qint64 keptFromMs,
        qint64 keptToMs);
    void timelineReceived(quint64 id, const cpn::ReplayTimeline& timeline);
    void timelineFailed(quint64 id, const QString& codeName, const QString& message);
    // `usage` is qualified by the platform.
    void capacityReportReceived(quint64 id, const cpn::PlatformUsage& usage);
    void capacityReportFailed(quint64 id, const QString& codeName, const QString& message);

private:
    struct Channel;
    struct Call;
    std::shared_ptr<Call> begin(quint64* id, std::chrono::seconds deadline);
    void finish(quint64 id);
    template <typename Work> void run(std::shared_ptr<Call> call, quint64 id, Work work);

    std::shared_ptr<Channel> m_channel;
    QThreadPool m_pool; // the calls block: not on the application's pool
    QHash<quint64, std::shared_ptr<Call>> m_calls; // under way
    quint64 m_nextId = 1;
};

} // namespace cpn

Q_DECLARE_METATYPE(cpn::MetricsFrame)
Q_DECLARE_METATYPE(cpn::ReplayTimeline)
Q_DECLARE_METATYPE(cpn::PlatformUsage)
