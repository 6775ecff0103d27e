"""Battles: strength, the odds shown before an attack, and the fight itself.

A side's strength is its men scaled by its commander's tactics, morale,
supply and the defender's ground (terrain, a river between, walls).  Each
side's strength is then multiplied by a random factor from the rules table;
the larger product wins.  Because the factors are whole percentages, the
odds shown to a player before attacking are exact, not estimated.
"""
from __future__ import annotations

from dataclasses import dataclass

from game import terrain as T
from game.hexgrid import Hex, hex_direction_to, hex_distance, hex_neighbors
from game.rules import changes as C
from game.rules import movement as M
from game.rules import queries as Q
from game.rules.event_data import Battle, OfArmy
from game.rules.report import Event
from game.rules.state import Army, City, GameState
from game.rules.traits import battle_bonus, effective_tactics

_DEFENCE_RULE = {T.HILLS: "defence_hills", T.MOUNTAINS: "defence_mountains",
                 T.FOREST: "defence_forest", T.MARSH: "defence_marsh"}


@dataclass
class Side:
    armies: list[Army]
    garrison: int            # men of a city garrison fighting with the armies
    city: City | None
    strength: int            # after every modifier, before the random factor

    @property
    def men(self) -> int:
        return sum(a.men for a in self.armies) + self.garrison


def army_quality(state: GameState, army: Army, attacking: bool) -> int:
    """Percent applied to an army's men: commander, morale, supply."""
    r = Q.rules(state)
    q = 100
    c = Q.commander_of(state, army)
    if c is not None:
        q += r["tactics_percent_per_point"] * (
            effective_tactics(r, c.tactics, c.traits) - r["rating_average"])
        q += battle_bonus(r, c.traits, attacking)
    q += (army.morale - r["battle_morale_par"]) // 2
    if army.supply < r["battle_supply_par"]:
        q -= (r["battle_supply_par"] - army.supply) // 2
    return max(r["battle_quality_min"], q)


def ground_bonus(state: GameState, target: Hex, source: Hex | None, walls: int) -> int:
    """Defender's percent bonus for the ground: terrain, river between, walls."""
    r = Q.rules(state)
    hm = Q.hexmap(state)
    bonus = 0
    key = _DEFENCE_RULE.get(hm.terrain_at(target))
    if key:
        bonus += r[key]
    if source is not None:
        d = hex_direction_to(target, source)
        if d is not None and hm.has_edge(hm.river, target, d) and not (
                hm.has_edge(hm.bridge, target, d) or hm.has_edge(hm.road, target, d)):
            bonus += r["defence_river"]
    bonus += walls * r["defence_per_wall"]
    return bonus


def defending_side(state: GameState, attacker: Army, target: Hex) -> Side:
    armies = [a for a in Q.armies_at(state, target) if Q.hostile(state, attacker.faction, a.faction)]
    city = Q.city_at(state, target)
    garrison, walls = 0, 0
    if city is not None and Q.hostile(state, attacker.faction, city.owner):
        garrison = city.garrison
        walls = city.walls
        if walls and any(_has_trait(state, a, "fortress_defender") for a in armies):
            walls += 1
    else:
        city = None
    bonus = ground_bonus(state, target, attacker.hex, walls)
    s = sum(a.men * army_quality(state, a, False) // 100 for a in armies)
    s += garrison
    return Side(armies, garrison, city, s * (100 + bonus) // 100)


def attacking_side(state: GameState, attacker: Army) -> Side:
    s = attacker.men * army_quality(state, attacker, True) // 100
    if Q.hexmap(state).is_water(attacker.hex):
        s = s * (100 - Q.rules(state)["amphibious_penalty"]) // 100
    return Side([attacker], 0, None, s)


def win_chance(state: GameState, att: int, dfn: int) -> int:
    """Exact percent chance that att*roll_a > dfn*roll_d with uniform whole-percent rolls."""
    wins, pairs = win_pairs(state, att, dfn)
    return round(100 * wins / pairs)


def win_pairs(state: GameState, att: int, dfn: int) -> tuple[int, int]:
    """(pairs of rolls the attacker wins with, all pairs of rolls): the exact odds.

    The attacker wins when dfn*rd < att*ra, that is for rd up to (att*ra - 1) // dfn.
    That bound only grows with ra, so the attacker's rolls fall into three runs: those
    that beat no defender's roll, those that beat some (summed by `floor_sum`) and those
    that beat them all.
    """
    r = Q.rules(state)
    lo, hi = r["battle_roll_min"], r["battle_roll_max"]
    n = hi - lo + 1
    if dfn <= 0:
        return n * n, n * n
    if att <= 0:
        return 0, n * n
    # first roll whose bound reaches lo, and first whose bound reaches hi (ceilings)
    some = min(hi + 1, max(lo, -(-(lo * dfn + 1) // att)))
    every = max(some, min(hi + 1, -(-(hi * dfn + 1) // att)))
    k = every - some
    wins = (floor_sum(k, dfn, att, att * some - 1) - k * (lo - 1) if k > 0 else 0)
    return wins + (hi + 1 - every) * n, n * n


def floor_sum(n: int, m: int, a: int, b: int) -> int:
    """The sum of (a*i + b) // m for i from 0 to n-1 (n, m > 0; a, b >= 0), in a few
    steps whatever n (the Euclid-like reduction of the AtCoder library's floor_sum)."""
    total = 0
    while True:
        if a >= m:
            total += n * (n - 1) // 2 * (a // m)
            a %= m
        if b >= m:
            total += n * (b // m)
            b %= m
        y = a * n + b
        if y < m:
            return total
        n, b = divmod(y, m)
        m, a = a, m


def odds(state: GameState, attacker: Army, target: Hex) -> dict:
    """What a player is shown before attacking: both strengths and the chance to win."""
    a = attacking_side(state, attacker)
    d = defending_side(state, attacker, target)
    return {"attacker_men": a.men, "defender_men": d.men, "attacker_strength": a.strength,
            "defender_strength": d.strength, "win_percent": win_chance(state, a.strength,
                                                                        d.strength)}


def _has_trait(state: GameState, army: Army, trait: str) -> bool:
    c = Q.commander_of(state, army)
    return c is not None and trait in c.traits


def _spread_losses(state: GameState, side: Side, percent: int) -> tuple[int, list[Event]]:
    """Apply percent losses to each army and the garrison; returns men lost and events."""
    percent = min(percent, 100)      # a rout adds to the loss; never more men than there are
    lost = 0
    events: list[Event] = []
    for a in side.armies:
        n = a.men * percent // 100
        lost += n
        events += C.lose_men(state, a, n)
    if side.garrison and side.city is not None:
        n = side.city.garrison * percent // 100
        side.city.garrison -= n
        lost += n
        C.record_losses(state, side.city.owner, n)
    return lost, events


def retreat_hex(state: GameState, army: Army, away_from: Hex) -> Hex | None:
    """Where a beaten army falls back: a free hex, away from the enemy, no zone of control."""
    obs = M.obstacles(state, army.faction)
    hm = Q.hexmap(state)
    best, best_key = None, None
    for n in hex_neighbors(army.hex):
        if not hm.contains(n):
            continue
        if M.step_cost(state, army.hex, n, army.faction, obs) is None:
            continue
        if Q.city_at(state, n) is not None and Q.hostile(state, army.faction,
                                                         Q.city_at(state, n).owner):
            continue
        i = hm.index(n)
        k = (i in obs.stop, -hex_distance(n, away_from), i)
        if best_key is None or k < best_key:
            best, best_key = n, k
    return best


def fight(state: GameState, attacker: Army, target: Hex) -> list[Event]:
    """Resolve an attack by `attacker` on the hostile hex `target`."""
    r = Q.rules(state)
    rng = state.rng
    att = attacking_side(state, attacker)
    dfn = defending_side(state, attacker, target)
    roll_a = rng.randint(r["battle_roll_min"], r["battle_roll_max"])
    roll_d = rng.randint(r["battle_roll_min"], r["battle_roll_max"])
    att_power, def_power = att.strength * roll_a, dfn.strength * roll_d
    attacker_wins = att_power > def_power
    win, lose = (att, dfn) if attacker_wins else (dfn, att)
    lose_pct = rng.randint(r["loss_loser_min"], r["loss_loser_max"])
    win_pct = rng.randint(r["loss_winner_min"], r["loss_winner_max"])
    ratio = max(att_power, def_power) * 100 // max(1, min(att_power, def_power))
    if ratio >= r["rout_ratio"]:       # a rout: the loser suffers more, the winner less
        lose_pct += r["rout_loser_extra"]
        win_pct = max(1, win_pct - r["rout_winner_less"])
    names_a = attacker.name
    names_d = ", ".join(a.name for a in dfn.armies) or (dfn.city.name if dfn.city else "defenders")
    men_a, men_d = att.men, dfn.men
    lost_w, ev_w = _spread_losses(state, win, win_pct)
    lost_l, ev_l = _spread_losses(state, lose, lose_pct)
    for a in win.armies:
        a.morale = C.clamp(a.morale + r["morale_win"], 0, 100)
    for a in lose.armies:
        a.morale = C.clamp(a.morale - r["morale_loss"], 0, 100)
    events: list[Event] = []
    winner_name = names_a if attacker_wins else names_d
    many_won = not attacker_wins and len(dfn.armies) > 1
    factions = tuple(sorted({attacker.faction, *(a.faction for a in dfn.armies),
                             *([dfn.city.owner] if dfn.city else [])}))
    events.append(Event(
        "battle", f"Battle {Q.place_phrase(state, target)}: {names_a} ({men_a:,} men) against "
                  f"{names_d} ({men_d:,} men); {winner_name} {'win' if many_won else 'wins'}",
        target, factions,
        Battle(attacker.faction, men_a, lost_w if attacker_wins else lost_l, men_d,
               lost_l if attacker_wins else lost_w, attacker=attacker.id,
               defenders=tuple(a.id for a in dfn.armies),
               winner=attacker.faction if attacker_wins else (
                   dfn.armies[0].faction if dfn.armies else dfn.city.owner)),
        random=True))
    events += ev_w + ev_l
    # a beaten commander may fall
    for a in lose.armies:
        c = Q.commander_of(state, a)
        if c is not None:
            chance = r["commander_death_percent"]
            if "duellist" in c.traits:
                chance = chance * r["trait_duellist_death"] // 100
            if rng.percent(chance):
                events += C.set_commander_dead(state, c.id)
    attacker.moves = 0
    attacker.may_strike = False
    if attacker_wins:
        walled = dfn.city is not None and dfn.city.walls > 0 and dfn.city.garrison > 0
        if not walled:
            for a in list(dfn.armies):
                if a.id not in state.armies:
                    continue
                dest = retreat_hex(state, a, attacker.hex)
                if dest is None:
                    events += C.lose_men(state, a, a.men * r["loss_no_retreat"] // 100)
                    if a.id in state.armies:
                        events += C.remove_army(state, a, "is cut off and surrenders")
                else:
                    a.hex = dest
                    a.moves = 0
                    events.append(Event("retreated", f"{a.name} falls back", dest, (a.faction,),
                                        OfArmy(a.id)))
            events += C.lift_sieges_without_army(state)
            if attacker.id in state.armies and not any(
                    Q.hostile(state, attacker.faction, a.faction) for a in Q.armies_at(state, target)):
                city = Q.city_at(state, target)
                if city is None or not Q.hostile(state, attacker.faction, city.owner):
                    attacker.hex = target
                elif city.walls == 0 or city.garrison == 0:
                    attacker.hex = target
                    events += C.capture_city(state, city, attacker.faction, attacker)
    return events
