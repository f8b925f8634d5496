// The mock network's shape at every scale: hubs and clusters where they really are, a connected
// graph, latencies from distance, capacities by tier, the west cheaper and greener; the same
// seed gives the same network.

#include "citytables.h"
#include "geo.h"
#include "gridfactors.h"
#include "topology.h"

#include <QTest>

#include <map>
#include <set>

using namespace cpn;
using namespace cpn::mock;

namespace {

Topology build(Scale scale, std::uint64_t seed = 1)
{
    Random random(seed);
    return generateTopology(scale, random);
}

} // namespace

class TestTopology : public QObject {
    Q_OBJECT

private slots:
    // Carbon is counted at the province's grid factor: every province a site is in has one of
    // its own (or its grid's), not the national average a stranger gets.
    void everyProvinceHasAGridFactor()
    {
        const auto topology = build(Scale::Large);
        std::set<std::string> provinces;
        for (const auto& site : topology.sites)
            provinces.insert(site.province());
        QVERIFY(provinces.size() >= 25);
        for (const auto& province : provinces)
            QVERIFY2(server::gridEmissionFactor(province) != server::kGridCarbonKgPerKwh, province.c_str());
    }

    void invariantsHoldAtEveryScale_data()
    {
        QTest::addColumn<QString>("scale");
        QTest::newRow("national") << QStringLiteral("national");
        QTest::newRow("large") << QStringLiteral("large");
        QTest::newRow("huge") << QStringLiteral("huge");
    }
    void invariantsHoldAtEveryScale()
    {
        QFETCH(QString, scale);
        const Scale s = *parseScale(scale.toStdString());
        const Topology t = build(s);
        const ScaleTargets targets = scaleTargets(s);

        // Sizes within 10 % of what the scale promises.
        QVERIFY2(std::abs(int(t.sites.size()) - targets.sites) <= targets.sites / 10,
            qPrintable(QString::number(t.sites.size())));
        QVERIFY2(std::abs(int(t.links.size()) - targets.links) <= targets.links / 10,
            qPrintable(QString::number(t.links.size())));
        QCOMPARE(t.regions.size(), std::size_t(8));

        std::map<std::string, std::uint32_t> index;
        for (std::uint32_t i = 0; i < t.sites.size(); ++i) {
            QVERIFY2(index.emplace(t.sites[i].id(), i).second, t.sites[i].id().c_str());
            QVERIFY(!t.sites[i].name_zh().empty() && !t.sites[i].name_en().empty());
            QVERIFY(t.sites[i].capacity_size() > 0 && t.sites[i].power_capacity_mw() > 0);
        }

        // The 8 hubs and 10 clusters at their real places (DOMAIN.md), whatever the scale.
        int hubs = 0;
        for (const auto& fact : hubFacts()) {
            const auto& site = t.sites.at(index.at(std::string("hub-") + fact.regionId));
            QCOMPARE(site.tier(), v1::SITE_TIER_NATIONAL_HUB);
            QCOMPARE(site.latitude(), fact.latitude);
            QCOMPARE(site.longitude(), fact.longitude);
            ++hubs;
        }
        QCOMPARE(hubs, 8);
        for (const auto& fact : clusterFacts()) {
            const auto& site = t.sites.at(index.at(fact.id));
            QCOMPARE(site.tier(), v1::SITE_TIER_CLUSTER);
            QCOMPARE(site.latitude(), fact.latitude);
            QCOMPARE(site.longitude(), fact.longitude);
            QCOMPARE(site.parent_site_id(), std::string("hub-") + fact.regionId);
        }
        // Spot checks against DOMAIN.md's table.
        QCOMPARE(t.sites.at(index.at("cl-qingyang")).latitude(), 35.71);
        QCOMPARE(t.sites.at(index.at("hub-gz")).longitude(), 106.63);

        // Links: latency is 5 us per km of route plus equipment; the hubs a full mesh within
        // 5..20 ms; every site linked to its parent; capacities fall toward the edge.
        std::set<std::pair<std::string, std::string>> linked;
        std::map<std::uint32_t, std::vector<std::uint32_t>> adjacent;
        int hubLinks = 0;
        double minBackbone = 1e9;
        double maxEdge = 0;
        for (std::size_t l = 0; l < t.links.size(); ++l) {
            const auto& link = t.links[l];
            const auto [a, b] = t.linkEnds[l];
            QCOMPARE(t.sites[a].id(), link.site_a_id());
            QCOMPARE(t.sites[b].id(), link.site_b_id());
            adjacent[a].push_back(b);
            adjacent[b].push_back(a);
            linked.insert(std::minmax(link.site_a_id(), link.site_b_id()));
            const double km = greatCircleKm(
                t.sites[a].latitude(), t.sites[a].longitude(), t.sites[b].latitude(), t.sites[b].longitude());
            QVERIFY(std::abs(link.length_km() - km * kRouteFactor) < 0.1);
            const double fibre = link.length_km() * kFibreMsPerKm;
            QVERIFY2(link.latency_ms() >= fibre + kMetroEquipmentMs - 1e-3
                    && link.latency_ms() <= fibre + kBackboneEquipmentMs + 1e-3,
                link.id().c_str());
            const auto tierA = t.sites[a].tier();
            const auto tierB = t.sites[b].tier();
            if (tierA == v1::SITE_TIER_NATIONAL_HUB && tierB == v1::SITE_TIER_NATIONAL_HUB) {
                ++hubLinks;
                QVERIFY2(link.latency_ms() >= kHubLatencyMinMs && link.latency_ms() <= kHubLatencyMaxMs,
                    qPrintable(QStringLiteral("%1: %2 ms").arg(QString::fromStdString(link.id())).arg(link.latency_ms())));
                QVERIFY(link.capacity_gbps() >= 400);
                minBackbone = std::min(minBackbone, link.capacity_gbps());
            }
            if (tierA == v1::SITE_TIER_EDGE || tierB == v1::SITE_TIER_EDGE) {
                QVERIFY2(link.latency_ms() < 1.0, link.id().c_str()); // inside a metro
                maxEdge = std::max(maxEdge, link.capacity_gbps());
            }
        }
        QCOMPARE(hubLinks, 28);
        QVERIFY(maxEdge < minBackbone);
        for (const auto& site : t.sites) {
            if (site.tier() == v1::SITE_TIER_NATIONAL_HUB)
                continue;
            QVERIFY2(linked.count(std::minmax(site.id(), site.parent_site_id())) == 1, site.id().c_str());
            const auto parentTier = t.sites.at(index.at(site.parent_site_id())).tier();
            if (site.tier() == v1::SITE_TIER_EDGE)
                QCOMPARE(parentTier, v1::SITE_TIER_REGIONAL);
            else
                QCOMPARE(parentTier, v1::SITE_TIER_NATIONAL_HUB);
        }

        // Connected: every site reachable from the first hub.
        std::vector<bool> seen(t.sites.size(), false);
        std::vector<std::uint32_t> frontier { 0 };
        seen[0] = true;
        std::size_t reached = 1;
        while (!frontier.empty()) {
            const auto node = frontier.back();
            frontier.pop_back();
            for (const auto next : adjacent[node])
                if (!seen[next]) {
                    seen[next] = true;
                    ++reached;
                    frontier.push_back(next);
                }
        }
        QCOMPARE(reached, t.sites.size());

        // The west: lower PUE, greener and cheaper power, on average and tier by tier.
        std::map<std::pair<int, bool>, std::array<double, 4>> sums; // (tier, western) -> pue, green, price, n
        for (std::size_t i = 0; i < t.sites.size(); ++i) {
            auto& sum = sums[{ int(t.sites[i].tier()), t.economy[i].western }];
            sum[0] += t.economy[i].basePue;
            sum[1] += t.economy[i].baseGreenShare;
            sum[2] += t.economy[i].basePriceCnyPerKwh;
            sum[3] += 1;
        }
        for (int tier = v1::SITE_TIER_NATIONAL_HUB; tier <= v1::SITE_TIER_EDGE; ++tier) {
            const auto& west = sums[{ tier, true }];
            const auto& east = sums[{ tier, false }];
            QVERIFY2(west[3] > 0 && east[3] > 0, qPrintable(QStringLiteral("tier %1").arg(tier)));
            QVERIFY(west[0] / west[3] < east[0] / east[3]);
            QVERIFY(west[1] / west[3] > east[1] / east[3]);
            QVERIFY(west[2] / west[3] < east[2] / east[3]);
        }
    }

    void sameSeedGivesSameNetwork()
    {
        const Topology a = build(Scale::Large, 11);
        const Topology b = build(Scale::Large, 11);
        const Topology c = build(Scale::Large, 12);
        QCOMPARE(a.sites.size(), b.sites.size());
        QCOMPARE(a.links.size(), b.links.size());
        bool differs = a.sites.size() != c.sites.size();
        for (std::size_t i = 0; i < a.sites.size(); ++i) {
            QCOMPARE(a.sites[i].SerializeAsString(), b.sites[i].SerializeAsString());
            differs = differs || i >= c.sites.size() || a.sites[i].SerializeAsString() != c.sites[i].SerializeAsString();
        }
        for (std::size_t i = 0; i < a.links.size(); ++i)
            QCOMPARE(a.links[i].SerializeAsString(), b.links[i].SerializeAsString());
        QVERIFY(differs);
    }
};

QTEST_GUILESS_MAIN(TestTopology)
#include "tst_topology.moc"
