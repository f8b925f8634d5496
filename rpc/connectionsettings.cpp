#include "connectionsettings.h"

#include <QCoreApplication>
#include <QSslConfiguration>
#include <QSslSocket>

#include <grpcpp/client_context.h>
#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>
#include <grpcpp/support/channel_arguments.h>

namespace cpn {

std::shared_ptr<grpc::Channel> makeChannel(const ConnectionSettings& settings, bool ownConnection)
{
    grpc::ChannelArguments args;
    // Messages stay within gRPC's default 4 MB (the API sends large answers in parts): a server
    // cannot make the console take in more at once.
    // Notice a dead peer on a quiet connection. gRPC servers by default refuse pings more often
    // than one per 5 minutes *without data* (GOAWAY "too_many_pings"); the Watch stream shares
    // this connection and its server sends a heartbeat every 5 s, so there is always data, and
    // without any call no ping is sent at all (keepalive_permit_without_calls stays 0).
    args.SetInt(GRPC_ARG_KEEPALIVE_TIME_MS, 20000);
    args.SetInt(GRPC_ARG_KEEPALIVE_TIMEOUT_MS, 10000);
    args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
    if (ownConnection)
        args.SetInt(GRPC_ARG_USE_LOCAL_SUBCHANNEL_POOL, 1);
    args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 250);
    std::shared_ptr<grpc::ChannelCredentials> credentials = grpc::InsecureChannelCredentials();
    if (settings.tls) {
        grpc::SslCredentialsOptions ssl;
        ssl.pem_root_certs = settings.tlsCa.toStdString();
        ssl.pem_cert_chain = settings.tlsCert.toStdString();
        ssl.pem_private_key = settings.tlsKey.toStdString();
        credentials = grpc::SslCredentials(ssl);
    }
    return grpc::CreateCustomChannel(settings.target.toStdString(), credentials, args);
}

namespace {

// gRPC says only "certificate verify failed": a handshake of our own with the same trust says
// why (blocking, a few seconds at most: called on the feed's thread, never the GUI's).
QString whyCertificateFails(const ConnectionSettings& settings)
{
    const int colon = int(settings.target.lastIndexOf(QLatin1Char(':')));
    QString host = settings.target.left(colon);
    if (host.startsWith(QLatin1Char('[')))
        host = host.mid(1, host.size() - 2);
    const quint16 port = settings.target.mid(colon + 1).toUShort();
    QSslSocket socket;
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    if (!settings.tlsCa.isEmpty())
        config.setCaCertificates(QSslCertificate::fromData(settings.tlsCa, QSsl::Pem));
    socket.setSslConfiguration(config);
    socket.connectToHostEncrypted(host, port);
    socket.waitForEncrypted(2000); // the server's certificate is all it needs: no client certificate
    for (const QSslError& e : socket.sslHandshakeErrors()) {
        switch (e.error()) {
        case QSslError::CertificateExpired:
            return QCoreApplication::translate("cpn::Connection", "TLS: the server's certificate has expired");
        case QSslError::CertificateNotYetValid:
            return QCoreApplication::translate("cpn::Connection", "TLS: the server's certificate is not valid yet");
        case QSslError::HostNameMismatch:
            return QCoreApplication::translate("cpn::Connection", "TLS: the server's certificate is not for %1")
                .arg(settings.target);
        default:
            break;
        }
    }
    return QCoreApplication::translate("cpn::Connection",
        "TLS: the server's certificate is not signed by the CA this console trusts (--tls-ca)");
}

} // namespace

QString describeFailure(int code, const std::string& message, const ConnectionSettings& settings, bool everConnected,
    bool* refused)
{
    // The server turned this console away: its token, or TLS on either side.
    const auto turnedAway = [refused](bool away) {
        if (refused)
            *refused = away;
    };
    turnedAway(true);
    const QString text = QString::fromStdString(message);
    auto has = [&](const char* s) { return text.contains(QLatin1String(s), Qt::CaseInsensitive); };
    if (settings.tls) {
        if (has("CERTIFICATE_VERIFY_FAILED") || has("certificate verify failed"))
            return whyCertificateFails(settings);
        if (has("Peer name") || has("hostname") || has("not in peer certificate"))
            return QCoreApplication::translate("cpn::Connection", "TLS: the server's certificate is not for %1")
                .arg(settings.target);
        if (has("WRONG_VERSION_NUMBER") || has("wrong version number") || has("PACKET_LENGTH_TOO_LONG")
            || has("http_request"))
            return QCoreApplication::translate("cpn::Connection",
                "TLS: the server does not speak TLS (is it a plaintext server?)");
        // A server that wants a client certificate and gets none (or one it does not trust)
        // closes the connection during the handshake.
        if (has("CERTIFICATE_REQUIRED") || has("HANDSHAKE_FAILURE") || has("certificate required")
            || (!everConnected && (has("Socket closed") || has("Connection reset"))))
            return QCoreApplication::translate("cpn::Connection",
                "TLS: the server wants a client certificate this console does not have, or does not accept it "
                "(--tls-cert, --tls-key)");
        if (has("handshake") || has("SSL"))
            return QCoreApplication::translate("cpn::Connection", "TLS: the handshake with the server failed");
    }
    if (!settings.tls && code == int(grpc::StatusCode::UNAVAILABLE) && !everConnected
        && (has("Socket closed") || has("Connection reset") || has("Broken pipe") || has("FD shutdown")
            || (has("failed to connect to all addresses") && has("closed")))) {
        return QCoreApplication::translate("cpn::Connection",
            "The server closed the connection at once: does it want TLS (--tls-ca)?");
    }
    turnedAway(code == int(grpc::StatusCode::UNAUTHENTICATED) || code == int(grpc::StatusCode::PERMISSION_DENIED));
    if (code == int(grpc::StatusCode::UNAUTHENTICATED))
        return QCoreApplication::translate("cpn::Connection", "The server does not accept this console's token");
    if (code == int(grpc::StatusCode::UNAVAILABLE) && has("Connection refused"))
        return QCoreApplication::translate("cpn::Connection", "Nothing answers at %1").arg(settings.target);
    return QStringLiteral("%1 (gRPC %2)").arg(text.left(300)).arg(code);
}

void authorize(grpc::ClientContext& context, const ConnectionSettings& settings)
{
    if (!settings.token.isEmpty())
        context.AddMetadata("authorization", "Bearer " + settings.token.toStdString());
}

} // namespace cpn
