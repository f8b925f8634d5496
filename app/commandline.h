#pragma once
// The console's command line (DESIGN.md "Executables").

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

class QCoreApplication;

namespace cpn {

// Per-platform options as given: each value FILE (every platform without its own) or NAME=FILE.
struct PlatformArguments {
    QStringList connect;
    QStringList tokenFile {}; // the `{}`s keep partial initialisers -Wextra clean
    QStringList tlsCa {};
    QStringList tlsCert {};
    QStringList tlsKey {};
};

// One platform to connect to (--connect [NAME=]HOST:PORT or [NAME=]embedded).
struct PlatformOptions {
    QString name; // empty: the console's one unnamed platform
    QString target; // host:port; empty = the embedded mock scheduler
    QString token; // read from --token-file
    bool tls = false; // any of --tls-ca, --tls-cert, --tls-key
    QByteArray tlsCa; // PEM contents of the files
    QByteArray tlsCert;
    QByteArray tlsKey;
    // Where they were read from, to be remembered (never the token itself).
    QString tokenPath;
    QString tlsCaPath;
    QString tlsCertPath;
    QString tlsKeyPath;

    bool embedded() const { return target.isEmpty(); }
    // The same platform as arguments, to be read again (platformsFrom).
    PlatformArguments arguments() const;
};

// The platforms the arguments name, their files read; nothing and *error on a mistake (an
// unnamed platform among several, a name twice, a file that cannot be read).
std::optional<QList<PlatformOptions>> platformsFrom(const PlatformArguments& arguments, QString* error);

struct ConsoleOptions {
    QList<PlatformOptions> platforms; // at least one: with no --connect the embedded mock
    bool connectGiven = false; // --connect on the command line (else the platforms remembered, if any)
    QString lang; // zh_CN, en or empty (system locale)
    QString basemap; // GeoJSON file replacing the built-in map
    QString journal; // SQLite journal of dispatch commands; empty = CommandJournal::defaultPath()
    QString screenshot; // PNG to write, then exit
    // --report: a capacity report to write (.pdf, .csv, .xlsx), then exit, without a window.
    QString report;
    QString reportPeriod = QStringLiteral("24h"); // 24h, 7d or 30d
    QString reportScope = QStringLiteral("nation"); // nation, a region's, a site's or a platform's id
    // --recommendations, --contingency-report: the analysis written to CSV files, then exit,
    // without a window (either or both).
    QString recommendations;
    QString contingencyReport;
    double analysisThreshold = 0.85; // projected loads kept at or under it / counted above it (0.5..1)
    double screenshotAfterSeconds = 3;
    QString screenshotOf = QStringLiteral("main"); // main, or capacity-review (the guide's pictures)
    quint64 seed = 1;
    QString scale = QStringLiteral("national");
    double timeScale = 10;
    QString scenario = QStringLiteral("normal"); // of the embedded mock (it checks the name)
    bool timing = false; // print start-up and stall figures on stdout (cpn-bench)
    bool fullScreen = false;
    // A wall display: full screen, no menus, no dispatch, the map and the alarms only, the
    // cursor hidden when idle.
    bool kiosk = false;
    int screen = -1; // which screen (QGuiApplication::screens()); -1 = where the window was, or the primary
};

// Parses the application's arguments; on an error returns nothing and fills *error.
// Handles --help and --version itself (they exit).
std::optional<ConsoleOptions> parseCommandLine(const QCoreApplication& app, QString* error);

} // namespace cpn
