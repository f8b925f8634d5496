#pragma once
// Site circles (fill, outline, status ring, hub halo) rendered once per style and size and
// then stamped with drawImage: an order of magnitude cheaper than antialiased drawEllipse
// for thousands of sites.

#include <QHash>
#include <QImage>

namespace cpn {

class SiteSymbols {
public:
    enum class Ring : quint8 { None, Degraded, Maintenance, Offline };

    // colorKey identifies fill (the caller's palette index); radius is in logical pixels and
    // is rounded to a quarter pixel. The image's centre is the site's position.
    const QImage& symbol(int colorKey, const QColor& fill, double radius, Ring ring, bool halo, qreal devicePixelRatio);

private:
    QHash<quint64, QImage> m_cache;
    qreal m_devicePixelRatio = 1;
};

} // namespace cpn
