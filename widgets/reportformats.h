#pragma once
// Inside ReportExport (reportexport.h): the writer of each format (reportpdf.cpp, reportcsv.cpp,
// reportxlsx.cpp) and what they share (reportexport.cpp): one write in progress, the report's
// tables and particulars, the words and colours of a target met or missed. Not for other code.

#include "capacitywording.h"
#include "domainlabels.h"
#include "reportexport.h"

#include <QColor>
#include <QList>
#include <QString>

#include <optional>

class QDateTime;
class QSaveFile;

namespace cpn::reportformats {

// One write: the report, where it goes, how far it is.
struct Job {
    const CapacityReport& report;
    const ReportExport::Context& context;
    QSaveFile& file;
    const ReportExport::Progress& progress;
    QString* error;
    int total = 1;
    int done = 0;
    bool cancelled = false;

    // Counts work done; false once the caller cancels.
    bool advance(int n = 1);
    // Sets the error (when asked for one); false.
    bool fail(const QString& message);
};

// Each returns false on failure or cancel (job.cancelled), with job.error set where it can say why.
bool writePdf(Job& job);
bool writeCsv(Job& job);
bool writeXlsx(Job& job);

inline QDateTime beijing(qint64 ms)
{
    return beijingDateTime(ms);
}

// A table of the report: its title and rows, the scope's total under the regions.
struct FigureTable {
    QString title;
    QString csvName;
    QList<CapacityFigures> rows;
    bool hasTotal = false; // the last row is the scope's total

    bool isTotal(const CapacityFigures& row) const { return hasTotal && &row == &rows.last(); }
};
QList<FigureTable> figureTables(const CapacityReport& report);
int rowCount(const QList<FigureTable>& tables);

// A series of the report with a value per sample, as a fraction.
struct SeriesTable {
    QString title;
    QString header; // the value's, with its unit (per cent)
    QString csvName;
    QList<SeriesPoint> points;
};
QList<SeriesTable> seriesTables(const CapacityReport& report);

struct Particular {
    QString label;
    QString value;
};
// What the report is: scope, period, type, when it was made, where the data came from.
QList<Particular> particulars(const CapacityReport& report, const ReportExport::Context& context);

// The headline figures' table: figure, value, target, against target.
QStringList headlineHeaders();
// A column's header, with its target on a second line where there is one.
QString columnHeading(const ReportColumn& column);
// Met or not against the column's target; nullopt without one.
std::optional<bool> meetsTarget(const ReportColumn& column, const CapacityFigures& figures);
// "✓ met" or "✗ missed"; empty without a target.
QString targetWords(const std::optional<bool>& met);

// The colours of a figure against its target, on paper and in a spreadsheet.
struct TargetColours {
    QColor background;
    QColor text;
};
TargetColours targetColours(bool met);
inline constexpr QColor kHeaderBackground(0xec, 0xef, 0xf3);

} // namespace cpn::reportformats
