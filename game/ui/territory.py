"""Territory: which land hexes belong to which city, and the frontiers between owners.

Each land hex within a few steps of a city (over land) belongs to the
nearest one, greater cities first on ties; that assignment is fixed for a
map.  The owners change as cities fall, so the border lines are rebuilt
from the cities' current owners (as the viewer last saw them), only when an
owner changes.
"""
from __future__ import annotations

from collections import deque

import numpy as np

from game import terrain as T
from game.ui.geometry import center, edge

RADIUS = 6          # how far (in hexes) a city's land reaches
INSET = 0.13        # border lines sit this far (units) inside each owner's side


class Territory:
    def __init__(self, scn, importance: dict[str, int]):
        hm = scn.map
        n = hm.width * hm.height
        nb = hm.neighbor_index()
        water = np.isin(hm.terrain.ravel(), list(T.WATER_IDS))
        self.city_ids = sorted(scn.city_at.values(), key=lambda c: (-importance.get(c, 1), c))
        nearest = np.full(n, -1, dtype=np.int32)
        dist = np.full(n, RADIUS + 1, dtype=np.int32)
        queue = deque()
        for k, cid in enumerate(self.city_ids):
            h = next(hh for hh, c in scn.city_at.items() if c == cid)
            i = hm.index(h)
            if nearest[i] < 0:
                nearest[i] = k
                dist[i] = 0
                queue.append(i)
        while queue:
            i = queue.popleft()
            if dist[i] >= RADIUS:
                continue
            for j in nb[i]:
                if j < 0 or water[j] or nearest[j] >= 0:
                    continue
                nearest[j] = nearest[i]
                dist[j] = dist[i] + 1
                queue.append(j)
        self.nearest = nearest
        # hex sides where the territory may change hands: (side a city, side b city, segment)
        self.edges: list[tuple[int, int, tuple, tuple]] = []
        for i in range(n):
            if water[i]:
                continue
            h = hm.hex_of(i)
            for d in range(3):
                j = int(nb[i, d])
                if j < 0 or water[j] or nearest[i] == nearest[j]:
                    continue
                a, b = edge(h, d)
                ci = center(h)
                cj = center(hm.hex_of(j))
                self.edges.append((int(nearest[i]), int(nearest[j]), (a, b), (ci, cj)))
        self._key = None
        self.lines: list[tuple[str, tuple[float, float, float, float]]] = []

    def border_lines(self, owners: dict[str, str]) -> list[tuple[str, tuple]]:
        """(faction, (x1, y1, x2, y2) in units) for each side of each border."""
        key = tuple(owners.get(c) for c in self.city_ids)
        if key == self._key:
            return self.lines
        own = [owners.get(c) for c in self.city_ids]
        lines = []
        for ki, kj, (a, b), (ci, cj) in self.edges:
            fi = own[ki] if ki >= 0 else None
            fj = own[kj] if kj >= 0 else None
            if fi == fj or fi is None or fj is None:     # only frontiers between two owners
                continue
            for f, c in ((fi, ci), (fj, cj)):
                if f is None:
                    continue
                mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
                dx, dy = c[0] - mx, c[1] - my
                norm = max(1e-6, (dx * dx + dy * dy) ** 0.5)
                ox, oy = dx / norm * INSET, dy / norm * INSET
                lines.append((f, (a[0] + ox, a[1] + oy, b[0] + ox, b[1] + oy)))
        self._key = key
        self.lines = lines
        return lines
