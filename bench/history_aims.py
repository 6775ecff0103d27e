"""The full war against issue 16's aims, over more games than one history report.

    python -m bench.history_aims [--games 160] [--seed 1] [--jobs 2] [--chunk 40]

Plays the full war with the computer at normal on every side (the games of
`run.py simulate full_war`, seed for seed) and checks the pooled games against
the aims issue 16 set for it: how often each turning point fires and when (its
median first firing), that neither side wins more than 65 % of games, and that
no single victory condition decides more than half.  For each share it prints
the count, a 90 % interval (Wilson's) and the share in each run of `--chunk`
games, and a verdict:

  met        the whole interval is on the aim's side of the bar
  short      the whole interval is on the wrong side
  edge       the interval straddles the bar: these games cannot tell (the
             point share decides the mark in brackets)

Then, for each chunk, whether every aim holds in it on its own: a forty-game
history report meets them all only when the dice are kind, if the pooled
shares are near their bars (docs/ai.md, "What forty games can tell (session
20)").  Compare two versions of the code by running it in an export of each
with the same seeds.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from game import calendar as cal  # noqa: E402
from game import simulate  # noqa: E402

SCENARIO = ROOT / "scenarios" / "full_war.yaml"
Z90 = 1.645


@dataclass(frozen=True)
class Aim:
    """A turning point that must fire in at least `share` percent of games, its median
    first firing inside [first, last] (dates) or within `months` of history."""
    event: str
    share: int
    first: str | None = None
    last: str | None = None
    months: int | None = None


# issue 16, "Done when" (the full war): the turning points, in the scenario's order
AIMS = (
    Aim("evt_610_fall_of_phocas", 90, months=6),
    Aim("evt_614_jerusalem", 60, "613-01", "616-12"),
    Aim("evt_618_persians_at_pelusium", 50, "616-01", "620-12"),
    Aim("evt_624_emperor_in_armenia", 70, "622-01", "625-12"),
    Aim("evt_626_avar_siege", 40, "625-01", "627-12"),
    Aim("evt_627_tiflis", 60, months=12),
    Aim("evt_627_nineveh", 40, months=12),
    Aim("evt_628_dastagerd", 40, months=12),
    Aim("evt_628_coup", 40, months=12),
)
MOST_WINS = 65          # no side wins more than this percent of games
MOST_BY_ONE = 50        # no victory condition decides more than this percent


def interval(k: int, n: int, z: float = Z90) -> tuple[float, float]:
    """Wilson's interval for k successes in n trials, in percent."""
    if n == 0:
        return 0.0, 100.0
    p = k / n
    d = 1 + z * z / n
    mid = (p + z * z / (2 * n)) / d
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / d
    return 100 * max(0.0, mid - half), 100 * min(1.0, mid + half)


def _on_side(k: int, n: int, bar: int, at_least: bool) -> bool:
    """Whether the point share k/n is on the aim's side of the bar (percent)."""
    return (100 * k >= bar * n) if at_least else (100 * k <= bar * n)


def verdict(k: int, n: int, bar: int, at_least: bool) -> str:
    lo, hi = interval(k, n)
    point_ok = _on_side(k, n, bar, at_least)
    if (lo >= bar) if at_least else (hi <= bar):
        return "met"
    if (hi < bar) if at_least else (lo > bar):
        return "short"
    return f"edge ({'met' if point_ok else 'short'})"


def _largest(results) -> tuple[str, int]:
    """The victory condition (or `undecided`) that ended most games, and how many."""
    ways: dict[str, int] = {}
    for r in results:
        key = (r.by or r.kind) if r.winner else "undecided"
        ways[key] = ways.get(key, 0) + 1
    return max(sorted(ways.items()), key=lambda x: x[1])


def _date_ok(aim: Aim, tp) -> bool:
    if tp.median_date is None:
        return False
    if aim.months is not None:
        return tp.median_diff is not None and abs(tp.median_diff) <= aim.months
    return cal.parse_date(aim.first) <= tp.median_date <= cal.parse_date(aim.last)


def check(scn, results) -> list[tuple]:
    """(label, bar text, count, games, at_least, bar, median text, date ok or None) for
    each aim over these games."""
    n = len(results)
    tps = {t.event: t for t in simulate.turning_points(scn, results)}
    rows = []
    for aim in AIMS:
        tp = tps.get(aim.event)
        if tp is None:
            raise SystemExit(f"history_aims: {scn.spec.id} has no turning point {aim.event}")
        when = cal.date_text(tp.median_date) if tp.median_date is not None else "-"
        rows.append((tp.title, f">= {aim.share} %", tp.fired, n, True, aim.share, when,
                     _date_ok(aim, tp)))
    for f in scn.spec.factions:
        wins = sum(1 for r in results if r.winner == f.id)
        if wins:
            rows.append((f"{f.name}'s wins", f"<= {MOST_WINS} %", wins, n, False, MOST_WINS,
                         "", None))
    by, k = _largest(results)
    rows.append((f"largest victory condition ({by})", f"<= {MOST_BY_ONE} %", k, n, False,
                 MOST_BY_ONE, "", None))
    return rows


def holds(row) -> bool:
    """Whether one row's aim holds on its point share (and its date, if it has one)."""
    _label, _bar_text, k, n, at_least, bar, _when, date_ok = row
    return _on_side(k, n, bar, at_least) and date_ok is not False


def report(scn, results, chunk: int) -> list[str]:
    rows = check(scn, results)
    chunks = [results[i:i + chunk] for i in range(0, len(results), chunk)]
    per_chunk = [check(scn, c) for c in chunks]
    width = max(len(r[0]) for r in rows)
    lines = [f"# {scn.spec.id}: {len(results)} games (seeds {results[0].seed}-"
             f"{results[-1].seed}), normal on every side",
             f"{'aim':<{width}}  {'bar':<7}  {'games':>9}  share  90 % interval  "
             f"{'chunks of ' + str(chunk):<{4 * len(chunks) + 2}}  median    verdict"]
    for row in rows:
        label, bar_text, k, n, at_least, bar, when, date_ok = row
        lo, hi = interval(k, n)
        # a side with no wins in a chunk has no row there: its share is 0
        shares = []
        for c in per_chunk:
            same = next((x for x in c if x[0] == label), None)
            if same is None and label.startswith("largest"):
                same = next(x for x in c if x[0].startswith("largest"))
            shares.append(f"{100 * same[2] // same[3] if same else 0:>3}")
        v = verdict(k, n, bar, at_least)
        if date_ok is False:
            v += ", median date outside the aim"
        lines.append(f"{label:<{width}}  {bar_text:<7}  {k:>4}/{n:<4}  {100 * k // n:>4}%  "
                     f"{lo:>5.1f}-{hi:<5.1f}     {' '.join(shares):<{4 * len(chunks) + 2}}  "
                     f"{when:>8}  {v}")
    lines.append("every aim on its own games:")
    for c, crows in zip(chunks, per_chunk):
        missed = [r[0] for r in crows if not holds(r)]
        lines.append(f"  seeds {c[0].seed}-{c[-1].seed}: "
                     + ("every aim holds" if not missed else "misses " + "; ".join(missed)))
    return lines


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.history_aims",
                                description=__doc__.split("\n")[0])
    p.add_argument("--games", type=int, default=160)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--chunk", type=int, default=40,
                   help="games in each run the shares are also given for (a history report's 40)")
    p.add_argument("--scenario", default=str(SCENARIO), help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.games < 1 or a.chunk < 1 or a.jobs < 1:
        p.error("--games, --chunk and --jobs must be at least 1")
    from game.scenario.load import load_scenario
    scn = load_scenario(a.scenario)
    tasks = [simulate.Task(str(a.scenario), a.seed + i, None) for i in range(a.games)]
    t0 = time.time()
    results = list(simulate.run_games(tasks, a.jobs, scn))
    for line in report(scn, results, a.chunk):
        print(line)
    print(f"({time.time() - t0:.0f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
