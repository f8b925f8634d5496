#pragma once
// Deterministic random numbers for the mock: the same seed gives the same draws in the same order.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numbers>
#include <random>
#include <span>

namespace cpn::mock {

// Seeded generator with the few distributions the simulation needs. The distributions are written
// out here (not std::uniform_real_distribution and friends) so results do not depend on the
// standard library's implementation.
class Random {
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    { }

    std::uint64_t next() { return m_engine(); }
    // Uniform in [0, 1).
    double uniform() { return double(m_engine() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
    // Uniform integer in [lo, hi].
    int range(int lo, int hi) { return lo + int(m_engine() % std::uint64_t(hi - lo + 1)); }
    std::size_t index(std::size_t n) { return n ? std::size_t(m_engine() % n) : 0; }
    bool chance(double p) { return uniform() < p; }

    double normal()
    {
        if (m_hasSpare) {
            m_hasSpare = false;
            return m_spare;
        }
        double u = 0;
        do
            u = uniform();
        while (u <= 0);
        const double v = uniform();
        const double r = std::sqrt(-2.0 * std::log(u));
        m_spare = r * std::sin(2 * std::numbers::pi * v);
        m_hasSpare = true;
        return r * std::cos(2 * std::numbers::pi * v);
    }

    double logNormal(double median, double sigma) { return median * std::exp(sigma * normal()); }

    // Poisson-distributed count with the given mean.
    std::uint32_t poisson(double mean)
    {
        if (mean <= 0)
            return 0;
        if (mean > 30)
            return std::uint32_t(std::max(0.0, std::round(mean + std::sqrt(mean) * normal())));
        const double limit = std::exp(-mean);
        std::uint32_t k = 0;
        double p = uniform();
        while (p > limit) {
            ++k;
            p *= uniform();
        }
        return k;
    }

    // Index drawn with probability proportional to its weight; weights.size() when all are zero.
    std::size_t weighted(std::span<const double> weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        if (total <= 0)
            return weights.size();
        double x = uniform() * total;
        for (std::size_t i = 0; i < weights.size(); ++i) {
            if (x < weights[i])
                return i;
            x -= weights[i];
        }
        for (std::size_t i = weights.size(); i-- > 0;)
            if (weights[i] > 0)
                return i;
        return weights.size();
    }

private:
    std::mt19937_64 m_engine;
    bool m_hasSpare = false;
    double m_spare = 0;
};

// Stateless noise keyed by integers, for values that need no stream (backfilled history).
inline std::uint64_t mix64(std::uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

inline double hashUnit(std::uint64_t a, std::uint64_t b)
{
    return double(mix64(a * 0x100000001b3ULL ^ mix64(b)) >> 11) * 0x1.0p-53;
}

} // namespace cpn::mock
