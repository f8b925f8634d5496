#pragma once
// The QGraphicsView peer: the scene as most Qt map code builds it, one QGraphicsEllipseItem per
// site and one QGraphicsLineItem per link, each with its own pen and brush, over a pixmap item
// of the basemap. The scene has no index (QGraphicsScene::NoIndex): with the default BSP tree,
// 50,000 long lines make the first paint take about a minute and every setPen re-index the item.

#include "peerscene.h"

#include <QGraphicsScene>
#include <QGraphicsView>

#include <vector>

class QGraphicsEllipseItem;
class QGraphicsLineItem;

namespace cpn::bench {

class GraphicsViewPeer {
public:
    // antialiased: the view's Antialiasing render hint (our map draws this many links without).
    GraphicsViewPeer(const PeerScene& scene, const PeerColours& colours, bool antialiased);

    // Shows the view and paints it the first time: ms.
    double firstPaintMs();
    // New pens and brushes on every item, then viewport()->repaint() (one synchronous paint;
    // the paint the item updates queue runs later, untimed, in the event loop): ms.
    double redrawMs(const PeerColours& colours);
    // Of the last redraw, the part spent in setPen and setBrush: ms.
    double lastUpdateMs() const { return m_lastUpdateMs; }
    // What the view shows now.
    QImage frame();

private:
    const PeerScene& m_peer;
    QGraphicsScene m_scene;
    QGraphicsView m_view;
    std::vector<QGraphicsLineItem*> m_links;
    std::vector<QGraphicsEllipseItem*> m_sites;
    double m_lastUpdateMs = 0;
};

} // namespace cpn::bench
