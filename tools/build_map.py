#!/usr/bin/env python3
"""Build scenarios/maps/theatre.yaml from the hand-written data in tools/mapdata/.

    pip install -e .[mapbuild]          # once: the land mask package
    python tools/build_map.py           # rewrite scenarios/maps/theatre.yaml
    python tools/build_map.py --check   # fail if the committed file is stale

The output depends only on the data and the land mask, so every run writes
the same file.  Land and sea come from global_land_mask (MIT licence, by
Todd Karin, from NOAA's GLOBE data); everything else is in tools/mapdata/.
"""
from __future__ import annotations

import argparse
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from game.hexgrid import DIRECTION_NAMES, hex_distance, hex_from_offset  # noqa: E402
from game.scenario.model import ProjectionSpec  # noqa: E402
from game.scenario.yamlsrc import InputError  # noqa: E402
from tools.mapdata import MAP  # noqa: E402
from tools.mapdata.places import OFF_MAP, PLACES  # noqa: E402
from tools.mapdata.regions import REGIONS  # noqa: E402
from tools.mapdata.rivers import CROSSINGS, RIVERS  # noqa: E402
from tools.mapdata.routes import PASSES, ROADS, STRAITS  # noqa: E402
from tools.mapdata.terrain import LAYERS  # noqa: E402
from tools.mapdata.water import FIXES, WATERS  # noqa: E402
from tools.mapgen import checks  # noqa: E402
from tools.mapgen.edges import (CornerGraph, edge_corners, edge_key, edge_name,  # noqa: E402
                                other_side, path_edges, trace_river, vertex_km)
from tools.mapgen.grid import Grid, MapBuildError  # noqa: E402
from tools.mapgen.regions import assign_regions  # noqa: E402
from tools.mapgen.routes import route  # noqa: E402
from tools.mapgen.terrain import land_and_water, paint_terrain  # noqa: E402
from tools.mapgen.writer import map_yaml  # noqa: E402

DEFAULT_OUT = os.path.join(ROOT, "scenarios", "maps", "theatre.yaml")
WATER = ("~", "%")


def cell_text(c) -> str:
    return f"{c[0]},{c[1]}"


def make_grid() -> Grid:
    proj = ProjectionSpec(kind="equirectangular", standard_parallel=MAP["standard_parallel"],
                          origin_lat=MAP["origin_lat"], origin_lon=MAP["origin_lon"])
    return Grid(proj, MAP["hex_km"], MAP["width"], MAP["height"])


def place_cells(grid: Grid, terrain) -> tuple[dict, list[str]]:
    """Each place's hex (after any nudge), and the problems found."""
    problems, cells, taken = [], {}, {}
    for p in PLACES:
        c = grid.cell_of(p.lat, p.lon)
        if p.nudge:
            if p.nudge not in DIRECTION_NAMES:
                problems.append(f"place {p.id}: nudge must be one of {', '.join(DIRECTION_NAMES)}")
                continue
            c = other_side(c, DIRECTION_NAMES.index(p.nudge))
        if not grid.in_map(c):
            problems.append(f"place {p.id} ({p.lat}, {p.lon}) is off the map")
            continue
        ch = terrain[c[1], c[0]]
        if p.kind != "site" and ch in WATER + ("M",):
            problems.append(f"place {p.id} stands on {'water' if ch in WATER else 'high peaks'} "
                            f"at {cell_text(c)}")
        if p.kind != "site":
            if c in taken:
                problems.append(f"places {taken[c]} and {p.id} share hex {cell_text(c)}")
            taken[c] = p.id
        if p.port and not any(terrain[n[1], n[0]] == "~" for _, n in grid.neighbours(c)):
            problems.append(f"port {p.id} at {cell_text(c)} touches no sea hex")
        cells[p.id] = c
    return cells, problems


def point_cell(grid: Grid, terrain, cells: dict, ref, what: str):
    """A waypoint's hex.  A (lat, lon) station that falls on a coastal sea hex or
    a peak moves to the nearest walkable neighbour: the roads hug coasts and
    passes, and 30 km hexes cannot always put the station on dry ground."""
    if isinstance(ref, str):
        if ref not in cells:
            raise MapBuildError(f"{what}: unknown place {ref!r}")
        return cells[ref]
    c = grid.cell_of(*ref)
    if terrain[c[1], c[0]] not in WATER + ("M",):
        return c
    x, y = grid.km(*ref)
    near = [n for _, n in grid.neighbours(c) if terrain[n[1], n[0]] not in WATER + ("M",)]
    if not near:
        raise MapBuildError(f"{what}: waypoint {ref} is in open water or among peaks")
    return min(near, key=lambda n: (grid.centre_km(n)[0] - x) ** 2 + (grid.centre_km(n)[1] - y) ** 2)


def build() -> tuple[str, dict]:
    """The map file's text and a summary of what is in it."""
    grid = make_grid()
    base = land_and_water(grid, WATERS, FIXES)
    terrain = paint_terrain(grid, base, LAYERS)
    problems: list[str] = []

    passes = []
    for p in PASSES:
        c = grid.cell_of(*p.point)
        if terrain[c[1], c[0]] in WATER:
            problems.append(f"pass {p.id} at {cell_text(c)} is on water")
        if p.terrain not in ("h", "m"):
            problems.append(f"pass {p.id}: terrain must be h or m")
        terrain[c[1], c[0]] = p.terrain
        passes.append({"id": p.id, "name": p.name, "hex": cell_text(c),
                       "winter_closed": p.winter_closed, "cell": c})

    straits, strait_keys = [], set()
    for s in STRAITS:
        names = []
        for eu, asia in s.pairs:
            a, b = grid.cell_of(*eu), grid.cell_of(*asia)
            d = grid.direction(a, b)
            if d is None:
                problems.append(f"strait {s.id}: hexes {cell_text(a)} and {cell_text(b)} "
                                "are not adjacent")
                continue
            if terrain[a[1], a[0]] in WATER or terrain[b[1], b[0]] in WATER:
                problems.append(f"strait {s.id}: {cell_text(a)} and {cell_text(b)} must both be land")
            strait_keys.add(edge_key(a, d))
            names.append(edge_name(grid, a, d))
        straits.append({"id": s.id, "name": s.name, "edges": names})

    cells, place_problems = place_cells(grid, terrain)
    problems += place_problems
    if problems:   # roads and checks below need sound places, passes and straits
        raise MapBuildError("the map data has problems:\n  " + "\n  ".join(problems))

    graph = CornerGraph(grid, terrain)
    traced, rivers, river_keys, river_edges = {}, [], set(), {}
    for r in RIVERS:
        path = trace_river(graph, r, traced)
        traced[r.id] = path
        edges = path_edges(graph, path)
        for c, d in edges:
            if edge_key(c, d) in river_keys:
                problems.append(f"river {r.id} runs along edge {edge_name(grid, c, d)}, "
                                "which another river already uses")
        river_edges[r.id] = edges
        river_keys.update(edge_key(c, d) for c, d in edges)
        rivers.append({"id": r.id, "name": r.name, "edges": [edge_name(grid, c, d) for c, d in edges]})

    roads, road_keys = [], set()
    for rd in ROADS:
        stops = [point_cell(grid, terrain, cells, v, f"road {rd.id}") for v in rd.via]
        path = [stops[0]]
        for a, b in zip(stops, stops[1:]):
            if a != b:
                path += route(grid, terrain, river_keys, strait_keys, a, b, f"road {rd.id}")[1:]
        for a, b in zip(path, path[1:]):
            road_keys.add(edge_key(a, grid.direction(a, b)))
        roads.append({"id": rd.id, "name": rd.name, "kind": rd.kind,
                      "path": [cell_text(c) for c in path]})

    crossings = []
    for cr in CROSSINGS:
        if cr.river not in river_edges:
            problems.append(f"crossing {cr.id}: unknown river {cr.river!r}")
            continue
        x, y = grid.km(*cr.near)

        def far(e):
            (va, vb) = edge_corners(*e)
            mx = (vertex_km(grid, va)[0] + vertex_km(grid, vb)[0]) / 2
            my = (vertex_km(grid, va)[1] + vertex_km(grid, vb)[1]) / 2
            return ((mx - x) ** 2 + (my - y) ** 2) ** 0.5
        edges = river_edges[cr.river]
        on_road = [e for e in edges if edge_key(*e) in road_keys and far(e) <= 1.6 * grid.hex_km]
        best = min(on_road or edges, key=far)
        crossings.append({"id": cr.id, "name": cr.name, "kind": cr.kind,
                          "edge": edge_name(grid, *best)})

    region_rows = assign_regions(grid, terrain, REGIONS, strait_keys)

    # Geography that play depends on.
    problems += checks.strait_separation(grid, terrain, strait_keys, cells["constantinople"],
                                         [cells["chalcedon"], cells["abydos"]])
    gates = [p["cell"] for p in passes if p["id"] in ("darial", "caspian_gates")]
    problems += checks.caucasus_barrier(grid, terrain, cells["tiflis"],
                                        grid.cell_of(44.3, 43.0), gates)
    for p in PLACES:
        h = hex_from_offset(*cells.get(p.id, (0, 0)))
        true = hex_from_offset(*grid.cell_of(p.lat, p.lon))
        if p.id in cells and hex_distance(h, true) > 1:
            problems.append(f"place {p.id} is more than one hex from its true position")
    if problems:
        raise MapBuildError("the map data has problems:\n  " + "\n  ".join(problems))

    text = map_yaml(
        header_lines(),
        MAP,
        ["".join(row) for row in terrain],
        [{"id": r.id, "name": r.name, "char": r.char} for r in REGIONS],
        ["".join(row) for row in region_rows],
        rivers, roads, straits, crossings, passes, place_records(cells))
    summary = {"width": grid.width, "height": grid.height, "places": len(PLACES),
               "rivers": len(rivers), "roads": len(roads), "passes": len(passes),
               "straits": len(straits), "crossings": len(crossings), "regions": len(REGIONS)}
    return text, summary


def place_records(cells: dict) -> list[dict]:
    out = []
    for p in PLACES:
        notes = p.notes
        if p.nudge:
            moved = f"Moved one hex {p.nudge} of its projected hex: {p.nudge_why}."
            notes = f"{moved} {notes}".strip()
        out.append({"id": p.id, "name": p.name, "kind": p.kind, "hex": cell_text(cells[p.id]),
                    "lat": p.lat, "lon": p.lon, "port": p.port, "holy": p.holy, "walls": p.walls,
                    "income": p.income, "importance": p.importance, "notes": notes})
    return out


def header_lines() -> list[str]:
    lines = [
        "The theatre map of the war of 602-630.  GENERATED: do not edit by hand.",
        "Made by tools/build_map.py from the data in tools/mapdata/; to regenerate run",
        "    pip install -e .[mapbuild] && python tools/build_map.py",
        "",
        f"Hexes are {MAP['hex_km']:g} km from flat side to flat side, pointy-top; positions are",
        "offset `col,row` (row 0 at the north edge, odd rows shifted half a hex east).",
        f"Projection: equirectangular, true at {MAP['standard_parallel']:g} N; the centre of hex 0,0 is",
        f"{MAP['origin_lat']:g} N {MAP['origin_lon']:g} E.",
        "Land and sea: global_land_mask (MIT licence, NOAA GLOBE data), corrected by hand",
        "for the Caspian, the lakes, small islands and the straits.",
        "",
        "Left off the map (outside it):",
    ]
    lines += [f"  {pid}: {name}, {lat} N {lon} E -- {why}" for pid, name, lat, lon, why in OFF_MAP]
    return lines


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=DEFAULT_OUT, help="where to write the map (default: %(default)s)")
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if the file at --out differs from a fresh build")
    args = ap.parse_args(argv)
    try:
        text, summary = build()
    except MapBuildError as exc:
        print(f"build_map: {exc}", file=sys.stderr)
        return 2
    if args.check:
        try:
            with open(args.out, encoding="utf-8") as fh:
                same = fh.read() == text
        except OSError as exc:
            print(f"build_map: cannot read {args.out}: {exc.strerror}", file=sys.stderr)
            return 2
        print("up to date" if same else f"{args.out} is out of date: run tools/build_map.py")
        return 0 if same else 1
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    # Read it back with the game's own loader: the file must load cleanly.
    from game.hexmap import load_map
    try:
        load_map(args.out)
    except InputError as exc:
        print(f"build_map: the written map does not load:\n{exc}", file=sys.stderr)
        return 2
    print(f"wrote {os.path.relpath(args.out)}: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
