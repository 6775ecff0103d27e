"""Speed of fog of war on a theatre-sized map (about 6000 hexes).

    python bench/fog.py [--map PATH_TO_MAP_YAML]

Builds a made-up scenario on a 100x60 map (or on the given map file), with
two warring sides and an ally, 40 cities and 60 armies, and times: a side's
sight computed from scratch and from the cache, `observe`, the memory
refresh after an order, a march with fog on and off, and a few computer
turns with fog on and off.  Not part of the test run.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game import simulate  # noqa: E402
from game.rules import engine, vision  # noqa: E402
from game.rules import movement as M  # noqa: E402
from game.rules.orders import Move  # noqa: E402
from game.rules.state import clone  # noqa: E402
from game.scenario.load import load_scenario  # noqa: E402
from game.session.view import observe  # noqa: E402

W, H = 100, 60


def made_up_map(rnd: random.Random) -> tuple[str, list[str]]:
    rows = []
    for r in range(H):
        row = ""
        for c in range(W):
            x = rnd.random()
            row += ("~" if c < 4 or r < 2 else "." if x < .45 else ":" if x < .6 else
                    "h" if x < .72 else "f" if x < .82 else "m" if x < .9 else "d" if x < .97
                    else "w")
        rows.append(row)
    land = [(c, r) for r in range(H) for c in range(W) if rows[r][c] != "~"]
    return "\n".join("    " + x for x in rows), land


def scenario_text(rnd: random.Random, map_ref: str | None) -> str:
    if map_ref is None:
        terrain, land = made_up_map(rnd)
        places = rnd.sample(land, 40)
        map_part = (f"map:\n  id: bench\n  name: Bench\n  width: {W}\n  height: {H}\n"
                    f"  terrain: |\n{terrain}\n  places:\n" +
                    "".join(f"    - {{id: c{i}, name: C{i}, hex: \"{c},{r}\", walls: {i % 5}}}\n"
                            for i, (c, r) in enumerate(places)))
        spots = rnd.sample([x for x in land if x not in places], 60)
        ids = [f"c{i}" for i in range(40)]
    else:
        from game.scenario.mapfile import load_map
        hm = load_map(map_ref)
        map_part = f"map: {Path(map_ref).resolve()}\n"
        cities = [p for p in hm.places.values() if p.kind != "site"][:40]
        ids = [p.id for p in cities]
        from game.hexgrid import offset_from_hex
        taken = {p.hex for p in cities}
        land = [offset_from_hex(h) for h in hm.hexes()
                if not hm.is_water(h) and h not in taken and hm.terrain_name(h) != "peaks"]
        spots = rnd.sample(land, 60)
    owners = ["byzantium", "sassanids", "ghassanids"]
    cities = "".join(f"  - {{id: {cid}, owner: {owners[i % 3]}, garrison: 2000}}\n"
                     for i, cid in enumerate(ids))
    armies = "".join(f"  - {{id: a{i}, faction: {owners[i % 3]}, at: \"{c},{r}\", men: 8000}}\n"
                     for i, (c, r) in enumerate(spots))
    return f"""id: bench_fog
title: Bench
start: 603-03
end: 610-12
fog: true
{map_part}factions:
  - {{id: byzantium, name: B, color: "#7b2d8e"}}
  - {{id: sassanids, name: S, color: "#b8860b"}}
  - {{id: ghassanids, name: G, color: "#2e8b57"}}
relations:
  - {{a: byzantium, b: sassanids, status: war}}
  - {{a: ghassanids, b: sassanids, status: war}}
  - {{a: byzantium, b: ghassanids, status: alliance}}
cities:
{cities}armies:
{armies}"""


def timed(fn, reps: int) -> float:
    """Median milliseconds per call."""
    out = []
    for _ in range(reps):
        t = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t) * 1000)
    return statistics.median(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--map", help="a map file to use instead of the made-up one")
    args = ap.parse_args()
    rnd = random.Random(1)
    text = scenario_text(rnd, args.map)
    with tempfile.TemporaryDirectory() as tmp:
        if args.map:        # a scenario names its map relative to itself
            import shutil
            shutil.copy(args.map, Path(tmp) / "map.yaml")
            text = text.replace(f"map: {Path(args.map).resolve()}", "map: map.yaml")
        on, off = Path(tmp) / "on.yaml", Path(tmp) / "off.yaml"
        on.write_text(text)
        off.write_text(text.replace("fog: true", "fog: false"))
        scn_on, scn_off = load_scenario(on), load_scenario(off)
    hm = scn_on.map
    print(f"map {hm.width}x{hm.height} = {hm.width * hm.height} hexes, "
          f"{len(scn_on.spec.cities)} cities, {len(scn_on.spec.armies)} armies")
    st, _ = engine.new_game(scn_on, 1)
    st_off, _ = engine.new_game(scn_off, 1)

    def cold():
        vision._static(st)["masks"].clear()
        vision.visible(st, "byzantium")
    print(f"sight of a side, computed:     {timed(cold, 50):7.3f} ms")
    print(f"sight of a side, cached:       {timed(lambda: vision.visible(st, 'byzantium'), 200):7.3f} ms")
    print(f"observe(state, side):          {timed(lambda: observe(st, 'sassanids'), 50):7.3f} ms")
    print(f"memory refresh, all sides:     {timed(lambda: vision.refresh(st), 50):7.3f} ms")
    print(f"obstacles_known:               "
          f"{timed(lambda: M.obstacles_known(st, 'byzantium'), 50):7.3f} ms")

    def march_ms(state, reps=30) -> float:
        a = sorted((x for x in state.armies.values() if x.faction == state.active_faction
                    and x.moves > 0), key=lambda x: x.id)[0]
        reach = M.reachable(state, a)
        far = max(reach, key=lambda j: (reach[j][0], j))
        order = Move(a.faction, a.id, M.path_to(state, reach, state.scenario.map.hex_of(far)))
        copies = [clone(state) for _ in range(reps)]
        return timed(lambda: engine.apply(copies.pop(), order), reps)
    print(f"one march ({'checked and applied'}), fog on:  {march_ms(st):7.3f} ms")
    print(f"one march ({'checked and applied'}), fog off: {march_ms(st_off):7.3f} ms")
    for name, scn in (("on", scn_on), ("off", scn_off)):
        t = time.perf_counter()
        simulate.play(scn, 1, max_turns=3)
        print(f"3 computer rounds, fog {name + ':':4}    {(time.perf_counter() - t) * 1000:7.0f} ms")


if __name__ == "__main__":
    main()
