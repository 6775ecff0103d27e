"""Movement: what an army may reach this turn, and by which path.

The static part (what each step costs given terrain, roads, rivers, season)
is built once per map and season as adjacency lists of flat hex indices.  The
dynamic part (armies, cities, zones of control, who may cross a strait, which
passes are shut, where a fleet may sail from) is gathered per query into an
`Obstacles` value.  Both the rules (checking a Move) and the players (showing
reachable hexes) use the same functions, so what is shown is what is legal.

With fog of war a side plans with what it knows (`obstacles_known`): armies
it cannot see do not stand in its way and cities are as it remembers them.
`reachable`, `plan_move`, `route` and `in_zoc` use that knowledge unless
given other obstacles; only the engine, carrying out a march, uses the
truth (`obstacles`), and stops the march where the truth gets in the way.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from itertools import chain

import numpy as np

from game import terrain as T
from game.hexgrid import Hex
from game.rules import between, paths
from game.rules import queries as Q
from game.rules import vision
from game.rules.state import Army, GameState

LAND, EMBARK, LAND_FROM_SEA, SEA, STRAIT = range(5)
INF = paths.INF

_TERRAIN_RULE = {
    T.PLAIN: "cost_plain", T.FARMLAND: "cost_farmland", T.STEPPE: "cost_steppe",
    T.DESERT: "cost_desert", T.HILLS: "cost_hills", T.FOREST: "cost_forest",
    T.MARSH: "cost_marsh", T.MOUNTAINS: "cost_mountains",
}
_ROUGH = {T.HILLS, T.MOUNTAINS}


def terrain_cost(rules, tid: int, winter: bool, is_pass: bool) -> int:
    """Points to enter a land hex, before roads and rivers; INF if impassable."""
    if is_pass:
        cost = rules["cost_pass"]
    else:
        key = _TERRAIN_RULE.get(tid)
        if key is None:
            return INF
        cost = rules[key]
    if winter and (is_pass or tid in _ROUGH):
        cost = cost * rules["winter_rough_percent"] // 100
    return cost


def graph(scn, winter: bool) -> list[list[tuple[int, int, int, str | None]]]:
    """Per hex index: (neighbour index, cost, kind, strait id) for each possible step."""
    key = ("graph", winter)
    g = scn.cache.get(key)
    if g is not None:
        return g
    hm, rules = scn.map, scn.rules
    nb = hm.neighbor_index().tolist()           # plain lists: far quicker to index here
    terr = hm.terrain.ravel().tolist()
    river = hm.river.ravel().tolist()
    road = hm.road.ravel().tolist()
    strait = hm.strait.ravel().tolist()
    bridge = hm.bridge.ravel().tolist()
    ford = hm.ford.ravel().tolist()
    pass_idx = {hm.index(p.hex) for p in hm.passes.values()}
    n = hm.width * hm.height
    enter = [terrain_cost(rules, terr[j], winter, j in pass_idx) for j in range(n)]
    g = []
    for i in range(n):
        out = []
        ti = terr[i]
        for d in range(6):
            j = nb[i][d]
            if j < 0:
                continue
            tj = terr[j]
            if ti == T.LAKE or tj == T.LAKE:
                continue
            if ti == T.SEA and tj == T.SEA:
                out.append((j, rules["cost_sea"], SEA, None))
            elif ti == T.SEA:
                if enter[j] < INF:
                    out.append((j, rules["cost_embark"] + enter[j], LAND_FROM_SEA, None))
            elif tj == T.SEA:
                out.append((j, rules["cost_embark"] + rules["cost_sea"], EMBARK, None))
            else:
                if enter[j] >= INF:
                    continue
                bit = 1 << d
                if road[i] & bit:
                    cost = max(1, (enter[j] + 1) // 2)
                else:
                    cost = enter[j]
                    if river[i] & bit and not bridge[i] & bit:
                        cost += rules["cost_ford"] if ford[i] & bit else rules["cost_river"]
                if strait[i] & bit:
                    out.append((j, cost + 2, STRAIT, hm.strait_of_edge.get((hm.hex_of(i), d))))
                else:
                    out.append((j, cost, LAND, None))
        g.append(out)
    scn.cache[key] = g
    return g


def graph_arrays(scn, winter: bool) -> tuple:
    """`graph` as arrays, one entry per step: (from, to, cost, kind, strait id or None per
    step), for searches made with numpy or scipy (made once per scenario and season)."""
    key = ("graph_arrays", winter)
    got = scn.cache.get(key)
    if got is None:
        g = graph(scn, winter)
        flat = list(chain.from_iterable(g))          # (to, cost, kind, strait id)
        to, cost, kind, tags = zip(*flat) if flat else ((), (), (), ())
        got = scn.cache[key] = (
            np.repeat(np.arange(len(g), dtype=np.int64), [len(out) for out in g]),
            np.array(to, dtype=np.int64), np.array(cost, dtype=np.int64),
            np.array(kind, dtype=np.int64), tags)
    return got


@dataclass
class Obstacles:
    blocked: set[int]          # may not enter
    stop: set[int]             # may enter, but the march ends there (zone of control, capture)
    ports: set[int]            # land hexes a fleet may sail from
    straits: set[str]          # straits this faction may cross
    closed_passes: set[int]
    navy: bool


def pass_closed(state: GameState, pass_id: str) -> bool:
    override = state.pass_override.get(pass_id)
    if override == "closed":
        return True
    if override == "open":
        return False
    return state.winter and state.scenario.map.passes[pass_id].winter_closed


def _lookups(scn) -> tuple[list[tuple[int, ...]], list[bool], dict[str, int]]:
    """Per scenario: each hex's neighbours on the map, whether each hex is water, and
    each city's hex index."""
    got = scn.cache.get("obstacle_lookups")
    if got is None:
        hm = scn.map
        nb = [tuple(j for j in row if j >= 0) for row in hm.neighbor_index().tolist()]
        water = np.isin(hm.terrain.ravel(), list(T.WATER_IDS)).tolist()
        cities = {cid: hm.index(h) for h, cid in scn.city_at.items()}
        got = scn.cache["obstacle_lookups"] = (nb, water, cities)
    return got


def city_indices(scn) -> dict[str, int]:
    """City id -> the index of the hex the scenario puts it on."""
    return _lookups(scn)[2]


def neighbour_lists(scn) -> list[tuple[int, ...]]:
    """Per hex index, the indices of its neighbours on the map."""
    return _lookups(scn)[0]


def obstacles(state: GameState, faction: str, known_armies=None, known_cities=None
              ) -> Obstacles:
    """What truly stands in `faction`'s way.

    known_armies / known_cities replace the state's armies / cities (for
    planning with partial knowledge; `obstacles_known` fills them in).
    """
    scn = state.scenario
    hm = scn.map
    armies = state.armies.values() if known_armies is None else known_armies
    cities = state.cities.values() if known_cities is None else known_cities
    blocked: set[int] = set()
    stop: set[int] = set()
    stance = {f: (Q.friendly(state, faction, f), Q.hostile(state, faction, f))
              for f in state.factions}         # other faction -> (friendly, hostile)
    nb, water, city_index = _lookups(scn)
    for a in armies:
        friendly, hostile = stance.get(a.faction) or (Q.friendly(state, faction, a.faction),
                                                      Q.hostile(state, faction, a.faction))
        if a.faction == faction or friendly:
            continue
        i = hm.index(a.hex)
        blocked.add(i)
        if hostile and not water[i]:
            stop.update(nb[i])
    ports: set[int] = set()
    for c in cities:
        i = city_index.get(c.id)        # a city stands where its scenario puts it
        if i is None:
            i = hm.index(c.hex)
        friendly, hostile = stance.get(c.owner) or (Q.friendly(state, faction, c.owner),
                                                    Q.hostile(state, faction, c.owner))
        if friendly:
            if c.port and c.siege is None:
                ports.add(i)
            continue
        if hostile and c.walls == 0 and c.garrison == 0:
            stop.add(i)        # an open town: marching in takes it
        else:
            blocked.add(i)     # walls or garrison: besiege it; a neutral's city: keep out
    straits = {s for s, fs in state.strait_open.items() if faction in fs}
    closed = {hm.index(p.hex) for p in hm.passes.values() if pass_closed(state, p.id)}
    return Obstacles(blocked, stop, ports, straits, closed, state.factions[faction].navy)


def obstacles_known(state: GameState, faction: str) -> Obstacles:
    """What stands in `faction`'s way as far as it knows (fog of war).

    Within a steady stretch of the state (`between.steady`) the answer is worked out
    once and given again: callers must not change it.
    """
    kept = between.kept(state)
    if kept is None:
        return _obstacles_known(state, faction)
    key = ("obstacles_known", faction)
    got = kept.get(key)
    if got is None:
        got = kept[key] = _obstacles_known(state, faction)
    return got


def _obstacles_known(state: GameState, faction: str) -> Obstacles:
    if not vision.fog(state):
        return obstacles(state, faction)
    vis = vision.visible(state, faction).ravel()
    return obstacles(state, faction, vision.known_armies(state, faction, vis),
                     vision.known_cities(state, faction, vis).values())


def move_budget(state: GameState, army: Army) -> int:
    r = state.scenario.rules
    base = r["move_points_season"] if state.months_per_turn == 3 else r["move_points_month"]
    c = Q.commander_of(state, army)
    if c is not None and c.strategy >= r["strategy_move_min"]:
        base += r["strategy_move_bonus"]
    return base


def can_step(i: int, j: int, kind: int, tag, obs: Obstacles) -> bool:
    """Whether the step i -> j of this kind (and strait id) is allowed under obs."""
    if kind == LAND:
        return j not in obs.blocked and j not in obs.closed_passes
    return _special_step(obs, i, j, (kind, tag))


def _special_step(obs: Obstacles, i: int, j: int, special: tuple[int, str | None]) -> bool:
    """`can_step` for a step that is not a plain one over land (by sea, across a strait),
    given as in `steps`; the search calls it with obs bound."""
    if j in obs.blocked or j in obs.closed_passes:
        return False
    kind = special[0]
    if kind == EMBARK:
        return obs.navy and i in obs.ports
    if kind == SEA or kind == LAND_FROM_SEA:
        return obs.navy
    if kind == STRAIT:
        return special[1] in obs.straits
    return True


def steps(scn, winter: bool) -> list[tuple[tuple[int, int, tuple | None], ...]]:
    """The graph laid out for `paths.search`: per hex, (neighbour, cost, None) for a plain
    step over land, (neighbour, cost, (kind, strait id)) for the others (sea, strait)."""
    key = ("steps", winter)
    got = scn.cache.get(key)
    if got is None:
        got = scn.cache[key] = [
            tuple((j, c, None if kind == LAND else (kind, tag)) for j, c, kind, tag in out)
            for out in graph(scn, winter)]
    return got


def _search(state: GameState, start: int, obs: Obstacles, **how):
    """`paths.search` from start over this season's graph with obs's obstacles."""
    barred = obs.blocked | obs.closed_passes if obs.closed_passes else obs.blocked
    return paths.search(steps(state.scenario, state.winter), (start,), barred=barred,
                        special=partial(_special_step, obs), **how)


def reachable(state: GameState, army: Army, budget: int | None = None,
              obs: Obstacles | None = None) -> dict[int, tuple[int, int]]:
    """Hex index -> (cost, previous index) for every hex the army can reach this turn,
    in the order reached (the paths are `paths.search`'s, with its tie-break).

    By default as far as its side knows; pass `obs` to plan with other obstacles.
    """
    obs = obs or obstacles_known(state, army.faction)
    budget = army.moves if budget is None else budget
    barred = obs.blocked | obs.closed_passes if obs.closed_passes else obs.blocked
    return paths.reach(steps(state.scenario, state.winter), state.scenario.map.index(army.hex),
                       budget, barred, obs.stop, partial(_special_step, obs))


def path_to(state: GameState, came_from: dict[int, tuple[int, int]], dest: Hex) -> tuple[Hex, ...] | None:
    hm = state.scenario.map
    j = hm.index(dest)
    if j not in came_from:
        return None
    out = []
    while came_from[j][1] != -1:
        out.append(hm.hex_of(j))
        j = came_from[j][1]
    return tuple(reversed(out))


def plan_move(state: GameState, army: Army, dest: Hex, obs: Obstacles | None = None
              ) -> tuple[Hex, ...] | None:
    """The cheapest path to dest within this turn's movement (as its side knows), or None."""
    return path_to(state, reachable(state, army, obs=obs), dest)


def route(state: GameState, army: Army, dest: Hex, obs: Obstacles | None = None
          ) -> tuple[tuple[Hex, ...], int] | None:
    """Cheapest path to dest over any number of turns (zones of control ignored) and its cost.

    By default as far as the army's side knows.
    """
    hm = state.scenario.map
    obs = obs or obstacles_known(state, army.faction)
    goal = hm.index(dest)
    if goal < 0:
        return None
    dist, prev = _search(state, hm.index(army.hex), obs, goal=goal)
    way = paths.path(prev, goal)
    if way is None:
        return None
    return tuple(hm.hex_of(j) for j in way), dist[goal]


def step_cost(state: GameState, a: Hex, b: Hex, faction: str, obs: Obstacles) -> int | None:
    """Cost of the single step a->b for faction, or None if that step is not allowed."""
    hm = state.scenario.map
    i, j = hm.index(a), hm.index(b)
    if i < 0 or j < 0:
        return None
    for k, c, kind, tag in graph(state.scenario, state.winter)[i]:
        if k == j:
            return c if can_step(i, j, kind, tag, obs) else None
    return None


def in_zoc(state: GameState, faction: str, h: Hex, obs: Obstacles | None = None) -> bool:
    """Whether h is in a hostile zone of control (one the faction knows of, by default)."""
    obs = obs or obstacles_known(state, faction)
    return state.scenario.map.index(h) in obs.stop


def armies_left_to_move(state: GameState, faction: str) -> list[Army]:
    """`faction`'s armies that could still march this turn (movement left and somewhere to
    go, as the side knows), leaving out those holding a siege; by id.  What the player is
    reminded of before ending a turn."""
    obs = obstacles_known(state, faction)
    out = []
    for a in sorted(Q.armies_of(state, faction), key=lambda a: a.id):
        if a.moves <= 0:
            continue
        city = Q.city_at(state, a.hex)
        if city is not None and city.siege is not None and city.siege.by == faction:
            continue
        if len(reachable(state, a, obs=obs)) > 1:
            out.append(a)
    return out
