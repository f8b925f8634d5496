#pragma once
// The links on the map, as merged by folding: width by capacity, colour by load, one lane per
// direction (right-hand traffic: looking from one end, the lane on the right carries what
// leaves it) when there is room, dashed and marked broken when down; culled, skipped under
// 2 px and batched by pen. On top, the animated flow of active migrations along their paths.

#include "mapframe.h"

#include <QColor>
#include <QLineF>

#include <array>
#include <vector>

class QPainter;

namespace cpn {

class FoldedNetwork;
class NetworkState;
struct MapTheme;

class LinkLayer {
public:
    void setTheme(const MapTheme& theme);
    // Stale data is drawn without its colours (see StaleDataOverlay).
    void setStale(bool stale);

    // selectedSite: the visible site whose links stand out (-1 for none).
    void paint(QPainter& painter, const MapFrame& frame, int selectedSite);
    // Dashes moving from source to target along the paths of unfinished migrations; phase in
    // pixels grows with time.
    void paintMigrationFlows(QPainter& painter, const MapFrame& frame, double phase);
    // Whether any migration is unfinished (the flow needs animating).
    static bool hasActiveMigrations(const NetworkState& state);
    // The segments unfinished migrations travel, source to target, once per merged link and
    // direction, between the screen positions of the visible sites.
    static std::vector<QLineF> migrationPaths(
        const NetworkState& state, const FoldedNetwork& folded, const std::vector<QPointF>& position);
    // The moving dashes along those segments at a phase (px), as plain line segments: a dashed
    // pen would be stroked through a path, many times slower.
    static void flowDashes(const std::vector<QLineF>& paths, double phase, std::vector<QLineF>& out);
    static constexpr double kFlowGlowWidth = 6.0;
    static constexpr double kFlowDashWidth = 2.2;

    // The merged link under a screen point (within 4 px), or -1.
    static int linkAt(const MapFrame& frame, QPointF screen);
    // Links drawn in the last frame.
    std::size_t drawnCount() const { return m_drawn; }

    static constexpr int kWidthSteps = 6;
    static double width(double capacityGbps);

private:
    static constexpr int kColorSteps = 24;
    static constexpr int kBatches = kColorSteps * kWidthSteps;

    std::array<std::vector<QLineF>, kBatches> m_single;
    std::array<std::vector<QLineF>, kBatches> m_lanes;
    std::vector<QLineF> m_down;
    std::array<std::vector<QLineF>, kWidthSteps> m_greyed; // of platforms not live, by width
    std::vector<QPointF> m_breaks;
    std::vector<QLineF> m_flowDashes;
    // Per density step: dense meshes are drawn fainter, so that the backbone stays readable.
    static constexpr int kDensitySteps = 4;
    std::array<std::array<QColor, kColorSteps>, kDensitySteps> m_palette;
    std::size_t m_drawn = 0;
    const MapTheme* m_theme = nullptr;
    bool m_stale = false;
};

} // namespace cpn
