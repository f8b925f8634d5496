#pragma once
// Where the scheduler is and how to authenticate to it.

#include <QByteArray>
#include <QString>

#include <string>

#include <memory>

namespace grpc {
class Channel;
class ClientContext;
}

namespace cpn {

struct ConnectionSettings {
    QString target = QStringLiteral("127.0.0.1:50051"); // host:port
    QString token; // bearer token; empty = none
    // TLS, when on: the CA that signed the server's certificate (PEM; empty = the system's), and
    // for mutual TLS this console's certificate and key (PEM).
    bool tls = false;
    QByteArray tlsCa {}; // the `{}`s keep { target, token } initialisers -Wextra clean
    QByteArray tlsCert {};
    QByteArray tlsKey {};
    // The platform's name when the console has several (ids are qualified by it inside the
    // console, see platformscope.h); empty for the console's one unnamed platform.
    QString platform {};
};

// Channels of the same settings share their connection (the feed's, the commands', the
// history's); `ownConnection` makes one of its own, to replace a connection that is stuck.
std::shared_ptr<grpc::Channel> makeChannel(const ConnectionSettings& settings, bool ownConnection = false);
// A failed call's cause in the interface language when the transport explains it (TLS: an
// untrusted or expired certificate, one for another name, a client certificate missing,
// plaintext against TLS or the other way round); otherwise the server's own words with the
// code. Never empty. `everConnected`: a call on this connection succeeded before, so a closed
// socket is a server going away, not a TLS mismatch. With a TLS verification failure it makes
// a handshake of its own (seconds at most): never call it on the GUI thread. `refused`, when
// given, says whether the server turned this console away (its token, or TLS), which waiting
// does not fix.
QString describeFailure(int code, const std::string& message, const ConnectionSettings& settings, bool everConnected,
    bool* refused = nullptr);
// Adds the bearer token to a call's metadata.
void authorize(grpc::ClientContext& context, const ConnectionSettings& settings);

} // namespace cpn
