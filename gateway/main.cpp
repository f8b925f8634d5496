// cpn-slurm-gateway: the CPN API over a real Slurm cluster.

#include "apiserver.h"
#include "servingoptions.h"
#include "slurmengine.h"

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <string_view>

namespace {

constexpr int kUsageError = 2;

const char* const kUsage = R"(Usage: cpn-slurm-gateway --sites FILE.json [options]

Serves a Slurm cluster over the CPN gRPC API (cpn.v1.StateService and cpn.v1.DispatchService,
plus gRPC health and reflection): partitions are sites, jobs are tasks, and migrations move jobs
between partitions through Slurm's own commands.

Options:
  --sites FILE.json    where each partition is and what it is (required; see the README)
  --slurm-conf FILE    the cluster's slurm.conf (default: $SLURM_CONF, else Slurm's default)
  --listen ADDR:PORT   address to serve on (default 127.0.0.1:50061; port 0 picks a free one)
  --poll-ms N          how often to read Slurm, ms (default 1000; 100..60000)
  --state-dir DIR      where migrations, command answers, alarms and history are kept across
                       restarts (default ./cpn-gateway-state)
  --start-timeout S    a moved job not running at its target after S seconds goes back
                       (default 120)
  --max-transfer S     longest a migration stays TRANSFERRING, s (default 30)
  --help               show this help and exit
  --version            show the version and exit
)";

const char* const kUsageEnd = R"(
Jobs: a job's --comment may carry key=value pairs separated by ';': kind (training, inference,
batch, rendering, scientific, storage; else guessed from the job's name), data_gb, tenant (else
the account, else the user), users (the site nearest its users), slo_ms (latency bound to them)
and regions (allowed regions, joined by '+'). The architecture comes from the job's constraint
(-C nvidia, ascend, dcu, mlu, kunlun) or its partition's GPUs.

Prints "cpn-slurm-gateway listening on HOST:PORT" once it serves; stops on SIGINT/SIGTERM.
Exit status 2: bad arguments, or a sites file that is malformed or names a partition Slurm lacks.
)";

int usageError(const std::string& message)
{
    std::cerr << "cpn-slurm-gateway: " << message << "\nTry 'cpn-slurm-gateway --help'.\n";
    return kUsageError;
}

struct Parsed {
    cpn::gateway::GatewayOptions gateway;
    cpn::server::ApiServerOptions server;
    std::string sitesFile;
    bool help = false;
    bool version = false;
};

std::optional<double> numberIn(const std::string& text, double lo, double hi)
{
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || *end != '\0' || !(v >= lo && v <= hi))
        return std::nullopt;
    return v;
}

std::optional<Parsed> parseArguments(int argc, char** argv, std::string* error)
{
    Parsed parsed;
    parsed.server.listenAddress = "127.0.0.1:50061";
    if (const char* conf = std::getenv("SLURM_CONF"))
        parsed.gateway.slurmConf = conf;
    cpn::server::ArgumentReader arguments(argc, argv);
    while (arguments.next()) {
        const std::string_view arg = arguments.name();
        std::string value;
        auto takeValue = [&] { return arguments.value(&value, error); };
        const auto serving = cpn::server::takeServingOption(arguments, parsed.server, error);
        if (serving == cpn::server::OptionUse::Bad)
            return std::nullopt;
        if (serving == cpn::server::OptionUse::Used)
            continue;
        if (arg == "--version") {
            parsed.version = true;
            continue;
        }
        if (arg == "--help" || arg == "-h") {
            parsed.help = true;
            continue;
        }
        auto bad = [&](const std::string& expected) {
            *error = "bad " + std::string(arg) + " '" + value + "': expected " + expected;
            return std::nullopt;
        };
        static const std::set<std::string_view> kOptions { "--sites", "--slurm-conf", "--poll-ms", "--state-dir",
            "--start-timeout", "--max-transfer" };
        if (!kOptions.count(arg)) {
            *error = "unknown argument '" + std::string(arguments.raw()) + "'";
            return std::nullopt;
        }
        if (!takeValue())
            return std::nullopt;
        if (arg == "--sites") {
            parsed.sitesFile = value;
        } else if (arg == "--slurm-conf") {
            parsed.gateway.slurmConf = value;
        } else if (arg == "--poll-ms") {
            const auto ms = numberIn(value, 100, 60000);
            if (!ms)
                return bad("a whole number of ms from 100 to 60000");
            parsed.gateway.pollMs = int(*ms);
        } else if (arg == "--state-dir") {
            parsed.gateway.stateDir = value;
        } else if (arg == "--start-timeout") {
            const auto s = numberIn(value, 1, 86400);
            if (!s)
                return bad("seconds from 1 to 86400");
            parsed.gateway.startTimeoutMs = int(*s * 1000);
        } else if (arg == "--max-transfer") {
            const auto s = numberIn(value, 0, 86400);
            if (!s)
                return bad("seconds from 0 to 86400");
            parsed.gateway.maxTransferSeconds = *s;
        }
    }
    if (!parsed.help && !parsed.version && parsed.sitesFile.empty()) {
        *error = "--sites FILE.json is required: it says where each partition is";
        return std::nullopt;
    }
    return parsed;
}

} // namespace

int main(int argc, char** argv)
{
    std::string error;
    auto parsed = parseArguments(argc, argv, &error);
    if (!parsed)
        return usageError(error);
    if (parsed->version) {
        std::cout << "cpn-slurm-gateway " CPN_VERSION "\n";
        return 0;
    }
    if (parsed->help) {
        std::cout << kUsage << cpn::server::kServingOptionsHelp << kUsageEnd;
        return 0;
    }
    if (!cpn::server::ApiServer::checkOptions(parsed->server, &error))
        return usageError(error);
    auto config = cpn::gateway::loadSitesFile(parsed->sitesFile, &error);
    if (!config) {
        std::cerr << "cpn-slurm-gateway: " << error << "\n";
        return kUsageError;
    }

    // Block the stop signals in every thread (gRPC's included); this thread takes them with sigwait.
    cpn::server::blockServerSignals();

    cpn::gateway::SlurmEngine engine(std::move(*config), parsed->gateway);
    if (const auto opened = engine.open(&error); opened != cpn::gateway::SlurmEngine::OpenResult::Ok) {
        std::cerr << "cpn-slurm-gateway: " << error << "\n";
        return opened == cpn::gateway::SlurmEngine::OpenResult::BadSites ? kUsageError : 1;
    }
    cpn::server::ApiServer server(engine, parsed->server);
    if (!server.start(&error)) {
        std::cerr << "cpn-slurm-gateway: " << error << "\n";
        return 1;
    }
    engine.startPolling([&server](bool serving) {
        server.setServing(serving);
        std::cerr << "cpn-slurm-gateway: Slurm " << (serving ? "answers again" : "does not answer") << "\n";
    });
    std::cout << "cpn-slurm-gateway listening on " << server.address() << std::endl;

    cpn::server::serveUntilStopped("cpn-slurm-gateway", [&](std::string* why) { return server.reloadTokens(why); });
    engine.stop();
    server.stop();
    return 0;
}
