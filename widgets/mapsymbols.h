#pragma once
// Site circles (fill, outline, status ring, hub halo) and haloed labels, rendered once per
// style and size and then stamped with drawImage: an order of magnitude cheaper than
// antialiased drawEllipse or text outlines for every site on every frame.

#include <QHash>
#include <QImage>
#include <QString>

namespace cpn {

class MapSymbols {
public:
    enum class Ring : quint8 { None, Degraded, Maintenance, Offline };

    // colorKey identifies fill (the caller's palette index); radius is in logical pixels and
    // is rounded to a quarter pixel. The image's centre is the site's position.
    const QImage& site(int colorKey, const QColor& fill, double radius, Ring ring, bool halo, qreal devicePixelRatio);

    // Light text with a dark halo; the text's left edge and vertical centre are at
    // (labelMargin, height / 2) in logical pixels.
    const QImage& label(const QString& text, bool hub, qreal devicePixelRatio);
    static constexpr int labelMargin = 2;

    // Labels depend on the language and fonts: called on a language change.
    void clearLabels() { m_labels.clear(); }

private:
    void setDevicePixelRatio(qreal devicePixelRatio);

    QHash<quint64, QImage> m_sites;
    QHash<QString, QImage> m_labels;
    qreal m_devicePixelRatio = 1;
};

} // namespace cpn
