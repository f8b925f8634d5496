#pragma once
// Parsing "HOST:PORT" listen addresses and telling loopback hosts from the rest.

#include <optional>
#include <string>
#include <string_view>

namespace cpn::server {

struct ListenAddress {
    std::string host; // without brackets for IPv6
    int port = 0; // 0 = pick a free port

    // "host:port", with brackets around an IPv6 host.
    std::string toString(int actualPort) const;
};

// Accepts "host:port", "[v6]:port"; port 0..65535. nullopt when malformed.
std::optional<ListenAddress> parseListenAddress(std::string_view text);

// localhost, 127.0.0.0/8 and ::1.
bool isLoopbackHost(std::string_view host);

} // namespace cpn::server
