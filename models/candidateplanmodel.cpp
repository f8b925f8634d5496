#include "candidateplanmodel.h"

#include "dispatchlabels.h"
#include "domainlabels.h"
#include "networkstate.h"
#include "wording.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cpn {

namespace {

    // 0 feasible, 1 infeasible, 2 not answered yet, 3 error.
    int group(const CandidatePlan& c)
    {
        if (!c.error.isEmpty())
            return 3;
        if (!c.plan)
            return 2;
        return c.plan->feasible ? 0 : 1;
    }

    // "+12", "−3", "0": a change, never "-0".
    QString signedAmount(double value)
    {
        const double rounded = std::round(value);
        if (rounded == 0)
            return QLocale().toString(0);
        const QString text = QLocale().toString(std::abs(rounded), 'f', 0);
        return (rounded > 0 ? QStringLiteral("+") : QStringLiteral("−")) + text;
    }

    double squaredDistance(const Site& a, const Site& b)
    {
        // Equirectangular is plenty to order neighbours.
        const double x = (b.longitude - a.longitude) * std::cos((a.latitude + b.latitude) * M_PI / 360);
        const double y = b.latitude - a.latitude;
        return x * x + y * y;
    }

    bool hasArchitecture(const Site& site, Architecture a)
    {
        return std::any_of(site.capacity.cbegin(), site.capacity.cend(),
            [a](const AcceleratorCapacity& c) { return c.architecture == a && c.cards > 0; });
    }

} // namespace

bool ranksBefore(const CandidatePlan& a, const CandidatePlan& b)
{
    const int ga = group(a);
    const int gb = group(b);
    if (ga != gb)
        return ga < gb;
    if (ga == 0) {
        const MigrationPlan& p = *a.plan;
        const MigrationPlan& q = *b.plan;
        if (std::abs(p.downtimeSeconds - q.downtimeSeconds) >= 0.5)
            return p.downtimeSeconds < q.downtimeSeconds;
        if (std::abs(p.latencyMsAfter - q.latencyMsAfter) >= 0.1)
            return p.latencyMsAfter < q.latencyMsAfter;
        if (p.costDeltaCnyPerHour != q.costDeltaCnyPerHour)
            return p.costDeltaCnyPerHour < q.costDeltaCnyPerHour;
    } else if (ga == 1 && a.plan->violations.size() != b.plan->violations.size()) {
        return a.plan->violations.size() < b.plan->violations.size();
    }
    return a.siteId < b.siteId;
}

QStringList migrationCandidates(const NetworkState& state, const Task& task, const QString& preferred, int maxCount)
{
    QStringList out;
    QSet<QString> taken { task.siteId };
    // A task moves within its own platform; a site of another is offered only when asked for
    // (dropped on it), to be shown as not possible.
    auto take = [&](const QString& id) {
        const int i = state.siteIndex(id);
        if (out.size() < maxCount && !taken.contains(id) && i >= 0
            && (id == preferred || state.sites().at(i).platform == task.platform)) {
            taken.insert(id);
            out.append(id);
        }
    };
    if (!preferred.isEmpty())
        take(preferred);
    for (const Site& s : state.sites())
        if (s.tier == SiteTier::NationalHub || s.tier == SiteTier::Cluster)
            take(s.id);
    const int here = state.siteIndex(task.siteId);
    if (here < 0)
        return out;
    const Site& origin = state.sites().at(here);
    QList<int> nearby;
    for (int i = 0; i < state.sites().size(); ++i) {
        const Site& s = state.sites().at(i);
        if ((s.tier == SiteTier::Regional || s.tier == SiteTier::Edge) && s.platform == task.platform
            && hasArchitecture(s, task.architecture))
            nearby.append(i);
    }
    const int wanted = std::min<int>(int(nearby.size()), maxCount);
    std::partial_sort(nearby.begin(), nearby.begin() + wanted, nearby.end(), [&](int a, int b) {
        return squaredDistance(origin, state.sites().at(a)) < squaredDistance(origin, state.sites().at(b));
    });
    for (int i = 0; i < wanted; ++i)
        take(state.sites().at(nearby.at(i)).id);
    return out;
}

CandidatePlanModel::CandidatePlanModel(QObject* parent)
    : TableModelBase(ColumnCount, -1, parent)
{
}

void CandidatePlanModel::setNetworkState(const NetworkState* state)
{
    m_state = state;
}

void CandidatePlanModel::setCandidates(const QStringList& siteIds)
{
    resetWith([&] {
        m_rows.clear();
        for (const QString& id : siteIds)
            m_rows.append({ id, std::nullopt, {} });
        rerank();
    });
}

void CandidatePlanModel::setPlan(const MigrationPlan& plan)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].siteId == plan.targetSiteId) {
            m_rows[row].plan = plan;
            m_rows[row].error.clear();
            changed(row);
            return;
        }
    }
}

void CandidatePlanModel::setError(const QString& siteId, const QString& error)
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows[row].siteId == siteId) {
            m_rows[row].error = error.isEmpty() ? tr("The scheduler could not plan this move") : error;
            changed(row);
            return;
        }
    }
}

void CandidatePlanModel::changed(int row)
{
    rerank();
    emitRowRangeChanged(row, row);
    // Every rank may have moved.
    emitColumnChanged(RankColumn);
}

void CandidatePlanModel::rerank()
{
    QList<int> order(m_rows.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [this](int a, int b) { return ranksBefore(m_rows[a], m_rows[b]); });
    m_rank = QList<int>(m_rows.size());
    for (int place = 0; place < order.size(); ++place)
        m_rank[order[place]] = place + 1;
}

const CandidatePlan* CandidatePlanModel::candidate(const QString& siteId) const
{
    for (const CandidatePlan& c : m_rows)
        if (c.siteId == siteId)
            return &c;
    return nullptr;
}

int CandidatePlanModel::rankOf(const QString& siteId) const
{
    for (int row = 0; row < m_rows.size(); ++row)
        if (m_rows[row].siteId == siteId)
            return m_rank.value(row);
    return -1;
}

bool CandidatePlanModel::isComplete() const
{
    return std::all_of(m_rows.cbegin(), m_rows.cend(), [](const CandidatePlan& c) { return c.plan || !c.error.isEmpty(); });
}

QVariant CandidatePlanModel::cellData(int row, int column, int role) const
{
    const CandidatePlan& c = m_rows.at(row);
    const MigrationPlan* p = c.plan ? &*c.plan : nullptr;
    if (role == SiteIdRole)
        return c.siteId;
    if (role == FeasibleRole)
        return p && p->feasible;
    if (role == RankRole)
        return m_rank.value(row);
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    const QLocale locale;
    // The violations' names in the table; what each is, in full, on hover.
    QStringList why;
    QStringList details;
    if (p)
        for (const Violation& v : p->violations) {
            why.append(violationName(v.code));
            details.append(Wording::violation(v, m_state));
        }
    if (role == Qt::ToolTipRole)
        return column == WhyNotColumn ? QVariant(details.join(QLatin1Char('\n'))) : QVariant();
    switch (column) {
    case RankColumn:
        return m_rank.value(row);
    case SiteColumn: {
        const int i = m_state ? m_state->siteIndex(c.siteId) : -1;
        return i < 0 ? c.siteId
                     : tr("%1 (%2)").arg(siteDisplayName(m_state->sites().at(i)), tierName(m_state->sites().at(i).tier));
    }
    case VerdictColumn:
        if (!c.error.isEmpty())
            return tr("Error");
        if (!p)
            return tr("Planning…");
        return p->feasible ? tr("Feasible") : tr("Blocked");
    case DowntimeColumn:
        return p && p->feasible ? formatDuration(p->downtimeSeconds) : QString();
    case TransferColumn:
        return p && p->feasible ? formatDuration(p->transferSeconds) : QString();
    case CostColumn:
        return p ? tr("%1 CNY/h").arg(signedAmount(p->costDeltaCnyPerHour)) : QString();
    case CarbonColumn:
        return p ? tr("%1 kg/h").arg(signedAmount(p->carbonDeltaKgPerHour)) : QString();
    case LatencyColumn:
        return p && (p->latencyMsBefore > 0 || p->latencyMsAfter > 0)
            ? tr("%1 → %2 ms").arg(locale.toString(p->latencyMsBefore, 'f', 1), locale.toString(p->latencyMsAfter, 'f', 1))
            : QString();
    case WhyNotColumn:
        return !c.error.isEmpty() ? c.error : why.join(QStringLiteral("; "));
    default:
        return {};
    }
}

QString CandidatePlanModel::columnToolTip(int column) const
{
    if (column == RankColumn)
        return tr("Feasible moves first, then the shortest downtime, the lowest latency to the task's users and the "
                  "lowest extra cost");
    return {};
}

QString CandidatePlanModel::columnTitle(int column) const
{
    switch (column) {
    case RankColumn:
        return tr("Rank");
    case SiteColumn:
        return tr("Target");
    case VerdictColumn:
        return tr("Verdict");
    case DowntimeColumn:
        return tr("Downtime");
    case TransferColumn:
        return tr("Transfer");
    case CostColumn:
        return tr("Cost change");
    case CarbonColumn:
        return tr("CO₂ change");
    case LatencyColumn:
        return tr("Latency to users");
    case WhyNotColumn:
        return tr("Why not");
    default:
        return {};
    }
}

} // namespace cpn
