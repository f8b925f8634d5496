#pragma once
// A capacity report (capacityreport.h) written to a file to hand on or to work with: a PDF to
// print (A4, the charts, every table, page numbers), a CSV and an XLSX workbook for
// spreadsheets. Every word and column comes from CapacityWording, so the file says what the
// capacity review window says. No widgets: safe on a worker thread while a QGuiApplication
// exists.

#include "capacityreport.h"

#include <QCoreApplication>
#include <QString>

#include <functional>
#include <optional>

namespace cpn {

class ReportExport {
    Q_DECLARE_TR_FUNCTIONS(cpn::ReportExport)
public:
    enum class Format { Pdf, Csv, Xlsx };
    // The format a file name asks for by its suffix (any case); nullopt for another.
    static std::optional<Format> formatFor(const QString& path);

    struct Context {
        QString source; // where the data came from, in words (platforms and their addresses)
    };

    // Called now and then with the work done out of the total; returning false cancels.
    using Progress = std::function<bool(int done, int total)>;

    // Writes `report` to `path` in `format`, all or nothing (a file already there is replaced
    // only on success). False with a translated *error (may be null) on failure or cancel.
    static bool write(const CapacityReport& report, const Context& context, const QString& path, Format format,
        const Progress& progress, QString* error);

    // The CSV's columns, in its header row (stable, English, for scripts).
    static QStringList csvColumns();
};

} // namespace cpn
