#include "sitesymbols.h"

#include "maptheme.h"

#include <QPainter>

#include <cmath>

namespace cpn {

namespace {

constexpr int kMaxCached = 4096; // a few MB at most; the set in use changes only with zoom
constexpr double kRingGap = 2.5;
constexpr double kRingWidth = 1.6;
constexpr double kHaloWidth = 4;

QRgb ringColor(SiteSymbols::Ring ring)
{
    switch (ring) {
    case SiteSymbols::Ring::Degraded:
        return maptheme::kRingDegraded;
    case SiteSymbols::Ring::Maintenance:
        return maptheme::kRingMaintenance;
    case SiteSymbols::Ring::Offline:
        return maptheme::kRingOffline;
    case SiteSymbols::Ring::None:
        break;
    }
    return 0;
}

} // namespace

const QImage& SiteSymbols::symbol(int colorKey, const QColor& fill, double radius, Ring ring, bool halo,
    qreal devicePixelRatio)
{
    if (devicePixelRatio != m_devicePixelRatio || m_cache.size() > kMaxCached) {
        m_cache.clear();
        m_devicePixelRatio = devicePixelRatio;
    }
    const int quarterPixels = std::max(1, int(std::lround(radius * 4)));
    const quint64 key = quint64(colorKey) | quint64(quarterPixels) << 16 | quint64(ring) << 40 | quint64(halo) << 48;
    auto it = m_cache.find(key);
    if (it != m_cache.end())
        return *it;

    const double r = quarterPixels / 4.0;
    double extent = r + 1;
    if (ring != Ring::None)
        extent = r + kRingGap + kRingWidth;
    if (halo)
        extent = std::max(extent, r + kHaloWidth + 1);
    const int side = 2 * int(std::ceil(extent + 0.5)); // even, so the centre is a pixel corner
    QImage image(QSize(side, side) * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
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
    return *m_cache.insert(key, std::move(image));
}

} // namespace cpn
