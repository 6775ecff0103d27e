"""The builder's steps after terrain: passes, straits, rivers, roads, crossings.

Each step takes the hand-written records and the terrain so far, appends
any problems it finds to `problems` (so the builder can report them all at
once) and returns what goes into the map file.
"""
from __future__ import annotations

import math

from tools.mapgen.edges import (CornerGraph, edge_corners, edge_key, edge_name, path_edges,
                                trace_river, vertex_km)
from tools.mapgen.grid import Grid, MapBuildError
from tools.mapgen.routes import route

WATER = ("~", "%")


def cell_text(c) -> str:
    return f"{c[0]},{c[1]}"


def set_passes(grid: Grid, terrain, passes, problems: list[str]) -> list[dict]:
    """Paint each pass hex hills or mountains (so it is passable)."""
    out = []
    for p in passes:
        c = grid.cell_of(*p.point)
        if terrain[c[1], c[0]] in WATER:
            problems.append(f"pass {p.id} at {cell_text(c)} is on water")
        if p.terrain not in ("h", "m"):
            problems.append(f"pass {p.id}: terrain must be h or m")
        terrain[c[1], c[0]] = p.terrain
        out.append({"id": p.id, "name": p.name, "hex": cell_text(c),
                    "winter_closed": p.winter_closed, "cell": c})
    return out


def find_straits(grid: Grid, terrain, straits, problems: list[str]) -> tuple[list[dict], set]:
    """The land-to-land edges between each pair of shore points."""
    out, keys = [], set()
    for s in straits:
        names = []
        for europe, asia in s.pairs:
            a, b = grid.cell_of(*europe), grid.cell_of(*asia)
            d = grid.direction(a, b)
            if d is None:
                problems.append(f"strait {s.id}: hexes {cell_text(a)} and {cell_text(b)} "
                                "are not adjacent")
                continue
            if terrain[a[1], a[0]] in WATER or terrain[b[1], b[0]] in WATER:
                problems.append(f"strait {s.id}: {cell_text(a)} and {cell_text(b)} must both "
                                "be land")
            keys.add(edge_key(a, d))
            names.append(edge_name(grid, a, d))
        out.append({"id": s.id, "name": s.name, "edges": names})
    return out, keys


def trace_rivers(grid: Grid, terrain, rivers, problems: list[str]) -> tuple[list[dict], dict]:
    """Each river's edges in order from source to mouth; no edge is used twice."""
    graph = CornerGraph(grid, terrain)
    traced, out, used, edges_of = {}, [], set(), {}
    for r in rivers:
        path = trace_river(graph, r, traced)
        traced[r.id] = path
        edges = path_edges(graph, path)
        for c, d in edges:
            if edge_key(c, d) in used:
                problems.append(f"river {r.id} runs along edge {edge_name(grid, c, d)}, "
                                "which another river already uses")
        used.update(edge_key(c, d) for c, d in edges)
        edges_of[r.id] = edges
        out.append({"id": r.id, "name": r.name,
                    "edges": [edge_name(grid, c, d) for c, d in edges]})
    return out, edges_of


def waypoint_cell(grid: Grid, terrain, cells: dict, ref, what: str):
    """A road waypoint's hex: a place id, or a (lat, lon) station.

    A station that falls on a coastal sea hex or a peak moves to the nearest
    walkable neighbour: roads hug coasts and passes, and a 30 km hex cannot
    always put the station on dry ground."""
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
    return min(near, key=lambda n: math.dist(grid.centre_km(n), (x, y)))


def route_roads(grid: Grid, terrain, roads, cells: dict, river_keys: set,
                strait_keys: set) -> tuple[list[dict], set]:
    out, used = [], set()
    for rd in roads:
        stops = [waypoint_cell(grid, terrain, cells, v, f"road {rd.id}") for v in rd.via]
        path = [stops[0]]
        for a, b in zip(stops, stops[1:]):
            if a != b:
                path += route(grid, terrain, river_keys, strait_keys, a, b, f"road {rd.id}")[1:]
        for a, b in zip(path, path[1:]):
            used.add(edge_key(a, grid.direction(a, b)))
        out.append({"id": rd.id, "name": rd.name, "kind": rd.kind,
                    "path": [cell_text(c) for c in path]})
    return out, used


def place_crossings(grid: Grid, crossings, river_edges: dict, road_keys: set,
                    problems: list[str]) -> list[dict]:
    """Each crossing on its river's edge nearest the named spot, preferring an
    edge a road crosses (within a hex and a half)."""
    out = []
    for cr in crossings:
        if cr.river not in river_edges:
            problems.append(f"crossing {cr.id}: unknown river {cr.river!r}")
            continue
        spot = grid.km(*cr.near)

        def distance(e):
            a, b = (vertex_km(grid, v) for v in edge_corners(*e))
            return math.dist(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2), spot)
        edges = river_edges[cr.river]
        on_road = [e for e in edges
                   if edge_key(*e) in road_keys and distance(e) <= 1.5 * grid.hex_km]
        best = min(on_road or edges, key=distance)
        out.append({"id": cr.id, "name": cr.name, "kind": cr.kind,
                    "edge": edge_name(grid, *best)})
    return out
