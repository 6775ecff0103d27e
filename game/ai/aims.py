"""The author's direction, as the computer reads it: the aims in force now, and the posture.

A scenario's `ai:` section sets each faction's aims and posture at the start;
events change them (`ai_aims`, `ai_posture`); they live in the game state
(`state.direction`) and are saved with it.  An aim holds while the turn
meets its `start`..`end` window.  Its weight is on the scale of what the
computer reads from the victory conditions (a decisive victory counts 150),
so an author who means it can outweigh them.

What strategy.py asks of this module, and nothing more:
  city_bonus(k, city)  extra worth of a city (negative: leave it be for now)
  add_goals(k, goals)  the goals the aims ask for that the valuation did not make:
                       places to hold or come near, cities to take whatever their
                       garrison, an enemy commander's army to hunt
  weigh(k, goals)      the posture applied to the finished list, spared cities dropped
  errands(k, goals)    the armies of the commanders aims name as leaders, held to them
  leaders(state, f)    the commanders named by aims in force now or still to come
  profile(state, f)    the faction's profile, a raider while its posture says `raid`
"""
from __future__ import annotations

import dataclasses

from game.ai import minor
from game import calendar as cal
from game.hexgrid import hex_distance
from game.rules import queries as Q
from game.rules.state import Aim, GameState

HOLD_MEN = 5000        # men sent to hold or threaten a place when the aim names none
TAKE_SHARE = 3         # a city the author insists on is sized to at most 3/4 of its armies


def active(state: GameState, faction: str) -> list[Aim]:
    """The faction's aims whose window meets this turn."""
    d = state.direction.get(faction)
    if d is None or not d.aims:
        return []
    turn = cal.state_span(state)
    return [a for a in d.aims if cal.overlaps(turn, a.start, a.end)]


def leaders(state: GameState, faction: str) -> set[str]:
    """The commanders the faction's aims name as leaders, for aims in force now or still
    to come (an aim whose window has passed no longer holds its leader)."""
    d = state.direction.get(faction)
    if d is None or not d.aims:
        return set()
    turn = cal.state_span(state)
    return {a.leader for a in d.aims
            if a.leader is not None and cal.overlaps(turn, None, a.end)}


def posture(state: GameState, faction: str) -> str:
    d = state.direction.get(faction)
    return d.posture if d is not None else ""


def profile(state: GameState, faction: str) -> minor.Profile:
    p = minor.profile(state.scenario, faction)
    if posture(state, faction) == "raid" and not p.raider:
        return dataclasses.replace(p, raider=True)
    if posture(state, faction) in ("conquer", "defend") and p.raider:
        return dataclasses.replace(p, raider=False)
    return p


def _table(k) -> dict:
    """City id -> the sum of the weights aims give it this turn (cached on the knowledge)."""
    t = k.__dict__.get("_author_cities")
    if t is None:
        t = {}
        state = k.state
        at = state.scenario.city_at
        for a in active(state, k.faction):
            if a.kind in ("take", "hold"):
                cid = at.get(a.hex)
                if cid is not None:
                    t[cid] = t.get(cid, 0) + a.weight
            elif a.kind == "threaten" and a.weight > 0:
                # the country round a place to threaten: its enemy towns are worth taking
                for h, cid in at.items():
                    if hex_distance(h, a.hex) <= a.within:
                        t[cid] = t.get(cid, 0) + a.weight // 2
        k.__dict__["_author_cities"] = t
    return t


def city_bonus(k, city) -> int:
    return _table(k).get(city.id, 0)


def add_goals(k, goals: list) -> None:
    """Add to `goals` what the aims ask for and the valuation left out."""
    from game.ai import strategy
    state = k.state
    least = Q.rules(state)["min_army_men"]
    total = sum(a.men for a in k.armies)
    by_name = {g.name: g for g in goals}
    at = state.scenario.city_at
    for a in active(state, k.faction):
        if a.weight <= 0:
            continue
        leads = a.leader is None or any(x.commander == a.leader for x in k.armies)
        if not leads:
            continue                       # he leads no army now
        cid = at.get(a.hex) if a.hex is not None else None
        c = k.cities.get(cid) if cid is not None else None
        if c is not None and c.owner != k.faction and a.kind in ("take", "hold"):
            if not k.hostile(c.owner) or (c.siege is not None and c.siege.by != k.faction):
                continue
            g = by_name.get(f"take:{c.id}")
            cap = max(least, total * TAKE_SHARE // 4)
            if g is None:
                # the valuation passed it by (too strong a garrison, a raider's caution):
                # the author's word puts it back, sized to what the armies can bring
                g = strategy.Goal("take", c.id, c.hex, strategy.city_value(k, c),
                           min(strategy.take_need(k, c), cap))
                goals.append(g)
                by_name[g.name] = g
            else:
                g.need = min(g.need, cap)
            if a.leader is not None:
                g.leader = a.leader
            continue
        if a.kind == "hold":
            men = a.men or HOLD_MEN
            goals.append(strategy.Goal("visit", f"hold:{a.target}", a.hex, a.weight, men,
                                leader=a.leader))
        elif a.kind == "threaten":
            near = [x for x in k.armies if hex_distance(x.hex, a.hex) <= a.within
                    and (a.leader is None or x.commander == a.leader)]
            if not near:           # once there, the towns round it are its work
                goals.append(strategy.Goal("visit", f"threaten:{a.target}", a.hex, a.weight,
                                    a.men or HOLD_MEN, leader=a.leader))
                continue
            here = arrived(k, near, f"visit:threaten:{a.target}")
            if here is not None:
                goals.append(strategy.Goal("visit", f"threaten:{a.target}", here.hex,
                                    a.weight // 2, a.men or HOLD_MEN, leader=a.leader))
        elif a.kind == "shadow":
            _hunt(k, a, goals, by_name)


def arrived(k, near: list, name: str):
    """(steady) Of the armies `near` a place an aim sends them to, the one that marched for
    that aim (`name`) last turn, if any.  Reached, such an aim is no goal (there is nothing
    left to march for), so the army went off to other work, left, and came back when the
    goal did, turn after turn.  A steady general keeps the aim for the army that reached
    it: it holds where it stands, at half the aim's weight, so that the towns round it (and
    anything else clearly better) still come first."""
    if not k.level.steady:
        return None
    return next((x for x in sorted(near, key=lambda x: x.id)
                 if k.habits.get(x.id) == name), None)


def _hunt(k, a: Aim, goals: list, by_name: dict) -> None:
    """An enemy commander's army: beating it is worth the weight; out of reach behind
    walls, the armies keep near it.  An own commander's army: others keep it company."""
    from game.ai import strategy
    own = next((x for x in k.armies if x.commander == a.target), None)
    if own is not None:
        company = sum(x.men for x in k.armies if hex_distance(x.hex, own.hex) <= a.within)
        need = a.men or own.men * 2         # by default, as many again as he leads
        if company < need:
            goals.append(strategy.Goal("visit", f"escort:{a.target}", own.hex, a.weight,
                                need - company))
            return
        near = [x for x in k.armies if x is not own and hex_distance(x.hex, own.hex) <= a.within]
        here = arrived(k, near, f"visit:escort:{a.target}")
        if here is not None:          # (steady) its company stays with him
            goals.append(strategy.Goal("visit", f"escort:{a.target}", own.hex, a.weight // 2,
                                Q.rules(k.state)["min_army_men"]))
        return
    him = next((e for e in k.enemies if e.commander == a.target), None)
    if him is None:
        return                   # not in sight, or not an enemy now
    g = by_name.get(f"attack:{him.id}") or by_name.get(f"relieve:{him.id}")
    if g is not None:
        g.value += a.weight
        if a.leader is not None:
            g.leader = a.leader
        return
    near = [x for x in k.armies if hex_distance(x.hex, him.hex) <= a.within]
    if near:
        here = arrived(k, near, f"visit:shadow:{a.target}")
        if here is not None:          # (steady) the army on his heels stays there
            goals.append(strategy.Goal("visit", f"shadow:{a.target}", him.hex, a.weight // 2,
                                a.men or him.men, leader=a.leader))
        return
    goals.append(strategy.Goal("visit", f"shadow:{a.target}", him.hex, a.weight,
                        a.men or him.men, leader=a.leader))


def errands(k, goals: list) -> dict[str, str]:
    """Army id -> goal name for each army whose commander an aim names as its `leader`:
    his errand is the author's, whatever lies closer to hand (the most valuable of the
    goals given to him that his army can reach)."""
    from game.ai.operations import travel
    out = {}
    # (a level that `keeps_capital`) an army standing in its capital, or in a city whose loss
    # ends the war, while an enemy able to take it is near (an urgent defence) is the city's
    # guard first: the author's errand waits until the danger has passed
    guards = ({g.hex for g in goals if g.urgent and g.kind == "defend"}
              if k.level.keeps_capital else set())
    if k.throws:
        return out          # (last_throw) the campaign's plan yields to the last throw
    for army in k.armies:
        if army.commander is None or army.hex in guards:
            continue
        mine = sorted((g for g in goals if g.leader == army.commander
                       and g.key.split(":")[0] in ("threaten", "hold")
                       or g.leader == army.commander and g.kind == "take"
                       and _table(k).get(g.key, 0) > 0),
                      key=lambda g: (-g.value, g.name))
        for g in mine:
            if travel(k, army, g) is not None:
                out[army.id] = g.name
                break
    return out


def weigh(k, goals: list) -> list:
    """The posture and the cities to leave be, applied to the goals."""
    table = _table(k)
    throws = k.throws      # (last_throw) a lost war's last throw: no city is left be
    out = [g for g in goals if not (g.kind == "take" and table.get(g.key, 0) < 0
                                    and g.key not in throws)]
    if posture(k.state, k.faction) == "defend":
        for g in out:
            if g.kind == "take" and table.get(g.key, 0) <= 0 and g.key not in throws:
                g.value //= 4          # only what the author names is worth an offensive
            elif g.kind == "defend":
                g.value = g.value * 3 // 2
    return out
