#include "graphicsviewpeer.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsEllipseItem>
#include <QGraphicsLineItem>
#include <QGraphicsPixmapItem>
#include <QPainter>

namespace cpn::bench {

namespace {

QPen sitePen(const PeerScene& scene, std::size_t i)
{
    return scene.siteRadii[i] >= PeerScene::kOutlineMinRadius ? QPen(scene.siteOutline, 1.0) : QPen(Qt::NoPen);
}

} // namespace

GraphicsViewPeer::GraphicsViewPeer(const PeerScene& scene, const PeerColours& colours, bool antialiased)
    : m_peer(scene)
{
    m_scene.setItemIndexMethod(QGraphicsScene::NoIndex);
    m_scene.setSceneRect(QRectF(QPointF(0, 0), QSizeF(scene.size)));
    m_scene.addItem(new QGraphicsPixmapItem(QPixmap::fromImage(scene.basemap)));
    m_links.reserve(scene.links.size());
    for (std::size_t k = 0; k < scene.links.size(); ++k) {
        auto* item = new QGraphicsLineItem(scene.links[k]);
        item->setPen(QPen(QColor::fromRgb(colours.links[k]), scene.linkWidths[k], Qt::SolidLine, Qt::FlatCap));
        m_scene.addItem(item);
        m_links.push_back(item);
    }
    m_sites.reserve(scene.sites.size());
    for (std::size_t i = 0; i < scene.sites.size(); ++i) {
        const double r = scene.siteRadii[i];
        auto* item = new QGraphicsEllipseItem(QRectF(scene.sites[i] - QPointF(r, r), QSizeF(2 * r, 2 * r)));
        item->setPen(sitePen(scene, i));
        item->setBrush(QColor::fromRgb(colours.sites[i]));
        m_scene.addItem(item);
        m_sites.push_back(item);
    }

    m_view.setScene(&m_scene);
    m_view.setAttribute(Qt::WA_DontShowOnScreen);
    m_view.setFrameShape(QFrame::NoFrame);
    m_view.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view.setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_view.setRenderHint(QPainter::Antialiasing, antialiased);
    m_view.resize(scene.size);
}

double GraphicsViewPeer::firstPaintMs()
{
    QElapsedTimer timer;
    timer.start();
    m_view.show();
    m_view.viewport()->repaint();
    const double ms = double(timer.nsecsElapsed()) / 1e6;
    QApplication::processEvents();
    return ms;
}

double GraphicsViewPeer::redrawMs(const PeerColours& colours)
{
    QElapsedTimer timer;
    timer.start();
    for (std::size_t k = 0; k < m_links.size(); ++k)
        m_links[k]->setPen(QPen(QColor::fromRgb(colours.links[k]), m_peer.linkWidths[k], Qt::SolidLine, Qt::FlatCap));
    for (std::size_t i = 0; i < m_sites.size(); ++i)
        m_sites[i]->setBrush(QColor::fromRgb(colours.sites[i]));
    m_lastUpdateMs = double(timer.nsecsElapsed()) / 1e6;
    m_view.viewport()->repaint();
    return double(timer.nsecsElapsed()) / 1e6;
}

QImage GraphicsViewPeer::frame()
{
    return m_view.viewport()->grab().toImage().convertToFormat(QImage::Format_RGB32);
}

} // namespace cpn::bench
