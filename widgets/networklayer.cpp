#include "networklayer.h"

#include "domainlabels.h"
#include "foldednetwork.h"
#include "mapoverlays.h"
#include "maptheme.h"
#include "mapviewport.h"
#include "networkstate.h"
#include "utilisationcolor.h"

#include <QCoreApplication>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <array>
#include <cmath>

namespace cpn {

namespace {

constexpr int kLabelCell = 64; // px, buckets of placed labels for overlap tests
constexpr std::size_t kMaxLabels = 160;
constexpr double kLabelPadX = 16, kLabelPadY = 6; // keeps labels apart, so that they read as a map
constexpr std::size_t kMaxLabelTries = 4000;

// Labels per tier appear as the zoom leaves room for them.
int maxLabelRank(double zoom)
{
    if (zoom >= 5.5)
        return 3;
    if (zoom >= 2.2)
        return 2;
    // Hubs and data-centre clusters from country zoom on: a cluster is named where its label
    // fits beside the hubs' (hubs first, then the largest clusters).
    return 1;
}

QString foldedNote(int members)
{
    return QCoreApplication::translate("cpn::MapView", "+%n site(s)", "sites folded into this one on the map", members);
}

} // namespace

void NetworkLayer::project(
    const SiteGeometry& geometry, const MapViewport& viewport, const FoldedNetwork& folded, double zoom)
{
    const std::size_t n = std::size_t(geometry.siteCount());
    m_screen.resize(n);
    m_screenRadius.resize(n);
    const std::vector<float>& radius = geometry.baseRadii();
    if (radius.size() != n)
        return;
    const QList<QPointF>& plane = geometry.planePositions();
    const double factor = SiteGeometry::radiusFactor(zoom);
    for (int v : folded.visibleSites()) {
        m_screen[v] = viewport.toScreen(plane[v]);
        m_screenRadius[v] = float(radius[v] * factor);
    }
}

MapSymbols::SiteStyle NetworkLayer::styleOf(const MapFrame& frame, int site) const
{
    const Site& s = frame.state.sites()[site];
    const FoldedSite& f = frame.folded.site(site);
    MapSymbols::SiteStyle style;
    style.shape = MapSymbols::shapeOf(s.tier);
    style.radius = frame.radius[site];
    style.folded = f.members > 0;
    switch (s.status) {
    case SiteStatus::Degraded:
        style.ring = MapSymbols::Ring::Degraded;
        break;
    case SiteStatus::Maintenance:
        style.ring = MapSymbols::Ring::Maintenance;
        break;
    case SiteStatus::Offline:
        style.ring = MapSymbols::Ring::Offline;
        break;
    default:
        break;
    }
    const qsizetype platform = frame.platformColours.indexOf(s.platform);
    if (style.ring == MapSymbols::Ring::Offline) {
        style.colorKey = kUtilisationSteps;
        style.fill = QColor::fromRgba(frame.theme.siteOffline);
    } else if (platform >= 0) {
        // Keys past the load's and their stale looks, two per platform.
        style.colorKey = 2 * (kUtilisationSteps + 1) + 2 * int(platform);
        style.fill = platformColor(int(platform));
    } else {
        style.colorKey = utilisationStep(f.utilisation);
        style.fill = utilisationPalette()[style.colorKey];
    }
    if (m_stale || (!frame.stalePlatforms.isEmpty() && frame.stalePlatforms.contains(s.platform))) {
        // The stale look of the same colour: keys past the live ones, both looks stay cached.
        style.colorKey += platform >= 0 && style.ring != MapSymbols::Ring::Offline ? 1 : kUtilisationSteps + 1;
        style.fill = StaleDataOverlay::desaturate(style.fill);
    }
    return style;
}

void NetworkLayer::paintSites(QPainter& painter, const MapFrame& frame, bool alarms)
{
    if (frame.drawOrder.empty() || frame.position.size() != std::size_t(frame.state.sites().size()))
        return;
    const QRectF cull = frame.screen.adjusted(-24, -24, 24, 24);
    for (int i : frame.drawOrder) {
        const double r = frame.radius[i];
        const QPointF p = frame.position[i];
        if (r < 1 || !cull.contains(p)) // under 2 px across, or off screen
            continue;
        const QImage& symbol = m_symbols.site(styleOf(frame, i), frame.devicePixelRatio);
        const double half = symbol.width() / symbol.devicePixelRatio() / 2;
        painter.drawImage(QPointF(std::round(p.x() - half), std::round(p.y() - half)), symbol);
    }
    if (!alarms)
        return;
    for (int i : frame.drawOrder) {
        const FoldedSite& f = frame.folded.site(i);
        const QPointF p = frame.position[i];
        if (f.alarmCount == 0 || frame.radius[i] < 1 || !cull.contains(p))
            continue;
        const QImage& badge = m_symbols.alarmBadge(f.worstAlarm, f.alarmCount, frame.devicePixelRatio);
        const double r = frame.radius[i];
        const QPointF at(p.x() + r * 0.55, p.y() - r * 0.55 - badge.height() / badge.devicePixelRatio());
        painter.drawImage(QPointF(std::round(at.x()), std::round(at.y())), badge);
    }
}

bool NetworkLayer::paintLabels(
    QPainter& painter, const MapFrame& frame, const std::vector<int>& focus, QDeadlineTimer makeBy)
{
    const QList<Site>& sites = frame.state.sites();
    if (frame.drawOrder.empty() || frame.position.size() != std::size_t(sites.size()))
        return true;
    const int maxRank = maxLabelRank(frame.zoom);
    constexpr double margin = MapSymbols::labelMargin;
    const QRectF screen = frame.screen;
    const int columns = int(screen.width()) / kLabelCell + 3;
    const int rows = int(screen.height()) / kLabelCell + 3;
    m_symbols.beginLabels();
    m_placedLabels.clear();
    m_labels.clear();
    m_labelCells.resize(std::size_t(columns) * rows);
    for (auto& cell : m_labelCells)
        cell.clear();
    auto cellRange = [&](const QRectF& box, auto&& visit) {
        const int c0 = std::clamp(int(std::floor(box.left() / kLabelCell)) + 1, 0, columns - 1);
        const int c1 = std::clamp(int(std::floor(box.right() / kLabelCell)) + 1, 0, columns - 1);
        const int r0 = std::clamp(int(std::floor(box.top() / kLabelCell)) + 1, 0, rows - 1);
        const int r1 = std::clamp(int(std::floor(box.bottom() / kLabelCell)) + 1, 0, rows - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c)
                if (visit(m_labelCells[std::size_t(r) * columns + c]))
                    return true;
        return false;
    };
    auto collides = [&](const QRectF& box) {
        return cellRange(box, [&](const std::vector<int>& cell) {
            return std::any_of(cell.begin(), cell.end(), [&](int k) { return m_placedLabels[k].intersects(box); });
        });
    };
    // Glyphs count as placed: a label never covers another site.
    auto place = [&](const QRectF& box) {
        const int k = int(m_placedLabels.size());
        m_placedLabels.push_back(box);
        cellRange(box, [&](std::vector<int>& cell) {
            cell.push_back(k);
            return false;
        });
    };
    const QRectF near = screen.adjusted(-100, -20, 100, 20);
    // Hub and cluster glyphs are obstacles too: a label never hides them. Smaller glyphs may
    // sit under a label's halo, or nothing could be named where sites are dense.
    for (int i : frame.drawOrder) {
        if (SiteGeometry::tierRank(sites[i].tier) > 1)
            break;
        const double r = frame.radius[i];
        if (r >= 1 && screen.contains(frame.position[i]))
            place(QRectF(frame.position[i] - QPointF(r, r), QSizeF(2 * r, 2 * r)));
    }

    const auto& unfolded = frame.folded.unfolded();
    std::size_t tries = 0;
    bool complete = true;
    int made = 0; // new label images this frame: one at least, whatever the time
    auto tryLabel = [&](int i, bool wanted) {
        const QPointF p = frame.position[i];
        const double r = frame.radius[i];
        if (r < 1 || !near.contains(p))
            return;
        const int rank = SiteGeometry::tierRank(sites[i].tier);
        const bool byParent
            = !sites[i].parentSiteId.isEmpty() && unfolded.contains(frame.state.siteIndex(sites[i].parentSiteId));
        if (!wanted && rank > maxRank && !byParent)
            return;
        const QString name = siteDisplayName(sites[i]);
        if (name.isEmpty())
            return;
        const int members = frame.folded.site(i).members;
        // How much is folded in matters for hubs; under every regional centre it is noise.
        const bool note = members > 0 && (rank == 0 || wanted);
        const QString subText = note ? foldedNote(members) : QString();
        const QImage* found = m_symbols.findLabel(name, subText, rank == 0, frame.devicePixelRatio);
        if (!found && !wanted && made > 0 && makeBy.hasExpired()) {
            complete = false; // the rest in the next frame
            return;
        }
        made += found ? 0 : 1;
        const QImage& image = found ? *found : m_symbols.label(name, subText, rank == 0, frame.devicePixelRatio);
        const QSizeF size = QSizeF(image.size()) / image.devicePixelRatio();
        const double lineCentre = MapSymbols::labelLineCentre(rank == 0);
        // Right of the glyph (clear of rings and badges), else left, else below.
        const double gap = r + (wanted ? 9 : 5);
        QRectF box(QPointF(p.x() + gap - margin, p.y() - lineCentre), size);
        if (collides(box))
            box.moveRight(p.x() - gap + margin);
        if (collides(box))
            box.moveTopLeft(QPointF(p.x() - size.width() / 2, p.y() + gap - margin));
        if (collides(box) && !wanted && rank > 0)
            return;
        // Labels keep a distance from each other; glyphs only need not be covered.
        place(box.adjusted(-kLabelPadX, -kLabelPadY, kLabelPadX, kLabelPadY));
        painter.drawImage(QPointF(std::round(box.left()), std::round(box.top())), image);
        m_labels.push_back({ i, box });
    };
    for (int i : focus)
        if (i >= 0 && i < sites.size() && frame.folded.isVisible(i))
            tryLabel(i, true);
    for (int i : frame.drawOrder) {
        if (!complete || m_placedLabels.size() >= kMaxLabels || ++tries > kMaxLabelTries)
            break;
        if (std::find(focus.begin(), focus.end(), i) == focus.end())
            tryLabel(i, false);
    }
    return complete;
}

void NetworkLayer::paintSelection(QPainter& painter, const MapFrame& frame, int selectedSite)
{
    if (selectedSite < 0 || selectedSite >= frame.folded.siteCount())
        return;
    const int shown = frame.folded.representative(selectedSite);
    const QPointF p = frame.position[shown];
    const double r = std::max(1.0, double(frame.radius[shown]));
    const QColor color = QColor::fromRgba(frame.theme.selection);
    painter.setBrush(Qt::NoBrush);
    QColor outer = color;
    outer.setAlpha(90);
    painter.setPen(QPen(outer, 4.0));
    painter.drawEllipse(p, r + 7, r + 7);
    // Dashed when the selected site is folded into the one drawn here.
    painter.setPen(QPen(color, 2.0, shown == selectedSite ? Qt::SolidLine : Qt::DashLine));
    painter.drawEllipse(p, r + 5, r + 5);
}

} // namespace cpn
