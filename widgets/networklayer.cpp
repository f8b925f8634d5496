#include "networklayer.h"

#include "domainlabels.h"
#include "maptheme.h"
#include "mapviewport.h"
#include "networkstate.h"
#include "utilisationcolor.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace cpn {

namespace {

constexpr double kHitSlackPx = 4;
constexpr double kLinkWidths[] = { 0.6, 1.0, 1.5, 2.2, 3.0 };
constexpr std::size_t kAntialiasedLinkLimit = 5000;
constexpr double kLinkOpacity = 0.75; // mixed into the land colour beforehand, see paintLinks

int tierRank(SiteTier tier)
{
    switch (tier) {
    case SiteTier::NationalHub:
        return 0;
    case SiteTier::Cluster:
        return 1;
    case SiteTier::Regional:
        return 2;
    case SiteTier::Edge:
        return 3;
    case SiteTier::Unknown:
        break;
    }
    return 4;
}

int widthStep(double capacityGbps)
{
    if (capacityGbps <= 10)
        return 0;
    if (capacityGbps <= 100)
        return 1;
    if (capacityGbps <= 400)
        return 2;
    if (capacityGbps <= 1600)
        return 3;
    return 4;
}

template <int Steps> int colorStep(double utilisation)
{
    if (!(utilisation > 0))
        return 0;
    return std::min(Steps - 1, int(utilisation * Steps));
}

bool outside(QPointF p, QPointF q, const QRectF& r)
{
    return std::max(p.x(), q.x()) < r.left() || std::min(p.x(), q.x()) > r.right() || std::max(p.y(), q.y()) < r.top()
        || std::min(p.y(), q.y()) > r.bottom();
}

} // namespace

NetworkLayer::NetworkLayer()
{
    const QColor land = QColor::fromRgba(maptheme::kLand);
    for (int s = 0; s < kColorSteps; ++s) {
        m_palette[s] = utilisationColor((s + 0.5) / kColorSteps);
        const QColor& c = m_palette[s];
        auto mix
            = [](int top, int bottom) { return int(std::lround(top * kLinkOpacity + bottom * (1 - kLinkOpacity))); };
        m_linkPalette[s] = QColor(mix(c.red(), land.red()), mix(c.green(), land.green()), mix(c.blue(), land.blue()));
    }
}

double NetworkLayer::radiusFactor(double zoom)
{
    return std::clamp(std::sqrt(zoom), 0.6, 2.5);
}

void NetworkLayer::rebuild(const NetworkState& state, const MapProjection& projection)
{
    const QList<Site>& sites = state.sites();
    const qsizetype n = sites.size();
    m_plane.resize(n);
    m_latitude.resize(n);
    m_longitude.resize(n);
    m_pflops.resize(n);
    for (qsizetype i = 0; i < n; ++i) {
        m_latitude[i] = sites[i].latitude;
        m_longitude[i] = sites[i].longitude;
        m_pflops[i] = sites[i].totalPflops();
        m_plane[i] = projection.project(sites[i].latitude, sites[i].longitude);
    }
    updateRadii(state);
    m_grid.build(m_plane);
}

bool NetworkLayer::refreshSites(
    const NetworkState& state, const MapProjection& projection, const QList<int>& siteIndexes)
{
    const QList<Site>& sites = state.sites();
    if (sites.size() != m_plane.size()) {
        rebuild(state, projection);
        return true;
    }
    bool moved = false;
    bool resized = false;
    for (int i : siteIndexes) {
        if (i < 0 || i >= sites.size())
            continue;
        const Site& site = sites[i];
        if (site.latitude != m_latitude[i] || site.longitude != m_longitude[i]) {
            m_latitude[i] = site.latitude;
            m_longitude[i] = site.longitude;
            m_plane[i] = projection.project(site.latitude, site.longitude);
            moved = true;
        }
        const double pflops = site.totalPflops();
        if (pflops != m_pflops[i]) {
            m_pflops[i] = pflops;
            resized = true;
        }
    }
    if (resized)
        updateRadii(state);
    if (moved)
        m_grid.build(m_plane);
    return moved || resized;
}

void NetworkLayer::updateRadii(const NetworkState& state)
{
    const QList<Site>& sites = state.sites();
    m_maxPflops = 0;
    for (double p : m_pflops)
        m_maxPflops = std::max(m_maxPflops, p);
    m_radius.resize(sites.size());
    m_maxRadius = 0;
    for (qsizetype i = 0; i < sites.size(); ++i) {
        // Area follows capacity; hubs and clusters never shrink below a floor.
        const double norm = m_maxPflops > 0 ? std::sqrt(std::max(0.0, m_pflops[i]) / m_maxPflops) : 0;
        double r = 2.0 + 9.0 * norm;
        if (sites[i].tier == SiteTier::NationalHub)
            r = std::max(r, 8.0);
        else if (sites[i].tier == SiteTier::Cluster)
            r = std::max(r, 5.5);
        m_radius[i] = float(r);
        m_maxRadius = std::max(m_maxRadius, r);
    }
    auto byTierThenSize = [&](int a, int b) {
        const int ra = tierRank(sites[a].tier), rb = tierRank(sites[b].tier);
        return ra != rb ? ra < rb : m_radius[a] > m_radius[b];
    };
    m_drawOrder.resize(sites.size());
    std::iota(m_drawOrder.begin(), m_drawOrder.end(), 0);
    std::stable_sort(m_drawOrder.begin(), m_drawOrder.end(), byTierThenSize);
}

int NetworkLayer::siteAt(const MapViewport& viewport, double zoom, QPointF screen) const
{
    const double factor = radiusFactor(zoom);
    const double reach = (m_maxRadius * factor + kHitSlackPx) / viewport.scale();
    const QPointF centre = viewport.toPlane(screen);
    std::vector<int> candidates;
    m_grid.query(QRectF(centre.x() - reach, centre.y() - reach, 2 * reach, 2 * reach), candidates);

    int best = -1;
    bool bestInside = false;
    double bestRadius = 0, bestGap = 0;
    for (int i : candidates) {
        const double r = m_radius[i] * factor;
        if (r < 1) // not drawn, so not clickable
            continue;
        const QPointF d = viewport.toScreen(m_plane[i]) - screen;
        const double distance = std::hypot(d.x(), d.y());
        if (distance > r + kHitSlackPx)
            continue;
        const bool inside = distance <= r;
        const double gap = distance - r;
        bool better = false;
        if (best < 0)
            better = true;
        else if (inside != bestInside)
            better = inside;
        else if (inside)
            better = r < bestRadius || (r == bestRadius && gap < bestGap);
        else
            better = gap < bestGap;
        if (better) {
            best = i;
            bestInside = inside;
            bestRadius = r;
            bestGap = gap;
        }
    }
    return best;
}

void NetworkLayer::paint(
    QPainter& painter, const NetworkState& state, const MapViewport& viewport, double zoom, int selectedSite)
{
    const qsizetype n = m_plane.size();
    if (n != state.sites().size())
        return;
    m_screen.resize(n);
    for (qsizetype i = 0; i < n; ++i)
        m_screen[i] = viewport.toScreen(m_plane[i]);
    const QRectF screen(QPointF(0, 0), QSizeF(viewport.size()));
    const double factor = radiusFactor(zoom);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    paintLinks(painter, state, screen, selectedSite);
    paintSites(painter, state, screen, factor);
    paintLabels(painter, state, screen, zoom, selectedSite);
    if (selectedSite >= 0 && selectedSite < n)
        paintSelection(painter, selectedSite, factor);
    painter.restore();
}

void NetworkLayer::paintLinks(QPainter& painter, const NetworkState& state, const QRectF& screen, int selectedSite)
{
    for (auto& batch : m_lineBatches)
        batch.clear();
    const QList<Link>& links = state.links();
    const QList<LinkMetrics>& metrics = state.linkMetrics();
    const QRectF cull = screen.adjusted(-4, -4, 4, 4);
    const int downBatch = kColorSteps * kWidthSteps;
    std::vector<int> selectedLinks;
    for (qsizetype i = 0; i < links.size(); ++i) {
        const int a = state.linkSiteA(int(i)), b = state.linkSiteB(int(i));
        if (a < 0 || b < 0 || a >= int(m_screen.size()) || b >= int(m_screen.size()))
            continue;
        const QPointF p = m_screen[a], q = m_screen[b];
        if (outside(p, q, cull) || std::abs(p.x() - q.x()) + std::abs(p.y() - q.y()) < 2)
            continue;
        if (a == selectedSite || b == selectedSite)
            selectedLinks.push_back(int(i));
        if (links[i].status == LinkStatus::Down) {
            m_lineBatches[downBatch].emplace_back(p, q);
            continue;
        }
        const int color = colorStep<kColorSteps>(i < metrics.size() ? metrics[i].utilisation : 0);
        m_lineBatches[color * kWidthSteps + widthStep(links[i].capacityGbps)].emplace_back(p, q);
    }

    // Opaque pens with flat caps: the raster engine strokes translucent or round-capped wide
    // lines through a path, tens of times slower. Past a few thousand visible links (the
    // `huge` network at country scale) antialiasing costs more than twice the time and adds
    // little to a mesh that dense.
    painter.setBrush(Qt::NoBrush);
    std::size_t visible = 0;
    for (const auto& lines : m_lineBatches)
        visible += lines.size();
    painter.setRenderHint(QPainter::Antialiasing, visible <= kAntialiasedLinkLimit);
    for (int key = 0; key < downBatch; ++key) {
        const auto& lines = m_lineBatches[key];
        if (lines.empty())
            continue;
        painter.setPen(
            QPen(m_linkPalette[key / kWidthSteps], kLinkWidths[key % kWidthSteps], Qt::SolidLine, Qt::FlatCap));
        painter.drawLines(lines.data(), int(lines.size()));
    }
    if (!m_lineBatches[downBatch].empty()) {
        painter.setPen(QPen(QColor::fromRgba(maptheme::kLinkDown), 1.0, Qt::DashLine, Qt::FlatCap));
        painter.drawLines(m_lineBatches[downBatch].data(), int(m_lineBatches[downBatch].size()));
    }
    // The selected site's links stand out over the rest.
    painter.setRenderHint(QPainter::Antialiasing, true);
    for (int i : selectedLinks) {
        const QPointF p = m_screen[state.linkSiteA(i)], q = m_screen[state.linkSiteB(i)];
        const bool down = links[i].status == LinkStatus::Down;
        const QColor color = down ? QColor::fromRgba(maptheme::kLinkDown)
                                  : utilisationColor(i < metrics.size() ? metrics[i].utilisation : 0);
        painter.setPen(QPen(color, kLinkWidths[widthStep(links[i].capacityGbps)] + 1.2,
            down ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(p, q);
    }
}

void NetworkLayer::paintSites(QPainter& painter, const NetworkState& state, const QRectF& screen, double factor)
{
    const QList<Site>& sites = state.sites();
    const QList<SiteMetrics>& metrics = state.siteMetrics();
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const int offlineKey = kColorSteps;
    const QColor offline = QColor::fromRgba(maptheme::kSiteOffline);
    for (int i : m_drawOrder) {
        const double r = m_radius[i] * factor;
        if (r < 1) // under 2 px across
            continue;
        const QPointF p = m_screen[i];
        if (p.x() + r < screen.left() - 4 || p.x() - r > screen.right() + 4 || p.y() + r < screen.top() - 4
            || p.y() - r > screen.bottom() + 4)
            continue;
        MapSymbols::Ring ring = MapSymbols::Ring::None;
        switch (sites[i].status) {
        case SiteStatus::Degraded:
            ring = MapSymbols::Ring::Degraded;
            break;
        case SiteStatus::Maintenance:
            ring = MapSymbols::Ring::Maintenance;
            break;
        case SiteStatus::Offline:
            ring = MapSymbols::Ring::Offline;
            break;
        default:
            break;
        }
        const int key = ring == MapSymbols::Ring::Offline
            ? offlineKey
            : colorStep<kColorSteps>(i < metrics.size() ? metrics[i].utilisation : 0);
        const QImage& symbol = m_symbols.site(
            key, key == offlineKey ? offline : m_palette[key], r, ring, sites[i].tier == SiteTier::NationalHub, dpr);
        const double half = symbol.width() / symbol.devicePixelRatio() / 2;
        painter.drawImage(QPointF(std::round(p.x() - half), std::round(p.y() - half)), symbol);
    }
}

void NetworkLayer::paintLabels(
    QPainter& painter, const NetworkState& state, const QRectF& screen, double zoom, int selectedSite)
{
    // Hubs always; clusters, regional and edge sites as the user zooms in.
    int maxRank = 0;
    if (zoom >= 1.6)
        maxRank = 1;
    if (zoom >= 3)
        maxRank = 2;
    if (zoom >= 8)
        maxRank = 3;
    const QList<Site>& sites = state.sites();
    const qreal dpr = painter.device() ? painter.device()->devicePixelRatioF() : 1.0;
    const double factor = radiusFactor(zoom);
    constexpr double margin = MapSymbols::labelMargin;

    m_placedLabels.clear();
    auto collides = [&](const QRectF& box) {
        return std::any_of(
            m_placedLabels.begin(), m_placedLabels.end(), [&](const QRectF& o) { return o.intersects(box); });
    };
    // The selected site first, whatever its tier, then by tier: m_drawOrder is sorted by it.
    const bool hasSelection = selectedSite >= 0 && selectedSite < sites.size();
    for (qsizetype k = hasSelection ? -1 : 0; k < m_drawOrder.size(); ++k) {
        const int i = k < 0 ? selectedSite : m_drawOrder[k];
        const int rank = tierRank(sites[i].tier);
        if (k >= 0 && i == selectedSite)
            continue;
        if (k >= 0 && rank > maxRank)
            break;
        const QPointF p = m_screen[i];
        const double r = m_radius[i] * factor;
        if (r < 1 || !screen.adjusted(-100, -20, 100, 20).contains(p))
            continue;
        const QString name = siteDisplayName(sites[i]);
        if (name.isEmpty())
            continue;
        const QImage& image = m_symbols.label(name, rank == 0, dpr);
        const QSizeF size = QSizeF(image.size()) / image.devicePixelRatio();
        // Right of the symbol (clear of the selection ring), else left of it.
        const double gap = r + (i == selectedSite ? 9 : 3);
        QRectF box(QPointF(p.x() + gap - margin, p.y() - size.height() / 2), size);
        if (collides(box))
            box.moveRight(p.x() - gap + margin);
        if (collides(box))
            continue;
        m_placedLabels.push_back(box);
        painter.drawImage(QPointF(std::round(box.left()), std::round(box.top())), image);
    }
}

void NetworkLayer::paintSelection(QPainter& painter, int selectedSite, double factor)
{
    const QPointF p = m_screen[selectedSite];
    const double r = std::max(1.0, m_radius[selectedSite] * factor);
    painter.setBrush(Qt::NoBrush);
    QColor outer = QColor::fromRgba(maptheme::kSelection);
    outer.setAlpha(90);
    painter.setPen(QPen(outer, 4.0));
    painter.drawEllipse(p, r + 6, r + 6);
    painter.setPen(QPen(QColor::fromRgba(maptheme::kSelection), 2.0));
    painter.drawEllipse(p, r + 4, r + 4);
}

} // namespace cpn
