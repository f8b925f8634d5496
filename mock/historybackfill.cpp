// The backfilled past of the metric history.

#include "historybackfill.h"

#include "dailycycle.h"

#include <algorithm>
#include <cmath>

namespace cpn::mock {

// A slow random walk in about -1..1, one per entity at its own offset.
class Backfill::Wobble {
public:
    Wobble()
    {
        double v = 0;
        for (std::size_t i = 0; i < kSize; ++i) {
            v = 0.95 * v + 0.3 * (2 * hashUnit(0x5eed, i) - 1);
            m_table[i] = float(std::clamp(v, -1.0, 1.0));
        }
    }
    static std::uint32_t offset(std::uint64_t entity) { return std::uint32_t(mix64(entity) % kSize); }
    float at(std::uint32_t offset, std::int64_t minute) const
    {
        return m_table[(offset + std::uint64_t(minute)) % kSize];
    }

private:
    static constexpr std::size_t kSize = 4096;
    std::array<float, kSize> m_table {};
};

struct Backfill::Site {
    bool west;
    std::uint32_t wobble;
    double utilisation, power, pue, price, green;
};
struct Backfill::Arch {
    std::uint32_t site, plane, channel;
    double utilisation;
};
struct Backfill::Link {
    double base, reverse;
    bool abBusier;
    double capacity, latency;
    std::uint8_t westEnds; // 0, 1 or 2
    std::uint32_t wobble;
};

Backfill::Backfill(const Topology& topology, const std::vector<LinkRuntime>& links, const cpn::v1::MetricsBatch& now,
    const HistoryLayout& layout, std::int64_t nowMs)
    : m_nowMs(nowMs)
    , m_wobble(std::make_unique<const Wobble>())
{
    const std::size_t sites = std::min<std::size_t>(topology.sites.size(), std::size_t(now.sites_size()));
    for (std::uint32_t s = 0; s < sites; ++s) {
        const auto& m = now.sites(int(s));
        m_sites.push_back({ topology.economy[s].western, Wobble::offset(s), m.utilisation(), m.power_mw(), m.pue(),
            m.price_cny_per_kwh(), m.green_share() });
        for (const auto& use : m.usage()) {
            const auto a = std::size_t(use.architecture());
            if (a > 0 && a < layout.archChannel.size() && layout.archChannel[a][s] >= 0)
                m_arches.push_back(
                    { s, std::uint32_t(a - 1), std::uint32_t(layout.archChannel[a][s]), use.utilisation() });
        }
    }
    const std::size_t linkCount = std::min<std::size_t>(links.size(), std::size_t(now.links_size()));
    for (std::uint32_t l = 0; l < linkCount; ++l) {
        const auto [a, b] = topology.linkEnds[l];
        m_links.push_back({ links[l].baseUtilisation, links[l].reverseRatio, links[l].abBusier,
            topology.links[l].capacity_gbps(), topology.links[l].latency_ms(),
            std::uint8_t(topology.economy[a].western + topology.economy[b].western), Wobble::offset(sites + l) });
    }
}

Backfill::~Backfill() = default;

void Backfill::frame(std::int64_t t, server::MetricHistory::Frame& out) const
{
    const double hour = localHour(t);
    const double hourNow = localHour(m_nowMs);
    const std::int64_t minute = t / 60000;
    const std::array<double, 2> demand { demandAt(t, false), demandAt(t, true) };
    const std::array<double, 2> demandNow { demandAt(m_nowMs, false), demandAt(m_nowMs, true) };
    const double warmer = 0.03 * (warmth(hour) - warmth(hourNow));
    const double tariff = tariffFactor(hour) / tariffFactor(hourNow);
    const double sunnier = sunshine(hour) - sunshine(hourNow);
    m_factor.resize(m_sites.size());
    for (std::size_t s = 0; s < m_sites.size(); ++s) {
        const auto& site = m_sites[s];
        const double noise = m_wobble->at(site.wobble, minute);
        const double shape = 0.75 + 0.25 * demand[site.west] / std::max(0.05, demandNow[site.west]);
        m_factor[s] = shape * (1 + 0.03 * noise);
        const double u = std::clamp(site.utilisation * m_factor[s], 0.0, 1.0);
        const double pue = std::max(1.05, site.pue + warmer + 0.004 * noise);
        // IT power follows utilisation (0.3 idle + 0.7 at full load) and the total follows PUE.
        out[kPower][s]
            = float(site.power * (0.3 + 0.7 * u) / (0.3 + 0.7 * site.utilisation) * pue / std::max(1.0, site.pue));
        out[kPue][s] = float(pue);
        out[kPrice][s] = float(site.price * tariff);
        out[kGreen][s] = float(std::clamp(site.green + (site.west ? 0.08 : 0.04) * sunnier, 0.0, 1.0));
    }
    for (const auto& arch : m_arches)
        out[arch.plane][arch.channel] = float(std::min(1.0, arch.utilisation * m_factor[arch.site]));
    const std::array<double, 3> linkDemand { demand[0], 0.5 * (demand[0] + demand[1]), demand[1] };
    for (std::size_t l = 0; l < m_links.size(); ++l) {
        const auto& link = m_links[l];
        const double noise = m_wobble->at(link.wobble, minute);
        const double u = std::clamp(link.base * (0.7 + 0.5 * linkDemand[link.westEnds]) * (1 + 0.1 * noise), 0.0, 0.98);
        const double busy = u * link.capacity;
        out[kLinkAb][l] = float(link.abBusier ? busy : busy * link.reverse);
        out[kLinkBa][l] = float(link.abBusier ? busy * link.reverse : busy);
        const double congestion = std::max(0.0, u - 0.7);
        out[kLinkLatency][l] = float(link.latency * (1 + 0.02 * std::fabs(noise) + 0.6 * congestion * congestion));
    }
}

} // namespace cpn::mock
