// Replay over real gRPC: GetMetricsAt against QueryHistory for the same moment (fine, backfilled
// and coarse samples), its parts and sample times, OUT_OF_RANGE with the kept span in the
// trailers, statuses through the hub-outage scenario, GetTimeline's alarms and migrations, bad
// requests and roles; and the status log on its own. Capacity reports over the same past:
// GetCapacityReport against figures worked out from QueryHistory, its parts, bad requests, spans
// not kept, roles. CPN_TEST_HUGE=1 adds a huge network to the
// parts test (some 10 s more) and prints its figures.

#include "mocktesthelpers.h"

#include "gridfactors.h"
#include "statuslog.h"

#include <QTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>

using namespace cpn;
using namespace cpn::testing;

namespace {

constexpr std::int64_t kMinute = 60000;
constexpr std::int64_t kDay = 24 * 3600000LL;
constexpr std::size_t kMaxMessageBytes = std::size_t(4) << 20;

struct Replay {
    grpc::Status status;
    std::vector<v1::MetricsBatch> parts;
    std::multimap<std::string, std::string> trailers;
    double wallMs = 0;
    std::size_t bytes = 0;

    // The parts joined.
    v1::MetricsBatch joined() const
    {
        v1::MetricsBatch all;
        for (const auto& part : parts) {
            all.mutable_sites()->MergeFrom(part.sites());
            all.mutable_links()->MergeFrom(part.links());
        }
        return all;
    }
    std::string trailer(const std::string& key) const
    {
        const auto it = trailers.find(key);
        return it == trailers.end() ? std::string() : it->second;
    }
};

Replay metricsAt(const Client& client, std::int64_t timeMs)
{
    Replay replay;
    auto context = client.context();
    v1::GetMetricsAtRequest request;
    request.set_time_ms(timeMs);
    const auto started = std::chrono::steady_clock::now();
    auto reader = client.state->GetMetricsAt(context.get(), request);
    v1::MetricsBatch part;
    while (reader->Read(&part)) {
        replay.bytes += part.ByteSizeLong();
        replay.parts.push_back(std::move(part));
        part.Clear();
    }
    replay.status = reader->Finish();
    replay.wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    for (const auto& [key, value] : context->GetServerTrailingMetadata())
        replay.trailers.emplace(std::string(key.data(), key.size()), std::string(value.data(), value.size()));
    return replay;
}

grpc::Status timeline(const Client& client, std::int64_t fromMs, std::int64_t toMs, v1::Timeline* answer)
{
    v1::GetTimelineRequest request;
    request.set_from_ms(fromMs);
    request.set_to_ms(toMs);
    return client.state->GetTimeline(client.context().get(), request, answer);
}

double historyAt(const Client& client, const std::string& entity, const std::string& metric, std::int64_t timeMs)
{
    v1::QueryHistoryRequest request;
    request.set_entity_id(entity);
    request.set_metric(metric);
    request.set_from_ms(timeMs);
    request.set_to_ms(timeMs);
    v1::QueryHistoryResponse response;
    const auto status = client.state->QueryHistory(client.context().get(), request, &response);
    if (!status.ok() || response.points_size() != 1 || response.points(0).time_ms() != timeMs) {
        qWarning("QueryHistory %s %s at %lld: %s, %d points", entity.c_str(), metric.c_str(),
            static_cast<long long>(timeMs), status.error_message().c_str(), response.points_size());
        return std::nan("");
    }
    return response.points(0).value();
}

bool near(double a, double b, double relative = 1e-5)
{
    return std::fabs(a - b) <= relative * std::max(1.0, std::fabs(b));
}

// Every part within 4 MB and of the same sample time, as is every item; every site and link of
// the snapshot exactly once. Empty when so, else what is wrong.
QString checkParts(const Replay& replay, const v1::Snapshot& snapshot, std::int64_t sampleMs)
{
    if (replay.parts.empty())
        return QStringLiteral("no parts");
    std::multiset<std::string> sites;
    std::multiset<std::string> links;
    for (const auto& part : replay.parts) {
        if (part.ByteSizeLong() >= kMaxMessageBytes)
            return QStringLiteral("a part of %1 bytes").arg(part.ByteSizeLong());
        if (part.sample_time_ms() != sampleMs)
            return QStringLiteral("a part of %1, not %2").arg(part.sample_time_ms()).arg(sampleMs);
        for (const auto& m : part.sites()) {
            if (m.sample_time_ms() != sampleMs)
                return QStringLiteral("site %1 of another time").arg(QString::fromStdString(m.site_id()));
            sites.insert(m.site_id());
        }
        for (const auto& m : part.links()) {
            if (m.sample_time_ms() != sampleMs)
                return QStringLiteral("link %1 of another time").arg(QString::fromStdString(m.link_id()));
            links.insert(m.link_id());
        }
    }
    if (sites.size() != std::size_t(snapshot.sites_size()) || links.size() != std::size_t(snapshot.links_size()))
        return QStringLiteral("%1 sites and %2 links, not %3 and %4")
            .arg(sites.size())
            .arg(links.size())
            .arg(snapshot.sites_size())
            .arg(snapshot.links_size());
    for (const auto& site : snapshot.sites())
        if (sites.count(site.id()) != 1)
            return QStringLiteral("site %1 %2 times")
                .arg(QString::fromStdString(site.id()))
                .arg(sites.count(site.id()));
    for (const auto& link : snapshot.links())
        if (links.count(link.id()) != 1)
            return QStringLiteral("link %1 %2 times")
                .arg(QString::fromStdString(link.id()))
                .arg(links.count(link.id()));
    return {};
}

const v1::SiteMetrics* siteIn(const v1::MetricsBatch& batch, const std::string& id)
{
    for (const auto& m : batch.sites())
        if (m.site_id() == id)
            return &m;
    return nullptr;
}

const v1::LinkMetrics* linkIn(const v1::MetricsBatch& batch, const std::string& id)
{
    for (const auto& m : batch.links())
        if (m.link_id() == id)
            return &m;
    return nullptr;
}

struct Report {
    grpc::Status status;
    std::vector<v1::CapacityReport> parts;
    std::multimap<std::string, std::string> trailers;

    // The parts joined: the first's fields, every part's lists.
    v1::CapacityReport joined() const
    {
        v1::CapacityReport all;
        if (!parts.empty())
            all = parts.front();
        for (std::size_t i = 1; i < parts.size(); ++i) {
            all.mutable_sites()->MergeFrom(parts[i].sites());
            all.mutable_regions()->MergeFrom(parts[i].regions());
        }
        return all;
    }
    std::string trailer(const std::string& key) const
    {
        const auto it = trailers.find(key);
        return it == trailers.end() ? std::string() : it->second;
    }
};

Report capacityReport(const Client& client, std::int64_t fromMs, std::int64_t toMs, int points = 0)
{
    Report report;
    auto context = client.context();
    v1::GetCapacityReportRequest request;
    request.set_from_ms(fromMs);
    request.set_to_ms(toMs);
    request.set_series_points(points);
    auto reader = client.state->GetCapacityReport(context.get(), request);
    v1::CapacityReport part;
    while (reader->Read(&part)) {
        report.parts.push_back(std::move(part));
        part.Clear();
    }
    report.status = reader->Finish();
    for (const auto& [key, value] : context->GetServerTrailingMetadata())
        report.trailers.emplace(std::string(key.data(), key.size()), std::string(value.data(), value.size()));
    return report;
}

std::vector<v1::HistoryPoint> history(const Client& client, const std::string& entity, const std::string& metric,
    std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs = 0)
{
    v1::QueryHistoryRequest request;
    request.set_entity_id(entity);
    request.set_metric(metric);
    request.set_from_ms(fromMs);
    request.set_to_ms(toMs);
    request.set_step_ms(stepMs);
    v1::QueryHistoryResponse response;
    const auto status = client.state->QueryHistory(client.context().get(), request, &response);
    if (!status.ok())
        qWarning("QueryHistory %s %s: %s", entity.c_str(), metric.c_str(), status.error_message().c_str());
    return { response.points().begin(), response.points().end() };
}

// A site's figures over a span of fine samples, as a report should give them, from QueryHistory:
// each sample stands for the minute from its time.
struct ExpectedSite {
    std::size_t samples = 0;
    double mean = 0, peak = 0, energyMwh = 0, costCny = 0, pue = 0, green = 0, carbonT = 0, end = 0;
};

ExpectedSite expectedSite(
    const Client& client, const std::string& id, std::int64_t fromMs, std::int64_t toMs, double gridFactor)
{
    const auto u = history(client, id, "utilisation", fromMs, toMs);
    const auto power = history(client, id, "power_mw", fromMs, toMs);
    const auto pue = history(client, id, "pue", fromMs, toMs);
    const auto price = history(client, id, "price_cny_per_kwh", fromMs, toMs);
    const auto green = history(client, id, "green_share", fromMs, toMs);
    ExpectedSite e;
    e.samples = u.size();
    if (u.empty() || power.size() != u.size() || pue.size() != u.size() || price.size() != u.size()
        || green.size() != u.size())
        return e;
    double hours = 0, it = 0, greenMwh = 0;
    for (std::size_t i = 0; i < u.size(); ++i) {
        const double h = 1.0 / 60; // a minute
        const double energy = power[i].value() * h;
        hours += h;
        e.mean += u[i].value() * h;
        e.peak = std::max(e.peak, u[i].value());
        e.energyMwh += energy;
        e.costCny += energy * 1000 * price[i].value();
        it += energy / pue[i].value();
        greenMwh += energy * green[i].value();
        e.carbonT += energy * (1 - green[i].value()) * gridFactor;
    }
    e.mean /= hours;
    e.pue = e.energyMwh / it;
    e.green = greenMwh / e.energyMwh;
    e.end = u.back().value();
    return e;
}

const v1::SiteReport* siteIn(const v1::CapacityReport& report, const std::string& id)
{
    for (const auto& s : report.sites())
        if (s.site_id() == id)
            return &s;
    return nullptr;
}

} // namespace

class TestReplay : public QObject {
    Q_OBJECT

private slots:
    // A national hub-outage run with a manual clock: a hub goes offline 5 minutes in; a
    // migration runs after it.
    void initTestCase()
    {
        auto options = manualOptions(11);
        options.scenario = "hub-outage";
        m_server = startServer(options);
        QVERIFY(m_server);
        m_client = std::make_unique<Client>(m_server->address());
        auto& simulation = *m_server->simulation();
        m_start = simulation.simTimeMs();
        QCOMPARE(m_start % kMinute, std::int64_t(0));
        advanceMinutes(*m_server, 12);
        const auto during = simulation.snapshot();
        for (const auto& alarm : during.alarms())
            if (alarm.code() == "SITE_OFFLINE") {
                m_hub = alarm.source_id();
                m_outageMs = alarm.raised_time_ms();
            }
        QVERIFY2(!m_hub.empty(), "the hub did not go offline");
        v1::Task task;
        std::string target;
        QVERIFY(findFeasibleMove(simulation, { v1::TASK_KIND_BATCH, v1::TASK_KIND_TRAINING }, &task, &target));
        v1::Migration migration;
        QVERIFY(startMigration(simulation, "replay-1", task.id(), target, &migration).ok());
        m_migration = runToEnd(simulation, migration.id(), 60);
        QVERIFY(mock::isFinishedState(m_migration.state()));
        advanceMinutes(*m_server, 5);
        m_snapshot = m_client->snapshot();
        QVERIFY(m_snapshot.sites_size() > 0);
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_server.reset();
    }

    void metricsAtAgreesWithQueryHistory_data()
    {
        QTest::addColumn<qint64>("askedMs"); // from the start
        QTest::addColumn<qint64>("sampleMs"); // from the start
        QTest::newRow("live, between samples") << qint64(7 * kMinute + 30000) << qint64(7 * kMinute);
        QTest::newRow("live, at a sample") << qint64(3 * kMinute) << qint64(3 * kMinute);
        QTest::newRow("backfilled, fine") << qint64(-2 * 3600000 + 10000) << qint64(-2 * 3600000);
        QTest::newRow("coarse: a quarter's mean")
            << qint64(-3 * kDay + 20 * kMinute) << qint64(-3 * kDay + 15 * kMinute);
    }

    void metricsAtAgreesWithQueryHistory()
    {
        QFETCH(qint64, askedMs);
        QFETCH(qint64, sampleMs);
        const std::int64_t sample = m_start + sampleMs;
        const auto replay = metricsAt(*m_client, m_start + askedMs);
        QVERIFY2(replay.status.ok(), replay.status.error_message().c_str());
        const auto problem = checkParts(replay, m_snapshot, sample);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const auto batch = replay.joined();

        for (const std::string& id : { m_snapshot.sites(1).id(), m_hub }) {
            const auto* m = siteIn(batch, id);
            QVERIFY(m);
            QVERIFY2(near(m->utilisation(), historyAt(*m_client, id, "utilisation", sample)),
                qPrintable(QString::number(m->utilisation())));
            QVERIFY(near(m->power_mw(), historyAt(*m_client, id, "power_mw", sample)));
            QVERIFY(near(m->pue(), historyAt(*m_client, id, "pue", sample)));
            QVERIFY(near(m->green_share(), historyAt(*m_client, id, "green_share", sample)));
            QVERIFY(near(m->price_cny_per_kwh(), historyAt(*m_client, id, "price_cny_per_kwh", sample)));
            QVERIFY(m->usage_size() > 0);
            for (const auto& use : m->usage()) {
                QVERIFY(use.utilisation() >= 0 && use.utilisation() <= 1);
                QVERIFY(use.pflops_used() >= 0);
            }
            QCOMPARE(m->queue_length(), 0u); // not kept
        }
        for (const auto& link : { m_snapshot.links(1), m_snapshot.links(2) }) {
            const auto* m = linkIn(batch, link.id());
            QVERIFY(m);
            QVERIFY(near(m->throughput_ab_gbps(), historyAt(*m_client, link.id(), "throughput_ab_gbps", sample)));
            QVERIFY(near(m->throughput_ba_gbps(), historyAt(*m_client, link.id(), "throughput_ba_gbps", sample)));
            QVERIFY(near(m->utilisation(), historyAt(*m_client, link.id(), "utilisation", sample)));
            QVERIFY(near(m->latency_ms(), historyAt(*m_client, link.id(), "latency_ms", sample)));
            QVERIFY(near(
                m->utilisation(), std::max(m->throughput_ab_gbps(), m->throughput_ba_gbps()) / link.capacity_gbps()));
        }
        // A region: its power adds up, its utilisation is over installed PFLOPS.
        const auto& region = m_snapshot.regions(0).id();
        double power = 0;
        double used = 0;
        double installed = 0;
        for (const auto& site : m_snapshot.sites()) {
            if (site.region_id() != region)
                continue;
            const auto* m = siteIn(batch, site.id());
            power += m->power_mw();
            for (const auto& use : m->usage())
                used += use.pflops_used();
            for (const auto& c : site.capacity())
                installed += c.pflops();
        }
        QVERIFY(installed > 0);
        QVERIFY(near(power, historyAt(*m_client, region, "power_mw", sample)));
        QVERIFY(near(used / installed, historyAt(*m_client, region, "utilisation", sample), 1e-4));
    }

    void outOfRangeStatesTheKeptSpan_data()
    {
        QTest::addColumn<QString>("when");
        QTest::addColumn<QString>("code");
        QTest::newRow("before the oldest sample") << "before"
                                                  << "OUT_OF_RANGE";
        QTest::newRow("the oldest sample") << "oldest"
                                           << "OK";
        QTest::newRow("the newest sample") << "newest"
                                           << "OK";
        QTest::newRow("just after the newest") << "after"
                                               << "OUT_OF_RANGE";
        QTest::newRow("in the future") << "future"
                                       << "OUT_OF_RANGE";
        QTest::newRow("1970") << "epoch"
                              << "OUT_OF_RANGE";
    }

    void outOfRangeStatesTheKeptSpan()
    {
        QFETCH(QString, when);
        QFETCH(QString, code);
        v1::Timeline kept;
        QVERIFY(timeline(*m_client, m_start, m_start, &kept).ok());
        const std::int64_t now = m_server->simulation()->simTimeMs();
        QCOMPARE(kept.kept_to_ms(), now); // the clock moved in whole minutes
        QVERIFY(kept.kept_from_ms() <= now - 7 * kDay + 15 * kMinute);
        const std::int64_t at = when == "before" ? kept.kept_from_ms() - 1
            : when == "oldest"                   ? kept.kept_from_ms()
            : when == "newest"                   ? kept.kept_to_ms()
            : when == "after"                    ? kept.kept_to_ms() + 1
            : when == "future"                   ? now + 3600000
                                                 : 0;
        const auto replay = metricsAt(*m_client, at);
        QCOMPARE(codeName(replay.status), code);
        if (replay.status.ok()) {
            QCOMPARE(replay.parts.front().sample_time_ms(), at);
            return;
        }
        QVERIFY(replay.parts.empty());
        QCOMPARE(replay.trailer("cpn-kept-from-ms"), std::to_string(kept.kept_from_ms()));
        QCOMPARE(replay.trailer("cpn-kept-to-ms"), std::to_string(kept.kept_to_ms()));
        QVERIFY2(replay.status.error_message().find(std::to_string(kept.kept_from_ms())) != std::string::npos,
            replay.status.error_message().c_str());
    }

    // The hub is ONLINE at the sample before the outage and OFFLINE from the one it went down at;
    // nothing else changed. Live metrics carry no status.
    void statusesReplayTheHubOutage()
    {
        QCOMPARE(m_outageMs % kMinute, std::int64_t(0));
        QVERIFY(m_outageMs > m_start);
        for (const std::int64_t at : { m_outageMs - 1, m_outageMs, m_outageMs + 3 * kMinute, m_start - 3 * kDay }) {
            const auto replay = metricsAt(*m_client, at);
            QVERIFY2(replay.status.ok(), replay.status.error_message().c_str());
            const auto batch = replay.joined();
            const bool down = at >= m_outageMs;
            for (const auto& m : batch.sites()) {
                const auto expected = down && m.site_id() == m_hub ? v1::SITE_STATUS_OFFLINE : v1::SITE_STATUS_ONLINE;
                QVERIFY2(m.status() == expected,
                    qPrintable(QStringLiteral("%1 at %2: %3")
                                   .arg(QString::fromStdString(m.site_id()))
                                   .arg(at - m_start)
                                   .arg(int(m.status()))));
            }
            for (const auto& m : batch.links())
                QCOMPARE(m.status(), v1::LINK_STATUS_UP);
            if (down) // an offline site draws nothing
                QCOMPARE(siteIn(batch, m_hub)->power_mw(), 0.0);
        }
        QCOMPARE(m_snapshot.site_metrics(0).status(), v1::SITE_STATUS_UNSPECIFIED);
    }

    void timelineListsWhatWasActive()
    {
        auto has = [](const v1::Timeline& t, const std::string& code, const std::string& source) {
            return std::any_of(t.alarms().begin(), t.alarms().end(),
                [&](const v1::Alarm& a) { return a.code() == code && a.source_id() == source; });
        };
        auto hasMigration = [](const v1::Timeline& t, const std::string& id) {
            return std::any_of(t.migrations().begin(), t.migrations().end(), [&](auto& m) { return m.id() == id; });
        };
        const std::int64_t now = m_server->simulation()->simTimeMs();
        v1::Timeline all;
        QVERIFY(timeline(*m_client, m_start, now, &all).ok());
        QVERIFY(has(all, "SITE_OFFLINE", m_hub));
        QVERIFY(hasMigration(all, m_migration.id()));
        QVERIFY(!all.truncated());
        QCOMPARE(all.fine_step_ms(), kMinute);
        QCOMPARE(all.coarse_step_ms(), 15 * kMinute);
        QCOMPARE(all.kept_to_ms(), now);
        QVERIFY(all.fine_from_ms() > all.kept_from_ms() && all.fine_from_ms() <= now - kDay + kMinute);
        for (const auto& m : all.migrations())
            if (m.id() == m_migration.id())
                QCOMPARE(m.state(), m_migration.state()); // its latest state
        QVERIFY(std::is_sorted(all.alarms().begin(), all.alarms().end(),
            [](auto& a, auto& b) { return a.raised_time_ms() < b.raised_time_ms(); }));

        // The moment the hub went down, and an hour before the start: the alarm only in the first.
        v1::Timeline outage;
        QVERIFY(timeline(*m_client, m_outageMs, m_outageMs, &outage).ok());
        QVERIFY(has(outage, "SITE_OFFLINE", m_hub));
        QVERIFY(!hasMigration(outage, m_migration.id())); // created later
        v1::Timeline before;
        QVERIFY(timeline(*m_client, m_start - kDay, m_outageMs - 1, &before).ok());
        QVERIFY(!has(before, "SITE_OFFLINE", m_hub));
        QVERIFY(!hasMigration(before, m_migration.id()));
        // After the migration ended, it is gone; the outage (3 hours) goes on.
        v1::Timeline after;
        QVERIFY(timeline(*m_client, m_migration.updated_time_ms() + 1, now, &after).ok());
        QVERIFY(!hasMigration(after, m_migration.id()));
        QVERIFY(has(after, "SITE_OFFLINE", m_hub));
    }

    void badTimelineRequests_data()
    {
        QTest::addColumn<qint64>("from");
        QTest::addColumn<qint64>("to");
        QTest::addColumn<QString>("code");
        QTest::newRow("to before from") << qint64(2000) << qint64(1000) << "INVALID_ARGUMENT";
        QTest::newRow("negative from") << qint64(-1) << qint64(1000) << "INVALID_ARGUMENT";
        QTest::newRow("both negative") << qint64(-2000) << qint64(-1000) << "INVALID_ARGUMENT";
        QTest::newRow("one moment, long ago") << qint64(1000) << qint64(1000) << "OK";
    }

    void badTimelineRequests()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(QString, code);
        v1::Timeline answer;
        const auto status = timeline(*m_client, from, to, &answer);
        QCOMPARE(codeName(status), code);
        if (status.ok()) {
            QCOMPARE(answer.alarms_size(), 0);
            QVERIFY(answer.kept_to_ms() > answer.kept_from_ms()); // the span whatever was asked
        } else {
            QVERIFY(!status.error_message().empty());
        }
    }

    void aViewerMayReplay()
    {
        auto options = manualOptions(5);
        options.serving.tokens = { { server::Role::Viewer, "view-secret" } };
        const auto server = startServer(options);
        QVERIFY(server);
        const Client viewer(server->address(), "view-secret");
        const Client nobody(server->address());
        const std::int64_t now = server->simulation()->simTimeMs();
        QVERIFY(metricsAt(viewer, now).status.ok());
        v1::Timeline answer;
        QVERIFY(timeline(viewer, now - kDay, now, &answer).ok());
        QCOMPARE(codeName(metricsAt(nobody, now).status), QStringLiteral("UNAUTHENTICATED"));
        QCOMPARE(codeName(timeline(nobody, now - kDay, now, &answer)), QStringLiteral("UNAUTHENTICATED"));
    }

    void partsOfALargeNetwork_data()
    {
        QTest::addColumn<int>("scale");
        QTest::newRow("large") << int(mock::Scale::Large);
        if (qEnvironmentVariableIntValue("CPN_TEST_HUGE"))
            QTest::newRow("huge") << int(mock::Scale::Huge);
    }

    void partsOfALargeNetwork()
    {
        QFETCH(int, scale);
        auto options = manualOptions(7);
        options.scale = mock::Scale(scale);
        const auto server = startServer(options);
        QVERIFY(server);
        const Client client(server->address());
        const auto snapshot = client.snapshot();
        const std::int64_t now = server->simulation()->simTimeMs();
        for (const std::int64_t at : { now - kMinute / 2, now - 2 * kDay }) {
            const std::int64_t sample = at == now - kMinute / 2 ? now - kMinute : now - 2 * kDay;
            Replay replay;
            double fastest = 1e9;
            for (int i = 0; i < 3; ++i) { // the first call warms the channel up
                replay = metricsAt(client, at);
                fastest = std::min(fastest, replay.wallMs);
            }
            QVERIFY2(replay.status.ok(), replay.status.error_message().c_str());
            const auto problem = checkParts(replay, snapshot, sample);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
            qInfo("%s, %s: %zu parts, %.2f MB, %.1f ms from request to the last part (fastest of 3)",
                mock::scaleName(options.scale), at == now - kMinute / 2 ? "fine" : "coarse", replay.parts.size(),
                double(replay.bytes) / 1e6, fastest);
        }
    }

    // Over the last hours (backfilled and live minutes, the hub's outage among them): each site's
    // figures are those worked out from QueryHistory; a region's PFLOPS in use are its
    // utilisation times its installed PFLOPS, step by step.
    void capacityReportAgreesWithQueryHistory()
    {
        const std::int64_t now = m_server->simulation()->simTimeMs();
        const std::int64_t from = now - 3 * 3600000;
        const auto report = capacityReport(*m_client, from, now, 6);
        QVERIFY2(report.status.ok(), report.status.error_message().c_str());
        const auto whole = report.joined();
        QCOMPARE(whole.requested_from_ms(), from);
        QCOMPARE(whole.requested_to_ms(), now);
        QCOMPARE(whole.covered_from_ms(), from);
        QCOMPARE(whole.covered_to_ms(), now);
        QCOMPARE(whole.generated_time_ms(), now);
        QCOMPARE(whole.samples(), 181u); // every minute of three hours, both ends
        QCOMPARE(whole.sites_size(), m_snapshot.sites_size());

        std::map<std::string, const v1::Site*> sites;
        for (const auto& site : m_snapshot.sites())
            sites[site.id()] = &site;
        // The hub that went down, a hydro and a coal province, a cluster in the west, an edge site.
        std::vector<std::string> ids { m_hub, "rg-kunming", "rg-tianjin", "cl-zhongwei" };
        for (const auto& site : m_snapshot.sites())
            if (site.tier() == v1::SITE_TIER_EDGE) {
                ids.push_back(site.id());
                break;
            }
        const std::map<std::string, double> factors { { "YN", 0.1073 }, { "TJ", 0.7041 }, { "NX", 0.5857 } };
        for (const auto& id : ids) {
            QVERIFY2(sites.count(id), id.c_str());
            const auto* got = siteIn(whole, id);
            QVERIFY2(got, id.c_str());
            const auto& province = sites[id]->province();
            const double factor = factors.count(province) ? factors.at(province) : server::gridEmissionFactor(province);
            QCOMPARE(got->grid_factor_kg_per_kwh(), factor);
            const auto e = expectedSite(*m_client, id, from, now, factor);
            QCOMPARE(e.samples, std::size_t(whole.samples()));
            const auto what = QString::fromStdString(id);
            QVERIFY2(near(got->mean_utilisation(), e.mean, 1e-4), qPrintable(what + " mean"));
            QVERIFY2(near(got->peak_utilisation(), e.peak, 1e-4), qPrintable(what + " peak"));
            QVERIFY2(near(got->end_utilisation(), e.end, 1e-4), qPrintable(what + " end"));
            QVERIFY2(near(got->energy_mwh(), e.energyMwh, 1e-4), qPrintable(what + " energy"));
            QVERIFY2(near(got->cost_cny(), e.costCny, 1e-4), qPrintable(what + " cost"));
            QVERIFY2(near(got->pue(), e.pue, 1e-4), qPrintable(what + " pue"));
            QVERIFY2(near(got->green_share(), e.green, 1e-4), qPrintable(what + " green"));
            QVERIFY2(near(got->carbon_t(), e.carbonT, 1e-4), qPrintable(what + " carbon"));
            QVERIFY(got->energy_mwh() > 0);
            QVERIFY(got->carbon_t() < got->energy_mwh()); // under 1 t per MWh
            QCOMPARE(got->architectures_size(), sites[id]->capacity_size());
            for (const auto& arch : got->architectures()) {
                const auto metric = std::string("utilisation:") + server::architectureMetricName(arch.architecture());
                double peak = 0;
                for (const auto& p : history(*m_client, id, metric, from, now))
                    peak = std::max(peak, p.value());
                QVERIFY2(near(arch.peak_utilisation(), peak, 1e-4), qPrintable(what + " " + metric.c_str()));
                QVERIFY(arch.mean_utilisation() <= arch.peak_utilisation() + 1e-9);
            }
            QVERIFY(got->racks_in_use() > 0 && got->racks_in_use() <= sites[id]->racks_built());
            QVERIFY(got->storage_used_pb() > 0 && got->storage_used_pb() <= sites[id]->storage_pb());
            QVERIFY(got->tolerant_pflops_used() >= got->training_pflops_used());
        }
        // The hub drew nothing while it was down: less energy than at its power of now all along.
        const auto* hub = siteIn(whole, m_hub);
        QVERIFY(hub->energy_mwh() > 0);

        QCOMPARE(whole.regions_size(), m_snapshot.regions_size());
        for (const auto& series : whole.regions()) {
            double installed = 0;
            for (const auto& site : m_snapshot.sites())
                if (site.region_id() == series.region_id())
                    for (const auto& c : site.capacity())
                        installed += c.pflops();
            QVERIFY(near(series.installed_pflops(), installed, 1e-3));
            QCOMPARE(series.used_pflops_size(), 6);
            const std::int64_t step = series.used_pflops(1).time_ms() - series.used_pflops(0).time_ms();
            QCOMPARE(step, (now - from) / 6 + 1);
            const auto utilisation = history(*m_client, series.region_id(), "utilisation", from, now, step);
            QCOMPARE(utilisation.size(), std::size_t(6));
            for (int i = 0; i < 6; ++i) {
                QCOMPARE(series.used_pflops(i).time_ms(), utilisation[std::size_t(i)].time_ms());
                QVERIFY2(near(series.used_pflops(i).value(), utilisation[std::size_t(i)].value() * installed, 1e-3),
                    qPrintable(QString::fromStdString(series.region_id())));
            }
        }
    }

    void badCapacityReportRequests_data()
    {
        QTest::addColumn<qint64>("from"); // from now
        QTest::addColumn<qint64>("to");
        QTest::addColumn<int>("points");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty span") << qint64(0) << qint64(0) << 0 << "INVALID_ARGUMENT";
        QTest::newRow("reversed") << qint64(0) << qint64(-kDay) << 0 << "INVALID_ARGUMENT";
        QTest::newRow("one point") << qint64(-kDay) << qint64(0) << 1 << "INVALID_ARGUMENT";
        QTest::newRow("1001 points") << qint64(-kDay) << qint64(0) << 1001 << "INVALID_ARGUMENT";
        QTest::newRow("negative points") << qint64(-kDay) << qint64(0) << -5 << "INVALID_ARGUMENT";
        QTest::newRow("two points") << qint64(-kDay) << qint64(0) << 2 << "OK";
        QTest::newRow("1000 points") << qint64(-kDay) << qint64(0) << 1000 << "OK";
        QTest::newRow("default points") << qint64(-kDay) << qint64(0) << 0 << "OK";
        QTest::newRow("fifty years back to a century on")
            << qint64(-50 * 365 * kDay) << qint64(36500 * kDay) << 0 << "OK";
        QTest::newRow("before what is kept") << qint64(-30 * kDay) << qint64(-20 * kDay) << 0 << "OUT_OF_RANGE";
        QTest::newRow("after now") << qint64(kMinute) << qint64(kDay) << 0 << "OUT_OF_RANGE";
    }

    void badCapacityReportRequests()
    {
        QFETCH(qint64, from);
        QFETCH(qint64, to);
        QFETCH(int, points);
        QFETCH(QString, code);
        const std::int64_t now = m_server->simulation()->simTimeMs();
        const auto report = capacityReport(*m_client, now + from, now + to, points);
        QCOMPARE(codeName(report.status), code);
        if (!report.status.ok()) {
            QVERIFY(report.parts.empty());
            QVERIFY(!report.status.error_message().empty());
            if (code == "OUT_OF_RANGE") { // the kept range stated, as GetMetricsAt states it
                v1::Timeline kept;
                QVERIFY(timeline(*m_client, now, now, &kept).ok());
                QCOMPARE(report.trailer("cpn-kept-from-ms"), std::to_string(kept.kept_from_ms()));
                QCOMPARE(report.trailer("cpn-kept-to-ms"), std::to_string(kept.kept_to_ms()));
                QVERIFY2(report.status.error_message().find(std::to_string(kept.kept_from_ms())) != std::string::npos,
                    report.status.error_message().c_str());
            }
            return;
        }
        const auto whole = report.joined();
        // Covered: what is kept of the span.
        QVERIFY(whole.covered_from_ms() >= now + from);
        QCOMPARE(whole.covered_to_ms(), now);
        for (const auto& series : whole.regions())
            QVERIFY(series.used_pflops_size() <= (points == 0 ? 96 : points) && series.used_pflops_size() >= 2);
    }

    // A week at national scale (coarse and fine samples): every site once, in parts within 4 MB
    // that all say when the report was made, the first with the fields that are not lists; the
    // figures as a ministry report expects them.
    void nationalWeekHasEverySite()
    {
        const std::int64_t now = m_server->simulation()->simTimeMs();
        const auto report = capacityReport(*m_client, now - 7 * kDay, now);
        QVERIFY2(report.status.ok(), report.status.error_message().c_str());
        QVERIFY(!report.parts.empty());
        for (const auto& part : report.parts) {
            QVERIFY(part.ByteSizeLong() < kMaxMessageBytes);
            QCOMPARE(part.generated_time_ms(), now);
        }
        const auto whole = report.joined();
        QVERIFY(whole.covered_from_ms() > now - 7 * kDay - 15 * kMinute);
        QVERIFY(whole.covered_from_ms() <= now - 6 * kDay);
        QVERIFY(whole.samples() > 1440 && whole.samples() < 1440 + 7 * 96);
        std::set<std::string> seen;
        double built = 0;
        double inUse = 0;
        double energy = 0;
        int busy = 0;
        for (const auto& site : whole.sites()) {
            QVERIFY2(seen.insert(site.site_id()).second, site.site_id().c_str());
            busy += site.mean_utilisation() > 0; // a small edge site may have had no work all week
            QVERIFY2(site.mean_utilisation() >= 0 && site.mean_utilisation() <= site.peak_utilisation() + 1e-9,
                qPrintable(QStringLiteral("%1: %2, peak %3")
                               .arg(QString::fromStdString(site.site_id()))
                               .arg(site.mean_utilisation())
                               .arg(site.peak_utilisation())));
            QVERIFY(site.pue() >= 1 && site.pue() < 2);
            QVERIFY(site.green_share() >= 0 && site.green_share() <= 1);
            QVERIFY(site.cost_cny() > 0);
            QVERIFY(std::fabs(site.utilisation_growth_per_day()) < 0.5);
            energy += site.energy_mwh();
        }
        for (const auto& site : m_snapshot.sites()) {
            QVERIFY2(seen.count(site.id()), site.id().c_str());
            QVERIFY(site.racks_built() > 0);
            QVERIFY(site.storage_pb() > 0);
            built += site.racks_built();
            const auto* got = siteIn(whole, site.id());
            inUse += got->racks_in_use();
            if (site.id() == "cl-zhongwei") // DOMAIN.md: 76.7 %, drifting slowly
                QVERIFY(std::fabs(double(got->racks_in_use()) / site.racks_built() - 0.767) < 0.03);
        }
        QVERIFY(energy > 0);
        QVERIFY(busy > whole.sites_size() * 9 / 10);
        const double occupancy = inUse / built; // hubs and clusters hold most racks, at 65 % and more
        QVERIFY2(occupancy > 0.55 && occupancy < 0.8, qPrintable(QString::number(occupancy)));
        QCOMPARE(whole.regions_size(), m_snapshot.regions_size());
    }

    void aViewerMayReport()
    {
        auto options = manualOptions(5);
        options.serving.tokens = { { server::Role::Viewer, "view-secret" } };
        const auto server = startServer(options);
        QVERIFY(server);
        const Client viewer(server->address(), "view-secret");
        const Client nobody(server->address());
        const std::int64_t now = server->simulation()->simTimeMs();
        const auto report = capacityReport(viewer, now - kDay, now);
        QVERIFY2(report.status.ok(), report.status.error_message().c_str());
        QCOMPARE(codeName(capacityReport(nobody, now - kDay, now).status), QStringLiteral("UNAUTHENTICATED"));
    }

    void statusLogKeepsChanges()
    {
        mock::StatusLog log;
        log.reset(1000, { 1, 1, 1 });
        log.update(2000, { 1, 4, 1 });
        log.update(2400, { 1, 4, 1 }); // nothing new
        log.update(2600, { 1, 1, 3 });
        QCOMPARE(log.changeCount(), std::size_t(3));
        QCOMPARE(log.at(500), (std::vector<std::uint8_t> { 1, 1, 1 })); // before the base: as at it
        QCOMPARE(log.at(1999), (std::vector<std::uint8_t> { 1, 1, 1 }));
        QCOMPARE(log.at(2000), (std::vector<std::uint8_t> { 1, 4, 1 }));
        QCOMPARE(log.at(5000), (std::vector<std::uint8_t> { 1, 1, 3 }));
        // Over [1800, 2800): entity 1 was 4 for 600 ms of 1000; entity 2 was 3 for 200.
        QCOMPARE(log.heldLongest(1800, 2800), (std::vector<std::uint8_t> { 1, 4, 1 }));
        QCOMPARE(log.heldLongest(1800, 2300), (std::vector<std::uint8_t> { 1, 4, 1 }));
        QCOMPARE(log.heldLongest(2500, 4000), (std::vector<std::uint8_t> { 1, 1, 3 }));
        log.forgetBefore(2500);
        QCOMPARE(log.changeCount(), std::size_t(2));
        QCOMPARE(log.at(2000), (std::vector<std::uint8_t> { 1, 4, 1 }));
        QCOMPARE(log.at(2700), (std::vector<std::uint8_t> { 1, 1, 3 }));
    }

private:
    std::unique_ptr<mock::MockServer> m_server;
    std::unique_ptr<Client> m_client;
    std::int64_t m_start = 0;
    std::int64_t m_outageMs = 0;
    std::string m_hub;
    v1::Migration m_migration;
    v1::Snapshot m_snapshot;
};

QTEST_GUILESS_MAIN(TestReplay)
#include "tst_replay.moc"
