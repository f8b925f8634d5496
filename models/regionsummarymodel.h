#pragma once
// Per hub region, what a ministry reader asks of the network: capacity against use by
// accelerator type (PFLOPS), the green share of the power used and the average PUE, both
// weighted by power. Computed from a NetworkState, at most about once a second.

#include "domain.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace cpn {

class NetworkState;

struct RegionSummary {
    struct Accelerators {
        Architecture architecture = Architecture::Unknown;
        double capacityPflops = 0;
        double usedPflops = 0;
    };

    QString regionId;
    QString name; // in the UI language
    bool western = false;
    int siteCount = 0;
    int offlineSites = 0;
    // Only the architectures the region has, in the order of the Architecture enum.
    QList<Accelerators> accelerators;
    double capacityPflops = 0;
    double usedPflops = 0;
    double powerMw = 0;
    double greenShare = 0; // 0..1, of the power drawn
    double averagePue = 0; // weighted by power; 0 when nothing draws power
};

class RegionSummaryModel final : public QObject {
    Q_OBJECT
public:
    explicit RegionSummaryModel(QObject* parent = nullptr);

    void setNetworkState(const NetworkState* state);
    // Live changes are gathered for this long before the summaries are computed again.
    void setRefreshInterval(int milliseconds) { m_throttle.setInterval(milliseconds); }

    // In the order of NetworkState::regions().
    const QList<RegionSummary>& summaries() const { return m_summaries; }
    static QList<RegionSummary> compute(const NetworkState& state);

public slots:
    // Computes now (also for a language change: the names follow it).
    void refresh();

signals:
    void summariesChanged();

private:
    void schedule();

    QPointer<const NetworkState> m_state;
    QList<RegionSummary> m_summaries;
    QTimer m_throttle;
};

} // namespace cpn
