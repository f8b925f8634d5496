// Chinese is the console's main language: every string the sources show a user must have a
// finished Chinese translation, and the languages must switch at run time.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct TsCount {
    int messages = 0;
    QStringList unfinished; // "context: source"
};

TsCount readTs(const QString& path)
{
    TsCount count;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return count;
    QXmlStreamReader xml(&file);
    QString context;
    QString source;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("source")) {
            source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            ++count.messages;
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                count.unfinished << context + QStringLiteral(": ") + source;
        }
    }
    return count;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT
private slots:
    void everySourceStringHasAChineseTranslation()
    {
        // Refresh a copy of the committed file from the sources as they are now: a string
        // added without a translation shows up as unfinished.
        QTemporaryDir dir;
        const QString copy = dir.filePath(QStringLiteral("cpn_zh_CN.ts"));
        QVERIFY(QFile::copy(QStringLiteral(CPN_SOURCE_DIR "/translations/cpn_zh_CN.ts"), copy));
        QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
        QProcess lupdate;
        lupdate.setWorkingDirectory(QStringLiteral(CPN_SOURCE_DIR));
        lupdate.start(QStringLiteral(CPN_LUPDATE_PATH),
            { QStringLiteral("-extensions"), QStringLiteral("cpp,h"), QStringLiteral("-no-obsolete"),
                QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("app"), QStringLiteral("widgets"),
                QStringLiteral("models"), QStringLiteral("rpc"), QStringLiteral("-ts"), copy });
        QVERIFY(lupdate.waitForFinished(120000));
        QCOMPARE(lupdate.exitCode(), 0);
        const TsCount count = readTs(copy);
        QVERIFY(count.messages > 100);
        QVERIFY2(count.unfinished.isEmpty(),
            qPrintable(QStringLiteral("%1 strings without a Chinese translation (run the update_translations target "
                                      "and translate translations/cpn_zh_CN.ts):\n  %2")
                           .arg(count.unfinished.size())
                           .arg(count.unfinished.join(QStringLiteral("\n  ")))));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
