#include "maptheme.h"

namespace cpn {

const MapTheme& MapTheme::dark()
{
    static const MapTheme theme = [] {
        MapTheme t;
        t.kind = MapThemeKind::Dark;
        t.background = 0xff060d1a;
        t.graticule = 0xff0e1b30;
        t.land = 0xff11213a;
        t.coastGlow = 0xff1b4270;
        t.border = 0xff284468;
        t.regionLabel = 0xff4a6790;
        t.insetFrame = 0xff3a5a86;
        t.linkDown = 0xff6b7686;
        t.linkBreak = 0xffff4d6d;
        t.siteOutline = 0xff060d1a;
        t.siteOffline = 0xff3a4456;
        t.ringDegraded = 0xffffb020;
        t.ringMaintenance = 0xff4da3ff;
        t.ringOffline = 0xffff4d6d;
        t.selection = 0xff7dd3fc;
        t.foldedMark = 0xb0a9c6ee;
        t.labelText = 0xffe8eef8;
        t.labelSubText = 0xff9fb3cf;
        t.labelHalo = 0xe0060d1a;
        t.panel = 0xd90a1424;
        t.panelBorder = 0xff284468;
        t.panelText = 0xffc5d3e8;
        t.alarmCritical = 0xffff3b5c;
        t.alarmWarning = 0xffffa620;
        t.alarmText = 0xffffffff;
        t.flow = 0xffe6fbff;
        t.preview = 0xff5ee7ff;
        t.dropTarget = 0xff5ee7ff;
        t.reach = { 0xff36d6c3, 0xff2b8fd9, 0xff5b4fc4 };
        t.linkOpacity = 0.75;
        return t;
    }();
    return theme;
}

const MapTheme& MapTheme::light()
{
    static const MapTheme theme = [] {
        MapTheme t;
        t.kind = MapThemeKind::Light;
        t.background = 0xffdfe8f2;
        t.graticule = 0xffd0dcea;
        t.land = 0xfffbfcfd;
        t.coastGlow = 0xffbccde2;
        t.border = 0xffa9b8cc;
        t.regionLabel = 0xff8797ad;
        t.insetFrame = 0xff8a9bb3;
        t.linkDown = 0xff8a93a0;
        t.linkBreak = 0xffd6213f;
        t.siteOutline = 0xff27364a;
        t.siteOffline = 0xff9aa5b4;
        t.ringDegraded = 0xffe08a00;
        t.ringMaintenance = 0xff1f6fd1;
        t.ringOffline = 0xffd6213f;
        t.selection = 0xff0a5bd6;
        t.foldedMark = 0xb0425877;
        t.labelText = 0xff17212f;
        t.labelSubText = 0xff4d5e75;
        t.labelHalo = 0xe8ffffff;
        t.panel = 0xeaffffff;
        t.panelBorder = 0xffb3c1d3;
        t.panelText = 0xff27364a;
        t.alarmCritical = 0xffd6213f;
        t.alarmWarning = 0xffe08a00;
        t.alarmText = 0xffffffff;
        t.flow = 0xff0b3d91;
        t.preview = 0xff0a5bd6;
        t.dropTarget = 0xff0a5bd6;
        t.reach = { 0xff10a898, 0xff2f7fd0, 0xff6a5acd };
        t.linkOpacity = 0.85;
        return t;
    }();
    return theme;
}

const MapTheme& MapTheme::of(MapThemeKind kind)
{
    return kind == MapThemeKind::Light ? light() : dark();
}

} // namespace cpn
