#include "reportexport.h"

#include "capacitywording.h"
#include "reportcharts.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTimeZone>

#include <xlsxwriter.h>

#include <cmath>
#include <map>

// The CSV has one row per entity and figure (a long table, easy to filter and pivot):
//   scope        the report's scope key: "nation", a region id, a site id or a platform
//   period_from  the period asked for, ISO 8601 in Beijing time (+08:00)
//   period_to
//   table        report (its particulars), headline, gap, total, region, hub, busiest,
//                utilisation, west_share, note
//   entity_id    the region's or site's id (gap: the region concerned)
//   entity_name  its name in the interface's language
//   time         series rows: the sample's time, ISO 8601 in Beijing time
//   figure       what the row gives, as the interface heads it, with its unit
//   value        the number in that unit: '.' for decimals, no grouping ("" when none)
//   text         the figure as the interface shows it (headlines, gaps and notes: only here)
//   target       the policy's target in words, where there is one
//   met          true or false against it, "" without a target
// UTF-8 with a byte order mark (so that spreadsheets read Chinese), CRLF, RFC 4180 quoting.

namespace cpn {

namespace {
    constexpr qint64 kBeijingOffsetS = 8 * 3600;

    QDateTime beijing(qint64 ms)
    {
        return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone(int(kBeijingOffsetS)));
    }

    QString plainNumber(double v)
    {
        return std::isfinite(v) ? QString::number(v, 'g', 12) : QString();
    }

    // A table of the report: its title and rows, the scope's total under the regions.
    struct FigureTable {
        QString title;
        QString csvName;
        QList<CapacityFigures> rows;
        bool hasTotal = false; // the last row is the scope's total
    };

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

    struct Particular {
        QString label;
        QString value;
    };

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

    QString seriesHeader(bool west)
    {
        return west ? ReportExport::tr("Western share (%)") : ReportExport::tr("Utilisation (%)");
    }

    QString targetWords(const std::optional<bool>& met)
    {
        if (!met)
            return {};
        return *met ? ReportExport::tr("✓ met") : ReportExport::tr("✗ missed");
    }
} // namespace

struct ReportExport::Job {
    const CapacityReport& report;
    const Context& context;
    QSaveFile& file;
    const Progress& progress;
    QString* error;
    int total = 1;
    int done = 0;
    bool cancelled = false;

    // Counts work done; false once the caller cancels.
    bool advance(int n = 1)
    {
        done = std::min(total, done + n);
        if (progress && !progress(done, total))
            cancelled = true;
        return !cancelled;
    }
    bool fail(const QString& message)
    {
        if (error)
            *error = message;
        return false;
    }
};

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

QStringList ReportExport::csvColumns()
{
    return { QStringLiteral("scope"), QStringLiteral("period_from"), QStringLiteral("period_to"),
        QStringLiteral("table"), QStringLiteral("entity_id"), QStringLiteral("entity_name"), QStringLiteral("time"),
        QStringLiteral("figure"), QStringLiteral("value"), QStringLiteral("text"), QStringLiteral("target"),
        QStringLiteral("met") };
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
    Job job { report, context, file, progress, error };
    bool ok = false;
    switch (format) {
    case Format::Pdf:
        ok = writePdf(job);
        break;
    case Format::Csv:
        ok = writeCsv(job);
        break;
    case Format::Xlsx:
        ok = writeXlsx(job);
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

// ---- CSV ----------------------------------------------------------------------------------------

namespace {
    void csvField(QString& out, const QString& field)
    {
        static const QString special = QStringLiteral(",\"\r\n");
        bool quote = false;
        for (QChar c : field) {
            if (special.contains(c)) {
                quote = true;
                break;
            }
        }
        if (!quote) {
            out += field;
            return;
        }
        out += QLatin1Char('"');
        out += QString(field).replace(QLatin1Char('"'), QStringLiteral("\"\""));
        out += QLatin1Char('"');
    }
} // namespace

bool ReportExport::writeCsv(Job& job)
{
    const CapacityReport& report = job.report;
    const QList<ReportColumn> columns = CapacityWording::columns();
    const QList<FigureTable> tables = figureTables(report);
    int figureRows = 0;
    for (const auto& t : tables)
        figureRows += int(t.rows.size()) * int(columns.size() - 1);
    job.total = figureRows + int(report.utilisation.size() + report.westShare.size()) + 50;

    const QString scope = report.total.key;
    const QString from = beijing(report.requestedFromMs).toString(Qt::ISODate);
    const QString to = beijing(report.requestedToMs).toString(Qt::ISODate);
    QString out;
    out.reserve(256 * 1024);
    out += QChar(0xFEFF);
    out += csvColumns().join(QLatin1Char(',')) + QStringLiteral("\r\n");
    int pending = 0;
    // table, entity id, entity name, time, figure, value, text, target, met
    const auto row = [&](const QString& table, const QString& id, const QString& name, const QString& time,
                         const QString& figure, const QString& value, const QString& text, const QString& target,
                         const std::optional<bool>& met) {
        for (const QString& f : { scope, from, to, table, id, name, time, figure, value, text, target }) {
            csvField(out, f);
            out += QLatin1Char(',');
        }
        out += met ? (*met ? QStringLiteral("true") : QStringLiteral("false")) : QString();
        out += QStringLiteral("\r\n");
        if (++pending >= 500) {
            pending = 0;
            return job.advance(500);
        }
        return true;
    };

    for (const Particular& p : particulars(report, job.context))
        row(QStringLiteral("report"), {}, {}, {}, p.label, {}, p.value, {}, std::nullopt);
    if (const QString note = CapacityWording::coverageNote(report); !note.isEmpty())
        row(QStringLiteral("report"), {}, {}, {}, tr("Coverage"), {}, note, {}, std::nullopt);
    for (const auto& h : CapacityWording::headlines(report))
        row(QStringLiteral("headline"), scope, report.scopeName, {}, h.label, {}, h.value, h.target, h.met);
    for (const ReportGap& g : report.gaps)
        row(QStringLiteral("gap"), g.regionId, {}, {}, {}, {}, CapacityWording::gap(report, g), {}, std::nullopt);

    for (const FigureTable& t : tables) {
        for (const CapacityFigures& f : t.rows) {
            const QString table = t.hasTotal && &f == &t.rows.last() ? QStringLiteral("total") : t.csvName;
            for (int c = 1; c < columns.size(); ++c) {
                const ReportColumn& col = columns[c];
                const QVariant v = col.value(f);
                const std::optional<bool> met = col.meetsTarget ? col.meetsTarget(f) : std::nullopt;
                const QString value = v.isValid() ? plainNumber(v.toDouble()) : QString();
                if (!row(table, f.key, f.name, {}, col.header, value, CapacityWording::text(col, f),
                        met ? col.target : QString(), met))
                    return false;
            }
        }
    }
    for (bool west : { false, true }) {
        for (const SeriesPoint& p : west ? report.westShare : report.utilisation) {
            if (!row(west ? QStringLiteral("west_share") : QStringLiteral("utilisation"), scope, report.scopeName,
                    beijing(p.timeMs).toString(Qt::ISODate), seriesHeader(west), plainNumber(p.value * 100), {}, {},
                    std::nullopt))
                return false;
        }
    }
    for (const QString& note : CapacityWording::methodNotes(report))
        row(QStringLiteral("note"), {}, {}, {}, {}, {}, note, {}, std::nullopt);
    if (!job.advance(job.total))
        return false;
    const QByteArray bytes = out.toUtf8();
    return job.file.write(bytes) == bytes.size();
}

// ---- PDF ----------------------------------------------------------------------------------------

namespace {
    // The fonts of the PDF. WenQuanYi Micro Hei first: Qt 6.4 embeds it with a text layer that
    // reads back as written; with Noto Sans CJK (CFF outlines) its text layer gives radicals
    // for some characters (长 as ⻓) and loses digits.
    QFont pdfFont(qreal points, bool bold = false)
    {
        QFont f;
        f.setFamilies({ QStringLiteral("WenQuanYi Micro Hei"), QStringLiteral("Noto Sans CJK SC"),
            QStringLiteral("DejaVu Sans") });
        f.setPointSizeF(points);
        f.setBold(bold);
        return f;
    }

    const QColor kMetBackground(0xd7, 0xef, 0xd7);
    const QColor kMetText(0x1b, 0x5e, 0x20);
    const QColor kMissedBackground(0xf8, 0xd5, 0xd3);
    const QColor kMissedText(0xb7, 0x1c, 0x1c);
    const QColor kRule(0x99, 0x99, 0x99);
    const QColor kHeaderBackground(0xec, 0xef, 0xf3);
    const QColor kMuted(0x55, 0x55, 0x55);

    struct Cell {
        QString text;
        Qt::Alignment align = Qt::AlignLeft;
        std::optional<bool> met = std::nullopt;
        bool bold = false;
    };

    // Something drawn on a page at a height; the layout puts blocks on pages.
    struct Block {
        qreal height = 0;
        std::function<void(QPainter&, qreal y)> draw;
        bool newPage = false; // starts a page
        bool keepWithNext = false; // a heading: never last on its page
        int repeat = -1; // a table row: the header row drawn first when it starts a page
        qreal gapAfter = 0;
    };

    class PdfLayout {
    public:
        PdfLayout(QPaintDevice* device, qreal width)
            : m_device(device)
            , m_width(width)
            , m_body(pdfFont(9))
            , m_small(pdfFont(8))
        {
            m_line = QFontMetricsF(m_body, device).height();
        }
        qreal width() const { return m_width; }
        qreal line() const { return m_line; }
        QList<Block>& blocks() { return m_blocks; }

        qreal textHeight(const QFont& font, const QString& text, qreal width) const
        {
            return QFontMetricsF(font, m_device)
                .boundingRect(QRectF(0, 0, width, 1e7), Qt::TextWordWrap | Qt::AlignLeft, text)
                .height();
        }

        void paragraph(const QString& text, const QFont& font, const QColor& colour, qreal gapAfter,
            bool keepWithNext = false, qreal indent = 0)
        {
            const qreal w = m_width - indent;
            Block b;
            b.height = textHeight(font, text, w);
            b.gapAfter = gapAfter;
            b.keepWithNext = keepWithNext;
            b.draw = [=](QPainter& p, qreal y) {
                p.setFont(font);
                p.setPen(colour);
                p.drawText(QRectF(indent, y, w, 1e7), Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, text);
            };
            m_blocks.append(b);
        }
        // A point of a list: the bullet, and the text indented beside it.
        void bullet(const QString& text)
        {
            const qreal indent = m_line * 1.1;
            paragraph(text, m_body, Qt::black, m_line * 0.4, false, indent);
            auto inner = m_blocks.last().draw;
            m_blocks.last().draw = [inner, font = m_body](QPainter& p, qreal y) {
                p.setFont(font);
                p.setPen(Qt::black);
                p.drawText(QPointF(0, y + QFontMetricsF(font, p.device()).ascent()), QStringLiteral("•"));
                inner(p, y);
            };
        }
        void heading(const QString& text, bool newPage = false)
        {
            paragraph(text, pdfFont(12, true), Qt::black, m_line * 0.4, true);
            m_blocks.last().newPage = newPage;
        }
        void spacer(qreal h) { m_blocks.last().gapAfter += h; }

        // A table: widths as fractions of the page's; the first row is its header.
        void table(const QList<qreal>& fractions, const QList<Cell>& header, const QList<QList<Cell>>& rows)
        {
            QList<qreal> widths;
            for (qreal f : fractions)
                widths.append(f * m_width);
            const qreal pad = m_line * 0.25;
            const QFont headerFont = pdfFont(8, true);
            const QFontMetricsF headerMetrics(headerFont, m_device);
            // Words wrap; a word wider than its column (a long English one) breaks where it must.
            QList<int> wraps;
            qreal headerHeight = 0;
            for (int i = 0; i < header.size(); ++i) {
                int wrap = Qt::TextWordWrap;
                for (const QString& word : header[i].text.split(QRegularExpression(QStringLiteral("\\s+")))) {
                    if (headerMetrics.horizontalAdvance(word) > widths[i] - 2 * pad)
                        wrap = Qt::TextWrapAnywhere;
                }
                wraps.append(wrap);
                headerHeight = std::max(headerHeight,
                    headerMetrics.boundingRect(QRectF(0, 0, widths[i] - 2 * pad, 1e7), wrap, header[i].text).height());
            }
            const int headerIndex = int(m_blocks.size());
            const qreal width = m_width;
            const qreal hair = m_line * 0.04;
            Block h;
            h.height = headerHeight + 2 * pad;
            h.keepWithNext = true;
            h.draw = [=](QPainter& p, qreal y) {
                p.fillRect(QRectF(0, y, width, headerHeight + 2 * pad), kHeaderBackground);
                p.setFont(headerFont);
                p.setPen(Qt::black);
                qreal x = 0;
                for (int i = 0; i < header.size(); ++i) {
                    p.drawText(QRectF(x + pad, y + pad, widths[i] - 2 * pad, headerHeight),
                        wraps[i] | Qt::AlignBottom | header[i].align, header[i].text);
                    x += widths[i];
                }
                p.setPen(QPen(kRule, hair));
                p.drawLine(QPointF(0, y + headerHeight + 2 * pad), QPointF(width, y + headerHeight + 2 * pad));
            };
            m_blocks.append(h);
            const qreal rowHeight = m_line + 2 * pad;
            for (const QList<Cell>& cells : rows) {
                Block r;
                r.height = rowHeight;
                r.repeat = headerIndex;
                r.draw = [=, body = m_body](QPainter& p, qreal y) {
                    qreal x = 0;
                    for (int i = 0; i < cells.size() && i < widths.size(); ++i) {
                        const Cell& c = cells[i];
                        const QRectF cell(x, y, widths[i], rowHeight);
                        QColor ink = Qt::black;
                        if (c.met) {
                            p.fillRect(cell.adjusted(pad * 0.3, pad * 0.3, -pad * 0.3, -pad * 0.3),
                                *c.met ? kMetBackground : kMissedBackground);
                            ink = *c.met ? kMetText : kMissedText;
                        }
                        QFont f = body;
                        f.setBold(c.bold);
                        p.setFont(f);
                        p.setPen(ink);
                        const QRectF inner = cell.adjusted(pad, 0, -pad, 0);
                        p.drawText(inner, Qt::AlignVCenter | c.align,
                            QFontMetricsF(f, p.device()).elidedText(c.text, Qt::ElideRight, inner.width()));
                        x += widths[i];
                    }
                    p.setPen(QPen(QColor(0xdd, 0xdd, 0xdd), hair * 0.75));
                    p.drawLine(QPointF(0, y + rowHeight), QPointF(width, y + rowHeight));
                };
                m_blocks.append(r);
            }
            m_blocks.last().gapAfter = m_line;
        }

        void drawing(qreal height, std::function<void(QPainter&, const QRectF&)> draw)
        {
            Block b;
            b.height = height;
            b.gapAfter = m_line;
            b.draw = [draw, width = m_width, height](QPainter& p, qreal y) { draw(p, QRectF(0, y, width, height)); };
            m_blocks.append(b);
        }

        // Each page: the blocks on it and where. Header rows come back where a table goes on.
        QList<QList<std::pair<int, qreal>>> paginate(qreal pageHeight) const
        {
            QList<QList<std::pair<int, qreal>>> pages(1);
            qreal y = 0;
            for (int i = 0; i < m_blocks.size(); ++i) {
                const Block& b = m_blocks[i];
                qreal needed = b.height;
                // A heading takes what follows it along: up to the first row of its table.
                for (int j = i; j + 1 < m_blocks.size() && m_blocks[j].keepWithNext; ++j)
                    needed += m_blocks[j].gapAfter + m_blocks[j + 1].height;
                const bool full = y > 0 && y + needed > pageHeight;
                if (!pages.last().isEmpty() && (b.newPage || full)) {
                    pages.append(QList<std::pair<int, qreal>>());
                    y = 0;
                    if (b.repeat >= 0) {
                        pages.last().append({ b.repeat, y });
                        y += m_blocks[b.repeat].height;
                    }
                }
                pages.last().append({ i, y });
                y += b.height + b.gapAfter;
            }
            return pages;
        }

        const QFont& small() const { return m_small; }

    private:
        QPaintDevice* m_device;
        qreal m_width;
        QFont m_body;
        QFont m_small;
        qreal m_line = 0;
        QList<Block> m_blocks;
    };

    Cell figureCell(const ReportColumn& column, const CapacityFigures& f, bool bold)
    {
        Cell c;
        c.bold = bold;
        const QVariant v = column.value(f);
        c.text = CapacityWording::text(column, f);
        if (v.typeId() != QMetaType::QString)
            c.align = Qt::AlignRight; // numbers, and "—" for none
        if (v.isValid() && v.typeId() != QMetaType::QString) {
            c.met = column.meetsTarget ? column.meetsTarget(f) : std::nullopt;
            if (c.met)
                c.text = (*c.met ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + c.text;
        }
        return c;
    }
} // namespace

bool ReportExport::writePdf(Job& job)
{
    const CapacityReport& report = job.report;
    QPdfWriter writer(&job.file);
    writer.setResolution(300);
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(16, 14, 16, 14),
        QPageLayout::Millimeter));
    writer.setTitle(CapacityWording::title(report));
    writer.setCreator(QStringLiteral("CPN Console"));
    QPainter painter;
    if (!painter.begin(&writer))
        return job.fail(tr("Cannot write the report: the PDF could not be started."));
    painter.setRenderHint(QPainter::Antialiasing);

    const qreal width = writer.width();
    PdfLayout layout(&writer, width);
    const qreal line = layout.line();
    const qreal footer = line * 2;
    const qreal pageHeight = writer.height() - footer;

    // Page 1: what the report is, its headline figures and the gaps.
    layout.paragraph(CapacityWording::title(report), pdfFont(17, true), Qt::black, line * 0.8);
    {
        QList<QList<Cell>> rows;
        for (const Particular& p : particulars(report, job.context))
            rows.append({ { p.label, Qt::AlignLeft, std::nullopt, true }, { p.value } });
        // The particulars as label and value, without a header row.
        const int first = int(layout.blocks().size());
        layout.table({ 0.22, 0.78 }, { {}, {} }, rows);
        layout.blocks().removeAt(first); // the empty header
        for (int i = first; i < layout.blocks().size(); ++i)
            layout.blocks()[i].repeat = -1;
    }
    if (const QString note = CapacityWording::coverageNote(report); !note.isEmpty())
        layout.paragraph(note, pdfFont(9, true), kMissedText, line);

    layout.heading(tr("Headline figures"));
    {
        QList<QList<Cell>> rows;
        for (const auto& h : CapacityWording::headlines(report)) {
            rows.append({ { h.label }, { h.value, Qt::AlignRight }, { h.target, Qt::AlignRight },
                { h.met ? targetWords(h.met) : QString(), Qt::AlignLeft, h.met } });
        }
        layout.table({ 0.38, 0.32, 0.14, 0.16 },
            { { tr("Figure") }, { tr("Value"), Qt::AlignRight }, { tr("Target"), Qt::AlignRight }, { tr("Against target") } },
            rows);
    }
    layout.heading(tr("Gaps"));
    for (const ReportGap& g : report.gaps)
        layout.bullet(CapacityWording::gap(report, g));
    if (report.gaps.isEmpty())
        layout.paragraph(tr("No gaps found."), pdfFont(9), kMuted, line * 0.4);

    // The charts, on white paper.
    layout.heading(tr("Charts"), true);
    ReportChartStyle style = ReportChartStyle::paper(pdfFont(8));
    const qreal chartHeight = std::min(width * 0.52, (pageHeight - line * 6) / 3);
    layout.drawing(chartHeight, [&](QPainter& p, const QRectF& r) { ReportCharts::drawUtilisation(&p, r, report, style); });
    layout.drawing(chartHeight, [&](QPainter& p, const QRectF& r) { ReportCharts::drawRegions(&p, r, report, style); });
    layout.drawing(chartHeight, [&](QPainter& p, const QRectF& r) { ReportCharts::drawWestShare(&p, r, report, style); });

    // The tables: the columns in groups that fit the page's width, the name in each.
    const QList<ReportColumn> columns = CapacityWording::columns();
    constexpr int kMostPerGroup = 7;
    const int values = int(columns.size() - 1);
    const int groups = (values + kMostPerGroup - 1) / kMostPerGroup;
    const int perGroup = std::max(1, (values + groups - 1) / groups); // as even as they go
    bool first = true;
    for (const FigureTable& t : figureTables(report)) {
        layout.heading(t.title, first);
        if (first)
            layout.paragraph(tr("✓ target met, ✗ target missed, — no data. The name is repeated on each part of a "
                                "table."),
                layout.small(), kMuted, line * 0.5, true);
        first = false;
        if (t.rows.isEmpty()) {
            layout.paragraph(tr("None in this scope."), pdfFont(9), kMuted, line);
            continue;
        }
        for (int g = 0; g < groups; ++g) {
            const int from = 1 + g * perGroup;
            const int to = std::min(int(columns.size()), from + perGroup);
            QList<qreal> fractions { 0.23 };
            QList<Cell> header { { columns[0].header } };
            for (int c = from; c < to; ++c) {
                fractions.append(0.77 / perGroup);
                header.append({ columns[c].target.isEmpty()
                        ? columns[c].header
                        : columns[c].header + QLatin1Char('\n') + tr("target %1").arg(columns[c].target),
                    Qt::AlignRight });
            }
            QList<QList<Cell>> rows;
            for (const CapacityFigures& f : t.rows) {
                const bool bold = t.hasTotal && &f == &t.rows.last();
                QList<Cell> cells { figureCell(columns[0], f, bold) };
                for (int c = from; c < to; ++c)
                    cells.append(figureCell(columns[c], f, bold));
                rows.append(cells);
            }
            layout.table(fractions, header, rows);
        }
    }
    layout.heading(tr("How the figures were made"));
    for (const QString& note : CapacityWording::methodNotes(report))
        layout.bullet(note);

    const auto pages = layout.paginate(pageHeight);
    job.total = int(pages.size()) + 1;
    if (!job.advance())
        return false;
    const QString title = CapacityWording::title(report);
    for (int i = 0; i < pages.size(); ++i) {
        if (i > 0 && !writer.newPage())
            return job.fail(tr("Cannot write the report: the PDF could not take another page."));
        for (const auto& [index, y] : pages[i])
            layout.blocks()[index].draw(painter, y);
        // The footer: the report's title and "page X of Y".
        const qreal top = writer.height() - footer + line * 0.6;
        painter.setPen(QPen(kRule, line * 0.03));
        painter.drawLine(QPointF(0, top), QPointF(width, top));
        painter.setFont(layout.small());
        painter.setPen(kMuted);
        const QRectF row(0, top + line * 0.2, width, line);
        painter.drawText(row, Qt::AlignRight | Qt::AlignVCenter, tr("Page %1 of %2").arg(i + 1).arg(pages.size()));
        painter.drawText(row.adjusted(0, 0, -width * 0.25, 0), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(layout.small(), &writer).elidedText(title, Qt::ElideRight, width * 0.7));
        if (!job.advance())
            return false;
    }
    if (!painter.end())
        return job.fail(tr("Cannot write the report: the PDF could not be finished."));
    return true;
}

// ---- XLSX ---------------------------------------------------------------------------------------

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
            if (met) {
                format_set_bg_color(f, rgb(*met ? kMetBackground : kMissedBackground));
                format_set_font_color(f, rgb(*met ? kMetText : kMissedText));
            }
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
                format_set_bg_color(f, rgb(met ? kMetBackground : kMissedBackground));
                format_set_font_color(f, rgb(met ? kMetText : kMissedText));
            }
            return f;
        }
        lxw_format* header = nullptr;
        lxw_format* title = nullptr;
        lxw_format* bold = nullptr;
        lxw_format* wrap = nullptr;
        lxw_format* time = nullptr;

    private:
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
        return double(ms + kBeijingOffsetS * 1000) / 86400000.0 + 25569.0; // days since 1899-12-30
    }
} // namespace

bool ReportExport::writeXlsx(Job& job)
{
    const CapacityReport& report = job.report;
    const QList<ReportColumn> columns = CapacityWording::columns();
    const QList<FigureTable> tables = figureTables(report);
    int cells = 0;
    for (const auto& t : tables)
        cells += int(t.rows.size() * columns.size());
    job.total = cells + int(report.utilisation.size() + report.westShare.size()) * 2 + 100;

    QTemporaryDir scratch;
    if (!scratch.isValid())
        return job.fail(tr("Cannot write the report: no room for temporary files (%1).").arg(scratch.errorString()));
    const QByteArray bookPath = QFile::encodeName(scratch.filePath(QStringLiteral("report.xlsx")));
    QByteArray tmpDir = QFile::encodeName(scratch.path());
    lxw_workbook_options options {};
    options.tmpdir = tmpDir.data();
    lxw_workbook* book = workbook_new_opt(bookPath.constData(), &options);
    if (!book)
        return job.fail(tr("Cannot write the report: the spreadsheet library could not start a workbook."));
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

    // Summary: the particulars, the headline figures, the gaps and how the figures were made.
    lxw_worksheet* summary = addSheet(tr("Summary"));
    if (!summary) {
        lxw_workbook_free(book);
        return job.fail(tr("Cannot write the report: the spreadsheet library refused a sheet."));
    }
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
    text(summary, row++, 0, tr("Headline figures"), formats.title);
    text(summary, row, 0, tr("Figure"), formats.header);
    text(summary, row, 1, tr("Value"), formats.header);
    text(summary, row, 2, tr("Target"), formats.header);
    text(summary, row++, 3, tr("Against target"), formats.header);
    for (const auto& h : CapacityWording::headlines(report)) {
        text(summary, row, 0, h.label);
        text(summary, row, 1, h.value);
        text(summary, row, 2, h.target);
        if (h.met)
            text(summary, row, 3, targetWords(h.met), formats.status(*h.met));
        ++row;
    }
    ++row;
    text(summary, row++, 0, tr("Gaps"), formats.title);
    for (const ReportGap& g : report.gaps)
        text(summary, row++, 0, CapacityWording::gap(report, g));
    if (report.gaps.isEmpty())
        text(summary, row++, 0, tr("No gaps found."));
    ++row;
    text(summary, row++, 0, tr("How the figures were made"), formats.title);
    for (const QString& note : CapacityWording::methodNotes(report))
        text(summary, row++, 0, note);
    if (!job.advance(50))
        return cancel();

    // A sheet per table: headers with units and targets, numbers as numbers.
    for (const FigureTable& t : tables) {
        lxw_worksheet* sheet = addSheet(t.title);
        if (!sheet) {
            lxw_workbook_free(book);
            return job.fail(tr("Cannot write the report: the spreadsheet library refused a sheet."));
        }
        worksheet_set_column(sheet, 0, 0, 30, nullptr);
        worksheet_set_column(sheet, 1, lxw_col_t(columns.size() - 1), 14, nullptr);
        worksheet_set_row(sheet, 0, 48, nullptr);
        worksheet_freeze_panes(sheet, 1, 1);
        for (int c = 0; c < columns.size(); ++c) {
            const ReportColumn& col = columns[c];
            text(sheet, 0, c,
                col.target.isEmpty() ? col.header : col.header + QLatin1Char('\n') + tr("target %1").arg(col.target),
                formats.header);
        }
        int r = 1;
        for (const CapacityFigures& f : t.rows) {
            const bool total = t.hasTotal && &f == &t.rows.last();
            for (int c = 0; c < columns.size(); ++c) {
                const ReportColumn& col = columns[c];
                const QVariant v = col.value(f);
                if (!v.isValid())
                    continue;
                if (v.typeId() == QMetaType::QString) {
                    text(sheet, r, c, v.toString(), total ? formats.bold : nullptr);
                    continue;
                }
                const std::optional<bool> met = col.meetsTarget ? col.meetsTarget(f) : std::nullopt;
                worksheet_write_number(
                    sheet, lxw_row_t(r), lxw_col_t(c), v.toDouble(), formats.number(col.decimals, met, total));
            }
            ++r;
            if (!job.advance(int(columns.size())))
                return cancel();
        }
    }

    // The series: a time as a spreadsheet date in Beijing time, the share in per cent.
    for (bool west : { false, true }) {
        const QList<SeriesPoint>& series = west ? report.westShare : report.utilisation;
        lxw_worksheet* sheet = addSheet(west ? tr("Western share") : tr("Utilisation"));
        if (!sheet) {
            lxw_workbook_free(book);
            return job.fail(tr("Cannot write the report: the spreadsheet library refused a sheet."));
        }
        worksheet_set_column(sheet, 0, 0, 20, nullptr);
        worksheet_set_column(sheet, 1, 1, 18, nullptr);
        worksheet_freeze_panes(sheet, 1, 0);
        text(sheet, 0, 0, tr("Time (Beijing)"), formats.header);
        text(sheet, 0, 1, seriesHeader(west), formats.header);
        lxw_format* share = formats.number(1, std::nullopt);
        int r = 1;
        for (const SeriesPoint& p : series) {
            worksheet_write_number(sheet, lxw_row_t(r), 0, excelTime(p.timeMs), formats.time);
            if (std::isfinite(p.value))
                worksheet_write_number(sheet, lxw_row_t(r), 1, p.value * 100, share);
            if (++r % 500 == 0 && !job.advance(1000))
                return cancel();
        }
    }

    const lxw_error closed = workbook_close(book); // frees the workbook
    if (closed != LXW_NO_ERROR)
        return job.fail(tr("Cannot write the report: the spreadsheet library failed (%1).")
                            .arg(QString::fromUtf8(lxw_strerror(closed))));
    QFile built(scratch.filePath(QStringLiteral("report.xlsx")));
    if (!built.open(QIODevice::ReadOnly))
        return job.fail(tr("Cannot write the report: %1").arg(built.errorString()));
    const QByteArray bytes = built.readAll();
    if (!job.advance(job.total))
        return false;
    return job.file.write(bytes) == bytes.size();
}

} // namespace cpn
