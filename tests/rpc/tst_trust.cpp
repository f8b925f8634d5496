// TLS and identities end to end, with certificates made by tools/make-test-certs.sh: the
// console's feed against mock schedulers serving TLS and mutual TLS, each way it can go wrong
// told in words a user can act on; servers refusing plaintext on a network address; token files
// that others may read refused, and read again on SIGHUP without dropping a stream.

#include "mocktesthelpers.h"

#include "apiserver.h"
#include "connectionsettings.h"
#include "mockprocess.h"
#include "mockserver.h"
#include "statefeed.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace cpn;

namespace {

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestTrust : public QObject {
    Q_OBJECT

    QTemporaryDir m_certs;

    QString cert(const char* name) const { return m_certs.filePath(QString::fromLatin1(name)); }

    // A mock scheduler serving TLS with `serverCert` (and requiring client certificates signed by
    // our CA when `mutual`); null when it does not start.
    std::unique_ptr<mock::MockServer> tlsServer(const char* serverCert, bool mutual = false)
    {
        auto options = testing::manualOptions();
        options.serving.tls.certFile = cert(serverCert).toStdString() + ".pem";
        options.serving.tls.keyFile = cert(serverCert).toStdString() + ".key";
        if (mutual)
            options.serving.tls.clientCaFile = cert("ca.pem").toStdString();
        return testing::startServer(options);
    }

    ConnectionSettings settingsFor(const mock::MockServer& server, const char* ca, bool clientCert = false,
        const char* host = "127.0.0.1")
    {
        ConnectionSettings settings;
        settings.target = QStringLiteral("%1:%2").arg(QLatin1String(host)).arg(server.port());
        settings.tls = ca != nullptr;
        if (ca)
            settings.tlsCa = readFile(cert(ca));
        if (clientCert) {
            settings.tlsCert = readFile(cert("client.pem"));
            settings.tlsKey = readFile(cert("client.key"));
        }
        return settings;
    }

    // The feed's error once it has one (it keeps retrying: the message must say why).
    QString feedError(const ConnectionSettings& settings)
    {
        StateFeed feed(settings);
        feed.start();
        if (!QTest::qWaitFor([&] { return !feed.lastError().isEmpty() || feed.state() == ConnectionState::Live; }, 20000))
            return QStringLiteral("neither live nor an error in 20 s");
        return feed.state() == ConnectionState::Live ? QStringLiteral("live") : feed.lastError();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_certs.isValid());
        QProcess make;
        make.setProcessChannelMode(QProcess::MergedChannels);
        make.start(QStringLiteral("bash"), { QStringLiteral(CPN_SOURCE_DIR "/tools/make-test-certs.sh"), m_certs.path() });
        QVERIFY(make.waitForFinished(60000));
        QVERIFY2(make.exitCode() == 0, make.readAll().constData());
    }

    void tlsAndMutualTlsGoLive()
    {
        const auto server = tlsServer("server");
        QVERIFY(server);
        QCOMPARE(feedError(settingsFor(*server, "ca.pem")), QStringLiteral("live"));
        QCOMPARE(feedError(settingsFor(*server, "ca.pem", false, "localhost")), QStringLiteral("live"));
        const auto mutual = tlsServer("server", true);
        QVERIFY(mutual);
        QCOMPARE(feedError(settingsFor(*mutual, "ca.pem", true)), QStringLiteral("live"));
    }

    // Each way TLS goes wrong, in words that say what to fix.
    void failuresSayWhy()
    {
        const auto server = tlsServer("server");
        QVERIFY(server);
        const QString wrongCa = feedError(settingsFor(*server, "other-ca.pem"));
        QVERIFY2(wrongCa.contains(QLatin1String("not signed by the CA")), qPrintable(wrongCa));
        const QString plaintext = feedError(settingsFor(*server, nullptr));
        QVERIFY2(plaintext.contains(QLatin1String("want TLS")), qPrintable(plaintext));

        const auto mutual = tlsServer("server", true);
        QVERIFY(mutual);
        const QString noClientCert = feedError(settingsFor(*mutual, "ca.pem"));
        QVERIFY2(noClientCert.contains(QLatin1String("client certificate")), qPrintable(noClientCert));

        const auto expired = tlsServer("expired");
        QVERIFY(expired);
        const QString expiredError = feedError(settingsFor(*expired, "ca.pem"));
        QVERIFY2(expiredError.contains(QLatin1String("expired")), qPrintable(expiredError));

        const auto wrongHost = tlsServer("wrong-host");
        QVERIFY(wrongHost);
        const QString hostError = feedError(settingsFor(*wrongHost, "ca.pem"));
        QVERIFY2(hostError.contains(QLatin1String("not for")), qPrintable(hostError));

        const auto plain = testing::startManualServer(11);
        QVERIFY(plain);
        const QString tlsToPlain = feedError(settingsFor(*plain, "ca.pem"));
        QVERIFY2(tlsToPlain.contains(QLatin1String("does not speak TLS")), qPrintable(tlsToPlain));
    }

    // Plaintext only on loopback unless told --insecure; TLS files checked before serving.
    void serversRefuseWhatIsUnsafe()
    {
        server::ApiServerOptions options;
        options.tokens = { { server::Role::Operator, "secret" } };
        options.listenAddress = "0.0.0.0:0";
        std::string error;
        QVERIFY(!server::ApiServer::checkOptions(options, &error));
        QVERIFY2(error.find("plaintext") != std::string::npos, error.c_str());
        options.insecure = true;
        QVERIFY2(server::ApiServer::checkOptions(options, &error), error.c_str());
        options.insecure = false;
        options.tls.certFile = cert("server.pem").toStdString();
        QVERIFY(!server::ApiServer::checkOptions(options, &error));
        QVERIFY2(error.find("--tls-key") != std::string::npos, error.c_str());
        options.tls.keyFile = cert("server.key").toStdString();
        QVERIFY2(server::ApiServer::checkOptions(options, &error), error.c_str());
        options.tls.clientCaFile = "/nonexistent/ca.pem";
        QVERIFY(!server::ApiServer::checkOptions(options, &error));
        QVERIFY2(error.find("/nonexistent/ca.pem") != std::string::npos, error.c_str());

        // The executable says so and exits 2.
        QProcess mock;
        mock.start(QStringLiteral(CPN_MOCK_SCHEDULER_PATH),
            { QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"), QStringLiteral("--token"), QStringLiteral("operator=x") });
        QVERIFY(mock.waitForFinished(20000));
        QCOMPARE(mock.exitCode(), 2);
        QVERIFY(mock.readAllStandardError().contains("--insecure"));
    }

    // Others may not read a token file; SIGHUP reads it again and keeps the streams open.
    void tokenFilesAreGuardedAndReloaded()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tokens"));
        auto write = [&](const QByteArray& text, QFile::Permissions permissions) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write(text);
            file.close();
            QVERIFY(file.setPermissions(permissions));
        };
        write("old-secret,li,operator\n", QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        QProcess refused;
        refused.start(QStringLiteral(CPN_MOCK_SCHEDULER_PATH),
            { QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--token-file"), path });
        QVERIFY(refused.waitForFinished(20000));
        QCOMPARE(refused.exitCode(), 2);
        QVERIFY(refused.readAllStandardError().contains("chmod 600"));

        write("old-secret,li,operator\n", QFile::ReadOwner | QFile::WriteOwner);
        MockProcess mock;
        QVERIFY(mock.start(0, { QStringLiteral("--token-file"), path }) > 0);
        ConnectionSettings settings { mock.address(), QStringLiteral("old-secret") };
        StateFeed feed(settings);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(feed.state(), ConnectionState::Live, 30000);
        const int snapshots = feed.snapshotCount();

        write("new-secret,wang,operator\n", QFile::ReadOwner | QFile::WriteOwner);
        QCOMPARE(::kill(pid_t(mock.process().processId()), SIGHUP), 0);
        // The new token works, the old one no longer does...
        QTRY_VERIFY_WITH_TIMEOUT(feedError({ mock.address(), QStringLiteral("new-secret") }) == QLatin1String("live"), 20000);
        const QString old = feedError({ mock.address(), QStringLiteral("old-secret") });
        QVERIFY2(old.contains(QLatin1String("token")), qPrintable(old));
        // ...and the stream opened with the old one was not dropped.
        QTest::qWait(1500);
        QCOMPARE(feed.state(), ConnectionState::Live);
        QCOMPARE(feed.snapshotCount(), snapshots);
        QCOMPARE(feed.resumeCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestTrust)
#include "tst_trust.moc"
