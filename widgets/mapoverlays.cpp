#include "mapoverlays.h"

#include "foldednetwork.h"
#include "latencyreach.h"
#include "linklayer.h"
#include "maptheme.h"
#include "networkstate.h"
#include "utilisationcolor.h"

#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QSet>

#include <cmath>
#include <limits>

namespace cpn {

namespace {

constexpr double kFibreKmPerMs = 100; // straight-line reach of 1 ms of fibre, with route detours
constexpr double kMaxDiscKm = 300;
constexpr double kMinDiscKm = 25;
constexpr double kAreaOpacity = 0.30;

// A small rounded tag with text, e.g. the projected load next to a site.
void drawTag(QPainter& painter, const MapTheme& theme, QPointF anchor, const QString& text, const QColor& accent)
{
    QFont font = QGuiApplication::font();
    font.setPixelSize(11);
    font.setBold(true);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const QRectF box(
        anchor.x(), anchor.y() - metrics.height() / 2 - 2, metrics.horizontalAdvance(text) + 10, metrics.height() + 4);
    painter.setPen(QPen(accent, 1.2));
    painter.setBrush(QColor::fromRgba(theme.panel));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(QColor::fromRgba(theme.panelText));
    painter.drawText(box, Qt::AlignCenter, text);
}

QString percent(double ratio)
{
    return QLocale().toString(ratio * 100, 'f', 0) + QLatin1Char('%');
}

} // namespace

void LatencyReachOverlay::setDistances(int source, std::vector<float> distances)
{
    m_source = source;
    m_distance = std::move(distances);
    m_valid = false;
}

void LatencyReachOverlay::clear()
{
    m_source = -1;
    m_distance.clear();
    m_valid = false;
}

float LatencyReachOverlay::distance(int site) const
{
    if (site < 0 || site >= int(m_distance.size()))
        return std::numeric_limits<float>::infinity();
    return m_distance[site];
}

void LatencyReachOverlay::paintAreas(
    QPainter& painter, const MapFrame& frame, const QList<QPointF>& plane, bool interacting)
{
    if (isEmpty() || plane.size() != qsizetype(m_distance.size()))
        return;
    const MapViewport& viewport = frame.viewport;
    const qreal dpr = frame.devicePixelRatio;
    const bool current = m_valid && m_rendered == viewport && m_image.devicePixelRatio() == dpr;
    if (!current && !interacting) {
        const QSize pixels = viewport.size() * dpr;
        if (m_image.size() != pixels)
            m_image = QImage(pixels, QImage::Format_ARGB32_Premultiplied);
        m_image.setDevicePixelRatio(dpr);
        m_image.fill(Qt::transparent);
        QPainter p(&m_image);
        p.setRenderHint(QPainter::Antialiasing, true);
        const QRectF cull = frame.screen;
        // Outer band first; each band paints over the wider one. A rim stroked under the fill
        // leaves only the outline of the union.
        for (int band = int(LatencyReach::kBandsMs.size()) - 1; band >= 0; --band) {
            const double budget = LatencyReach::kBandsMs[band];
            const QColor color = QColor::fromRgba(frame.theme.reach[band]);
            for (int pass = 0; pass < 2; ++pass) {
                p.setPen(pass == 0 ? QPen(color.lighter(150), 3.0) : QPen(Qt::NoPen));
                p.setBrush(pass == 0 ? QBrush(Qt::NoBrush) : QBrush(color));
                for (int s = 0; s < int(m_distance.size()); ++s) {
                    if (!(m_distance[s] <= budget))
                        continue;
                    const double km = std::clamp((budget - m_distance[s]) * kFibreKmPerMs, kMinDiscKm, kMaxDiscKm);
                    const double r = km * 1000 * viewport.scale();
                    const QPointF c = viewport.toScreen(plane[s]);
                    if (c.x() + r < cull.left() || c.x() - r > cull.right() || c.y() + r < cull.top()
                        || c.y() - r > cull.bottom())
                        continue;
                    p.drawEllipse(c, r, r);
                }
            }
        }
        p.end();
        m_rendered = viewport;
        m_valid = true;
    }
    if (!m_valid)
        return;
    painter.save();
    painter.setOpacity(kAreaOpacity);
    if (m_rendered != viewport) {
        painter.setTransform(m_rendered.transform().inverted() * viewport.transform(), true);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    }
    painter.drawImage(QPointF(0, 0), m_image);
    painter.restore();
}

void LatencyReachOverlay::paintRings(QPainter& painter, const MapFrame& frame) const
{
    if (isEmpty() || frame.folded.siteCount() != int(m_distance.size()))
        return;
    std::vector<float> nearest(m_distance.size(), std::numeric_limits<float>::infinity());
    for (int s = 0; s < int(m_distance.size()); ++s) {
        if (std::isfinite(m_distance[s])) {
            float& n = nearest[frame.folded.representative(s)];
            n = std::min(n, m_distance[s]);
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setBrush(Qt::NoBrush);
    for (int v : frame.folded.visibleSites()) {
        // The 20 ms band usually holds most of the country: shaded, not ringed site by site.
        const int band = std::isfinite(nearest[v]) ? LatencyReach::band(nearest[v]) : -1;
        if (band < 0 || band > 1 || frame.radius[v] < 1 || !frame.screen.contains(frame.position[v]))
            continue;
        painter.setPen(QPen(QColor::fromRgba(frame.theme.reach[band]).lighter(130), 1.6));
        const double r = frame.radius[v] + 3.5;
        painter.drawEllipse(frame.position[v], r, r);
    }
}

void MigrationPreviewOverlay::paint(QPainter& painter, const MapFrame& frame, const MigrationPreview& preview)
{
    const NetworkState& state = frame.state;
    const FoldedNetwork& folded = frame.folded;
    const int source = state.siteIndex(preview.sourceSiteId);
    const int target = state.siteIndex(preview.targetSiteId);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);

    // Path, in order, as drawn between the sites its links are folded into.
    struct Segment {
        QPointF from, to;
        QString linkId;
    };
    std::vector<Segment> path;
    int current = source;
    for (const QString& id : preview.pathLinkIds) {
        const int l = state.linkIndex(id);
        if (l < 0)
            continue;
        const int a = state.linkSiteA(l), b = state.linkSiteB(l);
        const int from = current == b ? b : a;
        const int to = from == a ? b : a;
        current = to;
        if (folded.foldedLinkOf(l) < 0)
            continue;
        path.push_back({ frame.position[folded.representative(from)], frame.position[folded.representative(to)], id });
    }
    const QColor accent = QColor::fromRgba(frame.theme.preview);
    // Ghost bands: the projected load of each link, under the path.
    for (const Segment& s : path) {
        if (!preview.linkUtilisationAfter.contains(s.linkId))
            continue;
        QColor ghost = utilisationColor(preview.linkUtilisationAfter.value(s.linkId));
        ghost.setAlpha(120);
        painter.setPen(QPen(ghost, 9.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(s.from, s.to);
    }
    QColor glow = accent;
    glow.setAlpha(90);
    for (const Segment& s : path) {
        painter.setPen(QPen(glow, 5.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(s.from, s.to);
        painter.setPen(QPen(accent, 2.2, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(s.from, s.to);
        // A chevron in the middle points the way.
        const QPointF d = s.to - s.from;
        const double length = std::hypot(d.x(), d.y());
        if (length < 24)
            continue;
        const QPointF u = d / length, n(-u.y(), u.x());
        const QPointF m = (s.from + s.to) / 2 + u * 4;
        const QPointF chevron[] = { m - u * 7 + n * 5, m, m - u * 7 - n * 5 };
        painter.setPen(QPen(accent, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.drawPolyline(chevron, 3);
    }
    for (const Segment& s : path) {
        if (preview.linkUtilisationAfter.contains(s.linkId)) {
            const double after = preview.linkUtilisationAfter.value(s.linkId);
            drawTag(painter, frame.theme, (s.from + s.to) / 2 + QPointF(8, 10), tr("→ %1").arg(percent(after)),
                utilisationColor(after));
        }
    }
    // Links whose load changes off the path (a contingency's rerouted traffic): the same bands.
    QSet<QString> onPath;
    for (const Segment& s : path)
        onPath.insert(s.linkId);
    for (auto it = preview.linkUtilisationAfter.cbegin(); it != preview.linkUtilisationAfter.cend(); ++it) {
        const int l = state.linkIndex(it.key());
        if (l < 0 || onPath.contains(it.key()) || folded.foldedLinkOf(l) < 0)
            continue;
        const QPointF a = frame.position[folded.representative(state.linkSiteA(l))];
        const QPointF b = frame.position[folded.representative(state.linkSiteB(l))];
        QColor ghost = utilisationColor(it.value());
        ghost.setAlpha(150);
        painter.setPen(QPen(ghost, 7.0, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(a, b);
        drawTag(painter, frame.theme, (a + b) / 2 + QPointF(8, 10), tr("→ %1").arg(percent(it.value())),
            utilisationColor(it.value()));
    }
    // Displaced work: arcs from where it ran to where it would go, as thick as its share.
    double most = 0;
    for (const auto& flow : preview.flows)
        most = std::max(most, flow.pflops);
    for (const auto& flow : preview.flows) {
        const int from = state.siteIndex(flow.sourceSiteId);
        const int to = state.siteIndex(flow.targetSiteId);
        if (from < 0 || to < 0 || folded.representative(from) == folded.representative(to))
            continue;
        const QPointF a = frame.position[folded.representative(from)];
        const QPointF b = frame.position[folded.representative(to)];
        const QPointF d = b - a;
        const double length = std::hypot(d.x(), d.y());
        if (length < 1)
            continue;
        const QPointF n(-d.y() / length, d.x() / length);
        const QPointF control = (a + b) / 2 + n * length * 0.18;
        QPainterPath arc(a);
        arc.quadTo(control, b);
        const double width = 1.5 + 3.5 * (most > 0 ? flow.pflops / most : 0);
        painter.setPen(QPen(glow, width + 3, Qt::SolidLine, Qt::RoundCap));
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(arc);
        painter.setPen(QPen(accent, width, Qt::SolidLine, Qt::RoundCap));
        painter.drawPath(arc);
        // An arrow head at the target, along the arc's last direction.
        const QPointF tangent = b - control;
        const double t = std::hypot(tangent.x(), tangent.y());
        if (t > 1) {
            const QPointF u = tangent / t, m(-u.y(), u.x());
            const QPointF head[] = { b - u * 10 + m * 5, b, b - u * 10 - m * 5 };
            painter.setPen(QPen(accent, 2.2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
            painter.drawPolyline(head, 3);
        }
    }
    // Ghost rings: dashed, in the colour of the load after the move.
    QSet<int> ringed;
    for (auto it = preview.siteUtilisationAfter.cbegin(); it != preview.siteUtilisationAfter.cend(); ++it) {
        const int s = state.siteIndex(it.key());
        if (s < 0)
            continue;
        const int v = folded.representative(s);
        if (ringed.contains(v))
            continue;
        ringed.insert(v);
        const QPointF p = frame.position[v];
        const double r = std::max(3.0, double(frame.radius[v])) + 9;
        const QColor color = utilisationColor(it.value());
        QPen ring(color, 3.0, Qt::CustomDashLine, Qt::FlatCap);
        ring.setDashPattern({ 2.0, 1.5 });
        painter.setPen(ring);
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(p, r, r);
        const QString role = s == source ? tr("from") : s == target ? tr("to") : QString();
        const QString text
            = role.isEmpty() ? tr("→ %1").arg(percent(it.value())) : tr("%1 → %2").arg(role, percent(it.value()));
        drawTag(painter, frame.theme, p + QPointF(r + 4, r * 0.6), text, color);
    }
    // Source and target are marked even without projected loads.
    for (int s : { source, target }) {
        if (s < 0 || ringed.contains(folded.representative(s)))
            continue;
        const int v = folded.representative(s);
        painter.setPen(QPen(accent, 2.0, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        const double r = std::max(3.0, double(frame.radius[v])) + 9;
        painter.drawEllipse(frame.position[v], r, r);
    }
    // What fails: a site crossed out, a link in red dashes.
    const QColor failed(0xf0, 0x5a, 0x4f);
    for (const QString& id : preview.failedIds) {
        if (const int s = state.siteIndex(id); s >= 0) {
            const int v = folded.representative(s);
            const QPointF p = frame.position[v];
            const double r = std::max(3.0, double(frame.radius[v])) + 6;
            painter.setPen(QPen(failed, 3.0, Qt::SolidLine, Qt::RoundCap));
            painter.drawLine(p + QPointF(-r, -r), p + QPointF(r, r));
            painter.drawLine(p + QPointF(-r, r), p + QPointF(r, -r));
        } else if (const int l = state.linkIndex(id); l >= 0 && folded.foldedLinkOf(l) >= 0) {
            painter.setPen(QPen(failed, 3.0, Qt::DashLine, Qt::RoundCap));
            painter.drawLine(frame.position[folded.representative(state.linkSiteA(l))],
                frame.position[folded.representative(state.linkSiteB(l))]);
        }
    }
    painter.restore();
}

void MigrationPreviewOverlay::paintDropTarget(QPainter& painter, const MapFrame& frame, int site)
{
    if (site < 0 || site >= frame.folded.siteCount())
        return;
    const int v = frame.folded.representative(site);
    const QPointF p = frame.position[v];
    const double r = std::max(3.0, double(frame.radius[v])) + 10;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    QColor fill = QColor::fromRgba(frame.theme.dropTarget);
    fill.setAlpha(50);
    painter.setBrush(fill);
    painter.setPen(QPen(QColor::fromRgba(frame.theme.dropTarget), 2.5));
    painter.drawEllipse(p, r, r);
    painter.restore();
}

void AlarmAttentionOverlay::paint(
    QPainter& painter, const MapFrame& frame, const QList<int>& sites, const QList<int>& links)
{
    const QColor red = QColor::fromRgba(frame.theme.alarmCritical);
    const QRectF cull = frame.screen.adjusted(-30, -30, 30, 30);
    QList<QPointF> marks;
    QSet<int> marked; // a folded hub holding several alarming sites gets one mark
    for (int s : sites) {
        if (s < 0 || s >= frame.folded.siteCount())
            continue;
        const int shown = frame.folded.representative(s);
        if (shown < 0 || marked.contains(shown))
            continue;
        marked.insert(shown);
        const QPointF p = frame.position[shown];
        if (!cull.contains(p))
            continue;
        const double r = std::max<double>(6, frame.radius[shown]) + 5;
        painter.setBrush(Qt::NoBrush);
        painter.setPen(QPen(red, 2.5));
        painter.drawEllipse(p, r, r);
        marks.append(p + QPointF(r * 0.7, -r * 0.7));
    }
    for (int l : links) {
        if (l < 0 || l >= frame.state.links().size())
            continue;
        const int a = frame.folded.representative(frame.state.linkSiteA(l));
        const int b = frame.folded.representative(frame.state.linkSiteB(l));
        if (a < 0 || b < 0)
            continue;
        const QPointF p = (frame.position[a] + frame.position[b]) / 2;
        if (!cull.contains(p))
            continue;
        if (a != b) {
            painter.setPen(QPen(red, 2.0, Qt::DashLine, Qt::FlatCap));
            painter.drawLine(frame.position[a], frame.position[b]);
        }
        marks.append(p);
    }
    // A round "!" badge at every mark.
    QFont font = QGuiApplication::font();
    font.setPixelSize(11);
    font.setBold(true);
    painter.setFont(font);
    for (const QPointF& m : std::as_const(marks)) {
        const QRectF badge(m.x() - 8, m.y() - 8, 16, 16);
        painter.setPen(QPen(QColor::fromRgba(frame.theme.siteOutline), 1.0));
        painter.setBrush(red);
        painter.drawEllipse(badge);
        painter.setPen(QColor::fromRgba(frame.theme.alarmText));
        painter.drawText(badge, Qt::AlignCenter, QStringLiteral("!"));
    }
}

QColor StaleDataOverlay::desaturate(const QColor& color)
{
    const QColor hsl = color.toHsl();
    return QColor::fromHslF(hsl.hslHueF(), hsl.hslSaturationF() * 0.15f, hsl.lightnessF() * 0.85f, hsl.alphaF())
        .toRgb();
}

void StaleDataOverlay::paintBanner(QPainter& painter, const QRectF& screen, const MapTheme& theme, const QDateTime& since)
{
    const QString text = tr("Stale data since %1: showing the last state received")
                             .arg(since.toString(QStringLiteral("HH:mm:ss")));
    QFont font = QGuiApplication::font();
    font.setPixelSize(15);
    font.setBold(true);
    painter.setFont(font);
    const QFontMetricsF metrics(font);
    const double width = metrics.horizontalAdvance(text) + 32;
    const double height = metrics.height() + 14;
    const QRectF box(screen.center().x() - width / 2, screen.top() + 56, width, height);
    painter.setPen(QPen(QColor::fromRgba(theme.alarmWarning), 1.5));
    painter.setBrush(QColor::fromRgba(theme.panel));
    painter.drawRoundedRect(box, 6, 6);
    painter.setPen(QColor::fromRgba(theme.alarmWarning));
    painter.drawText(box, Qt::AlignCenter, text);
}

} // namespace cpn
