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

    Note: ECharts draws the South China Sea islands inset (南海诸岛) and the Diaoyu
    island box from code (src/coord/geo/fix/), not from china.json; neither is in the
    data, so neither is in the output.

Standard library only.
"""

import argparse
import json
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
    args = ap.parse_args(argv)

    with open(args.source, encoding="utf-8") as f:
        src = json.load(f)
    result, stats = convert(src, args.decimals, args.min_step)

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
