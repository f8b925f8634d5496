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

#include "csvfield.h"
#include "reportformats.h"

#include <QDateTime>
#include <QSaveFile>

#include <cmath>

namespace cpn {

QStringList ReportExport::csvColumns()
{
    return { QStringLiteral("scope"), QStringLiteral("period_from"), QStringLiteral("period_to"),
        QStringLiteral("table"), QStringLiteral("entity_id"), QStringLiteral("entity_name"), QStringLiteral("time"),
        QStringLiteral("figure"), QStringLiteral("value"), QStringLiteral("text"), QStringLiteral("target"),
        QStringLiteral("met") };
}

namespace reportformats {

namespace {
    QString plainNumber(double v)
    {
        return std::isfinite(v) ? QString::number(v, 'g', 12) : QString();
    }
} // namespace

bool writeCsv(Job& job)
{
    const CapacityReport& report = job.report;
    const QList<ReportColumn> columns = CapacityWording::columns();
    const QList<FigureTable> tables = figureTables(report);
    job.total
        = rowCount(tables) * int(columns.size() - 1) + int(report.utilisation.size() + report.westShare.size()) + 50;

    const QString scope = report.total.key;
    const QString from = beijing(report.requestedFromMs).toString(Qt::ISODate);
    const QString to = beijing(report.requestedToMs).toString(Qt::ISODate);
    QString out;
    out.reserve(256 * 1024);
    out += QChar(0xFEFF);
    out += ReportExport::csvColumns().join(QLatin1Char(',')) + QStringLiteral("\r\n");
    int pending = 0;
    // table, entity id, entity name, time, figure, value, text, target, met
    const auto row = [&](const QString& table, const QString& id, const QString& name, const QString& time,
                         const QString& figure, const QString& value, const QString& text, const QString& target,
                         const std::optional<bool>& met) {
        for (const QString& f : { scope, from, to, table, id, name, time, figure, value, text, target }) {
            out += cpn::csvField(f);
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
        row(QStringLiteral("report"), {}, {}, {}, ReportExport::tr("Coverage"), {}, note, {}, std::nullopt);
    for (const auto& h : CapacityWording::headlines(report))
        row(QStringLiteral("headline"), scope, report.scopeName, {}, h.label, {}, h.value, h.target, h.met);
    for (const ReportGap& g : report.gaps)
        row(QStringLiteral("gap"), g.regionId, {}, {}, {}, {}, CapacityWording::gap(report, g), {}, std::nullopt);

    for (const FigureTable& t : tables) {
        for (const CapacityFigures& f : t.rows) {
            const QString table = t.isTotal(f) ? QStringLiteral("total") : t.csvName;
            for (int c = 1; c < columns.size(); ++c) {
                const ReportColumn& col = columns[c];
                const QVariant v = col.value(f);
                const std::optional<bool> met = meetsTarget(col, f);
                const QString value = v.isValid() ? plainNumber(v.toDouble()) : QString();
                if (!row(table, f.key, f.name, {}, col.header, value, CapacityWording::text(col, f),
                        met ? col.target : QString(), met))
                    return false;
            }
        }
    }
    for (const SeriesTable& s : seriesTables(report)) {
        for (const SeriesPoint& p : s.points) {
            if (!row(s.csvName, scope, report.scopeName, beijing(p.timeMs).toString(Qt::ISODate), s.header,
                    plainNumber(p.value * 100), {}, {}, std::nullopt))
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

} // namespace reportformats

} // namespace cpn
