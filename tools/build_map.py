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

from game.hexgrid import DIRECTION_NAMES  # noqa: E402
from game.scenario.model import ProjectionSpec  # noqa: E402
from game.scenario.yamlsrc import InputError  # noqa: E402
from tools.mapdata import MAP  # noqa: E402
from tools.mapdata.places import OFF_MAP, PLACES  # noqa: E402
from tools.mapdata.regions import REGIONS  # noqa: E402
from tools.mapdata.rivers import CROSSINGS, RIVERS  # noqa: E402
from tools.mapdata.routes import PASSES, ROADS, STRAITS  # noqa: E402
from tools.mapdata.terrain import LAYERS  # noqa: E402
from tools.mapdata.water import FIXES, WATERS  # noqa: E402
from tools.mapgen import checks, features  # noqa: E402
from tools.mapgen.edges import edge_key, other_side  # noqa: E402
from tools.mapgen.grid import Grid, MapBuildError  # noqa: E402
from tools.mapgen.regions import assign_regions  # noqa: E402
from tools.mapgen.terrain import land_and_water, paint_terrain  # noqa: E402
from tools.mapgen.writer import map_yaml  # noqa: E402

DEFAULT_OUT = os.path.join(ROOT, "scenarios", "maps", "theatre.yaml")
WATER = features.WATER
cell_text = features.cell_text


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


def build() -> tuple[str, dict]:
    """The map file's text and a summary of what is in it."""
    grid = make_grid()
    terrain = paint_terrain(grid, land_and_water(grid, WATERS, FIXES), LAYERS)
    problems: list[str] = []
    passes = features.set_passes(grid, terrain, PASSES, problems)
    straits, strait_keys = features.find_straits(grid, terrain, STRAITS, problems)
    cells, place_problems = place_cells(grid, terrain)
    problems += place_problems
    if problems:   # roads and checks below need sound places, passes and straits
        raise MapBuildError("the map data has problems:\n  " + "\n  ".join(problems))

    rivers, river_edges = features.trace_rivers(grid, terrain, RIVERS, problems)
    river_keys = {edge_key(c, d) for edges in river_edges.values() for c, d in edges}
    roads, road_keys = features.route_roads(grid, terrain, ROADS, cells, river_keys, strait_keys)
    crossings = features.place_crossings(grid, CROSSINGS, river_edges, road_keys, problems)
    region_rows = assign_regions(grid, terrain, REGIONS, strait_keys)

    # Geography that play depends on.
    needed = ("constantinople", "chalcedon", "abydos", "tiflis")
    missing = [pid for pid in needed if pid not in cells]
    if missing:
        raise MapBuildError(f"the checks need these places, which are missing: {', '.join(missing)}")
    problems += checks.strait_separation(grid, terrain, strait_keys, cells["constantinople"],
                                         [cells["chalcedon"], cells["abydos"]])
    gates = [p["cell"] for p in passes if p["id"] in ("darial", "caspian_gates")]
    problems += checks.caucasus_barrier(grid, terrain, cells["tiflis"],
                                        grid.cell_of(44.3, 43.0), gates)
    if problems:
        raise MapBuildError("the map data has problems:\n  " + "\n  ".join(problems))

    text = map_yaml(
        header_lines(), MAP, ["".join(row) for row in terrain],
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
    try:
        os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
        with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except OSError as exc:
        print(f"build_map: cannot write {args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    # Read it back with the game's own loader: the file must load cleanly.
    from game.scenario.mapfile import load_map
    try:
        load_map(args.out)
    except InputError as exc:
        print(f"build_map: the written map does not load:\n{exc}", file=sys.stderr)
        return 2
    print(f"wrote {os.path.relpath(args.out)}: " + ", ".join(f"{k} {v}" for k, v in summary.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
