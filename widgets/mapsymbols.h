#pragma once
// Site glyphs (one shape per tier, fill, outline, status ring, folded mark, hub halo), alarm
// badges and haloed labels, rendered once per style and size and then stamped with drawImage:
// an order of magnitude cheaper than antialiased paths or text for every site on every frame.

#include "domain.h"
#include "maptheme.h"

#include <QColor>
#include <QHash>
#include <QImage>
#include <QString>

class QPainter;

namespace cpn {

class MapSymbols {
public:
    enum class Ring : quint8 { None, Degraded, Maintenance, Offline };
    enum class Shape : quint8 { Hub, Cluster, Regional, Edge };

    struct SiteStyle {
        Shape shape = Shape::Regional;
        int colorKey = 0; // the caller's palette index for fill
        QColor fill;
        double radius = 4; // logical pixels, rounded to a quarter pixel
        Ring ring = Ring::None;
        bool folded = false; // holds folded sites: a dashed outer mark
    };

    static Shape shapeOf(SiteTier tier);
    // The glyph outline of a shape around c, for the legend and for previews.
    static void drawShape(QPainter& painter, Shape shape, QPointF c, double radius);

    void setTheme(const MapTheme& theme);
    const MapTheme& theme() const { return *m_theme; }

    // The image's centre is the site's position.
    const QImage& site(const SiteStyle& style, qreal devicePixelRatio);
    // Radius of the image's outermost mark for a style: status ring or folded mark.
    static double outerRadius(const SiteStyle& style);

    // A round badge with the count of active alarms (or "!" for one), coloured by severity.
    const QImage& alarmBadge(AlarmSeverity severity, int count, qreal devicePixelRatio);

    // Text with a halo, and an optional smaller second line; the text's left edge and the
    // first line's vertical centre are at (labelMargin, firstLineCentre) in logical pixels.
    const QImage& label(const QString& text, const QString& subText, bool hub, qreal devicePixelRatio);
    // The image of a label made already, or null.
    const QImage* findLabel(const QString& text, const QString& subText, bool hub, qreal devicePixelRatio);
    // A frame's labels begin: past 4,096 images, those the frame before did not use are dropped
    // (never in the middle of a frame, whose labels may be made over several).
    void beginLabels();
    static constexpr int labelMargin = 2;
    // Distance from a label image's top to the middle of its first line, logical pixels.
    static double labelLineCentre(bool hub);

    // Labels depend on the language and fonts: called on a language change.
    void clearLabels() { m_labels.clear(); }

private:
    void setDevicePixelRatio(qreal devicePixelRatio);
    static QString labelKey(const QString& text, const QString& subText, bool hub);

    const MapTheme* m_theme = &MapTheme::dark();
    QHash<quint64, QImage> m_sites;
    QHash<quint32, QImage> m_badges;
    struct LabelImage {
        QImage image;
        quint64 frame = 0; // the last that used it
    };
    QHash<QString, LabelImage> m_labels;
    quint64 m_labelFrame = 0;
    qreal m_devicePixelRatio = 1;
};

} // namespace cpn
