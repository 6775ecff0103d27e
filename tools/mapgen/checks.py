"""Checks the builder runs before it writes a map: geography that play relies on.

Each returns a list of problems (empty when all is well), so the builder can
report every one at once instead of stopping at the first.
"""
from __future__ import annotations

from collections import deque

import numpy as np

from tools.mapgen.edges import edge_key
from tools.mapgen.grid import Cell, Grid


def reachable(grid: Grid, terrain: np.ndarray, start: Cell, *, blocked: set = frozenset(),
              strait_edges: set = frozenset(), passable=None) -> set[Cell]:
    """Hexes reachable from start over land, not entering `blocked` hexes."""
    if passable is None:
        def passable(ch):
            return ch not in ("~", "%")
    seen = {start}
    todo = deque([start])
    while todo:
        cur = todo.popleft()
        for d, n in grid.neighbours(cur):
            if n in seen or n in blocked or not passable(terrain[n[1], n[0]]):
                continue
            if edge_key(cur, d) in strait_edges:
                continue
            seen.add(n)
            todo.append(n)
    return seen


def strait_separation(grid, terrain, strait_edges, europe: Cell, asia: list[Cell]) -> list[str]:
    """Europe and Asia may touch only across strait edges."""
    seen = reachable(grid, terrain, europe, strait_edges=strait_edges)
    return [f"hex {c[0]},{c[1]} (Asian shore) is reachable by land from Europe without "
            "crossing a strait" for c in asia if c in seen]


def caucasus_barrier(grid, terrain, south: Cell, north: Cell, gates: list[Cell]) -> list[str]:
    """The Caucasus can be crossed only through the gate hexes."""
    def walkable(ch):
        return ch not in ("~", "%", "M")
    problems = []
    shut = reachable(grid, terrain, south, blocked=set(gates), passable=walkable)
    if north in shut:
        problems.append("the Caucasus can be crossed by land without using its passes")
    open_ = reachable(grid, terrain, south, passable=walkable)
    if north not in open_:
        problems.append("the Caucasus cannot be crossed even through its passes")
    return problems
