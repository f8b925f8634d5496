// The cpn-console executable as a user runs it: --screenshot writes a picture of a living
// map, bad arguments get a clear error, a bad --basemap falls back to the built-in map.

#include <QImage>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <set>

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
