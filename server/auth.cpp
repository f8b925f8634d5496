#include "auth.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include <sys/stat.h>

namespace cpn::server {

namespace {

// Compares without stopping at the first difference, so timing does not reveal a token's prefix.
bool sameSecret(std::string_view a, std::string_view b)
{
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a[i] ^ (i < b.size() ? b[i] : 0));
    return diff == 0;
}

} // namespace

const char* roleName(Role role)
{
    return role == Role::Operator ? "operator" : "viewer";
}

std::optional<AccessToken> parseAccessToken(std::string_view text, std::string* error)
{
    const auto eq = text.find('=');
    if (eq == std::string_view::npos) {
        if (error)
            *error = "expected ROLE=TOKEN, got '" + std::string(text) + "'";
        return std::nullopt;
    }
    const std::string_view role = text.substr(0, eq);
    const std::string_view token = text.substr(eq + 1);
    AccessToken result;
    if (role == "viewer") {
        result.role = Role::Viewer;
    } else if (role == "operator") {
        result.role = Role::Operator;
    } else {
        if (error)
            *error = "unknown role '" + std::string(role) + "' (roles: viewer, operator)";
        return std::nullopt;
    }
    if (token.empty() || std::any_of(token.begin(), token.end(), [](char c) {
            return std::isspace(static_cast<unsigned char>(c)) || std::iscntrl(static_cast<unsigned char>(c));
        })) {
        if (error)
            *error = "the token for role '" + std::string(role) + "' is empty or contains spaces";
        return std::nullopt;
    }
    result.token = std::string(token);
    return result;
}

std::optional<std::vector<AccessToken>> parseTokenFile(std::string_view text, std::string* error)
{
    auto trimmed = [](std::string_view field) {
        while (!field.empty() && std::isspace(static_cast<unsigned char>(field.front())))
            field.remove_prefix(1);
        while (!field.empty() && std::isspace(static_cast<unsigned char>(field.back())))
            field.remove_suffix(1);
        return field;
    };
    std::vector<AccessToken> tokens;
    int number = 0;
    while (!text.empty()) {
        const auto end = text.find('\n');
        const std::string_view line = trimmed(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        ++number;
        if (line.empty() || line.front() == '#')
            continue;
        auto fail = [&](const std::string& why) {
            if (error)
                *error = "line " + std::to_string(number) + ": " + why;
            return std::nullopt;
        };
        std::vector<std::string_view> fields;
        for (std::size_t from = 0;;) {
            const auto comma = line.find(',', from);
            fields.push_back(trimmed(line.substr(from, comma == std::string_view::npos ? comma : comma - from)));
            if (comma == std::string_view::npos)
                break;
            from = comma + 1;
        }
        if (fields.size() != 3)
            return fail("expected token,user,role");
        std::string why;
        auto token = parseAccessToken(std::string(fields[2]) + "=" + std::string(fields[0]), &why);
        if (!token)
            return fail(why);
        const std::string_view user = fields[1];
        if (user.empty() || user.size() > kMaxUserNameBytes || std::any_of(user.begin(), user.end(), [](char c) {
                return static_cast<unsigned char>(c) < 0x20 || c == 0x7F;
            }))
            return fail("the user is empty, longer than " + std::to_string(kMaxUserNameBytes)
                + " bytes or has control characters");
        token->user = std::string(user);
        tokens.push_back(std::move(*token));
    }
    return tokens;
}

std::optional<std::vector<AccessToken>> loadTokenFile(const std::string& path, std::string* error)
{
    std::ifstream file(path);
    struct stat info {};
    if (!file || stat(path.c_str(), &info) != 0) {
        *error = "cannot read it";
        return std::nullopt;
    }
    if (info.st_mode & (S_IROTH | S_IWOTH)) {
        *error = "others may read or change it, and its tokens are passwords: chmod 600 " + path;
        return std::nullopt;
    }
    std::stringstream text;
    text << file.rdbuf();
    auto tokens = parseTokenFile(text.str(), error);
    if (tokens && tokens->empty()) {
        *error = "it holds no token";
        return std::nullopt;
    }
    return tokens;
}

std::optional<std::string> decodeUserName(std::string_view raw, std::string* error)
{
    auto fail = [&](const std::string& why) {
        if (error)
            *error = "malformed cpn-user metadata: " + why;
        return std::nullopt;
    };
    auto hex = [](char c) {
        if (c >= '0' && c <= '9')
            return c - '0';
        c = char(std::tolower(static_cast<unsigned char>(c)));
        return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    };
    std::string name;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '%') {
            name.push_back(raw[i]);
            continue;
        }
        const int high = i + 2 < raw.size() ? hex(raw[i + 1]) : -1;
        const int low = i + 2 < raw.size() ? hex(raw[i + 2]) : -1;
        if (high < 0 || low < 0)
            return fail("'%' must be followed by two hex digits");
        name.push_back(char(high * 16 + low));
        i += 2;
    }
    if (name.empty())
        return fail("empty; expected <login>@<host>");
    if (name.size() > kMaxUserNameBytes)
        return fail("longer than " + std::to_string(kMaxUserNameBytes) + " bytes");
    // UTF-8 without control characters.
    for (std::size_t i = 0; i < name.size();) {
        const auto c = static_cast<unsigned char>(name[i]);
        const std::size_t length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > name.size())
            return fail("not UTF-8");
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(name[i + k]) & 0xC0) != 0x80)
                return fail("not UTF-8");
        if (c < 0x20 || c == 0x7F)
            return fail("control characters");
        i += length;
    }
    return name;
}

grpc::Status callerName(const grpc::ServerContext& context, const Caller& caller, std::string* name)
{
    const Role role = caller.role;
    if (!caller.user.empty()) {
        *name = caller.user + " (" + roleName(role) + ")";
        return grpc::Status::OK;
    }
    const auto& metadata = context.client_metadata();
    const auto it = metadata.find("cpn-user");
    if (it == metadata.end()) {
        *name = roleName(role);
        return grpc::Status::OK;
    }
    std::string error;
    const auto user = decodeUserName(std::string_view(it->second.data(), it->second.size()), &error);
    if (!user)
        return { grpc::StatusCode::INVALID_ARGUMENT, error };
    *name = *user + " (" + roleName(role) + ")";
    return grpc::Status::OK;
}

Authenticator::Authenticator(std::vector<AccessToken> tokens)
    : m_tokens(std::make_shared<const std::vector<AccessToken>>(std::move(tokens)))
{ }

void Authenticator::setTokens(std::vector<AccessToken> tokens)
{
    auto fresh = std::make_shared<const std::vector<AccessToken>>(std::move(tokens));
    std::lock_guard lock(m_mutex);
    m_tokens = std::move(fresh);
}

std::shared_ptr<const std::vector<AccessToken>> Authenticator::tokens() const
{
    std::lock_guard lock(m_mutex);
    return m_tokens;
}

grpc::Status Authenticator::authorize(const grpc::ServerContext& context, Role needed, Role* granted) const
{
    Caller caller;
    auto status = authorize(context, needed, &caller);
    if (status.ok())
        *granted = caller.role;
    return status;
}

grpc::Status Authenticator::authorize(const grpc::ServerContext& context, Role needed, Caller* caller) const
{
    const auto tokens = this->tokens();
    if (tokens->empty()) {
        *caller = { Role::Operator, {} };
        return grpc::Status::OK;
    }
    const auto& metadata = context.client_metadata();
    const auto it = metadata.find("authorization");
    if (it == metadata.end())
        return { grpc::StatusCode::UNAUTHENTICATED, "missing 'authorization: Bearer <token>' metadata" };
    const std::string_view value(it->second.data(), it->second.size());
    constexpr std::string_view kScheme = "bearer ";
    if (value.size() <= kScheme.size()
        || !std::equal(kScheme.begin(), kScheme.end(), value.begin(),
            [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); }))
        return { grpc::StatusCode::UNAUTHENTICATED, "the authorization metadata is not 'Bearer <token>'" };
    const std::string_view token = value.substr(kScheme.size());
    const AccessToken* match = nullptr;
    for (const auto& candidate : *tokens)
        if (sameSecret(candidate.token, token) && (!match || candidate.role == Role::Operator))
            match = &candidate;
    if (!match)
        return { grpc::StatusCode::UNAUTHENTICATED, "unknown token" };
    if (needed == Role::Operator && match->role != Role::Operator)
        return { grpc::StatusCode::PERMISSION_DENIED, "the viewer role may read state but not dispatch" };
    *caller = { match->role, match->user };
    return grpc::Status::OK;
}

} // namespace cpn::server
