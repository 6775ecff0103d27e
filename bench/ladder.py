"""The computer's ladder: against scripted human plans, and against itself level by level.

    python -m bench.ladder [--scenarios full_war,road_to_ctesiphon] [--games 20] [--seed 1]
                           [--jobs 2] [--players blitz,turtle,raider] [--levels normal,hard]
                           [--pairs normal:easy,hard:normal] [--sides byzantium,sassanids]
                           [--no-players] [--no-mirror] [--turns T] [--show-runs]

Scripted players (bench/scripted.py) play one major side through the public
rules API under the same fog a person has; the computer plays every other
side at the level tested (minor powers at normal in every cell, so the cells
differ only in the level of the opponent).  Mirror pairs play each seed
twice, the stronger level once on each side (with three major sides, three
times, the weaker level on the other two; the seed counts as won when the
stronger level won more of its games than the weaker) (a level may be an experiment: a base
level with some settings changed, `--pairs normal+shortlist=8:normal`); a pair of one level
(`--pairs normal:normal`) plays each seed once and sums both sides' counters,
for the behaviour of that level against itself.  Under each pair of two levels
come the stronger level's wins side by side, and the seeds the same side won
in every game.  An event's roll rests on the seed, the event and the turn, so
it falls the same way in each game of a seed: where the same side won every
game, neither level did better than the other with the same dice, and the
pairs won can come only from the other seeds (those "open").  Against a much
weaker level few seeds go so (normal against easy in the Road: the three
where the dice never bring Khosrow down); against a near equal, many.  For
every game the computer plays, it counts:

  forgotten  enemy armies it knew of at the start of one of its turns that
             were still on the map at the start of its next turn but no longer
             known to it (seen, then dropped while alive)
  unanswered its capital, or a city whose loss alone ends the war (an enemy's
             decisive victory is to own it), taken while one of its own armies
             stronger than the taker stood within two turns' march of it (and did
             not come); "named" counts the same for every city a victory
             condition names (frontier cities that change hands many times)
  attrition  men it lost to hunger and cold
  walled     battles it began against armies standing in their own walled,
             garrisoned city (beaten, they stay put: a treadmill)
  swaps      armies whose goal went back and forth (A, B, A, B...) more than
             twice in a row, from the notes the computer keeps in the game
  shuttles   armies whose place at the end of their side's turn went back and
             forth between two hexes the same way with no battle of theirs in
             between, whatever their goal: an army that keeps one goal but steps
             towards it and back again (a road the planner thinks open and the
             rules do not) is not a swap; `--show-runs` prints, under each line,
             the armies these two flagged and what they went back and forth between

Games are spread over worker processes (`--jobs`), each loading the scenario
from its file; the table is the same as a serial run.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import game.ai  # noqa: E402
from game.hexgrid import hex_distance  # noqa: E402
from game.rules import engine  # noqa: E402
from game.rules import movement as M  # noqa: E402
from game.rules import queries as Q  # noqa: E402
from game.rules.orders import EndTurn  # noqa: E402
from game.simulate import in_processes  # noqa: E402

COUNTERS = ("forgotten", "unanswered", "named", "attrition", "walled", "battles", "swaps",
            "shuttles")


@dataclass(frozen=True)
class Game:
    scenario_path: str
    seed: int
    sides: tuple          # ((faction, "ai" | player name, level), ...) for the major sides
    max_turns: int | None = None


_scenarios: dict = {}


def _scenario(path):
    scn = _scenarios.get(path)
    if scn is None:
        from game.scenario.load import load_scenario
        scn = _scenarios[path] = load_scenario(path)
    return scn


def experimental_level(name: str) -> str:
    """Make a level name like `normal+shortlist=8+odds_shift=-5` known to the computer: the
    base level with those settings changed, for measuring one setting at a time.  Bench
    only: the game's own levels stay the data in game/ai/levels.py."""
    from dataclasses import fields, replace

    from game.ai import levels
    if name in levels.LEVELS_BY_NAME:
        return name
    base, *changes = name.split("+")
    kinds = {f.name: f.type for f in fields(levels.Level)}
    values = {}
    for ch in changes:
        key, _eq, raw = ch.partition("=")
        if key not in kinds or key in ("name", "text"):
            raise SystemExit(f"{name}: {key!r} is not a level setting "
                             f"({', '.join(k for k in kinds if k not in ('name', 'text'))})")
        if kinds[key] in (bool, "bool"):
            values[key] = raw.lower() in ("1", "true", "yes", "on")
        else:
            values[key] = int(raw)
    levels.LEVELS_BY_NAME[name] = replace(levels.get(base), name=name, **values)
    return name


def _policy(kind, level):
    if kind == "ai":
        experimental_level(level)
        return lambda state: game.ai.play_turn(state, level)
    from bench.scripted import PLAYERS
    return PLAYERS[kind]


def key_cities(state, faction):
    """Its capital and every city a victory condition names."""
    from bench.scripted import victory_cities
    out = set(victory_cities(state, faction))
    cap = state.factions[faction].capital
    if cap:
        out.add(cap)
    return out


def war_ending_cities(state, faction):
    """Its capital and the cities whose loss alone ends the war: a hostile faction's
    decisive victory is to own that one city."""
    out = set()
    cap = state.factions[faction].capital
    if cap:
        out.add(cap)
    for v in state.scenario.victory:
        if v.spec.faction == faction or v.spec.kind != "decisive":
            continue
        cond = v.when
        if getattr(cond, "name", "") == "owns" and cond.args.get("faction") == v.spec.faction \
                and cond.args.get("city"):
            out.add(cond.args["city"])
    return out


def _march_cost(state, army, dest):
    obs = M.obstacles(state, army.faction)
    j = state.scenario.map.index(dest)
    obs = M.Obstacles(obs.blocked - {j}, obs.stop, obs.ports, obs.straits,
                      obs.closed_passes, obs.navy)
    r = M.route(state, army, dest, obs)
    return None if r is None else r[1]


def longest_run(values: list) -> tuple[int, int]:
    """The longest run of back-and-forth changes (A B A B...: each step returning to the
    value of two turns before, after leaving it), and the index where it ends."""
    best = run = end = 0
    for t in range(2, len(values)):
        if values[t] == values[t - 2] and values[t] != values[t - 1]:
            run += 1
            if run > best:
                best, end = run, t
        else:
            run = 0
    return best, end


def swap_runs(goals: list) -> int:
    """The longest run of back-and-forth changes in a history of goals (or places)."""
    return longest_run(goals)[0]


def extend(history: dict[str, list], now: dict, turn: int = 0) -> None:
    """Add this turn's (turn, value) (a goal, a place) to each army's history; an army
    without one this turn (gone, or with no goal) gets None, once.  None is a value like
    any other: an army that goes between a goal and none (`A None A None A`) counts as
    going back and forth, as two of the swaps of normal's full wars do (docs/ai.md)."""
    for aid, value in now.items():
        history.setdefault(aid, []).append((turn, value))
    for aid, hist in history.items():
        if aid not in now and hist and hist[-1][1] is not None:
            hist.append((turn, None))


def values(hist: list) -> list:
    return [v for _t, v in hist]


def _shown(v) -> str:
    if hasattr(v, "q"):                         # a place
        return f"{v.q},{v.r}"
    if isinstance(v, tuple):                    # (place, turn): a battle that turn
        return _shown(v[0]) + "*"
    return str(v)


def flagged_runs(history: dict[str, list], kind: str) -> list[str]:
    """For `--show-runs`: each army whose longest back-and-forth run is over two, with the
    turns of that run and the values in it (a place with * was fought over)."""
    out = []
    for aid, hist in history.items():
        vals = values(hist)
        best, end = longest_run(vals)
        if best > 2:
            first = end - best - 1
            out.append(f"{kind} {aid} turns {hist[first][0]}-{hist[end][0]}: "
                       + " ".join(_shown(v) for v in vals[first:end + 1]))
    return out


def note_goals(plans: str) -> dict[str, str]:
    """Army id -> the goal it marched for, from the note a computer's EndTurn carries
    (`army q r goal ...` entries; `seen ...` entries are its memory of enemies)."""
    return game.ai.memory.goals_in_note(plans)


def play_game(g: Game) -> dict:
    from game.rules.engine import new_game
    scn = _scenario(g.scenario_path)
    state, _events = new_game(scn, g.seed)
    sides = {f: (kind, lvl) for f, kind, lvl in g.sides}
    policies = {f.id: _policy(*sides.get(f.id, ("ai", "normal"))) for f in scn.spec.factions}
    watched = {f: experimental_level(lvl) for f, (kind, lvl) in sides.items() if kind == "ai"}
    ctr = {f: Counter() for f in watched}
    known_prev: dict[str, set] = {f: set() for f in watched}
    goals: dict[str, dict[str, list]] = {f: {} for f in watched}
    places: dict[str, dict[str, list]] = {f: {} for f in watched}
    fought: dict[str, set] = {f: set() for f in watched}   # armies in a battle since its turn
    keys = {f: (key_cities(state, f), war_ending_cities(state, f)) for f in watched}
    cpu = {f: 0.0 for f in watched}
    while not state.over:
        if g.max_turns is not None and state.turn > g.max_turns:
            break
        fid = state.active_faction
        if fid in watched:
            known = set(game.ai.known_enemy_ids(state, fid, watched[fid]))
            alive = {a.id for a in state.armies.values() if Q.hostile(state, fid, a.faction)}
            ctr[fid]["forgotten"] += len((known_prev[fid] & alive) - known)
            known_prev[fid] = known
            t0 = time.process_time()
        pairs = policies[fid](state)
        if fid in watched:
            cpu[fid] += time.process_time() - t0
        for order, evs in pairs:
            for e in evs:
                _note(state, e, ctr, keys)
                if e.kind == "battle":
                    for f in watched:
                        fought[f].update((e.data.attacker, *e.data.defenders))
            if isinstance(order, EndTurn) and fid in watched:
                extend(goals[fid], note_goals(order.plans), state.turn)
                # a battle breaks a run: back and forth between battles is not a shuttle
                extend(places[fid], {a.id: (a.hex, state.turn) if a.id in fought[fid]
                                     else a.hex for a in Q.armies_of(state, fid)}, state.turn)
                fought[fid].clear()
    runs = {}
    for f in watched:
        swapped, shuttled = flagged_runs(goals[f], "swap"), flagged_runs(places[f], "shuttle")
        ctr[f]["swaps"], ctr[f]["shuttles"] = len(swapped), len(shuttled)
        runs[f] = swapped + shuttled
    return {"seed": g.seed, "sides": g.sides, "winner": state.winner, "turns": state.turn,
            "kind": state.result_kind or "unfinished",
            "counters": {f: dict(c) for f, c in ctr.items()}, "cpu": cpu, "runs": runs}


def _note(state, e, ctr, keys):
    if e.kind == "attrition" and e.factions[0] in ctr:
        ctr[e.factions[0]]["attrition"] += e.data.men
    elif e.kind == "battle" and e.data.attacker_faction in ctr:
        f = e.data.attacker_faction
        ctr[f]["battles"] += 1
        c = Q.city_at(state, e.at)
        if c is not None and c.walls > 0 and Q.hostile(state, f, c.owner) and e.data.defenders:
            ctr[f]["walled"] += 1
    elif e.kind == "captured" and e.data.owner_before in ctr:
        loser = e.data.owner_before
        cid = e.data.city
        named, vital = keys[loser]
        if cid not in named:
            return
        city = state.cities[cid]
        taker = sum(a.men for a in Q.armies_at(state, city.hex) if a.faction != loser)
        for a in Q.armies_of(state, loser):
            if a.men <= max(taker, 1) or hex_distance(a.hex, city.hex) > 40:
                continue
            cost = _march_cost(state, a, city.hex)
            if cost is not None and cost <= 2 * M.move_budget(state, a):
                ctr[loser]["named"] += 1
                if cid in vital:
                    ctr[loser]["unanswered"] += 1
                break


def run(games: list[Game], jobs: int):
    yield from in_processes(play_game, games, jobs)


def _majors(scn, only=None):
    return [f.id for f in scn.spec.factions if f.major and f.playable
            and (not only or f.id in only)]


def _sum(results, pick):
    """Counters added up over the games for the sides `pick(result)` names."""
    total = Counter()
    for r in results:
        for f in pick(r):
            total.update(r["counters"].get(f, {}))
    return total


def _counter_text(total: Counter, games: int) -> str:
    return (f"forgotten {total['forgotten']}, unanswered {total['unanswered']} "
            f"(named {total['named']}), "
            f"attrition {total['attrition'] // max(1, games):,}/game, "
            f"walled {total['walled']}/{total['battles']} battles, swaps {total['swaps']}, "
            f"shuttles {total['shuttles']}")


def _print_runs(results, pick) -> None:
    """`--show-runs`: the armies behind the swaps and shuttles of a table line."""
    for r in results:
        lvl = {f: level for f, _kind, level in r["sides"]}
        for f in pick(r):
            for line in r["runs"].get(f, []):
                print(f"    seed {r['seed']} {f} ({lvl.get(f, 'normal')}) {line}", flush=True)


def wins_by_side(runs: list[dict], majors, level: str) -> dict[str, tuple[int, int]]:
    """For each major side: the games `level` won playing it, of the games it played it
    (a run's `sides` are (faction, kind, level); its `winner` a faction or None)."""
    out = {}
    for f in majors:
        played = [r for r in runs
                  if any(ff == f and lvl == level for ff, _k, lvl in r["sides"])]
        out[f] = (sum(1 for r in played if r["winner"] == f), len(played))
    return out


def seed_games(runs: list[dict], n: int) -> list[list[dict]]:
    """Mirror pairs: the runs (in seed order, `n` games a seed) cut into each seed's games."""
    return [runs[k:k + n] for k in range(0, len(runs), n)]


def same_side_seeds(runs: list[dict], majors) -> dict[str, list[int]]:
    """Mirror pairs: for each major side, the seeds it won in every game, whichever level
    played it (runs in seed order, one game a side).  A seed's event dice fall the same
    way in each of its games (game.events.dice), so on these seeds neither level did
    better than the other with the same dice, and neither won the pair."""
    out: dict[str, list[int]] = {f: [] for f in majors}
    for x in seed_games(runs, len(majors)):
        w = x[0]["winner"]
        if len(x) == len(majors) and w in out and all(r["winner"] == w for r in x):
            out[w].append(x[0]["seed"])
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--scenarios", default="full_war,road_to_ctesiphon")
    p.add_argument("--games", type=int, default=20)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    p.add_argument("--players", default="blitz,turtle,raider")
    p.add_argument("--levels", default="normal,hard")
    p.add_argument("--pairs", default="normal:easy,hard:normal",
                   help="mirror pairs STRONGER:WEAKER (LEVEL:LEVEL: the same level on both "
                        "sides, one game a seed); a level may be a base level with settings "
                        "changed, e.g. normal+shortlist=8:normal (game/ai/levels.py names them)")
    p.add_argument("--sides", default="", help="major sides for the scripted players")
    p.add_argument("--no-players", action="store_true")
    p.add_argument("--no-mirror", action="store_true")
    p.add_argument("--turns", type=int, default=None)
    p.add_argument("--show-runs", action="store_true",
                   help="after each line, every army the swaps and shuttles counters flagged: "
                        "seed, side, army, the turns of its longest run and what it went "
                        "back and forth between")
    a = p.parse_args(argv)
    from game.scenario.load import find_scenario
    seeds = range(a.seed, a.seed + a.games)
    start = time.time()
    for sid in [s for s in a.scenarios.split(",") if s]:
        path = str(find_scenario(sid))
        scn = _scenario(path)
        majors = _majors(scn)
        print(f"# {scn.id}: seeds {a.seed}-{a.seed + a.games - 1}")
        if not a.no_players:
            print(f"{'player':<8} {'side':<10} {'computer':<8} {'player wins':>11} "
                  f"{'computer wins':>13} {'undecided':>9}  turns  computer's counters")
            for player in [x for x in a.players.split(",") if x]:
                for side in _majors(scn, [s for s in a.sides.split(",") if s]):
                    for lvl in [x for x in a.levels.split(",") if x]:
                        games = [Game(path, s, tuple((f, player if f == side else "ai", lvl)
                                                     for f in majors), a.turns) for s in seeds]
                        rs = list(run(games, a.jobs))
                        pw = sum(r["winner"] == side for r in rs)
                        und = sum(r["winner"] is None for r in rs)
                        cw = len(rs) - pw - und
                        turns = sum(r["turns"] for r in rs) / len(rs)
                        tot = _sum(rs, lambda r: [f for f in majors if f != side])
                        print(f"{player:<8} {side:<10} {lvl:<8} {pw:>11} {cw:>13} {und:>9}  "
                              f"{turns:5.1f}  {_counter_text(tot, len(rs))}", flush=True)
                        if a.show_runs:
                            _print_runs(rs, lambda r: [f for f in majors if f != side])
        if not a.no_mirror and len(majors) >= 2:
            print(f"{'mirror':<17} {'stronger wins':>13} {'weaker wins':>11} {'undecided':>9}  "
                  f"{'pairs won':>9}  counters (stronger | weaker)")
            for pair in [x for x in a.pairs.split(",") if x]:
                hi, lo = pair.split(":")
                games = []
                for s in seeds:
                    # one game a seed with the stronger level on each major side in turn (a
                    # pair of games when there are two), the weaker level on the others
                    for strong in (majors if hi != lo else majors[:1]):
                        games.append(Game(path, s, tuple(
                            (f, "ai", hi if f == strong else lo) for f in majors), a.turns))
                rs = list(run(games, a.jobs))
                if hi == lo:
                    # the same level on both sides: one game a seed, wins by side, and the
                    # counters of both sides (per side and game)
                    won = Counter(r["winner"] for r in rs)
                    both = _sum(rs, lambda r: majors)
                    print(f"{hi + ' : ' + lo:<17} " + ", ".join(
                        f"{f} {won[f]}" for f in majors) + f", undecided "
                        f"{len(rs) - sum(won[f] for f in majors)}  "
                        f"{_counter_text(both, len(majors) * len(rs))}", flush=True)
                    for f in majors:
                        print(f"{'  ' + f:<17} {_counter_text(_sum(rs, lambda r: [f]), len(rs))}",
                              flush=True)
                    if a.show_runs:
                        _print_runs(rs, lambda r: majors)
                    continue

                def level_of(r, f):
                    return next(lvl for ff, _k, lvl in r["sides"] if ff == f)
                by_side = wins_by_side(rs, majors, hi)
                hw = sum(w for w, _played in by_side.values())
                und = sum(1 for r in rs if r["winner"] not in majors)
                lw = len(rs) - hw - und
                # a seed's set of games is won when the stronger level won more of them than
                # the weaker did (with two sides: both games, or one and the other undecided)
                n = len(majors)
                pairs_won = 0
                for x in seed_games(rs, n):
                    h = sum(1 for r in x if r["winner"] in majors and level_of(r, r["winner"]) == hi)
                    lo_w = sum(1 for r in x if r["winner"] in majors and
                               level_of(r, r["winner"]) == lo)
                    pairs_won += h > lo_w
                th = _sum(rs, lambda r: [f for f in majors if level_of(r, f) == hi])
                tl = _sum(rs, lambda r: [f for f in majors if level_of(r, f) == lo])
                print(f"{hi + ' : ' + lo:<17} {hw:>13} {lw:>11} {und:>9}  "
                      f"{pairs_won:>4}/{len(rs) // n:<4}  "
                      f"{_counter_text(th, len(rs))} | {_counter_text(tl, len(rs) * (n - 1))}",
                      flush=True)
                print(f"  {hi} won as " + ", as ".join(
                    f"{f} {w}/{played}" for f, (w, played) in by_side.items()), flush=True)
                same = same_side_seeds(rs, majors)
                decided = sum(len(v) for v in same.values())
                print(f"  the same side won every game of {decided} of {len(rs) // n} seeds ("
                      + ", ".join(f"{f} {len(v)}" for f, v in same.items())
                      + f"), so {len(rs) // n - decided} open", flush=True)
                if a.show_runs:
                    for f, v in same.items():
                        print(f"    {f} won every game: seeds {' '.join(map(str, v)) or 'none'}",
                              flush=True)
                    _print_runs(rs, lambda r: majors)
        print()
    print(f"({time.time() - start:.0f} s wall)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
