"""A big made-up scenario (the size of the theatre map) for tests and benchmarks at scale.

Terrain comes from smooth random noise: sea at the edges and in basins,
hills and mountains on ridges, desert in the south-east; a few rivers, roads,
a strait, passes and some sixty cities split between two powers.
"""
from __future__ import annotations

import numpy as np

from game.hexgrid import hex_direction_to, hex_from_offset, offset_from_hex, hex_neighbor


def _field(rng, w, h, cells):
    grid = rng.uniform(-1, 1, (cells + 2, cells + 2))
    ys = np.linspace(0, cells, h)
    xs = np.linspace(0, cells, w)
    yi, xi = np.floor(ys).astype(int), np.floor(xs).astype(int)
    fy, fx = (ys - yi)[:, None], (xs - xi)[None, :]
    a = grid[yi][:, xi] * (1 - fx) + grid[yi][:, xi + 1] * fx
    b = grid[yi + 1][:, xi] * (1 - fx) + grid[yi + 1][:, xi + 1] * fx
    return a * (1 - fy) + b * fy


def scenario_yaml(width: int = 86, height: int = 71, seed: int = 5, cities: int = 60) -> str:
    rng = np.random.default_rng(seed)
    elev = _field(rng, width, height, 6) + 0.5 * _field(rng, width, height, 13)
    dry = np.linspace(-0.6, 0.8, width)[None, :] + np.linspace(-0.4, 0.6, height)[:, None]
    rows = []
    land = np.zeros((height, width), bool)
    for r in range(height):
        line = []
        for c in range(width):
            e = elev[r, c]
            edge = min(r, c, height - 1 - r, width - 1 - c)
            if e < -0.45 or edge < 2:
                ch = "~"
            elif e > 0.95:
                ch = "M"
            elif e > 0.7:
                ch = "m"
            elif e > 0.45:
                ch = "h"
            elif dry[r, c] + 0.2 * e > 0.75:
                ch = "d"
            elif e < -0.3:
                ch = "w" if (r + c) % 3 == 0 else "f"
            else:
                ch = ":" if (r * 7 + c * 3) % 5 == 0 else "."
            line.append(ch)
            land[r, c] = ch not in "~M"
        rows.append("".join(line))
    # cities on land, spread out
    spots = [(c, r) for r in range(3, height - 3, 5) for c in range(3, width - 3, 6)
             if land[r, c]]
    rng.shuffle(spots)
    spots = spots[:cities]
    places, city_lines = [], []
    for k, (c, r) in enumerate(spots):
        imp = 3 if k < 4 else 2 if k < 15 else 1
        kind = "fortress" if k % 7 == 6 else "city"
        places.append(f"    - {{id: c{k}, name: Town {k}, kind: {kind}, hex: \"{c},{r}\", "
                      f"walls: {1 + k % 4}, income: {1 + k % 5}, importance: {imp}}}")
        owner = "west" if c < width // 2 else "east"
        city_lines.append(f"  - {{id: c{k}, owner: {owner}, garrison: {1000 + 500 * (k % 4)}}}")
    # roads between consecutive cities along straight-ish lines of land hexes
    roads = []
    for k in range(0, min(len(spots) - 1, 30)):
        a = hex_from_offset(*spots[k])
        b = hex_from_offset(*spots[k + 1])
        from game.hexgrid import hex_linedraw
        line = hex_linedraw(a, b)
        cells = [offset_from_hex(h) for h in line]
        if all(0 <= c < width and 0 <= r < height and land[r, c] for c, r in cells):
            roads.append(f"    - {{id: r{k}, kind: roman, path: \"{' '.join(f'{c},{r}' for c, r in cells)}\"}}")
    # rivers: walk downhill-ish along hex sides
    rivers = []
    for k in range(6):
        c, r = int(rng.integers(8, width - 8)), int(rng.integers(8, height - 8))
        edges = []
        h = hex_from_offset(c, r)
        for _ in range(25):
            d = int(rng.integers(0, 3))
            n = hex_neighbor(h, d)
            cc, rr = offset_from_hex(h)
            nc, nr = offset_from_hex(n)
            if not (0 <= nc < width and 0 <= nr < height) or not land[rr, cc] or not land[nr, nc]:
                break
            edges.append(f"{cc},{rr},{d}")
            h = hex_neighbor(h, (d + 1) % 6) if rng.uniform() < 0.5 else n
            c2, r2 = offset_from_hex(h)
            if not (0 <= c2 < width and 0 <= r2 < height):
                break
        if edges:
            rivers.append(f"    - {{id: river{k}, name: River {k}, edges: \"{' '.join(edges)}\"}}")
    west = [k for k, (c, r) in enumerate(spots) if c < width // 2]
    east = [k for k, (c, r) in enumerate(spots) if c >= width // 2]
    armies = []
    for i, k in enumerate(west[:8]):
        armies.append(f"  - {{id: w{i}, faction: west, at: c{k}, men: {5000 + 2000 * i}}}")
    for i, k in enumerate(east[:8]):
        armies.append(f"  - {{id: e{i}, faction: east, at: c{k}, men: {6000 + 1500 * i}}}")
    terrain = "\n".join("    " + row for row in rows)
    return f"""id: synthetic_big
title: A big synthetic theatre
description: Generated for tests and benchmarks at the size of the real map.
start: 603-03
end: 610-12
turn_length: season
fog: false
map:
  id: synthetic
  name: Synthetic
  hex_km: 30
  width: {width}
  height: {height}
  terrain: |
{terrain}
  rivers:
{chr(10).join(rivers) if rivers else '    []'}
  roads:
{chr(10).join(roads) if roads else '    []'}
  places:
{chr(10).join(places)}
factions:
  - {{id: west, name: The West, color: "#7b2d8e", treasury: 200, income: 10, navy: true, capital: c{west[0]}}}
  - {{id: east, name: The East, color: "#b8860b", treasury: 200, income: 10, capital: c{east[0]}}}
relations:
  - {{a: west, b: east, status: war}}
cities:
{chr(10).join(city_lines)}
armies:
{chr(10).join(armies)}
"""
