"""Why an army goes back and forth: what its side's plan saw, every time it was made.

    python -m bench.goal_trace SCENARIO --seed N --side FACTION --army ID --turns A-B
                               [--near CITY,...] [--reach 30] [--level normal]

Plays SCENARIO (an id or a path) with the computer on every side, the major
ones at LEVEL (a level name, or an experiment such as `normal+kept_defence=1`,
as the ladder takes them) and the minor powers at normal: the same game the
ladder's `LEVEL:LEVEL` plays for that seed.  On
turns A to B, each time FACTION's plan is made (when its turn begins, and again
whenever what it knows changes: a battle, a city taken, an army seen or lost
from sight) it prints the army's place, men and errand, and for each city in
`--near`: the enemy strength counted as a threat to it, the goals at it (worth,
men needed, armies sent) and the enemy armies within `--reach` hexes of it, seen
or remembered (with the age of the sighting).  After each of FACTION's turns:
where the army ended.  The ladder's `--show-runs` names the armies to follow.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.ladder import _majors, experimental_level  # noqa: E402
from game.ai import levels, memory, player, search  # noqa: E402
from game.hexgrid import hex_distance  # noqa: E402
from game.rules.engine import new_game  # noqa: E402


def plan_lines(state, plan, army: str, near: list[str], reach: int) -> list[str]:
    """What one plan of the traced side saw: the army's errand, and round each city."""
    a = state.armies.get(army)
    e = plan.errands.get(army)
    errand = (memory.errand_name(e) if e is not None else None) or "none"   # as its note
    where = f"at {a.hex.q},{a.hex.r} with {a.men:,} men" if a else "(not on the map)"
    out = [f"  plan, turn {state.turn}: {army} {where}, errand {errand}"]
    k = plan.k
    for cid in near:
        c = state.cities[cid]
        out.append(f"    {cid}: threat {plan.threat.get(cid, 0):,}")
        for g in plan.goals:
            if g.hex == c.hex:
                out.append(f"      goal {g.name} worth {g.value} needs {g.need:,}"
                           f"{' (urgent)' if g.urgent else ''}, sent: "
                           f"{', '.join(g.assigned) or 'none'}")
        for x in k.enemies:
            d = hex_distance(x.hex, c.hex)
            if d <= reach:
                out.append(f"      seen {x.id} ({x.faction}) {x.men:,} men at "
                           f"{x.hex.q},{x.hex.r}, {d} hexes off")
        for g in k.ghosts:
            d = hex_distance(g.hex, c.hex)
            if d <= reach:
                out.append(f"      remembered {g.id} {g.men:,} men at {g.hex.q},{g.hex.r}, "
                           f"{d} hexes off, seen {g.age(state.turn)} turn(s) ago")
    return out


def trace(scn, seed: int, side: str, army: str, first: int, last: int, near: list[str],
          reach: int = 30, level: str = "normal", out=print):
    """Play the game, printing (through `out`) the traced side's plans on turns first-last;
    the game as it stands after the last of them."""
    state, _events = new_game(scn, seed)
    lvl = levels.get(experimental_level(level))
    normal = levels.get("normal")
    majors = set(_majors(scn))            # the ladder's: minor powers play normal
    while not state.over and state.turn <= last:
        fid, turn = state.active_faction, state.turn
        plan = player.Plan(state, search.choose(state, lvl if fid in majors else normal))
        if fid == side and turn >= first:
            seen = [None]

            def next_order(st, plan=plan, seen=seen):
                order = plan.next_order(st)
                if plan.k is not None and plan.goals is not seen[0]:   # a plan made (again)
                    # for this order (an event's choice, answered first, comes before any)
                    seen[0] = plan.goals
                    for line in plan_lines(st, plan, army, near, reach):
                        out(line)
                return order
            out(f"{fid}, turn {turn} ({state.season} {state.year})")
            player.drive_turn(state, next_order, plan.refused)
            a = state.armies.get(army)
            out(f"  end of turn {turn}: {army} " +
                (f"at {a.hex.q},{a.hex.r} with {a.men:,} men" if a else "not on the map"))
        else:
            player.drive_turn(state, plan.next_order, plan.refused)
    return state


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.goal_trace", description=__doc__.split(
        "\n")[0])
    p.add_argument("scenario", help="a scenario id (full_war) or a path to its file")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--side", required=True, help="the faction whose plans to print")
    p.add_argument("--army", required=True, help="the army to follow (an id)")
    p.add_argument("--turns", required=True, help="A-B: the turns to print (or one turn)")
    p.add_argument("--near", default="", help="cities to show, comma-separated ids")
    p.add_argument("--reach", type=int, default=30, help="hexes round each city to list armies")
    p.add_argument("--level", default="normal")
    a = p.parse_args(argv)
    from game.scenario.load import find_scenario, load_scenario
    from game.scenario.yamlsrc import InputError
    path = find_scenario(a.scenario)
    if path is None:
        print(f"goal_trace: no scenario {a.scenario!r} (`python run.py scenarios` lists them)",
              file=sys.stderr)
        return 2
    try:
        scn = load_scenario(path)
    except (InputError, OSError) as e:
        print(f"goal_trace: {e}", file=sys.stderr)
        return 2
    first, _dash, last = a.turns.partition("-")
    try:
        first, last = int(first), int(last or first)
    except ValueError:
        p.error(f"--turns {a.turns!r}: give A-B, two turn numbers")
    if a.side not in {f.id for f in scn.spec.factions}:
        p.error(f"--side {a.side!r}: the factions are "
                f"{', '.join(f.id for f in scn.spec.factions)}")
    near = [c for c in a.near.split(",") if c]
    unknown = [c for c in near if c not in {c.id for c in scn.spec.cities}]
    if unknown:
        p.error(f"--near: no city {', '.join(unknown)} in {a.scenario}")
    trace(scn, a.seed, a.side, a.army, first, last, near, a.reach, a.level)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:          # its output cut short (`| head`): nothing is lost
        sys.stderr.close()
        sys.exit(0)
