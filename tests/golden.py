"""Golden records: one computer-against-computer game of each shipped scenario, hashed round by round.

    python -m tests.golden            # replay every scenario, report the first round that differs
    python -m tests.golden --write    # rewrite the records after a change that shifts games
    python -m tests.golden --write full_war persian_tide    # only these

Each record (tests/golden/<scenario>.txt) is the game `simulate SCENARIO
--seed 1` plays: seed 1, the computer at normal on every side.  It holds the
state hash at the start and after every round, so a change to the rules, the
events, a scenario or the computer that shifts a game shows up as the first
round whose hash is no longer the same.  A commit that shifts games rewrites
the records, and its diff shows a reviewer which scenarios moved and from
when.  tests/test_golden.py replays them in the test run.
"""
from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import sys
from dataclasses import dataclass
from pathlib import Path

from game import simulate
from game.rules.engine import new_game
from game.rules.state import GameState, state_hash
from game.scenario.load import load_scenario, peek_id, scenario_files

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
SHIPPED_DIR = Path(__file__).resolve().parent.parent / "scenarios"   # not the player's own folder
SEED = 1
LEVEL = "normal"
WRITE_COMMAND = "python -m tests.golden --write"


def record_path(scenario_id: str) -> Path:
    return GOLDEN_DIR / f"{scenario_id}.txt"


def shipped() -> dict[str, Path]:
    """The shipped scenarios by id, in file order."""
    out = {}
    for f in scenario_files(SHIPPED_DIR):
        out[peek_id(f) or f.stem] = f
    return out


def _date(state: GameState) -> str:
    return f"{state.year}-{state.month:02d}"


def header(scenario_id: str, path: Path) -> list[str]:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return [f"# golden record: scenario {scenario_id}, seed {SEED}, computer {LEVEL} on every "
            f"side; scenario file sha256 {digest}",
            f"# each line: round, its date (year-month), the state hash after it; "
            f"rewrite with: {WRITE_COMMAND}"]


def replay(path: Path) -> list[str]:
    """Play the recorded game of a scenario file; its record lines (without the header)."""
    scn = load_scenario(path)
    ai_turn = simulate.policy("ai", LEVEL)
    lines: list[str] = []

    def turn_and_note(state: GameState):
        round_no, date = state.turn, _date(state)
        done = ai_turn(state)
        if state.turn != round_no or state.over:
            lines.append(f"round {round_no} {date} {state_hash(state)}")
        return done

    def note_start(state: GameState):
        lines.append(f"start {_date(state)} {state_hash(state)}")

    # simulate.play drives the game exactly as `simulate` does; the start line is
    # taken from a fresh game of the same seed (new_game is deterministic).
    note_start(new_game(scn, SEED)[0])
    result = simulate.play(scn, SEED, turn_policy=turn_and_note)
    by = f" by {result.by}" if result.by else ""
    lines.append(f"end {result.winner or 'undecided'} {result.kind}{by} after {result.turns} rounds")
    return lines


def body(lines: list[str]) -> list[str]:
    return [ln for ln in lines if ln.strip() and not ln.startswith("#")]


def read_record(scenario_id: str) -> list[str] | None:
    p = record_path(scenario_id)
    if not p.is_file():
        return None
    return p.read_text(encoding="utf-8").splitlines()


def recorded_digest(lines: list[str]) -> str | None:
    for ln in lines:
        if "sha256 " in ln:
            return ln.split("sha256 ", 1)[1].split()[0]
    return None


def difference(scenario_id: str, path: Path, recorded: list[str] | None,
               played: list[str]) -> str | None:
    """None when the game played as recorded; else a message naming the first round that differs."""
    fix = f"if the change is meant to shift games, rewrite the records with `{WRITE_COMMAND}` " \
          f"and commit them with it"
    if recorded is None:
        return f"{scenario_id}: no golden record at {record_path(scenario_id)}; {fix}"
    want = body(recorded)
    for k, (w, got) in enumerate(zip(want, played)):
        if w != got:
            break
    else:
        if len(want) == len(played):
            return None
        k = min(len(want), len(played))
        w = want[k] if k < len(want) else "(nothing: the game went on)"
        got = played[k] if k < len(played) else "(nothing: the game ended)"
    where = _where(w) or _where(got) or "at the end of the game"
    note = ""
    if recorded_digest(recorded) != header(scenario_id, path)[0].rsplit(" ", 1)[1]:
        note = " (the scenario file changed since the record was written)"
    return (f"{scenario_id}: the game of seed {SEED} differs from its golden record {where}"
            f"{note}:\n  recorded: {w}\n  played:   {got}\n{fix}")


def _where(line: str) -> str | None:
    """'first at round 12 (603-06)' for a round line; None for the end line."""
    parts = line.split()
    if parts[:1] == ["round"] and len(parts) >= 3:
        return f"first at round {parts[1]} ({parts[2]})"
    if parts[:1] == ["start"] and len(parts) >= 2:
        return f"from the start ({parts[1]})"
    return None


@dataclass(frozen=True)
class _Job:
    scenario_id: str
    path: str


def _play_job(job: _Job) -> list[str]:
    return replay(Path(job.path))


def play_all(wanted: dict[str, Path], jobs: int) -> dict[str, list[str]]:
    tasks = [_Job(sid, str(p)) for sid, p in wanted.items()]
    jobs = max(1, min(jobs, len(tasks)))
    if jobs == 1:
        return {t.scenario_id: _play_job(t) for t in tasks}
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        return dict(zip(wanted, pool.map(_play_job, tasks)))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m tests.golden",
                                 description="Check or rewrite the golden records of the "
                                             "shipped scenarios.")
    ap.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                    help="scenario ids (default: every shipped scenario)")
    ap.add_argument("--write", action="store_true", help="rewrite the records")
    ap.add_argument("--jobs", type=int, default=None,
                    help="processes to play on (default: all cores)")
    args = ap.parse_args(argv)
    every = shipped()
    unknown = [s for s in args.scenarios if s not in every]
    if unknown:
        ap.error(f"not a shipped scenario: {', '.join(unknown)}")
    wanted = {s: every[s] for s in (args.scenarios or every)}
    played = play_all(wanted, args.jobs or multiprocessing.cpu_count())
    bad = 0
    for sid, lines in played.items():
        path = wanted[sid]
        if args.write:
            GOLDEN_DIR.mkdir(exist_ok=True)
            text = "\n".join(header(sid, path) + lines) + "\n"
            old = record_path(sid).read_text(encoding="utf-8") if record_path(sid).is_file() else None
            record_path(sid).write_bytes(text.encode("utf-8"))
            print(f"{sid}: {len(lines) - 2} rounds, "
                  f"{'unchanged' if old == text else 'written'} {record_path(sid)}")
            continue
        problem = difference(sid, path, read_record(sid), lines)
        if problem:
            bad += 1
            print(problem)
        else:
            print(f"{sid}: as recorded ({len(lines) - 2} rounds)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
