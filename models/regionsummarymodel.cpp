#include "regionsummarymodel.h"

#include "domainlabels.h"
#include "networkstate.h"

#include <QHash>

#include <array>

namespace cpn {

namespace {
constexpr int kDefaultRefreshMs = 1000;
}

RegionSummaryModel::RegionSummaryModel(QObject* parent)
    : QObject(parent)
{
    m_throttle.setSingleShot(true);
    m_throttle.setInterval(kDefaultRefreshMs);
    connect(&m_throttle, &QTimer::timeout, this, &RegionSummaryModel::refresh);
}

void RegionSummaryModel::setNetworkState(const NetworkState* state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    if (state) {
        connect(state, &NetworkState::topologyReset, this, &RegionSummaryModel::refresh);
        connect(state, &NetworkState::sitesChanged, this, &RegionSummaryModel::schedule);
    }
    refresh();
}

void RegionSummaryModel::schedule()
{
    if (!m_throttle.isActive())
        m_throttle.start();
}

void RegionSummaryModel::refresh()
{
    m_throttle.stop();
    m_summaries = m_state ? compute(*m_state) : QList<RegionSummary>();
    emit summariesChanged();
}

QList<RegionSummary> RegionSummaryModel::compute(const NetworkState& state)
{
    struct Sums {
        std::array<double, kArchitectureCount> capacity {};
        std::array<double, kArchitectureCount> used {};
        double power = 0;
        double greenPower = 0;
        double puePower = 0;
        double pueWeight = 0; // power of the sites that report a PUE
        int sites = 0;
        int offline = 0;
    };
    const QList<Region>& regions = state.regions();
    QHash<QString, int> regionIndex;
    for (int r = 0; r < regions.size(); ++r)
        regionIndex.insert(regions[r].id, r);
    QList<Sums> sums(regions.size());
    const QList<Site>& sites = state.sites();
    const QList<SiteMetrics>& metrics = state.siteMetrics();
    for (int i = 0; i < sites.size(); ++i) {
        if (state.duplicateOf(i) >= 0)
            continue; // another platform's report of a site counted already
        const int r = regionIndex.value(sites[i].regionId, -1);
        if (r < 0)
            continue;
        Sums& s = sums[r];
        ++s.sites;
        if (sites[i].status == SiteStatus::Offline)
            ++s.offline;
        for (const AcceleratorCapacity& c : sites[i].capacity)
            s.capacity[std::size_t(c.architecture)] += c.pflops;
        const SiteMetrics& m = metrics.at(i);
        for (const AcceleratorUse& u : m.usage)
            s.used[std::size_t(u.architecture)] += u.pflopsUsed;
        s.power += m.powerMw;
        s.greenPower += m.powerMw * m.greenShare;
        if (m.pue > 0) {
            s.puePower += m.powerMw * m.pue;
            s.pueWeight += m.powerMw;
        }
    }
    QList<RegionSummary> out;
    out.reserve(regions.size());
    for (int r = 0; r < regions.size(); ++r) {
        const Sums& s = sums[r];
        RegionSummary summary;
        summary.regionId = regions[r].id;
        summary.name = regionDisplayName(regions[r]);
        summary.western = regions[r].western;
        summary.siteCount = s.sites;
        summary.offlineSites = s.offline;
        for (int a = 0; a < kArchitectureCount; ++a) {
            if (s.capacity[a] <= 0 && s.used[a] <= 0)
                continue;
            summary.accelerators.append({ Architecture(a), s.capacity[a], s.used[a] });
            summary.capacityPflops += s.capacity[a];
            summary.usedPflops += s.used[a];
        }
        summary.powerMw = s.power;
        summary.greenShare = s.power > 0 ? s.greenPower / s.power : 0;
        summary.averagePue = s.pueWeight > 0 ? s.puePower / s.pueWeight : 0;
        out.append(summary);
    }
    return out;
}

} // namespace cpn
