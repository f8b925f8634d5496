#include "analysistablemodels.h"

#include "domainlabels.h"
#include "networkstate.h"

#include <QColor>
#include <QCoreApplication>
#include <QLocale>

namespace cpn {

namespace {
    struct Tr {
        Q_DECLARE_TR_FUNCTIONS(cpn::Analysis)
    };

    QString percent(double ratio)
    {
        return QLocale().toString(ratio * 100, 'f', 0) + QStringLiteral(" %");
    }
    QString number(double v, int decimals)
    {
        return QLocale().toString(v, 'f', decimals);
    }
    // Green under the usual 85 %, amber to 100 %, red over.
    QColor loadColour(double load)
    {
        return load > 1.0 ? QColor(0xf0, 0x5a, 0x4f) : load > 0.85 ? QColor(0xf2, 0xa9, 0x3b) : QColor(0x3f, 0xb9, 0x50);
    }
} // namespace

QString analysis::kindName(RecommendationKind kind)
{
    switch (kind) {
    case RecommendationKind::RelieveSite:
        return Tr::tr("Relieve an overloaded site");
    case RecommendationKind::EastToWest:
        return Tr::tr("East to west: cheaper, greener");
    case RecommendationKind::NearerUsers:
        return Tr::tr("Nearer its users");
    case RecommendationKind::PackForDrain:
        return Tr::tr("Free a site for draining");
    }
    return {};
}

QString analysis::reasonName(UnplacedReason reason)
{
    switch (reason) {
    case UnplacedReason::Capacity:
        return Tr::tr("capacity");
    case UnplacedReason::Architecture:
        return Tr::tr("architecture");
    case UnplacedReason::Residency:
        return Tr::tr("data residency");
    case UnplacedReason::Latency:
        return Tr::tr("latency");
    }
    return {};
}

QString analysis::elementName(const NetworkState* state, const QString& id)
{
    if (!state)
        return id;
    if (const int s = state->siteIndex(id); s >= 0)
        return siteDisplayName(state->sites().at(s));
    if (const int l = state->linkIndex(id); l >= 0) {
        const Link& link = state->links().at(l);
        return Tr::tr("%1 – %2").arg(elementName(state, link.siteAId), elementName(state, link.siteBId));
    }
    return id;
}

RecommendationTableModel::RecommendationTableModel(const NetworkState* state, QObject* parent)
    : TableModelBase(ColumnCount, SortRole, parent)
    , m_state(state)
{ }

void RecommendationTableModel::setResult(const analysis::RecommendationResult& result)
{
    resetWith([&] { m_result = result; });
}

QString RecommendationTableModel::columnTitle(int column) const
{
    switch (column) {
    case RankColumn:
        return tr("#");
    case KindColumn:
        return tr("Why");
    case TaskColumn:
        return tr("Task");
    case SourceColumn:
        return tr("From");
    case TargetColumn:
        return tr("To");
    case CostColumn:
        return tr("Saves (CNY/h)");
    case CarbonColumn:
        return tr("Saves (kg CO2/h)");
    case LatencyColumn:
        return tr("Users' latency (ms)");
    case SourceLoadColumn:
        return tr("From: load");
    case TargetLoadColumn:
        return tr("To: load");
    }
    return {};
}

QString RecommendationTableModel::columnToolTip(int column) const
{
    switch (column) {
    case CostColumn:
        return tr("What an hour of the task costs less at the target: its cards' power, PUE and price");
    case CarbonColumn:
        return tr("What an hour of the task emits less at the target: green share and the province's grid factor");
    case SourceLoadColumn:
    case TargetLoadColumn:
        return tr("Utilisation now, and after the recommended moves");
    default:
        return {};
    }
}

bool RecommendationTableModel::isNumericColumn(int column) const
{
    return column == RankColumn || column == CostColumn || column == CarbonColumn || column == LatencyColumn
        || column == SourceLoadColumn || column == TargetLoadColumn;
}

QVariant RecommendationTableModel::cellData(int row, int column, int role) const
{
    const analysis::Recommendation& r = at(row);
    const bool latency = r.latencyBeforeMs > 0 || r.latencyAfterMs > 0;
    if (role == SortRole) {
        switch (column) {
        case RankColumn:
            return row;
        case KindColumn:
            return int(r.kind);
        case CostColumn:
            return r.costSavedCnyPerHour;
        case CarbonColumn:
            return r.carbonSavedKgPerHour;
        case LatencyColumn:
            return latency ? r.latencyBeforeMs - r.latencyAfterMs : 0.0;
        case SourceLoadColumn:
            return r.sourceLoad.after;
        case TargetLoadColumn:
            return r.targetLoad.after;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        if (column == SourceLoadColumn)
            return loadColour(r.sourceLoad.after);
        if (column == TargetLoadColumn)
            return loadColour(r.targetLoad.after);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case RankColumn:
        return row + 1;
    case KindColumn:
        return analysis::kindName(r.kind);
    case TaskColumn:
        return r.taskId;
    case SourceColumn:
        return analysis::elementName(m_state, r.sourceSiteId);
    case TargetColumn:
        return analysis::elementName(m_state, r.targetSiteId);
    case CostColumn:
        return number(r.costSavedCnyPerHour, 0);
    case CarbonColumn:
        return number(r.carbonSavedKgPerHour, 0);
    case LatencyColumn:
        return latency ? tr("%1 → %2").arg(number(r.latencyBeforeMs, 1), number(r.latencyAfterMs, 1)) : QString();
    case SourceLoadColumn:
        return tr("%1 → %2").arg(percent(r.sourceLoad.before), percent(r.sourceLoad.after));
    case TargetLoadColumn:
        return tr("%1 → %2").arg(percent(r.targetLoad.before), percent(r.targetLoad.after));
    }
    return {};
}

ContingencyTableModel::ContingencyTableModel(const NetworkState* state, QObject* parent)
    : TableModelBase(ColumnCount, SortRole, parent)
    , m_state(state)
{ }

void ContingencyTableModel::setResult(const analysis::ContingencyResult& result)
{
    resetWith([&] { m_result = result; });
}

QString ContingencyTableModel::unplacedText(const analysis::Contingency& c)
{
    QStringList parts;
    for (int r = 0; r < analysis::kUnplacedReasonCount; ++r) {
        if (c.unplacedTasks[std::size_t(r)] > 0)
            parts << tr("%1 %2").arg(analysis::reasonName(analysis::UnplacedReason(r))).arg(c.unplacedTasks[std::size_t(r)]);
    }
    return parts.join(tr(", "));
}

QString ContingencyTableModel::elementText(const analysis::Contingency& c) const
{
    QStringList names;
    for (const analysis::Element& e : c.failed)
        names << analysis::elementName(m_state, e.id);
    return names.join(tr(" + "));
}

QString ContingencyTableModel::columnTitle(int column) const
{
    switch (column) {
    case RankColumn:
        return tr("#");
    case ElementColumn:
        return tr("If this fails");
    case TierColumn:
        return tr("Tier");
    case DisplacedColumn:
        return tr("Tasks displaced");
    case PlacedColumn:
        return tr("Placed elsewhere");
    case UnplacedColumn:
        return tr("Cannot be placed (why)");
    case WorstSiteColumn:
        return tr("Busiest site after");
    case WorstLinkColumn:
        return tr("Busiest link after");
    case SeverityColumn:
        return tr("Severity");
    }
    return {};
}

bool ContingencyTableModel::isNumericColumn(int column) const
{
    return column == RankColumn || column == DisplacedColumn || column == PlacedColumn || column == SeverityColumn;
}

QVariant ContingencyTableModel::cellData(int row, int column, int role) const
{
    const analysis::Contingency& c = at(row);
    const auto worst = [this](const analysis::ElementLoad& e) {
        return e.index < 0 ? QString()
                           : tr("%1 (%2 → %3)").arg(analysis::elementName(m_state, e.id), percent(e.before), percent(e.after));
    };
    if (role == SeverityRole)
        return c.severity;
    if (role == SortRole) {
        switch (column) {
        case RankColumn:
            return row;
        case DisplacedColumn:
            return c.tasksDisplaced;
        case PlacedColumn:
            return c.tasksPlaced;
        case UnplacedColumn:
            return c.unplacedTotal();
        case WorstSiteColumn:
            return c.worstSite.after;
        case WorstLinkColumn:
            return c.worstLink.after;
        case SeverityColumn:
            return c.severity;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole) {
        if (column == SeverityColumn || column == UnplacedColumn)
            return c.severity >= 1 ? QColor(0xf0, 0x5a, 0x4f) : c.severity > 0.3 ? QColor(0xf2, 0xa9, 0x3b) : QVariant();
        if (column == WorstSiteColumn && c.worstSite.index >= 0)
            return loadColour(c.worstSite.after);
        if (column == WorstLinkColumn && c.worstLink.index >= 0)
            return loadColour(c.worstLink.after);
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (column) {
    case RankColumn:
        return row + 1;
    case ElementColumn:
        return elementText(c);
    case TierColumn:
        return c.failed.size() == 1 && c.failed.front().kind == analysis::ElementKind::Link ? tr("Backbone link")
                                                                                            : tierName(c.tier);
    case DisplacedColumn:
        return tr("%1 (%2 PFLOPS)").arg(QLocale().toString(c.tasksDisplaced), number(c.pflopsDisplaced, 0));
    case PlacedColumn:
        return QLocale().toString(c.tasksPlaced);
    case UnplacedColumn:
        return unplacedText(c);
    case WorstSiteColumn:
        return worst(c.worstSite);
    case WorstLinkColumn:
        return worst(c.worstLink);
    case SeverityColumn:
        return number(c.severity, 2);
    }
    return {};
}

} // namespace cpn
