// The XLSX workbook, built with libxlsxwriter in a scratch folder and then copied into the
// file being saved: a summary sheet, a sheet per table, a sheet per series; numbers as numbers.

#include "reportformats.h"

#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

#include <xlsxwriter.h>

#include <cmath>
#include <map>

namespace cpn::reportformats {

namespace {
    // A sheet's name as Excel takes it: at most 31 characters, none of []:*?/\, unique.
    QString sheetName(QString name, QStringList& taken)
    {
        static const QString forbidden = QStringLiteral("[]:*?/\\");
        for (QChar& c : name) {
            if (forbidden.contains(c))
                c = QLatin1Char(' ');
        }
        name = name.trimmed();
        while (name.startsWith(QLatin1Char('\'')))
            name.remove(0, 1);
        while (name.endsWith(QLatin1Char('\'')))
            name.chop(1);
        if (name.isEmpty())
            name = QStringLiteral("Sheet");
        name = name.left(31);
        QString unique = name;
        for (int n = 2; taken.contains(unique, Qt::CaseInsensitive); ++n) {
            const QString suffix = QStringLiteral(" %1").arg(n);
            unique = name.left(31 - suffix.size()) + suffix;
        }
        taken.append(unique);
        return unique;
    }

    lxw_color_t rgb(const QColor& c)
    {
        return lxw_color_t(c.rgb() & 0xffffff);
    }

    // The workbook's formats, made once each.
    class XlsxFormats {
    public:
        explicit XlsxFormats(lxw_workbook* book)
            : m_book(book)
        {
            header = workbook_add_format(book);
            format_set_bold(header);
            format_set_text_wrap(header);
            format_set_align(header, LXW_ALIGN_VERTICAL_TOP);
            format_set_bg_color(header, rgb(kHeaderBackground));
            format_set_bottom(header, LXW_BORDER_THIN);
            title = workbook_add_format(book);
            format_set_bold(title);
            format_set_font_size(title, 14);
            bold = workbook_add_format(book);
            format_set_bold(bold);
            wrap = workbook_add_format(book);
            format_set_text_wrap(wrap);
            format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
            time = workbook_add_format(book);
            format_set_num_format(time, "yyyy-mm-dd hh:mm");
        }
        // A number with these decimals, coloured by its target, bold for a total.
        lxw_format* number(int decimals, std::optional<bool> met, bool isBold = false)
        {
            const int key = decimals * 8 + (met ? (*met ? 1 : 2) : 0) * 2 + (isBold ? 1 : 0);
            if (auto it = m_numbers.find(key); it != m_numbers.end())
                return it->second;
            lxw_format* f = workbook_add_format(m_book);
            const QByteArray pattern = decimals > 0
                ? QByteArray("#,##0.") + QByteArray(decimals, '0')
                : QByteArray("#,##0");
            format_set_num_format(f, pattern.constData());
            if (met)
                setColours(f, *met);
            if (isBold)
                format_set_bold(f);
            m_numbers[key] = f;
            return f;
        }
        lxw_format* status(bool met)
        {
            lxw_format*& f = met ? m_met : m_missed;
            if (!f) {
                f = workbook_add_format(m_book);
                setColours(f, met);
            }
            return f;
        }
        lxw_format* header = nullptr;
        lxw_format* title = nullptr;
        lxw_format* bold = nullptr;
        lxw_format* wrap = nullptr;
        lxw_format* time = nullptr;

    private:
        static void setColours(lxw_format* f, bool met)
        {
            const TargetColours colours = targetColours(met);
            format_set_bg_color(f, rgb(colours.background));
            format_set_font_color(f, rgb(colours.text));
        }

        lxw_workbook* m_book;
        std::map<int, lxw_format*> m_numbers;
        lxw_format* m_met = nullptr;
        lxw_format* m_missed = nullptr;
    };

    // Strings for the library: UTF-8 kept alive until the workbook is closed (it copies them, but
    // keeping the conversions in one place reads better than temporaries at every call).
    QByteArray utf8(const QString& s)
    {
        return s.toUtf8();
    }

    double excelTime(qint64 ms)
    {
        return double(ms + kBeijingOffsetMs) / 86400000.0 + 25569.0; // days since 1899-12-30
    }
} // namespace

bool writeXlsx(Job& job)
{
    const CapacityReport& report = job.report;
    const QList<ReportColumn> columns = CapacityWording::columns();
    const QList<FigureTable> tables = figureTables(report);
    job.total
        = rowCount(tables) * int(columns.size()) + int(report.utilisation.size() + report.westShare.size()) * 2 + 100;

    QTemporaryDir scratch;
    if (!scratch.isValid())
        return job.fail(
            ReportExport::tr("Cannot write the report: no room for temporary files (%1).").arg(scratch.errorString()));
    const QByteArray bookPath = QFile::encodeName(scratch.filePath(QStringLiteral("report.xlsx")));
    QByteArray tmpDir = QFile::encodeName(scratch.path());
    lxw_workbook_options options {};
    options.tmpdir = tmpDir.data();
    lxw_workbook* book = workbook_new_opt(bookPath.constData(), &options);
    if (!book)
        return job.fail(
            ReportExport::tr("Cannot write the report: the spreadsheet library could not start a workbook."));
    XlsxFormats formats(book);
    QStringList taken;
    const auto addSheet = [&](const QString& name) {
        return workbook_add_worksheet(book, utf8(sheetName(name, taken)).constData());
    };
    const auto text = [](lxw_worksheet* s, int row, int col, const QString& v, lxw_format* f = nullptr) {
        worksheet_write_string(s, lxw_row_t(row), lxw_col_t(col), utf8(v).constData(), f);
    };
    const auto cancel = [&] {
        lxw_workbook_free(book);
        return false;
    };
    const auto refused = [&] {
        lxw_workbook_free(book);
        return job.fail(ReportExport::tr("Cannot write the report: the spreadsheet library refused a sheet."));
    };

    // Summary: the particulars, the headline figures, the gaps and how the figures were made.
    lxw_worksheet* summary = addSheet(ReportExport::tr("Summary"));
    if (!summary)
        return refused();
    worksheet_set_column(summary, 0, 0, 40, nullptr);
    worksheet_set_column(summary, 1, 1, 44, nullptr);
    worksheet_set_column(summary, 2, 3, 14, nullptr);
    int row = 0;
    text(summary, row++, 0, CapacityWording::title(report), formats.title);
    ++row;
    for (const Particular& p : particulars(report, job.context)) {
        text(summary, row, 0, p.label, formats.bold);
        text(summary, row++, 1, p.value);
    }
    if (const QString note = CapacityWording::coverageNote(report); !note.isEmpty())
        text(summary, row++, 0, note, formats.bold);
    ++row;
    text(summary, row++, 0, ReportExport::tr("Headline figures"), formats.title);
    const QStringList headers = headlineHeaders();
    for (int c = 0; c < headers.size(); ++c)
        text(summary, row, c, headers[c], formats.header);
    ++row;
    for (const auto& h : CapacityWording::headlines(report)) {
        text(summary, row, 0, h.label);
        text(summary, row, 1, h.value);
        text(summary, row, 2, h.target);
        if (h.met)
            text(summary, row, 3, targetWords(h.met), formats.status(*h.met));
        ++row;
    }
    ++row;
    text(summary, row++, 0, ReportExport::tr("Gaps"), formats.title);
    for (const ReportGap& g : report.gaps)
        text(summary, row++, 0, CapacityWording::gap(report, g));
    if (report.gaps.isEmpty())
        text(summary, row++, 0, ReportExport::tr("No gaps found."));
    ++row;
    text(summary, row++, 0, ReportExport::tr("How the figures were made"), formats.title);
    for (const QString& note : CapacityWording::methodNotes(report))
        text(summary, row++, 0, note);
    if (!job.advance(50))
        return cancel();

    // A sheet per table: headers with units and targets, numbers as numbers.
    for (const FigureTable& t : tables) {
        lxw_worksheet* sheet = addSheet(t.title);
        if (!sheet)
            return refused();
        worksheet_set_column(sheet, 0, 0, 30, nullptr);
        worksheet_set_column(sheet, 1, lxw_col_t(columns.size() - 1), 14, nullptr);
        worksheet_set_row(sheet, 0, 48, nullptr);
        worksheet_freeze_panes(sheet, 1, 1);
        for (int c = 0; c < columns.size(); ++c) {
            const ReportColumn& col = columns[c];
            text(sheet, 0, c, columnHeading(col), formats.header);
        }
        int r = 1;
        for (const CapacityFigures& f : t.rows) {
            const bool total = t.isTotal(f);
            for (int c = 0; c < columns.size(); ++c) {
                const ReportColumn& col = columns[c];
                const QVariant v = col.value(f);
                if (!v.isValid())
                    continue;
                if (v.typeId() == QMetaType::QString) {
                    text(sheet, r, c, v.toString(), total ? formats.bold : nullptr);
                    continue;
                }
                const std::optional<bool> met = meetsTarget(col, f);
                worksheet_write_number(
                    sheet, lxw_row_t(r), lxw_col_t(c), v.toDouble(), formats.number(col.decimals, met, total));
            }
            ++r;
            if (!job.advance(int(columns.size())))
                return cancel();
        }
    }

    // The series: a time as a spreadsheet date in Beijing time, the share in per cent.
    for (const SeriesTable& s : seriesTables(report)) {
        lxw_worksheet* sheet = addSheet(s.title);
        if (!sheet)
            return refused();
        worksheet_set_column(sheet, 0, 0, 20, nullptr);
        worksheet_set_column(sheet, 1, 1, 18, nullptr);
        worksheet_freeze_panes(sheet, 1, 0);
        text(sheet, 0, 0, ReportExport::tr("Time (Beijing)"), formats.header);
        text(sheet, 0, 1, s.header, formats.header);
        lxw_format* share = formats.number(1, std::nullopt);
        int r = 1;
        for (const SeriesPoint& p : s.points) {
            worksheet_write_number(sheet, lxw_row_t(r), 0, excelTime(p.timeMs), formats.time);
            if (std::isfinite(p.value))
                worksheet_write_number(sheet, lxw_row_t(r), 1, p.value * 100, share);
            if (++r % 500 == 0 && !job.advance(1000))
                return cancel();
        }
    }

    const lxw_error closed = workbook_close(book); // frees the workbook
    if (closed != LXW_NO_ERROR)
        return job.fail(ReportExport::tr("Cannot write the report: the spreadsheet library failed (%1).")
                            .arg(QString::fromUtf8(lxw_strerror(closed))));
    QFile built(scratch.filePath(QStringLiteral("report.xlsx")));
    if (!built.open(QIODevice::ReadOnly))
        return job.fail(ReportExport::tr("Cannot write the report: %1").arg(built.errorString()));
    const QByteArray bytes = built.readAll();
    if (!job.advance(job.total))
        return false;
    return job.file.write(bytes) == bytes.size();
}

} // namespace cpn::reportformats
