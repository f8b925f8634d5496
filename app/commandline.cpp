#include "commandline.h"

#include "uiscale.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <utility>

namespace cpn {

namespace {

// The context of the command line's words in the catalogues.
class CommandLine {
    Q_DECLARE_TR_FUNCTIONS(cpn::CommandLine)
};

bool validName(const QString& name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$"));
    return pattern.match(name).hasMatch();
}

// A per-platform option's value: NAME=FILE when NAME is a platform's, else FILE for all.
std::pair<QString, QString> split(const QString& value, const QList<PlatformOptions>& platforms)
{
    const qsizetype eq = value.indexOf(QLatin1Char('='));
    if (eq > 0) {
        const QString name = value.left(eq);
        if (std::any_of(
                platforms.cbegin(), platforms.cend(), [&name](const PlatformOptions& p) { return p.name == name; }))
            return { name, value.mid(eq + 1) };
    }
    return { QString(), value };
}

// Reads a file named for one platform or for all: `read` fills the platform's field.
template <typename Read>
bool perPlatform(
    const QStringList& values, const QString& option, QList<PlatformOptions>& platforms, Read read, QString* error)
{
    QSet<QString> given;
    // Named values first: they win over a value for all.
    for (int pass = 0; pass < 2; ++pass) {
        for (const QString& value : values) {
            const auto [name, file] = split(value, platforms);
            if (name.isEmpty() != (pass == 1))
                continue;
            if (given.contains(name)) {
                *error = name.isEmpty() ? CommandLine::tr("--%1 is given twice").arg(option)
                                        : CommandLine::tr("--%1 is given twice for %2").arg(option, name);
                return false;
            }
            given.insert(name);
            for (PlatformOptions& p : platforms) {
                if ((name.isEmpty() && given.contains(p.name) && !p.name.isEmpty())
                    || (!name.isEmpty() && p.name != name))
                    continue;
                if (!read(p, file, error))
                    return false;
            }
        }
    }
    return true;
}

} // namespace

PlatformArguments PlatformOptions::arguments() const
{
    const QString prefix = name.isEmpty() ? QString() : name + QLatin1Char('=');
    PlatformArguments out;
    out.connect << prefix + (embedded() ? QStringLiteral("embedded") : target);
    const auto add = [&prefix](QStringList& into, const QString& path) {
        if (!path.isEmpty())
            into << prefix + path;
    };
    add(out.tokenFile, tokenPath);
    add(out.tlsCa, tlsCaPath);
    add(out.tlsCert, tlsCertPath);
    add(out.tlsKey, tlsKeyPath);
    return out;
}

std::optional<QList<PlatformOptions>> platformsFrom(const PlatformArguments& arguments, QString* error)
{
    QList<PlatformOptions> platforms;
    for (const QString& value : arguments.connect) {
        PlatformOptions p;
        QString target = value.trimmed();
        if (const qsizetype eq = target.indexOf(QLatin1Char('=')); eq >= 0) {
            p.name = target.left(eq);
            target = target.mid(eq + 1);
            if (!validName(p.name)) {
                *error
                    = CommandLine::tr("\"%1\" is not a platform name (letters, digits, '.', '_' and '-', at most 32)")
                          .arg(p.name);
                return std::nullopt;
            }
        }
        if (target != QLatin1String("embedded")) {
            const qsizetype colon = target.lastIndexOf(QLatin1Char(':'));
            bool ok = false;
            const int port = colon > 0 ? target.mid(colon + 1).toInt(&ok) : 0;
            if (!ok || port <= 0 || port > 65535) {
                *error = CommandLine::tr("--connect %1: give HOST:PORT, NAME=HOST:PORT or NAME=embedded").arg(value);
                return std::nullopt;
            }
            p.target = target;
        }
        for (const PlatformOptions& other : platforms) {
            if (other.name == p.name) {
                *error = CommandLine::tr("Two platforms are named \"%1\"").arg(p.name);
                return std::nullopt;
            }
            if (other.embedded() && p.embedded()) {
                *error = CommandLine::tr("Only one platform can be the embedded mock scheduler");
                return std::nullopt;
            }
        }
        platforms.append(p);
    }
    if (platforms.isEmpty())
        platforms.append(PlatformOptions {}); // the embedded mock, unnamed, as ever
    if (platforms.size() > 1) {
        for (const PlatformOptions& p : platforms) {
            if (p.name.isEmpty()) {
                *error = CommandLine::tr("With several platforms, name each: --connect NAME=HOST:PORT");
                return std::nullopt;
            }
        }
    }
    const auto readToken = [](PlatformOptions& p, const QString& path, QString* error) {
        p.tokenPath = path;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = CommandLine::tr("Cannot read the token file %1: %2").arg(file.fileName(), file.errorString());
            return false;
        }
        p.token = QString::fromUtf8(file.read(64 * 1024)).trimmed();
        if (p.token.isEmpty()) {
            *error = CommandLine::tr("The token file %1 is empty").arg(file.fileName());
            return false;
        }
        return true;
    };
    // TLS files: read now, so that a typo is an error at start, not a connection that never comes.
    const auto readPem = [](QByteArray PlatformOptions::*field, QString PlatformOptions::*pathField,
                             const QString& option) {
        return [field, pathField, option](PlatformOptions& p, const QString& path, QString* error) {
            p.*pathField = path;
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly)) {
                *error = CommandLine::tr("Cannot read %1 (--%2): %3").arg(file.fileName(), option, file.errorString());
                return false;
            }
            p.*field = file.read(1 << 20);
            if (!(p.*field).contains("-----BEGIN ")) {
                *error = CommandLine::tr("%1 (--%2) is not a PEM file").arg(file.fileName(), option);
                return false;
            }
            p.tls = true;
            return true;
        };
    };
    if (!perPlatform(arguments.tokenFile, QStringLiteral("token-file"), platforms, readToken, error)
        || !perPlatform(arguments.tlsCa, QStringLiteral("tls-ca"), platforms,
            readPem(&PlatformOptions::tlsCa, &PlatformOptions::tlsCaPath, QStringLiteral("tls-ca")), error)
        || !perPlatform(arguments.tlsCert, QStringLiteral("tls-cert"), platforms,
            readPem(&PlatformOptions::tlsCert, &PlatformOptions::tlsCertPath, QStringLiteral("tls-cert")), error)
        || !perPlatform(arguments.tlsKey, QStringLiteral("tls-key"), platforms,
            readPem(&PlatformOptions::tlsKey, &PlatformOptions::tlsKeyPath, QStringLiteral("tls-key")), error))
        return std::nullopt;
    for (const PlatformOptions& p : platforms) {
        const QString who = p.name.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(p.name);
        if (p.tlsCert.isEmpty() != p.tlsKey.isEmpty()) {
            *error = CommandLine::tr("--tls-cert and --tls-key go together") + who;
            return std::nullopt;
        }
        if (p.tls && p.embedded()) {
            *error
                = CommandLine::tr("TLS options need --connect: the embedded scheduler is reached over loopback") + who;
            return std::nullopt;
        }
    }
    return platforms;
}

std::optional<ConsoleOptions> parseCommandLine(const QCoreApplication& app, QString* error)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CommandLine::tr("Control console of the national computing power network."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption connect(QStringLiteral("connect"),
        CommandLine::tr(
            "Connect to the scheduler at HOST:PORT instead of the embedded mock. Repeat as NAME=HOST:PORT for "
            "several platforms at once; NAME=embedded is the embedded mock as one of them."),
        QStringLiteral("[NAME=]HOST:PORT"));
    const QCommandLineOption tokenFile(QStringLiteral("token-file"),
        CommandLine::tr("Read the bearer token from FILE (NAME=FILE: for that platform only)."),
        QStringLiteral("[NAME=]FILE"));
    const QCommandLineOption lang(
        QStringLiteral("lang"), CommandLine::tr("User interface language: zh_CN or en."), QStringLiteral("LANG"));
    const QCommandLineOption basemap(QStringLiteral("basemap"),
        CommandLine::tr("Draw this GeoJSON file as the basemap."), QStringLiteral("FILE.geojson"));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
        CommandLine::tr("Save the main window to FILE.png after live data, then exit."), QStringLiteral("FILE.png"));
    const QCommandLineOption screenshotAfter(QStringLiteral("screenshot-after"),
        CommandLine::tr("Seconds of live data before the screenshot (default 3)."), QStringLiteral("SECONDS"),
        QStringLiteral("3"));
    const QCommandLineOption report(QStringLiteral("report"),
        CommandLine::tr("Write a capacity report to FILE (.pdf, .csv or .xlsx) from the platforms' figures, then exit "
                        "without a window: 0 written, 2 a bad option, 3 no data within a minute."),
        QStringLiteral("FILE"));
    const QCommandLineOption reportPeriod(QStringLiteral("report-period"),
        CommandLine::tr("Period of --report up to each platform's present: 24h, 7d or 30d (default 24h)."),
        QStringLiteral("PERIOD"), QStringLiteral("24h"));
    const QCommandLineOption reportScope(QStringLiteral("report-scope"),
        CommandLine::tr("Scope of --report: nation (default), a region's id, a site's id (with the sites under it) "
                        "or a platform's name."),
        QStringLiteral("SCOPE"), QStringLiteral("nation"));
    const QCommandLineOption recommendations(QStringLiteral("recommendations"),
        CommandLine::tr("Write the migrations the console recommends to FILE.csv (one row each, best first: task, "
                        "source, target, reason, gains), then exit without a window: 0 written, 1 the file cannot "
                        "be written, 2 a bad option, 3 no data within a minute."),
        QStringLiteral("FILE.csv"));
    const QCommandLineOption contingencyReport(QStringLiteral("contingency-report"),
        CommandLine::tr("Write the N-1 contingencies of every hub, cluster and backbone link to FILE.csv (one row "
                        "each, most severe first: tasks displaced, unplaced by reason, worst projected loads, "
                        "severity), then exit as --recommendations does. The two can be given together."),
        QStringLiteral("FILE.csv"));
    const QCommandLineOption analysisThreshold(QStringLiteral("analysis-threshold"),
        CommandLine::tr("Load ratio from 0.5 to 1 (default 0.85) that recommended moves keep every projected site "
                        "and link under, and above which a contingency's projected loads add to its severity."),
        QStringLiteral("RATIO"), QStringLiteral("0.85"));
    const QCommandLineOption screenshotOf(QStringLiteral("screenshot-of"),
        CommandLine::tr("What --screenshot saves: main (the main window, default) or capacity-review (the capacity "
                        "review window, a week's report)."),
        QStringLiteral("WINDOW"), QStringLiteral("main"));
    const QCommandLineOption seed(QStringLiteral("seed"), CommandLine::tr("Seed of the embedded mock scheduler."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption uiScale(QStringLiteral("ui-scale"),
        CommandLine::tr("Interface size: a factor from 0.5 to 4 (1.5 for a wall seen from across the room), or auto "
                        "for the screen's DPI alone. Kept from View > Interface size otherwise."),
        QStringLiteral("FACTOR"));
    const QCommandLineOption scale(QStringLiteral("scale"),
        CommandLine::tr("Scale of the embedded mock: national, large or huge."), QStringLiteral("SCALE"),
        QStringLiteral("national"));
    const QCommandLineOption timeScale(QStringLiteral("time-scale"),
        CommandLine::tr("Simulated seconds per wall second of the embedded mock."), QStringLiteral("X"),
        QStringLiteral("10"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
        CommandLine::tr("Scenario of the embedded mock: normal, peak, hub-outage, link-cut or green-surplus."),
        QStringLiteral("NAME"), QStringLiteral("normal"));
    const QCommandLineOption journal(QStringLiteral("journal"),
        CommandLine::tr("Keep dispatch commands in this SQLite journal (default: in the user's application data)."),
        QStringLiteral("FILE"));
    const QCommandLineOption timing(QStringLiteral("timing"),
        CommandLine::tr(
            "Print figures on standard output: \"live SECONDS\" once the first change after the snapshot is "
            "applied, and at exit the longest stalls of the user interface (ms) and the peak memory (MB)."));
    const QCommandLineOption tlsCa(QStringLiteral("tls-ca"),
        CommandLine::tr("Connect with TLS, trusting the CA certificate in FILE (PEM) for the scheduler's certificate "
                        "(NAME=FILE: for that platform only)."),
        QStringLiteral("[NAME=]FILE"));
    const QCommandLineOption tlsCert(QStringLiteral("tls-cert"),
        CommandLine::tr("Mutual TLS: this console's certificate (PEM; with --tls-key)."),
        QStringLiteral("[NAME=]FILE"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
        CommandLine::tr("Mutual TLS: this console's private key (PEM)."), QStringLiteral("[NAME=]FILE"));
    const QCommandLineOption fullScreen(
        QStringLiteral("fullscreen"), CommandLine::tr("Start full screen (F11 switches at run time)."));
    const QCommandLineOption kiosk(QStringLiteral("kiosk"),
        CommandLine::tr("Wall display: full screen, no menus and no dispatch, the map and the alarms only; the "
                        "cursor hides when idle."));
    const QCommandLineOption screen(QStringLiteral("screen"),
        CommandLine::tr("Open on screen N (0 is the first)."), QStringLiteral("N"));
    parser.addOptions({ connect, tokenFile, lang, basemap, screenshot, screenshotAfter, seed, scale, timeScale,
        scenario, journal, timing, tlsCa, tlsCert, tlsKey, fullScreen, kiosk, screen, uiScale, report, reportPeriod,
        reportScope, screenshotOf, recommendations, contingencyReport, analysisThreshold });
    parser.process(app); // exits on --help, --version and unknown options

    ConsoleOptions options;
    options.connectGiven = parser.isSet(connect);
    const auto platforms = platformsFrom({ parser.values(connect), parser.values(tokenFile), parser.values(tlsCa),
                                             parser.values(tlsCert), parser.values(tlsKey) },
        error);
    if (!platforms)
        return std::nullopt;
    options.platforms = *platforms;
    options.lang = parser.value(lang);
    if (!options.lang.isEmpty() && options.lang != QLatin1String("zh_CN") && options.lang != QLatin1String("en")) {
        *error = CommandLine::tr("Unknown language %1 (use zh_CN or en)").arg(options.lang);
        return std::nullopt;
    }
    options.basemap = parser.value(basemap);
    options.journal = parser.value(journal);
    options.timing = parser.isSet(timing);
    options.screenshot = parser.value(screenshot);
    options.screenshotOf = parser.value(screenshotOf);
    if (options.screenshotOf != QLatin1String("main") && options.screenshotOf != QLatin1String("capacity-review")) {
        *error = CommandLine::tr("Unknown window %1 for --screenshot-of (use main or capacity-review)").arg(options.screenshotOf);
        return std::nullopt;
    }
    options.report = parser.value(report);
    options.reportPeriod = parser.value(reportPeriod).trimmed();
    options.reportScope = parser.value(reportScope).trimmed();
    const QString suffix = QFileInfo(options.report).suffix().toLower();
    if (!options.report.isEmpty() && suffix != QLatin1String("pdf") && suffix != QLatin1String("csv")
        && suffix != QLatin1String("xlsx")) {
        *error = CommandLine::tr("--report writes .pdf, .csv or .xlsx files: %1 is none of them").arg(options.report);
        return std::nullopt;
    }
    if (!QStringList { QStringLiteral("24h"), QStringLiteral("7d"), QStringLiteral("30d") }.contains(
            options.reportPeriod.toLower())) {
        *error = CommandLine::tr("Unknown report period %1 (use 24h, 7d or 30d)").arg(options.reportPeriod);
        return std::nullopt;
    }
    if (options.reportScope.isEmpty()) {
        *error = CommandLine::tr("--report-scope needs nation, a region's id, a site's id or a platform's name");
        return std::nullopt;
    }
    if (!options.report.isEmpty() && !options.screenshot.isEmpty()) {
        *error = CommandLine::tr("--report and --screenshot cannot be given together");
        return std::nullopt;
    }
    options.recommendations = parser.value(recommendations);
    options.contingencyReport = parser.value(contingencyReport);
    for (const auto& [option, path] : { std::pair { QStringLiteral("recommendations"), options.recommendations },
             std::pair { QStringLiteral("contingency-report"), options.contingencyReport } }) {
        if (parser.isSet(option) && QFileInfo(path).suffix().compare(QLatin1String("csv"), Qt::CaseInsensitive) != 0) {
            *error = CommandLine::tr("--%1 writes a .csv file: %2 is not one").arg(option, path);
            return std::nullopt;
        }
    }
    const bool analysis = !options.recommendations.isEmpty() || !options.contingencyReport.isEmpty();
    if (!options.recommendations.isEmpty() && !options.contingencyReport.isEmpty()
        && QFileInfo(options.recommendations).absoluteFilePath()
            == QFileInfo(options.contingencyReport).absoluteFilePath()) {
        *error = CommandLine::tr("--recommendations and --contingency-report need two different files");
        return std::nullopt;
    }
    if (analysis && (!options.report.isEmpty() || !options.screenshot.isEmpty())) {
        *error = CommandLine::tr(
            "--recommendations and --contingency-report cannot be given with --report or --screenshot");
        return std::nullopt;
    }
    bool ok = false;
    options.analysisThreshold = parser.value(analysisThreshold).toDouble(&ok);
    if (!ok || !(options.analysisThreshold >= 0.5 && options.analysisThreshold <= 1.0)) {
        *error = CommandLine::tr("--analysis-threshold needs a load ratio from 0.5 to 1: %1")
                     .arg(parser.value(analysisThreshold));
        return std::nullopt;
    }
    options.screenshotAfterSeconds = parser.value(screenshotAfter).toDouble(&ok);
    if (!ok || options.screenshotAfterSeconds < 0) {
        *error = CommandLine::tr("--screenshot-after needs a number of seconds >= 0");
        return std::nullopt;
    }
    options.seed = parser.value(seed).toULongLong(&ok);
    if (!ok) {
        *error = CommandLine::tr("--seed needs a whole number");
        return std::nullopt;
    }
    options.scale = parser.value(scale);
    if (!QStringList { QStringLiteral("national"), QStringLiteral("large"), QStringLiteral("huge") }.contains(
            options.scale)) {
        *error = CommandLine::tr("Unknown scale %1 (use national, large or huge)").arg(options.scale);
        return std::nullopt;
    }
    options.scenario = parser.value(scenario);
    options.timeScale = parser.value(timeScale).toDouble(&ok);
    if (!ok || options.timeScale <= 0) {
        *error = CommandLine::tr("--time-scale needs a number > 0");
        return std::nullopt;
    }
    // (Applied before the application was made: UiScale::applyBeforeStart.)
    if (parser.isSet(uiScale) && UiScale::parse(parser.value(uiScale)) < 0) {
        *error = CommandLine::tr("--ui-scale needs a factor from 0.5 to 4, or auto");
        return std::nullopt;
    }
    options.kiosk = parser.isSet(kiosk);
    options.fullScreen = parser.isSet(fullScreen) || options.kiosk;
    if (parser.isSet(screen)) {
        options.screen = parser.value(screen).toInt(&ok);
        if (!ok || options.screen < 0) {
            *error = CommandLine::tr("--screen needs a screen number: 0 is the first");
            return std::nullopt;
        }
    }
    return options;
}

} // namespace cpn
