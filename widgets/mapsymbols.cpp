#include "mapsymbols.h"

#include "maptheme.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace cpn {

namespace {

constexpr qsizetype kMaxSites = 4096; // a few MB at most; the set in use changes only with zoom
constexpr qsizetype kMaxLabels = 2048;
constexpr double kRingGap = 2.5;
constexpr double kRingWidth = 1.6;
constexpr double kHaloWidth = 4;

QRgb ringColor(MapSymbols::Ring ring)
{
    switch (ring) {
    case MapSymbols::Ring::Degraded:
        return maptheme::kRingDegraded;
    case MapSymbols::Ring::Maintenance:
        return maptheme::kRingMaintenance;
    case MapSymbols::Ring::Offline:
        return maptheme::kRingOffline;
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

} // namespace

void MapSymbols::setDevicePixelRatio(qreal devicePixelRatio)
{
    if (devicePixelRatio == m_devicePixelRatio)
        return;
    m_sites.clear();
    m_labels.clear();
    m_devicePixelRatio = devicePixelRatio;
}

const QImage& MapSymbols::site(
    int colorKey, const QColor& fill, double radius, Ring ring, bool halo, qreal devicePixelRatio)
{
    setDevicePixelRatio(devicePixelRatio);
    if (m_sites.size() > kMaxSites)
        m_sites.clear();
    const int quarterPixels = std::max(1, int(std::lround(radius * 4)));
    const quint64 key = quint64(colorKey) | quint64(quarterPixels) << 16 | quint64(ring) << 40 | quint64(halo) << 48;
    auto it = m_sites.find(key);
    if (it != m_sites.end())
        return *it;

    const double r = quarterPixels / 4.0;
    double extent = r + 1;
    if (ring != Ring::None)
        extent = r + kRingGap + kRingWidth;
    if (halo)
        extent = std::max(extent, r + kHaloWidth + 1);
    const int side = 2 * int(std::ceil(extent + 0.5)); // even, so the centre is a pixel corner
    QImage image = transparentImage(QSize(side, side), devicePixelRatio);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPointF c(side / 2.0, side / 2.0);
    if (halo) {
        QColor glow = fill;
        glow.setAlpha(70);
        painter.setPen(Qt::NoPen);
        painter.setBrush(glow);
        painter.drawEllipse(c, r + kHaloWidth, r + kHaloWidth);
    }
    // Small dots go without an outline: it would swallow their colour.
    if (r >= 2.5)
        painter.setPen(QPen(QColor::fromRgba(maptheme::kSiteOutline), 1.0));
    else
        painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawEllipse(c, r, r);
    if (ring != Ring::None) {
        painter.setPen(QPen(QColor::fromRgba(ringColor(ring)), kRingWidth));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, r + kRingGap, r + kRingGap);
    }
    painter.end();
    return *m_sites.insert(key, std::move(image));
}

const QImage& MapSymbols::label(const QString& text, bool hub, qreal devicePixelRatio)
{
    setDevicePixelRatio(devicePixelRatio);
    if (m_labels.size() > kMaxLabels)
        m_labels.clear();
    const QString key = (hub ? QLatin1Char('H') : QLatin1Char('S')) + text;
    auto it = m_labels.find(key);
    if (it != m_labels.end())
        return *it;

    QFont font = QGuiApplication::font();
    font.setPixelSize(hub ? 13 : 11);
    font.setBold(hub);
    const QFontMetricsF metrics(font);
    const QSize size(int(std::ceil(metrics.horizontalAdvance(text))) + 2 * labelMargin,
        int(std::ceil(metrics.height())) + 2 * labelMargin);
    QImage image = transparentImage(size, devicePixelRatio);
    QPainterPath path;
    path.addText(QPointF(labelMargin, labelMargin + metrics.ascent()), font, text);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    painter.setPen(QPen(QColor::fromRgba(maptheme::kLabelHalo), 3.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    painter.drawPath(path);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgba(maptheme::kLabelText));
    painter.drawPath(path);
    painter.end();
    return *m_labels.insert(key, std::move(image));
}

} // namespace cpn
