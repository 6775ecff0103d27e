"""Distance fields: what it costs, in movement points, to reach a hex from anywhere.

A field is computed once per target hex and per set of movement
capabilities (season, fleet, straits, closed passes) by a search run
backwards from the target over the rules' own movement graph (`paths.costs`,
compiled: only the costs matter here, not which of equal paths), and kept
in the scenario's cache, where later turns and other factions with the same
capabilities reuse it.  Fields are a strategic estimate: they ignore armies
and walled cities, and a fleet may embark at any port on the map (whoever
holds it), because those change every turn.  The tactical layer meets them
with `movement.reachable`, the rules' own answer for this turn's march.
"""
from __future__ import annotations


from game.rules import movement as M
from game.rules import paths
from game.rules.state import GameState

INF = M.INF
_LIMIT = 600          # fields kept per scenario before the oldest are dropped


def _reverse_graph(scn, caps: tuple) -> list[list[tuple[int, int]]]:
    """Per hex j: (i, cost) for every step i -> j allowed under the capabilities."""
    key = ("ai_reverse", caps)
    rev = scn.cache.get(key)
    if rev is None:
        winter, navy, ports, straits, closed = caps
        probe = M.Obstacles(set(), set(), set(ports), set(straits), set(closed), navy)
        can = M.can_step
        g = M.graph(scn, winter)
        rev = [[] for _ in range(len(g))]
        for i, edges in enumerate(g):
            for j, cost, kind, tag in edges:
                if can(i, j, kind, tag, probe):
                    rev[j].append((i, cost))
        scn.cache[key] = rev
    return rev


def capabilities(state: GameState, obs: M.Obstacles) -> tuple:
    """The parts of an Obstacles value that fields depend on, as a cache key."""
    ports = _all_ports(state) if obs.navy else ()
    return (state.winter, obs.navy, ports, tuple(sorted(obs.straits)),
            tuple(sorted(obs.closed_passes)))


def _all_ports(state: GameState) -> tuple[int, ...]:
    scn = state.scenario
    ports = scn.cache.get("ai_ports")
    if ports is None:
        ports = tuple(sorted(scn.map.index(c.hex) for c in state.cities.values() if c.port))
        scn.cache["ai_ports"] = ports
    return ports


def field_to(state: GameState, target: int, caps: tuple) -> list[int]:
    """Cost from every hex index to `target` (INF where it cannot be reached).

    `caps` is `capabilities(state, obs)` for the marching faction.
    """
    scn = state.scenario
    store = scn.cache.setdefault("ai_fields", {})
    key = (target, caps)
    f = store.get(key)
    if f is not None:
        return f
    f = _search(scn, target, caps)
    if len(store) >= _LIMIT:
        for old in list(store)[:_LIMIT // 4]:
            del store[old]
    store[key] = f
    return f


def regions(state: GameState, caps: tuple) -> list[int]:
    """A label per hex: hexes with the same label can reach each other (cached).

    A cheap test before a march to a moving target, such as an enemy army
    across a strait it cannot cross.
    """
    scn = state.scenario
    key = ("ai_regions", caps)
    labels = scn.cache.get(key)
    if labels is None:
        rev = _reverse_graph(scn, caps)
        labels = [-1] * len(rev)
        for start in range(len(rev)):
            if labels[start] != -1:
                continue
            labels[start] = start
            stack = [start]
            while stack:
                j = stack.pop()
                for i, _c in rev[j]:
                    if labels[i] == -1:
                        labels[i] = start
                        stack.append(i)
        scn.cache[key] = labels
    return labels


def _matrix(scn, caps: tuple) -> paths.Matrix:
    """The reverse graph under the capabilities, for `paths.costs` (cached)."""
    key = ("ai_matrix", caps)
    m = scn.cache.get(key)
    if m is None:
        rev = _reverse_graph(scn, caps)
        m = scn.cache[key] = paths.Matrix(len(rev), (
            (j, i, c) for j, edges in enumerate(rev) for i, c in edges))
    return m


def _search(scn, target: int, caps: tuple) -> list[int]:
    """The costs from every hex to target: a search backwards from it (`paths.costs`)."""
    return paths.as_list(paths.costs(_matrix(scn, caps), (target,)))
