#include "hugeconsole.h"

#include <cstdio>

namespace cpn::bench {

bool HugeConsole::start()
{
    mock::MockServerOptions options;
    options.serving.listenAddress = "127.0.0.1:0";
    options.scale = mock::Scale::Huge;
    server = std::make_unique<mock::MockServer>(options);
    std::string error;
    if (!server->start(&error)) {
        std::fprintf(stderr, "cpn-bench: the huge mock did not start: %s\n", error.c_str());
        return false;
    }
    session.addPlatform({ QString::fromStdString(server->address()), {} }, dir.filePath(QStringLiteral("j.sqlite")));
    window = std::make_unique<MainWindow>(&session);
    window->resize(1600, 960);
    window->show();
    session.start();
    return true;
}

} // namespace cpn::bench
