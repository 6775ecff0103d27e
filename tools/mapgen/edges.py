"""Hex edges and hex corners: tracing rivers along edges, naming edges.

A corner (vertex) gets integer coordinates (X, Y) in units of half a hex
width across and a quarter of a hex height down, so the three hexes that
meet at a corner compute exactly the same key.  A river is traced as a path
through the corner graph, segment by segment of its hand-drawn polyline,
preferring edges close to the line and away from the coast.
"""
from __future__ import annotations

import heapq
import math

import numpy as np

from game.hexgrid import canonical_edge, hex_from_offset, hex_neighbor, offset_from_hex
from tools.mapgen.grid import Cell, Grid, MapBuildError
from tools.mapgen.shapes import distance_to_segment

# Corner i of a pointy-top hex lies at 30 + 60*i degrees, y pointing down.
CORNER_DX = (1, 0, -1, -1, 0, 1)
CORNER_DY = (1, 2, 1, -1, -2, -1)

Edge = tuple[Cell, int]          # (cell, direction); the same edge has two names
Vertex = tuple[int, int]


def corner(cell: Cell, i: int) -> Vertex:
    h = hex_from_offset(*cell)
    return 2 * h.q + h.r + CORNER_DX[i], 3 * h.r + CORNER_DY[i]


def edge_corners(cell: Cell, d: int) -> tuple[Vertex, Vertex]:
    """The two corners bounding the edge of `cell` that faces direction d."""
    return corner(cell, (5 - d) % 6), corner(cell, (6 - d) % 6)


def vertex_km(grid: Grid, v: Vertex) -> tuple[float, float]:
    size = grid.hex_km / math.sqrt(3.0)
    return v[0] * size * math.sqrt(3.0) / 2.0, v[1] * size / 2.0


def other_side(cell: Cell, d: int) -> Cell:
    return offset_from_hex(hex_neighbor(hex_from_offset(*cell), d))


def edge_name(grid: Grid, cell: Cell, d: int) -> str:
    """`col,row,dir` in a stable form: the canonical owner if it is on the map."""
    h, cd = canonical_edge(hex_from_offset(*cell), d)
    c = offset_from_hex(h)
    if not grid.in_map(c):
        c, cd = cell, d
    return f"{c[0]},{c[1]},{cd}"


def edge_key(cell: Cell, d: int) -> tuple[Cell, int]:
    h, cd = canonical_edge(hex_from_offset(*cell), d)
    return offset_from_hex(h), cd


class CornerGraph:
    """Corners of the map's hexes, joined by the edges between two map hexes."""

    def __init__(self, grid: Grid, terrain: np.ndarray):
        self.grid = grid
        self.adj: dict[Vertex, list[tuple[Vertex, Edge]]] = {}
        self.water_sides: dict[tuple[Cell, int], int] = {}
        for cell in grid.cells():
            for d in (0, 1, 2):
                n = other_side(cell, d)
                if not grid.in_map(n):
                    continue
                a, b = edge_corners(cell, d)
                self.adj.setdefault(a, []).append((b, (cell, d)))
                self.adj.setdefault(b, []).append((a, (cell, d)))
                wet = sum(terrain[r, c] in ("~", "%") for c, r in (cell, n))
                self.water_sides[(cell, d)] = wet

    def touches_water(self, v: Vertex) -> bool:
        return any(self.water_sides[e] > 0 for _, e in self.adj.get(v, ()))

    def nearest_vertex(self, lat: float, lon: float, among=None) -> Vertex:
        x, y = self.grid.km(lat, lon)
        pool = among if among is not None else self.adj.keys()
        best, best_d = None, math.inf
        for v in pool:
            vx, vy = vertex_km(self.grid, v)
            d = (vx - x) ** 2 + (vy - y) ** 2
            if d < best_d:
                best, best_d = v, d
        if best is None:
            raise MapBuildError(f"no hex corner near {lat}, {lon}")
        return best

    def route(self, start: Vertex, goal: Vertex, a_km, b_km) -> list[Vertex]:
        """Cheapest corner path from start to goal hugging the segment a-b."""
        hk = self.grid.hex_km
        dist = {start: 0.0}
        prev: dict[Vertex, Vertex] = {}
        heap = [(0.0, start)]
        while heap:
            d0, v = heapq.heappop(heap)
            if v == goal:
                break
            if d0 > dist[v]:
                continue
            for w, e in self.adj.get(v, ()):
                mx, my = np.add(vertex_km(self.grid, v), vertex_km(self.grid, w)) / 2
                off = distance_to_segment((mx, my), a_km, b_km) / hk
                wet = self.water_sides[e]
                cost = 1.0 + 3.0 * off * off + (6.0 if wet == 1 else 0.0) + (200.0 if wet == 2 else 0.0)
                nd = d0 + cost
                if nd < dist.get(w, math.inf):
                    dist[w] = nd
                    prev[w] = v
                    heapq.heappush(heap, (nd, w))
        if goal not in dist:
            raise MapBuildError(f"cannot trace a river between corners {start} and {goal}")
        path = [goal]
        while path[-1] != start:
            path.append(prev[path[-1]])
        return path[::-1]

    def edge_between(self, v: Vertex, w: Vertex) -> Edge:
        for x, e in self.adj[v]:
            if x == w:
                return e
        raise MapBuildError(f"corners {v} and {w} are not joined by an edge")


def drop_loops(path: list[Vertex]) -> list[Vertex]:
    """Cut out any stretch that comes back to a corner already visited."""
    out: list[Vertex] = []
    seen: dict[Vertex, int] = {}
    for v in path:
        if v in seen:
            cut = seen[v]
            for gone in out[cut + 1:]:
                del seen[gone]
            out = out[:cut + 1]
        else:
            seen[v] = len(out)
            out.append(v)
    return out


def hex_corner_cycle(v: Vertex) -> list[tuple[tuple[int, int], list[Vertex]]]:
    """The (up to three) hexes meeting at corner v, each with its six corners in order."""
    from game.hexgrid import Hex
    out = []
    for i in range(6):
        r3, x = v[1] - CORNER_DY[i], v[0] - CORNER_DX[i]
        if r3 % 3:
            continue
        r = r3 // 3
        if (x - r) % 2:
            continue
        cell = offset_from_hex(Hex((x - r) // 2, r))
        out.append((cell, [corner(cell, k) for k in range(6)]))
    return out


def straighten(path: list[Vertex]) -> list[Vertex]:
    """Replace any walk of 5 edges around one hex by the single edge the other
    way round: segment-by-segment tracing sometimes circles a hex.  Shorter
    walks are left alone, since they decide which bank a town is on."""
    changed = True
    while changed:
        changed = False
        for i in range(len(path)):
            for cell, ring in hex_corner_cycle(path[i]):
                j = i
                while j + 1 < len(path) and path[j + 1] in ring:
                    j += 1
                if j - i < 5:
                    continue
                a, b = ring.index(path[i]), ring.index(path[j])
                forward = [ring[(a + k) % 6] for k in range((b - a) % 6 + 1)]
                backward = [ring[(a - k) % 6] for k in range((a - b) % 6 + 1)]
                short = min(forward, backward, key=len)
                if len(short) - 1 < j - i:
                    path = path[:i] + short + path[j + 1:]
                    changed = True
                    break
            if changed:
                break
    return path


def trace_river(graph: CornerGraph, river, traced: dict[str, list[Vertex]]) -> list[Vertex]:
    """The corner path of a river; its consecutive edges always share a corner."""
    grid = graph.grid
    pts = list(river.points)
    verts = [graph.nearest_vertex(*p) for p in pts]
    for end, other in ((0, river.start_on), (-1, river.end_on)):
        if other:
            if other not in traced:
                raise MapBuildError(f"river {river.id}: {other!r} must be listed before it")
            verts[end] = graph.nearest_vertex(*pts[end], among=traced[other])
    path = [verts[0]]
    for (p, q), (v, w) in zip(zip(pts, pts[1:]), zip(verts, verts[1:])):
        if v == w:
            continue
        seg = graph.route(v, w, grid.km(*p), grid.km(*q))
        path.extend(seg[1:])
    path = drop_loops(straighten(drop_loops(path)))
    # A branch leaves its river where their courses part, and a tributary ends
    # where they meet: edges the two would share belong to the main river.
    if river.start_on:
        shared = set(zip(traced[river.start_on], traced[river.start_on][1:]))
        while len(path) > 2 and ((path[0], path[1]) in shared or (path[1], path[0]) in shared):
            path.pop(0)
    if river.end_on:
        shared = set(zip(traced[river.end_on], traced[river.end_on][1:]))
        while len(path) > 2 and ((path[-2], path[-1]) in shared or (path[-1], path[-2]) in shared):
            path.pop()
    # A river that reaches the sea stops at the first corner on the coast, so it
    # never runs along the shoreline.
    if not river.end_on:
        for k in range(1, len(path)):
            if graph.touches_water(path[k]):
                path = path[:k + 1]
                break
    if len(path) < 2:
        raise MapBuildError(f"river {river.id} is too short to cover any hex edge")
    return path


def path_edges(graph: CornerGraph, path: list[Vertex]) -> list[Edge]:
    return [graph.edge_between(a, b) for a, b in zip(path, path[1:])]
