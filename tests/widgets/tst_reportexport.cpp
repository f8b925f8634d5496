// Capacity reports written to files: a PDF to hand on (read back with poppler's pdftotext and
// pdffonts: Chinese region names as text, fonts embedded, "page X of Y"), a CSV (read back: byte
// order mark, header, a known figure), an XLSX workbook (unzipped with Python: numbers stored as
// numbers, frozen header, the sheets); cancelling leaves nothing, a bad place gives an error; the
// charts draw inside their rectangle whatever the data. The report is built from known inputs
// with buildCapacityReport, so its figures are known.

#include "capacitywording.h"
#include "reportcharts.h"
#include "reportexport.h"

#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace cpn;

namespace {

constexpr qint64 kFromMs = 1748707200000; // 2025-06-01 00:00 Beijing time
constexpr qint64 kHourMs = 3600 * 1000;

Region region(const QString& id, const QString& zh, const QString& en, bool western)
{
    Region r;
    r.id = id;
    r.nameZh = zh;
    r.nameEn = en;
    r.western = western;
    return r;
}

Site site(const QString& id, const QString& zh, const QString& en, const QString& regionId, double pflops,
    double inference, quint32 racks)
{
    Site s;
    s.id = id;
    s.nameZh = zh;
    s.nameEn = en;
    s.tier = SiteTier::NationalHub;
    s.regionId = regionId;
    s.capacity = { { Architecture::NvidiaGpu, 1000, pflops, ComputeClass::Intelligent, inference } };
    s.racksBuilt = racks;
    s.storagePb = 10;
    return s;
}

SiteUsage usage(const QString& id, double mean, double pue, double green, quint32 racksInUse)
{
    SiteUsage u;
    u.siteId = id;
    u.meanUtilisation = mean;
    u.peakUtilisation = std::min(1.0, mean + 0.1);
    u.energyMwh = 1000;
    u.costCny = 500000;
    u.pue = pue;
    u.greenShare = green;
    u.carbonT = 400;
    u.racksInUse = racksInUse;
    u.endUtilisation = mean;
    u.inferencePflopsUsed = 50;
    u.trainingPflopsUsed = 200;
    u.tolerantPflopsUsed = 200;
    return u;
}

// 京津冀 at 80 %, 长三角 at 60 %, 贵州 (western) at 30 %: 4,000 PFLOPS, 2,300 in use on average
// (57.5 %). A day of hourly samples. The Guizhou hub's English name needs quoting in a CSV.
CapacityReport knownReport()
{
    const QList<Region> regions { region(QStringLiteral("jjj"), QStringLiteral("京津冀"),
                                      QStringLiteral("Beijing-Tianjin-Hebei"), false),
        region(QStringLiteral("csj"), QStringLiteral("长三角"), QStringLiteral("Yangtze River Delta"), false),
        region(QStringLiteral("gz"), QStringLiteral("贵州"), QStringLiteral("Guizhou"), true) };
    const QList<Site> sites {
        site(QStringLiteral("jjj-hub"), QStringLiteral("张家口枢纽"), QStringLiteral("Zhangjiakou hub"),
            QStringLiteral("jjj"), 1000, 100, 1000),
        site(QStringLiteral("csj-hub"), QStringLiteral("芜湖枢纽"), QStringLiteral("Wuhu hub"), QStringLiteral("csj"),
            2000, 300, 2000),
        site(QStringLiteral("gz-hub"), QStringLiteral("贵安枢纽"), QStringLiteral("Gui'an \"west\", hub"),
            QStringLiteral("gz"), 1000, 100, 1000),
    };
    PlatformUsage p;
    p.platform = QStringLiteral("national");
    p.requestedFromMs = p.coveredFromMs = kFromMs;
    p.requestedToMs = p.coveredToMs = kFromMs + 24 * kHourMs;
    p.generatedTimeMs = kFromMs + 24 * kHourMs + 5 * 60 * 1000;
    p.samples = 24;
    p.sites = { usage(QStringLiteral("jjj-hub"), 0.8, 1.2, 0.5, 700), usage(QStringLiteral("csj-hub"), 0.6, 1.3, 0.3, 1500),
        usage(QStringLiteral("gz-hub"), 0.3, 1.1, 0.9, 500) };
    const QList<std::pair<QString, double>> used { { QStringLiteral("jjj"), 800 }, { QStringLiteral("csj"), 1200 },
        { QStringLiteral("gz"), 300 } };
    for (const auto& [id, pflops] : used) {
        RegionUsage r;
        r.regionId = id;
        r.installedPflops = id == QLatin1String("csj") ? 2000 : 1000;
        for (int h = 0; h < 24; ++h)
            r.usedPflops.append({ kFromMs + h * kHourMs, pflops * (0.9 + 0.2 * (h % 2)) });
        p.regions.append(r);
    }
    return buildCapacityReport({ p }, sites, {}, regions, ReportScope {});
}

// The busiest 20 sites, 8 regions, 18 hubs and 1,000 points per series: a national report.
CapacityReport largeReport()
{
    CapacityReport report = knownReport();
    const CapacityFigures sample = report.regions.first();
    report.regions.clear();
    report.hubs.clear();
    report.busiest.clear();
    for (int i = 0; i < 8; ++i) {
        CapacityFigures f = sample;
        f.key = QStringLiteral("r%1").arg(i);
        f.name = QStringLiteral("区域 %1").arg(i);
        report.regions.append(f);
    }
    for (int i = 0; i < 18; ++i) {
        CapacityFigures f = sample;
        f.key = QStringLiteral("h%1").arg(i);
        f.name = QStringLiteral("枢纽 %1").arg(i);
        report.hubs.append(f);
    }
    for (int i = 0; i < CapacityReport::kBusiest; ++i) {
        CapacityFigures f = sample;
        f.key = QStringLiteral("s%1").arg(i);
        f.name = QStringLiteral("站点 %1").arg(i);
        report.busiest.append(f);
    }
    report.utilisation.clear();
    report.westShare.clear();
    for (int i = 0; i < 1000; ++i) {
        report.utilisation.append({ kFromMs + i * 10 * 60 * 1000, 0.5 + 0.3 * std::sin(i / 50.0) });
        report.westShare.append({ kFromMs + i * 10 * 60 * 1000, 0.2 + 0.1 * std::cos(i / 70.0) });
    }
    return report;
}

QString tool(const char* name)
{
    return QStandardPaths::findExecutable(QString::fromLatin1(name));
}

// A program's standard output; *ok false when it could not run or failed.
QByteArray run(const QString& program, const QStringList& arguments, bool* ok)
{
    QProcess process;
    process.start(program, arguments);
    *ok = process.waitForFinished(60000) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    if (!*ok)
        qWarning().noquote() << program << arguments << process.readAllStandardError();
    return process.readAllStandardOutput();
}

// RFC 4180 records.
QList<QStringList> parseCsv(const QString& text)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (int i = 0; i < text.size(); ++i) {
        const QChar c = text[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < text.size() && text[i + 1] == QLatin1Char('"')) {
                field += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            record << field;
            field.clear();
        } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text[i + 1] == QLatin1Char('\n')) {
            record << field;
            records << record;
            record.clear();
            field.clear();
            ++i;
        } else {
            field += c;
        }
    }
    if (!field.isEmpty() || !record.isEmpty())
        records << (record << field);
    return records;
}

int columnIndex(const QString& header)
{
    const QList<ReportColumn> columns = CapacityWording::columns();
    for (int i = 0; i < columns.size(); ++i) {
        if (columns[i].header == header)
            return i;
    }
    return -1;
}

QString mustWrite(const CapacityReport& report, const QString& path, ReportExport::Format format)
{
    QString error;
    int calls = 0;
    const bool ok = ReportExport::write(
        report, { QStringLiteral("national = 10.1.2.3:50051") }, path, format,
        [&](int done, int total) {
            ++calls;
            return done >= 0 && done <= total;
        },
        &error);
    if (!ok)
        return error.isEmpty() ? QStringLiteral("failed without a reason") : error;
    if (calls == 0)
        return QStringLiteral("progress was never called");
    return {};
}

} // namespace

class TestReportExport : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        QVERIFY(m_dir.isValid());
    }
    void cleanup() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }

    void formatBySuffix_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("format"); // -1: none
        QTest::newRow("pdf") << "/tmp/a.pdf" << int(ReportExport::Format::Pdf);
        QTest::newRow("PDF") << "/tmp/A.PDF" << int(ReportExport::Format::Pdf);
        QTest::newRow("csv") << "report.Csv" << int(ReportExport::Format::Csv);
        QTest::newRow("xlsx") << "/x/y.XLSX" << int(ReportExport::Format::Xlsx);
        QTest::newRow("xls") << "old.xls" << -1;
        QTest::newRow("none") << "/tmp/pdf" << -1;
        QTest::newRow("dots") << "/tmp/a.pdf.txt" << -1;
    }
    void formatBySuffix()
    {
        QFETCH(QString, path);
        QFETCH(int, format);
        const auto f = ReportExport::formatFor(path);
        QCOMPARE(f ? int(*f) : -1, format);
    }

    void pdfInChineseHasTextFontsAndPageNumbers()
    {
        const QString pdftotext = tool("pdftotext");
        const QString pdffonts = tool("pdffonts");
        const QString pdfinfo = tool("pdfinfo");
        if (pdftotext.isEmpty() || pdffonts.isEmpty() || pdfinfo.isEmpty())
            QFAIL("pdftotext, pdffonts and pdfinfo are missing: install poppler-utils (tools/dev.sh test does)");
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const CapacityReport report = knownReport();
        QCOMPARE(report.regions.size(), 3);
        QCOMPARE(report.total.installedPflops, 4000.0);
        const QString path = m_dir.filePath(QStringLiteral("zh.pdf"));
        QCOMPARE(mustWrite(report, path, ReportExport::Format::Pdf), QString());

        bool ok = false;
        const QString info = QString::fromUtf8(run(pdfinfo, { path }, &ok));
        QVERIFY(ok);
        const QRegularExpressionMatch pagesMatch = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info);
        QVERIFY2(pagesMatch.hasMatch(), qPrintable(info));
        const int pages = pagesMatch.captured(1).toInt();
        QVERIFY2(pages >= 3, qPrintable(info)); // particulars, charts, tables at least
        QVERIFY2(info.contains(QStringLiteral("A4")) || info.contains(QStringLiteral("595.")), qPrintable(info));

        const QString text = QString::fromUtf8(run(pdftotext, { QStringLiteral("-enc"), QStringLiteral("UTF-8"), path,
                                                                 QStringLiteral("-") },
            &ok));
        QVERIFY(ok);
        // Chinese as text, read back as written (长 is not the radical ⻓).
        for (const QString& name : { QStringLiteral("京津冀"), QStringLiteral("长三角"), QStringLiteral("贵州"),
                 QStringLiteral("张家口枢纽") })
            QVERIFY2(text.contains(name), qPrintable(name + QStringLiteral(" missing from:\n") + text.left(3000)));
        QVERIFY2(text.contains(CapacityWording::title(report)), qPrintable(text.left(2000)));
        QVERIFY(text.contains(QStringLiteral("national = 10.1.2.3:50051")));
        // The headline figures as the interface words them: mean utilisation 57.5 %.
        bool foundMean = false;
        for (const auto& h : CapacityWording::headlines(report)) {
            QVERIFY2(text.contains(h.label), qPrintable(h.label));
            if (h.value.contains(QStringLiteral("57.5")))
                foundMean = true;
        }
        QVERIFY(foundMean);
        QVERIFY(text.contains(QStringLiteral("57.5")));
        // Every gap, and the tables' headers.
        for (const ReportGap& g : report.gaps)
            QVERIFY(text.simplified().remove(QLatin1Char(' ')).contains(
                CapacityWording::gap(report, g).left(12).remove(QLatin1Char(' '))));
        // "Page X of Y" on every page, in the interface's language.
        QCOMPARE(text.count(QLatin1Char('\f')), pages);
        const QStringList pageTexts = text.split(QLatin1Char('\f'));
        for (int i = 0; i < pages; ++i) {
            const QString words = ReportExport::tr("Page %1 of %2").arg(i + 1).arg(pages);
            QVERIFY2(pageTexts[i].contains(words), qPrintable(QStringLiteral("page %1 lacks '%2'").arg(i + 1).arg(words)));
        }

        // Fonts embedded, and a CJK one among them.
        const QStringList fonts = QString::fromUtf8(run(pdffonts, { path }, &ok)).split(QLatin1Char('\n'));
        QVERIFY(ok);
        QVERIFY2(fonts.size() >= 3, qPrintable(fonts.join(QLatin1Char('\n'))));
        const int emb = int(fonts[0].indexOf(QStringLiteral("emb")));
        QVERIFY(emb > 0);
        int rows = 0;
        bool cjk = false;
        for (const QString& line : fonts.mid(2)) {
            if (line.trimmed().isEmpty())
                continue;
            ++rows;
            QVERIFY2(line.mid(emb, 3) == QLatin1String("yes"), qPrintable(QStringLiteral("not embedded: ") + line));
            if (line.contains(QStringLiteral("WenQuanYi")) || line.contains(QStringLiteral("CJK")))
                cjk = true;
        }
        QVERIFY(rows > 0);
        QVERIFY2(cjk, qPrintable(fonts.join(QLatin1Char('\n'))));
    }

    void pdfInEnglishSaysPageOf()
    {
        const QString pdftotext = tool("pdftotext");
        if (pdftotext.isEmpty())
            QFAIL("pdftotext is missing: install poppler-utils (tools/dev.sh test does)");
        const CapacityReport report = knownReport();
        const QString path = m_dir.filePath(QStringLiteral("en.pdf"));
        QCOMPARE(mustWrite(report, path, ReportExport::Format::Pdf), QString());
        bool ok = false;
        const QString text = QString::fromUtf8(
            run(pdftotext, { QStringLiteral("-enc"), QStringLiteral("UTF-8"), path, QStringLiteral("-") }, &ok));
        QVERIFY(ok);
        const int pages = int(text.count(QLatin1Char('\f')));
        QVERIFY(pages >= 3);
        QVERIFY2(text.contains(QStringLiteral("Page 1 of %1").arg(pages)), qPrintable(text.right(500)));
        QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
        QVERIFY(text.contains(QStringLiteral("Beijing-Tianjin-Hebei")));
        QVERIFY(text.contains(QStringLiteral("Yangtze River Delta")));
        QVERIFY(text.contains(QStringLiteral("4,000 PFLOPS"))); // capacity installed
    }

    void csvReadsBack()
    {
        // German writes 57,5: the CSV's numbers must not follow the interface's locale.
        QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
        const CapacityReport report = knownReport();
        const QString path = m_dir.filePath(QStringLiteral("report.csv"));
        QCOMPARE(mustWrite(report, path, ReportExport::Format::Csv), QString());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        const QList<QStringList> records = parseCsv(QString::fromUtf8(bytes.mid(3)));
        QVERIFY(records.size() > 50);
        QCOMPARE(records.first(), ReportExport::csvColumns());
        const int columns = int(ReportExport::csvColumns().size());
        const auto at = [&](const QStringList& r, const char* name) {
            return r.value(int(ReportExport::csvColumns().indexOf(QLatin1String(name))));
        };
        int headlines = 0;
        int gaps = 0;
        int series = 0;
        bool mean = false;
        bool quotedName = false;
        bool total = false;
        const QString meanHeader = QStringLiteral("Mean utilisation (%)");
        QVERIFY(columnIndex(meanHeader) > 0);
        for (const QStringList& r : records.mid(1)) {
            QCOMPARE(r.size(), columns);
            QCOMPARE(at(r, "scope"), QStringLiteral("nation"));
            QCOMPARE(at(r, "period_from"), QStringLiteral("2025-06-01T00:00:00+08:00"));
            const QString table = at(r, "table");
            headlines += table == QLatin1String("headline");
            gaps += table == QLatin1String("gap");
            series += table == QLatin1String("utilisation");
            if (table == QLatin1String("region") && at(r, "entity_id") == QLatin1String("jjj")
                && at(r, "figure") == meanHeader) {
                // A plain number, '.' for decimals; the target met.
                QCOMPARE(at(r, "value"), QStringLiteral("80"));
                QCOMPARE(at(r, "value").toDouble(), report.regions.first().meanUtilisation * 100);
                QCOMPARE(at(r, "met"), QStringLiteral("true"));
                QCOMPARE(at(r, "entity_name"), QStringLiteral("Beijing-Tianjin-Hebei"));
                mean = true;
            }
            if (table == QLatin1String("region") && at(r, "entity_id") == QLatin1String("gz")
                && at(r, "figure") == meanHeader)
                QCOMPARE(at(r, "met"), QStringLiteral("false"));
            if (table == QLatin1String("hub") && at(r, "entity_id") == QLatin1String("gz-hub"))
                quotedName = at(r, "entity_name") == QStringLiteral("Gui'an \"west\", hub");
            if (table == QLatin1String("total") && at(r, "figure") == meanHeader)
                total = at(r, "value") == QLatin1String("57.5");
        }
        QVERIFY(mean);
        QVERIFY(quotedName);
        QVERIFY(total);
        QCOMPARE(headlines, int(CapacityWording::headlines(report).size()));
        QCOMPARE(gaps, int(report.gaps.size()));
        QVERIFY(gaps >= 1);
        QCOMPARE(series, int(report.utilisation.size()));
    }

    void xlsxReadsBack()
    {
        const QString python = tool("python3");
        if (python.isEmpty())
            QFAIL("python3 is missing: it reads the workbook back");
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const CapacityReport report = knownReport();
        const QString path = m_dir.filePath(QStringLiteral("report.xlsx"));
        QCOMPARE(mustWrite(report, path, ReportExport::Format::Xlsx), QString());
        const auto member = [&](const QString& name) {
            bool ok = false;
            const QByteArray out = run(python,
                { QStringLiteral("-c"),
                    QStringLiteral("import sys, zipfile; "
                                   "sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]))"),
                    path, name },
                &ok);
            return ok ? QString::fromUtf8(out) : QString();
        };
        const QString workbook = member(QStringLiteral("xl/workbook.xml"));
        QVERIFY2(!workbook.isEmpty(), "not a workbook");
        for (const QString& sheet : { ReportExport::tr("Summary"), ReportExport::tr("Regions"),
                 ReportExport::tr("Hubs and clusters"), ReportExport::tr("Busiest sites"),
                 ReportExport::tr("Utilisation"), ReportExport::tr("Western share") })
            QVERIFY2(workbook.contains(QStringLiteral("name=\"%1\"").arg(sheet)), qPrintable(workbook));
        const QString strings = member(QStringLiteral("xl/sharedStrings.xml"));
        QVERIFY(strings.contains(QStringLiteral("京津冀")));
        QVERIFY(strings.contains(CapacityWording::gap(report, report.gaps.first()).toHtmlEscaped().left(10)));

        // Regions, the second sheet: 京津冀's mean utilisation (80 %) a number, the header frozen.
        const QString regions = member(QStringLiteral("xl/worksheets/sheet2.xml"));
        QVERIFY(regions.contains(QStringLiteral("state=\"frozen\"")));
        const int column = columnIndex(CapacityWording::columns()[7].header);
        QCOMPARE(column, 7);
        const QString cell = QStringLiteral("%1%2").arg(QChar(QLatin1Char('A' + column))).arg(2);
        const QRegularExpression re(QStringLiteral("<c r=\"%1\"([^>]*)><v>([^<]*)</v></c>").arg(cell));
        const QRegularExpressionMatch m = re.match(regions);
        QVERIFY2(m.hasMatch(), qPrintable(regions.left(3000)));
        QVERIFY2(!m.captured(1).contains(QStringLiteral("t=")), qPrintable(m.captured(0))); // not a string
        QCOMPARE(m.captured(2).toDouble(), 80.0);
        // The total, last of the regions (row 5): 2,300 of 4,000 PFLOPS in use, 57.5 %.
        const QString totalCell = QStringLiteral("%1%2").arg(QChar(QLatin1Char('A' + column))).arg(5);
        const QRegularExpressionMatch total
            = QRegularExpression(QStringLiteral("<c r=\"%1\"([^>]*)><v>([^<]*)</v></c>").arg(totalCell)).match(regions);
        QVERIFY2(total.hasMatch(), qPrintable(regions.left(3000)));
        QCOMPARE(total.captured(2).toDouble(), report.total.meanUtilisation * 100);
        QVERIFY(qFuzzyCompare(total.captured(2).toDouble(), 57.5));
    }

    void cancelLeavesNothing_data()
    {
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("name");
        QTest::newRow("pdf") << int(ReportExport::Format::Pdf) << "cancel.pdf";
        QTest::newRow("csv") << int(ReportExport::Format::Csv) << "cancel.csv";
        QTest::newRow("xlsx") << int(ReportExport::Format::Xlsx) << "cancel.xlsx";
    }
    void cancelLeavesNothing()
    {
        QFETCH(int, format);
        QFETCH(QString, name);
        const CapacityReport report = largeReport();
        const QString path = m_dir.filePath(name);
        QString error;
        QVERIFY(!ReportExport::write(
            report, {}, path, ReportExport::Format(format), [](int, int) { return false; }, &error));
        QVERIFY(!QFileInfo::exists(path));
        QVERIFY2(error.contains(QStringLiteral("cancelled")), qPrintable(error));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files).filter(QStringLiteral("cancel")), QStringList());

        // A file already there stays as it was.
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("before");
        }
        int calls = 0;
        QVERIFY(!ReportExport::write(
            report, {}, path, ReportExport::Format(format), [&](int, int) { return ++calls < 3; }, &error));
        QFile old(path);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("before"));
        QVERIFY(old.remove());
    }

    void badPlaceGivesError_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("says");
        QTest::newRow("no folder") << QStringLiteral("/nonexistent-cpn/sub/report.pdf") << "does not exist";
        QTest::newRow("not writable") << QStringLiteral("/proc/cpn-report.csv") << "/proc/cpn-report.csv";
        QTest::newRow("a folder") << QStringLiteral("/tmp") << "folder";
    }
    void badPlaceGivesError()
    {
        QFETCH(QString, path);
        QFETCH(QString, says);
        for (const auto format : { ReportExport::Format::Pdf, ReportExport::Format::Csv, ReportExport::Format::Xlsx }) {
            QString error;
            QVERIFY(!ReportExport::write(knownReport(), {}, path, format, {}, &error));
            QVERIFY2(error.contains(says), qPrintable(error));
        }
        QVERIFY(!QFileInfo(path).isFile());
    }

    // Empty data, one point and huge values: the charts draw, within their rectangle.
    void chartsDrawAnyData_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("empty") << 0;
        QTest::newRow("one point") << 1;
        QTest::newRow("huge values") << 2;
        QTest::newRow("known") << 3;
    }
    void chartsDrawAnyData()
    {
        QFETCH(int, kind);
        CapacityReport report;
        if (kind == 1) {
            report = knownReport();
            report.utilisation = { { kFromMs, 0.5 } };
            report.westShare = { { kFromMs, 0.25 } };
            report.requestedFromMs = report.requestedToMs = 0;
            report.regions = report.regions.mid(0, 1);
        } else if (kind == 2) {
            report = knownReport();
            for (auto& r : report.regions) {
                r.installedPflops = 1e18;
                r.meanUsedPflops = 7e17;
            }
            report.regions[1].installedPflops = std::numeric_limits<double>::infinity();
            report.utilisation.append({ kFromMs + 25 * kHourMs, 1e9 });
            report.utilisation.append({ kFromMs + 26 * kHourMs, std::nan("") });
        } else if (kind == 3) {
            report = knownReport();
        }
        const QRectF rect(20, 20, 600, 300);
        for (bool paper : { false, true }) {
            QFont font(QStringLiteral("Noto Sans CJK SC"));
            font.setPixelSize(12);
            const ReportChartStyle style = paper ? ReportChartStyle::paper(font) : ReportChartStyle::screen(font);
            for (int chart = 0; chart < 3; ++chart) {
                QImage image(640, 340, QImage::Format_RGB32);
                image.fill(Qt::magenta);
                {
                    QPainter p(&image);
                    if (chart == 0)
                        ReportCharts::drawUtilisation(&p, rect, report, style);
                    else if (chart == 1)
                        ReportCharts::drawRegions(&p, rect, report, style);
                    else
                        ReportCharts::drawWestShare(&p, rect, report, style);
                }
                if (kind == 3 && !qEnvironmentVariableIsEmpty("CPN_KEEP_REPORTS"))
                    image.save(QStringLiteral("%1/chart-%2-%3.png")
                                   .arg(qEnvironmentVariable("CPN_KEEP_REPORTS"))
                                   .arg(chart)
                                   .arg(paper ? QStringLiteral("paper") : QStringLiteral("screen")));
                int inside = 0;
                for (int y = 0; y < image.height(); ++y) {
                    for (int x = 0; x < image.width(); ++x) {
                        const bool in = rect.adjusted(-1, -1, 1, 1).contains(x, y);
                        const bool untouched = image.pixel(x, y) == QColor(Qt::magenta).rgb();
                        if (!in)
                            QVERIFY2(untouched, qPrintable(QStringLiteral("chart %1 drew outside at %2,%3").arg(chart).arg(x).arg(y)));
                        else if (!untouched)
                            ++inside;
                    }
                }
                QVERIFY(inside > rect.width() * rect.height() * 0.9); // the background, and on it the chart
                // Something besides the background: text at least ("No data" when empty).
                QSet<QRgb> colours;
                for (int y = int(rect.top()); y < int(rect.bottom()); y += 2) {
                    for (int x = int(rect.left()); x < int(rect.right()); x += 2)
                        colours.insert(image.pixel(x, y));
                }
                QVERIFY(colours.size() > 3);
            }
        }
    }

    // The console writes reports on a worker thread while the window stays live.
    void writesOnAWorkerThread()
    {
        const CapacityReport report = largeReport();
        QStringList errors;
        QList<QString> paths;
        for (const QString& name : { QStringLiteral("thread.pdf"), QStringLiteral("thread.csv"),
                 QStringLiteral("thread.xlsx") })
            paths.append(m_dir.filePath(name));
        std::unique_ptr<QThread> worker(QThread::create([&] {
            for (const QString& path : paths)
                errors.append(mustWrite(report, path, *ReportExport::formatFor(path)));
        }));
        worker->start();
        QVERIFY(worker->wait(120000));
        QCOMPARE(errors, QStringList({ QString(), QString(), QString() }));
        for (const QString& path : paths)
            QVERIFY2(QFileInfo(path).size() > 1000, qPrintable(path));
    }

    // Figures, not a test of time: how long each format takes for a national report.
    void timesEachFormat()
    {
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        const CapacityReport report = largeReport();
        for (const auto& [format, name] : { std::pair { ReportExport::Format::Pdf, QStringLiteral("large.pdf") },
                 std::pair { ReportExport::Format::Csv, QStringLiteral("large.csv") },
                 std::pair { ReportExport::Format::Xlsx, QStringLiteral("large.xlsx") } }) {
            QElapsedTimer timer;
            timer.start();
            const QString path = m_dir.filePath(name);
            QCOMPARE(mustWrite(report, path, format), QString());
            qInfo().noquote() << QStringLiteral("%1: %2 ms, %3 bytes (20 busiest, 8 regions, 18 hubs, 1,000 points)")
                                     .arg(name)
                                     .arg(timer.elapsed())
                                     .arg(QFileInfo(path).size());
        }
        if (!qEnvironmentVariableIsEmpty("CPN_KEEP_REPORTS"))
            for (const QString& f : QDir(m_dir.path()).entryList(QDir::Files))
                QFile::copy(m_dir.filePath(f), qEnvironmentVariable("CPN_KEEP_REPORTS") + QLatin1Char('/') + f);
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestReportExport)
#include "tst_reportexport.moc"
