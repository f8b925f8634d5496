#pragma once
// The command-line options every server of the API takes (the mock scheduler, the Slurm
// gateway): where it listens, whose tokens it accepts, and TLS.

#include "apiserver.h"

#include <functional>
#include <string>
#include <string_view>

namespace cpn::server {

// Reads a server's command line one option at a time: "--name value" or "--name=value".
class ArgumentReader {
public:
    ArgumentReader(int argc, char** argv);
    // Moves to the next argument; false at the end.
    bool next();
    std::string_view name() const { return m_name; } // "--listen", "-h", ...
    const char* raw() const { return m_argv[m_index]; } // as typed
    // The option's value: after its '=', else the next argument (taken); false and why when
    // there is none.
    bool value(std::string* out, std::string* error);

private:
    int m_argc;
    char** m_argv;
    int m_index = 0;
    std::string_view m_name;
    std::string m_inlineValue;
    bool m_hasInlineValue = false;
};

enum class OptionUse { NotMine, Used, Bad };

// Takes the reader's option if it is a serving option (--listen, --token, --token-file, --tls-*,
// --insecure). Bad: *error says what is wrong.
OptionUse takeServingOption(ArgumentReader& arguments, ApiServerOptions& options, std::string* error);

// Blocks SIGINT, SIGTERM and SIGHUP in this thread and every thread started after it (gRPC's
// included): call first in main, then serveUntilStopped() takes them with sigwait.
void blockServerSignals();
// Waits for SIGINT or SIGTERM; on each SIGHUP calls `reloadTokens` and says what came of it on
// stderr, prefixed with `program`. Returns the signal that stopped it.
int serveUntilStopped(const char* program, const std::function<bool(std::string*)>& reloadTokens);

// Their --help lines, in the style of both executables' usage texts.
extern const char* const kServingOptionsHelp;

} // namespace cpn::server
