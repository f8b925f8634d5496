#include "commandline.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>

namespace cpn {

std::optional<ConsoleOptions> parseCommandLine(const QCoreApplication& app, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("cpn::CommandLine", "Control console of the national computing power network."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connect(QStringLiteral("connect"),
        QCoreApplication::translate("cpn::CommandLine", "Connect to the scheduler at HOST:PORT instead of the embedded mock."),
        QStringLiteral("HOST:PORT"));
    const QCommandLineOption tokenFile(QStringLiteral("token-file"),
        QCoreApplication::translate("cpn::CommandLine", "Read the bearer token from FILE."), QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
        QCoreApplication::translate("cpn::CommandLine", "User interface language: zh_CN or en."), QStringLiteral("LANG"));
    const QCommandLineOption basemap(QStringLiteral("basemap"),
        QCoreApplication::translate("cpn::CommandLine", "Draw this GeoJSON file as the basemap."),
        QStringLiteral("FILE.geojson"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        QCoreApplication::translate("cpn::CommandLine", "Save the main window to FILE.png after live data, then exit."),
        QStringLiteral("FILE.png"));
    const QCommandLineOption screenshotAfter(QStringLiteral("screenshot-after"),
        QCoreApplication::translate("cpn::CommandLine", "Seconds of live data before the screenshot (default 3)."),
        QStringLiteral("SECONDS"), QStringLiteral("3"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QCoreApplication::translate("cpn::CommandLine", "Seed of the embedded mock scheduler."), QStringLiteral("N"),
        QStringLiteral("1"));
    const QCommandLineOption scale(QStringLiteral("scale"),
        QCoreApplication::translate("cpn::CommandLine", "Scale of the embedded mock: national, large or huge."),
        QStringLiteral("SCALE"), QStringLiteral("national"));
    const QCommandLineOption timeScale(QStringLiteral("time-scale"),
        QCoreApplication::translate("cpn::CommandLine", "Simulated seconds per wall second of the embedded mock."),
        QStringLiteral("X"), QStringLiteral("10"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
        QCoreApplication::translate("cpn::CommandLine",
            "Scenario of the embedded mock: normal, peak, hub-outage, link-cut or green-surplus."),
        QStringLiteral("NAME"), QStringLiteral("normal"));
    const QCommandLineOption journal(QStringLiteral("journal"),
        QCoreApplication::translate("cpn::CommandLine",
            "Keep dispatch commands in this SQLite journal (default: in the user's application data)."),
        QStringLiteral("FILE"));
    const QCommandLineOption timing(QStringLiteral("timing"),
        QCoreApplication::translate("cpn::CommandLine",
            "Print figures on standard output: \"live SECONDS\" once the first change after the snapshot is "
            "applied, and at exit the longest stalls of the user interface (ms) and the peak memory (MB)."));
    const QCommandLineOption tlsCa(QStringLiteral("tls-ca"),
        QCoreApplication::translate("cpn::CommandLine",
            "Connect with TLS, trusting the CA certificate in FILE (PEM) for the scheduler's certificate."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
        QCoreApplication::translate("cpn::CommandLine", "Mutual TLS: this console's certificate (PEM; with --tls-key)."),
        QStringLiteral("FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
        QCoreApplication::translate("cpn::CommandLine", "Mutual TLS: this console's private key (PEM)."),
        QStringLiteral("FILE"));
    parser.addOptions({ connect, tokenFile, lang, basemap, screenshot, screenshotAfter, seed, scale, timeScale, scenario,
        journal, timing, tlsCa, tlsCert, tlsKey });
    parser.process(app); // exits on --help, --version and unknown options

    ConsoleOptions options;
    options.connect = parser.value(connect);
    if (parser.isSet(tokenFile)) {
        QFile file(parser.value(tokenFile));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QCoreApplication::translate("cpn::CommandLine", "Cannot read the token file %1: %2")
                         .arg(file.fileName(), file.errorString());
            return std::nullopt;
        }
        options.token = QString::fromUtf8(file.readAll()).trimmed();
        if (options.token.isEmpty()) {
            *error = QCoreApplication::translate("cpn::CommandLine", "The token file %1 is empty").arg(file.fileName());
            return std::nullopt;
        }
    }
    // TLS files: read now, so that a typo is an error at start, not a connection that never comes.
    auto readPem = [&](const QCommandLineOption& option, QByteArray* into) {
        if (!parser.isSet(option))
            return true;
        QFile file(parser.value(option));
        if (!file.open(QIODevice::ReadOnly)) {
            *error = QCoreApplication::translate("cpn::CommandLine", "Cannot read %1 (--%2): %3")
                         .arg(file.fileName(), option.names().constFirst(), file.errorString());
            return false;
        }
        *into = file.read(1 << 20);
        if (!into->contains("-----BEGIN ")) {
            *error = QCoreApplication::translate("cpn::CommandLine", "%1 (--%2) is not a PEM file")
                         .arg(file.fileName(), option.names().constFirst());
            return false;
        }
        options.tls = true;
        return true;
    };
    if (!readPem(tlsCa, &options.tlsCa) || !readPem(tlsCert, &options.tlsCert) || !readPem(tlsKey, &options.tlsKey))
        return std::nullopt;
    if (options.tlsCert.isEmpty() != options.tlsKey.isEmpty()) {
        *error = QCoreApplication::translate("cpn::CommandLine", "--tls-cert and --tls-key go together");
        return std::nullopt;
    }
    if (options.tls && options.connect.isEmpty()) {
        *error = QCoreApplication::translate("cpn::CommandLine",
            "TLS options need --connect: the embedded scheduler is reached over loopback");
        return std::nullopt;
    }
    options.lang = parser.value(lang);
    if (!options.lang.isEmpty() && options.lang != QLatin1String("zh_CN") && options.lang != QLatin1String("en")) {
        *error = QCoreApplication::translate("cpn::CommandLine", "Unknown language %1 (use zh_CN or en)").arg(options.lang);
        return std::nullopt;
    }
    options.basemap = parser.value(basemap);
    options.journal = parser.value(journal);
    options.timing = parser.isSet(timing);
    options.screenshot = parser.value(screenshot);
    bool ok = false;
    options.screenshotAfterSeconds = parser.value(screenshotAfter).toDouble(&ok);
    if (!ok || options.screenshotAfterSeconds < 0) {
        *error = QCoreApplication::translate("cpn::CommandLine", "--screenshot-after needs a number of seconds >= 0");
        return std::nullopt;
    }
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        *error = QCoreApplication::translate("cpn::CommandLine", "--seed needs a whole number");
        return std::nullopt;
    }
    options.scale = parser.value(scale);
    if (!QStringList { QStringLiteral("national"), QStringLiteral("large"), QStringLiteral("huge") }.contains(options.scale)) {
        *error = QCoreApplication::translate("cpn::CommandLine", "Unknown scale %1 (use national, large or huge)")
                     .arg(options.scale);
        return std::nullopt;
    }
    options.scenario = parser.value(scenario);
    options.timeScale = parser.value(timeScale).toDouble(&ok);
    if (!ok || options.timeScale <= 0) {
        *error = QCoreApplication::translate("cpn::CommandLine", "--time-scale needs a number > 0");
        return std::nullopt;
    }
    return options;
}

} // namespace cpn
