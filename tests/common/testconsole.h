#pragma once
// The console as main() builds it, for the app's tests: a session on a command journal of the
// test's own, its main window shown, the connection started.

#include "consolesession.h"
#include "mainwindow.h"
#include "networkstate.h"
#include "tasktablemodel.h"

#include <QTemporaryDir>
#include <QTest>

#include <memory>

struct TestConsole {
    // `journal`: the journal's file (one a test wrote before); empty: a new one in a temporary folder.
    explicit TestConsole(const QString& address, const QString& token = {}, const QString& journal = {})
        : TestConsole(QList<cpn::ConnectionSettings> { { address, token } }, journal)
    {
    }
    // Several platforms (each named by its settings' `platform`), journalled by name.
    explicit TestConsole(const QList<cpn::ConnectionSettings>& platforms, const QString& journal = {})
    {
        const QString path = journal.isEmpty() ? journalDir.filePath(QStringLiteral("journal.sqlite")) : journal;
        for (const cpn::ConnectionSettings& settings : platforms)
            session.addPlatform(settings, path);
        window = std::make_unique<cpn::MainWindow>(&session);
        window->resize(1400, 900);
        window->show();
        session.start();
    }
    ~TestConsole() { window.reset(); } // before the session it shows

    // Until the snapshot, every task and the caller's role are in; false after `timeoutMs`.
    bool waitForLiveData(int timeoutMs = 30000) const
    {
        return QTest::qWaitFor([this] { return session.tasks()->rowCount() > 1000; }, timeoutMs)
            && QTest::qWaitFor([this] { return !session.state()->callerRole().isEmpty(); }, timeoutMs);
    }

    QTemporaryDir journalDir; // before the session, which keeps its journal open
    cpn::ConsoleSession session;
    std::unique_ptr<cpn::MainWindow> window;
};
