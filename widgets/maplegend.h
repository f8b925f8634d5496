#pragma once
// The map's key: the utilisation colour scale, the status rings and what a dashed link means.

#include <QCoreApplication>

#include <QImage>

namespace cpn {

class MapLegend {
    Q_DECLARE_TR_FUNCTIONS(cpn::MapLegend)
public:
    // The legend panel, in the current language; the caller caches it.
    static QImage render(qreal devicePixelRatio);
};

} // namespace cpn
