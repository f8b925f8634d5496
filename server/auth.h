#pragma once
// Bearer-token roles: viewers read state, operators also dispatch.

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cpn::server {

enum class Role { Viewer, Operator };

const char* roleName(Role role);

struct AccessToken {
    Role role = Role::Viewer;
    std::string token;
    // Who holds it (a token file says); empty when only the role is known. Its `{}` keeps
    // { role, token } initialisers -Wextra clean.
    std::string user {};
};

// Parses "viewer=TOKEN" or "operator=TOKEN"; on failure says why in *error.
std::optional<AccessToken> parseAccessToken(std::string_view text, std::string* error);

// Parses a token file: one "token,user,role" per line (as kube-apiserver's static token file,
// with our roles), blank lines and lines starting with '#' skipped. nullopt, and why with the
// line number in *error, when a line is malformed.
std::optional<std::vector<AccessToken>> parseTokenFile(std::string_view text, std::string* error);
// Reads and parses a token file; nullopt and why when it cannot be read, is readable or
// writable by others (a token is a password), is malformed or holds no token.
std::optional<std::vector<AccessToken>> loadTokenFile(const std::string& path, std::string* error);

// Who a call comes from, as its token says.
struct Caller {
    Role role = Role::Operator;
    std::string user; // the token's user; empty when the token names none (or no token is needed)
};

// Decodes the "cpn-user" metadata the console sends ("<login>@<host>", ASCII, with UTF-8 bytes
// percent-encoded as %XX); nullopt (and why, in *error) when it is malformed: a bad escape, not
// UTF-8, control characters, empty or longer than kMaxUserNameBytes.
inline constexpr std::size_t kMaxUserNameBytes = 128;
std::optional<std::string> decodeUserName(std::string_view raw, std::string* error);

// How the records name a caller (Migration.requested_by, Alarm.acknowledged_by): "<user> (<role>)"
// with the token's user when it names one (a client cannot claim another's name then), else
// with the user of the call's "cpn-user" metadata, else the role alone. INVALID_ARGUMENT for
// malformed metadata.
grpc::Status callerName(const grpc::ServerContext& context, const Caller& caller, std::string* name);

class Authenticator {
public:
    explicit Authenticator(std::vector<AccessToken> tokens);

    // With no token configured every caller is an operator.
    bool isOpen() const { return tokens()->empty(); }
    // The tokens from now on (a token file read again); calls already admitted go on.
    void setTokens(std::vector<AccessToken> tokens);

    // OK (and who calls) when the call's "authorization: Bearer <token>" grants `needed`;
    // otherwise UNAUTHENTICATED or PERMISSION_DENIED.
    grpc::Status authorize(const grpc::ServerContext& context, Role needed, Caller* caller) const;
    grpc::Status authorize(const grpc::ServerContext& context, Role needed, Role* granted) const;

private:
    std::shared_ptr<const std::vector<AccessToken>> tokens() const;

    mutable std::mutex m_mutex;
    std::shared_ptr<const std::vector<AccessToken>> m_tokens;
};

} // namespace cpn::server
