#!/usr/bin/env python3
"""Convert ECharts' compressed China map to a plain GeoJSON basemap.

Usage:
    python3 tools/convert_basemap.py path/to/china.json resources/basemap/china.geojson
            [--decimals 3] [--min-step 0]

Source
    map/json/china.json of the Apache ECharts 4.9.0 npm package (Apache-2.0).
    Obtain it with
        mkdir /tmp/echarts && cd /tmp/echarts && npm pack echarts@4.9.0 \
            && tar xzf echarts-4.9.0.tgz
    which leaves the file at /tmp/echarts/package/map/json/china.json (the package's
    LICENSE and NOTICE sit next to it in package/).

Encoding ("UTF8Encoding": true at the top level)
    A Polygon's "coordinates" is a list of strings, one per ring, and its geometry has
    "encodeOffsets", a list of [x, y] integer pairs, one per ring (for a MultiPolygon both
    are nested one level deeper, one list per polygon). A ring string holds two characters
    per point, x then y. For each character: v = code point - 64; zigzag-decode it,
    d = (v >> 1) ^ -(v & 1); add d to the previous integer value of that axis, starting
    from the ring's encodeOffsets pair. Each integer value divided by 1024 is the
    coordinate in degrees (x = longitude, y = latitude). Every ring string starts with
    "@@" (a zero delta), so a ring's first point is its offset pair itself.

Output
    A GeoJSON FeatureCollection with one Polygon/MultiPolygon feature per province-level
    division, properties: name (Chinese, as in the source), name_en, adcode (from the
    source id) and cp (label point [lon, lat]) when present. Coordinates are rounded to
    --decimals places, consecutive duplicate points are dropped, rings are closed and
    oriented as RFC 7946 asks (exterior counter-clockwise, holes clockwise). With
    --min-step D > 0, a point closer than D degrees (per axis) to the previously kept one
    is dropped too, never leaving fewer than 4 positions (3 distinct points) in a ring.
    Rings that collapse to fewer than 3 distinct points are left out and counted.

South China Sea islands (南海诸岛)
    ECharts draws them not from china.json but from code in the same package,
    src/coord/geo/fix/nanhai.js: an inset box (frame, islands and the dashed line) given in
    box units. With --nanhai FILE (default: that file next to the source, when present)
    the converter reads those shapes and appends them as one feature, properties
    name "南海诸岛", name_en, kind "inset" and cp (label point, as ECharts' textCoord.js
    puts it). The box is laid out upright in the console's map plane (Lambert conformal
    conic, standard parallels 25N/47N, central meridian 105E, origin 36N, WGS84), one box
    unit = INSET_UNIT_M metres, its bottom-left corner at INSET_ORIGIN (east of Taiwan,
    level with Hainan's south coast, where printed maps of China put it), and the corners
    converted back to longitude/latitude: in that projection it is drawn as the familiar
    upright inset; in another it would lean slightly. --no-nanhai leaves it out.

Standard library only.
"""

import argparse
import json
import math
import os
import re
import sys

ENCODE_SCALE = 1024

# Province-level divisions: source name (short form) -> English / pinyin name.
NAME_EN = {
    "北京": "Beijing",
    "天津": "Tianjin",
    "河北": "Hebei",
    "山西": "Shanxi",
    "内蒙古": "Inner Mongolia",
    "辽宁": "Liaoning",
    "吉林": "Jilin",
    "黑龙江": "Heilongjiang",
    "上海": "Shanghai",
    "江苏": "Jiangsu",
    "浙江": "Zhejiang",
    "安徽": "Anhui",
    "福建": "Fujian",
    "江西": "Jiangxi",
    "山东": "Shandong",
    "河南": "Henan",
    "湖北": "Hubei",
    "湖南": "Hunan",
    "广东": "Guangdong",
    "广西": "Guangxi",
    "海南": "Hainan",
    "重庆": "Chongqing",
    "四川": "Sichuan",
    "贵州": "Guizhou",
    "云南": "Yunnan",
    "西藏": "Tibet",
    "陕西": "Shaanxi",
    "甘肃": "Gansu",
    "青海": "Qinghai",
    "宁夏": "Ningxia",
    "新疆": "Xinjiang",
    "台湾": "Taiwan",
    "香港": "Hong Kong",
    "澳门": "Macau",
    "南海诸岛": "South China Sea Islands",
}

# Suffixes of full official names, so that e.g. 广西壮族自治区 also finds 广西.
_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "自治区",
             "特别行政区", "省", "市")


def name_en(name):
    if name in NAME_EN:
        return NAME_EN[name]
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and name[: -len(suffix)] in NAME_EN:
            return NAME_EN[name[: -len(suffix)]]
    print(f"warning: no English name for {name!r}; using it as is", file=sys.stderr)
    return name


# Lambert conformal conic of the console (widgets/mapprojection.cpp), for the inset.
_A = 6378137.0
_F = 1 / 298.257223563
_E = math.sqrt(_F * (2 - _F))
_D = math.pi / 180


def _m(phi):
    s = math.sin(phi)
    return math.cos(phi) / math.sqrt(1 - _E * _E * s * s)


def _t(phi):
    s = math.sin(phi)
    return math.tan(math.pi / 4 - phi / 2) / ((1 - _E * s) / (1 + _E * s)) ** (_E / 2)


_PHI1, _PHI2, _LAMBDA0, _PHI0 = 25 * _D, 47 * _D, 105 * _D, 36 * _D
_N = (math.log(_m(_PHI1)) - math.log(_m(_PHI2))) / (math.log(_t(_PHI1)) - math.log(_t(_PHI2)))
_AF = _A * _m(_PHI1) / (_N * _t(_PHI1) ** _N)
_RHO0 = _AF * _t(_PHI0) ** _N


def lcc_inverse(x, y):
    """Plane metres (x east, y north) -> (lon, lat) degrees."""
    dy = _RHO0 - y
    rho = math.hypot(x, dy)
    theta = math.atan2(x, dy)
    t = (rho / _AF) ** (1 / _N)
    phi = math.pi / 2 - 2 * math.atan(t)
    for _ in range(20):
        s = math.sin(phi)
        phi = math.pi / 2 - 2 * math.atan(t * ((1 - _E * s) / (1 + _E * s)) ** (_E / 2))
    return (theta / _N + _LAMBDA0) / _D, phi / _D


INSET_UNIT_M = 8500.0
INSET_ORIGIN = (1880e3, -1962e3)  # plane metres of the box's bottom-left corner
INSET_LABEL = (32, 80)  # box units, from ECharts' textCoord.js ('南海诸岛': [32, 80])


def read_nanhai(path):
    """The inset's rings in box units (x right, y down) from ECharts' nanhai.js."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    match = re.search(r"var\s+points\s*=\s*(\[.*?\]);", text, re.S)
    if not match:
        raise ValueError(f"{path}: no 'var points = [...]' found")
    return json.loads(match.group(1))


def nanhai_feature(rings, decimals):
    height = max(y for ring in rings for _, y in ring)
    x0, y0 = INSET_ORIGIN

    def to_lonlat(u, v):
        lon, lat = lcc_inverse(x0 + u * INSET_UNIT_M, y0 + (height - v) * INSET_UNIT_M)
        return [round(lon, decimals), round(lat, decimals)]

    polygons = []
    for ring in rings:
        points = [to_lonlat(u, v) for u, v in ring]
        if points[0] != points[-1]:
            points.append(points[0])
        if signed_area(points) < 0:  # exterior counter-clockwise
            points.reverse()
        polygons.append([points])
    return {"type": "Feature",
            "properties": {"name": "南海诸岛", "name_en": NAME_EN["南海诸岛"], "kind": "inset",
                           "cp": to_lonlat(*INSET_LABEL)},
            "geometry": {"type": "MultiPolygon", "coordinates": polygons}}


def decode_ring(encoded, offset):
    """Decode one ring string into a list of (lon, lat) in degrees."""
    if len(encoded) % 2:
        raise ValueError("ring string has an odd number of characters")
    x, y = int(offset[0]), int(offset[1])
    points = []
    for i in range(0, len(encoded), 2):
        vx = ord(encoded[i]) - 64
        vy = ord(encoded[i + 1]) - 64
        x += (vx >> 1) ^ -(vx & 1)
        y += (vy >> 1) ^ -(vy & 1)
        points.append((x / ENCODE_SCALE, y / ENCODE_SCALE))
    return points


def signed_area(ring):
    """Shoelace area of a closed ring; > 0 when counter-clockwise (lon east, lat north)."""
    a = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        a += x0 * y1 - x1 * y0
    return a / 2.0


def clean_ring(points, decimals, min_step):
    """Round, drop repeats (and, with min_step, near points), close. None if degenerate."""
    rounded = [(round(x, decimals), round(y, decimals)) for x, y in points]
    # Open the ring for processing.
    while len(rounded) > 1 and rounded[-1] == rounded[0]:
        rounded.pop()
    kept = []
    for p in rounded:
        if not kept or p != kept[-1]:
            kept.append(p)
    if len(kept) > 1 and kept[-1] == kept[0]:
        kept.pop()
    if min_step > 0 and len(kept) > 3:
        thinned = [kept[0]]
        for p in kept[1:]:
            q = thinned[-1]
            if abs(p[0] - q[0]) >= min_step or abs(p[1] - q[1]) >= min_step:
                thinned.append(p)
        # The closing point must not be too close to the first either.
        while len(thinned) > 3 and (abs(thinned[-1][0] - thinned[0][0]) < min_step
                                    and abs(thinned[-1][1] - thinned[0][1]) < min_step):
            thinned.pop()
        if len(thinned) >= 3:
            kept = thinned
    if len(set(kept)) < 3:
        return None
    kept.append(kept[0])
    return kept


def convert(src, decimals, min_step):
    if src.get("type") != "FeatureCollection":
        raise ValueError("source is not a GeoJSON FeatureCollection")
    encoded = bool(src.get("UTF8Encoding"))
    out_features = []
    stats = {"features": 0, "polygons": 0, "rings": 0, "points": 0,
             "source_points": 0, "dropped_rings": 0, "reversed_rings": 0}

    for feat in src["features"]:
        props = feat.get("properties") or {}
        geom = feat.get("geometry") or {}
        gtype = geom.get("type")
        if gtype not in ("Polygon", "MultiPolygon"):
            print(f"warning: skipping {props.get('name')!r}: geometry {gtype!r}",
                  file=sys.stderr)
            continue
        coords = geom["coordinates"]
        polys = [coords] if gtype == "Polygon" else coords
        if encoded:
            offsets = geom["encodeOffsets"]
            offsets = [offsets] if gtype == "Polygon" else offsets
            polys = [[decode_ring(r, o) for r, o in zip(poly, poff)]
                     for poly, poff in zip(polys, offsets)]
        else:
            polys = [[[(float(p[0]), float(p[1])) for p in r] for r in poly]
                     for poly in polys]

        out_polys = []
        for poly in polys:
            out_rings = []
            for k, ring in enumerate(poly):
                stats["source_points"] += len(ring)
                cleaned = clean_ring(ring, decimals, min_step)
                if cleaned is None:
                    stats["dropped_rings"] += 1
                    if k == 0:
                        break  # no exterior ring, no polygon
                    continue
                ccw = signed_area(cleaned) > 0
                if ccw != (k == 0):  # exterior CCW, holes CW
                    cleaned.reverse()
                    stats["reversed_rings"] += 1
                out_rings.append([[x, y] for x, y in cleaned])
            if out_rings:
                out_polys.append(out_rings)
        if not out_polys:
            print(f"warning: {props.get('name')!r} has no geometry left", file=sys.stderr)
            continue

        for poly in out_polys:
            stats["polygons"] += 1
            stats["rings"] += len(poly)
            stats["points"] += sum(len(r) for r in poly)

        name = props.get("name", "")
        out_props = {"name": name, "name_en": name_en(name)}
        adcode = feat.get("id", props.get("id", props.get("adcode")))
        if adcode is not None:
            out_props["adcode"] = int(adcode) if str(adcode).isdigit() else adcode
        cp = props.get("cp", props.get("center"))
        if cp is not None:
            out_props["cp"] = [round(float(cp[0]), 6), round(float(cp[1]), 6)]

        if len(out_polys) == 1:
            out_geom = {"type": "Polygon", "coordinates": out_polys[0]}
        else:
            out_geom = {"type": "MultiPolygon", "coordinates": out_polys}
        out_features.append({"type": "Feature", "properties": out_props,
                             "geometry": out_geom})
        stats["features"] += 1

    return {"type": "FeatureCollection", "features": out_features}, stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", help="ECharts map/json/china.json")
    ap.add_argument("output", help="GeoJSON file to write")
    ap.add_argument("--decimals", type=int, default=3,
                    help="decimal places kept in degrees (default 3, about 100 m)")
    ap.add_argument("--min-step", type=float, default=0.0,
                    help="drop points closer than this many degrees to the previous "
                         "kept one (default 0: only exact repeats)")
    ap.add_argument("--nanhai", help="ECharts' src/coord/geo/fix/nanhai.js (default: found "
                    "from the source's package when present)")
    ap.add_argument("--no-nanhai", action="store_true",
                    help="leave out the South China Sea islands inset")
    args = ap.parse_args(argv)

    with open(args.source, encoding="utf-8") as f:
        src = json.load(f)
    result, stats = convert(src, args.decimals, args.min_step)
    nanhai = args.nanhai
    if nanhai is None:
        guess = os.path.join(os.path.dirname(os.path.abspath(args.source)),
                             "..", "..", "src", "coord", "geo", "fix", "nanhai.js")
        nanhai = guess if os.path.exists(guess) else None
    if nanhai and not args.no_nanhai:
        result["features"].append(nanhai_feature(read_nanhai(nanhai), args.decimals))
        stats["features"] += 1
        print(f"added the South China Sea islands inset from {nanhai}")
    elif not args.no_nanhai:
        print("warning: nanhai.js not found; the South China Sea islands inset is left out",
              file=sys.stderr)

    with open(args.output, "w", encoding="utf-8", newline="\n") as f:
        # One feature per line: compact, yet diffs stay readable.
        f.write('{"type":"FeatureCollection","features":[\n')
        lines = [json.dumps(feat, ensure_ascii=False, separators=(",", ":"))
                 for feat in result["features"]]
        f.write(",\n".join(lines))
        f.write("\n]}\n")

    print(f"wrote {args.output}: {stats['features']} features, {stats['polygons']} polygons, "
          f"{stats['rings']} rings, {stats['points']} points "
          f"(source {stats['source_points']} points; {stats['dropped_rings']} degenerate "
          f"rings dropped, {stats['reversed_rings']} rings reversed to RFC 7946 winding)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
