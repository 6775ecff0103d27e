"""Roads as chains of adjacent hexes, found by a cheapest-path search.

Only the waypoints are hand-written (the towns and passes a road is known to
have used); the hexes between them are chosen by cost, so a road never
enters water or impassable peaks and avoids needless hills and river edges.
"""
from __future__ import annotations

import heapq
import math

import numpy as np

from tools.mapgen.grid import Cell, Grid, MapBuildError

STEP_COST = {".": 1.0, ":": 1.0, "s": 1.0, "d": 1.3, "h": 1.8, "f": 2.0, "w": 2.5, "m": 3.0}
RIVER_CROSSING_COST = 1.5


def route(grid: Grid, terrain: np.ndarray, river_edges: set, strait_edges: set,
          start: Cell, goal: Cell, what: str) -> list[Cell]:
    """Cheapest path of adjacent passable hexes from start to goal (both included)."""
    from tools.mapgen.edges import edge_key

    def passable(c: Cell) -> bool:
        return terrain[c[1], c[0]] in STEP_COST

    for c in (start, goal):
        if not passable(c):
            raise MapBuildError(f"{what}: waypoint hex {c[0]},{c[1]} is "
                                f"{str(terrain[c[1], c[0]])!r}, which a road cannot enter")
    sx, sy = grid.centre_km(goal)
    hk = grid.hex_km

    def h(c: Cell) -> float:
        x, y = grid.centre_km(c)
        return math.hypot(x - sx, y - sy) / hk * 0.999

    best = {start: 0.0}
    prev: dict[Cell, Cell] = {}
    heap = [(h(start), 0.0, start)]
    while heap:
        _, g, c = heapq.heappop(heap)
        if c == goal:
            break
        if g > best[c]:
            continue
        for d, n in grid.neighbours(c):
            if not passable(n):
                continue
            key = edge_key(c, d)
            if key in strait_edges:
                continue
            cost = (STEP_COST[terrain[c[1], c[0]]] + STEP_COST[terrain[n[1], n[0]]]) / 2
            if key in river_edges:
                cost += RIVER_CROSSING_COST
            ng = g + cost
            if ng < best.get(n, math.inf) - 1e-12:
                best[n] = ng
                prev[n] = c
                heapq.heappush(heap, (ng + h(n), ng, n))
    if goal not in best:
        raise MapBuildError(f"{what}: no land route from {start[0]},{start[1]} to "
                            f"{goal[0]},{goal[1]} avoiding water and peaks")
    path = [goal]
    while path[-1] != start:
        path.append(prev[path[-1]])
    return path[::-1]
