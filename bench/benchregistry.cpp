#include "benchregistry.h"

#include <algorithm>
#include <cstdio>

namespace cpn::bench {

namespace {

std::vector<RegisteredGroup>& registry()
{
    static std::vector<RegisteredGroup> groups;
    return groups;
}

} // namespace

Registration::Registration(const char* name, int order, Group run)
{
    auto& all = registry();
    all.push_back({ QString::fromLatin1(name), order, std::move(run) });
    std::stable_sort(all.begin(), all.end(), [](const RegisteredGroup& a, const RegisteredGroup& b) {
        return a.order != b.order ? a.order < b.order : a.name < b.name;
    });
}

const std::vector<RegisteredGroup>& groups()
{
    return registry();
}

void report(const QString& name, double value, const char* unit)
{
    std::printf("%s %.3f %s\n", qPrintable(name), value, unit);
    std::fflush(stdout);
}

double median(std::vector<double> samples)
{
    if (samples.empty())
        return 0;
    const auto middle = samples.begin() + samples.size() / 2;
    std::nth_element(samples.begin(), middle, samples.end());
    if (samples.size() % 2 == 1)
        return *middle;
    const double upper = *middle;
    const double lower = *std::max_element(samples.begin(), middle);
    return (lower + upper) / 2;
}

} // namespace cpn::bench
