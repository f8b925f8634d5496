#include "maplegend.h"

#include "maptheme.h"
#include "utilisationcolor.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLinearGradient>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cpn {

QImage MapLegend::render(qreal devicePixelRatio)
{
    constexpr double kPad = 10, kBarWidth = 150, kBarHeight = 8, kRow = 18;
    QFont font = QGuiApplication::font();
    font.setPixelSize(11);
    QFont titleFont = font;
    titleFont.setBold(true);
    const QFontMetricsF fm(font);

    const QString title = tr("Utilisation");
    const struct {
        QRgb color;
        QString text;
    } rings[] = {
        { maptheme::kRingDegraded, tr("Degraded") },
        { maptheme::kRingMaintenance, tr("Maintenance") },
        { maptheme::kRingOffline, tr("Offline") },
    };
    const QString linkDown = tr("Link down");
    const QString sizeNote = tr("Circle area: capacity (PFLOPS)");

    double width = kBarWidth;
    for (const auto& ring : rings)
        width = std::max(width, 22 + fm.horizontalAdvance(ring.text));
    width = std::max({ width, 30 + fm.horizontalAdvance(linkDown), fm.horizontalAdvance(sizeNote) });
    const double height = kPad + kRow + kBarHeight + 4 + fm.height() + 6 + 3 * kRow + kRow + kRow + kPad - 4;
    const QRectF panel(0.5, 0.5, std::ceil(width + 2 * kPad), std::ceil(height));
    QImage image((panel.size() + QSizeF(1, 1)).toSize() * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor::fromRgba(maptheme::kPanelBorder), 1));
    painter.setBrush(QColor::fromRgba(maptheme::kPanel));
    painter.drawRoundedRect(panel, 4, 4);

    const QColor text = QColor::fromRgba(maptheme::kPanelText);
    double x = panel.left() + kPad;
    double y = panel.top() + kPad;
    painter.setFont(titleFont);
    painter.setPen(text);
    painter.drawText(QRectF(x, y, width, kRow), Qt::AlignLeft | Qt::AlignVCenter, title);
    y += kRow;

    QLinearGradient gradient(x, 0, x + kBarWidth, 0);
    for (int i = 0; i <= 10; ++i)
        gradient.setColorAt(i / 10.0, utilisationColor(i / 10.0));
    painter.setPen(Qt::NoPen);
    painter.setBrush(gradient);
    painter.drawRoundedRect(QRectF(x, y, kBarWidth, kBarHeight), 2, 2);
    y += kBarHeight + 4;
    painter.setFont(font);
    painter.setPen(text);
    const QRectF ticks(x - 20, y, kBarWidth + 40, fm.height());
    painter.drawText(ticks, Qt::AlignHCenter | Qt::AlignTop, QStringLiteral("50%"));
    painter.drawText(ticks.adjusted(20, 0, 0, 0), Qt::AlignLeft | Qt::AlignTop, QStringLiteral("0%"));
    painter.drawText(ticks.adjusted(0, 0, -20, 0), Qt::AlignRight | Qt::AlignTop, QStringLiteral("100%"));
    y += fm.height() + 6;

    for (const auto& ring : rings) {
        painter.setBrush(utilisationColor(0.3));
        painter.setPen(QPen(QColor::fromRgba(maptheme::kSiteOutline), 1));
        const QPointF c(x + 7, y + kRow / 2);
        painter.drawEllipse(c, 4, 4);
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(QColor::fromRgba(ring.color), 1.6));
        painter.drawEllipse(c, 6.5, 6.5);
        painter.setPen(text);
        painter.drawText(QRectF(x + 22, y, width, kRow), Qt::AlignLeft | Qt::AlignVCenter, ring.text);
        y += kRow;
    }
    painter.setPen(QPen(QColor::fromRgba(maptheme::kLinkDown), 1.0, Qt::DashLine));
    painter.drawLine(QPointF(x, y + kRow / 2), QPointF(x + 22, y + kRow / 2));
    painter.setPen(text);
    painter.drawText(QRectF(x + 30, y, width, kRow), Qt::AlignLeft | Qt::AlignVCenter, linkDown);
    y += kRow;
    QColor dim = text;
    dim.setAlpha(170);
    painter.setPen(dim);
    painter.drawText(QRectF(x, y, width, kRow), Qt::AlignLeft | Qt::AlignVCenter, sizeNote);
    painter.end();
    return image;
}

} // namespace cpn
