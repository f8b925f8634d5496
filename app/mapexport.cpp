#include "mapexport.h"

#include "mapview.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QPainter>
#include <QMainWindow>
#include <QPrintPreviewDialog>
#include <QPrinter>
#include <QStatusBar>
#include <QSvgGenerator>

namespace cpn {

QString exportMap(MapView& map, const QString& file, const QString& title)
{
    const QString cannotWrite = QCoreApplication::translate("cpn::MapExport", "Cannot write %1").arg(QDir::toNativeSeparators(file));
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (suffix == QLatin1String("svg")) {
        // A drawing: lines and text stay sharp at any size (the site glyphs are pictures).
        QSvgGenerator svg;
        svg.setFileName(file);
        svg.setSize(map.size());
        svg.setViewBox(map.rect());
        svg.setTitle(title);
        svg.setDescription(QCoreApplication::translate("cpn::MapExport", "The computing power network as the map showed it at %1")
                               .arg(QLocale().toString(QDateTime::currentDateTime(), QLocale::LongFormat)));
        QPainter painter;
        if (!painter.begin(&svg))
            return cannotWrite;
        map.render(painter);
        painter.end();
        return QFileInfo(file).size() > 0 ? QString() : cannotWrite;
    }
    if (suffix != QLatin1String("png"))
        return QCoreApplication::translate("cpn::MapExport", "Choose a file ending in .png (a picture) or .svg (a drawing)");
    const qreal ratio = map.devicePixelRatioF();
    QImage image(map.size() * ratio, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::transparent);
    {
        QPainter painter(&image);
        map.render(painter);
    }
    return image.save(file, "PNG") ? QString() : cannotWrite;
}

QString printMap(MapView& map, QPrinter& printer, const QString& heading)
{
    QPainter painter;
    if (!painter.begin(&printer))
        return QCoreApplication::translate("cpn::MapExport", "The printer cannot be used");
    const QRectF page = printer.pageLayout().paintRectPixels(printer.resolution());
    const QRectF area(0, 0, page.width(), page.height());
    QFont font = painter.font();
    font.setPointSizeF(12);
    painter.setFont(font);
    const QRectF headingBox = painter.boundingRect(area, Qt::AlignLeft | Qt::TextWordWrap, heading);
    painter.drawText(area, Qt::AlignLeft | Qt::TextWordWrap, heading);
    // The map scaled to the space under the heading, its proportions kept.
    const QRectF room = area.adjusted(0, headingBox.height() + page.height() * 0.02, 0, 0);
    const QSizeF size = QSizeF(map.size()).scaled(room.size(), Qt::KeepAspectRatio);
    const qreal scale = size.width() / std::max(1, map.width());
    painter.translate(room.left() + (room.width() - size.width()) / 2, room.top());
    painter.scale(scale, scale);
    map.render(painter);
    return painter.end() ? QString() : QCoreApplication::translate("cpn::MapExport", "The printer cannot be used");
}

void previewAndPrintMap(MapView& map, QWidget* parent, const std::function<QString()>& heading)
{
    // A preview first: what will be on the page, before paper is used.
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageOrientation(QPageLayout::Landscape);
    QPrintPreviewDialog preview(&printer, parent);
    preview.setWindowTitle(QCoreApplication::translate("cpn::MapExport", "Print map"));
    QObject::connect(&preview, &QPrintPreviewDialog::paintRequested, parent, [&map, parent, &heading](QPrinter* target) {
        const QString error = printMap(map, *target, heading());
        if (auto* window = qobject_cast<QMainWindow*>(parent); window && !error.isEmpty())
            window->statusBar()->showMessage(error, 10000);
    });
    preview.exec();
}

} // namespace cpn
