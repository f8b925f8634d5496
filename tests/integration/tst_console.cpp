// The cpn-console executable as a user runs it: --screenshot writes a picture of a living
// map, bad arguments get a clear error, a bad --basemap falls back to the built-in map.

#include <QImage>
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
    };

    Run run(const QStringList& args)
    {
        QProcess console;
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
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
