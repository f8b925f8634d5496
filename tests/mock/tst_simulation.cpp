// The mock scheduler's engine without a server: determinism, the network's shape, revisions and
// capacity accounting over time. Dispatching: tst_simulationdispatch; gRPC: tst_mockservice.

#include "mocktesthelpers.h"

#include "simulation.h"
#include "topology.h"

#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/io/zero_copy_stream_impl_lite.h>

#include <QTest>

#include <map>
#include <set>

using namespace cpn;
using namespace cpn::testing;
using cpn::mock::Simulation;
using cpn::mock::SimulationOptions;

namespace {

struct Place {
    const char* id;
    double latitude;
    double longitude;
};

// DOMAIN.md: hub centres and the 10 clusters.
const Place kHubs[] = { { "hub-jjj", 39.90, 116.41 }, { "hub-yrd", 31.23, 121.47 }, { "hub-gba", 23.13, 113.26 },
    { "hub-cy", 30.57, 104.07 }, { "hub-nm", 40.84, 111.75 }, { "hub-gz", 26.65, 106.63 }, { "hub-gs", 35.71, 107.64 },
    { "hub-nx", 38.49, 106.23 } };
const Place kClusters[] = { { "cl-zhangjiakou", 40.77, 114.88 }, { "cl-yrd-demo", 31.15, 121.12 },
    { "cl-wuhu", 31.35, 118.43 }, { "cl-shaoguan", 24.81, 113.60 }, { "cl-tianfu", 30.57, 104.07 },
    { "cl-chongqing", 29.56, 106.55 }, { "cl-horinger", 40.38, 111.82 }, { "cl-guian", 26.40, 106.40 },
    { "cl-qingyang", 35.71, 107.64 }, { "cl-zhongwei", 37.51, 105.19 } };

std::string deterministicBytes(const google::protobuf::Message& message)
{
    std::string bytes;
    {
        google::protobuf::io::StringOutputStream stream(&bytes);
        google::protobuf::io::CodedOutputStream coded(&stream);
        coded.SetSerializationDeterministic(true);
        message.SerializeToCodedStream(&coded);
    }
    return bytes;
}

} // namespace

class TestSimulation : public QObject {
    Q_OBJECT

private slots:
    void sameSeedGivesSameStates()
    {
        SimulationOptions options;
        options.seed = 7;
        Simulation a(options);
        Simulation b(options);
        QCOMPARE(deterministicBytes(a.snapshot()), deterministicBytes(b.snapshot()));
        for (int i = 0; i < 30; ++i) {
            a.tick(10);
            b.tick(10);
        }
        QCOMPARE(deterministicBytes(a.snapshot()), deterministicBytes(b.snapshot()));
        const auto eventsA = eventsAfter(a, 1);
        const auto eventsB = eventsAfter(b, 1);
        QCOMPARE(eventsA.size(), eventsB.size());
        QVERIFY(eventsA.size() >= 30);
        for (std::size_t i = 0; i < eventsA.size(); ++i)
            QVERIFY2(
                deterministicBytes(*eventsA[i]) == deterministicBytes(*eventsB[i]), qPrintable(QString::number(i)));
        v1::ListTasksRequest request;
        request.set_page_size(5000);
        v1::ListTasksResponse pageA;
        v1::ListTasksResponse pageB;
        QVERIFY(a.listTasks(request, &pageA).ok());
        QVERIFY(b.listTasks(request, &pageB).ok());
        QCOMPARE(deterministicBytes(pageA), deterministicBytes(pageB));
    }

    void differentSeedGivesDifferentStates()
    {
        SimulationOptions options;
        options.seed = 7;
        Simulation a(options);
        options.seed = 8;
        Simulation b(options);
        a.tick(10);
        b.tick(10);
        QVERIFY(deterministicBytes(a.snapshot()) != deterministicBytes(b.snapshot()));
    }

    void nationalNetworkHasTheDomainShape()
    {
        Simulation simulation;
        const auto snapshot = simulation.snapshot();
        QCOMPARE(snapshot.scale(), std::string("national"));
        QCOMPARE(snapshot.regions_size(), 8);
        QVERIFY2(snapshot.sites_size() >= 270 && snapshot.sites_size() <= 330,
            qPrintable(QString::number(snapshot.sites_size())));
        QVERIFY2(snapshot.links_size() >= 540 && snapshot.links_size() <= 660,
            qPrintable(QString::number(snapshot.links_size())));
        QVERIFY(snapshot.task_count() >= 18000 && snapshot.task_count() <= 22000);
        QCOMPARE(snapshot.site_metrics_size(), snapshot.sites_size());
        QCOMPARE(snapshot.link_metrics_size(), snapshot.links_size());

        std::map<std::string, const v1::Site*> sites;
        for (const auto& site : snapshot.sites()) {
            QVERIFY2(sites.emplace(site.id(), &site).second, site.id().c_str());
            QVERIFY(!site.name_zh().empty() && !site.name_en().empty() && !site.region_id().empty());
        }
        auto expectAt = [&](const Place& place, v1::SiteTier tier) {
            auto it = sites.find(place.id);
            QVERIFY2(it != sites.end(), place.id);
            QCOMPARE(it->second->tier(), tier);
            QCOMPARE(it->second->latitude(), place.latitude);
            QCOMPARE(it->second->longitude(), place.longitude);
        };
        for (const auto& hub : kHubs)
            expectAt(hub, v1::SITE_TIER_NATIONAL_HUB);
        for (const auto& cluster : kClusters)
            expectAt(cluster, v1::SITE_TIER_CLUSTER);
        int hubs = 0;
        int clusters = 0;
        for (const auto& site : snapshot.sites()) {
            hubs += site.tier() == v1::SITE_TIER_NATIONAL_HUB;
            clusters += site.tier() == v1::SITE_TIER_CLUSTER;
        }
        QCOMPARE(hubs, 8);
        QCOMPARE(clusters, 10);
        int western = 0;
        for (const auto& region : snapshot.regions())
            western += region.western();
        QCOMPARE(western, 5);

        // The hubs form a full mesh with inter-hub latencies of 5..20 ms.
        int hubLinks = 0;
        for (const auto& link : snapshot.links()) {
            QVERIFY(link.capacity_gbps() > 0 && link.latency_ms() > 0);
            if (sites.at(link.site_a_id())->tier() == v1::SITE_TIER_NATIONAL_HUB
                && sites.at(link.site_b_id())->tier() == v1::SITE_TIER_NATIONAL_HUB) {
                ++hubLinks;
                QVERIFY2(link.latency_ms() >= 5.0 && link.latency_ms() <= 20.0, link.id().c_str());
                QVERIFY(link.capacity_gbps() >= 1600 && link.capacity_gbps() <= 6400);
            }
        }
        QCOMPARE(hubLinks, 28);

        // Every site reachable from every other.
        std::map<std::string, std::vector<std::string>> adjacent;
        for (const auto& link : snapshot.links()) {
            adjacent[link.site_a_id()].push_back(link.site_b_id());
            adjacent[link.site_b_id()].push_back(link.site_a_id());
        }
        std::set<std::string> seen { snapshot.sites(0).id() };
        std::vector<std::string> frontier { snapshot.sites(0).id() };
        while (!frontier.empty()) {
            const auto site = frontier.back();
            frontier.pop_back();
            for (const auto& next : adjacent[site])
                if (seen.insert(next).second)
                    frontier.push_back(next);
        }
        QCOMPARE(int(seen.size()), snapshot.sites_size());
    }

    void revisionsIncreaseByOnePerEvent()
    {
        Simulation simulation;
        const std::uint64_t start = simulation.snapshot().revision();
        for (int i = 0; i < 20; ++i)
            simulation.tick(30);
        const auto events = eventsAfter(simulation, start);
        QVERIFY(!events.empty());
        std::uint64_t expected = start + 1;
        int metrics = 0;
        std::int64_t lastTime = 0;
        for (const auto& event : events) {
            QCOMPARE(event->revision(), expected++);
            QVERIFY(event->sim_time_ms() >= lastTime);
            lastTime = event->sim_time_ms();
            if (event->has_metrics()) {
                ++metrics;
                QCOMPARE(event->metrics().sites_size(), simulation.snapshot().sites_size());
                QCOMPARE(event->metrics().links_size(), simulation.snapshot().links_size());
            }
        }
        QCOMPARE(metrics, 20); // one batch per tick
        QCOMPARE(simulation.snapshot().revision(), expected - 1);
        QCOMPARE(simulation.snapshot().sim_time_ms(), mock::kSimulationStartMs + 20 * 30000);
    }

    void capacityAccountingHoldsOverTime()
    {
        SimulationOptions options;
        options.seed = 3;
        Simulation simulation(options);
        // Keep migrations in flight too: drain a busy regional site.
        const auto snapshot = simulation.snapshot();
        std::string regional;
        for (const auto& site : snapshot.sites())
            if (site.tier() == v1::SITE_TIER_REGIONAL) {
                regional = site.id();
                break;
            }
        v1::DrainSiteRequest drain;
        drain.set_request_id("drain-accounting");
        drain.set_site_id(regional);
        drain.set_max_concurrent(8);
        v1::DrainSiteResponse drained;
        QVERIFY(simulation.drainSite(drain, "operator", &drained).ok());
        QVERIFY(drained.migrations_size() > 0);

        for (int i = 0; i < 240; ++i) {
            simulation.tick(60);
            if (i % 20 == 0) {
                const auto problems = simulation.checkInvariants();
                QVERIFY2(problems.empty(), problems.c_str());
            }
        }
        const auto after = simulation.snapshot();
        for (int s = 0; s < after.sites_size(); ++s) {
            const auto& site = after.sites(s);
            const auto& metrics = after.site_metrics(s);
            QCOMPARE(metrics.site_id(), site.id());
            QVERIFY(metrics.utilisation() >= 0 && metrics.utilisation() <= 1);
            QVERIFY(metrics.power_mw() > 0 && metrics.pue() >= 1);
            QCOMPARE(metrics.usage_size(), site.capacity_size());
            for (int a = 0; a < site.capacity_size(); ++a) {
                QCOMPARE(metrics.usage(a).architecture(), site.capacity(a).architecture());
                QVERIFY(metrics.usage(a).cards_used() <= site.capacity(a).cards());
                QVERIFY(metrics.usage(a).pflops_used() <= site.capacity(a).pflops() + 1e-6);
            }
        }
        for (int l = 0; l < after.links_size(); ++l) {
            const auto& metrics = after.link_metrics(l);
            QVERIFY(metrics.utilisation() >= 0 && metrics.utilisation() <= 1);
            QVERIFY(
                metrics.throughput_ab_gbps() >= 0 && metrics.throughput_ab_gbps() <= after.links(l).capacity_gbps());
            QVERIFY(
                metrics.throughput_ba_gbps() >= 0 && metrics.throughput_ba_gbps() <= after.links(l).capacity_gbps());
        }
        // Four hours later tasks have come and gone, but the population holds.
        QVERIFY(after.task_count() > 15000 && after.task_count() < 25000);
        int finished = 0;
        for (const auto& m : after.migrations())
            finished += m.state() == v1::MIGRATION_STATE_COMPLETED;
        QVERIFY(finished > 0);
    }
};

QTEST_GUILESS_MAIN(TestSimulation)
#include "tst_simulation.moc"
