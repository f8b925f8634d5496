#include "accelerators.h"

namespace cpn::server {

double pflopsPerCard(cpn::v1::Architecture architecture)
{
    switch (architecture) {
    case cpn::v1::ARCHITECTURE_NVIDIA_GPU:
        return 0.8; // a mix of H800/H20/A800-class cards
    case cpn::v1::ARCHITECTURE_ASCEND:
        return 0.32; // 910B
    case cpn::v1::ARCHITECTURE_HYGON_DCU:
        return 0.3;
    case cpn::v1::ARCHITECTURE_CAMBRICON_MLU:
        return 0.3;
    case cpn::v1::ARCHITECTURE_KUNLUNXIN:
        return 0.35;
    case cpn::v1::ARCHITECTURE_CPU:
        return 0.005; // a dual-socket server
    default:
        return 0;
    }
}

double kilowattsPerCard(cpn::v1::Architecture architecture)
{
    switch (architecture) {
    case cpn::v1::ARCHITECTURE_NVIDIA_GPU:
        return 1.0;
    case cpn::v1::ARCHITECTURE_ASCEND:
        return 0.6;
    case cpn::v1::ARCHITECTURE_HYGON_DCU:
        return 0.5;
    case cpn::v1::ARCHITECTURE_CAMBRICON_MLU:
        return 0.45;
    case cpn::v1::ARCHITECTURE_KUNLUNXIN:
        return 0.5;
    case cpn::v1::ARCHITECTURE_CPU:
        return 0.6;
    default:
        return 0;
    }
}

HourlyFootprint hourlyFootprint(
    cpn::v1::Architecture architecture, std::uint32_t cards, double pue, double priceCnyPerKwh, double greenShare)
{
    constexpr double kTypicalDrawShare = 0.8; // a task's draw over its cards' rated power
    const double facilityKw = cards * kilowattsPerCard(architecture) * kTypicalDrawShare * pue;
    return { facilityKw * priceCnyPerKwh, facilityKw * (1 - greenShare) * kGridCarbonKgPerKwh };
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
