#pragma once
// A loopback TCP proxy the test can cut, to break connections the way a network does.

#include <QList>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

class TcpProxy : public QObject {
public:
    explicit TcpProxy(quint16 upstreamPort)
        : m_upstreamPort(upstreamPort)
    {
        connect(&m_server, &QTcpServer::newConnection, this, &TcpProxy::accept);
        m_server.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server.serverPort(); }
    int connectionCount() const { return m_accepted; }

    // Aborts every connection through the proxy, as a network failure would.
    void cutAll()
    {
        for (const auto& s : std::as_const(m_sockets)) {
            if (s)
                s->abort();
        }
        m_sockets.clear();
    }

    // Down: every connection is cut and new ones are refused (accepted and reset at once), as
    // while a network is down; up again: connections pass.
    void setDown(bool down)
    {
        m_down = down;
        if (down)
            cutAll();
    }

private:
    void accept()
    {
        while (QTcpSocket* client = m_server.nextPendingConnection()) {
            if (m_down) {
                client->abort();
                client->deleteLater();
                continue;
            }
            ++m_accepted;
            auto* upstream = new QTcpSocket(this);
            client->setParent(this);
            upstream->connectToHost(QHostAddress::LocalHost, m_upstreamPort);
            pipe(client, upstream);
            pipe(upstream, client);
            m_sockets << client << upstream;
        }
    }

    void pipe(QTcpSocket* from, QTcpSocket* to)
    {
        QPointer<QTcpSocket> target(to);
        connect(from, &QTcpSocket::readyRead, this, [from, target] {
            if (target && target->state() != QAbstractSocket::UnconnectedState)
                target->write(from->readAll());
        });
        // Bytes written before the upstream connects are buffered by QTcpSocket.
        connect(from, &QTcpSocket::disconnected, this, [target] {
            if (target)
                target->disconnectFromHost();
        });
    }

    QTcpServer m_server;
    quint16 m_upstreamPort;
    QList<QPointer<QTcpSocket>> m_sockets;
    int m_accepted = 0;
    bool m_down = false;
};
