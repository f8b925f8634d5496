#pragma once
// What the operator reads about a site on the map (tooltip) and in the inspector: its own
// figures, or, for a site holding folded ones, the sums over all of them.

#include "domain.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <array>
#include <limits>

namespace cpn {

class FoldedNetwork;
class NetworkState;

struct SiteSummary {
    int site = -1;
    int members = 0; // sites folded into it, itself excluded
    std::array<int, 5> membersByTier {}; // indexed by SiteTier
    std::array<int, 5> membersByStatus {}; // indexed by SiteStatus
    // Per accelerator architecture present: installed and in use.
    struct Accelerator {
        Architecture architecture = Architecture::Unknown;
        quint64 cards = 0;
        double pflops = 0;
        quint64 cardsUsed = 0;
        double pflopsUsed = 0;
    };
    QList<Accelerator> accelerators;
    double pflops = 0;
    double utilisation = 0; // weighted by capacity
    double powerCapacityMw = 0;
    double powerMw = 0;
    double pue = 0; // weighted by power
    double greenShare = 0; // weighted by power
    double priceCnyPerKwh = 0; // weighted by power
    quint64 queueLength = 0;
    quint64 runningTasks = 0;
    int activeAlarms = 0;
    float latencyFromSelectionMs = std::numeric_limits<float>::infinity();
};

class SiteSummaries {
    Q_DECLARE_TR_FUNCTIONS(cpn::MapView)
public:
    // The site alone (folded == nullptr or nothing folded into it) or with its folded sites.
    static SiteSummary summarize(const NetworkState& state, const FoldedNetwork* folded, int site);
    // Rich text for the map's tooltip.
    static QString toolTip(const NetworkState& state, const SiteSummary& summary, const QString& selectedName = {});
    // One line per folded tier, e.g. "12 regional centres, 40 edge sites".
    static QString membersText(const SiteSummary& summary);
};

} // namespace cpn
