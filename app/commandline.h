#pragma once
// The console's command line (DESIGN.md "Executables").

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

class QCoreApplication;

namespace cpn {

struct ConsoleOptions {
    QString connect; // host:port of a scheduler; empty = embedded mock
    QString token; // read from --token-file
    bool tls = false; // any of --tls-ca, --tls-cert, --tls-key
    QByteArray tlsCa; // PEM contents of the files
    QByteArray tlsCert;
    QByteArray tlsKey;
    QString lang; // zh_CN, en or empty (system locale)
    QString basemap; // GeoJSON file replacing the built-in map
    QString journal; // SQLite journal of dispatch commands; empty = CommandJournal::defaultPath()
    QString screenshot; // PNG to write, then exit
    double screenshotAfterSeconds = 3;
    quint64 seed = 1;
    QString scale = QStringLiteral("national");
    double timeScale = 10;
    QString scenario = QStringLiteral("normal"); // of the embedded mock (it checks the name)
    bool timing = false; // print start-up and stall figures on stdout (cpn-bench)
};

// Parses the application's arguments; on an error returns nothing and fills *error.
// Handles --help and --version itself (they exit).
std::optional<ConsoleOptions> parseCommandLine(const QCoreApplication& app, QString* error);

} // namespace cpn
