#pragma once
// Colours of the dark control-room map theme, shared by the map's layers and its legend.

#include <QRgb>

namespace cpn::maptheme {

inline constexpr QRgb kBackground = 0xff060d1a; // sea and everything outside the map data
inline constexpr QRgb kGraticule = 0xff0e1b30;
inline constexpr QRgb kLand = 0xff11213a;
inline constexpr QRgb kCoastGlow = 0xff1b4270; // opaque: see Basemap::paint
inline constexpr QRgb kBorder = 0xff284468;
inline constexpr QRgb kRegionLabel = 0xff3f5a80;

inline constexpr QRgb kLinkDown = 0xff6b7686;
inline constexpr QRgb kSiteOutline = 0xff060d1a;
inline constexpr QRgb kSiteOffline = 0xff3a4456;
inline constexpr QRgb kRingDegraded = 0xffffb020;
inline constexpr QRgb kRingMaintenance = 0xff4da3ff;
inline constexpr QRgb kRingOffline = 0xffff4d6d;
inline constexpr QRgb kSelection = 0xff7dd3fc;

inline constexpr QRgb kLabelText = 0xffe8eef8;
inline constexpr QRgb kLabelHalo = 0xe0060d1a;
inline constexpr QRgb kPanel = 0xd90a1424;
inline constexpr QRgb kPanelBorder = 0xff284468;
inline constexpr QRgb kPanelText = 0xffc5d3e8;

} // namespace cpn::maptheme
