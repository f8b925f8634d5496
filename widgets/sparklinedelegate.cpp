#include "sparklinedelegate.h"

#include "recenthistory.h"
#include "utilisationcolor.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace cpn {

SparklineDelegate::SparklineDelegate(const RecentHistory* history, int entityIdRole, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_history(history)
    , m_role(entityIdRole)
{
}

QList<QPolygonF> SparklineDelegate::sparkline(const QList<double>& values, const QRectF& rect)
{
    QList<QPolygonF> parts;
    if (values.isEmpty())
        return parts;
    const double dx = values.size() > 1 ? rect.width() / double(values.size() - 1) : 0;
    QPolygonF part;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const double v = values.at(i);
        if (std::isnan(v)) {
            if (!part.isEmpty())
                parts.append(std::exchange(part, {}));
            continue;
        }
        part.append(QPointF(rect.left() + dx * double(i), rect.bottom() - std::clamp(v, 0.0, 1.0) * rect.height()));
    }
    if (!part.isEmpty())
        parts.append(part);
    return parts;
}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    const QList<double> values = m_history ? m_history->utilisation(index.data(m_role).toString()) : QList<double>();
    // The line takes at most half the cell; the text keeps the rest.
    const int width = std::min(kWidth, option.rect.width() / 2 - 4);
    if (values.isEmpty() || width < 16) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem text = option;
    text.rect.setRight(option.rect.right() - width - 4);
    // The row's background across the whole cell, the text left of the line.
    QStyleOptionViewItem background = option;
    initStyleOption(&background, index);
    background.text.clear();
    background.icon = {};
    const QWidget* widget = option.widget;
    QStyle* style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
    QStyledItemDelegate::paint(painter, text, index);

    const QRectF area = QRectF(option.rect.right() - width - 2, option.rect.top() + 3, width, option.rect.height() - 6);
    double latest = 0;
    for (double v : values) {
        if (!std::isnan(v))
            latest = v;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(utilisationColor(latest), 1.5));
    for (const QPolygonF& part : sparkline(values, area)) {
        if (part.size() == 1)
            painter->drawPoint(part.first());
        else
            painter->drawPolyline(part);
    }
    painter->restore();
}

QSize SparklineDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.rwidth() += kWidth + 6;
    return size;
}

} // namespace cpn
