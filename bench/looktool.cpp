// TEMPORARY dev tool (not committed): screenshots of map + inspector in states.
#include "simulation.h"
#include "mocknetwork.h"
#include "mapview.h"
#include "siteinspector.h"
#include "siteinspectordock.h"
#include "tasktablemodel.h"
#include "maplayersmenu.h"
#include <QApplication>
#include <QMainWindow>
#include <QTimer>
#include <QTranslator>
#include <QLocale>
#include <QStyleFactory>
#include <QPalette>
using namespace cpn;
int main(int argc, char** argv) {
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    app.setStyle(QStyleFactory::create("Fusion"));
    const QString lang = argc > 1 ? argv[1] : "zh_CN";
    const QString scale = argc > 2 ? argv[2] : "national";
    const bool light = argc > 3 && QString(argv[3]) == "light";
    QLocale::setDefault(QLocale(lang));
    auto* tr = new QTranslator(&app);
    if (tr->load(QLocale(lang), "cpn", "_", "/work/main/build-map/app/")) app.installTranslator(tr);
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
        map->flyToSite(argc > 4 ? argv[4] : "hub-yrd");
        if (argc > 5) map->zoomAbout(map->rect().center(), QString(argv[5]).toDouble());
        QTimer::singleShot(500, [&] { w.grab().save("/tmp/look.png"); app.quit(); });
    });
    return app.exec();
}
