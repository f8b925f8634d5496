#include "sitesummary.h"

#include "domainlabels.h"
#include "foldednetwork.h"
#include "networkstate.h"

#include <QLocale>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace cpn {

SiteSummary SiteSummaries::summarize(const NetworkState& state, const FoldedNetwork* folded, int site)
{
    SiteSummary out;
    const QList<Site>& sites = state.sites();
    if (site < 0 || site >= sites.size())
        return out;
    out.site = site;
    const bool withMembers
        = folded && folded->siteCount() == sites.size() && folded->isVisible(site) && folded->site(site).members > 0;
    QList<int> members { site };
    if (withMembers) {
        for (int i = 0; i < sites.size(); ++i)
            if (i != site && folded->representative(i) == site && state.duplicateOf(i) < 0)
                members << i;
    }
    out.members = int(members.size()) - 1;
    double used = 0, weight = 0, pue = 0, green = 0, price = 0;
    QSet<QString> ids;
    for (int i : members) {
        const Site& s = sites[i];
        ids.insert(s.id);
        if (i != site) {
            ++out.membersByTier[std::size_t(s.tier)];
            ++out.membersByStatus[std::size_t(s.status)];
        }
        for (const AcceleratorCapacity& c : s.capacity) {
            auto it = std::find_if(out.accelerators.begin(), out.accelerators.end(),
                [&](const SiteSummary::Accelerator& a) { return a.architecture == c.architecture; });
            if (it == out.accelerators.end()) {
                out.accelerators.append({ c.architecture, 0, 0, 0, 0 });
                it = out.accelerators.end() - 1;
            }
            it->cards += c.cards;
            it->pflops += c.pflops;
        }
        const double pflops = s.totalPflops();
        out.pflops += pflops;
        out.powerCapacityMw += s.powerCapacityMw;
        if (i >= state.siteMetrics().size())
            continue;
        const SiteMetrics& m = state.siteMetrics()[i];
        used += m.utilisation * pflops;
        for (const AcceleratorUse& u : m.usage) {
            for (auto& a : out.accelerators) {
                if (a.architecture == u.architecture) {
                    a.cardsUsed += u.cardsUsed;
                    a.pflopsUsed += u.pflopsUsed;
                }
            }
        }
        // Power-weighted: a big site's PUE matters more than a small one's.
        const double w = m.powerMw > 0 ? m.powerMw : 0;
        out.powerMw += m.powerMw;
        weight += w;
        pue += m.pue * w;
        green += m.greenShare * w;
        price += m.priceCnyPerKwh * w;
        out.queueLength += m.queueLength;
        out.runningTasks += m.runningTasks;
        if (members.size() == 1) { // a site with no power figure still shows its own values
            out.pue = m.pue;
            out.greenShare = m.greenShare;
            out.priceCnyPerKwh = m.priceCnyPerKwh;
        }
    }
    out.utilisation = out.pflops > 0 ? used / out.pflops
                                     : (site < state.siteMetrics().size() ? state.siteMetrics()[site].utilisation : 0);
    if (weight > 0) {
        out.pue = pue / weight;
        out.greenShare = green / weight;
        out.priceCnyPerKwh = price / weight;
    }
    for (const Alarm& a : state.alarms())
        if (a.isActive() && ids.contains(a.sourceId))
            ++out.activeAlarms;
    std::sort(out.accelerators.begin(), out.accelerators.end(),
        [](const auto& a, const auto& b) { return a.pflops > b.pflops; });
    return out;
}

QString SiteSummaries::membersText(const SiteSummary& summary)
{
    QStringList parts;
    const int clusters = summary.membersByTier[std::size_t(SiteTier::Cluster)];
    const int regional = summary.membersByTier[std::size_t(SiteTier::Regional)];
    const int edge = summary.membersByTier[std::size_t(SiteTier::Edge)];
    if (clusters > 0)
        parts << tr("%n cluster(s)", nullptr, clusters);
    if (regional > 0)
        parts << tr("%n regional centre(s)", nullptr, regional);
    if (edge > 0)
        parts << tr("%n edge site(s)", nullptr, edge);
    const int other = summary.members - clusters - regional - edge;
    if (other > 0)
        parts << tr("%n other site(s)", nullptr, other);
    return parts.join(tr(", "));
}

QString SiteSummaries::toolTip(const NetworkState& state, const SiteSummary& summary, const QString& selectedName)
{
    if (summary.site < 0)
        return {};
    const Site& site = state.sites()[summary.site];
    const QLocale locale;
    const QString primary = siteDisplayName(site);
    const QString secondary = primary == site.nameZh ? site.nameEn : site.nameZh;
    auto row = [](const QString& key, const QString& value) {
        return QStringLiteral("<tr><td style='padding-right:10px; color:palette(mid)'>%1</td><td>%2</td></tr>")
            .arg(key.toHtmlEscaped(), value);
    };
    QString html = QStringLiteral("<b>%1</b>").arg(primary.toHtmlEscaped());
    if (!secondary.isEmpty() && secondary != primary)
        html += QStringLiteral(" %1").arg(secondary.toHtmlEscaped());
    html += QStringLiteral("<br>") + tr("ID: %1").arg(site.id.toHtmlEscaped()) + QStringLiteral(" · ")
        + tierName(site.tier).toHtmlEscaped();
    if (summary.members > 0)
        html += QStringLiteral("<br><i>") + tr("Includes %1 folded here").arg(membersText(summary)).toHtmlEscaped()
            + QStringLiteral("</i>");
    html += QStringLiteral("<table cellspacing='0'>");
    html += row(tr("Status"), siteStatusName(site.status).toHtmlEscaped());
    html += row(tr("Utilisation"), tr("%1 %").arg(locale.toString(summary.utilisation * 100, 'f', 1)));
    html += row(tr("Capacity"), tr("%1 PFLOPS").arg(locale.toString(summary.pflops, 'f', 1)));
    for (const auto& a : summary.accelerators) {
        const double load = a.pflops > 0 ? a.pflopsUsed / a.pflops : 0;
        html += row(QStringLiteral("  ") + architectureName(a.architecture),
            tr("%1 cards, %2 PFLOPS, %3 % used")
                .arg(locale.toString(a.cards), locale.toString(a.pflops, 'f', 1), locale.toString(load * 100, 'f', 0)));
    }
    html += row(tr("PUE"), locale.toString(summary.pue, 'f', 2));
    html += row(tr("Green power"), tr("%1 %").arg(locale.toString(summary.greenShare * 100, 'f', 0)));
    html += row(tr("Power price"), tr("%1 CNY/kWh").arg(locale.toString(summary.priceCnyPerKwh, 'f', 3)));
    html += row(tr("Queue"),
        tr("%1 waiting, %2 running").arg(locale.toString(summary.queueLength), locale.toString(summary.runningTasks)));
    if (summary.activeAlarms > 0)
        html += row(tr("Alarms"), tr("%n active", nullptr, summary.activeAlarms));
    if (std::isfinite(summary.latencyFromSelectionMs) && !selectedName.isEmpty())
        html += row(tr("Latency"),
            tr("%1 ms from %2")
                .arg(locale.toString(summary.latencyFromSelectionMs, 'f', 1), selectedName.toHtmlEscaped()));
    html += QStringLiteral("</table>");
    return html;
}

} // namespace cpn
