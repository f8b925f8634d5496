#include "metrichistory.h"

#include <algorithm>

namespace cpn::mock {

MetricHistory::MetricHistory(std::size_t entityCount, std::size_t frameCount, std::int64_t stepMs)
    : m_entityCount(entityCount)
    , m_frameCount(std::max<std::size_t>(1, frameCount))
    , m_stepMs(stepMs)
    , m_values(entityCount * m_frameCount, 0.0f)
    , m_times(m_frameCount, 0)
{ }

void MetricHistory::record(std::int64_t timeMs, const std::vector<float>& values)
{
    const std::size_t n = std::min(values.size(), m_entityCount);
    std::copy_n(values.begin(), n, m_values.begin() + std::ptrdiff_t(m_next * m_entityCount));
    m_times[m_next] = timeMs;
    m_next = (m_next + 1) % m_frameCount;
    m_filled = std::min(m_filled + 1, m_frameCount);
}

std::vector<HistorySample> MetricHistory::queryWeighted(const std::vector<std::pair<std::size_t, double>>& entities,
    std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs) const
{
    std::vector<HistorySample> native;
    double totalWeight = 0;
    for (const auto& [entity, weight] : entities)
        if (entity < m_entityCount)
            totalWeight += weight;
    if (totalWeight <= 0)
        return native;
    const std::size_t oldest = (m_next + m_frameCount - m_filled) % m_frameCount;
    for (std::size_t i = 0; i < m_filled; ++i) {
        const std::size_t slot = (oldest + i) % m_frameCount;
        const std::int64_t t = m_times[slot];
        if (t < fromMs || t > toMs)
            continue;
        double sum = 0;
        for (const auto& [entity, weight] : entities)
            if (entity < m_entityCount)
                sum += weight * m_values[slot * m_entityCount + entity];
        native.push_back({ t, sum / totalWeight });
    }
    return stepMs > m_stepMs ? bucket(native, fromMs, stepMs) : native;
}

std::vector<HistorySample> MetricHistory::query(
    std::size_t entity, std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs) const
{
    return queryWeighted({ { entity, 1.0 } }, fromMs, toMs, stepMs);
}

std::vector<HistorySample> MetricHistory::bucket(
    const std::vector<HistorySample>& native, std::int64_t fromMs, std::int64_t stepMs) const
{
    std::vector<HistorySample> out;
    std::int64_t currentBucket = -1;
    double sum = 0;
    int count = 0;
    auto flush = [&] {
        if (count > 0)
            out.push_back({ fromMs + currentBucket * stepMs, sum / count });
    };
    for (const auto& sample : native) {
        const std::int64_t b = (sample.timeMs - fromMs) / stepMs;
        if (b != currentBucket) {
            flush();
            currentBucket = b;
            sum = 0;
            count = 0;
        }
        sum += sample.value;
        ++count;
    }
    flush();
    return out;
}

} // namespace cpn::mock
