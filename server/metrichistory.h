#pragma once
// The history store behind QueryHistory: recent samples of many metrics of many entities, all
// sampled at the same times, quantised to 8 or 16 bits: a fine tier (24 h at 1 min) and a coarse
// tier of bucket means (7 days at 15 min) for the older past. What the planes and channels mean
// is the engine's business.

#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <utility>
#include <vector>

namespace cpn::server {

struct HistorySample {
    std::int64_t timeMs = 0;
    double value = 0;
};

// One metric of a set of entities ("channels"). A channel's value is stored as a fraction of
// [lo, hi] * scale[channel] (its own capacity, say), so the quantisation error is at most half a
// step: (hi - lo) * scale / (2^bits - 1) / 2. Values outside the range are clamped.
struct HistoryPlane {
    double lo = 0;
    double hi = 1;
    bool wide = true; // 16 bits, else 8
    std::vector<float> scale; // one per channel: the plane's channel count
};

// A series read from the history: the channels of `terms` combined per sample time.
struct HistorySeries {
    enum class Combine { Mean, Sum, Max };
    struct Term {
        std::uint32_t plane = 0;
        std::uint32_t channel = 0;
        double weight = 1;
        std::uint32_t weightChannel = 0; // channel of weightPlane, when one is set
    };
    Combine combine = Combine::Mean; // Mean: weighted mean; Sum, Max: of weight * value
    std::vector<Term> terms;
    std::int32_t weightPlane = -1; // >= 0: a Mean's weights are also multiplied by this plane's values
};

// record() and query() may run on different threads: queries do not hold up recording for long.
class MetricHistory {
public:
    using Frame = std::vector<std::vector<float>>; // [plane][channel]

    struct Tier {
        std::int64_t stepMs = 60000;
        std::size_t frames = 1;
    };

    // What the store holds: frames from fromMs to toMs, the fine ones from fineFromMs (a coarse
    // frame's time is its bucket's start). Empty before the first frame.
    struct Span {
        std::int64_t fromMs = 0;
        std::int64_t toMs = -1;
        std::int64_t fineFromMs = 0;
        bool empty() const { return toMs < fromMs; }
    };

    MetricHistory() = default;
    MetricHistory(std::vector<HistoryPlane> planes, Tier fine, Tier coarse);

    // Bytes one frame of these planes takes (both tiers store frames alike).
    static std::size_t frameBytes(const std::vector<HistoryPlane>& planes);
    // The tiers shortened to fit `budget` bytes of frames: the fine tier first (at least an hour
    // of it), the coarse tier with what is left, never shorter than the fine span.
    static std::pair<Tier, Tier> fitTiers(std::size_t frameBytes, std::size_t budget, Tier fine, Tier coarse);

    std::int64_t stepMs() const { return m_fine.tier.stepMs; }
    std::int64_t coarseStepMs() const { return m_coarse.tier.stepMs; }
    std::size_t planeCount() const { return m_planes.size(); }
    std::size_t channelCount(std::size_t plane) const { return m_planes[plane].scale.size(); }
    std::size_t bytes() const; // held by the samples
    double quantisationError(std::size_t plane, std::size_t channel) const; // largest, in the value's unit

    // Appends one fine frame at timeMs (times must increase) and adds it to the coarse tier's
    // bucket, which becomes a coarse frame (the bucket's mean, at its start) once a frame of a
    // later bucket arrives.
    void record(std::int64_t timeMs, const Frame& frame);
    // Appends a coarse frame alone (the past, filled at start); times must increase and precede
    // every record().
    void recordCoarse(std::int64_t bucketStartMs, const Frame& frame);
    // Appends a fine frame of the past, whose coarse bucket recordCoarse() filled already.
    void recordPast(std::int64_t timeMs, const Frame& frame);

    Span span() const;
    // The newest frame at or before timeMs, dequantised into `frame` (one vector per plane, as
    // record() takes), its time in *sampleTimeMs: a fine frame, or a coarse one (a bucket's mean)
    // before the oldest fine frame; *stepMs (if given) says which, by the time the frame stands
    // for. False when none is that old. Reads the one frame only.
    bool frameAt(std::int64_t timeMs, Frame* frame, std::int64_t* sampleTimeMs, std::int64_t* stepMs = nullptr) const;

    // A frame as a walk meets it: its time, the time it stands for (its tier's step, cut short
    // where the next frame kept begins) and its tier.
    struct WalkedFrame {
        std::int64_t timeMs = 0;
        std::int64_t durationMs = 0;
        bool coarse = false;
    };
    using WalkVisit = std::function<bool(const WalkedFrame&, const Frame&)>;
    // Visits the frames in [fromMs, toMs], oldest first, as query() reads them (coarse frames
    // before the oldest fine one, then fine ones), each dequantised into a Frame of which only
    // `planes` are filled (the others are left empty). Takes the lock for one frame at a time, so
    // that recording goes on meanwhile (a frame recorded meanwhile is visited when it falls in the
    // span); stops when `visit` returns false. Returns the frames visited.
    std::size_t walk(std::int64_t fromMs, std::int64_t toMs, const std::vector<std::uint32_t>& planes,
        const WalkVisit& visit) const;

    // The series' samples in [fromMs, toMs]: fine frames, and coarse ones before the oldest fine
    // frame. With stepMs above the fine step, the time-weighted mean of each step-long bucket
    // starting at fromMs, at the bucket's start (buckets without samples are left out).
    std::vector<HistorySample> query(
        const HistorySeries& series, std::int64_t fromMs, std::int64_t toMs, std::int64_t stepMs) const;

private:
    struct Ring {
        Tier tier;
        std::vector<std::int64_t> times; // per frame slot
        std::vector<std::vector<std::uint8_t>> data; // per plane: slot * channels * width bytes
        std::size_t next = 0; // slot the next frame goes to
        std::size_t filled = 0; // frames held
    };
    struct TimedSample {
        std::int64_t timeMs;
        double value;
        std::int64_t durationMs;
    };

    void allocate(Ring& ring, Tier tier) const;
    void store(Ring& ring, std::int64_t timeMs, const Frame& frame) const;
    void flushBucket();
    double value(const Ring& ring, std::size_t slot, std::uint32_t plane, std::uint32_t channel) const;
    // The slot of the ring's newest frame at or before timeMs, if any.
    static std::optional<std::size_t> slotAtOrBefore(const Ring& ring, std::int64_t timeMs);
    // How many of the ring's frames are before timeMs (the logical index of the first one at or after it).
    static std::size_t framesBefore(const Ring& ring, std::int64_t timeMs);
    static std::int64_t timeOf(const Ring& ring, std::size_t index); // by logical index, oldest 0
    static std::size_t slotOf(const Ring& ring, std::size_t index);
    // The first frame walk() visits at or after timeMs and at or before toMs; false when none.
    bool nextWalked(std::int64_t timeMs, std::int64_t toMs, const Ring** ring, std::size_t* slot, WalkedFrame* walked) const;
    void dequantise(const Ring& ring, std::size_t slot, std::size_t plane, std::vector<float>& out) const;
    static std::int64_t oldestTime(const Ring& ring);
    static std::int64_t newestTime(const Ring& ring);
    double combine(const Ring& ring, std::size_t slot, const HistorySeries& series) const;
    void collect(const Ring& ring, const HistorySeries& series, std::int64_t fromMs, std::int64_t toMs,
        std::vector<TimedSample>& out) const;

    std::vector<HistoryPlane> m_planes;
    std::vector<std::vector<double>> m_levelsPerUnit; // per plane and channel: quantisation levels per unit
    Ring m_fine;
    Ring m_coarse;
    Frame m_bucketSum; // the coarse bucket being filled
    std::int64_t m_bucketStartMs = 0;
    int m_bucketFrames = 0;
    std::unique_ptr<std::shared_mutex> m_lock = std::make_unique<std::shared_mutex>();
};

// The API's tiers: 24 h at 1-min steps, then 7 days of 15-min means.
inline constexpr MetricHistory::Tier kDayByMinute { 60000, 1440 };
inline constexpr MetricHistory::Tier kWeekByQuarterHour { 15 * 60000, 7 * 96 };

} // namespace cpn::server
