#include "servingoptions.h"

#include "listenaddress.h"

#include <csignal>
#include <iostream>

namespace cpn::server {

const char* const kServingOptionsHelp = R"(  --token ROLE=TOKEN   accept "authorization: Bearer TOKEN" for ROLE (viewer or operator);
                       repeatable. Without any token everyone is operator and only loopback
                       addresses are allowed.
  --token-file FILE    accept the tokens of FILE, one "token,user,role" per line (as
                       kube-apiserver's token file); commands record the token's user. The
                       file must not be readable by others; SIGHUP reads it again.
  --tls-cert FILE      serve TLS with this certificate (PEM; with --tls-key)
  --tls-key FILE       the certificate's private key (PEM)
  --tls-client-ca FILE mutual TLS: accept only clients with a certificate signed by this CA
  --insecure           allow plaintext on an address other machines can reach (without it, a
                       non-loopback address needs TLS)
)";

ArgumentReader::ArgumentReader(int argc, char** argv)
    : m_argc(argc)
    , m_argv(argv)
{ }

bool ArgumentReader::next()
{
    if (++m_index >= m_argc)
        return false;
    m_name = m_argv[m_index];
    m_hasInlineValue = false;
    if (const auto eq = m_name.find('='); m_name.starts_with("--") && eq != std::string_view::npos) {
        m_inlineValue = std::string(m_name.substr(eq + 1));
        m_name = m_name.substr(0, eq);
        m_hasInlineValue = true;
    }
    return true;
}

bool ArgumentReader::value(std::string* out, std::string* error)
{
    if (m_hasInlineValue) {
        *out = m_inlineValue;
        return true;
    }
    if (m_index + 1 >= m_argc) {
        *error = "option " + std::string(m_name) + " needs a value";
        return false;
    }
    *out = m_argv[++m_index];
    return true;
}

namespace {

sigset_t serverSignals()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    return set;
}

} // namespace

void blockServerSignals()
{
    const sigset_t set = serverSignals();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

int serveUntilStopped(const char* program, const std::function<bool(std::string*)>& reloadTokens)
{
    const sigset_t set = serverSignals();
    int signal = 0;
    while (sigwait(&set, &signal) == 0 && signal == SIGHUP) {
        // The token files again; connections and streams go on.
        std::string error;
        if (reloadTokens(&error))
            std::cerr << program << ": SIGHUP, token files read again\n";
        else
            std::cerr << program << ": SIGHUP, token files not read again (" << error << "); the old tokens stay\n";
    }
    std::cerr << program << ": " << (signal == SIGINT ? "SIGINT" : "SIGTERM") << ", stopping\n";
    return signal;
}

OptionUse takeServingOption(ArgumentReader& arguments, ApiServerOptions& options, std::string* error)
{
    const std::string_view name = arguments.name();
    std::string text;
    if (name == "--insecure") {
        options.insecure = true;
        return OptionUse::Used;
    }
    if (name != "--listen" && name != "--token" && name != "--token-file" && name != "--tls-cert"
        && name != "--tls-key" && name != "--tls-client-ca")
        return OptionUse::NotMine;
    if (!arguments.value(&text, error))
        return OptionUse::Bad;
    const std::string option(name);
    if (name == "--listen") {
        if (!parseListenAddress(text)) {
            *error = "bad --listen '" + text + "': expected HOST:PORT with a port in 0..65535";
            return OptionUse::Bad;
        }
        options.listenAddress = text;
    } else if (name == "--token") {
        std::string why;
        const auto token = parseAccessToken(text, &why);
        if (!token) {
            *error = "bad --token: " + why;
            return OptionUse::Bad;
        }
        options.tokens.push_back(*token);
        options.givenTokens.push_back(*token);
    } else if (name == "--token-file") {
        std::string why;
        const auto tokens = loadTokenFile(text, &why);
        if (!tokens) {
            *error = "bad --token-file '" + text + "': " + why;
            return OptionUse::Bad;
        }
        options.tokens.insert(options.tokens.end(), tokens->begin(), tokens->end());
        options.tokenFiles.push_back(text);
    } else if (name == "--tls-cert") {
        options.tls.certFile = text;
    } else if (name == "--tls-key") {
        options.tls.keyFile = text;
    } else {
        options.tls.clientCaFile = text;
    }
    return OptionUse::Used;
}

} // namespace cpn::server
