#include "maptooltip.h"

#include "domainlabels.h"
#include "maprenderer.h"
#include "mapscene.h"
#include "networkstate.h"
#include "sitesummary.h"

#include <QLocale>

namespace cpn {

QString MapToolTip::linkText(const NetworkState& state, const FoldedLink& link)
{
    const QLocale locale;
    const QString a = siteDisplayName(state.sites().at(link.a));
    const QString b = siteDisplayName(state.sites().at(link.b));
    QString html = QStringLiteral("<b>%1 ⇄ %2</b>").arg(a.toHtmlEscaped(), b.toHtmlEscaped());
    if (link.memberCount == 1 && link.firstMember >= 0) {
        const Link& l = state.links().at(link.firstMember);
        html += QStringLiteral("<br>") + tr("ID: %1").arg(l.id.toHtmlEscaped());
        const LinkMetrics& m = state.linkMetrics().at(link.firstMember);
        html += QStringLiteral("<br>")
            + tr("Latency: %1 ms").arg(locale.toString(m.latencyMs > 0 ? m.latencyMs : l.latencyMs, 'f', 2));
        html += QStringLiteral("<br>") + tr("Status: %1").arg(linkStatusName(l.status));
    } else {
        html += QStringLiteral("<br>") + tr("%n link(s) merged while folded", nullptr, link.memberCount);
        if (link.downCount > 0)
            html += QStringLiteral("<br>") + tr("%n down", nullptr, link.downCount);
    }
    html += QStringLiteral("<br>")
        + tr("Capacity: %1 Gbps per direction").arg(locale.toString(link.totalCapacityGbps, 'f', 0));
    html += QStringLiteral("<br>") + tr("%1 → %2: %3 %").arg(a, b, locale.toString(link.utilisationAb * 100, 'f', 1));
    html += QStringLiteral("<br>") + tr("%1 → %2: %3 %").arg(b, a, locale.toString(link.utilisationBa * 100, 'f', 1));
    if (link.alarmCount > 0)
        html += QStringLiteral("<br>") + tr("Alarms: %n active", nullptr, link.alarmCount);
    return html;
}

QString MapToolTip::textAt(const MapScene& scene, MapRenderer& renderer, QPointF position, QRect* area)
{
    const NetworkState* state = scene.state();
    if (!state)
        return {};
    const int index = scene.siteAt(position);
    if (index >= 0) {
        const int selected = scene.selectedSite();
        SiteSummary summary = SiteSummaries::summarize(*state, &scene.folded(), index);
        summary.latencyFromSelectionMs = renderer.latencyFromSelection(index);
        *area = QRectF(scene.sitePosition(index) - QPointF(8, 8), QSizeF(16, 16)).toAlignedRect();
        const QString selectedName
            = selected >= 0 && selected != index ? siteDisplayName(state->sites().at(selected)) : QString();
        return SiteSummaries::toolTip(*state, summary, selectedName);
    }
    if (!scene.isLayerVisible(MapLayer::Links))
        return {};
    const int k = renderer.linkAt(position);
    if (k < 0)
        return {};
    *area = QRect(position.toPoint() - QPoint(4, 4), QSize(8, 8));
    return linkText(*state, scene.folded().links()[k]);
}

} // namespace cpn
