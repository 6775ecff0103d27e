"""The map's fixed line work, drawn over the terrain pixels of each tile.

Roads run from hex centre to hex centre; rivers and straits lie on hex
sides; bridges and fords cross river sides.  Each feature is kept once, in
map units, in a coarse bucket grid so that a tile draws only what touches
it.  None of this changes during a game, so it is baked into the tiles.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pygame

from game.hexgrid import hex_neighbor
from game.hexmap import HexMap
from game.ui import palette as P
from game.ui.geometry import center, edge

BUCKET = 4.0          # bucket size in units


@dataclass(frozen=True)
class Feature:
    layer: int                      # drawing order
    kind: str                       # road_roman, road_persian, road_track, river, strait, bridge, ford
    a: tuple[float, float]
    b: tuple[float, float]


def _edges(hm: HexMap, layer_array) -> list[tuple]:
    """(hex, direction) of every marked edge, each edge once."""
    out = []
    for h in hm.hexes():
        bits = hm.edge_bits(layer_array, h)
        if not bits:
            continue
        for d in range(6):
            if bits >> d & 1:
                n = hex_neighbor(h, d)
                if d < 3 or not hm.contains(n):
                    out.append((h, d))
    return out


def collect(hm: HexMap) -> list[Feature]:
    feats: list[Feature] = []
    for h, d in _edges(hm, hm.road):
        kind = hm.road_kinds.get((h, d), "roman")
        n = hex_neighbor(h, d)
        feats.append(Feature(0, f"road_{kind}", center(h), center(n)))
    for h, d in _edges(hm, hm.river):
        feats.append(Feature(1, "river", *edge(h, d)))
    for h, d in _edges(hm, hm.strait):
        feats.append(Feature(2, "strait", *edge(h, d)))
    for layer, kind, arr in ((3, "bridge", hm.bridge), (3, "ford", hm.ford)):
        for h, d in _edges(hm, arr):
            n = hex_neighbor(h, d)
            (ax, ay), (bx, by) = center(h), center(n)
            mx, my = (ax + bx) / 2, (ay + by) / 2
            # a short bar across the river side, along the line between the centres
            feats.append(Feature(layer, kind, (mx + (ax - mx) * 0.38, my + (ay - my) * 0.38),
                                 (mx + (bx - mx) * 0.38, my + (by - my) * 0.38)))
    return feats


class Features:
    def __init__(self, hm: HexMap):
        self.buckets: dict[tuple[int, int], list[Feature]] = defaultdict(list)
        for f in collect(hm):
            x0, x1 = sorted((f.a[0], f.b[0]))
            y0, y1 = sorted((f.a[1], f.b[1]))
            for bx in range(int(x0 // BUCKET), int(x1 // BUCKET) + 1):
                for by in range(int(y0 // BUCKET), int(y1 // BUCKET) + 1):
                    self.buckets[(bx, by)].append(f)

    def near(self, x0: float, y0: float, x1: float, y1: float) -> list[Feature]:
        seen: set[int] = set()
        out = []
        for bx in range(int(x0 // BUCKET), int(x1 // BUCKET) + 1):
            for by in range(int(y0 // BUCKET), int(y1 // BUCKET) + 1):
                for f in self.buckets.get((bx, by), ()):
                    if id(f) not in seen:
                        seen.add(id(f))
                        out.append(f)
        out.sort(key=lambda f: f.layer)
        return out


def _line(surf, color, a, b, width: float) -> None:
    w = max(1, round(width))
    if w <= 2:
        pygame.draw.aaline(surf, color, a, b, w)
        return
    pygame.draw.line(surf, color, a, b, w)
    r = w / 2
    pygame.draw.circle(surf, color, a, r)
    pygame.draw.circle(surf, color, b, r)


def _dashed(surf, color, a, b, width: float, dash: float) -> None:
    (ax, ay), (bx, by) = a, b
    length = max(1e-6, ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5)
    n = max(1, int(length / dash))
    for i in range(0, n, 2):
        t0, t1 = i / n, min(1.0, (i + 1) / n)
        _line(surf, color, (ax + (bx - ax) * t0, ay + (by - ay) * t0),
              (ax + (bx - ax) * t1, ay + (by - ay) * t1), width)


def draw(surf: pygame.Surface, feats: list[Feature], s: float, ox: float, oy: float) -> None:
    """Draw features onto surf, where world pixel (x, y) is at (x - ox, y - oy)."""
    def pt(p):
        return p[0] * s - ox, p[1] * s - oy
    for f in feats:
        a, b = pt(f.a), pt(f.b)
        if f.kind.startswith("road_"):
            kind = f.kind[5:]
            color = P.ROAD.get(kind, P.ROAD["roman"])
            width = max(1.0, s / 8)
            if kind == "track":
                _dashed(surf, color, a, b, width, max(3.0, s / 4))
            else:
                _line(surf, color, a, b, width)
        elif f.kind == "river":
            _line(surf, P.RIVER, a, b, max(1.0, s / 7))
        elif f.kind == "strait":
            # a narrow channel of sea along the hex side, with its two shores
            w = max(3, round(s / 3.2))
            pygame.draw.line(surf, P.COAST, a, b, w + 2)
            pygame.draw.line(surf, P.STRAIT, a, b, w)
        elif f.kind == "bridge":
            _line(surf, P.BRIDGE, a, b, max(2.0, s / 6))
        elif f.kind == "ford":
            (ax, ay), (bx, by) = a, b
            for t in (0.2, 0.5, 0.8):
                pygame.draw.circle(surf, P.PAPER, (ax + (bx - ax) * t, ay + (by - ay) * t),
                                   max(1.0, s / 14))
