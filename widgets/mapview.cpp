#include "mapview.h"

#include "domainlabels.h"
#include "maplegend.h"

#include <QApplication>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {

constexpr double kZoomStep = 1.25;
constexpr double kMinZoom = 0.5; // relative to China fitting the widget
constexpr double kMaxZoom = 200;
constexpr double kFitMarginPx = 16;
constexpr int kRepaintIntervalMs = 33;
constexpr int kBasemapSettleMs = 150;
constexpr double kLegendMarginPx = 12;

const char* const kBuiltInBasemap = ":/basemap/china.geojson";

// Parsed once per process; copies share their paths.
const std::optional<Basemap>& builtInBasemap()
{
    static const std::optional<Basemap> basemap = [] {
        QString error;
        auto map = Basemap::load(QString::fromLatin1(kBuiltInBasemap), &error);
        if (!map)
            qWarning("%s", qPrintable(error));
        return map;
    }();
    return basemap;
}

} // namespace

MapView::MapView(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(200, 150);

    m_repaintTimer.setSingleShot(true);
    m_repaintTimer.setInterval(kRepaintIntervalMs);
    connect(&m_repaintTimer, &QTimer::timeout, this, &MapView::applyPendingChanges);
    m_basemapTimer.setSingleShot(true);
    m_basemapTimer.setInterval(kBasemapSettleMs);
    connect(&m_basemapTimer, &QTimer::timeout, this, qOverload<>(&QWidget::update));

    if (const auto& map = builtInBasemap())
        m_basemap.setBasemap(*map);
    m_viewport.setSize(size());
    m_viewport.fitTo(m_projection.chinaBounds(), kFitMarginPx);
}

MapView::~MapView() = default;

void MapView::setState(const NetworkState* state)
{
    if (m_state)
        disconnect(m_state, nullptr, this, nullptr);
    m_state = state;
    m_pendingSites.clear();
    if (state) {
        connect(state, &NetworkState::topologyReset, this, &MapView::onTopologyReset);
        connect(state, &NetworkState::sitesChanged, this, &MapView::onSitesChanged);
        connect(state, &NetworkState::linksChanged, this, &MapView::scheduleRepaint);
        m_network.rebuild(*state, m_projection);
    }
    update();
}

void MapView::setBasemap(Basemap basemap)
{
    m_basemap.setBasemap(std::move(basemap));
    update();
}

void MapView::setLegendVisible(bool visible)
{
    if (visible == m_legendVisible)
        return;
    m_legendVisible = visible;
    update();
}

void MapView::setSelectedSiteId(const QString& siteId)
{
    if (siteId == m_selectedSiteId)
        return;
    m_selectedSiteId = siteId;
    update();
}

QPointF MapView::sitePosition(int index) const
{
    if (index < 0 || index >= m_network.siteCount())
        return {};
    return m_viewport.toScreen(m_network.sitePlanePosition(index));
}

int MapView::siteAt(QPointF position) const
{
    if (!m_state || m_network.siteCount() != m_state->sites().size())
        return -1;
    return m_network.siteAt(m_viewport, zoomLevel(), position);
}

double MapView::fitScale() const
{
    MapViewport fitted = m_viewport;
    fitted.fitTo(m_projection.chinaBounds(), kFitMarginPx);
    return fitted.scale();
}

double MapView::zoomLevel() const
{
    return m_viewport.scale() / fitScale();
}

void MapView::fitChina()
{
    m_viewport.setSize(size());
    m_viewport.fitTo(m_projection.chinaBounds(), kFitMarginPx);
    m_userMovedView = false;
    viewChanged(false);
}

void MapView::zoomIn()
{
    zoomAbout(rect().center(), kZoomStep);
}

void MapView::zoomOut()
{
    zoomAbout(rect().center(), 1 / kZoomStep);
}

void MapView::zoomAbout(QPointF position, double factor)
{
    const double fit = fitScale();
    const double target = std::clamp(m_viewport.scale() * factor, fit * kMinZoom, fit * kMaxZoom);
    if (std::abs(target / m_viewport.scale() - 1) < 1e-9)
        return;
    m_viewport.zoomAbout(position, target / m_viewport.scale());
    m_userMovedView = true;
    viewChanged(true);
}

void MapView::viewChanged(bool interactive)
{
    // While the user zooms or pans, the old basemap image is shown moved; it is redrawn once
    // the view has been still for a moment.
    if (interactive)
        m_basemapTimer.start();
    else
        m_basemapTimer.stop();
    update();
    emit viewportChanged();
}

void MapView::onTopologyReset()
{
    // Indexes all changed: re-project now (cheap, and hit-testing must not use stale indexes).
    m_network.rebuild(*m_state, m_projection);
    m_pendingSites.clear();
    scheduleRepaint();
}

void MapView::onSitesChanged(const QList<int>& siteIndexes)
{
    m_pendingSites.append(siteIndexes);
    scheduleRepaint();
}

void MapView::scheduleRepaint()
{
    if (m_repaintScheduled)
        return;
    m_repaintScheduled = true;
    m_repaintTimer.start();
}

void MapView::applyPendingChanges()
{
    m_repaintScheduled = false;
    if (m_state && !m_pendingSites.isEmpty())
        m_network.refreshSites(*m_state, m_projection, m_pendingSites);
    m_pendingSites.clear();
    update();
}

void MapView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const qreal dpr = devicePixelRatioF();
    const bool interacting = m_dragging || m_basemapTimer.isActive();
    if (!m_basemap.isCurrent(m_viewport, dpr) && !interacting)
        m_basemap.render(m_viewport, dpr);
    m_basemap.paint(painter, m_viewport);

    if (m_state) {
        if (m_network.siteCount() != m_state->sites().size())
            m_network.rebuild(*m_state, m_projection);
        const int selected = m_selectedSiteId.isEmpty() ? -1 : m_state->siteIndex(m_selectedSiteId);
        m_network.paint(painter, *m_state, m_viewport, zoomLevel(), selected);
    }
    if (!m_legendVisible)
        return;
    if (m_legend.isNull() || m_legend.devicePixelRatio() != dpr)
        m_legend = MapLegend::render(dpr);
    const double legendHeight = m_legend.height() / m_legend.devicePixelRatio();
    painter.drawImage(QPointF(kLegendMarginPx, height() - kLegendMarginPx - legendHeight), m_legend);
}

void MapView::resizeEvent(QResizeEvent*)
{
    m_viewport.setSize(size());
    if (!m_userMovedView)
        m_viewport.fitTo(m_projection.chinaBounds(), kFitMarginPx);
    viewChanged(false);
}

void MapView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomAbout(event->position(), std::pow(kZoomStep, steps));
    event->accept();
}

void MapView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton) {
        QWidget::mousePressEvent(event);
        return;
    }
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
            m_viewport.pan(position - m_lastDragPosition);
            m_lastDragPosition = position;
            m_userMovedView = true;
            viewChanged(true);
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
    const QString id = index >= 0 ? m_state->sites().at(index).id : QString();
    setSelectedSiteId(id);
    emit siteSelected(id);
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
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down: {
        const double dx = event->key() == Qt::Key_Left ? step.x() : event->key() == Qt::Key_Right ? -step.x() : 0;
        const double dy = event->key() == Qt::Key_Up ? step.y() : event->key() == Qt::Key_Down ? -step.y() : 0;
        m_viewport.pan(QPointF(dx, dy));
        m_userMovedView = true;
        viewChanged(true);
        break;
    }
    case Qt::Key_Home:
        fitChina();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

bool MapView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int index = siteAt(help->pos());
        if (index >= 0) {
            const QPointF centre = sitePosition(index);
            const QRect area = QRectF(centre - QPointF(8, 8), QSizeF(16, 16)).toAlignedRect();
            QToolTip::showText(help->globalPos(), toolTipFor(index), this, area);
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
        update();
    }
    QWidget::changeEvent(event);
}

QString MapView::toolTipFor(int siteIndex) const
{
    const Site& site = m_state->sites().at(siteIndex);
    const double utilisation
        = siteIndex < m_state->siteMetrics().size() ? m_state->siteMetrics().at(siteIndex).utilisation : 0;
    const QLocale locale;
    const QString primary = siteDisplayName(site);
    const QString secondary = primary == site.nameZh ? site.nameEn : site.nameZh;
    QString html = QStringLiteral("<b>%1</b>").arg(primary.toHtmlEscaped());
    if (!secondary.isEmpty())
        html += QStringLiteral(" %1").arg(secondary.toHtmlEscaped());
    html += QStringLiteral("<br>") + tr("ID: %1").arg(site.id.toHtmlEscaped()) + QStringLiteral("<br>")
        + tr("Tier: %1").arg(tierName(site.tier)) + QStringLiteral("<br>")
        + tr("Status: %1").arg(siteStatusName(site.status)) + QStringLiteral("<br>")
        + tr("Utilisation: %1 %").arg(locale.toString(utilisation * 100, 'f', 1)) + QStringLiteral("<br>")
        + tr("Capacity: %1 PFLOPS").arg(locale.toString(site.totalPflops(), 'f', 1));
    return html;
}

} // namespace cpn
