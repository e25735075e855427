"""Build the page's basemap from Natural Earth country outlines (run by hand, not at run time).

Source: the npm package ``world-atlas@2.0.2`` (ISC licence), ``countries-110m.json``:
Natural Earth 1:110m admin-0 countries (public domain) as TopoJSON. The output,
``static/basemap.json``, holds one SVG path per country in an equirectangular
projection (``x = lon * 10``, ``y = -lat * 10``, integers, relative moves), so
the page draws it without any map library. To rebuild::

    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python -m chronist.web.build_basemap package/countries-110m.json
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUTPUT = Path(__file__).with_name("static") / "basemap.json"
SCALE = 10


def _decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def _ring(arcs: list[list[tuple[float, float]]], indexes: list[int]) -> list[tuple[int, int]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    ring: list[tuple[int, int]] = []
    shift = 0.0
    for index, (lon, lat) in enumerate(points):
        if index and abs(lon + shift - points[index - 1][0] - shift) > 180:
            # a ring crossing the antimeridian continues off the map edge, not across it
            shift += 360.0 if lon < points[index - 1][0] else -360.0
        point = (round((lon + shift) * SCALE), round(-lat * SCALE))
        if not ring or ring[-1] != point:
            ring.append(point)
    return ring


def _path(rings: list[list[tuple[int, int]]]) -> str:
    parts = []
    for ring in rings:
        if len(ring) < 3:
            continue
        (x0, y0), rest = ring[0], ring[1:]
        moves = []
        px, py = x0, y0
        for x, y in rest:
            moves.append(f"{x - px} {y - py}")
            px, py = x, y
        parts.append(f"M{x0} {y0}l" + " ".join(moves) + "z")
    return "".join(parts).replace(" -", "-")


def build(source: Path) -> dict[str, Any]:
    """The basemap document from a world-atlas TopoJSON file."""
    topology = json.loads(source.read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        kind = geometry.get("type")
        polygons = [geometry["arcs"]] if kind == "Polygon" else geometry.get("arcs", [])
        if kind not in ("Polygon", "MultiPolygon"):
            continue
        rings = [_ring(arcs, ring) for polygon in polygons for ring in polygon]
        name = geometry.get("properties", {}).get("name", "")
        countries.append({"name": name, "d": _path(rings)})
    return {
        "source": "Natural Earth 1:110m countries (public domain) via world-atlas@2.0.2 (ISC)",
        "projection": "equirectangular, x = lon * 10, y = -lat * 10",
        "countries": countries,
    }


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__)
        return 2
    OUTPUT.write_text(json.dumps(build(Path(argv[0])), separators=(",", ":")), encoding="utf-8")
    print(f"wrote {OUTPUT} ({OUTPUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
