// cpn-bench: prints the project's performance figures, one "name value unit" line each.
// Offscreen raster at 1920x1080 unless QT_QPA_PLATFORM says otherwise. Progress goes to stderr.

#include "benchregistry.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>

#include <cstdio>

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("cpn-bench"));
    QApplication::setOrganizationName(QStringLiteral("CPN-bench")); // keeps the console's settings apart

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Prints CPN Console performance figures as \"name value unit\"."));
    parser.addHelpOption();
    const QCommandLineOption repeats(QStringLiteral("repeats"), QStringLiteral("Timed runs per figure (default 200)."),
        QStringLiteral("N"), QStringLiteral("200"));
    const QCommandLineOption only(QStringLiteral("only"),
        QStringLiteral("Run only the groups whose name starts with PREFIX."), QStringLiteral("PREFIX"));
    const QCommandLineOption snapshots(
        QStringLiteral("snapshots"), QStringLiteral("Save what was drawn as PNG files in DIR."), QStringLiteral("DIR"));
    const QCommandLineOption scales(QStringLiteral("scales"),
        QStringLiteral("Topologies to build, comma-separated (default national,huge)."), QStringLiteral("LIST"),
        QStringLiteral("national,huge"));
    const QCommandLineOption list(QStringLiteral("list"), QStringLiteral("List the groups and exit."));
    parser.addOptions({ repeats, only, snapshots, scales, list });
    parser.process(app);

    if (parser.isSet(list)) {
        for (const auto& group : cpn::bench::groups())
            std::printf("%s\n", qPrintable(group.name));
        return 0;
    }
    cpn::bench::Options options;
    options.repeats = std::max(1, parser.value(repeats).toInt());
    options.only = parser.value(only);
    options.snapshotDir = parser.value(snapshots);
    options.scales = parser.value(scales);
    if (!options.snapshotDir.isEmpty())
        QDir().mkpath(options.snapshotDir);
    for (const auto& group : cpn::bench::groups()) {
        if (!options.only.isEmpty() && !group.name.startsWith(options.only) && !options.only.startsWith(group.name))
            continue;
        std::fprintf(stderr, "cpn-bench: %s...\n", qPrintable(group.name));
        group.run(options);
    }
    return 0;
}
