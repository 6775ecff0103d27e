"""Whole games and the computer's turns: the full war played computer against computer.

    python -m bench.games [--quick] [--seeds K] [--scenario ID]

Each game runs in a process of its own (`--child`), so its peak memory is
its own: it plays the scenario to its end with `game.simulate.play`, the
code behind `run.py simulate`, timing every faction's turn.  From those
turns come the computer's rows: its turns at the start of the war (the
first rounds) and at its busiest (the rounds with the most armies on the
map), and every turn of the war (the median and the worst).  The first game
also leaves two saves: one in the middle of the war, for the saves benchmark
(bench/saves.py), and one at the start of its busiest round, for the
rendering benchmark (bench/render.py).

    python -m bench.games --against REV [--seeds K]

plays the same seeds with the code of another revision too (REV is any git
revision: `main`, `HEAD~3`, a commit), a game of one and a game of the other
by turns so that both meet the same load on the machine, and shows its
figures beside ours with the ratio (below 1: ours is faster).  Both must
play the very same games (the final state hashes are compared), so a change
meant only to be faster is shown to change nothing else.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import ROOT, Row, Stats  # noqa: E402

GROUP = "Games"
AI_GROUP = "Computer"
START_ROUNDS = 4           # "the start of the war": its first rounds
MID_SAVE = Path(tempfile.gettempdir()) / "lgw-bench-midwar.json"
QUICK_SAVE = Path(tempfile.gettempdir()) / "lgw-bench-quick.json"
BUSY_SAVE = Path(tempfile.gettempdir()) / "lgw-bench-busiest.json"


# --- in the child process ----------------------------------------------------------

def _sides(state) -> dict[str, str]:
    """Who plays in a bench save: the first faction a person, the rest the computer."""
    return {f: "human" if i == 0 else "computer:normal" for i, f in enumerate(state.order)}


def play_one(scenario: str, seed: int, turns: int | None, save_at: int | None,
             save_to: str | None, busy_to: str | None = None) -> dict:
    import game.ai
    from game import simulate
    from game.rules.state import clone, state_hash
    from game.scenario.load import find_scenario, load_scenario
    from game.session.save import save_game
    scn = load_scenario(find_scenario(scenario))
    log: list[list] = []          # [round, faction, armies, wall ms, cpu ms] per faction turn
    orders: list = []
    saved = {"done": False, "seconds": 0.0}
    busiest: dict = {"armies": -1}        # the state at the start of the busiest round

    def policy(state):
        t = time.perf_counter()
        if save_to and save_at is not None and state.turn >= save_at and not saved["done"]:
            save_game(save_to, state, orders, _sides(state), "mid-war (bench)")
            saved["done"] = True
        if busy_to and state.active == 0 and len(state.armies) > busiest["armies"]:
            busiest.update(armies=len(state.armies), state=clone(state), orders=len(orders))
        saved["seconds"] += time.perf_counter() - t
        turn, faction, n = state.turn, state.active_faction, len(state.armies)
        t, c = time.perf_counter(), time.process_time()
        out = game.ai.play_turn(state)
        log.append([turn, faction, n, (time.perf_counter() - t) * 1000,
                    (time.process_time() - c) * 1000])
        orders.extend(o for o, _ in out)
        return out

    t, c = time.perf_counter(), time.process_time()
    r = simulate.play(scn, seed, turns, turn_policy=policy)
    wall, cpu = time.perf_counter() - t - saved["seconds"], time.process_time() - c
    if busy_to and "state" in busiest:
        b = busiest["state"]
        save_game(busy_to, b, orders[:busiest["orders"]], _sides(b), "busiest round (bench)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak / 1024 / 1024 if sys.platform == "darwin" else peak / 1024
    return {"seed": seed, "seconds": wall, "cpu": cpu, "peak_mb": peak_mb, "turns": r.turns,
            "winner": r.winner or "undecided", "over": r.state.over,
            "hash": state_hash(r.state), "log": log, "total_turns": scn.total_turns}


def child(scenario: str, seed: int, turns: int | None = None, save_at: int | None = None,
          save_to: str | None = None, busy_to: str | None = None, root: Path = ROOT) -> dict:
    """Play one game in a fresh process, with the code under root; what `play_one`
    measured there."""
    cmd = [sys.executable, "-m", "bench.games", "--child", scenario, str(seed)]
    if turns is not None:
        cmd += ["--turns", str(turns)]
    if save_at is not None and save_to:
        cmd += ["--save-at", str(save_at), "--save-to", str(save_to)]
    if busy_to:
        cmd += ["--busy-to", str(busy_to)]
    env = dict(os.environ, PYTHONPATH=str(root), PYGAME_HIDE_SUPPORT_PROMPT="1")
    out = subprocess.run(cmd, cwd=root, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"the game child failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def checkout(rev: str, folder: Path) -> Path:
    """The tree of a git revision, written into folder (for `--against`)."""
    tar = subprocess.run(["git", "archive", "--format=tar", rev], cwd=ROOT,
                         capture_output=True, check=False)
    if tar.returncode != 0:
        raise SystemExit(f"no such revision: {rev}: {tar.stderr.decode().strip()}")
    subprocess.run(["tar", "-x", "-C", str(folder)], input=tar.stdout, check=True)
    return folder


# --- the rows -----------------------------------------------------------------------

def rows_of(games: list[dict], scenario: str, peers: dict[str, list[dict]] | None = None
            ) -> list[Row]:
    """The rows; with peers (name -> the same games played by other code), their figures
    beside ours."""
    peers = peers or {}
    full = all(g["over"] for g in games)
    what = "to the end" if full else f"{games[0]['turns']} rounds only"
    seeds = ", ".join(str(g["seed"]) for g in games)

    def beside(figure) -> dict[str, Stats]:
        return {p: Stats.of(figure(gs)) for p, gs in peers.items()}
    rows = [
        Row(GROUP, f"{scenario}, computer against computer, wall", "s",
            Stats.of(g["seconds"] for g in games), 30.0 if full else None,
            note=f"seeds {seeds}, {what}; rounds played "
                 f"{', '.join(str(g['turns']) for g in games)}; winners "
                 f"{', '.join(g['winner'] for g in games)}",
            peers=beside(lambda gs: [g["seconds"] for g in gs])),
        Row(GROUP, f"{scenario}, computer against computer, CPU", "s",
            Stats.of(g["cpu"] for g in games), 5.0 if full else None,
            note="process time of the same games (less disturbed by other work)" + "".join(
                f"; the same games as {p}: "
                f"{'yes' if [g['hash'] for g in gs] == [g['hash'] for g in games] else 'NO'}"
                for p, gs in peers.items()),
            peers=beside(lambda gs: [g["cpu"] for g in gs])),
        Row(GROUP, f"{scenario}, peak memory", "MB", Stats.of(g["peak_mb"] for g in games),
            300.0 if full else None, on="high", note="peak resident set of the game's process",
            peers=beside(lambda gs: [g["peak_mb"] for g in gs])),
    ]
    turns = [t for g in games for t in g["log"]]
    start = [t for t in turns if t[0] <= START_ROUNDS]
    # the busiest rounds: the quarter of the rounds with the most armies on the map
    by_round: dict[tuple, int] = {}
    for g in games:
        for t in g["log"]:
            key = (g["seed"], t[0])
            by_round[key] = max(by_round.get(key, 0), t[2])
    ranked = sorted(by_round, key=lambda k: -by_round[k])
    busy_keys = set(ranked[:max(1, len(ranked) // 4)])
    busy = [t for g in games for t in g["log"] if (g["seed"], t[0]) in busy_keys]
    armies = sorted(by_round[k] for k in busy_keys)
    for label, ts, note in (
            ("start of the war", start, f"turns of rounds 1-{START_ROUNDS}, "
                                        f"{min((t[2] for t in start), default=0)}-"
                                        f"{max((t[2] for t in start), default=0)} armies"),
            ("busiest rounds", busy, f"the quarter of the rounds with the most armies "
                                     f"({armies[0]}-{armies[-1]})")):
        if not ts:
            continue
        rows.append(Row(AI_GROUP, f"one computer turn, {label}, wall", "ms",
                        Stats.of(t[3] for t in ts), 250.0,
                        note=f"{len(ts)} faction turns: {note}; median and worst"))
        rows.append(Row(AI_GROUP, f"one computer turn, {label}, CPU", "ms",
                        Stats.of(t[4] for t in ts), 250.0))
    if turns:
        def every_turn(gs):
            return [t[4] for g in gs for t in g["log"]]
        rows.append(Row(AI_GROUP, "one computer turn, whole war, CPU", "ms",
                        Stats.of(every_turn(games)), 30.0,
                        note=f"all {len(turns)} faction turns of the games, the first "
                             "included (it builds the season's graphs)",
                        peers=beside(every_turn)))
        def worst_turn(gs):
            return [max(t[4] for t in g["log"]) for g in gs]
        rows.append(Row(AI_GROUP, "worst computer turn, whole war, CPU", "ms",
                        Stats.of(worst_turn(games)), 200.0, on="high",
                        note="the slowest turn of each game", peers=beside(worst_turn)))
    return rows


def run(quick: bool = False, scenario: str = "full_war", seeds: int = 3,
        against: str | None = None) -> list[Row]:
    games = []
    theirs: list[dict] = []
    with tempfile.TemporaryDirectory() as folder:
        other = checkout(against, Path(folder)) if against else None
        for k in range(1 if quick else seeds):
            seed = 1 + k
            turns = 2 if quick else None
            if k == 0:
                if quick:
                    games.append(child(scenario, seed, turns, 1, str(QUICK_SAVE)))
                else:
                    games.append(child(scenario, seed, turns, _mid(scenario), str(MID_SAVE),
                                       str(BUSY_SAVE)))
            else:
                games.append(child(scenario, seed, turns))
            if other is not None:
                theirs.append(child(scenario, seed, turns, root=other))
                if theirs[-1]["hash"] != games[-1]["hash"]:
                    print(f"warning: seed {seed} ends otherwise with {against}: the games "
                          "differ", file=sys.stderr)
    return rows_of(games, scenario, {against: theirs} if against else None)


def _mid(scenario: str) -> int:
    from game.scenario.load import find_scenario, load_scenario
    return max(1, load_scenario(find_scenario(scenario)).total_turns // 2)


def main(argv=None) -> int:
    from bench.report import group_parser, show
    p = group_parser(__doc__)
    p.add_argument("--seeds", type=int, default=3)
    p.add_argument("--against", metavar="REV", default=None,
                   help="also play the games with the code of this git revision, and compare")
    p.add_argument("--child", nargs=2, metavar=("SCENARIO", "SEED"), help=argparse.SUPPRESS)
    p.add_argument("--turns", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--save-at", type=int, default=None, help=argparse.SUPPRESS)
    p.add_argument("--save-to", default=None, help=argparse.SUPPRESS)
    p.add_argument("--busy-to", default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        print(json.dumps(play_one(a.child[0], int(a.child[1]), a.turns, a.save_at, a.save_to,
                                  a.busy_to)))
        return 0
    return show(run(a.quick, a.scenario, a.seeds, a.against), a.json)


if __name__ == "__main__":
    sys.exit(main())
