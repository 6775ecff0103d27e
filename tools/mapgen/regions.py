"""Regions: every land hex goes to the nearest seed point on its own landmass.

Landmasses are found without crossing straits, so Thrace never takes a hex
of Bithynia across the Bosporus and islands keep to their own seeds.  A
landmass without seeds (a stray islet) takes the nearest seed anywhere.
"""
from __future__ import annotations

import math
from collections import deque

import numpy as np

from tools.mapgen.edges import edge_key
from tools.mapgen.grid import Grid, MapBuildError


def landmasses(grid: Grid, terrain: np.ndarray, strait_edges: set) -> np.ndarray:
    comp = np.full(terrain.shape, -1, dtype=np.int32)
    n = 0
    for cell in grid.cells():
        c, r = cell
        if terrain[r, c] in ("~", "%") or comp[r, c] >= 0:
            continue
        comp[r, c] = n
        todo = deque([cell])
        while todo:
            cur = todo.popleft()
            for d, nb in grid.neighbours(cur):
                if terrain[nb[1], nb[0]] in ("~", "%") or comp[nb[1], nb[0]] >= 0:
                    continue
                if edge_key(cur, d) in strait_edges:
                    continue
                comp[nb[1], nb[0]] = n
                todo.append(nb)
        n += 1
    return comp


def assign_regions(grid: Grid, terrain: np.ndarray, regions, strait_edges: set) -> np.ndarray:
    """A [row, col] array of region chars ("-" on water)."""
    comp = landmasses(grid, terrain, strait_edges)
    seeds = []   # (x, y, component, char)
    problems = []
    for reg in regions:
        for lat, lon in reg.seeds:
            col, row = grid.cell_of(lat, lon)
            if not grid.in_map((col, row)):
                raise MapBuildError(f"region {reg.id}: seed {lat}, {lon} is off the map")
            if comp[row, col] < 0:
                problems.append(f"region {reg.id}: seed {lat}, {lon} falls on water "
                                f"(hex {col},{row})")
                continue
            x, y = grid.km(lat, lon)
            seeds.append((x, y, int(comp[row, col]), reg.char))
    if problems:
        raise MapBuildError("region seeds on water:\n  " + "\n  ".join(problems))
    out = np.full(terrain.shape, "-", dtype="<U1")
    by_comp: dict[int, list] = {}
    for s in seeds:
        by_comp.setdefault(s[2], []).append(s)
    for cell in grid.cells():
        c, r = cell
        k = comp[r, c]
        if k < 0:
            continue
        pool = by_comp.get(int(k)) or seeds
        x, y = grid.centre_km(cell)
        best = min(pool, key=lambda s: (math.hypot(s[0] - x, s[1] - y), s[3]))
        out[r, c] = best[3]
    return out
