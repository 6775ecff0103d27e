"""Scripted players for the ladder: simple human plans, played through the public rules API.

Each player sees what a person at that side would see: the armies of other
factions on hexes its side sees now (`vision.known_armies`), the cities as
its side last saw them (`vision.known_cities`), and it plans marches on the
obstacles the rules check a march by (`movement.obstacles_known`).  A march
the rules refuse (an army hidden in the fog) is shortened, as a person would
try again.  Nothing here reads game/ai; event choices go by the author's
weights, as the baseline policy answers them.

    blitz   one doom-stack (the largest army, every other army and each levy
            marching to join it) takes the shortest road to the enemy capital,
            fights what blocks it and storms at 55% or better; when no road
            leads there (a strait it cannot cross), it goes after the largest
            enemy army it sees instead
    turtle  every army inside a few walled cities that the victory conditions
            name (its capital first), raising men there; it never marches out
            to attack, but an army besieged in its city sallies against the
            besiegers at 70% or better
    raider  columns of at most 8,000 men, each after the nearest enemy city
            it can storm, keeping clear of stronger armies it sees

A player is `PLAYERS[name](state)` -> the (order, events) pairs of the side's turn.
"""
from __future__ import annotations

from game.ai.placeholder import policy_rng
from game.events.compile import walk
from game.ai.player import choose_option
from game.hexgrid import hex_distance, hex_neighbors
from game.rules import combat, economy, engine, siege, vision
from game.rules import movement as M
from game.rules import queries as Q
from game.rules.orders import Assault, Attack, Besiege, EndTurn, Merge, Move, Raise, Refused, Split

STORM_ODDS = 55


# --- what a person at the side knows -------------------------------------------------

def seen_enemies(state, fid):
    if vision.fog(state):
        armies = vision.known_armies(state, fid)
    else:
        armies = list(state.armies.values())
    return [a for a in armies if a.faction != fid and Q.hostile(state, fid, a.faction)]


def seen_cities(state, fid):
    if vision.fog(state):
        return vision.known_cities(state, fid)
    return state.cities


def enemy_capital(state, fid):
    """The capital of the strongest hostile major faction (as the side knows its owner)."""
    cities = seen_cities(state, fid)
    best = None
    for f in sorted(state.factions.values(), key=lambda f: f.id):
        if f.id == fid or not f.capital or not Q.hostile(state, fid, f.id):
            continue
        c = cities.get(f.capital)
        if c is None or c.owner == fid:
            continue
        key = (Q.total_men(state, f.id), f.id)   # a person knows who the great power is
        if best is None or key > best[0]:
            best = (key, c)
    return best[1] if best else None


def blitz_target(state, fid, army):
    """(hex, city or None) the doom-stack makes for: the enemy capital if a road leads
    there, else the largest enemy army it sees (a land power cannot cross to a capital
    beyond the sea)."""
    cap = enemy_capital(state, fid)
    if cap is not None:
        hm = state.scenario.map
        obs = M.obstacles_known(state, fid)
        j = hm.index(cap.hex)
        obs = M.Obstacles(obs.blocked - {j}, obs.stop, obs.ports, obs.straits,
                          obs.closed_passes, obs.navy)
        if hex_distance(army.hex, cap.hex) <= 1 or M.route(state, army, cap.hex, obs):
            return cap.hex, cap
    enemies = [e for e in seen_enemies(state, fid) if e.men >= 2000]
    if enemies:
        e = max(enemies, key=lambda e: (e.men, e.id))
        return e.hex, None
    return (cap.hex, cap) if cap is not None else (None, None)


def victory_cities(state, fid):
    """Cities named by any 'owns' or 'besieged' condition of any victory (scenario text)."""
    out = []

    for v in state.scenario.victory:
        for cond, _positive in walk(v.when):
            args = cond.args
            if cond.name in ("owns", "besieged"):
                for c in ([args["city"]] if args.get("city") else list(args.get("cities", ()))):
                    if c not in out:
                        out.append(c)
    return out


# --- acting --------------------------------------------------------------------------

def _try(state, order, out):
    if state.over:
        return False
    try:
        out.append((order, engine.apply(state, order)))
        return True
    except Refused:
        return False


def march_toward(state, army, dest, out) -> bool:
    """Take the army as far as it gets this turn along the cheapest road to dest (stopping
    before dest if dest is a city it cannot enter)."""
    if army.moves <= 0 or army.hex == dest:
        return False
    hm = state.scenario.map
    obs = M.obstacles_known(state, army.faction)
    j = hm.index(dest)
    if j in obs.blocked:
        obs = M.Obstacles(obs.blocked - {j}, obs.stop, obs.ports, obs.straits,
                          obs.closed_passes, obs.navy)
    r = M.route(state, army, dest, obs)
    if r is None:
        return False
    path, _ = r
    reach = M.reachable(state, army)
    step = []
    for h in path:
        if hm.index(h) not in reach:
            break
        step.append(h)
    if step and step[-1] == dest and hm.index(dest) in M.obstacles_known(state,
                                                                      army.faction).blocked:
        step.pop()
    while step:
        p = M.path_to(state, reach, step[-1])
        if p and _try(state, Move(army.faction, army.id, p), out):
            return True
        step.pop()
    return False


def raise_at(state, fid, cities, out, keep_turns=3):
    """Spend the treasury beyond a few turns of upkeep on men at the given cities, in turn."""
    f = state.factions[fid]
    up = economy.upkeep(state, fid)
    inc = economy.income(state, fid)
    for c in cities:
        spend = f.treasury - keep_turns * max(up - inc, up // 3, 10)
        men = spend // max(1, economy.raise_cost(state, 100)) * 100
        men = min(men, economy.raise_limit(state) - state.raised.get(c.id, 0)) // 100 * 100
        if inc - up < 0:
            men = min(men, 2000)
        if men >= 1000:
            _try(state, Raise(fid, c.id, men), out)


def _end(state, fid, out):
    if state.over or state.active_faction != fid:
        return out                 # a storm or a battle ended the war
    _choices(state, fid, out)      # an event its own orders set off may ask a choice
    out.append((EndTurn(fid), engine.apply(state, EndTurn(fid))))
    return out


def _choices(state, fid, out):
    for _ in range(10):
        o = choose_option(state, fid, policy_rng(state))
        if o is None or not _try(state, o, out):
            return


def _adjacent_enemies(state, fid, army):
    seen = seen_enemies(state, fid)
    return [n for n in hex_neighbors(army.hex) if any(e.hex == n for e in seen)]


# --- blitz ---------------------------------------------------------------------------

def blitz(state):
    fid = state.active_faction
    out: list = []
    _choices(state, fid, out)
    mine = sorted(Q.armies_of(state, fid), key=lambda a: (-a.men, a.id))
    if not mine:
        return _end(state, fid, out)
    main = mine[0]
    goal, target = blitz_target(state, fid, main)
    if goal is None:
        return _end(state, fid, out)
    for a in mine[1:]:                       # fold everything on the main stack's hex into it
        if a.hex == main.hex:
            _try(state, Merge(fid, a.id, main.id), out)
    own = [c for c in Q.cities_of(state, fid) if c.siege is None]
    if own:
        near = min(own, key=lambda c: (hex_distance(c.hex, main.hex), c.id))
        raise_at(state, fid, [near], out)
    # the stack itself
    for _ in range(4):
        if main.id not in state.armies or main.moves <= 0:
            break
        city = Q.city_at(state, main.hex)
        if city is not None and city.siege is not None and city.siege.by == fid:
            if siege.assault_odds(state, main, city)["win_percent"] >= STORM_ODDS:
                _try(state, Assault(fid, main.id, city.id), out)
            break
        acted = False
        for n in _adjacent_enemies(state, fid, main):
            if combat.odds(state, main, n)["win_percent"] >= STORM_ODDS:
                acted = _try(state, Attack(fid, main.id, n), out)
                if acted:
                    break
        if acted:
            break
        goal, target = blitz_target(state, fid, main)
        if goal is None:
            break
        if hex_distance(main.hex, goal) <= 1:
            if target is not None and _try(state, Besiege(fid, main.id, target.id), out):
                continue
            break
        before = main.hex
        if not march_toward(state, main, goal, out) or main.hex == before:
            # something bars the road: a city next to it on the way is besieged
            for n in hex_neighbors(main.hex):
                c = Q.city_at(state, n)
                if c is not None and Q.hostile(state, fid, c.owner) and \
                        hex_distance(n, goal) < hex_distance(main.hex, goal):
                    if _try(state, Besiege(fid, main.id, c.id), out):
                        break
            break
    # everyone else follows the stack
    if main.id in state.armies:
        for a in sorted(Q.armies_of(state, fid), key=lambda a: a.id):
            if a.id == main.id:
                continue
            if a.hex != main.hex:
                for n in _adjacent_enemies(state, fid, a):
                    if combat.odds(state, a, n)["win_percent"] >= 70:
                        _try(state, Attack(fid, a.id, n), out)
                        break
                if a.id in state.armies:
                    march_toward(state, a, main.hex, out)
            if a.id in state.armies and a.hex == main.hex:
                _try(state, Merge(fid, a.id, main.id), out)
    return _end(state, fid, out)


# --- turtle --------------------------------------------------------------------------

def turtle_cities(state, fid, n=4):
    own = {c.id: c for c in Q.cities_of(state, fid)}
    named = [cid for cid in victory_cities(state, fid) if cid in own and own[cid].walls > 0]
    cap = state.factions[fid].capital
    order = ([cap] if cap in own else []) + sorted(
        (c for c in named if c != cap), key=lambda c: (-own[c].walls, -own[c].income, c))
    if len(order) < 3:
        rest = sorted((c for c in own.values() if c.walls > 0 and c.id not in order),
                      key=lambda c: (-c.walls, -c.income, c.id))
        order += [c.id for c in rest[:3 - len(order)]]
    return [own[c] for c in order[:n]]


def turtle(state):
    fid = state.active_faction
    out: list = []
    _choices(state, fid, out)
    keep = turtle_cities(state, fid)
    if not keep:
        return _end(state, fid, out)
    held = {c.hex: 0 for c in keep}
    for a in Q.armies_of(state, fid):
        if a.hex in held:
            held[a.hex] += a.men
    raise_at(state, fid, sorted(keep, key=lambda c: (held[c.hex], c.id)), out)
    for a in sorted(Q.armies_of(state, fid), key=lambda a: (-a.men, a.id)):
        if a.hex in held:
            here = Q.city_at(state, a.hex)
            if here.siege is not None and a.may_strike and \
                    combat.odds(state, a, a.hex)["win_percent"] >= 70:
                _try(state, Attack(fid, a.id, a.hex), out)      # a sally
            continue                       # inside: it stays
        dest = min(keep, key=lambda c: (hex_distance(c.hex, a.hex) * 1000 + held[c.hex] // 1000,
                                        c.id))
        held[dest.hex] += a.men
        march_toward(state, a, dest.hex, out)
    return _end(state, fid, out)


# --- raider --------------------------------------------------------------------------

COLUMN = 8000


def raider(state):
    fid = state.active_faction
    out: list = []
    _choices(state, fid, out)
    for a in sorted(Q.armies_of(state, fid), key=lambda a: a.id):
        if a.men > 2 * COLUMN and a.moves > 0:
            _try(state, Split(fid, a.id, a.men // 2 // 100 * 100), out)
    for a in sorted(Q.armies_of(state, fid), key=lambda a: a.id):
        if a.id not in state.armies or a.moves <= 0:
            continue
        _raid(state, fid, a, out)
    return _end(state, fid, out)


def _raid(state, fid, a, out):
    city = Q.city_at(state, a.hex)
    if city is not None and city.siege is not None and city.siege.by == fid:
        if siege.assault_odds(state, a, city)["win_percent"] >= 60:
            _try(state, Assault(fid, a.id, city.id), out)
            return
        if city.siege.turns < 2:
            return
    for n in _adjacent_enemies(state, fid, a):
        if combat.odds(state, a, n)["win_percent"] >= 70 and _try(state, Attack(fid, a.id, n), out):
            return
    enemies = seen_enemies(state, fid)
    cities = seen_cities(state, fid)
    options = []
    for c in cities.values():
        if not Q.hostile(state, fid, c.owner) or (city is not None and c.id == city.id):
            continue
        if c.garrison * (100 + 25 * c.walls) // 100 * 2 > a.men:
            continue
        if any(e.men > a.men and hex_distance(e.hex, c.hex) <= 3 for e in enemies):
            continue
        options.append((hex_distance(a.hex, c.hex), c.id, c))
    if not options:
        own = Q.cities_of(state, fid)
        if own:
            home = min(own, key=lambda c: (hex_distance(c.hex, a.hex), c.id))
            march_toward(state, a, home.hex, out)
        return
    _d, _cid, c = min(options)
    if hex_distance(a.hex, c.hex) <= 1:
        if _try(state, Besiege(fid, a.id, c.id), out):
            cc = Q.city_at(state, a.hex)
            if a.id in state.armies and cc is not None and cc.siege is not None and \
                    siege.assault_odds(state, a, cc)["win_percent"] >= 60:
                _try(state, Assault(fid, a.id, cc.id), out)
        return
    march_toward(state, a, c.hex, out)


PLAYERS = {"blitz": blitz, "turtle": turtle, "raider": raider}
