#include "linklayer.h"

#include "foldednetwork.h"
#include "mapoverlays.h"
#include "maptheme.h"
#include "networkstate.h"
#include "utilisationcolor.h"

#include <QPainter>
#include <QSet>

#include <algorithm>
#include <cmath>

namespace cpn {

namespace {

constexpr double kWidths[LinkLayer::kWidthSteps] = { 0.6, 1.0, 1.5, 2.2, 3.0, 4.0 };
constexpr std::size_t kAntialiasedLinkLimit = 5000;
constexpr std::size_t kLaneLinkLimit = 3000; // beyond, one line per link in its busier direction
constexpr double kLaneMinLengthPx = 18;

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
    if (capacityGbps <= 6400)
        return 4;
    return 5;
}

double laneWidth(int step)
{
    return std::max(0.8, kWidths[step] * 0.7);
}

bool outside(QPointF p, QPointF q, const QRectF& r)
{
    return std::max(p.x(), q.x()) < r.left() || std::min(p.x(), q.x()) > r.right() || std::max(p.y(), q.y()) < r.top()
        || std::min(p.y(), q.y()) > r.bottom();
}

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double length2 = QPointF::dotProduct(ab, ab);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, ab) / length2, 0.0, 1.0) : 0.0;
    const QPointF d = p - (a + ab * t);
    return std::hypot(d.x(), d.y());
}

} // namespace

double LinkLayer::width(double capacityGbps)
{
    return kWidths[widthStep(capacityGbps)];
}

void LinkLayer::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    if (m_theme)
        setTheme(*m_theme);
}

void LinkLayer::setTheme(const MapTheme& theme)
{
    m_theme = &theme;
    // Opaque colours mixed into the land: the raster engine strokes translucent lines through
    // a slower path.
    constexpr double kDensityOpacity[kDensitySteps] = { 1.0, 0.75, 0.55, 0.4 };
    const QColor land = QColor::fromRgba(theme.land);
    for (int d = 0; d < kDensitySteps; ++d) {
        const double a = theme.linkOpacity * kDensityOpacity[d];
        for (int s = 0; s < kColorSteps; ++s) {
            QColor c = utilisationColor((s + 0.5) / kColorSteps);
            if (m_stale)
                c = StaleDataOverlay::desaturate(c);
            auto mix = [a](int top, int bottom) { return int(std::lround(top * a + bottom * (1 - a))); };
            m_palette[d][s]
                = QColor(mix(c.red(), land.red()), mix(c.green(), land.green()), mix(c.blue(), land.blue()));
        }
    }
}

void LinkLayer::paint(QPainter& painter, const MapFrame& frame, int selectedSite)
{
    for (auto& batch : m_single)
        batch.clear();
    for (auto& batch : m_lanes)
        batch.clear();
    m_down.clear();
    m_breaks.clear();
    for (auto& batch : m_greyed)
        batch.clear();
    const std::vector<FoldedLink>& links = frame.folded.links();
    const QRectF cull = frame.screen.adjusted(-4, -4, 4, 4);
    std::vector<int> selectedLinks;
    std::vector<int> shown;
    shown.reserve(links.size());
    for (int k = 0; k < int(links.size()); ++k) {
        const FoldedLink& link = links[k];
        const QPointF p = frame.position[link.a], q = frame.position[link.b];
        if (outside(p, q, cull) || std::abs(p.x() - q.x()) + std::abs(p.y() - q.y()) < 2)
            continue;
        shown.push_back(k);
    }
    m_drawn = shown.size();
    const bool lanes = shown.size() <= kLaneLinkLimit;
    for (int k : shown) {
        const FoldedLink& link = links[k];
        const QPointF p = frame.position[link.a], q = frame.position[link.b];
        if (link.a == selectedSite || link.b == selectedSite)
            selectedLinks.push_back(k);
        if (!frame.stalePlatforms.isEmpty() && frame.stalePlatforms.contains(frame.state.sites()[link.a].platform)) {
            m_greyed[std::size_t(widthStep(link.totalCapacityGbps))].emplace_back(p, q);
            continue;
        }
        if (link.status() == LinkStatus::Down) {
            m_down.emplace_back(p, q);
            if (std::hypot(q.x() - p.x(), q.y() - p.y()) >= 16)
                m_breaks.push_back((p + q) / 2);
            continue;
        }
        const int w = widthStep(link.totalCapacityGbps);
        const QPointF d = q - p;
        const double length = std::hypot(d.x(), d.y());
        if (!lanes || length < kLaneMinLengthPx) {
            m_single[utilisationStep(link.utilisation()) * kWidthSteps + w].emplace_back(p, q);
            continue;
        }
        // Right-hand traffic: in screen coordinates (y down) the right of a->b is (-dy, dx).
        const double offset = laneWidth(w) / 2 + 0.25;
        const QPointF n(-d.y() / length * offset, d.x() / length * offset);
        m_lanes[utilisationStep(link.utilisationAb) * kWidthSteps + w].emplace_back(p + n, q + n);
        m_lanes[utilisationStep(link.utilisationBa) * kWidthSteps + w].emplace_back(p - n, q - n);
    }

    // Opaque pens with flat caps: the raster engine strokes translucent or round-capped wide
    // lines through a path, tens of times slower. Past a few thousand visible links
    // antialiasing costs more than twice the time and adds little to a mesh that dense.
    painter.setBrush(Qt::NoBrush);
    painter.setRenderHint(QPainter::Antialiasing, shown.size() <= kAntialiasedLinkLimit);
    if (!m_down.empty()) {
        painter.setPen(QPen(QColor::fromRgba(frame.theme.linkDown), 1.0, Qt::DashLine, Qt::FlatCap));
        painter.drawLines(m_down.data(), int(m_down.size()));
    }
    for (int w = 0; w < kWidthSteps; ++w) {
        if (!m_greyed[std::size_t(w)].empty()) {
            const QColor grey = StaleDataOverlay::desaturate(utilisationColor(0.5));
            painter.setPen(QPen(grey, kWidths[w], Qt::SolidLine, Qt::FlatCap));
            painter.drawLines(m_greyed[std::size_t(w)].data(), int(m_greyed[std::size_t(w)].size()));
        }
    }
    const int density = shown.size() <= 400 ? 0 : shown.size() <= 1500 ? 1 : shown.size() <= 5000 ? 2 : 3;
    const auto& palette = m_palette[density];
    // Thin links first: the wide backbone ends on top.
    for (int w = 0; w < kWidthSteps; ++w) {
        for (int c = 0; c < kColorSteps; ++c) {
            const int key = c * kWidthSteps + w;
            if (!m_single[key].empty()) {
                painter.setPen(QPen(palette[c], kWidths[w], Qt::SolidLine, Qt::FlatCap));
                painter.drawLines(m_single[key].data(), int(m_single[key].size()));
            }
            if (!m_lanes[key].empty()) {
                painter.setPen(QPen(palette[c], laneWidth(w), Qt::SolidLine, Qt::FlatCap));
                painter.drawLines(m_lanes[key].data(), int(m_lanes[key].size()));
            }
        }
    }
    // A link that is down is broken in the middle.
    painter.setRenderHint(QPainter::Antialiasing, true);
    if (!m_breaks.empty()) {
        painter.setPen(QPen(QColor::fromRgba(frame.theme.linkBreak), 1.6, Qt::SolidLine, Qt::RoundCap));
        for (const QPointF& m : m_breaks) {
            painter.drawLine(m + QPointF(-3, -3), m + QPointF(3, 3));
            painter.drawLine(m + QPointF(-3, 3), m + QPointF(3, -3));
        }
    }
    // The selected site's links stand out over the rest, in full colour.
    for (int k : selectedLinks) {
        const FoldedLink& link = links[k];
        const QPointF p = frame.position[link.a], q = frame.position[link.b];
        const bool down = link.status() == LinkStatus::Down;
        QColor color = down ? QColor::fromRgba(frame.theme.linkDown) : utilisationColor(link.utilisation());
        if (m_stale)
            color = StaleDataOverlay::desaturate(color);
        painter.setPen(
            QPen(color, width(link.totalCapacityGbps) + 1.4, down ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(p, q);
    }
}

bool LinkLayer::hasActiveMigrations(const NetworkState& state)
{
    const auto& migrations = state.migrations();
    return std::any_of(migrations.cbegin(), migrations.cend(),
        [](const Migration& m) { return !isFinished(m.state) && !m.pathLinkIds.isEmpty(); });
}

std::vector<QLineF> LinkLayer::migrationPaths(
    const NetworkState& state, const FoldedNetwork& folded, const std::vector<QPointF>& position)
{
    QSet<qint64> drawn; // merged link and direction
    std::vector<QLineF> segments;
    for (const Migration& m : state.migrations()) {
        if (isFinished(m.state) || m.pathLinkIds.isEmpty())
            continue;
        int current = state.siteIndex(m.sourceSiteId);
        for (const QString& id : m.pathLinkIds) {
            const int l = state.linkIndex(id);
            if (l < 0)
                break;
            const int a = state.linkSiteA(l), b = state.linkSiteB(l);
            const int from = current == b ? b : a;
            const int to = from == a ? b : a;
            current = to;
            const int k = folded.foldedLinkOf(l);
            if (k < 0)
                continue;
            const int p = folded.representative(from), q = folded.representative(to);
            const qint64 key = qint64(k) * 2 + (p < q ? 0 : 1);
            if (drawn.contains(key))
                continue;
            drawn.insert(key);
            segments.emplace_back(position[p], position[q]);
        }
    }
    return segments;
}

void LinkLayer::flowDashes(const std::vector<QLineF>& paths, double phase, std::vector<QLineF>& out)
{
    constexpr double kPeriod = 11, kDash = 4.4;
    const double offset = std::fmod(phase, kPeriod);
    out.clear();
    for (const QLineF& path : paths) {
        const double length = path.length();
        if (length < 1)
            continue;
        const QPointF u = (path.p2() - path.p1()) / length;
        // Dashes start `offset` further along as the phase grows: they move to the target.
        for (double t = offset - kPeriod; t < length; t += kPeriod) {
            const double a = std::max(0.0, t), b = std::min(length, t + kDash);
            if (b > a)
                out.emplace_back(path.p1() + u * a, path.p1() + u * b);
        }
    }
}

void LinkLayer::paintMigrationFlows(QPainter& painter, const MapFrame& frame, double phase)
{
    const std::vector<QLineF> paths = migrationPaths(frame.state, frame.folded, frame.position);
    if (paths.empty())
        return;
    flowDashes(paths, phase, m_flowDashes);
    painter.setRenderHint(QPainter::Antialiasing, true);
    QColor glow = QColor::fromRgba(frame.theme.preview);
    glow.setAlpha(70);
    // Flat caps and solid pens only: the raster engine's fast line path.
    painter.setPen(QPen(glow, kFlowGlowWidth, Qt::SolidLine, Qt::FlatCap));
    painter.drawLines(paths.data(), int(paths.size()));
    painter.setPen(QPen(QColor::fromRgba(frame.theme.flow), kFlowDashWidth, Qt::SolidLine, Qt::FlatCap));
    painter.drawLines(m_flowDashes.data(), int(m_flowDashes.size()));
}

int LinkLayer::linkAt(const MapFrame& frame, QPointF screen)
{
    const std::vector<FoldedLink>& links = frame.folded.links();
    int best = -1;
    double bestDistance = 4;
    for (int k = 0; k < int(links.size()); ++k) {
        const QPointF p = frame.position[links[k].a], q = frame.position[links[k].b];
        if (outside(p, q, QRectF(screen - QPointF(5, 5), QSizeF(10, 10))))
            continue;
        const double d = distanceToSegment(screen, p, q);
        if (d <= bestDistance) {
            best = k;
            bestDistance = d;
        }
    }
    return best;
}

} // namespace cpn
