#include "maplegend.h"

#include "domainlabels.h"
#include "mapsymbols.h"
#include "mapviewport.h"
#include "utilisationcolor.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLinearGradient>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

namespace cpn {

namespace {

struct Row {
    std::function<void(QPainter&, QPointF)> key; // draws the key centred at the point
    QString text;
};

} // namespace

QImage MapLegend::render(qreal devicePixelRatio, const MapTheme& theme, bool latencyBands, const QStringList& platforms)
{
    constexpr double kPad = 10, kBarWidth = 170, kBarHeight = 8, kRow = 17, kKey = 26, kGap = 18;
    QFont font = QGuiApplication::font();
    font.setPixelSize(11);
    QFont titleFont = font;
    titleFont.setBold(true);
    const QFontMetricsF fm(font);
    const QColor text = QColor::fromRgba(theme.panelText);
    const QColor outline = QColor::fromRgba(theme.siteOutline);
    const QColor sample = utilisationColor(0.3);

    auto glyph = [&](MapSymbols::Shape shape, double r) {
        return [=](QPainter& p, QPointF c) {
            p.setPen(QPen(outline, 1));
            p.setBrush(sample);
            MapSymbols::drawShape(p, shape, c, r);
        };
    };
    auto ring = [&](QRgb color) {
        return [=](QPainter& p, QPointF c) {
            p.setPen(QPen(outline, 1));
            p.setBrush(sample);
            p.drawEllipse(c, 3.5, 3.5);
            p.setBrush(Qt::NoBrush);
            p.setPen(QPen(QColor::fromRgba(color), 1.6));
            p.drawEllipse(c, 6, 6);
        };
    };
    std::vector<Row> sites {
        { glyph(MapSymbols::Shape::Hub, 5.5), tierName(SiteTier::NationalHub) },
        { glyph(MapSymbols::Shape::Cluster, 4.5), tierName(SiteTier::Cluster) },
        { glyph(MapSymbols::Shape::Regional, 4), tierName(SiteTier::Regional) },
        { glyph(MapSymbols::Shape::Edge, 3.5), tierName(SiteTier::Edge) },
        { [&](QPainter& p, QPointF c) {
             QPen mark(QColor::fromRgba(theme.foldedMark), 1.2, Qt::CustomDashLine);
             mark.setDashPattern({ 2.0, 1.6 });
             p.setPen(mark);
             p.setBrush(Qt::NoBrush);
             p.drawEllipse(c, 6.5, 6.5);
             p.setPen(QPen(outline, 1));
             p.setBrush(sample);
             p.drawEllipse(c, 4, 4);
         },
            tr("Holds folded sites") },
        { ring(theme.ringDegraded), tr("Degraded") },
        { ring(theme.ringMaintenance), tr("Maintenance") },
        { ring(theme.ringOffline), tr("Offline") },
    };
    std::vector<Row> links {
        { [&](QPainter& p, QPointF c) {
             p.setPen(QPen(utilisationColor(0.2), 1.6, Qt::SolidLine, Qt::FlatCap));
             p.drawLine(c + QPointF(-11, 2), c + QPointF(11, 2));
             p.setPen(QPen(utilisationColor(0.85), 1.6, Qt::SolidLine, Qt::FlatCap));
             p.drawLine(c + QPointF(-11, -1), c + QPointF(11, -1));
         },
            tr("One lane per direction") },
        { [&](QPainter& p, QPointF c) {
             p.setPen(QPen(QColor::fromRgba(theme.linkDown), 1.0, Qt::DashLine));
             p.drawLine(c + QPointF(-11, 0), c + QPointF(11, 0));
             p.setPen(QPen(QColor::fromRgba(theme.linkBreak), 1.4));
             p.drawLine(c + QPointF(-2.5, -2.5), c + QPointF(2.5, 2.5));
             p.drawLine(c + QPointF(-2.5, 2.5), c + QPointF(2.5, -2.5));
         },
            tr("Link down") },
        { [&](QPainter& p, QPointF c) {
             QColor glow = QColor::fromRgba(theme.preview);
             glow.setAlpha(70);
             p.setPen(QPen(glow, 5));
             p.drawLine(c + QPointF(-11, 0), c + QPointF(11, 0));
             QPen dashes(QColor::fromRgba(theme.flow), 2, Qt::CustomDashLine, Qt::FlatCap);
             dashes.setDashPattern({ 2.0, 2.0 });
             p.setPen(dashes);
             p.drawLine(c + QPointF(-11, 0), c + QPointF(11, 0));
         },
            tr("Migration in flight") },
        { [&](QPainter& p, QPointF c) {
             p.setPen(QPen(outline, 1));
             p.setBrush(QColor::fromRgba(theme.alarmCritical));
             p.drawRoundedRect(QRectF(c.x() - 6, c.y() - 6, 12, 12), 6, 6);
         },
            tr("Active alarms") },
    };
    for (int i = 0; i < platforms.size(); ++i) {
        const QColor c = platformColor(i);
        sites.push_back({ [c, outline](QPainter& p, QPointF at) {
                             p.setPen(QPen(outline, 1));
                             p.setBrush(c);
                             p.drawEllipse(at, 4.5, 4.5);
                         },
            tr("Platform %1").arg(platforms[i]) });
    }
    if (latencyBands) {
        const char* const names[]
            = { QT_TR_NOOP("Within 1 ms"), QT_TR_NOOP("Within 5 ms"), QT_TR_NOOP("Within 20 ms") };
        for (int band = 0; band < 3; ++band) {
            QColor c = QColor::fromRgba(theme.reach[band]);
            links.push_back({ [c](QPainter& p, QPointF at) {
                                 QColor fill = c;
                                 fill.setAlpha(110);
                                 p.setPen(QPen(c.lighter(130), 1.4));
                                 p.setBrush(fill);
                                 p.drawEllipse(at, 6, 6);
                             },
                tr(names[band]) });
        }
    }

    const QString title = tr("Utilisation");
    const QString sitesTitle = tr("Sites");
    const QString linksTitle = tr("Links");
    const QString sizeNote = tr("Size: capacity (PFLOPS, Gbps)");
    auto columnWidth = [&](const std::vector<Row>& rows, const QString& heading) {
        double w = QFontMetricsF(titleFont).horizontalAdvance(heading);
        for (const Row& r : rows)
            w = std::max(w, kKey + 6 + fm.horizontalAdvance(r.text));
        return w;
    };
    const double left = columnWidth(sites, sitesTitle);
    const double right = columnWidth(links, linksTitle);
    const double width = std::max({ left + kGap + right, kBarWidth, fm.horizontalAdvance(sizeNote) });
    const double rows = double(std::max(sites.size(), links.size()));
    const double height = kPad + kRow + kBarHeight + 4 + fm.height() + 8 + kRow + rows * kRow + 4 + kRow + kPad - 4;
    const QRectF panel(0.5, 0.5, std::ceil(width + 2 * kPad), std::ceil(height));
    QImage image((panel.size() + QSizeF(1, 1)).toSize() * devicePixelRatio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(devicePixelRatio);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(QPen(QColor::fromRgba(theme.panelBorder), 1));
    painter.setBrush(QColor::fromRgba(theme.panel));
    painter.drawRoundedRect(panel, 4, 4);

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
    y += fm.height() + 8;

    auto column = [&](double cx, const QString& heading, const std::vector<Row>& list) {
        double cy = y;
        painter.setFont(titleFont);
        painter.setPen(text);
        painter.drawText(QRectF(cx, cy, width, kRow), Qt::AlignLeft | Qt::AlignVCenter, heading);
        cy += kRow;
        painter.setFont(font);
        for (const Row& row : list) {
            painter.save();
            row.key(painter, QPointF(cx + kKey / 2 - 1, cy + kRow / 2));
            painter.restore();
            painter.setPen(text);
            painter.drawText(QRectF(cx + kKey + 6, cy, width, kRow), Qt::AlignLeft | Qt::AlignVCenter, row.text);
            cy += kRow;
        }
    };
    column(x, sitesTitle, sites);
    column(x + left + kGap, linksTitle, links);
    y += kRow + rows * kRow + 4;
    QColor dim = text;
    dim.setAlpha(170);
    painter.setPen(dim);
    painter.drawText(QRectF(x, y, width, kRow), Qt::AlignLeft | Qt::AlignVCenter, sizeNote);
    painter.end();
    return image;
}

void MapLegend::paintScaleBar(QPainter& painter, const MapViewport& viewport, const MapTheme& theme, const QRect& area)
{
    constexpr double kMargin = 12, kMaxLengthPx = 120;
    const double metresPerPx = 1 / viewport.scale();
    const double maxKm = kMaxLengthPx * metresPerPx / 1000;
    const double power = std::pow(10.0, std::floor(std::log10(maxKm)));
    double km = power;
    for (double step : { 5.0, 2.0, 1.0 }) {
        if (step * power <= maxKm) {
            km = step * power;
            break;
        }
    }
    const double px = km * 1000 / metresPerPx;
    const QPointF end(area.right() + 1 - kMargin, area.bottom() + 1 - kMargin - 2);
    const QPointF start = end - QPointF(px, 0);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    const QColor ink = QColor::fromRgba(theme.panelText);
    const QColor halo = QColor::fromRgba(theme.labelHalo);
    for (int pass = 0; pass < 2; ++pass) {
        painter.setPen(QPen(pass == 0 ? halo : ink, pass == 0 ? 3.0 : 1.0));
        painter.drawLine(start, end);
        painter.drawLine(start, start - QPointF(0, 5));
        painter.drawLine(end, end - QPointF(0, 5));
    }
    QFont font = QGuiApplication::font();
    font.setPixelSize(11);
    painter.setFont(font);
    painter.setPen(ink);
    painter.drawText(QRectF(start.x() - 20, start.y() - 20, px + 40, 16), Qt::AlignCenter,
        tr("%1 km").arg(QLocale().toString(km, 'g', 6)));
    painter.restore();
}

} // namespace cpn
