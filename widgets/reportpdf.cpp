// The PDF: A4 pages of blocks (paragraphs, table rows, charts) laid out, then paginated with
// table headers repeated and headings kept with what follows, then drawn with a footer.

#include "reportformats.h"

#include "reportcharts.h"

#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>

#include <functional>

namespace cpn::reportformats {

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

    const QColor kRule(0x99, 0x99, 0x99);
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
                            const TargetColours colours = targetColours(*c.met);
                            p.fillRect(cell.adjusted(pad * 0.3, pad * 0.3, -pad * 0.3, -pad * 0.3), colours.background);
                            ink = colours.text;
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
            c.met = meetsTarget(column, f);
            if (c.met)
                c.text = (*c.met ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) + c.text;
        }
        return c;
    }
} // namespace

bool writePdf(Job& job)
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
        return job.fail(ReportExport::tr("Cannot write the report: the PDF could not be started."));
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
        layout.paragraph(note, pdfFont(9, true), targetColours(false).text, line);

    layout.heading(ReportExport::tr("Headline figures"));
    {
        QList<QList<Cell>> rows;
        for (const auto& h : CapacityWording::headlines(report)) {
            rows.append({ { h.label }, { h.value, Qt::AlignRight }, { h.target, Qt::AlignRight },
                { targetWords(h.met), Qt::AlignLeft, h.met } });
        }
        const QStringList headers = headlineHeaders();
        layout.table({ 0.38, 0.32, 0.14, 0.16 },
            { { headers[0] }, { headers[1], Qt::AlignRight }, { headers[2], Qt::AlignRight }, { headers[3] } }, rows);
    }
    layout.heading(ReportExport::tr("Gaps"));
    for (const ReportGap& g : report.gaps)
        layout.bullet(CapacityWording::gap(report, g));
    if (report.gaps.isEmpty())
        layout.paragraph(ReportExport::tr("No gaps found."), pdfFont(9), kMuted, line * 0.4);

    // The charts, on white paper.
    layout.heading(ReportExport::tr("Charts"), true);
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
            layout.paragraph(
                ReportExport::tr("✓ target met, ✗ target missed, — no data. The name is repeated on each part of a "
                                 "table."),
                layout.small(), kMuted, line * 0.5, true);
        first = false;
        if (t.rows.isEmpty()) {
            layout.paragraph(ReportExport::tr("None in this scope."), pdfFont(9), kMuted, line);
            continue;
        }
        for (int g = 0; g < groups; ++g) {
            const int from = 1 + g * perGroup;
            const int to = std::min(int(columns.size()), from + perGroup);
            QList<qreal> fractions { 0.23 };
            QList<Cell> header { { columns[0].header } };
            for (int c = from; c < to; ++c) {
                fractions.append(0.77 / perGroup);
                header.append({ columnHeading(columns[c]), Qt::AlignRight });
            }
            QList<QList<Cell>> rows;
            for (const CapacityFigures& f : t.rows) {
                const bool bold = t.isTotal(f);
                QList<Cell> cells { figureCell(columns[0], f, bold) };
                for (int c = from; c < to; ++c)
                    cells.append(figureCell(columns[c], f, bold));
                rows.append(cells);
            }
            layout.table(fractions, header, rows);
        }
    }
    layout.heading(ReportExport::tr("How the figures were made"));
    for (const QString& note : CapacityWording::methodNotes(report))
        layout.bullet(note);

    const auto pages = layout.paginate(pageHeight);
    job.total = int(pages.size()) + 1;
    if (!job.advance())
        return false;
    const QString title = CapacityWording::title(report);
    for (int i = 0; i < pages.size(); ++i) {
        if (i > 0 && !writer.newPage())
            return job.fail(ReportExport::tr("Cannot write the report: the PDF could not take another page."));
        for (const auto& [index, y] : pages[i])
            layout.blocks()[index].draw(painter, y);
        // The footer: the report's title and "page X of Y".
        const qreal top = writer.height() - footer + line * 0.6;
        painter.setPen(QPen(kRule, line * 0.03));
        painter.drawLine(QPointF(0, top), QPointF(width, top));
        painter.setFont(layout.small());
        painter.setPen(kMuted);
        const QRectF row(0, top + line * 0.2, width, line);
        painter.drawText(
            row, Qt::AlignRight | Qt::AlignVCenter, ReportExport::tr("Page %1 of %2").arg(i + 1).arg(pages.size()));
        painter.drawText(row.adjusted(0, 0, -width * 0.25, 0), Qt::AlignLeft | Qt::AlignVCenter,
            QFontMetricsF(layout.small(), &writer).elidedText(title, Qt::ElideRight, width * 0.7));
        if (!job.advance())
            return false;
    }
    if (!painter.end())
        return job.fail(ReportExport::tr("Cannot write the report: the PDF could not be finished."));
    return true;
}

} // namespace cpn::reportformats
