#pragma once
// A real server process (cpn-mock-scheduler, cpn-slurm-gateway) on a loopback port, for
// integration tests.

#include <QProcess>
#include <QRegularExpression>
#include <QTest>

class ServerProcess {
public:
    explicit ServerProcess(QString program)
    {
        m_process.setProgram(program);
    }
    ~ServerProcess() { stop(); }

    // Starts the server; port 0 lets it choose. Returns the port it listens on, or 0.
    int start(int port = 0, QStringList extraArgs = {})
    {
        m_process.setArguments(QStringList { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port) }
            + extraArgs);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return 0;
        static const QRegularExpression listening(QStringLiteral("listening on [^:]+:(\\d+)"));
        QByteArray out;
        for (int i = 0; i < 300 && m_process.state() == QProcess::Running; ++i) {
            m_process.waitForReadyRead(100);
            out += m_process.readAllStandardOutput();
            if (const auto match = listening.match(QString::fromUtf8(out)); match.hasMatch())
                return m_port = match.captured(1).toInt();
        }
        return 0;
    }

    void kill()
    {
        m_process.kill();
        m_process.waitForFinished(10000);
    }

    // SIGTERM and wait: the server must stop cleanly.
    int stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return m_process.exitCode();
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished(5000);
            return -1;
        }
        return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1;
    }

    int port() const { return m_port; }
    QString address() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QProcess& process() { return m_process; }

private:
    QProcess m_process;
    int m_port = 0;
};

#ifdef CPN_MOCK_SCHEDULER_PATH
class MockProcess : public ServerProcess {
public:
    MockProcess()
        : ServerProcess(QStringLiteral(CPN_MOCK_SCHEDULER_PATH))
    { }

    // A seeded scheduler whose clock runs a simulated minute a second and whose migrations do not fail.
    static QStringList reliableArgs(int seed = 7)
    {
        return { QStringLiteral("--seed"), QString::number(seed), QStringLiteral("--time-scale"), QStringLiteral("60"),
            QStringLiteral("--failure-rate"), QStringLiteral("0") };
    }
};
#endif
