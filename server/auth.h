#pragma once
// Bearer-token roles: viewers read state, operators also dispatch.

#include <grpcpp/server_context.h>
#include <grpcpp/support/status.h>

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
};

// Parses "viewer=TOKEN" or "operator=TOKEN"; on failure says why in *error.
std::optional<AccessToken> parseAccessToken(std::string_view text, std::string* error);

// Decodes the "cpn-user" metadata the console sends ("<login>@<host>", ASCII, with UTF-8 bytes
// percent-encoded as %XX); nullopt (and why, in *error) when it is malformed: a bad escape, not
// UTF-8, control characters, empty or longer than kMaxUserNameBytes.
inline constexpr std::size_t kMaxUserNameBytes = 128;
std::optional<std::string> decodeUserName(std::string_view raw, std::string* error);

// How the records name a caller (Migration.requested_by, Alarm.acknowledged_by): "<user> (<role>)"
// when the call carries "cpn-user" metadata, else the role alone. INVALID_ARGUMENT for malformed
// metadata.
grpc::Status callerName(const grpc::ServerContext& context, Role role, std::string* name);

class Authenticator {
public:
    explicit Authenticator(std::vector<AccessToken> tokens);

    // With no token configured every caller is an operator.
    bool isOpen() const { return m_tokens.empty(); }

    // OK (and the caller's role) when the call's "authorization: Bearer <token>" grants `needed`;
    // otherwise UNAUTHENTICATED or PERMISSION_DENIED.
    grpc::Status authorize(const grpc::ServerContext& context, Role needed, Role* granted) const;

private:
    std::vector<AccessToken> m_tokens;
};

} // namespace cpn::server
