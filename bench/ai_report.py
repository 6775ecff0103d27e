"""The computer opponent's report card for one or more scenarios, in one command.

    python bench/ai_report.py SCENARIO... [--games N] [--seed S] [--jobs J] [--level L]
                              [--baseline] [--watch ID,ID,...] [--turns T]

For each scenario (an id or a path) it plays N games with the computer on
every side and prints:
  * the balance table: wins per side, undecided games, mean length;
  * signs of life: marches, battles, sieges begun, storms and cities changing
    hands per game (a war where nothing happens is a bug);
  * the watch list (`--watch`): for each id, how often and in which years a
    city was besieged and taken, a commander died or lost his throne, or a
    scripted event fired;
    without --watch, every city taken in at least one game and every event fired;
  * with `--baseline`: for each major playable faction, N more games in which
    it is played by the computer and every other side by the placeholder
    policy, and the share of those it wins (the issue asks for at least 90%).

Example, for the full war when it lands:
    python bench/ai_report.py full_war --games 20 --baseline \\
        --watch jerusalem,constantinople,dastagerd,khosrow
Games are spread over all cores (`--jobs`); results are the same as serial.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game import simulate  # noqa: E402
from game.ai import LEVELS  # noqa: E402


def _years(values: list[int]) -> str:
    if not values:
        return "-"
    c = Counter(values)
    return ", ".join(f"{y}" + (f" x{n}" if n > 1 else "") for y, n in sorted(c.items()))


def balance(scn, results) -> list[str]:
    names = {f.id: f.name for f in scn.spec.factions}
    return simulate.summary_lines(results, names)


def endings(scn, results) -> list[str]:
    """How the games ended: each distinct result (winner, kind and text) with its count."""
    names = {f.id: f.name for f in scn.spec.factions}
    c = Counter((r.winner or "", r.kind, r.text) for r in results)
    out = ["how they ended:"]
    for (w, kind, text), n in sorted(c.items(), key=lambda x: (-x[1], x[0])):
        who = names.get(w, "nobody")
        out.append(f"  {n:>3}  {who} ({kind}): {text}")
    return out


def life(results) -> list[str]:
    n = len(results)

    def mean(kind):
        return sum(r.counts.get(kind, 0) for r in results) / n
    quiet = sum(1 for r in results if not r.taken and not r.counts.get("battle"))
    return [f"per game: marches {mean('moved'):.1f}, battles {mean('battle'):.1f}, "
            f"sieges begun {mean('siege_begun'):.1f}, storms {mean('assault'):.1f}, "
            f"cities taken {mean('captured'):.1f}; games with no battle and no city "
            f"taken: {quiet} of {n}"]


def _first_years(results, what: str, key: str, value: str) -> list[int]:
    """The year `value` first shows in each game's `what` list (under `key`), for the games
    where it shows at all."""
    out = []
    for r in results:
        years = [x["year"] for x in getattr(r, what) if x[key] == value]
        if years:
            out.append(years[0])
    return out


def watch(scn, results, ids: list[str]) -> list[str]:
    n = len(results)
    cities = {c.id for c in scn.spec.cities}
    commanders = {c.id for c in scn.spec.commanders}
    events = {e.spec.id: e.spec for e in scn.events}
    if not ids:
        ids = sorted({t["city"] for r in results for t in r.taken})
        ids += sorted({f["id"] for r in results for f in r.fired})
    out = [f"{'watched':<36} {'games':>5}  years (first time in each game)"]
    for i in ids:
        rows = []
        if i in cities:
            sieged = _first_years(results, "sieges", "city", i)
            taken = _first_years(results, "taken", "city", i)
            rows += [(f"{i} besieged", sieged), (f"{i} taken", taken)]
        if i in commanders:
            died = _first_years(results, "deaths", "commander", i)
            fell = _first_years(results, "falls", "commander", i)
            rows += [(f"{i} died", died), (f"{i} lost his throne", fell)]
        if i in events:
            fired = _first_years(results, "fired", "id", i)
            hist = f" (history: {events[i].historical})" if events[i].historical else ""
            rows.append((f"{i} fired{hist}", fired))
        if not rows:
            out.append(f"{i:<36} not a city, commander or event of {scn.id}")
        for label, years in rows:
            out.append(f"{label:<36} {len(years):>2}/{n:<2}  {_years(years)}")
    return out


def baseline(scn, args, path: str) -> list[str]:
    out = [f"{'computer plays':<20} {'wins':>4} {'draws':>5} {'losses':>6}  win rate"]
    for f in scn.spec.factions:
        if not (f.major and f.playable):
            continue
        others = tuple((o.id, "placeholder") for o in scn.spec.factions if o.id != f.id)
        tasks = [simulate.Task(path, args.seed + k, args.turns, "ai", args.level, others)
                 for k in range(args.games)]
        rs = list(simulate.run_games(tasks, args.jobs, scn))
        won = sum(r.winner == f.id for r in rs)
        drawn = sum(r.winner is None for r in rs)
        rate = 100 * won // len(rs)
        flag = "ok" if rate >= 90 else "below 90%"
        out.append(f"{f.name:<20} {won:>4} {drawn:>5} {len(rs) - won - drawn:>6}  {rate}% "
                   f"({flag})")
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("scenarios", nargs="+", metavar="SCENARIO")
    p.add_argument("--games", type=int, default=20)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=None)
    p.add_argument("--turns", type=int, default=None)
    p.add_argument("--level", default="normal", choices=LEVELS)
    p.add_argument("--baseline", action="store_true",
                   help="also play each major side against the placeholder policy")
    p.add_argument("--watch", default="", help="comma-separated city, commander or event ids")
    a = p.parse_args(argv)
    from game.cli import load_scenario_arg
    from game.scenario.load import find_scenario
    for arg in a.scenarios:
        scn = load_scenario_arg(arg)
        if scn is None:
            return 1
        path = str(find_scenario(arg))
        tasks = [simulate.Task(path, a.seed + k, a.turns, "ai", a.level)
                 for k in range(a.games)]
        results = list(simulate.run_games(tasks, a.jobs, scn))
        print(f"# {scn.id}: {scn.title} ({a.games} games, computer at {a.level} on every side)")
        print()
        print("\n".join(balance(scn, results)))
        print("\n".join(endings(scn, results)))
        print("\n".join(life(results)))
        print()
        print("\n".join(watch(scn, results, [w for w in a.watch.split(",") if w])))
        if a.baseline:
            print()
            print("\n".join(baseline(scn, a, path)))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
