#pragma once
// The network's recorded metrics behind QueryHistory and GetMetricsAt: what each metrics batch
// published, kept in the server's history store (24 h at 1 min, 7 days at 15 min), the week
// before the start backfilled; and the statuses over time. Capacity reports are read from it.

#include "engine.h"
#include "historybackfill.h"
#include "metrichistory.h"
#include "statuslog.h"
#include "world.h"

#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cpn::mock {

// A QueryHistory request resolved against the network: which channels make up its series.
struct HistoryQuery {
    server::HistorySeries series;
    std::string unit;
};

class NetworkHistory {
public:
    explicit NetworkHistory(const World& world);

    // Lays out the store for the network, backfills the past before now, records `latest`.
    void initialise(const cpn::v1::MetricsBatch& latest);
    // Records `latest` at every fine step due by now.
    void record(const cpn::v1::MetricsBatch& latest);

    // Checks the request and resolves it (under the engine's lock: it reads the network).
    grpc::Status resolve(const cpn::v1::QueryHistoryRequest& request, HistoryQuery* query) const;
    // Reads the samples; safe without the engine's lock (the store has its own, and recording
    // does not wait for long readers).
    void answer(const HistoryQuery& query, const cpn::v1::QueryHistoryRequest& request,
        cpn::v1::QueryHistoryResponse* response) const;

    // Replay (see server::Engine); safe without the engine's lock: what they read of the network
    // does not change (ids, installed cards, capacities are copied at initialise()).
    server::KeptSpan keptSpan() const;
    // In slices: the sites, then the links so many at a time (server::Engine::metricsAt).
    grpc::Status metricsAt(std::int64_t timeMs, const server::Engine::MetricsSlices& emit) const;

    // What a capacity report takes of the present, per site (read under the engine's lock).
    struct SiteNow {
        std::uint32_t racksInUse = 0;
        double storageUsedPb = 0;
        double inferencePflops = 0; // held by tasks of each kind, PFLOPS
        double trainingPflops = 0;
        double tolerantPflops = 0;
    };
    // GetCapacityReport (see server::Engine) from the frames kept in the span and `now` (one per
    // site), made at generatedMs; safe without the engine's lock, as replays are (networkreport.cpp).
    grpc::Status capacityReport(const cpn::v1::GetCapacityReportRequest& request, const std::vector<SiteNow>& now,
        std::int64_t generatedMs, cpn::v1::CapacityReport* report, const std::function<bool()>& stop) const;

private:
    // What a replay needs of a site's architecture: its channel and today's cards.
    struct ReplayArch {
        cpn::v1::Architecture architecture;
        std::uint32_t channel;
        std::uint32_t cards;
        double pflopsPerCard;
    };
    std::vector<std::uint8_t> statusesNow() const; // sites, then links

    const World& m_world;
    server::MetricHistory m_store;
    HistoryLayout m_layout;
    std::int64_t m_nextMs = 0; // time of the next fine frame due
    StatusLog m_statuses; // sites, then links
    std::vector<std::string> m_siteIds;
    std::vector<std::string> m_linkIds;
    std::vector<double> m_linkCapacity; // Gbps
    std::vector<std::uint32_t> m_siteArches; // per site, its first ReplayArch; one more at the end
    std::vector<ReplayArch> m_arches;
    // What reports read of the network, which does not change either.
    std::vector<std::uint32_t> m_siteRegion; // region index per site
    std::vector<std::string> m_regionIds;
    std::vector<double> m_gridFactor; // per site, kg CO2 per kWh
    std::vector<std::uint32_t> m_racksBuilt; // per site
    std::vector<double> m_storagePb; // per site
};

} // namespace cpn::mock
