#include "listenaddress.h"

#include <arpa/inet.h>

#include <charconv>

namespace cpn::server {

std::string ListenAddress::toString(int actualPort) const
{
    const bool v6 = host.find(':') != std::string::npos;
    return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(actualPort);
}

std::optional<ListenAddress> parseListenAddress(std::string_view text)
{
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 >= text.size())
        return std::nullopt;
    std::string_view host = text.substr(0, colon);
    const std::string_view portText = text.substr(colon + 1);
    if (host.front() == '[') {
        if (host.size() < 3 || host.back() != ']')
            return std::nullopt;
        host = host.substr(1, host.size() - 2);
    } else if (host.find(':') != std::string_view::npos) {
        return std::nullopt; // IPv6 without brackets
    }
    int port = -1;
    const auto [end, error] = std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (error != std::errc() || end != portText.data() + portText.size() || port < 0 || port > 65535)
        return std::nullopt;
    for (char c : host)
        if (c == ' ' || c == '/' || c == '\t')
            return std::nullopt;
    return ListenAddress { std::string(host), port };
}

bool isLoopbackHost(std::string_view host)
{
    if (host == "localhost")
        return true;
    const std::string text(host);
    in_addr v4 {};
    if (inet_pton(AF_INET, text.c_str(), &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6 {};
    if (inet_pton(AF_INET6, text.c_str(), &v6) == 1)
        return IN6_IS_ADDR_LOOPBACK(&v6);
    return false;
}

} // namespace cpn::server
