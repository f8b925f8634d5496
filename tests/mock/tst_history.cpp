// Metric history: the store (ring wrap, bucket means, quantisation, the coarse tier, combining
// channels) and the simulation's QueryHistory (every metric, region aggregation, live recording,
// bad requests).

#include "mocktesthelpers.h"

#include "metrichistory.h"

#include <limits>

#include <QTest>

#include <algorithm>
#include <cmath>
#include <map>

using namespace cpn;
using namespace cpn::testing;
using cpn::mock::Simulation;
using cpn::server::HistorySample;
using cpn::server::HistorySeries;
using cpn::server::MetricHistory;

namespace {

constexpr std::int64_t kMinute = 60000;

// One plane of `channels` channels in [0, 1] (scaled by `scale`), 16 or 8 bits.
MetricHistory store(
    std::size_t fineFrames, std::size_t coarseFrames, std::size_t channels = 1, bool wide = true, float scale = 1)
{
    server::HistoryPlane plane { 0, 1, wide, std::vector<float>(channels, scale) };
    return MetricHistory({ plane }, { kMinute, fineFrames }, { 15 * kMinute, coarseFrames });
}

HistorySeries channel(std::uint32_t c, std::uint32_t plane = 0)
{
    HistorySeries series;
    series.terms.push_back({ plane, c, 1.0, 0 });
    return series;
}

std::vector<HistorySample> query(const Simulation& simulation, const std::string& entity, const std::string& metric,
    std::int64_t from, std::int64_t to, std::int64_t step = 0, std::string* unit = nullptr)
{
    v1::QueryHistoryRequest request;
    request.set_entity_id(entity);
    request.set_metric(metric);
    request.set_from_ms(from);
    request.set_to_ms(to);
    request.set_step_ms(step);
    v1::QueryHistoryResponse response;
    const auto status = simulation.queryHistory(request, &response);
    if (!status.ok())
        qWarning("%s %s: %s", entity.c_str(), metric.c_str(), status.error_message().c_str());
    if (unit)
        *unit = response.unit();
    std::vector<HistorySample> samples;
    for (const auto& p : response.points())
        samples.push_back({ p.time_ms(), p.value() });
    return samples;
}

double lastValue(const Simulation& simulation, const std::string& entity, const std::string& metric)
{
    const auto now = simulation.simTimeMs();
    const auto samples = query(simulation, entity, metric, now, now);
    return samples.empty() ? std::nan("") : samples.back().value;
}

} // namespace

class TestHistory : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        mock::SimulationOptions options;
        options.seed = 3;
        m_simulation = std::make_unique<Simulation>(options);
        m_snapshot = m_simulation->snapshot();
    }

    void ringWrapsKeepingTheNewest()
    {
        auto history = store(10, 100);
        for (int m = 0; m < 25; ++m)
            history.record(m * kMinute, { { float(m) / 100 } });
        const auto fine = history.query(channel(0), 15 * kMinute, 24 * kMinute, 0);
        QCOMPARE(fine.size(), std::size_t(10));
        for (std::size_t i = 0; i < fine.size(); ++i) {
            QCOMPARE(fine[i].timeMs, std::int64_t(15 + i) * kMinute);
            QVERIFY(std::fabs(fine[i].value - (15.0 + i) / 100) <= history.quantisationError(0, 0) + 1e-7);
        }
        // Before the oldest fine frame: the completed coarse bucket [0, 15) min, as its mean.
        const auto all = history.query(channel(0), 0, 24 * kMinute, 0);
        QCOMPARE(all.size(), std::size_t(11));
        QCOMPARE(all.front().timeMs, std::int64_t(0));
        QVERIFY(std::fabs(all.front().value - 0.07) <= history.quantisationError(0, 0) + 1e-6);
    }

    void bucketMeans_data()
    {
        QTest::addColumn<int>("stepMinutes");
        QTest::addColumn<int>("fromMinute");
        QTest::newRow("5 min from 0") << 5 << 0;
        QTest::newRow("7 min from 3") << 7 << 3;
        QTest::newRow("1 h") << 60 << 0;
    }

    void bucketMeans()
    {
        QFETCH(int, stepMinutes);
        QFETCH(int, fromMinute);
        auto history = store(120, 10);
        for (int m = 0; m < 60; ++m)
            history.record(m * kMinute, { { float(m % 10) / 10 } });
        const auto points = history.query(channel(0), fromMinute * kMinute, 59 * kMinute, stepMinutes * kMinute);
        const int buckets = (59 - fromMinute) / stepMinutes + 1;
        QCOMPARE(int(points.size()), buckets);
        for (int b = 0; b < buckets; ++b) {
            const int first = fromMinute + b * stepMinutes;
            const int last = std::min(59, first + stepMinutes - 1);
            double sum = 0;
            for (int m = first; m <= last; ++m)
                sum += (m % 10) / 10.0;
            QCOMPARE(points[b].timeMs, std::int64_t(first) * kMinute);
            QVERIFY2(std::fabs(points[b].value - sum / (last - first + 1)) <= history.quantisationError(0, 0) + 1e-6,
                qPrintable(QString::number(points[b].value)));
        }
    }

    void quantisationErrorIsBounded_data()
    {
        QTest::addColumn<bool>("wide");
        QTest::addColumn<float>("scale");
        QTest::newRow("16 bits, ratio") << true << 1.0f;
        QTest::newRow("8 bits, 400 Gbps") << false << 400.0f;
    }

    void quantisationErrorIsBounded()
    {
        QFETCH(bool, wide);
        QFETCH(float, scale);
        auto history = store(200, 10, 1, wide, scale);
        const double bound = history.quantisationError(0, 0);
        QVERIFY(bound > 0);
        QVERIFY(bound <= scale / (wide ? 65535.0 : 255.0) / 2 + 1e-9);
        std::vector<double> written;
        for (int m = 0; m < 200; ++m) {
            written.push_back(scale * mock::hashUnit(42, std::uint64_t(m)));
            history.record(m * kMinute, { { float(written.back()) } });
        }
        const auto points = history.query(channel(0), 0, 200 * kMinute, 0);
        QCOMPARE(points.size(), written.size());
        double worst = 0;
        for (std::size_t i = 0; i < points.size(); ++i)
            worst = std::max(worst, std::fabs(points[i].value - written[i]));
        QVERIFY2(worst <= bound + 1e-6 * scale, qPrintable(QStringLiteral("%1 > %2").arg(worst).arg(bound)));
        // Out of range: clamped to the range's ends.
        history.record(201 * kMinute, { { -5.0f } });
        history.record(202 * kMinute, { { 3 * scale } });
        const auto ends = history.query(channel(0), 201 * kMinute, 202 * kMinute, 0);
        QCOMPARE(ends.size(), std::size_t(2));
        QCOMPARE(ends[0].value, 0.0);
        QCOMPARE(ends[1].value, double(scale));
    }

    // Past the fine tier's reach, 15-min means; with a coarse-only past filled first.
    void coarseTierBeyondTheFineSpan()
    {
        auto history = store(60, 100);
        history.recordCoarse(-30 * kMinute, { { 0.25f } });
        history.recordCoarse(-15 * kMinute, { { 0.5f } });
        for (int m = 0; m < 180; ++m)
            history.record(m * kMinute, { { float(m) / 200 } });
        const auto points = history.query(channel(0), -60 * kMinute, 180 * kMinute, 0);
        // 2 backfilled + 8 complete buckets of 0..120 min + 60 fine frames.
        QCOMPARE(points.size(), std::size_t(2 + 8 + 60));
        QCOMPARE(points[0].timeMs, -30 * kMinute);
        QVERIFY(std::fabs(points[1].value - 0.5) <= history.quantisationError(0, 0));
        for (int b = 0; b < 8; ++b) {
            QCOMPARE(points[2 + b].timeMs, std::int64_t(b) * 15 * kMinute);
            QVERIFY(std::fabs(points[2 + b].value - (b * 15 + 7) / 200.0) <= history.quantisationError(0, 0) + 1e-6);
        }
        QCOMPARE(points[10].timeMs, 120 * kMinute);
        // A bucket mean over both tiers weighs each sample by the time it stands for.
        const auto hours = history.query(channel(0), 0, 179 * kMinute, 60 * kMinute);
        QCOMPARE(hours.size(), std::size_t(3));
        for (int h = 0; h < 3; ++h)
            QVERIFY2(std::fabs(hours[h].value - (h * 60 + 29.5) / 200) <= 0.0001,
                qPrintable(QString::number(hours[h].value)));
    }

    // A moment's frame: the newest fine frame at or before it, else the coarse bucket before the
    // oldest fine frame; nothing before the oldest coarse one.
    void frameAtReadsTheNewestAtOrBefore()
    {
        server::HistoryPlane ratio { 0, 1, true, { 1, 1 } };
        server::HistoryPlane gbps { 0, 1, false, { 400 } };
        MetricHistory history({ ratio, gbps }, { kMinute, 30 }, { 15 * kMinute, 100 });
        QVERIFY(history.span().empty());
        MetricHistory::Frame frame;
        std::int64_t at = 0;
        std::int64_t step = 0;
        QVERIFY(!history.frameAt(0, &frame, &at));
        history.recordCoarse(-15 * kMinute, { { 0.5f, 0.25f }, { 100 } });
        for (int m = 0; m < 60; ++m)
            history.record(m * kMinute, { { float(m) / 100, 1 - float(m) / 100 }, { float(4 * m) } });
        const auto span = history.span();
        QCOMPARE(span.fromMs, -15 * kMinute);
        QCOMPARE(span.toMs, 59 * kMinute);
        QCOMPARE(span.fineFromMs, 30 * kMinute);

        QVERIFY(history.frameAt(45 * kMinute + 59999, &frame, &at, &step));
        QCOMPARE(at, 45 * kMinute);
        QCOMPARE(step, kMinute);
        QCOMPARE(frame.size(), std::size_t(2));
        QCOMPARE(frame[0].size(), std::size_t(2));
        QVERIFY(std::fabs(frame[0][0] - 0.45) <= history.quantisationError(0, 0) + 1e-6);
        QVERIFY(std::fabs(frame[0][1] - 0.55) <= history.quantisationError(0, 1) + 1e-6);
        QVERIFY(std::fabs(frame[1][0] - 180) <= history.quantisationError(1, 0) + 1e-4);
        QVERIFY(history.frameAt(1000 * kMinute, &frame, &at)); // after the newest: the newest
        QCOMPARE(at, 59 * kMinute);
        // Before the oldest fine frame (30 min): the means of [15, 30) and [0, 15) min.
        QVERIFY(history.frameAt(30 * kMinute - 1, &frame, &at, &step));
        QCOMPARE(at, 15 * kMinute);
        QCOMPARE(step, 15 * kMinute);
        QVERIFY(std::fabs(frame[0][0] - 0.22) <= history.quantisationError(0, 0) + 1e-6);
        QVERIFY(history.frameAt(0, &frame, &at));
        QCOMPARE(at, std::int64_t(0));
        QVERIFY(history.frameAt(-1, &frame, &at));
        QCOMPARE(at, -15 * kMinute);
        QVERIFY(std::fabs(frame[1][0] - 100) <= history.quantisationError(1, 0) + 1e-4);
        QVERIFY(!history.frameAt(-15 * kMinute - 1, &frame, &at));
    }

    void channelsCombine()
    {
        // Plane 0: values; plane 1: weights (power, say).
        server::HistoryPlane values { 0, 1, true, { 1, 1, 1 } };
        server::HistoryPlane weights { 0, 100, true, { 1, 1, 1 } };
        MetricHistory history({ values, weights }, { kMinute, 10 }, { 15 * kMinute, 10 });
        history.record(0, { { 0.2f, 0.4f, 0.9f }, { 10, 30, 0 } });
        HistorySeries series;
        for (std::uint32_t c = 0; c < 3; ++c)
            series.terms.push_back({ 0, c, 1.0, c });
        auto at = [&](const HistorySeries& s) { return history.query(s, 0, 0, 0).at(0).value; };
        series.combine = HistorySeries::Combine::Sum;
        QVERIFY(std::fabs(at(series) - 1.5) < 1e-4);
        series.combine = HistorySeries::Combine::Max;
        QVERIFY(std::fabs(at(series) - 0.9) < 1e-4);
        series.combine = HistorySeries::Combine::Mean;
        QVERIFY(std::fabs(at(series) - 0.5) < 1e-4);
        series.weightPlane = 1;
        QVERIFY(std::fabs(at(series) - (0.2 * 10 + 0.4 * 30) / 40) < 1e-4);
    }

    void everyMetricHasAWeekOfPlausibleHistory_data()
    {
        QTest::addColumn<QString>("entity"); // site, link, region
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("unit");
        QTest::addColumn<double>("low");
        QTest::addColumn<double>("high");
        QTest::newRow("site utilisation") << "site"
                                          << "utilisation"
                                          << "ratio" << 0.0 << 1.0;
        QTest::newRow("site power") << "site"
                                    << "power_mw"
                                    << "MW" << 0.01 << 5000.0;
        QTest::newRow("site pue") << "site"
                                  << "pue"
                                  << "ratio" << 1.0 << 2.0;
        QTest::newRow("site price") << "site"
                                    << "price_cny_per_kwh"
                                    << "CNY/kWh" << 0.05 << 3.0;
        QTest::newRow("site green share") << "site"
                                          << "green_share"
                                          << "ratio" << 0.0 << 1.0;
        QTest::newRow("link utilisation") << "link"
                                          << "utilisation"
                                          << "ratio" << 0.0 << 1.0;
        QTest::newRow("link a-b") << "link"
                                  << "throughput_ab_gbps"
                                  << "Gbps" << 0.0 << 1e5;
        QTest::newRow("link b-a") << "link"
                                  << "throughput_ba_gbps"
                                  << "Gbps" << 0.0 << 1e5;
        QTest::newRow("link latency") << "link"
                                      << "latency_ms"
                                      << "ms" << 0.01 << 100.0;
        QTest::newRow("region utilisation") << "region"
                                            << "utilisation"
                                            << "ratio" << 0.0 << 1.0;
        QTest::newRow("region nvidia") << "region"
                                       << "utilisation:nvidia_gpu"
                                       << "ratio" << 0.0 << 1.0;
        QTest::newRow("region power") << "region"
                                      << "power_mw"
                                      << "MW" << 1.0 << 1e5;
        QTest::newRow("region green share") << "region"
                                            << "green_share"
                                            << "ratio" << 0.0 << 1.0;
    }

    void everyMetricHasAWeekOfPlausibleHistory()
    {
        QFETCH(QString, entity);
        QFETCH(QString, metric);
        QFETCH(QString, unit);
        QFETCH(double, low);
        QFETCH(double, high);
        const std::string id = entity == "site" ? m_snapshot.sites(0).id()
            : entity == "link"                  ? m_snapshot.links(0).id()
                                                : m_snapshot.regions(0).id();
        const auto now = m_snapshot.sim_time_ms();
        std::string gotUnit;
        const auto day = query(*m_simulation, id, metric.toStdString(), now - 24 * 3600000LL, now, 0, &gotUnit);
        QCOMPARE(QString::fromStdString(gotUnit), unit);
        QVERIFY2(day.size() >= 1440, qPrintable(QString::number(day.size())));
        const auto week = query(*m_simulation, id, metric.toStdString(), now - 7 * 24 * 3600000LL, now);
        QVERIFY2(week.size() >= 1440 + 6 * 96 - 2, qPrintable(QString::number(week.size())));
        QVERIFY(std::is_sorted(week.begin(), week.end(), [](auto& a, auto& b) { return a.timeMs < b.timeMs; }));
        double lowest = week.front().value;
        double highest = lowest;
        for (const auto& p : week) {
            QVERIFY2(p.value >= low && p.value <= high, qPrintable(QString::number(p.value)));
            lowest = std::min(lowest, p.value);
            highest = std::max(highest, p.value);
        }
        // A day has a shape: not a flat line (prices: the tariff; others: demand, sun, heat).
        QVERIFY2(highest - lowest > 0.01 * std::max(1e-3, highest),
            qPrintable(QStringLiteral("%1..%2").arg(lowest).arg(highest)));
        // Hourly means of the day.
        const auto hourly = query(*m_simulation, id, metric.toStdString(), now - 24 * 3600000LL, now, 3600000);
        QVERIFY(hourly.size() >= 24 && hourly.size() <= 25);
    }

    // Derived series agree with the stored ones: a site's utilisation is its architectures'
    // PFLOPS-weighted mean, a link's is the busier direction, a region adds power and weighs PUE by it.
    void derivedSeriesAgree()
    {
        std::map<std::string, double> power;
        std::map<std::string, double> pue;
        double utilisationSum = 0;
        double pflopsSum = 0;
        const auto& region = m_snapshot.regions(1).id();
        std::vector<std::string> sites;
        for (const auto& site : m_snapshot.sites())
            if (site.region_id() == region)
                sites.push_back(site.id());
        QVERIFY(!sites.empty());
        for (const auto& site : m_snapshot.sites()) {
            if (site.region_id() != region)
                continue;
            double siteSum = 0;
            double sitePflops = 0;
            for (const auto& c : site.capacity()) {
                const std::string arch = c.architecture() == v1::ARCHITECTURE_NVIDIA_GPU ? "nvidia_gpu"
                    : c.architecture() == v1::ARCHITECTURE_ASCEND                        ? "ascend"
                    : c.architecture() == v1::ARCHITECTURE_HYGON_DCU                     ? "hygon_dcu"
                    : c.architecture() == v1::ARCHITECTURE_CAMBRICON_MLU                 ? "cambricon_mlu"
                    : c.architecture() == v1::ARCHITECTURE_KUNLUNXIN                     ? "kunlunxin"
                                                                                         : "cpu";
                siteSum += c.pflops() * lastValue(*m_simulation, site.id(), "utilisation:" + arch);
                sitePflops += c.pflops();
            }
            QVERIFY2(sitePflops > 0, site.id().c_str());
            QVERIFY(std::fabs(lastValue(*m_simulation, site.id(), "utilisation") - siteSum / sitePflops) < 1e-3);
            utilisationSum += siteSum;
            pflopsSum += sitePflops;
            power[site.id()] = lastValue(*m_simulation, site.id(), "power_mw");
            pue[site.id()] = lastValue(*m_simulation, site.id(), "pue");
        }
        QVERIFY(std::fabs(lastValue(*m_simulation, region, "utilisation") - utilisationSum / pflopsSum) < 1e-3);
        double totalPower = 0;
        double weightedPue = 0;
        for (const auto& [id, p] : power) {
            totalPower += p;
            weightedPue += p * pue[id];
        }
        QVERIFY(std::fabs(lastValue(*m_simulation, region, "power_mw") - totalPower) < 1e-3 * totalPower);
        QVERIFY(std::fabs(lastValue(*m_simulation, region, "pue") - weightedPue / totalPower) < 1e-3);

        const auto& link = m_snapshot.links(1);
        const double busier = std::max(lastValue(*m_simulation, link.id(), "throughput_ab_gbps"),
                                  lastValue(*m_simulation, link.id(), "throughput_ba_gbps"))
            / link.capacity_gbps();
        QVERIFY(std::fabs(lastValue(*m_simulation, link.id(), "utilisation") - busier) < 1e-3);
    }

    // Live ticks are recorded once a minute with what the metrics said.
    void liveMetricsAreRecorded()
    {
        mock::SimulationOptions options;
        options.seed = 4;
        Simulation simulation(options);
        const auto start = simulation.simTimeMs();
        for (int i = 0; i < 12; ++i)
            simulation.tick(15);
        const auto snapshot = simulation.snapshot();
        const auto& site = snapshot.site_metrics(2);
        const auto& link = snapshot.link_metrics(2);
        const auto power = query(simulation, site.site_id(), "power_mw", start + 1, simulation.simTimeMs());
        QCOMPARE(power.size(), std::size_t(3)); // minutes 1, 2 and 3
        QCOMPARE(power.back().timeMs, simulation.simTimeMs());
        QVERIFY(std::fabs(power.back().value - site.power_mw()) < 1e-3 * site.power_mw() + 1e-3);
        QVERIFY(
            std::fabs(lastValue(simulation, site.site_id(), "price_cny_per_kwh") - site.price_cny_per_kwh()) < 1e-4);
        QVERIFY(std::fabs(lastValue(simulation, link.link_id(), "latency_ms") - link.latency_ms())
            < 0.01 * link.latency_ms());
        QVERIFY(std::fabs(lastValue(simulation, link.link_id(), "utilisation") - link.utilisation()) < 0.005);
    }

    void badRequests_data()
    {
        QTest::addColumn<QString>("entity");
        QTest::addColumn<QString>("metric");
        QTest::addColumn<qint64>("span");
        QTest::addColumn<qint64>("step");
        QTest::addColumn<QString>("code");
        QTest::newRow("empty entity") << ""
                                      << "utilisation" << qint64(kMinute) << qint64(0) << "INVALID_ARGUMENT";
        QTest::newRow("unknown entity") << "no-such"
                                        << "utilisation" << qint64(kMinute) << qint64(0) << "NOT_FOUND";
        QTest::newRow("unknown metric") << "site"
                                        << "happiness" << qint64(kMinute) << qint64(0) << "INVALID_ARGUMENT";
        QTest::newRow("unknown architecture")
            << "site"
            << "utilisation:tpu" << qint64(kMinute) << qint64(0) << "INVALID_ARGUMENT";
        QTest::newRow("link metric of a site") << "site"
                                               << "latency_ms" << qint64(kMinute) << qint64(0) << "INVALID_ARGUMENT";
        QTest::newRow("site metric of a link") << "link"
                                               << "pue" << qint64(kMinute) << qint64(0) << "INVALID_ARGUMENT";
        QTest::newRow("architecture not installed") << "site"
                                                    << "missing-arch" << qint64(kMinute) << qint64(0) << "NOT_FOUND";
        QTest::newRow("to before from") << "site"
                                        << "utilisation" << qint64(-1) << qint64(0) << "INVALID_ARGUMENT";
        QTest::newRow("negative step") << "site"
                                       << "utilisation" << qint64(kMinute) << qint64(-1) << "INVALID_ARGUMENT";
        QTest::newRow("too many points") << "site"
                                         << "utilisation" << qint64(400LL * 24 * 3600000) << qint64(2 * kMinute)
                                         << "INVALID_ARGUMENT";
        QTest::newRow("a year at the native step")
            << "site"
            << "utilisation" << qint64(365LL * 24 * 3600000) << qint64(0) << "OK";
    }

    // The whole of int64 at a step that keeps the points few: refused, not a range that wraps
    // round (which the fuzzer's undefined-behaviour check caught).
    void timesBeforeTheEpochAreRefused()
    {
        v1::QueryHistoryRequest request;
        request.set_entity_id(m_snapshot.sites(0).id());
        request.set_metric("utilisation");
        request.set_from_ms(std::numeric_limits<std::int64_t>::min());
        request.set_to_ms(std::numeric_limits<std::int64_t>::max());
        request.set_step_ms(1'000'000'000'000);
        v1::QueryHistoryResponse response;
        QCOMPARE(codeName(m_simulation->queryHistory(request, &response)), QStringLiteral("INVALID_ARGUMENT"));
        QCOMPARE(response.points_size(), 0);
    }

    void badRequests()
    {
        QFETCH(QString, entity);
        QFETCH(QString, metric);
        QFETCH(qint64, span);
        QFETCH(qint64, step);
        QFETCH(QString, code);
        v1::Site site = m_snapshot.sites(0);
        if (metric == "missing-arch") // a site without some architecture
            for (const auto& s : m_snapshot.sites())
                if (s.capacity_size() < 6) {
                    site = s;
                    break;
                }
        std::string metricName = metric.toStdString();
        if (metric == "missing-arch") {
            std::set<int> installed;
            for (const auto& c : site.capacity())
                installed.insert(c.architecture());
            const char* names[] = { "", "nvidia_gpu", "ascend", "hygon_dcu", "cambricon_mlu", "kunlunxin", "cpu" };
            for (int a = 1; a <= 6 && metricName == "missing-arch"; ++a)
                if (!installed.count(a))
                    metricName = std::string("utilisation:") + names[a];
            QVERIFY2(metricName != "missing-arch", "no site lacks an architecture: nothing to ask for");
        }
        v1::QueryHistoryRequest request;
        request.set_entity_id(entity == "site" ? site.id()
                : entity == "link"             ? m_snapshot.links(0).id()
                                               : entity.toStdString());
        request.set_metric(metricName);
        request.set_to_ms(m_snapshot.sim_time_ms());
        request.set_from_ms(m_snapshot.sim_time_ms() - span);
        request.set_step_ms(step);
        v1::QueryHistoryResponse response;
        const auto status = m_simulation->queryHistory(request, &response);
        QCOMPARE(codeName(status), code);
        if (code == "INVALID_ARGUMENT" && metric == "happiness")
            QVERIFY2(status.error_message().find("cambricon_mlu") != std::string::npos
                    && status.error_message().find("throughput_ab_gbps") != std::string::npos,
                status.error_message().c_str()); // says what is kept
        if (!status.ok())
            QVERIFY(!status.error_message().empty());
    }

private:
    std::unique_ptr<Simulation> m_simulation;
    v1::Snapshot m_snapshot;
};

QTEST_GUILESS_MAIN(TestHistory)
#include "tst_history.moc"
