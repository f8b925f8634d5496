#include "maplayersmenu.h"

#include "mapview.h"

#include <QEvent>
#include <QSettings>

namespace cpn {

namespace {

QString settingsKey(MapLayer layer)
{
    return QStringLiteral("map/layers/") + mapLayerKey(layer);
}

} // namespace

MapLayersMenu::MapLayersMenu(MapView* map, QWidget* parent)
    : QMenu(parent)
    , m_map(map)
{
    QSettings settings;
    for (int i = 0; i < kMapLayerCount; ++i) {
        const auto layer = MapLayer(i);
        QAction* action = addAction(QString());
        action->setCheckable(true);
        action->setChecked(settings.value(settingsKey(layer), true).toBool());
        map->setLayerVisible(layer, action->isChecked());
        connect(action, &QAction::toggled, this, [this, layer](bool on) {
            m_map->setLayerVisible(layer, on);
            QSettings().setValue(settingsKey(layer), on);
        });
        m_actions[std::size_t(i)] = action;
    }
    // The map may switch layers itself (or another menu may): follow it.
    connect(map, &MapView::layerVisibilityChanged, this,
        [this](MapLayer layer, bool on) { m_actions[std::size_t(layer)]->setChecked(on); });
    retranslate();
}

void MapLayersMenu::retranslate()
{
    setTitle(tr("Map &layers"));
    action(MapLayer::Basemap)->setText(tr("&Basemap"));
    action(MapLayer::Links)->setText(tr("&Links"));
    action(MapLayer::Sites)->setText(tr("&Sites"));
    action(MapLayer::Labels)->setText(tr("La&bels"));
    action(MapLayer::LatencyCircles)->setText(tr("Latency &circles (1 / 5 / 20 ms)"));
    action(MapLayer::Alarms)->setText(tr("&Alarms"));
}

void MapLayersMenu::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMenu::changeEvent(event);
}

} // namespace cpn
