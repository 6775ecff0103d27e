"""The one shortest-path module (game/rules/paths.py) and each of its uses agree with a
plain Dijkstra over a heap of (cost, hex), on random graphs and on random maps.

Each use is checked as the game calls it: a march this turn (`movement.reachable`), a
route over many turns (`movement.route`), the supply net (`supply.supplied_hexes`) and
the computer's distance fields (`distances.field_to`).  Costs must be equal; where a
path is kept, it must be the path the heap gives (the heap pops the lowest cost, then
the lowest hex index, and a hex keeps the first hex that reached it at its final cost).
"""
import dataclasses
import heapq
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import terrain as T
from game.ai import distances
from game.rules import movement as M
from game.rules import paths
from game.rules import supply

INF = paths.INF
SEEDS = st.integers(0, 2**32 - 1)
SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def heap_search(n, out, sources, limit=INF, allowed=lambda i, j, tag: True, stop=(),
                goal=-1):
    """Plain Dijkstra: out(i) lists (j, cost, tag); allowed says whether a step may be taken."""
    dist = [INF] * n
    prev = {}
    heap = []
    for s in sources:
        if dist[s]:
            dist[s] = 0
            prev[s] = -1
            heap.append((0, s))
    heapq.heapify(heap)
    while heap:
        d, i = heapq.heappop(heap)
        if d != dist[i]:
            continue
        if i == goal:
            break
        if i in stop and prev[i] != -1:
            continue
        for j, c, tag in out(i):
            nd = d + c
            if nd <= limit and nd < dist[j] and allowed(i, j, tag):
                dist[j] = nd
                prev[j] = i
                heapq.heappush(heap, (nd, j))
    return dist, prev


def heap_path(prev, goal):
    out = []
    while prev[goal] != -1:
        out.append(goal)
        goal = prev[goal]
    return out[::-1]


# --- the module itself, on random graphs ----------------------------------------------

def random_graph(rng, n):
    steps = []
    for _i in range(n):
        out = []
        for j in rng.sample(range(n), min(n, rng.randint(0, 5))):
            tag = None if rng.random() < 0.8 else rng.choice("ab")
            out.append((j, rng.randint(1, 9), tag))
        steps.append(tuple(out))
    return steps


@SETTINGS
@given(SEEDS)
def test_search_agrees_with_a_heap_on_random_graphs(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 60)
    steps = random_graph(rng, n)
    sources = rng.sample(range(n), rng.randint(1, min(n, 3)))
    barred = set(rng.sample(range(n), rng.randint(0, n // 4)))
    stop = set(rng.sample(range(n), rng.randint(0, n // 4)))
    limit = rng.choice([INF, rng.randint(0, 30)])
    ok = rng.choice("ab")

    def special(i, j, tag):
        return tag == ok

    def allowed(i, j, tag):
        return special(i, j, tag) if tag is not None else j not in barred
    dist, prev = paths.search(steps, sources, limit, barred, stop, special)
    want_dist, want_prev = heap_search(n, steps.__getitem__, sources, limit, allowed, stop)
    assert dist == want_dist
    assert list(prev.items()) == list(want_prev.items())     # same paths, found in one order

    goal = rng.randrange(n)
    dist, prev = paths.search(steps, sources[:1], limit, barred, stop, special, goal)
    want_dist, want_prev = heap_search(n, steps.__getitem__, sources[:1], limit, allowed,
                                       stop, goal)
    assert dist[goal] == want_dist[goal]
    if goal in want_prev:
        assert paths.path(prev, goal) == heap_path(want_prev, goal)
    else:
        assert paths.path(prev, goal) is None


@SETTINGS
@given(SEEDS)
def test_compiled_costs_agree_with_a_heap_on_random_graphs(seed):
    rng = random.Random(seed)
    n = rng.randint(1, 60)
    steps = random_graph(rng, n)
    plain = [tuple(s for s in out if s[2] is None) for out in steps]
    m = paths.Matrix(n, ((i, j, c) for i, out in enumerate(plain) for j, c, _t in out))
    sources = rng.sample(range(n), rng.randint(1, min(n, 3)))
    barred = set(rng.sample(range(n), rng.randint(0, n // 4)))
    limit = rng.choice([None, rng.randint(0, 30)])
    want, _ = heap_search(n, plain.__getitem__, sources, INF if limit is None else limit,
                          lambda i, j, tag: j not in barred)
    assert paths.as_list(paths.costs(m.without_entering(barred), sources, limit)) == want
    assert paths.as_dict(paths.costs(m.without_entering(barred), sources, limit)) == {
        j: d for j, d in enumerate(want) if d < INF}
    # turned round: the cost from every hex to the first source
    back, _ = heap_search(n, lambda j: [(i, c, t) for i, out in enumerate(plain)
                                        for k, c, t in out if k == j], sources[:1])
    assert paths.as_list(paths.costs(m.reversed(), sources[:1])) == back


# --- each use, on random maps -----------------------------------------------------------

LAND = [T.PLAIN, T.FARMLAND, T.HILLS, T.MOUNTAINS, T.FOREST, T.MARSH, T.DESERT, T.STEPPE]
COSTS = ("cost_plain", "cost_farmland", "cost_steppe", "cost_desert", "cost_hills",
         "cost_forest", "cost_marsh", "cost_mountains", "cost_pass", "cost_sea", "cost_embark",
         "cost_river", "cost_ford")


def random_map(state, rng):
    """The test state on a new map of the same size: random terrain, roads, rivers,
    bridges and fords, and random movement costs; its cities and armies where they were."""
    scn = state.scenario
    hm = scn.map
    shape = hm.terrain.shape
    g = np.random.default_rng(rng.randrange(2**32))
    kinds = np.array(LAND * 3 + [T.SEA] * 4 + [T.LAKE, T.PEAKS], dtype=np.uint8)
    bits = lambda p: (g.random(shape + (6,)) < p).astype(np.uint8) @ (1 << np.arange(6))  # noqa: E731
    new_map = dataclasses.replace(
        hm, terrain=g.choice(kinds, size=shape), road=bits(0.3).astype(np.uint8),
        river=bits(0.2).astype(np.uint8), bridge=bits(0.3).astype(np.uint8),
        ford=bits(0.3).astype(np.uint8), cache={})
    rules = dict(scn.rules)
    for k in COSTS:
        rules[k] = rng.randint(1, 7)
    rules["supply_range"] = rng.randint(0, 20)
    state.scenario = dataclasses.replace(scn, map=new_map, rules=rules, cache={})
    state.month = rng.choice([1, 4])          # winter or spring: two graphs
    return state


def random_obstacles(state, rng):
    n = state.scenario.map.width * state.scenario.map.height
    some = lambda k: set(rng.sample(range(n), rng.randint(0, k)))  # noqa: E731
    return M.Obstacles(blocked=some(12), stop=some(12), ports=some(20),
                       straits={s for s in ("bosporus",) if rng.random() < 0.5},
                       closed_passes=some(3), navy=rng.random() < 0.7)


def graph_out(state):
    g = M.graph(state.scenario, state.winter)
    return lambda i: [(j, c, (kind, tag)) for j, c, kind, tag in g[i]]


@SETTINGS
@given(SEEDS)
def test_a_march_and_a_route_agree_with_a_heap(state, seed):
    rng = random.Random(seed)
    random_map(state, rng)
    hm = state.scenario.map
    n = hm.width * hm.height
    obs = random_obstacles(state, rng)
    army = state.armies["byz_field"]
    army.hex = hm.hex_of(rng.randrange(n))
    start = hm.index(army.hex)

    def allowed(i, j, tag):
        return M.can_step(i, j, tag[0], tag[1], obs)
    budget = rng.randint(0, 30)
    reach = M.reachable(state, army, budget, obs)
    dist, prev = heap_search(n, graph_out(state), [start], budget, allowed, obs.stop)
    assert list(reach.items()) == [(j, (dist[j], p)) for j, p in prev.items()]

    goal = rng.randrange(n)
    got = M.route(state, army, hm.hex_of(goal), obs)
    dist, prev = heap_search(n, graph_out(state), [start], INF, allowed, goal=goal)
    if goal in prev:
        assert got == (tuple(hm.hex_of(j) for j in heap_path(prev, goal)), dist[goal])
    else:
        assert got is None


@SETTINGS
@given(SEEDS)
def test_the_supply_net_agrees_with_a_heap(state, seed):
    rng = random.Random(seed)
    random_map(state, rng)
    hm = state.scenario.map
    n = hm.width * hm.height
    factions = list(state.factions)
    armies = [dataclasses.replace(a, hex=hm.hex_of(rng.randrange(n)),
                                  faction=rng.choice(factions)) for a in state.armies.values()]
    cities = [dataclasses.replace(c, owner=rng.choice(factions)) for c in state.cities.values()]
    faction = rng.choice(factions)
    got = supply.supplied_hexes(state, faction, armies, cities)

    hostile = {f for f in factions if M.Q.hostile(state, faction, f)}
    friendly = {f for f in factions if M.Q.friendly(state, faction, f)}
    closed = ({hm.index(p.hex) for p in hm.passes.values() if M.pass_closed(state, p.id)}
              | {hm.index(a.hex) for a in armies if a.faction in hostile}
              | {hm.index(c.hex) for c in cities if c.owner in hostile})
    sources = [hm.index(c.hex) for c in cities if c.owner in friendly and c.siege is None]
    dist, _ = heap_search(n, graph_out(state), sources, state.scenario.rules["supply_range"],
                          lambda i, j, tag: tag[0] == M.LAND and j not in closed)
    assert got == {j: d for j, d in enumerate(dist) if d < INF}


@SETTINGS
@given(SEEDS)
def test_the_computers_fields_agree_with_a_heap(state, seed):
    rng = random.Random(seed)
    random_map(state, rng)
    hm = state.scenario.map
    n = hm.width * hm.height
    obs = random_obstacles(state, rng)
    caps = distances.capabilities(state, obs)
    probe = M.Obstacles(set(), set(), set(caps[2]), set(caps[3]), set(caps[4]), caps[1])
    target = rng.randrange(n)
    g = M.graph(state.scenario, state.winter)
    into = [[] for _ in range(n)]
    for i, edges in enumerate(g):
        for j, c, kind, tag in edges:
            if M.can_step(i, j, kind, tag, probe):
                into[j].append((i, c, None))
    want, _ = heap_search(n, into.__getitem__, [target])
    assert distances.field_to(state, target, caps) == want


def test_of_two_equal_paths_the_one_by_the_lower_hex_is_kept():
    """Two equal paths: the one through the lower hex index is kept, as a heap keeps it."""
    #   0 -> 1 -> 3 and 0 -> 2 -> 3, all steps cost 1: 3 is reached from 1
    steps = [((2, 1, None), (1, 1, None)), ((3, 1, None),), ((3, 1, None),), ()]
    _dist, prev = paths.search(steps, [0])
    assert prev[3] == 1
    assert paths.path(prev, 3) == [1, 3]


@pytest.mark.parametrize("limit", [0, 3])
def test_a_limit_keeps_hexes_at_exactly_that_cost(limit):
    steps = [((1, 3, None),), ((2, 1, None),), ()]
    m = paths.Matrix(3, [(0, 1, 3), (1, 2, 1)])
    dist, _ = paths.search(steps, [0], limit)
    assert paths.as_list(paths.costs(m, [0], limit)) == dist
    assert (dist[1] == 3) == (limit == 3) and dist[2] == INF


@SETTINGS
@given(SEEDS)
def test_a_march_search_gives_what_the_general_search_gives(seed):
    """`paths.reach` (one source, a limit, an answer per hex reached) is `paths.search`
    in another form: the same costs, the same previous hexes, found in the same order."""
    rng = random.Random(seed)
    n = rng.randint(1, 60)
    steps = random_graph(rng, n)
    source = rng.randrange(n)
    barred = set(rng.sample(range(n), rng.randint(0, n // 4)))
    stop = set(rng.sample(range(n), rng.randint(0, n // 3))) | {source}
    limit = rng.choice([-1, 0, rng.randint(0, 30), 5000])
    ok = rng.choice("ab")

    def special(i, j, tag):
        return tag == ok
    dist, prev = paths.search(steps, [source], limit, barred, stop, special)
    got = paths.reach(steps, source, limit, barred, stop, special)
    assert list(got.items()) == [(j, (dist[j], p)) for j, p in prev.items()]
    want_dist, want_prev = heap_search(n, steps.__getitem__, [source], limit,
                                       lambda i, j, tag: special(i, j, tag) if tag is not None
                                       else j not in barred, stop)
    assert list(got.items()) == [(j, (want_dist[j], p)) for j, p in want_prev.items()]
