"""How long the computer takes over a turn, measured with time.perf_counter.

    python bench/ai_speed.py [SCENARIO] [--turns T] [--level L] [--seed N] [--games G]

SCENARIO is an id or a path; without one, the synthetic war of
bench/synthetic.py (a 86 x 71 map, 15 armies a side, or --armies) is written to a
temporary folder and used.  Every side is played by the computer; each
faction turn (planning and applying its orders) is timed.  Prints the median,
90th percentile and worst turn per faction and overall, in wall-clock and
process time (the latter is less disturbed by other work on the machine).
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import game.ai  # noqa: E402
from game.rules.engine import new_game  # noqa: E402


def _load(arg: str | None, folder: str, armies: int = 15):
    from game.cli import load_scenario_arg
    if arg is None:
        sys.path.insert(0, str(ROOT / "bench"))
        from synthetic import write_scenario
        arg = str(write_scenario(Path(folder), 1, armies))
    scn = load_scenario_arg(arg)
    if scn is None:
        raise SystemExit(1)
    return scn


def pct(values: list[float], p: int) -> float:
    v = sorted(values)
    return v[min(len(v) - 1, len(v) * p // 100)]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("scenario", nargs="?", default=None)
    p.add_argument("--turns", type=int, default=20, help="rounds per game (default 20)")
    p.add_argument("--level", default="normal", choices=game.ai.LEVELS)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--games", type=int, default=1)
    p.add_argument("--armies", type=int, default=15,
                   help="armies a side in the synthetic war (default 15)")
    a = p.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        scn = _load(a.scenario, folder, a.armies)
        hexes = scn.map.width * scn.map.height
        wall: dict[str, list[float]] = {}
        cpu: dict[str, list[float]] = {}
        count: dict[str, list[int]] = {}
        for g in range(a.games):
            state, _ = new_game(scn, a.seed + g)
            armies = {f: sum(1 for x in state.armies.values() if x.faction == f)
                      for f in state.order}
            while not state.over and state.turn <= a.turns:
                f = state.active_faction
                count.setdefault(f, []).append(sum(1 for x in state.armies.values()
                                                   if x.faction == f))
                t0, c0 = time.perf_counter(), time.process_time()
                game.ai.play_turn(state, a.level)
                wall.setdefault(f, []).append(time.perf_counter() - t0)
                cpu.setdefault(f, []).append(time.process_time() - c0)
    print(f"{scn.id}: {scn.map.width}x{scn.map.height} = {hexes} hexes; armies at the start "
          f"{armies} (the armies column: mean armies at the start of its turns); level {a.level}; {a.games} game(s) of up to {a.turns} rounds")
    print(f"{'faction':<12} {'turns':>5} {'armies':>6}  {'median ms':>9} {'p90 ms':>7} "
          f"{'worst ms':>8}   {'cpu median':>10} {'cpu p90':>7}")
    everything_w = [x for v in wall.values() for x in v]
    everything_c = [x for v in cpu.values() for x in v]
    for f in [*wall, "all"]:
        w = everything_w if f == "all" else wall[f]
        c = everything_c if f == "all" else cpu[f]
        n = [x for v in count.values() for x in v] if f == "all" else count[f]
        print(f"{f:<12} {len(w):>5} {sum(n) / len(n):>6.1f}  {statistics.median(w) * 1000:>9.0f} "
              f"{pct(w, 90) * 1000:>7.0f} "
              f"{max(w) * 1000:>8.0f}   {statistics.median(c) * 1000:>10.0f} "
              f"{pct(c, 90) * 1000:>7.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
