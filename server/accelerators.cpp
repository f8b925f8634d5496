#include "accelerators.h"

#include "placementrules.h"

namespace cpn::server {

double pflopsPerCard(cpn::v1::Architecture architecture)
{
    return rules::pflopsPerCard(std::size_t(architecture));
}

double kilowattsPerCard(cpn::v1::Architecture architecture)
{
    return rules::kilowattsPerCard(std::size_t(architecture));
}

HourlyFootprint hourlyFootprint(
    cpn::v1::Architecture architecture, std::uint32_t cards, double pue, double priceCnyPerKwh, double greenShare)
{
    const auto f = rules::hourlyFootprint(
        std::size_t(architecture), cards, pue, priceCnyPerKwh, greenShare, kGridCarbonKgPerKwh);
    return { f.costCnyPerHour, f.carbonKgPerHour };
}

const char* architectureMetricName(cpn::v1::Architecture architecture)
{
    switch (architecture) {
    case cpn::v1::ARCHITECTURE_NVIDIA_GPU:
        return "nvidia_gpu";
    case cpn::v1::ARCHITECTURE_ASCEND:
        return "ascend";
    case cpn::v1::ARCHITECTURE_HYGON_DCU:
        return "hygon_dcu";
    case cpn::v1::ARCHITECTURE_CAMBRICON_MLU:
        return "cambricon_mlu";
    case cpn::v1::ARCHITECTURE_KUNLUNXIN:
        return "kunlunxin";
    case cpn::v1::ARCHITECTURE_CPU:
        return "cpu";
    default:
        return "";
    }
}

} // namespace cpn::server
