"""Play every historical scenario to its end for several seeds: the long check the
test suite leaves out.

    python bench/scenarios.py                      # every scenario, seeds 1-3
    python bench/scenarios.py full_war --seeds 5   # one scenario, seeds 1-5
    python bench/scenarios.py --policy placeholder # the simple baseline player

For each scenario it prints one line per game (winner, how, turns, seconds) and
then how many games each event fired in, so an author can see at a glance which
events the computer never reaches.  It fails (exit 1) if a game raises an error
or does not reach its end.  For one scenario in more detail, `python run.py
simulate SCENARIO --seed 1 --games 20` prints the fired events and the
comparison with history.
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import game.ai  # noqa: E402
from game.ai import placeholder  # noqa: E402
from game.scenario.load import find_scenario, load_scenario, scenario_files  # noqa: E402
from game.simulate import play  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("scenarios", nargs="*", help="scenario ids (default: all under scenarios/)")
    p.add_argument("--seeds", type=int, default=3, help="seeds 1..N (default 3)")
    p.add_argument("--policy", choices=["ai", "placeholder"], default="ai",
                   help="the computer's policy (default: the computer opponent)")
    args = p.parse_args(argv)
    policy = game.ai.play_turn if args.policy == "ai" else placeholder.play_turn
    paths = [find_scenario(s) for s in args.scenarios] if args.scenarios else scenario_files()
    failed = False
    for path in paths:
        if path is None:
            print("no such scenario", file=sys.stderr)
            return 2
        scn = load_scenario(path)
        print(f"== {scn.id}: {scn.total_turns} turns")
        fired: dict[str, int] = {e.spec.id: 0 for e in scn.events}
        for seed in range(1, args.seeds + 1):
            t0 = time.perf_counter()
            try:
                r = play(scn, seed, None, turn_policy=policy)
            except Exception:       # a crash is what this script is looking for
                traceback.print_exc()
                failed = True
                continue
            took = time.perf_counter() - t0
            if not r.state.over:
                failed = True
            for ev in {f["id"] for f in r.fired}:
                fired[ev] += 1
            print(f"  seed {seed}: {r.winner or 'undecided'} ({r.kind}) after {r.turns} turns, "
                  f"{took:.1f} s; {r.text}")
        width = max(map(len, fired), default=0)
        for ev, n in fired.items():
            print(f"    {ev:<{width}}  {n}/{args.seeds}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
