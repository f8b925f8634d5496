#include "metrichistory.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>

namespace cpn::server {

namespace {

double levels(const HistoryPlane& plane)
{
    return plane.wide ? 65535.0 : 255.0;
}

std::size_t width(const HistoryPlane& plane)
{
    return plane.wide ? 2 : 1;
}

std::int64_t floorDiv(std::int64_t a, std::int64_t b)
{
    return a >= 0 ? a / b : (a - b + 1) / b;
}

} // namespace

MetricHistory::MetricHistory(std::vector<HistoryPlane> planes, Tier fine, Tier coarse)
    : m_planes(std::move(planes))
{
    allocate(m_fine, fine);
    allocate(m_coarse, coarse);
    m_bucketSum.resize(m_planes.size());
    m_levelsPerUnit.resize(m_planes.size());
    for (std::size_t p = 0; p < m_planes.size(); ++p) {
        const auto& plane = m_planes[p];
        m_bucketSum[p].assign(plane.scale.size(), 0.0f);
        for (const float scale : plane.scale)
            m_levelsPerUnit[p].push_back(
                scale > 0 && plane.hi > plane.lo ? levels(plane) / ((plane.hi - plane.lo) * scale) : 0);
    }
}

std::size_t MetricHistory::frameBytes(const std::vector<HistoryPlane>& planes)
{
    std::size_t bytes = sizeof(std::int64_t);
    for (const auto& p : planes)
        bytes += p.scale.size() * width(p);
    return bytes;
}

std::pair<MetricHistory::Tier, MetricHistory::Tier> MetricHistory::fitTiers(
    std::size_t frameBytes, std::size_t budget, Tier fine, Tier coarse)
{
    constexpr std::int64_t kHourMs = 3600000;
    frameBytes = std::max<std::size_t>(1, frameBytes);
    const auto minFine = std::size_t(std::max<std::int64_t>(1, kHourMs / std::max<std::int64_t>(1, fine.stepMs)));
    fine.frames = std::clamp<std::size_t>(budget / frameBytes, std::min(minFine, fine.frames), fine.frames);
    const std::size_t left = budget - std::min(budget, fine.frames * frameBytes);
    const std::size_t coveringFine
        = fine.frames * std::size_t(fine.stepMs) / std::size_t(std::max<std::int64_t>(1, coarse.stepMs)) + 1;
    coarse.frames = std::clamp<std::size_t>(left / frameBytes, std::min(coveringFine, coarse.frames), coarse.frames);
    return { fine, coarse };
}

void MetricHistory::allocate(Ring& ring, Tier tier) const
{
    tier.frames = std::max<std::size_t>(1, tier.frames);
    tier.stepMs = std::max<std::int64_t>(1, tier.stepMs);
    ring.tier = tier;
    ring.times.assign(tier.frames, 0);
    ring.data.resize(m_planes.size());
    for (std::size_t p = 0; p < m_planes.size(); ++p)
        ring.data[p].assign(tier.frames * m_planes[p].scale.size() * width(m_planes[p]), 0);
}

std::size_t MetricHistory::bytes() const
{
    std::size_t total = 0;
    for (const Ring* ring : { &m_fine, &m_coarse }) {
        total += ring->times.size() * sizeof(std::int64_t);
        for (const auto& d : ring->data)
            total += d.size();
    }
    return total;
}

double MetricHistory::quantisationError(std::size_t plane, std::size_t channel) const
{
    const auto& p = m_planes[plane];
    return (p.hi - p.lo) * p.scale[channel] / levels(p) / 2;
}

void MetricHistory::store(Ring& ring, std::int64_t timeMs, const Frame& frame) const
{
    for (std::size_t p = 0; p < m_planes.size() && p < frame.size(); ++p) {
        const auto& plane = m_planes[p];
        const auto& perUnit = m_levelsPerUnit[p];
        const std::size_t channels = plane.scale.size();
        const double top = levels(plane);
        const double bottom = plane.hi > plane.lo ? plane.lo / (plane.hi - plane.lo) * top : 0;
        std::uint8_t* out = ring.data[p].data() + ring.next * channels * width(plane);
        const std::size_t n = std::min(channels, frame[p].size());
        for (std::size_t c = 0; c < channels; ++c) {
            double level = c < n ? double(frame[p][c]) * perUnit[c] - bottom : 0;
            level = level > 0 ? std::min(level, top) : 0; // also NaN
            const auto q = std::uint16_t(level + 0.5);
            if (plane.wide)
                std::memcpy(out + 2 * c, &q, 2);
            else
                out[c] = std::uint8_t(q);
        }
    }
    ring.times[ring.next] = timeMs;
    ring.next = (ring.next + 1) % ring.tier.frames;
    ring.filled = std::min(ring.filled + 1, ring.tier.frames);
}

void MetricHistory::record(std::int64_t timeMs, const Frame& frame)
{
    std::unique_lock lock(*m_lock);
    store(m_fine, timeMs, frame);
    const std::int64_t bucket = floorDiv(timeMs, m_coarse.tier.stepMs) * m_coarse.tier.stepMs;
    if (m_bucketFrames > 0 && bucket != m_bucketStartMs)
        flushBucket();
    m_bucketStartMs = bucket;
    ++m_bucketFrames;
    for (std::size_t p = 0; p < m_bucketSum.size() && p < frame.size(); ++p) {
        auto& sum = m_bucketSum[p];
        const std::size_t n = std::min(sum.size(), frame[p].size());
        for (std::size_t c = 0; c < n; ++c)
            sum[c] += frame[p][c];
    }
}

void MetricHistory::flushBucket()
{
    const float share = 1.0f / float(m_bucketFrames);
    for (auto& plane : m_bucketSum)
        for (auto& v : plane)
            v *= share;
    store(m_coarse, m_bucketStartMs, m_bucketSum);
    for (auto& plane : m_bucketSum)
        std::fill(plane.begin(), plane.end(), 0.0f);
    m_bucketFrames = 0;
}

void MetricHistory::recordCoarse(std::int64_t bucketStartMs, const Frame& frame)
{
    std::unique_lock lock(*m_lock);
    store(m_coarse, bucketStartMs, frame);
}

void MetricHistory::recordPast(std::int64_t timeMs, const Frame& frame)
{
    std::unique_lock lock(*m_lock);
    store(m_fine, timeMs, frame);
}

double MetricHistory::value(const Ring& ring, std::size_t slot, std::uint32_t plane, std::uint32_t channel) const
{
    const auto& p = m_planes[plane];
    const std::size_t channels = p.scale.size();
    const std::uint8_t* in = ring.data[plane].data() + (slot * channels + channel) * width(p);
    std::uint16_t q = 0;
    if (p.wide)
        std::memcpy(&q, in, 2);
    else
        q = *in;
    return (p.lo + (p.hi - p.lo) * q / levels(p)) * p.scale[channel];
}

double MetricHistory::combine(const Ring& ring, std::size_t slot, const HistorySeries& series) const
{
    double sum = 0;
    double weights = 0;
    double plainSum = 0; // a Mean with static weights only, when the dynamic ones are all zero
    double plainWeights = 0;
    double best = -std::numeric_limits<double>::infinity();
    for (const auto& term : series.terms) {
        const double v = value(ring, slot, term.plane, term.channel);
        switch (series.combine) {
        case HistorySeries::Combine::Sum:
            sum += term.weight * v;
            break;
        case HistorySeries::Combine::Max:
            best = std::max(best, term.weight * v);
            break;
        case HistorySeries::Combine::Mean: {
            double w = term.weight;
            plainSum += w * v;
            plainWeights += w;
            if (series.weightPlane >= 0)
                w *= value(ring, slot, std::uint32_t(series.weightPlane), term.weightChannel);
            sum += w * v;
            weights += w;
            break;
        }
        }
    }
    switch (series.combine) {
    case HistorySeries::Combine::Sum:
        return sum;
    case HistorySeries::Combine::Max:
        return series.terms.empty() ? 0 : best;
    case HistorySeries::Combine::Mean:
        break;
    }
    if (weights > 0)
        return sum / weights;
    return plainWeights > 0 ? plainSum / plainWeights : 0;
}

void MetricHistory::collect(const Ring& ring, const HistorySeries& series, std::int64_t fromMs, std::int64_t toMs,
    std::vector<TimedSample>& out) const
{
    const std::size_t frames = ring.tier.frames;
    const std::size_t oldest = (ring.next + frames - ring.filled) % frames;
    for (std::size_t i = 0; i < ring.filled; ++i) {
        const std::size_t slot = (oldest + i) % frames;
        const std::int64_t t = ring.times[slot];
        if (t >= fromMs && t <= toMs)
            out.push_back({ t, combine(ring, slot, series), ring.tier.stepMs });
    }
}

std::int64_t MetricHistory::oldestTime(const Ring& ring)
{
    return ring.times[(ring.next + ring.tier.frames - ring.filled) % ring.tier.frames];
}

std::int64_t MetricHistory::newestTime(const Ring& ring)
{
    return ring.times[(ring.next + ring.tier.frames - 1) % ring.tier.frames];
}

std::optional<std::size_t> MetricHistory::slotAtOrBefore(const Ring& ring, std::int64_t timeMs)
{
    // Times increase from the oldest slot on: a binary search over the frames' order.
    const std::size_t frames = ring.tier.frames;
    const std::size_t oldest = (ring.next + frames - ring.filled) % frames;
    std::size_t lo = 0;
    std::size_t hi = ring.filled; // the first frame after timeMs is in [lo, hi]
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (ring.times[(oldest + mid) % frames] <= timeMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo == 0)
        return std::nullopt;
    return (oldest + lo - 1) % frames;
}

MetricHistory::Span MetricHistory::span() const
{
    std::shared_lock lock(*m_lock);
    Span span;
    if (m_fine.filled == 0 && m_coarse.filled == 0)
        return span;
    if (m_fine.filled > 0) {
        span.fineFromMs = oldestTime(m_fine);
        span.toMs = newestTime(m_fine);
        span.fromMs = m_coarse.filled > 0 ? std::min(oldestTime(m_coarse), span.fineFromMs) : span.fineFromMs;
    } else {
        span.fromMs = oldestTime(m_coarse);
        span.toMs = newestTime(m_coarse);
        span.fineFromMs = span.toMs + 1;
    }
    return span;
}

bool MetricHistory::frameAt(std::int64_t timeMs, Frame* frame, std::int64_t* sampleTimeMs, std::int64_t* stepMs) const
{
    std::shared_lock lock(*m_lock);
    const Ring* ring = &m_fine;
    auto slot = slotAtOrBefore(m_fine, timeMs);
    if (!slot) {
        ring = &m_coarse;
        slot = slotAtOrBefore(m_coarse, m_fine.filled > 0 ? std::min(timeMs, oldestTime(m_fine) - 1) : timeMs);
    }
    if (!slot)
        return false;
    *sampleTimeMs = ring->times[*slot];
    if (stepMs)
        *stepMs = ring->tier.stepMs;
    frame->resize(m_planes.size());
    for (std::size_t p = 0; p < m_planes.size(); ++p)
        dequantise(*ring, *slot, p, (*frame)[p]);
    return true;
}

void MetricHistory::dequantise(const Ring& ring, std::size_t slot, std::size_t p, std::vector<float>& out) const
{
    const auto& plane = m_planes[p];
    const std::size_t channels = plane.scale.size();
    const std::uint8_t* in = ring.data[p].data() + slot * channels * width(plane);
    const double step = (plane.hi - plane.lo) / levels(plane);
    out.resize(channels);
    for (std::size_t c = 0; c < channels; ++c) {
        std::uint16_t q = 0;
        if (plane.wide)
            std::memcpy(&q, in + 2 * c, 2);
        else
            q = in[c];
        out[c] = float((plane.lo + step * q) * plane.scale[c]);
    }
}

std::size_t MetricHistory::slotOf(const Ring& ring, std::size_t index)
{
    return (ring.next + ring.tier.frames - ring.filled + index) % ring.tier.frames;
}

std::int64_t MetricHistory::timeOf(const Ring& ring, std::size_t index)
{
    return ring.times[slotOf(ring, index)];
}

std::size_t MetricHistory::framesBefore(const Ring& ring, std::int64_t timeMs)
{
    std::size_t lo = 0;
    std::size_t hi = ring.filled;
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (timeOf(ring, mid) < timeMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

bool MetricHistory::nextWalked(
    std::int64_t timeMs, std::int64_t toMs, const Ring** ring, std::size_t* slot, WalkedFrame* walked) const
{
    constexpr std::int64_t kNever = std::numeric_limits<std::int64_t>::max();
    const std::int64_t oldestFine = m_fine.filled > 0 ? oldestTime(m_fine) : kNever;
    // A coarse frame before the oldest fine one, else a fine one; each stands until the next.
    const std::size_t c = framesBefore(m_coarse, timeMs);
    if (c < m_coarse.filled && timeOf(m_coarse, c) < oldestFine) {
        const std::int64_t t = timeOf(m_coarse, c);
        if (t > toMs)
            return false;
        const std::int64_t next = c + 1 < m_coarse.filled ? std::min(timeOf(m_coarse, c + 1), oldestFine) : oldestFine;
        *ring = &m_coarse;
        *slot = slotOf(m_coarse, c);
        *walked = { t, next == kNever ? m_coarse.tier.stepMs : std::min(m_coarse.tier.stepMs, next - t), true };
        return true;
    }
    const std::size_t f = framesBefore(m_fine, timeMs);
    if (f >= m_fine.filled || timeOf(m_fine, f) > toMs)
        return false;
    const std::int64_t t = timeOf(m_fine, f);
    *ring = &m_fine;
    *slot = slotOf(m_fine, f);
    *walked = { t, f + 1 < m_fine.filled ? std::min(m_fine.tier.stepMs, timeOf(m_fine, f + 1) - t) : m_fine.tier.stepMs,
        false };
    return true;
}

std::size_t MetricHistory::walk(
    std::int64_t fromMs, std::int64_t toMs, const std::vector<std::uint32_t>& planes, const WalkVisit& visit) const
{
    Frame frame(m_planes.size());
    std::vector<std::uint32_t> wanted;
    for (const auto p : planes)
        if (p < m_planes.size())
            wanted.push_back(p);
    std::size_t visited = 0;
    std::int64_t at = fromMs;
    for (;;) {
        WalkedFrame walked;
        {
            std::shared_lock lock(*m_lock);
            const Ring* ring = nullptr;
            std::size_t slot = 0;
            if (!nextWalked(at, toMs, &ring, &slot, &walked))
                break;
            for (const auto p : wanted)
                dequantise(*ring, slot, p, frame[p]);
        }
        ++visited;
        if (!visit(walked, frame) || walked.timeMs == std::numeric_limits<std::int64_t>::max())
            break;
        at = walked.timeMs + 1;
    }
    return visited;
}

std::vector<HistorySample> MetricHistory::query(
    const HistorySeries& series, std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs) const
{
    std::shared_lock lock(*m_lock);
    for (const auto& term : series.terms)
        if (term.plane >= m_planes.size() || term.channel >= m_planes[term.plane].scale.size()
            || (series.weightPlane >= 0
                && (std::size_t(series.weightPlane) >= m_planes.size()
                    || term.weightChannel >= m_planes[std::size_t(series.weightPlane)].scale.size())))
            return {};
    std::vector<TimedSample> samples;
    if (m_fine.filled > 0) {
        const std::size_t oldestFine = (m_fine.next + m_fine.tier.frames - m_fine.filled) % m_fine.tier.frames;
        collect(m_coarse, series, fromMs, std::min(toMs, m_fine.times[oldestFine] - 1), samples);
    } else {
        collect(m_coarse, series, fromMs, toMs, samples);
    }
    collect(m_fine, series, fromMs, toMs, samples);

    std::vector<HistorySample> out;
    if (stepMs <= m_fine.tier.stepMs) {
        out.reserve(samples.size());
        for (const auto& s : samples)
            out.push_back({ s.timeMs, s.value });
        return out;
    }
    std::int64_t currentBucket = -1;
    double sum = 0;
    double duration = 0;
    auto flush = [&] {
        if (duration > 0)
            out.push_back({ fromMs + currentBucket * stepMs, sum / duration });
    };
    for (const auto& s : samples) {
        const std::int64_t b = (s.timeMs - fromMs) / stepMs;
        if (b != currentBucket) {
            flush();
            currentBucket = b;
            sum = 0;
            duration = 0;
        }
        sum += s.value * double(s.durationMs);
        duration += double(s.durationMs);
    }
    flush();
    return out;
}

} // namespace cpn::server
