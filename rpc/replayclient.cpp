#include "replayclient.h"

#include "dispatchclient.h"
#include "platformscope.h"
#include "protoconvert.h"

#include "cpn/v1/state.grpc.pb.h"

#include <QCoreApplication>
#include <QPointer>

#include <grpcpp/grpcpp.h>

#include <atomic>
#include <chrono>

namespace cpn {

namespace {
    constexpr auto kMomentDeadline = std::chrono::seconds(10);
    constexpr auto kTimelineDeadline = std::chrono::seconds(15);
    constexpr auto kReportDeadline = std::chrono::seconds(60);

    qint64 trailingMs(const grpc::ClientContext& context, const char* key)
    {
        const auto& trailers = context.GetServerTrailingMetadata();
        const auto it = trailers.find(key);
        if (it == trailers.end())
            return 0;
        bool ok = false;
        const qint64 v = QByteArray(it->second.data(), qsizetype(it->second.size())).toLongLong(&ok);
        return ok && v > 0 ? v : 0;
    }
}

struct ReplayClient::Channel {
    ConnectionSettings settings;
    std::unique_ptr<v1::StateService::Stub> stub;
};

// One call: the GUI thread releases it (it holds a share of the channel, see guithreadcall.h).
struct ReplayClient::Call {
    grpc::ClientContext context;
    std::shared_ptr<Channel> channel;
    std::atomic_bool cancelled = false;
};

ReplayClient::ReplayClient(ConnectionSettings settings, QObject* parent)
    : QObject(parent)
    , m_channel(std::make_shared<Channel>())
{
    qRegisterMetaType<cpn::MetricsFrame>();
    qRegisterMetaType<cpn::ReplayTimeline>();
    qRegisterMetaType<cpn::PlatformUsage>();
    m_channel->stub = v1::StateService::NewStub(makeChannel(settings));
    m_channel->settings = std::move(settings);
    m_pool.setMaxThreadCount(2); // the moment wanted, and one fetched ahead
}

ReplayClient::~ReplayClient()
{
    for (const auto& call : std::as_const(m_calls)) {
        call->cancelled = true;
        call->context.TryCancel();
    }
    m_pool.waitForDone();
}

std::shared_ptr<ReplayClient::Call> ReplayClient::begin(quint64* id, std::chrono::seconds deadline)
{
    *id = m_nextId++;
    auto call = std::make_shared<Call>();
    call->channel = m_channel;
    authorize(call->context, m_channel->settings);
    call->context.set_deadline(std::chrono::system_clock::now() + deadline);
    m_calls.insert(*id, call);
    return call;
}

void ReplayClient::finish(quint64 id)
{
    m_calls.remove(id);
}

void ReplayClient::cancel(quint64 id)
{
    if (const auto call = m_calls.take(id)) {
        call->cancelled = true;
        call->context.TryCancel();
    }
}

// Runs `work(call)` on the pool; what it returns runs on the GUI thread, unless the call was
// cancelled or the client is gone. The call is released there.
template <typename Work> void ReplayClient::run(std::shared_ptr<Call> call, quint64 id, Work work)
{
    QPointer<ReplayClient> self(this);
    m_pool.start([self, call = std::move(call), id, work = std::move(work)]() mutable {
        std::function<void()> deliver = work(*call);
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, call = std::move(call), id, deliver = std::move(deliver)]() mutable {
                if (self && !call->cancelled) {
                    self->finish(id);
                    deliver();
                }
                call.reset();
            },
            Qt::QueuedConnection);
    });
}

quint64 ReplayClient::fetchMoment(qint64 timeMs, int maxEntities)
{
    quint64 id = 0;
    auto call = begin(&id, kMomentDeadline);
    QPointer<ReplayClient> self(this);
    const QString platform = m_channel->settings.platform;
    run(std::move(call), id,
        [self, id, timeMs, platform, maxEntities = std::min(maxEntities, kMaxEntities)](
            Call& c) -> std::function<void()> {
            v1::GetMetricsAtRequest request;
            request.set_time_ms(timeMs);
            auto reader = c.channel->stub->GetMetricsAt(&c.context, request);
            MetricsFrame frame;
            frame.sampleTimeMs = -1;
            v1::MetricsBatch part;
            QString problem;
            qint64 bytes = 0;
            while (reader->Read(&part)) {
                bytes += qint64(part.ByteSizeLong());
                if (frame.sampleTimeMs < 0)
                    frame.sampleTimeMs = part.sample_time_ms();
                if (part.sample_time_ms() != frame.sampleTimeMs || part.sample_time_ms() > timeMs)
                    problem = tr("The scheduler answered with a sample of another moment than the one asked for");
                else if (frame.sites.size() + part.sites_size() + frame.links.size() + part.links_size() > maxEntities
                    || bytes > kMaxBytes)
                    problem = tr("The scheduler's answer holds more sites and links than the console accepts");
                if (!problem.isEmpty())
                    break;
                for (const auto& m : part.sites())
                    frame.sites.append(convert::fromProto(m));
                for (const auto& m : part.links())
                    frame.links.append(convert::fromProto(m));
            }
            if (!problem.isEmpty()) {
                c.context.TryCancel();
                reader->Finish();
                return [self, id, timeMs, problem] {
                    emit self->momentFailed(id, timeMs, QStringLiteral("INVALID_ANSWER"), problem, 0, 0);
                };
            }
            const grpc::Status status = reader->Finish();
            if (!status.ok() || frame.sampleTimeMs < 0) {
                const qint64 from = trailingMs(c.context, "cpn-kept-from-ms");
                const qint64 to = trailingMs(c.context, "cpn-kept-to-ms");
                const QString code = status.ok() ? QStringLiteral("INVALID_ANSWER")
                                                 : DispatchClient::statusCodeName(int(status.error_code()));
                const QString message = status.ok() ? tr("The scheduler's answer was empty")
                                                    : QString::fromStdString(status.error_message());
                return [self, id, timeMs, code, message, from, to] {
                    emit self->momentFailed(id, timeMs, code, message, from, to);
                };
            }
            PlatformScope(platform).qualify(frame);
            return [self, id, timeMs, frame = std::move(frame)] { emit self->momentReceived(id, timeMs, frame); };
        });
    return id;
}

quint64 ReplayClient::fetchTimeline(qint64 fromMs, qint64 toMs)
{
    quint64 id = 0;
    auto call = begin(&id, kTimelineDeadline);
    QPointer<ReplayClient> self(this);
    const QString platform = m_channel->settings.platform;
    run(std::move(call), id,
        [self, id, fromMs, toMs, platform](Call& c) -> std::function<void()> {
            v1::GetTimelineRequest request;
            request.set_from_ms(fromMs);
            request.set_to_ms(toMs);
            v1::Timeline reply;
            const grpc::Status status = c.channel->stub->GetTimeline(&c.context, request, &reply);
            if (!status.ok()) {
                return [self, id, code = DispatchClient::statusCodeName(int(status.error_code())),
                           message = QString::fromStdString(status.error_message())] {
                    emit self->timelineFailed(id, code, message);
                };
            }
            ReplayTimeline t;
            t.keptFromMs = reply.kept_from_ms();
            t.keptToMs = reply.kept_to_ms();
            t.fineStepMs = reply.fine_step_ms();
            t.fineFromMs = reply.fine_from_ms();
            t.coarseStepMs = reply.coarse_step_ms();
            t.truncated = reply.truncated();
            const auto sensibleStep = [](qint64 step) { return step >= 1000 && step <= 24 * 3600 * 1000; };
            const bool nothingYet = t.keptFromMs == 0 && t.keptToMs == 0;
            if (!nothingYet
                && (t.keptFromMs <= 0 || t.keptToMs < t.keptFromMs || t.keptToMs - t.keptFromMs > kMaxSpanMs
                    || !sensibleStep(t.fineStepMs) || !sensibleStep(t.coarseStepMs))) {
                return [self, id] {
                    emit self->timelineFailed(
                        id, QStringLiteral("INVALID_ANSWER"), tr("The scheduler's kept span of history is not valid"));
                };
            }
            for (const auto& a : reply.alarms())
                t.alarms.append(convert::fromProto(a));
            for (const auto& m : reply.migrations())
                t.migrations.append(convert::fromProto(m));
            const PlatformScope scope(platform);
            scope.qualify(t.alarms);
            scope.qualify(t.migrations);
            return [self, id, t = std::move(t)] { emit self->timelineReceived(id, t); };
        });
    return id;
}

quint64 ReplayClient::fetchCapacityReport(qint64 fromMs, qint64 toMs, int seriesPoints, int maxSites)
{
    quint64 id = 0;
    auto call = begin(&id, kReportDeadline);
    QPointer<ReplayClient> self(this);
    const QString platform = m_channel->settings.platform;
    run(std::move(call), id,
        [self, id, fromMs, toMs, seriesPoints, platform, maxSites = std::min(maxSites, kMaxEntities)](
            Call& c) -> std::function<void()> {
            v1::GetCapacityReportRequest request;
            request.set_from_ms(fromMs);
            request.set_to_ms(toMs);
            request.set_series_points(seriesPoints);
            auto reader = c.channel->stub->GetCapacityReport(&c.context, request);
            PlatformUsage usage;
            usage.platform = platform;
            v1::CapacityReport part;
            QString problem;
            qint64 bytes = 0;
            bool first = true;
            while (reader->Read(&part)) {
                bytes += qint64(part.ByteSizeLong());
                if (first) {
                    usage.requestedFromMs = fromMs; // what was asked, whatever the answer says
                    usage.requestedToMs = toMs;
                    usage.coveredFromMs = part.covered_from_ms();
                    usage.coveredToMs = part.covered_to_ms();
                    usage.generatedTimeMs = part.generated_time_ms();
                    usage.samples = part.samples();
                    first = false;
                    // What it covers lies within what was asked, and it has an end.
                    if (usage.coveredFromMs < fromMs || usage.coveredToMs > toMs
                        || usage.coveredToMs < usage.coveredFromMs)
                        problem = tr("The scheduler's report covers another period than the one asked for");
                } else if (part.generated_time_ms() != usage.generatedTimeMs) {
                    problem = tr("The scheduler's report came in parts of different reports");
                }
                if (problem.isEmpty()
                    && (usage.sites.size() + part.sites_size() > maxSites
                        || usage.regions.size() + part.regions_size() > kMaxReportRegions || bytes > kMaxBytes))
                    problem = tr("The scheduler's report holds more sites or regions than the console accepts");
                if (!problem.isEmpty())
                    break;
                for (const auto& s : part.sites())
                    usage.sites.append(convert::fromProto(s));
                for (const auto& r : part.regions()) {
                    RegionUsage region = convert::fromProto(r);
                    // Points of the span covered only (a chart spans them), and at most 1,000.
                    region.usedPflops.removeIf([&](const SeriesPoint& p) {
                        return p.timeMs < usage.coveredFromMs || p.timeMs > usage.coveredToMs;
                    });
                    if (region.usedPflops.size() > 1000)
                        region.usedPflops.resize(1000);
                    usage.regions.append(std::move(region));
                }
            }
            if (!problem.isEmpty()) {
                c.context.TryCancel();
                reader->Finish();
                return [self, id, problem] {
                    emit self->capacityReportFailed(id, QStringLiteral("INVALID_ANSWER"), problem);
                };
            }
            const grpc::Status status = reader->Finish();
            if (!status.ok() || first) {
                const QString code = status.ok() ? QStringLiteral("INVALID_ANSWER")
                                                 : DispatchClient::statusCodeName(int(status.error_code()));
                const QString message = status.ok() ? tr("The scheduler's answer was empty")
                                                    : QString::fromStdString(status.error_message());
                return [self, id, code, message] { emit self->capacityReportFailed(id, code, message); };
            }
            const PlatformScope scope(platform);
            if (!platform.isEmpty()) {
                for (SiteUsage& s : usage.sites)
                    s.siteId = scope.qualify(s.siteId);
            }
            return [self, id, usage = std::move(usage)] { emit self->capacityReportReceived(id, usage); };
        });
    return id;
}

} // namespace cpn
