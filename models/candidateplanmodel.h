#pragma once
// Where a task could go: one row per candidate target with the scheduler's plan for it (or that
// the plan is on its way, or failed), for the migration dialog. Ranking: CandidateRankProxyModel.

#include "domain.h"

#include "tablemodelbase.h"

#include <QPointer>

#include <optional>

namespace cpn {

class NetworkState;

struct CandidatePlan {
    QString siteId;
    std::optional<MigrationPlan> plan; // nullopt while the scheduler has not answered
    QString error; // the scheduler could not plan (not an infeasible plan: an error)
};

// Feasible moves first, then the shortest downtime, the lowest latency to the task's users and
// the lowest extra cost; infeasible
// ones by how few checks they fail; those still being planned, and errors, last.
bool ranksBefore(const CandidatePlan& a, const CandidatePlan& b);

// Up to maxCount target sites worth planning a move of `task` to: `preferred` first (when
// given), then the national hubs and clusters, then the nearest sites with the task's
// architecture. Never the task's own site.
QStringList migrationCandidates(
    const NetworkState& state, const Task& task, const QString& preferred = {}, int maxCount = 26);

class CandidatePlanModel final : public TableModelBase {
    Q_OBJECT
public:
    enum Column { RankColumn, SiteColumn, VerdictColumn, DowntimeColumn, TransferColumn, CostColumn, CarbonColumn,
        LatencyColumn, WhyNotColumn, ColumnCount };
    enum Role { SiteIdRole = Qt::UserRole + 1, FeasibleRole, RankRole };

    explicit CandidatePlanModel(QObject* parent = nullptr);

    void setNetworkState(const NetworkState* state);
    // New candidates, none planned yet.
    void setCandidates(const QStringList& siteIds);
    void setPlan(const MigrationPlan& plan); // by plan.targetSiteId
    void setError(const QString& siteId, const QString& error);

    const CandidatePlan* candidate(const QString& siteId) const;
    const QList<CandidatePlan>& candidates() const { return m_rows; }
    // 1-based place of each candidate in the ranking (recomputed on every answer).
    int rankOf(const QString& siteId) const;
    bool isComplete() const; // every candidate answered

private:
    int storedRowCount() const override { return int(m_rows.size()); }
    QString columnTitle(int column) const override;
    QString columnToolTip(int column) const override;
    QVariant cellData(int row, int column, int role) const override;
    bool isNumericColumn(int column) const override
    {
        return column != SiteColumn && column != WhyNotColumn && column != VerdictColumn;
    }

    void changed(int row);
    void rerank();

    QPointer<const NetworkState> m_state;
    QList<CandidatePlan> m_rows;
    QList<int> m_rank; // by row
};

} // namespace cpn
