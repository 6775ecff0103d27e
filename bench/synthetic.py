"""A large made-up scenario for measuring the computer opponent before the real war lands.

`write_scenario(folder, seed, armies=15)` writes `folder/synthetic.yaml` (and,
with `map_file`, a copy of that map beside it) and returns its path.  The
generated map is the size of the theatre map (86 x 71 hexes, about 6100) with
seas, an inland sea crossed by a strait, mountain ranges with passes, deserts,
rivers with a bridge and roads between about fifty cities.  With `map_file`
(for example the real theatre map) the scenario uses that map's cities instead.

Two major powers split the cities west and east; each starts with `armies`
armies.  A raiding minor power enters in the first summer and a seasonal one
in the second, as the Avars and the Turks do in the real war.

    python bench/synthetic.py OUT_FOLDER [--seed N] [--armies K] [--map MAP.yaml] [--fog]
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game.hexgrid import hex_distance, hex_from_offset, hex_linedraw, offset_from_hex  # noqa: E402

W, H = 86, 71


def _blob(grid, rng, cx, cy, rx, ry, ch, noise=0.25):
    for r in range(max(0, cy - ry - 2), min(H, cy + ry + 3)):
        for c in range(max(0, cx - rx - 2), min(W, cx + rx + 3)):
            d = ((c - cx) / rx) ** 2 + ((r - cy) / ry) ** 2
            if d <= 1 + rng.uniform(-noise, noise):
                grid[r][c] = ch


def _range(grid, rng, c, r, steps, peaks=True):
    for _ in range(steps):
        for dc in (-1, 0, 1):
            cc = c + dc
            if 0 <= cc < W and 0 <= r < H and grid[r][cc] not in "~":
                grid[r][cc] = "h" if dc else ("M" if peaks and rng.random() < 0.2 else "m")
        c += rng.choice((-1, 0, 1, 1))
        r += rng.choice((-1, 0, 1))
        c, r = max(1, min(W - 2, c)), max(1, min(H - 2, r))


def make_terrain(rng: random.Random) -> list[list[str]]:
    grid = [["." for _ in range(W)] for _ in range(H)]
    for r in range(H):
        for c in range(W):
            x = rng.random()
            grid[r][c] = ":" if x < 0.15 else "f" if x < 0.2 else "." if x < 0.9 else "h"
    for r in range(H):                     # a western sea and a southern gulf
        for c in range(0, 4 + (r % 5 == 0)):
            grid[r][c] = "~"
    _blob(grid, rng, 36, 12, 16, 7, "~")   # an inland sea in the north
    _blob(grid, rng, 20, 60, 14, 8, "~")   # a gulf in the south-west
    _blob(grid, rng, 70, 60, 12, 9, "d", 0.4)  # a desert in the south-east
    _blob(grid, rng, 60, 5, 20, 4, "s", 0.3)   # steppe in the north
    _blob(grid, rng, 48, 40, 3, 2, "w")
    _blob(grid, rng, 81, 40, 3, 3, "%")    # a lake
    for _ in range(6):
        _range(grid, rng, rng.randrange(10, W - 10), rng.randrange(15, H - 10), rng.randrange(8, 20))
    # a land bridge across the inland sea's west end, cut by a strait
    for r in range(10, 15):
        grid[r][21] = "."
        grid[r][22] = "."
    return grid


def _land(grid, c, r):
    return 0 <= c < W and 0 <= r < H and grid[r][c] not in "~%M"


def _coastal(grid, c, r):
    h = hex_from_offset(c, r)
    from game.hexgrid import hex_neighbors
    for n in hex_neighbors(h):
        nc, nr = offset_from_hex(n)
        if 0 <= nc < W and 0 <= nr < H and grid[nr][nc] == "~":
            return True
    return False


def make_map_yaml(rng: random.Random) -> tuple[str, list[dict]]:
    grid = make_terrain(rng)
    places = []
    tries = 0
    while len(places) < 52 and tries < 20000:
        tries += 1
        c, r = rng.randrange(2, W - 2), rng.randrange(2, H - 2)
        if not _land(grid, c, r) or grid[r][c] == "m":
            continue
        h = hex_from_offset(c, r)
        if any(hex_distance(h, hex_from_offset(p["c"], p["r"])) < 5 for p in places):
            continue
        places.append({"id": f"city{len(places):02d}", "c": c, "r": r,
                       "walls": rng.choice((0, 1, 1, 2, 2, 2, 3, 3, 4)),
                       "income": rng.randint(1, 8), "port": _coastal(grid, c, r),
                       "holy": rng.random() < 0.05})
    roads = []
    for p in places:
        h = hex_from_offset(p["c"], p["r"])
        near = sorted(places, key=lambda q: hex_distance(h, hex_from_offset(q["c"], q["r"])))[1:3]
        for q in near:
            line = hex_linedraw(h, hex_from_offset(q["c"], q["r"]))
            cells = [offset_from_hex(x) for x in line]
            if all(_land(grid, cc, rr) for cc, rr in cells):
                roads.append(" ".join(f"{cc},{rr}" for cc, rr in cells))
    mountains = [(c, r) for r in range(H) for c in range(W) if grid[r][c] == "m"]
    passes = [f"{c},{r}" for c, r in rng.sample(mountains, min(8, len(mountains)))]
    rivers = []
    for k, c in enumerate((30, 55)):
        edges = [f"{c},{r},0" for r in range(20, 50) if _land(grid, c, r) and _land(grid, c + 1, r)]
        rivers.append((f"river{k}", edges))
    lines = ["id: synthetic_map", "name: Synthetic theatre", "hex_km: 30", f"width: {W}",
             f"height: {H}", "terrain: |"]
    lines += ["  " + "".join(row) for row in grid]
    lines.append("rivers:")
    for rid, edges in rivers:
        lines.append(f"  - {{id: {rid}, name: {rid.title()}, edges: \"{' '.join(edges)}\"}}")
    lines.append("crossings:")
    rid, edges = rivers[0]
    lines.append(f"  - {{id: bridge0, name: Bridge, kind: bridge, edge: \"{edges[len(edges) // 2]}\"}}")
    lines.append("straits:")
    lines.append("  - {id: narrows, name: The Narrows, edges: \"21,11,0 21,12,0 21,13,0\"}")
    lines.append("roads:")
    for k, path in enumerate(roads):
        lines.append(f"  - {{id: road{k}, name: Road {k}, path: \"{path}\"}}")
    lines.append("passes:")
    for k, h in enumerate(passes):
        lines.append(f"  - {{id: pass{k}, name: Pass {k}, hex: \"{h}\"}}")
    lines.append("places:")
    for p in places:
        lines.append(f"  - {{id: {p['id']}, name: City {p['id'][4:]}, hex: \"{p['c']},{p['r']}\", "
                     f"walls: {p['walls']}, income: {p['income']}, port: {str(p['port']).lower()}, "
                     f"holy: {str(p['holy']).lower()}}}")
    return "\n".join(lines) + "\n", places


def _places_of_map(path: Path) -> list[dict]:
    from game.scenario.mapfile import load_map
    hm = load_map(str(path))
    out = []
    for p in hm.places.values():
        if p.kind == "site":
            continue
        c, r = offset_from_hex(p.hex)
        out.append({"id": p.id, "c": c, "r": r, "walls": p.walls, "income": p.income,
                    "port": p.port, "holy": p.holy})
    global W, H
    W, H = hm.width, hm.height
    return out


def write_scenario(folder: Path, seed: int = 1, armies: int = 15,
                   map_file: Path | None = None, fog: bool = False) -> Path:
    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    if map_file is not None:
        shutil.copy(map_file, folder / "map.yaml")
        places = _places_of_map(folder / "map.yaml")
        map_ref = "map.yaml"
    else:
        text, places = make_map_yaml(rng)
        (folder / "map.yaml").write_text(text)
        map_ref = "map.yaml"
    places.sort(key=lambda p: (p["c"], p["r"], p["id"]))
    half = len(places) // 2
    west, east = places[:half], places[half:]
    mid = lambda side: min(side, key=lambda p: abs(p["r"] - H // 2) + abs(p["c"] - (  # noqa: E731
        W // 5 if side is west else 4 * W // 5)))
    cap_w, cap_e = mid(west), mid(east)
    for p in (cap_w, cap_e):
        p["walls"] = max(p["walls"], 4)
    out = [f"id: synthetic", "title: Synthetic war", "description: A made-up war for measuring.",
           "start: 603-03", "end: 612-12", "turn_length: season", f"map: {map_ref}",
           f"fog: {str(fog).lower()}",
           "factions:",
           f"  - {{id: west, name: West, color: \"#7b2d8e\", treasury: 300, income: 20, navy: true, "
           f"capital: {cap_w['id']}}}",
           f"  - {{id: east, name: East, color: \"#b8860b\", treasury: 300, income: 20, "
           f"capital: {cap_e['id']}}}",
           "  - {id: raiders, name: Raiders, color: \"#2e8b57\", playable: false, major: false, "
           "in_play: false}",
           "  - {id: nomads, name: Nomads, color: \"#8b4513\", playable: false, major: false, "
           "in_play: false}",
           "relations:", "  - {a: west, b: east, status: war}",
           "commanders:"]
    commanders = []
    for side in ("west", "east"):
        for k in range(armies // 2 + 1):
            cid = f"{side}_gen{k}"
            commanders.append((cid, side))
            out.append(f"  - {{id: {cid}, name: {side.title()} General {k}, faction: {side}, "
                       f"strategy: {rng.randint(3, 9)}, tactics: {rng.randint(3, 9)}, "
                       f"siege: {rng.randint(3, 9)}}}")
    out.append("  - {id: khagan, name: Khagan, faction: raiders, tactics: 6}")
    out.append("  - {id: yabghu, name: Yabghu, faction: nomads, tactics: 7, traits: [seasonal]}")
    out.append("cities:")
    for side, ps in (("west", west), ("east", east)):
        for p in ps:
            g = 500 + p["walls"] * rng.randint(500, 1500)
            if p is cap_w or p is cap_e:
                g = 10000
            out.append(f"  - {{id: {p['id']}, owner: {side}, garrison: {g}}}")
    out.append("armies:")
    for side, ps in (("west", west), ("east", east)):
        gens = [c for c, s in commanders if s == side]
        frontier = sorted(ps, key=lambda p: -p["c"] if side == "west" else p["c"])
        for k in range(armies):
            p = frontier[k % max(1, len(frontier) // 2)]
            cmd = f", commander: {gens[k]}" if k < len(gens) else ""
            out.append(f"  - {{id: {side}_{k}, faction: {side}, at: \"{p['c']},{p['r']}\", "
                       f"men: {rng.randrange(3000, 25000, 500)}{cmd}}}")
    north_w = min(west, key=lambda p: p["r"])
    north_e = min(east, key=lambda p: p["r"] - p["c"] // 4)
    out += ["victory:",
            f"  - {{faction: east, kind: decisive, when: {{owns: {{faction: east, city: {cap_w['id']}}}}}}}",
            f"  - {{faction: west, kind: decisive, when: {{owns: {{faction: west, city: {cap_e['id']}}}}}}}",
            "ai:",
            f"  west: {{targets: {{{cap_e['id']}: 60}}}}",
            f"  east: {{targets: {{{cap_w['id']}: 60}}}}",
            "events:",
            "  - id: evt_raiders",
            "    title: Raiders from the north",
            "    check: start",
            "    when: {date: {start: 603-06}}",
            "    effects:",
            "      - enter_war: raiders",
            "      - relation: {a: raiders, b: west, status: war}",
            f"      - spawn_army: {{id: raider_host, faction: raiders, at: \"{north_w['c']},"
            f"{max(0, north_w['r'] - 2)}\", men: 15000, commander: khagan}}",
            "  - id: evt_nomads",
            "    title: The nomads ride south",
            "    check: start",
            "    when: {date: {start: 604-06}}",
            "    effects:",
            "      - enter_war: nomads",
            "      - relation: {a: nomads, b: east, status: war}",
            f"      - spawn_army: {{id: nomad_host, faction: nomads, at: \"{north_e['c']},"
            f"{max(0, north_e['r'] - 2)}\", men: 20000, commander: yabghu}}",
            "  - id: evt_nomads_home",
            "    title: The nomads go home for the winter",
            "    check: start",
            "    repeat: true",
            "    cooldown: 4",
            "    when: {all: [{in_play: nomads}, {date: {season: winter}}]}",
            "    effects:",
            "      - leave_war: nomads"]
    path = folder / "synthetic.yaml"
    path.write_text("\n".join(out) + "\n")
    return path


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("folder")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--armies", type=int, default=15)
    p.add_argument("--map", type=Path, default=None, help="use this map file instead")
    p.add_argument("--fog", action="store_true", help="with fog of war")
    a = p.parse_args(argv)
    print(write_scenario(Path(a.folder), a.seed, a.armies, a.map, a.fog))
    return 0


if __name__ == "__main__":
    sys.exit(main())
