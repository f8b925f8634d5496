#pragma once
// The decision-support results as tables (recommendations.h, contingencies.h): a row per
// recommended migration (reason, gains, loads before and after) and per contingency (the failed
// element, work displaced and where it goes, what cannot be placed and why, severity). Names are
// the sites' own in the interface's language, from the network state the results were computed on.

#include "contingencies.h"
#include "recommendations.h"
#include "tablemodelbase.h"

#include <QPointer>

namespace cpn {

class NetworkState;

namespace analysis {
    // Words for the kinds and reasons, in the interface language.
    QString kindName(RecommendationKind kind);
    QString reasonName(UnplacedReason reason);
    // A site's or link's name as the state knows it (its id when unknown).
    QString elementName(const NetworkState* state, const QString& id);
}

class RecommendationTableModel final : public TableModelBase {
    Q_OBJECT
public:
    enum Column { RankColumn, KindColumn, TaskColumn, SourceColumn, TargetColumn, CostColumn, CarbonColumn,
        LatencyColumn, SourceLoadColumn, TargetLoadColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };
    explicit RecommendationTableModel(const NetworkState* state, QObject* parent = nullptr);

    void setResult(const analysis::RecommendationResult& result);
    const analysis::RecommendationResult& result() const { return m_result; }
    const analysis::Recommendation& at(int row) const { return m_result.recommendations.at(std::size_t(row)); }

protected:
    int storedRowCount() const override { return int(m_result.recommendations.size()); }
    QString columnTitle(int column) const override;
    QString columnToolTip(int column) const override;
    QVariant cellData(int row, int column, int role) const override;
    bool isNumericColumn(int column) const override;

private:
    QPointer<const NetworkState> m_state;
    analysis::RecommendationResult m_result;
};

class ContingencyTableModel final : public TableModelBase {
    Q_OBJECT
public:
    enum Column { RankColumn, ElementColumn, TierColumn, DisplacedColumn, PlacedColumn, UnplacedColumn,
        WorstSiteColumn, WorstLinkColumn, SeverityColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1, SeverityRole };
    explicit ContingencyTableModel(const NetworkState* state, QObject* parent = nullptr);

    void setResult(const analysis::ContingencyResult& result);
    const analysis::ContingencyResult& result() const { return m_result; }
    const analysis::Contingency& at(int row) const { return m_result.contingencies.at(std::size_t(row)); }

    // "Capacity 3, latency 1": what could not be placed, by reason; empty when everything was.
    static QString unplacedText(const analysis::Contingency& c);
    QString elementText(const analysis::Contingency& c) const;

protected:
    int storedRowCount() const override { return int(m_result.contingencies.size()); }
    QString columnTitle(int column) const override;
    QVariant cellData(int row, int column, int role) const override;
    bool isNumericColumn(int column) const override;

private:
    QPointer<const NetworkState> m_state;
    analysis::ContingencyResult m_result;
};

} // namespace cpn
