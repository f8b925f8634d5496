#pragma once
// The three charts of a capacity report (capacityreport.h), drawn with a plain QPainter into a
// rectangle: the capacity review window paints them on a dark screen, the PDF report on white
// paper. Sizes follow the style's font, so the same call suits a widget and a 300 dpi page.

#include "capacityreport.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>

class QPainter;
class QRectF;

namespace cpn {

// Colours and font of a report chart. Line widths and gaps are fractions of the font's height.
struct ReportChartStyle {
    QFont font; // axis labels and legend; the title is a little larger and bold
    QColor background; // invalid: the rectangle is left as it is
    QColor text;
    QColor mutedText; // axis labels, "no data"
    QColor grid;
    QColor axis;
    QColor line; // utilisation, western share; installed capacity's bars
    QColor secondary; // mean in use's bars
    QColor target; // the dashed target line
    bool title = true; // draw the chart's title at the top of the rectangle

    static ReportChartStyle screen(const QFont& font); // dark control-room screen
    static ReportChartStyle paper(const QFont& font); // white paper, readable in black and white
};

class ReportCharts {
    Q_DECLARE_TR_FUNCTIONS(cpn::ReportCharts)
public:
    // (a) Utilisation of the scope over the period (%, Beijing time), the target dashed.
    static void drawUtilisation(
        QPainter* painter, const QRectF& rect, const CapacityReport& report, const ReportChartStyle& style);
    // (b) Capacity installed against mean in use, two bars per region (PFLOPS).
    static void drawRegions(
        QPainter* painter, const QRectF& rect, const CapacityReport& report, const ReportChartStyle& style);
    // (c) The western regions' share of the computing in use over the period (%).
    static void drawWestShare(
        QPainter* painter, const QRectF& rect, const CapacityReport& report, const ReportChartStyle& style);

    static QString utilisationTitle();
    static QString regionsTitle();
    static QString westShareTitle();
};

} // namespace cpn
