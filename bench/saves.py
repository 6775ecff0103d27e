"""Saves in the middle of the full war: writing, reading, and their size.

    python -m bench.saves [--quick] [--scenario ID]

Uses the save the games benchmark leaves in the middle of its first game
(bench/games.py), or plays to the middle of the war to make one.  The save
holds the state and every order given since the start, as the game's own
saves do.  Writing is `save_game` (encode, write to a temporary file, flush
to disk, keep the old one as .bak, rename); reading is `load_game` with
every check, given the scenario already loaded (loading the scenario itself
is the start-up benchmark's "load and validate").
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import Row, Stats, timed  # noqa: E402

GROUP = "Saves"


def _fits(save: Path, scenario_id: str, turn: int) -> bool:
    """Whether save is a save of that scenario made at that round."""
    try:
        meta = json.loads(save.read_text(encoding="utf-8"))["meta"]
        return meta["scenario_id"] == scenario_id and meta["turn"] == turn
    except (OSError, ValueError, KeyError, TypeError):
        return False


def run(quick: bool = False, scenario: str = "full_war", save: Path | None = None) -> list[Row]:
    from bench import games
    from game.scenario.load import find_scenario, load_scenario
    from game.session.save import load_game, save_game
    scn = load_scenario(find_scenario(scenario))
    mid = 1 if quick else max(1, scn.total_turns // 2)
    save = Path(save or (games.QUICK_SAVE if quick else games.MID_SAVE))
    if not _fits(save, scn.id, mid):
        games.child(scenario, 1, mid, mid, str(save))
    loaded = load_game(save, lambda meta: scn)
    state, orders = loaded.state, loaded.orders
    reps = 2 if quick else 30
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench-save.json"
        sides = dict(loaded.meta.sides)
        write = timed(lambda: save_game(path, state, orders, sides, "bench"), reps, warmup=1)
        size = path.stat().st_size
        read = timed(lambda: load_game(path, lambda meta: scn), reps, warmup=1)
    what = (f"{state.date_text()} (round {state.turn} of {scn.total_turns}), "
            f"{len(state.armies)} armies, {len(orders)} orders")
    return [Row(GROUP, "write a save, mid-war", "ms", Stats.of(write), 50.0, note=what),
            Row(GROUP, "read a save, mid-war", "ms", Stats.of(read), 50.0,
                note="parse, check every field and the checksum, rebuild the state"),
            Row(GROUP, "size of that save", "KB", Stats.one(size / 1024))]


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--quick", action="store_true")
    p.add_argument("--scenario", default="full_war")
    p.add_argument("--json", action="store_true", help="print the rows as JSON")
    a = p.parse_args(argv)
    rows = run(a.quick, a.scenario)
    if a.json:
        print(json.dumps([r.to_dict() for r in rows]))
    else:
        from bench.report import print_rows
        print_rows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main())
