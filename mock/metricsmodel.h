#pragma once
// The live metrics of sites and links: utilisation from the work running and the hour, power,
// PUE, price and green share, link traffic; one batch per tick, also the newest state.

#include "world.h"

#include "cpn/v1/state.pb.h"

#include <cstddef>
#include <cstdint>

namespace cpn::mock {

class ScenarioPlayer;

class MetricsModel {
public:
    MetricsModel(World& world, const ScenarioPlayer& scenario);

    // Each link's background traffic and noise (draws from the world's random stream).
    void initialiseLinks();
    // Samples every site and link after `seconds` have passed, and emits the batch.
    void update(double seconds);
    // Traffic of links that are down moves to the routes left (after an outage or a repair).
    void rerouteBackgroundTraffic();

    // The newest batch: one entry per site and per link, in topology order.
    const cpn::v1::MetricsBatch& last() const { return m_last; }

private:
    double siteDemand(std::uint32_t site) const; // interactive demand now, ratio 0..1
    double siteActivePflops(std::uint32_t site, std::size_t arch) const;

    World& m_world;
    const ScenarioPlayer& m_scenario;
    cpn::v1::MetricsBatch m_last;
};

} // namespace cpn::mock
