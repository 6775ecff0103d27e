"""What hard makes of a scenario's event choices, and what weighing them costs.

    python bench/choice_speed.py SCENARIO [--seed N] [--games G] [--level L]

Plays SCENARIO with every side at normal (the level whose games the history
reports follow) and stops at each event choice: there it asks the weighing
level (hard by default) for its answer, and prints the turn, the event, what each
option came to for the chooser (game.ai.search.weigh_options: its expected score,
the mean over the samples, in the search's points; higher is better), the option
hard takes, the one normal takes, and the process time of hard's answer.  A level
may be an experiment, as in bench.ladder: `--level hard+choice_switch=30`.
The game then goes on with normal's answer, so every seed stops at the choices
of the same game normal plays.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import game.ai  # noqa: E402
from game.ai import levels, search  # noqa: E402
from game.ai.player import choose_option  # noqa: E402
from game.events.runner import event_by_id  # noqa: E402
from game.rules.engine import new_game  # noqa: E402


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("scenario")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--games", type=int, default=1)
    p.add_argument("--level", default="hard")
    a = p.parse_args(argv)
    from game.cli import load_scenario_arg
    scn = load_scenario_arg(a.scenario)
    if scn is None:
        return 1
    from bench.ladder import experimental_level
    lvl = levels.get(experimental_level(a.level))
    cpu = []
    for seed in range(a.seed, a.seed + a.games):
        state, _ = new_game(scn, seed)
        while not state.over:
            fid = state.active_faction
            pending = [x for x in state.pending if x.faction == fid]
            if pending:
                ev = event_by_id(state, pending[0].event)
                t0 = time.process_time()
                took = choose_option(state, fid, level=lvl).option
                cpu.append(time.process_time() - t0)
                ids = [c.id for c, _fx in ev.choices if c.ai_weight > 0] or \
                    [c.id for c, _fx in ev.choices]
                worth = search.weigh_options(state, fid, ev, ids, lvl)      # the same again
                normal = choose_option(state, fid).option
                print(f"seed {seed} turn {state.turn} {fid} {ev.spec.id}: "
                      + ", ".join(f"{k} {sum(v) // (100 * len(v)):,}"
                                  for k, v in worth.items())
                      + f"; {a.level} {took}, normal {normal}; {cpu[-1]:.1f} s", flush=True)
            game.ai.play_turn(state, "normal")
        print(f"seed {seed}: {state.winner or 'undecided'} ({state.result_kind})", flush=True)
    if cpu:
        cpu.sort()
        print(f"{len(cpu)} choices answered at {a.level}; process time median "
              f"{cpu[len(cpu) // 2]:.1f} s, worst {cpu[-1]:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
