#pragma once
// The command-line options every server of the API takes (the mock scheduler, the Slurm
// gateway): where it listens, whose tokens it accepts, and TLS.

#include "apiserver.h"

#include <functional>
#include <string>
#include <string_view>

namespace cpn::server {

enum class OptionUse { NotMine, Used, Bad };

// Takes `name` (e.g. "--listen") if it is a serving option; `value` fetches its value (false
// when there is none: it has said why in *error). Bad: *error says what is wrong.
OptionUse takeServingOption(std::string_view name, const std::function<bool(std::string*)>& value,
    ApiServerOptions& options, std::string* error);

// Their --help lines, in the style of both executables' usage texts.
extern const char* const kServingOptionsHelp;

} // namespace cpn::server
