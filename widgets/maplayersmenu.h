#pragma once
// View > Map layers: switches the map's layers on and off and remembers the choice between
// runs (QSettings "map/layers/<name>").

#include "maplayers.h"

#include <QMenu>

#include <array>

namespace cpn {

class MapView;

class MapLayersMenu final : public QMenu {
    Q_OBJECT
public:
    // Applies the remembered layers to map at once.
    explicit MapLayersMenu(MapView* map, QWidget* parent = nullptr);

    QAction* action(MapLayer layer) const { return m_actions[std::size_t(layer)]; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();

    MapView* m_map;
    std::array<QAction*, kMapLayerCount> m_actions {};
};

} // namespace cpn
