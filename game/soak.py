"""Long play: many computer-against-computer games, the rules' invariants checked every turn.

    python -m game.soak [--games N] [--turns T] [--seed S] [--level L] [SCENARIO ...]

Plays N games of each scenario (by default every one under scenarios/ and
the small test scenario under tests/data), seeds S, S+1, ...  After every
faction's turn it checks `check_invariants`; at the end of each game it
saves the game, loads it back and compares the state hashes.  An exception,
a broken invariant or a save that does not round-trip is a failure; each is
listed with its scenario, seed and turn so it can be replayed alone.  Prints
one line per scenario and a total; exits 1 if anything failed.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path

import game.ai
from game.rules.engine import new_game
from game.rules.invariants import check_invariants
from game.rules.state import state_hash
from game.scenario.load import GAME_ROOT, find_scenario, load_scenario, scenario_files
from game.scenario.yamlsrc import InputError
from game.session import save

TEST_SCENARIO = GAME_ROOT / "tests" / "data" / "test_scenario.yaml"


@dataclass
class Failure:
    scenario: str
    seed: int
    turn: int
    what: str

    def __str__(self) -> str:
        return f"{self.scenario} seed {self.seed} turn {self.turn}: {self.what}"


@dataclass
class Tally:
    games: int = 0
    turns: int = 0            # rounds played (every faction in play took its turn)
    faction_turns: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0

    def add(self, other: "Tally") -> None:
        self.games += other.games
        self.turns += other.turns
        self.faction_turns += other.faction_turns
        self.failures += other.failures
        self.seconds += other.seconds


def soak_game(scn, seed: int, max_turns: int | None = None, level: str = "normal",
              save_dir: Path | None = None) -> Tally:
    """Play one game; check the invariants after every faction's turn."""
    tally = Tally(games=1)
    state = None
    started = time.perf_counter()
    try:
        state, _ = new_game(scn, seed)
        broken = check_invariants(state)
        while not broken and not state.over:
            if max_turns is not None and state.turn > max_turns:
                break
            game.ai.play_turn(state, level)
            tally.faction_turns += 1
            broken = check_invariants(state)
        if broken:
            tally.failures.append(Failure(scn.id, seed, state.turn, "; ".join(broken[:3])))
        elif save_dir is not None:
            problem = _round_trip(state, save_dir / f"{scn.id}-{seed}.json")
            if problem:
                tally.failures.append(Failure(scn.id, seed, state.turn, problem))
    except Exception as exc:  # a soak reports every crash and goes on with the next game
        last = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(last.filename).name}:{last.lineno}"
        tally.failures.append(Failure(scn.id, seed, state.turn if state else 0,
                                      f"{type(exc).__name__}: {exc} (at {where})"))
    if state is not None:
        tally.turns = state.turn if state.over else state.turn - 1
    tally.seconds = time.perf_counter() - started
    return tally


def _round_trip(state, path: Path) -> str | None:
    save.save_game(path, state)
    try:
        loaded = save.load_game(path, scenario_loader=lambda meta: state.scenario)
    except save.SaveError as exc:
        return f"the save does not load: {exc}"
    finally:
        path.unlink(missing_ok=True)
        path.with_name(path.name + ".bak").unlink(missing_ok=True)
    if state_hash(loaded.state) != state_hash(state):
        return "the state hash changed over a save and load"
    return None


def soak(scn, games: int, seed: int = 1, max_turns: int | None = None,
         level: str = "normal") -> Tally:
    """`games` games of one scenario, seeds seed, seed+1, ..."""
    total = Tally()
    with tempfile.TemporaryDirectory(prefix="lgw-soak-") as tmp:
        for k in range(games):
            total.add(soak_game(scn, seed + k, max_turns, level, Path(tmp)))
    return total


def default_files() -> list[Path]:
    files = scenario_files()
    if TEST_SCENARIO.is_file():
        files.append(TEST_SCENARIO)
    return files


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m game.soak", description=__doc__.split("\n\n")[0])
    p.add_argument("scenarios", nargs="*", metavar="SCENARIO",
                   help="scenario ids or files (default: every scenario and the test scenario)")
    p.add_argument("--games", type=int, default=50, help="games per scenario (default 50)")
    p.add_argument("--turns", type=int, default=None, help="stop each game after T turns")
    p.add_argument("--seed", type=int, default=1, help="seed of the first game (default 1)")
    p.add_argument("--level", default="normal", choices=game.ai.LEVELS)
    args = p.parse_args(argv)
    if args.games < 1:
        p.error("--games must be at least 1")
    files = []
    for name in args.scenarios or []:
        f = find_scenario(name)
        if f is None:
            print(f"no scenario {name!r}", file=sys.stderr)
            return 2
        files.append(f)
    files = files or default_files()
    if not files:
        print("no scenarios to play", file=sys.stderr)
        return 2
    total = Tally()
    for f in files:
        try:
            scn = load_scenario(f)
        except InputError as exc:
            print(f"{f}: cannot be loaded: {exc.problems[0]}")
            total.failures.append(Failure(f.stem, 0, 0, "the scenario does not load"))
            continue
        t = soak(scn, args.games, args.seed, args.turns, args.level)
        print(f"{scn.id}: {t.games} games, {t.turns} turns ({t.faction_turns} faction turns), "
              f"{len(t.failures)} failures, {t.seconds:.1f} s", flush=True)
        total.add(t)
    for fail in total.failures:
        print(f"FAILED {fail}")
    print(f"total: {total.games} games, {total.turns} turns, {len(total.failures)} failures, "
          f"{total.seconds:.1f} s")
    return 1 if total.failures else 0


if __name__ == "__main__":
    sys.exit(main())
