// cpn-mock-scheduler: the mock scheduler as a stand-alone gRPC server.

#include "apiserver.h"
#include "servingoptions.h"
#include "mockserver.h"
#include "scenario.h"

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace {

constexpr int kUsageError = 2;

const char* const kUsage = R"(Usage: cpn-mock-scheduler [options]

Serves a simulated national computing power network over the CPN gRPC API
(cpn.v1.StateService and cpn.v1.DispatchService, plus gRPC health and reflection).

Options:
  --listen ADDR:PORT   address to serve on (default 127.0.0.1:50051; port 0 picks a free one)
  --seed N             random seed; the same seed gives the same network (default 1)
  --scale NAME         national (about 300 sites), large (2,000) or huge (10,000); default national
  --time-scale X       simulated seconds per wall second (default 10: a typical migration
                       then takes tens of seconds)
  --failure-rate X     share of migrations that fail part-way and roll back, 0..1 (default 0.05)
  --scenario NAME      what happens on the network: normal (default), peak, hub-outage,
                       link-cut or green-surplus (below)
  --help               show this help and exit
  --version            show the version and exit
)";

const char* const kUsageEnd = R"(
Prints "cpn-mock-scheduler listening on HOST:PORT" once it serves; stops on SIGINT/SIGTERM.

)";

int usageError(const std::string& message)
{
    std::cerr << "cpn-mock-scheduler: " << message << "\nTry 'cpn-mock-scheduler --help'.\n";
    return kUsageError;
}

struct Parsed {
    cpn::mock::MockServerOptions options;
    bool help = false;
    bool version = false;
};

// Parses the command line; on error returns nullopt with the message in *error.
std::optional<Parsed> parseArguments(int argc, char** argv, std::string* error)
{
    Parsed parsed;
    parsed.options.serving.listenAddress = "127.0.0.1:50051";
    cpn::server::ArgumentReader arguments(argc, argv);
    while (arguments.next()) {
        const std::string_view arg = arguments.name();
        std::string value;
        auto takeValue = [&] { return arguments.value(&value, error); };
        const auto serving = cpn::server::takeServingOption(arguments, parsed.options.serving, error);
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
        } else if (arg == "--seed") {
            if (!takeValue())
                return std::nullopt;
            char* end = nullptr;
            errno = 0;
            const unsigned long long seed = std::strtoull(value.c_str(), &end, 10);
            if (value.empty() || value[0] == '-' || *end != '\0' || errno != 0) {
                *error = "bad --seed '" + value + "': expected a non-negative integer";
                return std::nullopt;
            }
            parsed.options.seed = seed;
        } else if (arg == "--scale") {
            if (!takeValue())
                return std::nullopt;
            const auto scale = cpn::mock::parseScale(value);
            if (!scale) {
                *error = "bad --scale '" + value + "': expected national, large or huge";
                return std::nullopt;
            }
            parsed.options.scale = *scale;
        } else if (arg == "--time-scale") {
            if (!takeValue())
                return std::nullopt;
            char* end = nullptr;
            const double scale = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(scale > 0) || scale > 1e6) {
                *error = "bad --time-scale '" + value + "': expected a number above 0 (at most 1e6)";
                return std::nullopt;
            }
            parsed.options.timeScale = scale;
        } else if (arg == "--failure-rate") {
            if (!takeValue())
                return std::nullopt;
            char* end = nullptr;
            const double rate = std::strtod(value.c_str(), &end);
            if (value.empty() || *end != '\0' || !(rate >= 0 && rate <= 1)) {
                *error = "bad --failure-rate '" + value + "': expected a ratio from 0 to 1";
                return std::nullopt;
            }
            parsed.options.migrationFailureRate = rate;
        } else if (arg == "--scenario") {
            if (!takeValue())
                return std::nullopt;
            if (!cpn::mock::parseScenario(value)) {
                std::string known;
                for (const auto& name : cpn::mock::scenarioNames())
                    known += (known.empty() ? "" : ", ") + name;
                *error = "unknown --scenario '" + value + "': expected one of " + known;
                return std::nullopt;
            }
            parsed.options.scenario = value;
        } else {
            *error = "unknown argument '" + std::string(arguments.raw()) + "'";
            return std::nullopt;
        }
    }
    return parsed;
}

} // namespace

int main(int argc, char** argv)
{
    std::string error;
    const auto parsed = parseArguments(argc, argv, &error);
    if (!parsed)
        return usageError(error);
    if (parsed->version) {
        std::cout << "cpn-mock-scheduler " CPN_VERSION "\n";
        return 0;
    }
    if (parsed->help) {
        std::cout << kUsage << cpn::server::kServingOptionsHelp << kUsageEnd << cpn::mock::scenarioHelp();
        return 0;
    }
    if (!cpn::server::ApiServer::checkOptions(parsed->options.serving, &error))
        return usageError(error);

    // Block the stop signals in every thread (gRPC's included); this thread takes them with sigwait.
    cpn::server::blockServerSignals();

    cpn::mock::MockServer server(parsed->options);
    if (!server.start(&error)) {
        std::cerr << "cpn-mock-scheduler: " << error << "\n";
        return 1;
    }
    std::cout << "cpn-mock-scheduler listening on " << server.address() << std::endl;

    cpn::server::serveUntilStopped("cpn-mock-scheduler", [&](std::string* why) { return server.reloadTokens(why); });
    server.stop();
    return 0;
}
