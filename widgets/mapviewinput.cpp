// MapView: what the operator does with mouse, keyboard and drag and drop.

#include "mapview.h"

#include "domainlabels.h"
#include "mapbreadcrumb.h"
#include "sitesearchbox.h"
#include "sitesummary.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMimeData>
#include <QMouseEvent>
#include <QToolTip>
#include <QWheelEvent>

#include <cmath>

namespace cpn {

void MapView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomAbout(event->position(), std::pow(1.25, steps));
    event->accept();
}

void MapView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
    setFocus(Qt::MouseFocusReason);
    m_pressed = true;
    m_dragging = false;
    m_pressPosition = m_lastDragPosition = event->position().toPoint();
}

void MapView::mouseMoveEvent(QMouseEvent* event)
{
    const QPoint position = event->position().toPoint();
    if (m_pressed && (event->buttons() & Qt::LeftButton)) {
        if (!m_dragging && (position - m_pressPosition).manhattanLength() >= QApplication::startDragDistance()) {
            m_dragging = true;
            setCursor(Qt::ClosedHandCursor);
        }
        if (m_dragging) {
            panBy(position - m_lastDragPosition);
            m_lastDragPosition = position;
        }
        return;
    }
    if (siteAt(event->position()) >= 0)
        setCursor(Qt::PointingHandCursor);
    else
        unsetCursor();
}

void MapView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_pressed) {
        QWidget::mouseReleaseEvent(event);
        return;
    }
    const bool wasDragging = m_dragging;
    m_pressed = m_dragging = false;
    unsetCursor();
    if (wasDragging) {
        m_basemapTimer.stop();
        update();
        return;
    }
    const int index = siteAt(event->position());
    selectByUser(index >= 0 ? m_state->sites().at(index).id : QString());
}

void MapView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mouseDoubleClickEvent(event);
        return;
    }
    // The release that follows must not select what the flight brought under the cursor.
    m_pressed = m_dragging = false;
    const int index = siteAt(event->position());
    if (index >= 0)
        unfoldSite(m_state->sites().at(index).id);
    else
        zoomAbout(event->position(), 2.0);
}

void MapView::contextMenuEvent(QContextMenuEvent* event)
{
    const int index = siteAt(event->pos());
    if (index < 0) {
        event->ignore();
        return;
    }
    const QString id = m_state->sites().at(index).id;
    if (id != m_selectedSiteId)
        selectByUser(id);
    emit siteContextMenuRequested(id, event->globalPos());
    event->accept();
}

void MapView::keyPressEvent(QKeyEvent* event)
{
    const QPointF step(width() / 8.0, height() / 8.0);
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_Left:
        panBy(QPointF(step.x(), 0));
        break;
    case Qt::Key_Right:
        panBy(QPointF(-step.x(), 0));
        break;
    case Qt::Key_Up:
        panBy(QPointF(0, step.y()));
        break;
    case Qt::Key_Down:
        panBy(QPointF(0, -step.y()));
        break;
    case Qt::Key_Home:
        fitChina();
        break;
    case Qt::Key_F:
        fitSelection();
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_selectedSiteId.isEmpty())
            unfoldSite(m_selectedSiteId);
        break;
    case Qt::Key_Backspace:
        goToLevel(int(m_unfoldedPath.size()) - 1);
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

QString MapView::toolTipAt(QPointF position, QRect* area) const
{
    if (!m_state)
        return {};
    const int index = siteAt(position);
    const int selected = m_state->siteIndex(m_selectedSiteId);
    if (index >= 0) {
        SiteSummary summary = SiteSummaries::summarize(*m_state, &m_folded, index);
        summary.latencyFromSelectionMs = m_reach.distance(index);
        const QPointF centre = m_viewport.toScreen(m_network.sitePlanePosition(index));
        *area = QRectF(centre - QPointF(8, 8), QSizeF(16, 16)).toAlignedRect();
        const QString selectedName
            = selected >= 0 && selected != index ? siteDisplayName(m_state->sites().at(selected)) : QString();
        return SiteSummaries::toolTip(*m_state, summary, selectedName);
    }
    if (!isLayerVisible(MapLayer::Links))
        return {};
    m_network.project(m_viewport, m_folded, zoomLevel());
    const MapFrame f = frame();
    const int k = LinkLayer::linkAt(f, position);
    if (k < 0)
        return {};
    const FoldedLink& link = m_folded.links()[k];
    const QLocale locale;
    const QString a = siteDisplayName(m_state->sites().at(link.a));
    const QString b = siteDisplayName(m_state->sites().at(link.b));
    QString html = QStringLiteral("<b>%1 ⇄ %2</b>").arg(a.toHtmlEscaped(), b.toHtmlEscaped());
    if (link.memberCount == 1 && link.firstMember >= 0) {
        const Link& l = m_state->links().at(link.firstMember);
        html += QStringLiteral("<br>") + tr("ID: %1").arg(l.id.toHtmlEscaped());
        const LinkMetrics& m = m_state->linkMetrics().at(link.firstMember);
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
    *area = QRect(position.toPoint() - QPoint(4, 4), QSize(8, 8));
    return html;
}

bool MapView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        QRect area;
        const QString text = toolTipAt(help->pos(), &area);
        if (!text.isEmpty()) {
            QToolTip::showText(help->globalPos(), text, this, area);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void MapView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::LocaleChange) {
        m_basemap.invalidate();
        m_network.clearLabelCache();
        m_legend = QImage();
        if (m_state)
            m_search->setSites(*m_state);
        updateBreadcrumb();
        update();
    }
    QWidget::changeEvent(event);
}

void MapView::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasFormat(QLatin1String(kTaskIdMimeType)))
        event->acceptProposedAction();
    else
        event->ignore();
}

void MapView::dragMoveEvent(QDragMoveEvent* event)
{
    if (!event->mimeData()->hasFormat(QLatin1String(kTaskIdMimeType))) {
        event->ignore();
        return;
    }
    const int site = siteAt(event->position());
    if (site != m_dropSite) {
        m_dropSite = site;
        update();
    }
    // Only a site takes the task; the rest of the map refuses it.
    if (site >= 0)
        event->acceptProposedAction();
    else
        event->ignore();
}

void MapView::dragLeaveEvent(QDragLeaveEvent* event)
{
    m_dropSite = -1;
    update();
    QWidget::dragLeaveEvent(event);
}

void MapView::dropEvent(QDropEvent* event)
{
    m_dropSite = -1;
    update();
    const int site = siteAt(event->position());
    const QString taskId = taskIdFrom(event->mimeData());
    if (site < 0 || taskId.isEmpty()) {
        event->ignore();
        return;
    }
    event->acceptProposedAction();
    emit taskDroppedOnSite(taskId, m_state->sites().at(site).id);
}

} // namespace cpn
