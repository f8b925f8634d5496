#pragma once
// The mock scheduler running inside the console, on a loopback port, so that the console
// shows a living network with no backend; the console reaches it through the same gRPC
// client as a real backend.

#include <QString>

#include <memory>

namespace cpn {

struct ConsoleOptions;

class EmbeddedScheduler {
public:
    ~EmbeddedScheduler();
    // Starts on 127.0.0.1 with a free port; nothing and *error on failure.
    static std::unique_ptr<EmbeddedScheduler> start(const ConsoleOptions& options, QString* error);
    QString address() const;

private:
    EmbeddedScheduler();
    struct Server;
    std::unique_ptr<Server> m_server;
};

} // namespace cpn
