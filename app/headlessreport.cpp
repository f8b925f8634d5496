#include "headlessreport.h"

#include "capacityreportrunner.h"
#include "consolesession.h"
#include "networkstate.h"
#include "platformlink.h"
#include "reportexport.h"
#include "statefeed.h"

#include <QCoreApplication>
#include <QDir>
#include <QTimer>

#include <cstdio>

namespace cpn {

namespace {
    struct Tr {
        Q_DECLARE_TR_FUNCTIONS(cpn::HeadlessReport)
    };

    // The scope the option names, known only once the network is: nation, a region, a platform
    // or a site.
    std::optional<ReportScope> scopeFrom(const QString& text, const NetworkState& state, QString* error)
    {
        ReportScope scope;
        if (text.compare(QLatin1String("nation"), Qt::CaseInsensitive) == 0)
            return scope;
        if (state.region(text)) {
            scope.kind = ReportScope::Kind::Region;
        } else if (state.platforms().contains(text) && !text.isEmpty()) {
            scope.kind = ReportScope::Kind::Platform;
        } else {
            scope.kind = ReportScope::Kind::Site;
        }
        scope.id = text;
        std::vector<int> duplicateOf;
        if (sitesInScope(state.sites(), duplicateOf, scope, error).isEmpty())
            return std::nullopt;
        return scope;
    }
} // namespace

int headlessWaitMs()
{
    bool ok = false;
    const int ms = qEnvironmentVariableIntValue("CPN_REPORT_WAIT_MS", &ok);
    return ok && ms > 0 ? ms : 60 * 1000;
}

void headlessSay(const QString& message, bool error)
{
    std::FILE* out = error ? stderr : stdout;
    std::fprintf(out, "cpn-console: %s\n", qPrintable(message));
    std::fflush(out);
}

void headlessFinish(const QString& message, int code)
{
    headlessSay(message, code != 0);
    QCoreApplication::exit(code);
}

void startHeadlessReport(ConsoleSession& session, const ConsoleOptions& options)
{
    auto* runner = new CapacityReportRunner(&session, qApp);
    const QString path = options.report;
    const ReportPeriod period = *ReportPeriod::parse(options.reportPeriod); // checked by parseCommandLine
    const QString scopeText = options.reportScope;

    auto* timeout = new QTimer(runner);
    timeout->setSingleShot(true);
    QObject::connect(timeout, &QTimer::timeout, runner, [&session] {
        QStringList missing;
        for (const PlatformLink* p : session.platforms()) {
            if (!session.state()->platform(p->name()).hasSnapshot)
                missing << QStringLiteral("%1 (%2)").arg(p->displayName(), p->lastError());
        }
        headlessFinish(Tr::tr("No data within a minute: %1").arg(missing.join(QStringLiteral(", "))), 3);
    });
    timeout->start(headlessWaitMs());

    const auto start = [&session, runner, timeout, period, scopeText] {
        for (const PlatformLink* p : session.platforms()) {
            if (!session.state()->platform(p->name()).hasSnapshot)
                return;
        }
        if (runner->isBusy() || runner->property("started").toBool())
            return;
        runner->setProperty("started", true);
        QString error;
        const auto scope = scopeFrom(scopeText, *session.state(), &error);
        if (!scope) {
            timeout->stop();
            headlessFinish(error, 2);
            return;
        }
        // The data is in: the platforms' answers have deadlines of their own.
        timeout->stop();
        headlessSay(Tr::tr("Asking the platforms for their figures…"), true);
        runner->run(period, *scope);
    };
    QObject::connect(&session, &ConsoleSession::batchApplied, runner, start);

    QObject::connect(runner, &CapacityReportRunner::failed, runner, [timeout](const QString& message) {
        timeout->stop();
        headlessFinish(message, 3);
    });
    QObject::connect(runner, &CapacityReportRunner::ready, runner,
        [runner, timeout, path](const CapacityReport& report, const QStringList& problems) {
            timeout->stop();
            for (const QString& p : problems)
                headlessSay(Tr::tr("Not in the report: %1").arg(p), true);
            if (report.isEmpty()) {
                headlessFinish(Tr::tr("The platforms reported no figures for this period and scope."), 3);
                return;
            }
            QString error;
            const bool ok = ReportExport::write(report, { runner->sourceText() }, path, *ReportExport::formatFor(path),
                [](int, int) { return true; }, &error);
            if (!ok) {
                headlessFinish(error, 1);
                return;
            }
            headlessFinish(Tr::tr("Report written to %1").arg(QDir::toNativeSeparators(path)), 0);
        });
}

} // namespace cpn
