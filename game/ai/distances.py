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


import numpy as np

from game.rules import movement as M
from game.rules import paths
from game.rules.state import GameState

INF = M.INF
_LIMIT = 600          # fields kept per scenario before the oldest are dropped


def _reverse_graph(scn, caps: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every step i -> j allowed under the capabilities, turned round and sorted by j,
    then i: (j, i, cost) as arrays (cached).  The steps are the rules' own (`movement.graph`,
    `movement.can_step`), checked all at once with numpy."""
    key = ("ai_reverse", caps)
    rev = scn.cache.get(key)
    if rev is None:
        winter, navy, ports, straits, closed = caps
        src, dst, cost, kind, strait, names = _step_arrays(scn, winter)
        n = scn.map.width * scn.map.height
        shut = np.zeros(n, dtype=bool)
        shut[list(closed)] = True
        port = np.zeros(n, dtype=bool)
        port[list(ports)] = True
        open_strait = np.array([name in straits for name in names] + [False], dtype=bool)
        ok = np.where(kind == M.LAND, True,
                      np.where(kind == M.EMBARK, navy & port[src],
                               np.where((kind == M.SEA) | (kind == M.LAND_FROM_SEA), navy,
                                        np.where(kind == M.STRAIT, open_strait[strait],
                                                 True))))
        ok &= ~shut[dst]
        order = np.lexsort((src[ok], dst[ok]))
        rev = scn.cache[key] = (dst[ok][order], src[ok][order], cost[ok][order])
    return rev


def _step_arrays(scn, winter: bool) -> tuple:
    """The season's steps as arrays (from, to, cost, kind, strait number) and the strait
    ids by number (-1 for a step that crosses none)."""
    key = ("ai_step_arrays", winter)
    got = scn.cache.get(key)
    if got is None:
        src, to, cost, kind, tags = M.graph_arrays(scn, winter)
        names = sorted({t for t in tags if t is not None})
        number = {name: k for k, name in enumerate(names)}
        got = scn.cache[key] = (src, to, cost, kind,
                                np.array([number.get(t, -1) for t in tags], dtype=np.int64),
                                names)
    return got


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
        to, frm, _cost = _reverse_graph(scn, caps)
        n = scn.map.width * scn.map.height
        starts = np.searchsorted(to, np.arange(n + 1)).tolist()
        frm = frm.tolist()
        labels = [-1] * n
        for start in range(n):
            if labels[start] != -1:
                continue
            labels[start] = start
            stack = [start]
            while stack:
                j = stack.pop()
                for i in frm[starts[j]:starts[j + 1]]:
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
        to, frm, cost = _reverse_graph(scn, caps)
        m = scn.cache[key] = paths.Matrix.of_arrays(scn.map.width * scn.map.height,
                                                    to, frm, cost)
    return m


def _search(scn, target: int, caps: tuple) -> list[int]:
    """The costs from every hex to target: a search backwards from it (`paths.costs`)."""
    return paths.as_list(paths.costs(_matrix(scn, caps), (target,)))
