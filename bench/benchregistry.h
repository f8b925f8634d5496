#pragma once
// The benchmark harness: groups of figures register themselves, report "name value unit"
// lines on stdout, and time code with a wall clock (medians of many runs, after a warm-up).

#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace cpn::bench {

struct Options {
    int repeats = 200; // timed runs per figure
    QString only; // run only the groups whose name starts with this (empty: all)
    QString snapshotDir; // when set, groups save what they drew there as PNG
    QString scales = QStringLiteral("national,huge"); // topologies to build
    bool wants(const QString& scale) const { return scales.split(QLatin1Char(',')).contains(scale); }
};

// Prints one figure: "name value unit".
void report(const QString& name, double value, const char* unit);
double median(std::vector<double> samples);

// Wall time of each of `repeats` calls of f, ms, after `warmup` untimed calls.
template <typename F> std::vector<double> timeRuns(int repeats, int warmup, F&& f)
{
    for (int i = 0; i < warmup; ++i)
        f();
    std::vector<double> samples;
    samples.reserve(std::size_t(repeats));
    QElapsedTimer timer;
    for (int i = 0; i < repeats; ++i) {
        timer.start();
        f();
        samples.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    return samples;
}

using Group = std::function<void(const Options&)>;

// Groups run in order of `order`, then name.
struct Registration {
    Registration(const char* name, int order, Group run);
};

struct RegisteredGroup {
    QString name;
    int order = 0;
    Group run;
};
const std::vector<RegisteredGroup>& groups();

} // namespace cpn::bench

#define CPN_BENCH_GROUP(name, order, function)                                                                         \
    static const ::cpn::bench::Registration cpnBenchRegistration_##function(name, order, function)
