// TEMPORARY dev tool (not committed).
#include "simulation.h"
#include "mocknetwork.h"
#include "mapview.h"
#include "siteinspector.h"
#include "siteinspectordock.h"
#include "theme.h"
#include <QApplication>
#include <QMainWindow>
#include <QTimer>
#include <QTranslator>
#include <QLocale>
using namespace cpn;
int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QString lang = argv[1]; const QString scale = argv[2]; const bool light = QString(argv[3]) == "light";
    light ? applyLightTheme(app) : applyControlRoomTheme(app);
    QLocale::setDefault(QLocale(lang));
    auto* tr = new QTranslator(&app);
    if (tr->load(QLocale(lang), "cpn", "_", ":/i18n")) app.installTranslator(tr);
    auto net = bench::buildMockNetwork(scale);
    QMainWindow w;
    auto* map = new MapView(&w);
    map->setAnimated(false);
    map->setState(net.state.get());
    if (light) map->setTheme(MapThemeKind::Light);
    w.setCentralWidget(map);
    auto* dock = new SiteInspectorDock(&w);
    dock->inspector()->setState(net.state.get());
    dock->inspector()->setMap(map);
    w.addDockWidget(Qt::RightDockWidgetArea, dock);
    QObject::connect(map, &MapView::siteSelected, dock->inspector(), &SiteInspector::setSite);
    w.resize(1600, 960);
    w.show();
    QTimer::singleShot(300, [&] {
        map->flyToSite(argv[4]);
        if (argc > 5) map->zoomAbout(map->rect().center(), QString(argv[5]).toDouble());
        QTimer::singleShot(800, [&] { w.grab().save(argv[6 < argc ? 6 : 0] == nullptr ? "/tmp/look.png" : "/tmp/look.png"); app.quit(); });
    });
    return app.exec();
}
