#pragma once
// The network's recorded metrics behind QueryHistory: what each metrics batch published, kept in
// the server's history store (24 h at 1 min, 7 days at 15 min), the week before the start
// backfilled.

#include "historybackfill.h"
#include "metrichistory.h"
#include "world.h"

#include "cpn/v1/state.pb.h"

#include <grpcpp/support/status.h>

#include <cstdint>
#include <string>

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

private:
    const World& m_world;
    server::MetricHistory m_store;
    HistoryLayout m_layout;
    std::int64_t m_nextMs = 0; // time of the next fine frame due
};

} // namespace cpn::mock
