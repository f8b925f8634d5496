#pragma once
// A ring of recent samples of one metric for many entities, all sampled at the same times.

#include <cstdint>
#include <utility>
#include <vector>

namespace cpn::mock {

struct HistorySample {
    std::int64_t timeMs = 0;
    double value = 0;
};

class MetricHistory {
public:
    MetricHistory() = default;
    MetricHistory(std::size_t entityCount, std::size_t frameCount, std::int64_t stepMs);

    std::int64_t stepMs() const { return m_stepMs; }
    std::size_t entityCount() const { return m_entityCount; }

    // Appends one frame: values[i] is entity i's value at timeMs. Times must increase.
    void record(std::int64_t timeMs, const std::vector<float>& values);

    // Entity's samples in [fromMs, toMs]; with stepMs above the native step, the mean of each
    // step-long bucket starting at fromMs (buckets without samples are left out).
    std::vector<HistorySample> query(
        std::size_t entity, std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs) const;

    // Weighted mean of several entities' samples (e.g. the sites of a region).
    std::vector<HistorySample> queryWeighted(const std::vector<std::pair<std::size_t, double>>& entities,
        std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs) const;

private:
    std::vector<HistorySample> bucket(
        const std::vector<HistorySample>& native, std::int64_t fromMs, std::int64_t stepMs) const;

    std::size_t m_entityCount = 0;
    std::size_t m_frameCount = 0;
    std::int64_t m_stepMs = 60000;
    std::vector<float> m_values; // frame-major: frame * entityCount + entity
    std::vector<std::int64_t> m_times; // per frame slot
    std::size_t m_next = 0; // slot the next frame goes to
    std::size_t m_filled = 0; // frames held
};

} // namespace cpn::mock
