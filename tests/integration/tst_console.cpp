// The cpn-console executable as a user runs it: --screenshot writes a picture of a living
// map, bad arguments get a clear error, a bad --basemap falls back to the built-in map; the
// headless report, recommendations and contingencies are written without a window.

#include <QDir>
#include <QImage>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <set>
#include <utility>

class TestConsole : public QObject {
    Q_OBJECT
private:
    struct Run {
        int exitCode = -1;
        QString errors;
        QString output;
    };

    // What a command prints; empty (and a failure) when it cannot run.
    static QString toolOutput(const QString& program, const QStringList& args)
    {
        QProcess tool;
        tool.start(program, args);
        if (!tool.waitForFinished(30000) || tool.exitCode() != 0)
            return {};
        return QString::fromUtf8(tool.readAllStandardOutput());
    }

    Run run(const QStringList& args, const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
    {
        QProcess console;
        console.setProcessEnvironment(environment);
        console.setProgram(QStringLiteral(CPN_CONSOLE_PATH));
        console.setArguments(args);
        console.start();
        Run result;
        if (!console.waitForFinished(120000)) {
            console.kill();
            return result;
        }
        result.exitCode = console.exitStatus() == QProcess::NormalExit ? console.exitCode() : -1;
        result.errors = QString::fromUtf8(console.readAllStandardError());
        result.output = QString::fromUtf8(console.readAllStandardOutput());
        return result;
    }

    // The rows of a CSV file as RFC 4180 quotes them (a field may hold commas, quotes, line breaks).
    static QList<QStringList> csvRows(const QString& text)
    {
        QList<QStringList> rows;
        QStringList row;
        QString field;
        bool quoted = false;
        for (qsizetype i = 0; i < text.size(); ++i) {
            const QChar c = text.at(i);
            if (quoted) {
                if (c == QLatin1Char('"') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('"')) {
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
                row << std::exchange(field, {});
            } else if (c == QLatin1Char('\r') && i + 1 < text.size() && text.at(i + 1) == QLatin1Char('\n')) {
                row << std::exchange(field, {});
                rows << std::exchange(row, {});
                ++i;
            } else {
                field += c;
            }
        }
        if (!field.isEmpty() || !row.isEmpty())
            rows << (row << field);
        return rows;
    }

    // A headless CSV: a BOM, then rows; empty when it cannot be read.
    static QList<QStringList> readCsv(const QString& path)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return {};
        const QByteArray bytes = file.readAll();
        if (!bytes.startsWith("\xEF\xBB\xBF"))
            return {};
        return csvRows(QString::fromUtf8(bytes.mid(3)));
    }

    // The cell is a number written with '.' decimals (or, when `optional`, empty).
    static bool isNumber(const QString& cell, bool optional = false)
    {
        if (cell.isEmpty())
            return optional;
        bool ok = false;
        cell.toDouble(&ok);
        return ok && !cell.contains(QLatin1Char(','));
    }

private slots:
    void screenshotShowsTheLiveMap()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("console.png"));
        const Run r = run({ QStringLiteral("--screenshot"), file, QStringLiteral("--screenshot-after"),
            QStringLiteral("1"), QStringLiteral("--lang"), QStringLiteral("en") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors));
        QImage image(file);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
        // A map with provinces, sites in several colours and text: many distinct colours.
        std::set<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 50, qPrintable(QString::number(colours.size())));
    }

    void badArgumentsAreRefusedClearly()
    {
        const Run r = run({ QStringLiteral("--scale"), QStringLiteral("galactic") });
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.errors.contains(QStringLiteral("galactic")), qPrintable(r.errors));
        const Run missingToken = run({ QStringLiteral("--token-file"), QStringLiteral("/nonexistent/token") });
        QCOMPARE(missingToken.exitCode, 2);
        QVERIFY(missingToken.errors.contains(QStringLiteral("/nonexistent/token")));
    }

    void badBasemapFallsBackToTheBuiltInMap()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("console.png"));
        const Run r = run({ QStringLiteral("--basemap"), QStringLiteral("/nonexistent/map.geojson"),
            QStringLiteral("--screenshot"), file, QStringLiteral("--screenshot-after"), QStringLiteral("0") });
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.errors.contains(QStringLiteral("/nonexistent/map.geojson")), qPrintable(r.errors));
        QVERIFY(!QImage(file).isNull());
    }

    // A ministry's nightly job: a week's report from the embedded scheduler, in Chinese, as PDF,
    // and the same as CSV with the same figures.
    void weeklyReportWithoutAWindow()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("week.pdf"));
        const Run r = run({ QStringLiteral("--lang"), QStringLiteral("zh_CN"), QStringLiteral("--report"), pdf,
            QStringLiteral("--report-period"), QStringLiteral("7d") });
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors));
        const QString text = toolOutput(QStringLiteral("pdftotext"), { QStringLiteral("-layout"), pdf, QStringLiteral("-") });
        QVERIFY2(!text.isEmpty(), "pdftotext (poppler-utils) is needed to read the report");
        for (const char* words : { "京津冀", "长三角", "宁夏", "全国", "PUE", "上架率" })
            QVERIFY2(text.contains(QString::fromUtf8(words)), words);
        QVERIFY(toolOutput(QStringLiteral("pdffonts"), { pdf }).contains(QStringLiteral("yes")));

        const QString csv = dir.filePath(QStringLiteral("week.csv"));
        const Run c = run({ QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--report"), csv,
            QStringLiteral("--report-period"), QStringLiteral("7d"), QStringLiteral("--report-scope"),
            QStringLiteral("nx") });
        QVERIFY2(c.exitCode == 0, qPrintable(c.errors));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF")); // a BOM, for Excel
        QVERIFY(bytes.contains("Ningxia"));
        QVERIFY(!bytes.contains("Beijing-Tianjin-Hebei,")); // the scope is Ningxia alone
    }

    void badReportOptionsExitTwo()
    {
        QTemporaryDir dir;
        const QString pdf = dir.filePath(QStringLiteral("r.pdf"));
        const Run period = run({ QStringLiteral("--report"), pdf, QStringLiteral("--report-period"), QStringLiteral("2w") });
        QCOMPARE(period.exitCode, 2);
        QVERIFY2(period.errors.contains(QStringLiteral("2w")), qPrintable(period.errors));
        const Run suffix = run({ QStringLiteral("--report"), dir.filePath(QStringLiteral("r.docx")) });
        QCOMPARE(suffix.exitCode, 2);
        QVERIFY2(suffix.errors.contains(QStringLiteral("r.docx")), qPrintable(suffix.errors));
        const Run scope = run({ QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--report"), pdf,
            QStringLiteral("--report-scope"), QStringLiteral("atlantis") });
        QCOMPARE(scope.exitCode, 2);
        QVERIFY2(scope.errors.contains(QStringLiteral("atlantis")), qPrintable(scope.errors));
        QVERIFY(!QFile::exists(pdf));
    }

    // The analysis of an evening peak, both files at once: recommendations an operator could
    // start (source and target differ, every projected load under the threshold) and the N-1
    // contingencies of the hubs, clusters and backbone links, ranked, most severe first.
    void analysisCsvsWithoutAWindow()
    {
        QTemporaryDir dir;
        const QString recommendations = dir.filePath(QStringLiteral("recommendations.csv"));
        const QString contingencies = dir.filePath(QStringLiteral("contingencies.csv"));
        const Run r = run(
            { QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--scenario"), QStringLiteral("peak"),
                QStringLiteral("--analysis-threshold"), QStringLiteral("0.9"), QStringLiteral("--recommendations"),
                recommendations, QStringLiteral("--contingency-report"), contingencies });
        QVERIFY2(r.exitCode == 0, qPrintable(r.errors));

        const QList<QStringList> moves = readCsv(recommendations);
        QVERIFY2(!moves.isEmpty(), "a BOM and a header row");
        const QStringList moveColumns { QStringLiteral("rank"), QStringLiteral("task_id"), QStringLiteral("task_kind"),
            QStringLiteral("source_site_id"), QStringLiteral("source_name"), QStringLiteral("target_site_id"),
            QStringLiteral("target_name"), QStringLiteral("reason"), QStringLiteral("cost_saved_cny_per_hour"),
            QStringLiteral("carbon_saved_kg_per_hour"), QStringLiteral("latency_before_ms"),
            QStringLiteral("latency_after_ms"), QStringLiteral("load_relieved"), QStringLiteral("source_load_before"),
            QStringLiteral("source_load_after"), QStringLiteral("target_load_before"),
            QStringLiteral("target_load_after"), QStringLiteral("path_link_ids"), QStringLiteral("revision") };
        QCOMPARE(moves.front(), moveColumns);
        QVERIFY2(moves.size() > 1, "an evening peak has work worth moving");
        const QStringList reasons { QStringLiteral("relieve_site"), QStringLiteral("east_to_west"),
            QStringLiteral("nearer_users"), QStringLiteral("pack_for_drain") };
        QSet<QString> tasks;
        for (int i = 1; i < moves.size(); ++i) {
            const QStringList& row = moves.at(i);
            QCOMPARE(row.size(), moveColumns.size());
            QCOMPARE(row.at(0), QString::number(i));
            QVERIFY2(!row.at(1).isEmpty() && !tasks.contains(row.at(1)), qPrintable(row.at(1))); // a task moves once
            tasks.insert(row.at(1));
            QVERIFY2(row.at(3) != row.at(5), qPrintable(row.join(QLatin1Char(','))));
            QVERIFY(!row.at(4).isEmpty() && !row.at(6).isEmpty());
            QVERIFY2(reasons.contains(row.at(7)), qPrintable(row.at(7)));
            for (int c = 8; c <= 16; ++c)
                QVERIFY2(isNumber(row.at(c)), qPrintable(moveColumns.at(c) + QLatin1Char('=') + row.at(c)));
            QVERIFY2(row.at(16).toDouble() <= 0.9 + 1e-4, qPrintable(row.join(QLatin1Char(','))));
            QVERIFY(!row.at(17).isEmpty()); // a path between two different sites
            QVERIFY(row.at(18).toULongLong() > 0);
        }

        const QList<QStringList> failures = readCsv(contingencies);
        QVERIFY2(!failures.isEmpty(), "a BOM and a header row");
        const QStringList failureColumns { QStringLiteral("rank"), QStringLiteral("element_ids"),
            QStringLiteral("element_kind"), QStringLiteral("tier"), QStringLiteral("tasks_displaced"),
            QStringLiteral("pflops_displaced"), QStringLiteral("tasks_placed"), QStringLiteral("unplaced_capacity"),
            QStringLiteral("unplaced_architecture"), QStringLiteral("unplaced_residency"),
            QStringLiteral("unplaced_latency"), QStringLiteral("worst_site_id"), QStringLiteral("worst_site_load"),
            QStringLiteral("worst_link_id"), QStringLiteral("worst_link_load"), QStringLiteral("severity"),
            QStringLiteral("revision") };
        QCOMPARE(failures.front(), failureColumns);
        QVERIFY2(failures.size() > 8, "every hub at least");
        int hubs = 0;
        double severity = 2;
        for (int i = 1; i < failures.size(); ++i) {
            const QStringList& row = failures.at(i);
            QCOMPARE(row.size(), failureColumns.size());
            QCOMPARE(row.at(0), QString::number(i));
            QVERIFY(!row.at(1).isEmpty());
            QVERIFY2(row.at(2) == QLatin1String("site") || row.at(2) == QLatin1String("link"), qPrintable(row.at(2)));
            const QString tier = row.at(3);
            QVERIFY2(QStringList({ QStringLiteral("national_hub"), QStringLiteral("cluster"), QStringLiteral("link") })
                         .contains(tier),
                qPrintable(tier));
            QCOMPARE(tier == QLatin1String("link"), row.at(2) == QLatin1String("link"));
            hubs += tier == QLatin1String("national_hub");
            for (int c : { 4, 5, 6, 7, 8, 9, 10, 15 })
                QVERIFY2(isNumber(row.at(c)), qPrintable(failureColumns.at(c) + QLatin1Char('=') + row.at(c)));
            QVERIFY(isNumber(row.at(12), true) && isNumber(row.at(14), true));
            // What is displaced is placed or unplaced for one reason.
            QCOMPARE(row.at(4).toInt(),
                row.at(6).toInt() + row.at(7).toInt() + row.at(8).toInt() + row.at(9).toInt() + row.at(10).toInt());
            QVERIFY2(row.at(15).toDouble() <= severity, "most severe first");
            severity = row.at(15).toDouble();
            QVERIFY(row.at(16).toULongLong() > 0);
        }
        QCOMPARE(hubs, 8);
    }

    void badAnalysisOptionsExitTwo()
    {
        QTemporaryDir dir;
        const QString csv = dir.filePath(QStringLiteral("r.csv"));
        for (const QString& threshold :
            { QStringLiteral("0.3"), QStringLiteral("1.5"), QStringLiteral("0,9"), QStringLiteral("high") }) {
            const Run r = run({ QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--recommendations"),
                csv, QStringLiteral("--analysis-threshold"), threshold });
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.errors.contains(QStringLiteral("--analysis-threshold")) && r.errors.contains(threshold),
                qPrintable(r.errors));
        }
        const Run suffix = run({ QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--contingency-report"),
            dir.filePath(QStringLiteral("n1.xlsx")) });
        QCOMPARE(suffix.exitCode, 2);
        QVERIFY2(suffix.errors.contains(QStringLiteral("n1.xlsx")), qPrintable(suffix.errors));
        const Run same = run({ QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--recommendations"), csv,
            QStringLiteral("--contingency-report"), csv });
        QCOMPARE(same.exitCode, 2);
        QVERIFY(QDir(dir.path()).isEmpty());
    }

    void unwritableAnalysisFileExitsOne()
    {
        const Run r = run({ QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--contingency-report"),
            QStringLiteral("/nonexistent/n1.csv") });
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.errors.contains(QStringLiteral("/nonexistent/n1.csv")), qPrintable(r.errors));
    }

    void analysisWithoutDataExitsThree()
    {
        QTemporaryDir dir;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CPN_REPORT_WAIT_MS"), QStringLiteral("3000"));
        const QString csv = dir.filePath(QStringLiteral("r.csv"));
        const Run r = run({ QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--connect"),
                              QStringLiteral("127.0.0.1:1"), QStringLiteral("--recommendations"), csv },
            environment);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.errors.contains(QStringLiteral("No data")), qPrintable(r.errors));
        QVERIFY(!QFile::exists(csv));
    }

    void noDataExitsThree()
    {
        QTemporaryDir dir;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("CPN_REPORT_WAIT_MS"), QStringLiteral("3000"));
        const Run r = run({ QStringLiteral("--lang"), QStringLiteral("en"), QStringLiteral("--connect"),
                              QStringLiteral("127.0.0.1:1"), QStringLiteral("--report"), dir.filePath(QStringLiteral("r.csv")) },
            environment);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.errors.contains(QStringLiteral("No data")), qPrintable(r.errors));
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
