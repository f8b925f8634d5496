#include "mapsymbols.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace cpn {

namespace {

constexpr qsizetype kMaxSites = 4096; // a few MB at most; the set in use changes only with zoom
constexpr qsizetype kMaxLabels = 4096;
constexpr double kRingGap = 2.5;
constexpr double kRingWidth = 1.6;
constexpr double kFoldGap = 2.8;
constexpr double kHaloWidth = 4;

QRgb ringColor(const MapTheme& theme, MapSymbols::Ring ring)
{
    switch (ring) {
    case MapSymbols::Ring::Degraded:
        return theme.ringDegraded;
    case MapSymbols::Ring::Maintenance:
        return theme.ringMaintenance;
    case MapSymbols::Ring::Offline:
        return theme.ringOffline;
    case MapSymbols::Ring::None:
        break;
    }
    return 0;
}

QImage transparentImage(QSize logical, qreal devicePixelRatio)
{
    QImage image(logical * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    return image;
}

double foldRadius(const MapSymbols::SiteStyle& style)
{
    return style.radius + kFoldGap;
}

double ringRadius(const MapSymbols::SiteStyle& style)
{
    return (style.folded ? foldRadius(style) : style.radius) + kRingGap;
}

} // namespace

MapSymbols::Shape MapSymbols::shapeOf(SiteTier tier)
{
    switch (tier) {
    case SiteTier::NationalHub:
        return Shape::Hub;
    case SiteTier::Cluster:
        return Shape::Cluster;
    case SiteTier::Edge:
        return Shape::Edge;
    default:
        return Shape::Regional;
    }
}

void MapSymbols::drawShape(QPainter& painter, Shape shape, QPointF c, double r)
{
    switch (shape) {
    case Shape::Hub:
    case Shape::Regional:
        painter.drawEllipse(c, r, r);
        return;
    case Shape::Cluster: {
        // A diamond of about the same area as the circle.
        const double d = r * 1.25;
        const QPointF points[] = { c + QPointF(0, -d), c + QPointF(d, 0), c + QPointF(0, d), c + QPointF(-d, 0) };
        painter.drawPolygon(points, 4);
        return;
    }
    case Shape::Edge: {
        const double d = r * 1.3;
        const QPointF points[]
            = { c + QPointF(0, -d), c + QPointF(d * 0.866, d * 0.5), c + QPointF(-d * 0.866, d * 0.5) };
        painter.drawPolygon(points, 3);
        return;
    }
    }
}

void MapSymbols::setTheme(const MapTheme& theme)
{
    if (&theme == m_theme)
        return;
    m_theme = &theme;
    m_sites.clear();
    m_badges.clear();
    m_labels.clear();
}

void MapSymbols::setDevicePixelRatio(qreal devicePixelRatio)
{
    if (devicePixelRatio == m_devicePixelRatio)
        return;
    m_sites.clear();
    m_badges.clear();
    m_labels.clear();
    m_devicePixelRatio = devicePixelRatio;
}

double MapSymbols::outerRadius(const SiteStyle& style)
{
    if (style.ring != Ring::None)
        return ringRadius(style) + kRingWidth / 2;
    if (style.folded)
        return foldRadius(style) + 0.5;
    return style.radius * (style.shape == Shape::Cluster ? 1.25 : style.shape == Shape::Edge ? 1.3 : 1.0);
}

const QImage& MapSymbols::site(const SiteStyle& style, qreal devicePixelRatio)
{
    setDevicePixelRatio(devicePixelRatio);
    if (m_sites.size() > kMaxSites)
        m_sites.clear();
    const int quarterPixels = std::max(1, int(std::lround(style.radius * 4)));
    const quint64 key = quint64(style.colorKey) | quint64(quarterPixels) << 16 | quint64(style.ring) << 40
        | quint64(style.shape) << 44 | quint64(style.folded) << 48;
    auto it = m_sites.find(key);
    if (it != m_sites.end())
        return *it;

    SiteStyle s = style;
    s.radius = quarterPixels / 4.0;
    const double r = s.radius;
    const bool halo = s.shape == Shape::Hub;
    double extent = outerRadius(s) + 1;
    if (halo)
        extent = std::max(extent, r + kHaloWidth + 1);
    const int side = 2 * int(std::ceil(extent + 0.5)); // even, so the centre is a pixel corner
    QImage image = transparentImage(QSize(side, side), devicePixelRatio);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPointF c(side / 2.0, side / 2.0);
    if (halo) {
        QColor glow = s.fill;
        glow.setAlpha(m_theme->kind == MapThemeKind::Dark ? 70 : 90);
        painter.setPen(Qt::NoPen);
        painter.setBrush(glow);
        painter.drawEllipse(c, r + kHaloWidth, r + kHaloWidth);
    }
    if (s.folded) {
        QPen mark(QColor::fromRgba(m_theme->foldedMark), 1.2, Qt::CustomDashLine);
        mark.setDashPattern({ 2.0, 1.6 });
        painter.setPen(mark);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, foldRadius(s), foldRadius(s));
    }
    // Small glyphs go without an outline: it would swallow their colour.
    if (r >= 2.5)
        painter.setPen(QPen(QColor::fromRgba(m_theme->siteOutline), 1.0));
    else
        painter.setPen(Qt::NoPen);
    painter.setBrush(s.fill);
    drawShape(painter, s.shape, c, r);
    if (s.ring != Ring::None) {
        painter.setPen(QPen(QColor::fromRgba(ringColor(*m_theme, s.ring)), kRingWidth));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, ringRadius(s), ringRadius(s));
    }
    painter.end();
    return *m_sites.insert(key, std::move(image));
}

const QImage& MapSymbols::alarmBadge(AlarmSeverity severity, int count, qreal devicePixelRatio)
{
    setDevicePixelRatio(devicePixelRatio);
    const bool critical = severity >= AlarmSeverity::Major;
    const int shown = std::clamp(count, 1, 100);
    const quint32 key = quint32(shown) | quint32(critical) << 16;
    auto it = m_badges.find(key);
    if (it != m_badges.end())
        return *it;
    const QString text = shown >= 100 ? QStringLiteral("99+")
        : shown == 1                  ? QStringLiteral("!")
                                      : QString::number(shown);
    QFont font = QGuiApplication::font();
    font.setPixelSize(9);
    font.setBold(true);
    const QFontMetricsF metrics(font);
    const double height = 13;
    const double width = std::max(height, metrics.horizontalAdvance(text) + 7);
    QImage image = transparentImage(QSize(int(std::ceil(width)) + 2, int(height) + 2), devicePixelRatio);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor::fromRgba(m_theme->siteOutline), 1.0));
    painter.setBrush(QColor::fromRgba(critical ? m_theme->alarmCritical : m_theme->alarmWarning));
    const QRectF box(1, 1, width, height);
    painter.drawRoundedRect(box, height / 2, height / 2);
    painter.setFont(font);
    painter.setPen(QColor::fromRgba(m_theme->alarmText));
    painter.drawText(box, Qt::AlignCenter, text);
    painter.end();
    return *m_badges.insert(key, std::move(image));
}

double MapSymbols::labelLineCentre(bool hub)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(hub ? 13 : 11);
    font.setBold(hub);
    return labelMargin + QFontMetricsF(font).height() / 2;
}

QString MapSymbols::labelKey(const QString& text, const QString& subText, bool hub)
{
    return (hub ? QLatin1Char('H') : QLatin1Char('S')) + text + QChar(0x1f) + subText;
}

void MapSymbols::beginLabels()
{
    ++m_labelFrame;
    if (m_labels.size() <= kMaxLabels)
        return;
    // Never in the middle of a frame, and never what the frame before showed.
    m_labels.removeIf([this](const auto& entry) { return entry.value().frame + 1 < m_labelFrame; });
}

const QImage* MapSymbols::findLabel(const QString& text, const QString& subText, bool hub, qreal devicePixelRatio)
{
    if (devicePixelRatio != m_devicePixelRatio)
        return nullptr;
    const auto it = m_labels.find(labelKey(text, subText, hub));
    if (it == m_labels.end())
        return nullptr;
    it->frame = m_labelFrame;
    return &it->image;
}

const QImage& MapSymbols::label(const QString& text, const QString& subText, bool hub, qreal devicePixelRatio)
{
    setDevicePixelRatio(devicePixelRatio);
    if (const QImage* made = findLabel(text, subText, hub, devicePixelRatio))
        return *made;

    QFont font = QGuiApplication::font();
    font.setPixelSize(hub ? 13 : 11);
    font.setBold(hub);
    QFont subFont = QGuiApplication::font();
    subFont.setPixelSize(10);
    const QFontMetricsF metrics(font);
    const QFontMetricsF subMetrics(subFont);
    double width = metrics.horizontalAdvance(text);
    double height = metrics.height();
    if (!subText.isEmpty()) {
        width = std::max(width, subMetrics.horizontalAdvance(subText));
        height += subMetrics.height() - 1;
    }
    const QSize size(int(std::ceil(width)) + 2 * labelMargin, int(std::ceil(height)) + 2 * labelMargin);
    QImage image = transparentImage(size, devicePixelRatio);
    QPainterPath path;
    path.addText(QPointF(labelMargin, labelMargin + metrics.ascent()), font, text);
    QPainterPath subPath;
    if (!subText.isEmpty())
        subPath.addText(
            QPointF(labelMargin, labelMargin + metrics.height() - 1 + subMetrics.ascent()), subFont, subText);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor::fromRgba(m_theme->labelHalo), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(path);
    painter.drawPath(subPath);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgba(m_theme->labelText));
    painter.drawPath(path);
    painter.setBrush(QColor::fromRgba(m_theme->labelSubText));
    painter.drawPath(subPath);
    painter.end();
    return m_labels.insert(labelKey(text, subText, hub), { std::move(image), m_labelFrame })->image;
}

} // namespace cpn
