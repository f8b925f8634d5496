#include "slurm.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace cpn::gateway {

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

std::string upper(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::toupper(c)); });
    return s;
}

std::string str(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key)).toString().toStdString();
}

std::int64_t integer(const QJsonObject& o, const char* key)
{
    const double d = o.value(QLatin1String(key)).toDouble();
    return d > 0 && d < 1e15 ? std::int64_t(d) : 0;
}

std::optional<QJsonArray> topArray(std::string_view json, const char* key, std::string* error)
{
    QJsonParseError parseError;
    const auto doc = QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = "not JSON: " + parseError.errorString().toStdString();
        return std::nullopt;
    }
    const QJsonValue v = doc.object().value(QLatin1String(key));
    if (!v.isArray()) {
        *error = std::string("no \"") + key + "\" array";
        return std::nullopt;
    }
    return v.toArray();
}

} // namespace

bool SlurmNode::hasFlag(std::string_view flag) const
{
    return std::find(flags.begin(), flags.end(), flag) != flags.end();
}

bool SlurmNode::down() const
{
    return state == "down" || state == "future" || hasFlag("NOT_RESPONDING");
}

bool SlurmNode::drained() const
{
    return state == "drained" || state == "draining" || hasFlag("DRAIN");
}

bool SlurmNode::invalid() const
{
    return state == "inval" || hasFlag("INVALID_REG") || hasFlag("INVALID");
}

bool SlurmJob::running() const
{
    return state == "RUNNING" || state == "COMPLETING" || state == "CONFIGURING" || state == "SUSPENDED"
        || state == "STOPPED" || state == "SIGNALING" || state == "STAGE_OUT";
}

bool SlurmJob::held() const
{
    return pending() && (reason.starts_with("JobHeld") || reason.find("held state") != std::string::npos);
}

bool SlurmJob::finished() const
{
    return !pending() && !running() && state != "REQUEUED" && state != "REQUEUE_HOLD" && state != "REQUEUE_FED"
        && state != "RESIZING" && state != "RESV_DEL_HOLD";
}

std::map<std::string, std::uint32_t> parseGpuGres(std::string_view gres)
{
    std::map<std::string, std::uint32_t> out;
    std::size_t start = 0;
    // Entries are separated by commas outside parentheses: "gpu:a:2(IDX:0,3),gpu:b:1".
    int depth = 0;
    for (std::size_t i = 0; i <= gres.size(); ++i) {
        if (i < gres.size() && gres[i] == '(')
            ++depth;
        else if (i < gres.size() && gres[i] == ')')
            --depth;
        if (i < gres.size() && !(gres[i] == ',' && depth == 0))
            continue;
        std::string_view entry = gres.substr(start, i - start);
        start = i + 1;
        if (const auto paren = entry.find('('); paren != std::string_view::npos)
            entry = entry.substr(0, paren);
        if (!entry.starts_with("gpu"))
            continue;
        // gpu:TYPE:N, gpu:N or gpu:TYPE (count 1)
        std::vector<std::string_view> parts;
        for (std::size_t p = 0; p <= entry.size();) {
            const auto colon = std::min(entry.find(':', p), entry.size());
            parts.push_back(entry.substr(p, colon - p));
            p = colon + 1;
        }
        std::string type;
        std::string count = "1";
        if (parts.size() == 2) {
            if (!parts[1].empty() && std::isdigit(static_cast<unsigned char>(parts[1][0])))
                count = std::string(parts[1]);
            else
                type = std::string(parts[1]);
        } else if (parts.size() >= 3) {
            type = std::string(parts[1]);
            count = std::string(parts[2]);
        }
        std::uint32_t n = 0;
        for (char c : count) {
            if (!std::isdigit(static_cast<unsigned char>(c)))
                break;
            n = std::min<std::uint32_t>(n * 10 + std::uint32_t(c - '0'), 1000000);
        }
        out[lower(type)] += n;
    }
    return out;
}

std::optional<std::vector<SlurmNode>> parseSinfoJson(std::string_view json, std::string* error)
{
    const auto array = topArray(json, "nodes", error);
    if (!array)
        return std::nullopt;
    std::vector<SlurmNode> nodes;
    nodes.reserve(std::size_t(array->size()));
    for (const auto& value : *array) {
        const QJsonObject o = value.toObject();
        SlurmNode n;
        n.name = str(o, "name");
        if (n.name.empty())
            continue;
        n.state = lower(str(o, "state"));
        for (const auto& f : o.value(QLatin1String("state_flags")).toArray())
            n.flags.push_back(upper(f.toString().toStdString()));
        n.reason = str(o, "reason");
        n.cpus = std::uint32_t(integer(o, "cpus"));
        n.allocCpus = std::min(n.cpus, std::uint32_t(integer(o, "alloc_cpus")));
        n.gpus = parseGpuGres(str(o, "gres"));
        n.gpusUsed = parseGpuGres(str(o, "gres_used"));
        for (const auto& p : o.value(QLatin1String("partitions")).toArray())
            n.partitions.push_back(p.toString().toStdString());
        nodes.push_back(std::move(n));
    }
    return nodes;
}

const char* const kSqueueFormat = "%A\x1f%j\x1f%T\x1f%r\x1f%P\x1f%u\x1f%a\x1f%f\x1f%N\x1f%V\x1f%S\x1f%l\x1f%b\x1f%D\x1f%k";

namespace {

std::int64_t wholeNumber(std::string_view text)
{
    std::int64_t n = 0;
    if (text.empty())
        return 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return 0;
        n = std::min<std::int64_t>(n * 10 + (c - '0'), std::int64_t(1) << 50);
    }
    return n;
}

// Slurm's time limit: [days-]hours:minutes:seconds, minutes:seconds, or minutes; UNLIMITED = 0.
std::int64_t limitMinutes(std::string_view text)
{
    std::int64_t days = 0;
    if (const auto dash = text.find('-'); dash != std::string_view::npos) {
        days = wholeNumber(text.substr(0, dash));
        text = text.substr(dash + 1);
    }
    std::vector<std::int64_t> parts;
    std::size_t p = 0;
    while (p <= text.size()) {
        const auto colon = std::min(text.find(':', p), text.size());
        parts.push_back(wholeNumber(text.substr(p, colon - p)));
        p = colon + 1;
    }
    std::int64_t minutes = 0;
    if (parts.size() == 3)
        minutes = parts[0] * 60 + parts[1] + (parts[2] > 0 ? 1 : 0);
    else if (parts.size() == 2)
        minutes = parts[0] + (parts[1] > 0 ? 1 : 0);
    else if (parts.size() == 1)
        minutes = parts[0];
    return days * 24 * 60 + minutes;
}

} // namespace

std::vector<SlurmJob> parseSqueueLines(std::string_view text, std::set<std::string>* ambiguous)
{
    std::set<std::string> seen;
    constexpr std::size_t kFields = 15;
    std::vector<SlurmJob> jobs;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        std::vector<std::string_view> f;
        std::size_t p = 0;
        while (f.size() + 1 < kFields) { // the comment, last, may hold anything
            const auto sep = line.find('\x1f', p);
            if (sep == std::string_view::npos)
                break;
            f.push_back(line.substr(p, sep - p));
            p = sep + 1;
        }
        if (f.size() + 1 != kFields)
            continue; // not a line of ours
        f.push_back(line.substr(p));
        SlurmJob j;
        const auto id = wholeNumber(f[0]);
        if (id <= 0)
            continue;
        j.id = std::to_string(id);
        j.name = std::string(f[1]);
        j.state = std::string(f[2]);
        j.reason = std::string(f[3]);
        j.partition = std::string(f[4]);
        j.user = std::string(f[5]);
        j.account = f[6] == "(null)" ? std::string() : std::string(f[6]);
        j.features = f[7] == "(null)" ? std::string() : std::string(f[7]);
        j.nodes = std::string(f[8]);
        j.submitTimeS = wholeNumber(f[9]);
        j.startTimeS = wholeNumber(f[10]);
        j.timeLimitMin = limitMinutes(f[11]);
        j.nodeCount = std::uint32_t(std::max<std::int64_t>(1, std::min<std::int64_t>(wholeNumber(f[13]), 100000)));
        std::string_view tres = f[12]; // "gres:gpu:4" or "gres/gpu:4", per node
        if (tres.starts_with("gres:") || tres.starts_with("gres/"))
            tres.remove_prefix(5);
        std::uint32_t perNode = 0;
        for (const auto& [type, count] : parseGpuGres(tres))
            perNode += count;
        j.gpus = perNode * j.nodeCount;
        j.comment = f[14] == "(null)" ? std::string() : std::string(f[14]);
        // The id comes first, before any user's text; a line whose last field holds a separator
        // had one more in a name, and a second line for an id was made by a line break.
        if ((f[14].find('\x1f') != std::string_view::npos || !seen.insert(j.id).second) && ambiguous)
            ambiguous->insert(j.id);
        jobs.push_back(std::move(j));
    }
    return jobs;
}

std::vector<SlurmPartition> parsePartitions(std::string_view text)
{
    std::vector<SlurmPartition> out;
    std::size_t start = 0;
    while (start < text.size()) {
        const auto end = std::min(text.find('\n', start), text.size());
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        auto field = [&](std::string_view key) -> std::string {
            for (std::size_t p = 0; p < line.size();) {
                const auto space = std::min(line.find(' ', p), line.size());
                const auto item = line.substr(p, space - p);
                if (item.starts_with(key) && item.size() > key.size() && item[key.size()] == '=')
                    return std::string(item.substr(key.size() + 1));
                p = space + 1;
            }
            return {};
        };
        SlurmPartition p;
        p.name = field("PartitionName");
        p.state = field("State");
        if (!p.name.empty())
            out.push_back(std::move(p));
    }
    return out;
}

cpn::v1::Architecture architectureOf(std::string_view name)
{
    const std::string n = lower(std::string(name));
    auto has = [&](const char* s) { return n.find(s) != std::string::npos; };
    if (has("nvidia") || has("a100") || has("a800") || has("h100") || has("h800") || has("h20") || has("cuda"))
        return cpn::v1::ARCHITECTURE_NVIDIA_GPU;
    if (has("ascend") || has("910") || has("310"))
        return cpn::v1::ARCHITECTURE_ASCEND;
    if (has("dcu") || has("hygon"))
        return cpn::v1::ARCHITECTURE_HYGON_DCU;
    if (has("mlu") || has("cambricon"))
        return cpn::v1::ARCHITECTURE_CAMBRICON_MLU;
    if (has("kunlun") || has("xpu"))
        return cpn::v1::ARCHITECTURE_KUNLUNXIN;
    if (n == "cpu")
        return cpn::v1::ARCHITECTURE_CPU;
    return cpn::v1::ARCHITECTURE_UNSPECIFIED;
}

const char* gresTypeOf(cpn::v1::Architecture architecture)
{
    switch (architecture) {
    case cpn::v1::ARCHITECTURE_NVIDIA_GPU:
        return "nvidia";
    case cpn::v1::ARCHITECTURE_ASCEND:
        return "ascend";
    case cpn::v1::ARCHITECTURE_HYGON_DCU:
        return "dcu";
    case cpn::v1::ARCHITECTURE_CAMBRICON_MLU:
        return "mlu";
    case cpn::v1::ARCHITECTURE_KUNLUNXIN:
        return "kunlun";
    default:
        return "";
    }
}

std::string CommandResult::describe() const
{
    if (exitCode == -1)
        return err.empty() ? "did not run" : err;
    std::string first = err.substr(0, err.find('\n'));
    if (first.empty())
        first = out.substr(0, out.find('\n'));
    if (first.size() > 300)
        first.resize(300);
    return "exit " + std::to_string(exitCode) + (first.empty() ? "" : ": " + first);
}

SlurmCli::SlurmCli(std::string slurmConf, int timeoutMs)
    : m_slurmConf(std::move(slurmConf))
    , m_timeoutMs(timeoutMs)
{ }

CommandResult SlurmCli::run(
    const std::string& program, const std::vector<std::string>& args, const std::vector<std::string>& environment) const
{
    // posix_spawn with both pipes read through poll(): callable from any thread (gRPC's too),
    // bounded in time and in what it reads.
    CommandResult result;
    int outPipe[2] = { -1, -1 }, errPipe[2] = { -1, -1 };
    if (pipe2(outPipe, O_CLOEXEC) != 0 || pipe2(errPipe, O_CLOEXEC) != 0) {
        for (int fd : { outPipe[0], outPipe[1], errPipe[0], errPipe[1] })
            if (fd >= 0)
                close(fd);
        result.err = program + ": no pipe: " + std::strerror(errno);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2);
    std::vector<std::string> argStrings { program };
    argStrings.insert(argStrings.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argStrings)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> envStrings;
    for (char** e = environ; *e; ++e)
        if (m_slurmConf.empty() || std::strncmp(*e, "SLURM_CONF=", 11) != 0)
            envStrings.emplace_back(*e);
    if (!m_slurmConf.empty())
        envStrings.push_back("SLURM_CONF=" + m_slurmConf);
    envStrings.insert(envStrings.end(), environment.begin(), environment.end());
    std::vector<char*> envp;
    for (auto& e : envStrings)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    // The gateway blocks SIGINT, SIGTERM and SIGHUP for its sigwait; the commands must not
    // inherit that.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK);
    pid_t pid = 0;
    const int spawned = posix_spawnp(&pid, program.c_str(), &actions, &attributes, argv.data(), envp.data());
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&actions);
    close(outPipe[1]);
    close(errPipe[1]);
    if (spawned != 0) {
        close(outPipe[0]);
        close(errPipe[0]);
        result.err = program + " did not start: " + std::strerror(spawned);
        return result;
    }

    constexpr std::size_t kMaxOutput = std::size_t(256) << 20;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(m_timeoutMs);
    pollfd fds[2] = { { outPipe[0], POLLIN, 0 }, { errPipe[0], POLLIN, 0 } };
    std::string* sinks[2] = { &result.out, &result.err };
    int open = 2;
    bool timedOut = false;
    char buffer[65536];
    while (open > 0) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now())
                              .count();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        if (::poll(fds, 2, int(std::min<long long>(left, 1000))) < 0 && errno != EINTR)
            break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            const ssize_t n = read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0 && sinks[i]->size() < kMaxOutput) {
                sinks[i]->append(buffer, std::size_t(n));
            } else if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) {
                close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    for (auto& fd : fds)
        if (fd.fd >= 0)
            close(fd.fd);
    if (timedOut)
        kill(pid, SIGKILL);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) { }
    if (timedOut) {
        result.err = program + " timed out after " + std::to_string(m_timeoutMs / 1000) + " s";
        return result;
    }
    if (WIFEXITED(status)) {
        result.exitCode = WEXITSTATUS(status);
        result.ok = result.exitCode == 0;
    } else {
        result.exitCode = -2;
        result.err = program + " was killed by signal " + std::to_string(WTERMSIG(status));
    }
    return result;
}

std::optional<SlurmView> SlurmCli::poll(std::string* error) const
{
    SlurmView view;
    const auto sinfo = run("sinfo", { "--json" });
    if (!sinfo.ok) {
        *error = "sinfo: " + sinfo.describe();
        return std::nullopt;
    }
    auto nodes = parseSinfoJson(sinfo.out, error);
    if (!nodes) {
        *error = "sinfo: " + *error;
        return std::nullopt;
    }
    // -t all: jobs that just ended stay listed for MinJobAge, with how they ended.
    const auto squeue = run("squeue", { "-h", "-t", "all", "-o", kSqueueFormat }, { "SLURM_TIME_FORMAT=%s" });
    if (!squeue.ok) {
        *error = "squeue: " + squeue.describe();
        return std::nullopt;
    }
    const auto partitions = run("scontrol", { "show", "partition", "-o" });
    if (!partitions.ok) {
        *error = "scontrol show partition: " + partitions.describe();
        return std::nullopt;
    }
    view.nodes = std::move(*nodes);
    view.jobs = parseSqueueLines(squeue.out, &view.ambiguousJobs);
    view.partitions = parsePartitions(partitions.out);
    return view;
}

} // namespace cpn::gateway
