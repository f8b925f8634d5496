#include "reportformats.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimeZone>

namespace cpn::reportformats {

bool Job::advance(int n)
{
    done = std::min(total, done + n);
    if (progress && !progress(done, total))
        cancelled = true;
    return !cancelled;
}

bool Job::fail(const QString& message)
{
    if (error)
        *error = message;
    return false;
}

QList<FigureTable> figureTables(const CapacityReport& report)
{
    QList<CapacityFigures> regions = report.regions;
    if (!report.isEmpty())
        regions.append(report.total);
    return {
        { ReportExport::tr("Regions"), QStringLiteral("region"), regions, !report.isEmpty() },
        { ReportExport::tr("Hubs and clusters"), QStringLiteral("hub"), report.hubs, false },
        { ReportExport::tr("Busiest sites"), QStringLiteral("busiest"), report.busiest, false },
    };
}

int rowCount(const QList<FigureTable>& tables)
{
    int rows = 0;
    for (const FigureTable& t : tables)
        rows += int(t.rows.size());
    return rows;
}

QList<SeriesTable> seriesTables(const CapacityReport& report)
{
    return {
        { ReportExport::tr("Utilisation"), ReportExport::tr("Utilisation (%)"), QStringLiteral("utilisation"),
            report.utilisation },
        { ReportExport::tr("Western share"), ReportExport::tr("Western share (%)"), QStringLiteral("west_share"),
            report.westShare },
    };
}

QList<Particular> particulars(const CapacityReport& report, const ReportExport::Context& context)
{
    const QString none = QStringLiteral("—");
    return {
        { ReportExport::tr("Scope"), report.scopeName },
        { ReportExport::tr("Period"), CapacityWording::periodText(report) },
        { ReportExport::tr("Accelerator type"), CapacityWording::typeText(report.scope.architecture) },
        { ReportExport::tr("Generated"),
            report.generatedTimeMs > 0
                ? ReportExport::tr("%1 (Beijing time)")
                      .arg(beijing(report.generatedTimeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm")))
                : none },
        { ReportExport::tr("Data source"), context.source.isEmpty() ? none : context.source },
    };
}

QStringList headlineHeaders()
{
    return { ReportExport::tr("Figure"), ReportExport::tr("Value"), ReportExport::tr("Target"),
        ReportExport::tr("Against target") };
}

QString columnHeading(const ReportColumn& column)
{
    return column.target.isEmpty()
        ? column.header
        : column.header + QLatin1Char('\n') + ReportExport::tr("target %1").arg(column.target);
}

std::optional<bool> meetsTarget(const ReportColumn& column, const CapacityFigures& figures)
{
    return column.meetsTarget ? column.meetsTarget(figures) : std::nullopt;
}

QString targetWords(const std::optional<bool>& met)
{
    if (!met)
        return {};
    return *met ? ReportExport::tr("✓ met") : ReportExport::tr("✗ missed");
}

TargetColours targetColours(bool met)
{
    if (met)
        return { QColor(0xd7, 0xef, 0xd7), QColor(0x1b, 0x5e, 0x20) };
    return { QColor(0xf8, 0xd5, 0xd3), QColor(0xb7, 0x1c, 0x1c) };
}

} // namespace cpn::reportformats

namespace cpn {

std::optional<ReportExport::Format> ReportExport::formatFor(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("pdf"))
        return Format::Pdf;
    if (suffix == QLatin1String("csv"))
        return Format::Csv;
    if (suffix == QLatin1String("xlsx"))
        return Format::Xlsx;
    return std::nullopt;
}

bool ReportExport::write(const CapacityReport& report, const Context& context, const QString& path, Format format,
    const Progress& progress, QString* error)
{
    const QFileInfo info(path);
    if (path.isEmpty() || info.fileName().isEmpty()) {
        if (error)
            *error = tr("No file name was given for the report.");
        return false;
    }
    if (!info.absoluteDir().exists()) {
        if (error)
            *error = tr("Cannot write the report: the folder %1 does not exist.")
                         .arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    if (info.isDir()) {
        if (error)
            *error = tr("Cannot write the report: %1 is a folder.").arg(QDir::toNativeSeparators(path));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = tr("Cannot write the report to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    reportformats::Job job { report, context, file, progress, error };
    bool ok = false;
    switch (format) {
    case Format::Pdf:
        ok = reportformats::writePdf(job);
        break;
    case Format::Csv:
        ok = reportformats::writeCsv(job);
        break;
    case Format::Xlsx:
        ok = reportformats::writeXlsx(job);
        break;
    }
    if (job.cancelled) {
        file.cancelWriting();
        if (error)
            *error = tr("The report was cancelled: nothing was written.");
        return false;
    }
    if (!ok) {
        file.cancelWriting();
        if (error && error->isEmpty())
            *error = tr("Cannot write the report to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    if (!file.commit()) {
        if (error)
            *error = tr("Cannot write the report to %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace cpn
