// cpn-console: the control console. With no arguments it embeds the mock scheduler.

#include "commandjournal.h"
#include "commandline.h"
#include "connectionsdialog.h"
#include "consolesession.h"
#include "dispatchoutbox.h"
#include "embeddedscheduler.h"
#include "headlessanalysis.h"
#include "headlessreport.h"
#include "language.h"
#include "uiscale.h"
#include "mainwindow.h"
#include "capacityreview.h"
#include "basemap.h"
#include "mapview.h"
#include "statefeed.h"
#include "theme.h"

#include "networkstate.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QFile>
#include <QMessageBox>
#include <QScreen>
#include <QTimer>
#include <QSocketNotifier>
#include <QSettings>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <thread>
#include <fcntl.h>
#include <malloc.h>
#include <sys/auxv.h>
#include <unistd.h>
#include <functional>
#include <memory>
#include <string>

namespace {

void report(const QString& message, bool interactive)
{
    std::fprintf(stderr, "cpn-console: %s\n", qPrintable(message));
    if (interactive)
        QMessageBox::critical(nullptr, QCoreApplication::translate("cpn::Main", "CPN Console"), message);
}

// --screenshot: save the window after some seconds of live data, then quit.
// `beforeGrab` runs first (the --timing figures end there: drawing and saving the screenshot is
// not the console's streaming).
void scheduleScreenshot(const cpn::ConsoleOptions& options, cpn::MainWindow& window, cpn::ConsoleSession& session,
    const std::function<void()>& beforeGrab)
{
    const QString file = options.screenshot;
    const int afterMs = int(options.screenshotAfterSeconds * 1000);
    const bool review = options.screenshotOf == QLatin1String("capacity-review");
    auto save = [file, &window, beforeGrab, review](bool live) {
        if (beforeGrab)
            beforeGrab();
        QWidget* shown = &window;
        if (review && window.capacityReview()->window())
            shown = window.capacityReview()->window();
        const QImage image = shown->grab().toImage();
        if (image.isNull() || !image.save(file)) {
            report(QCoreApplication::translate("cpn::Main", "Cannot write the screenshot %1").arg(file), false);
            QCoreApplication::exit(1);
            return;
        }
        if (!live) {
            report(QCoreApplication::translate("cpn::Main", "No live data arrived; the screenshot shows %1")
                       .arg(window.connectionText()),
                false);
        }
        QCoreApplication::exit(live ? 0 : 3);
    };
    // After every platform's snapshot.
    auto waiting = std::make_shared<int>(int(session.platforms().size()));
    for (cpn::PlatformLink* platform : session.platforms()) {
        QObject::connect(
            platform->feed(), &cpn::StateFeed::snapshotTaken, &window,
            [afterMs, save, waiting, review, &window] {
                if (--*waiting > 0)
                    return;
                QTimer::singleShot(afterMs, qApp, [save, review, &window] {
                    if (!review) {
                        save(true);
                        return;
                    }
                    // The capacity review with its report in.
                    window.capacityReview()->open();
                    cpn::CapacityReviewWindow* shown = window.capacityReview()->window();
                    shown->resize(1280, 820);
                    auto* poll = new QTimer(shown);
                    QObject::connect(poll, &QTimer::timeout, shown, [save, shown, poll] {
                        if (!shown->report().isEmpty()) {
                            poll->stop();
                            save(true);
                        }
                    });
                    poll->start(200);
                });
            },
            Qt::SingleShotConnection);
    }
    // Never hang: without data the screenshot is taken anyway and the exit code says so.
    QTimer::singleShot(afterMs + 60000, qApp, [save] { save(false); });
}

// Under --timing: what the GUI thread was doing when it stalled. The event filter sees every
// event the thread delivers; the time from one to the next is what the first one took (with
// whatever it did synchronously). Each stall over 30 ms goes to stderr with the event behind it:
// receiver class, event type, and for a timer its interval.
class StallTracer final : public QObject {
public:
    using QObject::QObject;
    // Whether the console is live yet: each stall says which figure it counts in.
    std::function<bool()> live;
    bool eventFilter(QObject* receiver, QEvent* event) override
    {
        if (m_clock.isValid()) {
            if (const double ms = double(m_clock.nsecsElapsed()) / 1e6; ms > 30)
                report(ms);
        }
        // Only what costs nothing to keep (class names are static strings; a timer's name is
        // shared): text is made for a stall alone, so tracing hardly changes what it measures.
        m_class = receiver->metaObject()->className();
        m_parentClass = receiver->parent() ? receiver->parent()->metaObject()->className() : nullptr;
        m_type = int(event->type());
        const auto* timer = qobject_cast<const QTimer*>(receiver);
        m_timerName = timer ? timer->objectName() : QString();
        m_timerMs = timer ? timer->interval() : -1;
        m_clock.start();
        return false;
    }

private:
    void report(double ms) const
    {
        const char* when = live && live() ? "live" : "start";
        if (m_timerMs >= 0)
            std::fprintf(stderr, "stall %.1f ms (%s) in %s event %d (%s, %d ms)\n", ms, when, m_class, m_type,
                qPrintable(m_timerName), m_timerMs);
        else if (m_parentClass)
            std::fprintf(stderr, "stall %.1f ms (%s) in %s event %d in %s\n", ms, when, m_class, m_type, m_parentClass);
        else
            std::fprintf(stderr, "stall %.1f ms (%s) in %s event %d\n", ms, when, m_class, m_type);
    }

    QElapsedTimer m_clock;
    const char* m_class = "";
    const char* m_parentClass = nullptr;
    int m_type = 0;
    QString m_timerName;
    int m_timerMs = -1;
};

// How long input waits on the GUI thread: a thread writes the time into a pipe every 5 ms and
// the GUI thread reads it through a QSocketNotifier, the way input from the window system
// arrives (a socket). (A timer's lateness, measured before, also counted the console's own
// 0 ms timers that the event loop served before it, with input read in between.)
class InputProbe final : public QObject {
public:
    explicit InputProbe(QObject* parent)
        : QObject(parent)
    {
        if (::pipe2(m_pipe, O_NONBLOCK | O_CLOEXEC) != 0)
            return;
        m_notifier = new QSocketNotifier(m_pipe[0], QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &InputProbe::read);
        m_writer = std::thread([this] {
            while (!m_stop.load()) {
                const qint64 now = std::chrono::steady_clock::now().time_since_epoch().count();
                [[maybe_unused]] const auto written = ::write(m_pipe[1], &now, sizeof now);
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            }
        });
    }
    ~InputProbe() override
    {
        stop();
        for (const int fd : m_pipe) {
            if (fd >= 0)
                ::close(fd);
        }
    }
    void stop()
    {
        m_stop.store(true);
        if (m_writer.joinable())
            m_writer.join();
        if (m_notifier)
            m_notifier->setEnabled(false);
    }
    // Each wait, as it is read, and when the input came (steady_clock).
    std::function<void(double ms, qint64 sent)> onWait;

private:
    void read()
    {
        const qint64 now = std::chrono::steady_clock::now().time_since_epoch().count();
        qint64 sent[64];
        ssize_t got = 0;
        while ((got = ::read(m_pipe[0], sent, sizeof sent)) > 0) {
            for (ssize_t i = 0; i < got / ssize_t(sizeof(qint64)) && onWait; ++i)
                onWait(double(now - sent[i]) / 1e6, sent[i]);
        }
    }

    int m_pipe[2] = { -1, -1 };
    QSocketNotifier* m_notifier = nullptr;
    std::thread m_writer;
    std::atomic<bool> m_stop { false };
};

// --timing: figures for cpn-bench on stdout. "live SECONDS" once the first change after the
// snapshot is applied; at exit the longest GUI-thread stalls (the longest wait of input, see
// InputProbe) of input that came before and after that, and the peak resident memory. On stderr, each stall and its event.
// Returns what stops the stall figures.
std::function<void()> reportTiming(cpn::ConsoleSession& session, const QElapsedTimer& sinceStart)
{
    struct Stalls {
        double beforeLiveMs = 0;
        double liveMs = 0;
        bool live = false;
        qint64 liveSince = 0; // steady_clock
        QHash<QString, quint64> snapshotRevision; // by platform
    };
    auto* tracer = new StallTracer(qApp);
    qApp->installEventFilter(tracer);
    auto stalls = std::make_shared<Stalls>();
    tracer->live = [stalls] { return stalls->live; };
    auto* probe = new InputProbe(qApp);
    probe->onWait = [stalls](double ms, qint64 sent) {
        // By when the input came: input that came before the console was live and waited
        // until after is a wait of the start.
        double& worst = stalls->live && sent >= stalls->liveSince ? stalls->liveMs : stalls->beforeLiveMs;
        worst = std::max(worst, ms);
    };
    for (cpn::PlatformLink* platform : session.platforms()) {
        QObject::connect(platform->feed(), &cpn::StateFeed::snapshotTaken, qApp,
            [stalls, name = platform->name()](quint64 revision) { stalls->snapshotRevision.insert(name, revision); });
    }
    // Live: every platform's first change after its snapshot applied.
    QObject::connect(&session, &cpn::ConsoleSession::batchApplied, qApp, [stalls, &session, &sinceStart] {
        if (stalls->live)
            return;
        for (const cpn::PlatformLink* platform : session.platforms()) {
            const auto taken = stalls->snapshotRevision.constFind(platform->name());
            if (taken == stalls->snapshotRevision.cend()
                || session.state()->platform(platform->name()).revision <= *taken)
                return;
        }
        stalls->live = true;
        stalls->liveSince = std::chrono::steady_clock::now().time_since_epoch().count();
        std::printf("live %.3f\n", double(sinceStart.nsecsElapsed()) / 1e9);
        std::fflush(stdout);
    });
    QObject::connect(qApp, &QCoreApplication::aboutToQuit, [stalls] {
        std::printf("start_stall_ms %.1f\nlongest_stall_ms %.1f\n", stalls->beforeLiveMs, stalls->liveMs);
        QFile status(QStringLiteral("/proc/self/status"));
        if (status.open(QIODevice::ReadOnly)) {
            for (const QByteArray& line : status.readAll().split('\n')) {
                if (line.startsWith("VmHWM:"))
                    std::printf("peak_rss_mb %.1f\n", line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0);
            }
        }
        std::fflush(stdout);
    });
    return [tracer, probe] {
        probe->stop();
        qApp->removeEventFilter(tracer);
    };
}

} // namespace

// Memory first touched costs a page fault per 4 KB: on the 2-core machine 15 us each, so a
// million rows' buffer of ints (4 MB) held the GUI thread 15 ms the first time it was written,
// and every time after that it was freed to the system and made anew.
//
// Large pages (2 MB) for the heap: glibc reads glibc.malloc.hugetlb only as a program starts, so
// the console starts itself again once with it set (a 4 MB buffer then costs 0.6 ms). Not when
// the tunable is set already (glibc.malloc.hugetlb=0 turns this off), when a tool preloads its
// own allocator (valgrind, heaptrack): that tool stays in charge, in a secure (setuid) start,
// whose tunables glibc drops, or when started through the dynamic loader by hand. Once at most:
// CPN_RESTARTED_FOR_LARGE_PAGES says it was done.
void useLargePages(char** argv)
{
#ifdef __GLIBC__
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    if ((tunables && std::strstr(tunables, "glibc.malloc.hugetlb")) || std::getenv("LD_PRELOAD")
        || std::getenv("CPN_RESTARTED_FOR_LARGE_PAGES") || ::getauxval(AT_SECURE) != 0)
        return;
    const std::string withLargePages
        = tunables && *tunables ? std::string(tunables) + ":glibc.malloc.hugetlb=1" : "glibc.malloc.hugetlb=1";
    // The executable by its own path (through /proc/self/exe, the process would be named "exe").
    char self[4096];
    const ssize_t length = ::readlink("/proc/self/exe", self, sizeof self - 1);
    if (length <= 0 || std::size_t(length) >= sizeof self - 1)
        return;
    self[length] = '\0';
    if (const char* name = std::strrchr(self, '/'); name && std::strncmp(name + 1, "ld-", 3) == 0)
        return; // the loader, not the console: it would take argv[1] for the program
    const std::string before = tunables ? tunables : "";
    if (::setenv("GLIBC_TUNABLES", withLargePages.c_str(), 1) != 0
        || ::setenv("CPN_RESTARTED_FOR_LARGE_PAGES", "1", 1) != 0)
        return;
    ::execv(self, argv);
    // Only when it failed (the executable replaced meanwhile): on as we are, and what this
    // console starts does not inherit what it did not get itself.
    ::unsetenv("CPN_RESTARTED_FOR_LARGE_PAGES");
    if (tunables)
        ::setenv("GLIBC_TUNABLES", before.c_str(), 1);
    else
        ::unsetenv("GLIBC_TUNABLES");
#else
    Q_UNUSED(argv);
#endif
}

// Memory the console frees stays its own for its next use instead of going back to the system
// and costing its page faults again: below 64 MB a block comes from the heap and goes back to
// it, and the heap is not trimmed before 512 MB are free at its top.
void keepFreedMemory()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

int main(int argc, char** argv)
{
    useLargePages(argv);
    keepFreedMemory();
    QElapsedTimer sinceStart;
    sinceStart.start();
    QApplication::setOrganizationName(QStringLiteral("CPN"));
    QApplication::setApplicationName(QStringLiteral("CPN Console"));
    cpn::UiScale::applyBeforeStart(argc, argv);
    // --report, --recommendations and --contingency-report make no window: they run where there
    // is no display (a nightly job).
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        for (const char* headless : { "--report", "--recommendations", "--contingency-report" }) {
            if ((arg == headless || arg.startsWith(QByteArray(headless) + '='))
                && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
                qputenv("QT_QPA_PLATFORM", "offscreen");
        }
    }
    QApplication app(argc, argv);
    QApplication::setApplicationVersion(QStringLiteral(CPN_VERSION));

    QString error;
    const auto options = cpn::parseCommandLine(app, &error);
    if (!options) {
        report(error, false);
        return 2;
    }
    const bool analysis = !options->recommendations.isEmpty() || !options->contingencyReport.isEmpty();
    const bool interactive = options->screenshot.isEmpty() && options->report.isEmpty() && !analysis;
    cpn::Language::apply(options->lang.isEmpty() ? QSettings().value(QStringLiteral("ui/language")).toString() : options->lang);
    cpn::applyControlRoomTheme(app);

    std::unique_ptr<cpn::EmbeddedScheduler> embedded;
    cpn::ConsoleSession session;
    const QString journal = options->journal.isEmpty() ? cpn::CommandJournal::defaultPath() : options->journal;
    // Without --connect: the platforms the Connections dialog remembered, if any.
    QList<cpn::PlatformOptions> platforms = options->platforms;
    if (!options->connectGiven) {
        QString rememberedError;
        const auto remembered = cpn::ConnectionsDialog::remembered(&rememberedError);
        if (!remembered.isEmpty())
            platforms = remembered;
        else if (!rememberedError.isEmpty())
            report(QCoreApplication::translate("cpn::Main",
                       "The platforms remembered cannot be used (%1); starting with the embedded scheduler.")
                       .arg(rememberedError),
                false);
    }
    for (const cpn::PlatformOptions& p : std::as_const(platforms)) {
        cpn::ConnectionSettings settings;
        settings.platform = p.name;
        settings.token = p.token;
        settings.tls = p.tls;
        settings.tlsCa = p.tlsCa;
        settings.tlsCert = p.tlsCert;
        settings.tlsKey = p.tlsKey;
        settings.target = p.target;
        if (p.embedded()) {
            embedded = cpn::EmbeddedScheduler::start(*options, &error);
            if (!embedded) {
                report(
                    QCoreApplication::translate("cpn::Main", "Cannot start the embedded mock scheduler: %1").arg(error),
                    interactive);
                return 1;
            }
            settings.target = embedded->address();
        }
        // The embedded scheduler dies with the console: its commands are not for a later one.
        cpn::PlatformLink* link = session.addPlatform(settings, journal,
            p.embedded() ? QString::fromLatin1(cpn::DispatchOutbox::kEmbeddedScheduler) : QString());
        link->setSource(p);
    }
    if (!options->report.isEmpty()) {
        session.start();
        cpn::startHeadlessReport(session, *options);
        return app.exec();
    }
    if (analysis) {
        session.start();
        cpn::startHeadlessAnalysis(session, *options);
        return app.exec();
    }
    cpn::MainWindow window(&session);
    if (!options->basemap.isEmpty()) {
        if (auto basemap = cpn::Basemap::load(options->basemap, &error)) {
            window.mapView()->setBasemap(std::move(*basemap));
        } else {
            report(QCoreApplication::translate("cpn::Main", "Cannot use the basemap %1: %2. Showing the built-in map.")
                       .arg(options->basemap, error),
                false);
            if (interactive) {
                QTimer::singleShot(0, &window, [&window, message = error, file = options->basemap] {
                    QMessageBox::warning(&window, QCoreApplication::translate("cpn::Main", "Basemap"),
                        QCoreApplication::translate("cpn::Main", "Cannot use the basemap %1:\n%2\n\nShowing the built-in map.")
                            .arg(file, message));
                });
            }
        }
    }
    if (options->screen >= 0) {
        const QList<QScreen*> screens = QGuiApplication::screens();
        if (options->screen >= screens.size()) {
            report(QCoreApplication::translate("cpn::Main", "There is no screen %1: this display has %n screen(s).",
                       nullptr, int(screens.size()))
                       .arg(options->screen),
                interactive);
            return 2;
        }
        window.placeOn(screens.at(options->screen));
    }
    if (!interactive)
        window.resize(1600, 960); // a screenshot has the same size wherever it is taken
    if (options->kiosk)
        window.setDisplayOnly(true);
    else if (options->fullScreen)
        window.setFullScreen(true);
    window.show();
    session.start();
    std::function<void()> stopTiming;
    if (options->timing)
        stopTiming = reportTiming(session, sinceStart);
    if (!interactive)
        scheduleScreenshot(*options, window, session, stopTiming);
    return app.exec();
}
