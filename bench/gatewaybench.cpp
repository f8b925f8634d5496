// gateway.*: cpn-slurm-gateway's engine against a real Slurm cluster built here
// (tools/slurm-lab.sh: 16 nodes in 4 partitions, 128 cards), with 1,000 one-card jobs: 128 run,
// the rest pend. `cpn-bench --only gateway`; needs root (the lab does) and takes about 80 s.
// DESIGN.md: one poll <= 100 ms CPU; a change in Slurm to its Watch event p99 <= poll interval
// + 100 ms.
//
// poll_cpu_ms: CPU of this process over one SlurmEngine::pollOnce() (getrusage RUSAGE_SELF: the
// spawning, reading and parsing of the commands' JSON, the diff, the event log and SQLite).
// poll_commands_cpu_ms: CPU of the Slurm commands the poll ran (sinfo, squeue, scontrol;
// RUSAGE_CHILDREN, they are waited for). poll_wall_ms: wall time of the poll, with its
// poll_slurm_wall_ms and poll_apply_wall_ms parts as PollStats tells them. Medians and p95 of
// kPolls polls at rest. slurmctld's own CPU answering the commands is in neither: it is another
// process. slurmctld_cpu_per_poll_ms is its CPU over those polls divided by their number (from
// /proc, 10 ms ticks), and includes its own scheduling meanwhile: an upper bound.
// change_to_event_*: the engine polling every kPollMs on its thread and served by ApiServer on a
// loopback port, a Watch stream on a thread of its own; kChanges times, kept 0-1 s apart at
// random, a job is renamed (`scontrol update JobId=J Name=...`, pending or running) or a pending
// one cancelled (scancel), and the time is taken from the command's return until the Watch event
// showing it (the task with its new name, or task_removed) has been read. With 40 changes p99
// (nearest rank) is the largest.

// The gateway's and gRPC's headers before Qt's (Qt's keyword macros).
#include "partsreader.h"
#include "apiserver.h"
#include "slurmengine.h"

#include "cpn/v1/state.grpc.pb.h"

#include <grpcpp/grpcpp.h>

#include "benchregistry.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QSet>
#include <QTemporaryDir>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <optional>
#include <random>
#include <thread>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace cpn::bench {

namespace {

constexpr int kNodes = 16;
constexpr int kJobs = 1000;
constexpr int kPolls = 20;
constexpr int kPollMs = 1000;
constexpr int kChanges = 40;
constexpr int kEventTimeoutMs = 10000;
const char* const kLabScript = CPN_SOURCE_DIR "/tools/slurm-lab.sh";

using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point a, Clock::time_point b)
{
    return std::chrono::duration<double, std::milli>(b - a).count();
}

// Nearest rank: the smallest sample with at least p of them at or below it.
double percentile(std::vector<double> samples, double p)
{
    if (samples.empty())
        return 0;
    std::sort(samples.begin(), samples.end());
    const auto rank = std::size_t(std::ceil(p * double(samples.size())));
    return samples[std::clamp<std::size_t>(rank, 1, samples.size()) - 1];
}

double cpuMs(const rusage& u)
{
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1e3 + double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e3;
}

double rusageMs(int who)
{
    rusage u {};
    getrusage(who, &u);
    return cpuMs(u);
}

void fail(const QString& what)
{
    std::fprintf(stderr, "cpn-bench: gateway: %s\n", qPrintable(what));
}

// A command, its exit code and output (stderr appended); -1 when it did not run or finish.
std::pair<int, QString> runCommand(const QString& program, const QStringList& args, const QString& slurmConf,
    int timeoutMs = 60000, const QMap<QString, QString>& extraEnv = {})
{
    QProcess p;
    auto env = QProcessEnvironment::systemEnvironment();
    if (!slurmConf.isEmpty())
        env.insert(QStringLiteral("SLURM_CONF"), slurmConf);
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        env.insert(it.key(), it.value());
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return { -1, QStringLiteral("%1 did not finish in %2 s").arg(program).arg(timeoutMs / 1000) };
    }
    const int code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    return { code, QString::fromUtf8(p.readAll()).trimmed() };
}

// Stops the lab when the group ends, returns early, or the bench is interrupted (SIGINT,
// SIGTERM, SIGHUP: the handler runs `slurm-lab.sh stop DIR` and removes DIR, with what it was
// given beforehand, since only fork, execv and waitpid may be called there).
class LabGuard {
public:
    explicit LabGuard(const QString& dir)
        : m_dir(dir)
    {
        std::snprintf(s_script, sizeof s_script, "%s", kLabScript);
        std::snprintf(s_dir, sizeof s_dir, "%s", qPrintable(dir));
        struct sigaction action { };
        action.sa_handler = &LabGuard::onSignal;
        sigemptyset(&action.sa_mask);
        for (int i = 0; i < 3; ++i)
            sigaction(kSignals[i], &action, &m_previous[i]);
    }
    ~LabGuard()
    {
        std::fprintf(stderr, "cpn-bench: gateway: stopping the lab in %s\n", qPrintable(m_dir));
        const auto stopped = runCommand(
            QStringLiteral("bash"), { QString::fromUtf8(kLabScript), QStringLiteral("stop"), m_dir }, {}, 180000);
        if (stopped.first != 0)
            fail(QStringLiteral("slurm-lab.sh stop %1 failed:\n%2").arg(m_dir, stopped.second));
        for (int i = 0; i < 3; ++i)
            sigaction(kSignals[i], &m_previous[i], nullptr);
    }
    LabGuard(const LabGuard&) = delete;
    LabGuard& operator=(const LabGuard&) = delete;

private:
    static void onSignal(int signal)
    {
        static const char message[] = "\ncpn-bench: gateway: interrupted, stopping the lab\n";
        [[maybe_unused]] const auto written = write(2, message, sizeof message - 1);
        const pid_t pid = fork();
        if (pid == 0) {
            char bash[] = "/bin/bash";
            char dashC[] = "-c";
            char command[] = "\"$0\" stop \"$1\" && rm -rf -- \"$1\"";
            char* argv[] = { bash, dashC, command, s_script, s_dir, nullptr };
            execv(bash, argv);
            _exit(127);
        }
        if (pid > 0)
            while (waitpid(pid, nullptr, 0) < 0 && errno == EINTR) { }
        _exit(128 + signal);
    }

    static constexpr int kSignals[3] = { SIGINT, SIGTERM, SIGHUP };
    static inline char s_script[4096];
    static inline char s_dir[4096];
    QString m_dir;
    struct sigaction m_previous[3] {};
};

// CPU time of a process from /proc/PID/stat (utime + stime), ms; -1 when unknown.
double processCpuMs(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (pid <= 0 || !stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    const auto fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    // After the command: state(3) ... utime(14) stime(15), so indices 11 and 12 here.
    return (fields[11].toDouble() + fields[12].toDouble()) * 1000.0 / double(sysconf(_SC_CLK_TCK));
}

// What a Watch stream brought, as far as the changes are concerned: waits for one expected event.
class ChangeWatcher {
public:
    ChangeWatcher(const std::string& address, std::uint64_t fromRevision)
    {
        m_channel = grpc::CreateChannel(address, grpc::InsecureChannelCredentials());
        m_stub = v1::StateService::NewStub(m_channel);
        v1::WatchRequest request;
        request.set_from_revision(fromRevision);
        m_reader = m_stub->Watch(&m_context, request);
        m_thread = std::thread([this] { read(); });
    }
    ~ChangeWatcher()
    {
        m_context.TryCancel();
        m_thread.join();
    }
    ChangeWatcher(const ChangeWatcher&) = delete;
    ChangeWatcher& operator=(const ChangeWatcher&) = delete;

    // Before making the change: what will show it.
    void expect(const std::string& taskId, const std::string& newName)
    {
        std::lock_guard lock(m_mutex);
        m_taskId = taskId;
        m_name = newName;
        m_seen = false;
    }
    // When the event arrived; nullopt when it did not in time or the stream ended.
    std::optional<Clock::time_point> wait(int timeoutMs)
    {
        std::unique_lock lock(m_mutex);
        m_changed.wait_for(lock, std::chrono::milliseconds(timeoutMs), [this] { return m_seen || m_ended; });
        if (!m_seen)
            return std::nullopt;
        m_taskId.clear();
        return m_arrived;
    }
    bool ended() const
    {
        std::lock_guard lock(m_mutex);
        return m_ended;
    }
    std::size_t eventCount() const
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }

private:
    void read()
    {
        v1::WatchEvent event;
        while (m_reader->Read(&event)) {
            const auto now = Clock::now();
            std::lock_guard lock(m_mutex);
            ++m_events;
            if (m_taskId.empty() || m_seen)
                continue;
            const bool shows = m_name.empty()
                ? event.has_task_removed() && event.task_removed().task_id() == m_taskId
                : event.has_task() && event.task().id() == m_taskId && event.task().name() == m_name;
            if (shows) {
                m_seen = true;
                m_arrived = now;
                m_changed.notify_all();
            }
        }
        const auto status = m_reader->Finish();
        std::lock_guard lock(m_mutex);
        m_ended = true;
        if (!status.ok() && status.error_code() != grpc::StatusCode::CANCELLED)
            std::fprintf(stderr, "cpn-bench: gateway: the Watch stream ended: %s\n", status.error_message().c_str());
        m_changed.notify_all();
    }

    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<v1::StateService::Stub> m_stub;
    grpc::ClientContext m_context;
    std::unique_ptr<grpc::ClientReader<v1::WatchEvent>> m_reader;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::string m_taskId; // empty: nothing expected
    std::string m_name; // empty: the task's removal
    bool m_seen = false;
    bool m_ended = false;
    Clock::time_point m_arrived;
    std::size_t m_events = 0;
    std::thread m_thread;
};

// Job ids squeue lists in a state (PD, R).
QStringList jobsIn(const QString& state, const QString& slurmConf)
{
    const auto out = runCommand(QStringLiteral("squeue"),
        { QStringLiteral("-h"), QStringLiteral("-t"), state, QStringLiteral("-o"), QStringLiteral("%i") }, slurmConf);
    return out.first == 0 ? out.second.split(QLatin1Char('\n'), Qt::SkipEmptyParts) : QStringList();
}

// Submits kJobs one-card jobs spread over the partitions, each with its partition's
// architecture, in one bash loop; false and why when sbatch fails.
bool submitJobs(const QString& dir, const QString& slurmConf, QString* error)
{
    // "zhangjiakou gpu:nvidia:8" per node; the architecture is the GRES type.
    const auto sinfo = runCommand(
        QStringLiteral("sinfo"), { QStringLiteral("-h"), QStringLiteral("-o"), QStringLiteral("%R %G") }, slurmConf);
    if (sinfo.first != 0) {
        *error = QStringLiteral("sinfo: ") + sinfo.second;
        return false;
    }
    QStringList targets; // partition:arch
    for (const auto& line : sinfo.second.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const auto parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.size() < 2)
            continue;
        const auto gres = parts[1].split(QLatin1Char(':'));
        const QString target = parts[0] + QLatin1Char(':') + (gres.size() >= 3 ? gres[1] : QString());
        if (!targets.contains(target))
            targets << target;
    }
    if (targets.isEmpty()) {
        *error = QStringLiteral("sinfo lists no partition with GPUs:\n") + sinfo.second;
        return false;
    }
    // Long time limits and runs: jobs that start keep running through the bench.
    const QString script = QStringLiteral(R"(
set -e
dir=$1 n=$2; shift 2
targets=("$@")
for ((i = 0; i < n; i++)); do
  t=${targets[i % ${#targets[@]}]}
  sbatch --parsable -p "${t%%:*}" -C "${t#*:}" -J "bench-$i" -c 1 --gres=gpu:1 -t 1440 \
    --comment="kind=batch;tenant=cpn-bench" -D "$dir/jobs" -o /dev/null "$dir/jobs/demo-job.sh" >/dev/null
done
)");
    const auto submitted = runCommand(QStringLiteral("bash"),
        QStringList { QStringLiteral("-c"), script, QStringLiteral("submit"), dir, QString::number(kJobs) } + targets,
        slurmConf, 300000, { { QStringLiteral("DEMO_RUN_SECONDS"), QStringLiteral("86400") } });
    if (submitted.first != 0) {
        *error = QStringLiteral("sbatch: ") + submitted.second;
        return false;
    }
    return true;
}

void measurePolls(gateway::SlurmEngine& engine, const QString& dir)
{
    pid_t ctld = 0;
    {
        QFile pidFile(QDir(dir).filePath(QStringLiteral("run/slurmctld.pid")));
        if (pidFile.open(QIODevice::ReadOnly))
            ctld = pid_t(pidFile.readAll().trimmed().toInt());
    }
    std::vector<double> cpu, threadCpu, commandsCpu, wall, slurmWall, applyWall, events;
    std::size_t jobs = 0;
    engine.pollOnce(); // warm: whatever changed since open()
    const double ctldBefore = processCpuMs(ctld);
    for (int i = 0; i < kPolls; ++i) {
        timespec thread0 {}, thread1 {};
        const double self0 = rusageMs(RUSAGE_SELF);
        const double children0 = rusageMs(RUSAGE_CHILDREN);
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &thread0);
        const auto t0 = Clock::now();
        const auto stats = engine.pollOnce();
        const auto t1 = Clock::now();
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &thread1);
        const double children1 = rusageMs(RUSAGE_CHILDREN);
        const double self1 = rusageMs(RUSAGE_SELF);
        if (!stats.ok) {
            fail(QStringLiteral("poll %1 failed (Slurm did not answer)").arg(i));
            continue;
        }
        cpu.push_back(self1 - self0);
        threadCpu.push_back(
            double(thread1.tv_sec - thread0.tv_sec) * 1e3 + double(thread1.tv_nsec - thread0.tv_nsec) / 1e6);
        commandsCpu.push_back(children1 - children0);
        wall.push_back(msBetween(t0, t1));
        slurmWall.push_back(stats.slurmMs);
        applyWall.push_back(stats.applyMs);
        events.push_back(double(stats.events));
        jobs = stats.jobs;
        std::this_thread::sleep_for(std::chrono::milliseconds(200)); // polls apart, as on the thread
    }
    const double ctldAfter = processCpuMs(ctld);
    if (cpu.empty())
        return fail(QStringLiteral("no poll succeeded"));
    report(QStringLiteral("gateway.jobs"), double(jobs), "jobs");
    const auto both = [](const char* name, const std::vector<double>& samples, const char* unit) {
        report(QStringLiteral("gateway.%1").arg(QLatin1String(name)), median(samples), unit);
        report(QStringLiteral("gateway.%1_p95").arg(QLatin1String(name)), percentile(samples, 0.95), unit);
    };
    both("poll_cpu_ms", cpu, "ms");
    both("poll_thread_cpu_ms", threadCpu, "ms");
    both("poll_commands_cpu_ms", commandsCpu, "ms");
    both("poll_wall_ms", wall, "ms");
    report(QStringLiteral("gateway.poll_slurm_wall_ms"), median(slurmWall), "ms");
    report(QStringLiteral("gateway.poll_apply_wall_ms"), median(applyWall), "ms");
    report(QStringLiteral("gateway.poll_events"), median(events), "events");
    if (ctldBefore >= 0 && ctldAfter >= 0)
        report(
            QStringLiteral("gateway.slurmctld_cpu_per_poll_ms"), (ctldAfter - ctldBefore) / double(cpu.size()), "ms");
}

void measureChanges(gateway::SlurmEngine& engine, const QString& slurmConf)
{
    server::ApiServerOptions serverOptions;
    serverOptions.listenAddress = "127.0.0.1:0";
    server::ApiServer server(engine, serverOptions);
    std::string error;
    if (!server.start(&error))
        return fail(QStringLiteral("the API server did not start: ") + QString::fromStdString(error));
    engine.startPolling([&server](bool serving) { server.setServing(serving); });
    // Stops the poll thread before the server goes, however this function ends.
    struct StopPolling {
        gateway::SlurmEngine& engine;
        ~StopPolling() { engine.stop(); }
    } stopPolling { engine };

    const auto channel = grpc::CreateChannel(server.address(), grpc::InsecureChannelCredentials());
    const auto stub = v1::StateService::NewStub(channel);
    v1::Snapshot snapshot;
    {
        grpc::ClientContext context;
        const auto status = v1::readSnapshot(*stub, &context, &snapshot);
        if (!status.ok())
            return fail(QStringLiteral("GetSnapshot: ") + QString::fromStdString(status.error_message()));
    }
    ChangeWatcher watcher(server.address(), snapshot.revision());

    QStringList pending = jobsIn(QStringLiteral("PD"), slurmConf);
    QStringList running = jobsIn(QStringLiteral("R"), slurmConf);
    std::mt19937 random(20240601);
    std::shuffle(pending.begin(), pending.end(), random);
    std::shuffle(running.begin(), running.end(), random);
    std::uniform_int_distribution<int> spacing(0, 1000);

    std::vector<double> latencies;
    int missed = 0;
    const auto start = Clock::now();
    for (int k = 0; k < kChanges && !watcher.ended(); ++k) {
        std::this_thread::sleep_for(std::chrono::milliseconds(spacing(random)));
        // A third each: rename a pending job, rename a running one, cancel a pending one.
        const int kind = k % 3;
        QStringList& from = kind == 1 && !running.isEmpty() ? running : pending;
        if (from.isEmpty()) {
            fail(QStringLiteral("no job left to change"));
            break;
        }
        const QString job = from.takeFirst();
        const QString name = QStringLiteral("bench-renamed-%1").arg(k);
        std::pair<int, QString> done;
        if (kind == 2) {
            watcher.expect(job.toStdString(), {});
            done = runCommand(QStringLiteral("scancel"), { job }, slurmConf);
        } else {
            watcher.expect(job.toStdString(), name.toStdString());
            done = runCommand(QStringLiteral("scontrol"),
                { QStringLiteral("update"), QStringLiteral("JobId=") + job, QStringLiteral("Name=") + name },
                slurmConf);
        }
        const auto changed = Clock::now();
        if (done.first != 0) {
            fail(QStringLiteral("change %1 of job %2 failed: %3").arg(k).arg(job, done.second));
            watcher.expect({}, {});
            continue;
        }
        const auto arrived = watcher.wait(kEventTimeoutMs);
        if (!arrived) {
            fail(QStringLiteral("change %1 of job %2: no Watch event within %3 s")
                     .arg(k)
                     .arg(job)
                     .arg(kEventTimeoutMs / 1000));
            ++missed;
            continue;
        }
        // The event may come before the command has returned (a poll in between): 0.
        latencies.push_back(std::max(0.0, msBetween(changed, *arrived)));
    }
    std::fprintf(stderr,
        "cpn-bench: gateway: %zu changes in %.1f s, %zu Watch events read; latencies, ms:", latencies.size(),
        msBetween(start, Clock::now()) / 1000, watcher.eventCount());
    auto sorted = latencies;
    std::sort(sorted.begin(), sorted.end());
    for (const double ms : sorted)
        std::fprintf(stderr, " %.0f", ms);
    std::fprintf(stderr, "\n");
    report(QStringLiteral("gateway.poll_interval_ms"), kPollMs, "ms");
    if (!latencies.empty()) {
        report(QStringLiteral("gateway.change_to_event_p50_ms"), percentile(latencies, 0.5), "ms");
        report(QStringLiteral("gateway.change_to_event_p99_ms"), percentile(latencies, 0.99), "ms");
        report(QStringLiteral("gateway.change_to_event_max_ms"), percentile(latencies, 1.0), "ms");
        report(QStringLiteral("gateway.changes"), double(latencies.size()), "changes");
    }
    report(QStringLiteral("gateway.change_to_event_missed"), missed, "changes");
}

void run(const Options&)
{
    if (!QFile::exists(QString::fromUtf8(kLabScript)))
        return fail(QStringLiteral("%1 not found").arg(QString::fromUtf8(kLabScript)));
    // munge's socket path must stay short: a directory of our own under /tmp.
    QTemporaryDir dir(QStringLiteral("/tmp/cpn-gwb-XXXXXX"));
    if (!dir.isValid())
        return fail(QStringLiteral("no temporary directory"));
    const QString slurmConf = dir.filePath(QStringLiteral("slurm.conf"));

    auto started = Clock::now();
    std::fprintf(
        stderr, "cpn-bench: gateway: starting a Slurm lab of %d nodes in %s\n", kNodes, qPrintable(dir.path()));
    const LabGuard lab(dir.path());
    const auto start = runCommand(QStringLiteral("bash"),
        { QString::fromUtf8(kLabScript), QStringLiteral("start"), dir.path(), QStringLiteral("--nodes"),
            QString::number(kNodes) },
        {}, 600000); // a first start installs Slurm
    if (start.first != 0)
        return fail(QStringLiteral("the Slurm lab did not start (no figures):\n%1").arg(start.second));
    std::fprintf(stderr, "cpn-bench: gateway: lab up in %.1f s; submitting %d jobs\n",
        msBetween(started, Clock::now()) / 1000, kJobs);

    started = Clock::now();
    QString error;
    if (!submitJobs(dir.path(), slurmConf, &error))
        return fail(error);
    // Until squeue lists them all, and the scheduler has started what fits (the running count
    // stays put for 3 s).
    int listed = 0, running = -1, steadyFor = 0;
    for (int i = 0; i < 120 && (listed < kJobs || steadyFor < 6); ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        listed = int(jobsIn(QStringLiteral("PD,R,CG,CF"), slurmConf).size());
        const int now = int(jobsIn(QStringLiteral("R"), slurmConf).size());
        steadyFor = now == running && now > 0 ? steadyFor + 1 : 0;
        running = now;
    }
    if (listed < kJobs)
        return fail(QStringLiteral("squeue lists %1 jobs of the %2 submitted").arg(listed).arg(kJobs));
    std::fprintf(stderr, "cpn-bench: gateway: %d jobs listed, %d running, after %.1f s\n", listed, running,
        msBetween(started, Clock::now()) / 1000);

    const auto nodes = runCommand(QStringLiteral("sinfo"),
        { QStringLiteral("-h"), QStringLiteral("-N"), QStringLiteral("-o"), QStringLiteral("%N") }, slurmConf);
    QSet<QString> nodeNames;
    for (const auto& n : nodes.second.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
        nodeNames.insert(n.trimmed());

    std::string why;
    auto sites = gateway::loadSitesFile(dir.filePath(QStringLiteral("sites.json")).toStdString(), &why);
    if (!sites)
        return fail(QStringLiteral("the lab's sites.json: ") + QString::fromStdString(why));
    gateway::GatewayOptions options;
    options.slurmConf = slurmConf.toStdString();
    options.stateDir = dir.filePath(QStringLiteral("bench-state")).toStdString();
    options.pollMs = kPollMs;
    gateway::SlurmEngine engine(std::move(*sites), options);
    started = Clock::now();
    if (engine.open(&why) != gateway::SlurmEngine::OpenResult::Ok)
        return fail(QStringLiteral("SlurmEngine::open: ") + QString::fromStdString(why));
    std::fprintf(stderr, "cpn-bench: gateway: engine open in %.0f ms\n", msBetween(started, Clock::now()));
    report(QStringLiteral("gateway.nodes"), double(nodeNames.size()), "nodes");
    report(QStringLiteral("gateway.running_jobs"), double(running), "jobs");

    measurePolls(engine, dir.path());
    measureChanges(engine, slurmConf);
    engine.stop();
    // `lab` stops the lab here, before `dir` removes the directory.
}

} // namespace

CPN_BENCH_GROUP("gateway", 95, run);

} // namespace cpn::bench
