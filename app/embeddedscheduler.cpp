#include "embeddedscheduler.h"

#include "commandline.h"
#include "mockserver.h"

namespace cpn {

struct EmbeddedScheduler::Server {
    explicit Server(const mock::MockServerOptions& options)
        : server(options)
    {
    }
    mock::MockServer server;
};

EmbeddedScheduler::EmbeddedScheduler() = default;
EmbeddedScheduler::~EmbeddedScheduler() = default;

std::unique_ptr<EmbeddedScheduler> EmbeddedScheduler::start(const ConsoleOptions& options, QString* error)
{
    mock::MockServerOptions mockOptions;
    mockOptions.serving.listenAddress = "127.0.0.1:0";
    mockOptions.seed = options.seed;
    mockOptions.timeScale = options.timeScale;
    mockOptions.scenario = options.scenario.toStdString();
    const auto scale = mock::parseScale(options.scale.toStdString());
    if (!scale) {
        *error = QStringLiteral("unknown scale %1").arg(options.scale);
        return nullptr;
    }
    mockOptions.scale = *scale;
    std::unique_ptr<EmbeddedScheduler> embedded(new EmbeddedScheduler);
    embedded->m_server = std::make_unique<Server>(mockOptions);
    std::string why;
    if (!embedded->m_server->server.start(&why)) {
        *error = QString::fromStdString(why);
        return nullptr;
    }
    return embedded;
}

QString EmbeddedScheduler::address() const
{
    return QString::fromStdString(m_server->server.address());
}

} // namespace cpn
