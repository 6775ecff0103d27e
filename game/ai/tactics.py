"""Tactics: one army's next order, given its errand.

Battles are judged with the odds the rules show a player (`combat.odds`,
`siege.assault_odds`): it attacks when the chance of winning is at least
what its level and the author's aggression ask for, storms walls on the same
terms, and otherwise keeps a siege going while the garrison starves.  An
army may fight once a turn after its march, even a march a zone of control
ended (the rules' one strike a turn): so it marches next to an enemy it means
to beat and attacks at once, and it will not end a march within one march and
a step of an enemy that would probably beat it.
Marches follow the distance fields toward the errand's hex, choosing among
the hexes `movement.reachable` says the army can reach this turn.
"""
from __future__ import annotations

from copy import copy
from dataclasses import dataclass

import numpy as np

from game.ai.knowledge import Knowledge
from game.ai import strategy
from game.ai.strategy import Goal, required_odds
from game.hexgrid import Hex, hex_distance, hex_neighbors
from game.rules import combat, engine, siege, supply
from game.rules import movement as M
from game.rules import queries as Q
from game.rules.orders import Assault, Attack, Besiege, Move, Order
from game.rules.state import Army

INF = M.INF


@dataclass
class Errand:
    """What an army is to do this turn: a goal, or to go home / to winter quarters / to hold."""
    kind: str                 # a goal's kind, or home, quarters, hold
    hex: Hex | None
    goal: Goal | None = None


def besieging(k: Knowledge, army: Army):
    c = Q.city_at(k.state, army.hex)
    if c is not None and c.siege is not None and c.siege.by == k.faction and c.owner != k.faction:
        return c
    return None


def best_attack(k: Knowledge, army: Army, errand: Errand) -> Order | None:
    """An attack on an adjacent enemy at good enough odds, if there is one."""
    if errand.kind == "visit" and errand.hex == army.hex:
        return None              # it holds the place: a won battle would carry it off
    want = required_odds(k, army=army)
    if errand.kind in ("home", "quarters"):
        want += 15
    best, best_key = None, None
    target = (errand.goal.hex if errand.goal is not None and errand.kind in ("attack", "relieve")
              else None)
    home = shut_in(k, army)
    keep = home is not None and strategy.vital_city(k, home)
    # (a level with `relief`) a capital about to fall: the besiegers at a lower floor, from
    # inside (a sally) or from outside (a relief), and no other enemy that would draw a
    # relief away from them
    relief = relieving(k, errand)
    last = k.level.relief if keep and beleaguered(k, home) else 0
    for n in [army.hex] if keep else [army.hex, *hex_neighbors(army.hex)]:
        # (a battle won next door would carry it out of a city it must keep)
        enemies = [e for e in k.enemies if e.hex == n]
        if not enemies:
            continue
        if relief is not None and n != relief.hex and \
                hex_distance(n, relief.hex) >= hex_distance(army.hex, relief.hex):
            continue             # not on its way to the besiegers: a screen to walk past
        o = Attack(k.faction, army.id, n)     # on its own hex: a sally against besiegers
        if not engine.is_legal(k.state, o):
            continue
        odds = combat.odds(k.state, army, n)
        win = odds["win_percent"]
        need = want - (5 if n == target else 0)
        if n == army.hex and keep and home.siege.food == 0:
            need -= LAST_STAND
        if last and n == army.hex:
            need = min(need, last)
        elif relief is not None and n == relief.hex:
            need = min(need, k.level.relief)
        if win < need:
            continue
        if held_behind_walls(k, n) and not fair_trade(k, odds, enemies[0].faction):
            # beaten, they stay behind their walls (and are refilled), so only the losses
            # count: a battle that costs it more men than the enemy is a treadmill
            continue
        key = (win + sum(e.men for e in enemies) // 2000 + (10 if n == target else 0), -k.index(n))
        if best_key is None or key > best_key:
            best, best_key = o, key
    return best




LAST_STAND = 20    # fewer win percent it asks of a sally from a starving city it must keep
# (shut in its capital or a city whose loss ends the war with the food gone, it may not
# break out, and waiting is death)


def fight_later(k: Knowledge, army: Army, errand: Errand, attack: Attack) -> bool:
    """Whether to march on its errand before fighting an enemy next to it that is not
    its errand and not on its way: a fight ends its march, and a beaten enemy that
    keeps coming back at its flank would hold it there turn after turn.  After the
    march it may still fight."""
    if errand.hex is None or errand.hex == army.hex or attack.target == errand.hex:
        return False
    if relieving(k, errand) is not None:
        return True              # a capital about to fall: on to the besiegers first
    if errand.goal is None or errand.goal.kind not in ("take", "visit"):
        return False
    if hex_distance(army.hex, errand.hex) <= 1:
        return False
    if any(hex_distance(c.hex, attack.target) <= 1 for c in k.own_cities()):
        return False             # an enemy at the gates of its own city is dealt with now
    f = k.field(errand.hex)
    return f[k.index(attack.target)] >= f[k.index(army.hex)]    # not on its way: behind it


def shut_in(k: Knowledge, army: Army):
    """The city of its side it stands in, if an enemy besieges it there (it eats the food
    and starves with the garrison)."""
    c = Q.city_at(k.state, army.hex)
    if c is not None and c.siege is not None and not k.hostile(c.owner) and \
            k.hostile(c.siege.by):
        return c
    return None


def beleaguered(k: Knowledge, city) -> bool:
    """Its capital or a city whose loss ends the war, besieged by an enemy with the food gone:
    the garrison and every army shut in with it starve by a third a turn, so the city falls
    within a few turns, and the war with it, unless the siege is broken."""
    s = city.siege if city is not None else None
    return (s is not None and s.food == 0 and city.owner == k.faction and k.hostile(s.by)
            and strategy.vital_city(k, city))


def relieving(k: Knowledge, errand: Errand):
    """(a level with `relief`) The beleaguered city (see `beleaguered`) the errand relieves,
    if that is its errand."""
    g = errand.goal
    if not k.level.relief or g is None or g.kind != "relieve":
        return None
    c = Q.city_at(k.state, g.hex)
    return c if beleaguered(k, c) else None


def starving_inside(k: Knowledge, army: Army) -> bool:
    """(a level with `relief`) Whether the army is shut in a beleaguered city: it starves
    there, and can fight the besiegers only in a sally of its own."""
    return bool(k.level.relief) and beleaguered(k, shut_in(k, army))


def held_behind_walls(k: Knowledge, h: Hex) -> bool:
    """Whether defenders beaten at h stay where they are (a walled, garrisoned city)."""
    c = Q.city_at(k.state, h)
    return c is not None and k.hostile(c.owner) and c.walls > 0 and c.garrison > 0


def fair_trade(k: Knowledge, odds: dict, enemy: str | None = None) -> bool:
    """Whether a battle is expected to cost the enemy at least as many men as it costs us.

    At a level that weighs the trade by share (`trade_share`), a rout is counted
    (the beaten lose more, the winner less) and each side's losses are weighed
    against all the men it has in the field: a large army that loses a tenth of
    itself to destroy a third of a small one gains by the exchange."""
    r = Q.rules(k.state)
    win = odds["win_percent"]
    w = (r["loss_winner_min"] + r["loss_winner_max"]) // 2
    lo = (r["loss_loser_min"] + r["loss_loser_max"]) // 2
    lo_them = lo
    w_me = w
    share = k.level.trade_share and enemy is not None
    if share and odds["attacker_strength"] * 100 >= \
            odds["defender_strength"] * r["rout_ratio"]:
        lo_them = lo + r["rout_loser_extra"]
        w_me = max(1, w - r["rout_winner_less"])
    mine = odds["attacker_men"] * (win * w_me + (100 - win) * lo)
    theirs = odds["defender_men"] * (win * lo_them + (100 - win) * w)
    if share:
        ours = max(1, sum(a.men for a in k.armies))
        their_all = max(1, sum(a.men for a in k.enemies if a.faction == enemy))
        return theirs * ours >= mine * their_all
    return theirs >= mine


def siege_order(k: Knowledge, army: Army, city) -> Order | None | str:
    """For an army besieging `city`: Assault, None to keep the siege, or "leave"."""
    odds = siege.assault_odds(k.state, army, city)["win_percent"]
    want = required_odds(k, 65, army)
    if k.profile.raider:
        want -= 10            # raiders will not wait out a siege
    if city.id in k.throws:
        # a lost war's last throw: kept whatever comes, stormed in the last round at any
        # odds the level will take (there is nothing the end would not take anyway)
        last = k.state.turn >= k.state.scenario.total_turns
        return Assault(k.faction, army.id, city.id) \
            if odds >= (k.level.last_throw if last else want) else None
    if k.index(army.hex) in k.danger:
        if enemy_win_at(k, army, k.index(army.hex), army.hex) > \
                100 - required_odds(k, army=army) + 10:
            if odds >= want - 15:
                return Assault(k.faction, army.id, city.id)
            return "leave" if k.level.minds_supply else None
    if odds >= want:
        return Assault(k.faction, army.id, city.id)
    if k.level.minds_supply and starving(k, army) and not falling(k, city):
        return "leave"        # hunger would win this siege for the defender
    if k.profile.raider and city.siege is not None and city.siege.turns >= 2:
        return "leave"
    return None


STARVING = 20      # supply below which a camp out of supply is starving, not just hungry


def starving(k: Knowledge, army: Army) -> bool:
    """Out of supply for long enough to be losing men fast (several turns of a campaign
    beyond the supply lines are allowed for; a camp left starving for years is not)."""
    return army.supply < STARVING and not k.supplied(army.hex)


def falling(k: Knowledge, city) -> bool:
    """Whether a besieged city is about to fall: its food gone and its garrison small."""
    s = city.siege
    return s is not None and s.food == 0 and \
        city.garrison < 2 * Q.rules(k.state)["min_army_men"] * 10


def enemy_win_at(k: Knowledge, army: Army, j: int, h: Hex) -> int:
    """Chance the most dangerous adjacent enemy would beat this army if it stood at h.

    The ground counts as in a real battle: hills, forest and marsh, a river
    between the armies (a river line is worth holding), walls of its own city.
    """
    return risk_for(k, army)(j, h)


def risk_for(k: Knowledge, army: Army):
    """`enemy_win_at` for one army as a function of (j, h), for asking at many hexes:
    what does not depend on the hex is worked out once.  Valid while no army moves."""
    state = k.state
    danger = k.danger
    attacked = getattr(danger, "reached", danger)     # `j in danger`, without a call
    mine_alone = army.men * combat.army_quality(state, army, False) // 100
    beside: dict[Hex, int] = {}             # own men at each hex, besides this army
    for a in k.armies:
        if a.id != army.id:
            beside[a.hex] = beside.get(a.hex, 0) + \
                a.men * combat.army_quality(state, a, False) // 100
    ground = combat.ground_table(state.scenario)
    per_wall = Q.rules(state)["defence_per_wall"]
    city_at = state.scenario.city_at
    cities = state.cities
    odds: dict[tuple[int, int], int] = {}

    def risk(j: int, h: Hex) -> int:
        if j not in attacked:
            return 0
        cid = city_at.get(h)
        c = cities.get(cid) if cid else None
        own = c is not None and c.owner == k.faction
        walls = c.walls if own else 0
        men = mine_alone + beside.get(h, 0)
        if own:
            men += c.garrison
        bonus = ground[j]
        worst = 0
        for d, strength in enumerate(danger.by_side(j)):
            if strength < 0:
                continue
            mine = max(1, men * (100 + bonus[d] + walls * per_wall) // 100)
            p = odds.get((strength, mine))
            if p is None:
                p = odds[strength, mine] = combat.win_chance(state, strength, mine)
            if p > worst:
                worst = p
        return worst
    return risk


def choose_destination(k: Knowledge, army: Army, errand: Errand,
                       reach: dict[int, tuple[int, int]]) -> int:
    """The hex index the army should march to (its own hex to stay)."""
    hm = k.hexmap
    here = hm.index(army.hex)
    target = errand.hex
    f = k.field(target) if target is not None else None
    tolerance = 100 - required_odds(k, army=army)
    careful = k.level.minds_supply
    goal = errand.goal
    walls_next = set()
    if goal is not None and goal.kind == "take" and target is not None:
        walls_next = {hm.index(n) for n in hex_neighbors(target)} - k.obs.stop
    winter_care = careful and (k.state.season == "winter" or errand.kind == "quarters"
                               or army.supply < 60)
    unsupplied = 400 if errand.kind == "quarters" else 150
    c = Q.commander_of(k.state, army)
    harsh = (harsh_indices(k.state.scenario) if careful and k.state.winter
             and not (c is not None and "winter_campaigner" in c.traits) else frozenset())
    home = Q.city_at(k.state, army.hex)
    in_walls = home is not None and home.owner == k.faction and home.walls > 0
    if in_walls and target == army.hex:
        return here              # ordered to hold these walls: it does not step out
    danger = getattr(k.danger, "reached", k.danger)   # `j in k.danger`, without a call
    risk_at = risk_for(k, army)
    bold = _bold_hexes(k, army, errand, reach)
    best_j, best_score = here, None
    for j, (cost, _prev) in reach.items():
        if f is not None:
            d = f[j]
            if d >= INF:
                d = 10000 + hex_distance(hm.hex_of(j), target) * 5
            score = -d * 10
        else:
            score = 0
        if winter_care and not k.supplied_at(j):
            score -= unsupplied
        if j in harsh:
            score -= 80          # winter in the mountains or the desert kills, fed or not
        if j in walls_next and army.may_strike:
            score += 60          # next to the walls: it can invest them on arriving
        if j in danger and not (j == here and in_walls) and j not in bold:
            risk = risk_at(j, hm.hex_of(j))
            if risk > tolerance and careful:
                score -= (risk - tolerance) * 40
            elif risk > 60:
                score -= (risk - 60) * 20
        score -= cost            # among equals, the shorter march
        if best_score is None or score > best_score or (score == best_score and j < best_j):
            best_j, best_score = j, score
    return best_j


def _bold_hexes(k: Knowledge, army: Army, errand: Errand, reach) -> set[int]:
    """(a level with `relief`) The hexes next to a beleaguered city it is relieving from which
    its attack on the besiegers would reach the level's floor: it marches there whatever the
    besiegers could do to it (it means to strike them first, and waiting loses the city)."""
    city = relieving(k, errand)
    if city is None or not army.may_strike:
        return set()
    hm = k.hexmap
    out = set()
    for j in reach:
        h = hm.hex_of(j)
        if hex_distance(h, city.hex) != 1:
            continue
        there = copy(army)
        there.hex = h
        if combat.odds(k.state, there, city.hex)["win_percent"] >= k.level.relief:
            out.add(j)
    return out


def harsh_indices(scn) -> frozenset[int]:
    """Hexes where winter costs men even to a supplied army (the rules' harsh terrain)."""
    h = scn.cache.get("ai_harsh")
    if h is None:
        hm = scn.map
        harsh = np.isin(hm.terrain.ravel(), list(supply.HARSH))
        h = frozenset(np.flatnonzero(harsh).tolist()) | {hm.index(p) for p in hm.pass_at}
        scn.cache["ai_harsh"] = h
    return h


def march(k: Knowledge, army: Army, dest: int, reach) -> Order | None:
    """A Move order to dest (shortened if the rules refuse it, as under fog)."""
    hm = k.hexmap
    path = M.path_to(k.state, reach, hm.hex_of(dest))
    if path and not k.fog:
        return Move(k.faction, army.id, path)   # reach came from the rules' own obstacles
    while path:
        o = Move(k.faction, army.id, path)
        if engine.is_legal(k.state, o):
            return o
        path = path[:-1]
    return None


def reachable(k: Knowledge, army: Army) -> dict[int, tuple[int, int]]:
    return M.reachable(k.state, army, obs=k.obs)


def invest(k: Knowledge, army: Army, goal: Goal, committed: int) -> Order | None:
    """Lay siege to (or walk into) the goal's city if the army stands next to it."""
    c = k.state.cities.get(goal.key)
    if c is None or hex_distance(army.hex, c.hex) > 1 or not army.may_strike:
        return None
    o = Besiege(k.faction, army.id, c.id)
    if not engine.is_legal(k.state, o):
        return None
    open_town = c.walls == 0 or c.garrison == 0
    # (last_throw) the city a lost war is staked on: invested at once, whatever the odds
    if not open_town and c.id not in k.throws and committed < goal.need * 7 // 10:
        odds = siege.assault_odds(k.state, army, c)["win_percent"]
        if odds < required_odds(k, 65, army):
            return None          # wait next to the walls for the rest of the force
    return o


def fortress_in_the_road(k: Knowledge, army: Army, target: Hex):
    """A hostile walled city next to the army that bars its road to `target` and that it
    is strong enough to invest (the fields ignore walls, so a march can stall before one)."""
    hm = k.hexmap
    f = k.field(target)
    here = f[hm.index(army.hex)]
    need_of = strategy.take_need
    best = None
    for n in hex_neighbors(army.hex):
        c = Q.city_at(k.state, n)
        if c is None or n == target or not k.hostile(k.cities[c.id].owner):
            continue
        if f[hm.index(n)] >= here:
            continue                    # not on the way
        if army.men < need_of(k, k.cities[c.id]):
            continue
        key = (f[hm.index(n)], c.id)
        if best is None or key < best[0]:
            best = (key, c)
    return best[1] if best is not None else None


def stalled_route(k: Knowledge, army: Army, target: Hex, reach) -> int | None:
    """When the fields' road is shut (a fortress, an army), the rules' own route around it."""
    obs = k.obs
    j = k.index(target)
    if j in obs.blocked:               # a city to take: route to its gates, not into it
        obs = M.Obstacles(obs.blocked - {j}, obs.stop, obs.ports, obs.straits,
                          obs.closed_passes, obs.navy)
    r = M.route(k.state, army, target, obs)
    if r is None:
        return None
    path, _cost = r
    hm = k.hexmap
    best = None
    for h in path:
        j = hm.index(h)
        if j in reach:
            best = j
        else:
            break
    return best


def on_the_way(k: Knowledge, army: Army, errand: Errand, goals: list) -> Order | None:
    """Invest a city worth taking that stands next to the army on its march, when the army
    can storm it at once (a turn's halt for a prize it would otherwise walk past)."""
    goal = errand.goal
    if goal is None or goal.urgent or goal.kind not in ("take", "visit", "attack") or \
            army.moves <= 0:
        return None
    wanted = {g.key: g for g in goals if g.kind == "take"}
    want = required_odds(k, 65, army)
    best = None
    for n in hex_neighbors(army.hex):
        c = Q.city_at(k.state, n)
        if c is None or c.id not in wanted or n == errand.hex:
            continue
        g = wanted[c.id]
        if g.value * 2 < goal.value or strategy.known_inside(k, k.cities[c.id]):
            continue
        att, dfn = siege.assault_strengths(k.state, army, c, [])
        if combat.win_chance(k.state, att, dfn) < want:
            continue
        o = Besiege(k.faction, army.id, c.id)
        if engine.is_legal(k.state, o) and (best is None or g.value > best[0]):
            best = (g.value, o)
    return best[1] if best is not None else None

