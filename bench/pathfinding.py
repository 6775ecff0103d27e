"""Pathfinding on the full war's map: ours beside networkx and scipy, on the same graph.

    python -m bench.pathfinding [--quick] [--scenario ID]

Three questions, each asked of our code and of the peers:
  * reachable: every hex an army can reach with a budget of 8 and of 20
    movement points (a turn's march is 12 to 17), from each army's hex at
    the start of the war, with its side's obstacles and zones of control;
  * route: the cheapest path between two distant hexes (Constantinople to
    Ctesiphon, Alexandria to Trebizond, ...), any number of turns;
  * field: the cost from every hex of the map to one hex (the computer's
    distance fields).
The peers get the graph ready made, as a networkx DiGraph and a scipy CSR
matrix built from our `movement.graph` with each side's obstacles already
applied (a zone of control is a hex with no way out, blocked hexes have no
way in); building them is not timed.  Ours filters the steps by the
obstacles as it goes, as the game does.  networkx and scipy are the `bench`
extra only: the game never imports them.
"""
from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.measure import Row, Stats, timed  # noqa: E402

GROUP = "Pathfinding"
ROUTES = (("constantinople", "ctesiphon"), ("alexandria", "trebizond"),
          ("jerusalem", "tiflis"), ("thessalonica", "dastagerd"))
FIELD_TARGETS = ("constantinople", "ctesiphon", "antioch", "dara")


def peer_graph(state, faction: str, start: int, obs, zoc: bool = True):
    """The steps `faction` may take from `start`, as (i, j, cost) triples."""
    from game.rules import movement as M
    g = M.graph(state.scenario, state.winter)
    out = []
    for i, edges in enumerate(g):
        if zoc and i != start and i in obs.stop:
            continue
        for j, c, kind, tag in edges:
            if M.can_step(i, j, kind, tag, obs):
                out.append((i, j, c))
    return out


def _setup(scenario: str):
    from game.rules import movement as M
    from game.rules.engine import new_game
    from game.scenario.load import find_scenario, load_scenario
    scn = load_scenario(find_scenario(scenario))
    state, _ = new_game(scn, 1)
    M.graph(scn, state.winter)          # built once per map and season, as in play
    return scn, state


def _place(scn, pid: str):
    """The hex of a city or a place of the map, or None."""
    h = next((h for h, c in scn.city_at.items() if c == pid), None)
    if h is None and pid in scn.map.places:
        h = scn.map.places[pid].hex
    return h


class Peers:
    """networkx and scipy over one graph given as (i, j, cost) steps; empty if not installed."""

    def __init__(self, n: int, edges, reverse: bool = False):
        self.names: list[str] = []
        try:
            import networkx as nx
            G = nx.DiGraph()
            G.add_nodes_from(range(n))
            G.add_weighted_edges_from((j, i, c) if reverse else (i, j, c) for i, j, c in edges)
            self.nx, self.G = nx, G
            self.names.append("networkx")
        except ImportError:
            pass
        try:
            import numpy as np
            from scipy.sparse import csr_matrix
            from scipy.sparse.csgraph import dijkstra
            a = np.array(edges, dtype=np.int64).reshape(-1, 3)
            i, j = (a[:, 1], a[:, 0]) if reverse else (a[:, 0], a[:, 1])
            self.C = csr_matrix((a[:, 2].astype(np.float64), (i, j)), shape=(n, n))
            self.dijkstra = dijkstra
            self.names.append("scipy")
        except ImportError:
            pass

    # --- the questions, as each peer asks them ---
    def reach(self, peer: str, start: int, budget: int):
        if peer == "networkx":
            return self.nx.single_source_dijkstra(self.G, start, cutoff=budget)
        return self.dijkstra(self.C, indices=start, limit=budget + 0.5,
                             return_predecessors=True)

    def route(self, peer: str, i: int, j: int, h):
        if peer == "networkx":
            return self.nx.astar_path(self.G, i, j, heuristic=h)
        return self.dijkstra(self.C, indices=i, return_predecessors=True)

    def field(self, peer: str, t: int):
        if peer == "networkx":
            return self.nx.single_source_dijkstra_path_length(self.G, t)
        return self.dijkstra(self.C, indices=t, min_only=True)

    # --- the same answers as ours? ---
    def costs(self, peer: str, start: int, budget: float | None = None) -> dict[int, int]:
        """Cost of every hex reached from start (within budget), by this peer."""
        if peer == "networkx":
            return dict(self.nx.single_source_dijkstra_path_length(self.G, start,
                                                                    cutoff=budget))
        d = self.dijkstra(self.C, indices=start, min_only=True,
                          limit=float("inf") if budget is None else budget + 0.5)
        return {int(k): int(d[k]) for k in range(len(d)) if d[k] != float("inf")}


def _compare(name: str, ours: dict[int, int], peers: Peers, start: int,
             budget: int | None = None) -> None:
    for p in peers.names:
        if peers.costs(p, start, budget) != ours:
            raise AssertionError(f"{p} and ours disagree: {name}")


def _row(name: str, ours: list[float], peers: dict[str, list[float]], note: str,
         targets: dict[str, float]) -> Row:
    got = {p: Stats.of(v) for p, v in peers.items() if v}
    return Row(GROUP, name, "ms", Stats.of(ours), note=note, peers=got,
               peer_target={p: x for p, x in targets.items() if p in got})


def reachable_rows(state, budgets, reps: int, most: int | None = None) -> list[Row]:
    from game.rules import movement as M
    hm = state.scenario.map
    n = hm.width * hm.height
    armies = sorted(state.armies.values(), key=lambda a: a.id)[:most]
    cases = []
    for a in armies:
        obs = M.obstacles(state, a.faction)
        start = hm.index(a.hex)
        cases.append((a, obs, start, Peers(n, peer_graph(state, a.faction, start, obs))))
    rows = []
    for budget in budgets:
        ours: list[float] = []
        theirs: dict[str, list[float]] = {}
        sizes = []
        for a, obs, start, peers in cases:
            mine = M.reachable(state, a, budget, obs)
            _compare(f"{a.id}'s reach", {k: v[0] for k, v in mine.items()}, peers, start,
                     budget)
            sizes.append(len(mine))
            ours += timed(lambda: M.reachable(state, a, budget, obs), reps)
            for p in peers.names:
                theirs.setdefault(p, []).extend(
                    timed(lambda: peers.reach(p, start, budget), reps))
        rows.append(_row(f"reachable, budget {budget}", ours, theirs,
                         f"from each of the {len(cases)} armies' hexes, {min(sizes)}-"
                         f"{max(sizes)} hexes reached; costs and previous hexes",
                         {"networkx": 1.0, "scipy": 1.5}))
    return rows


def route_rows(state, reps: int, routes=ROUTES) -> list[Row]:
    from game.hexgrid import hex_distance
    from game.rules import movement as M
    scn = state.scenario
    hm = scn.map
    n = hm.width * hm.height
    faction = "byzantium" if "byzantium" in state.factions else state.order[0]
    any_army = next(iter(state.armies.values()))
    full = M.obstacles(state, faction)
    obs = M.Obstacles(set(), set(), full.ports, full.straits, full.closed_passes, full.navy)
    peers = Peers(n, peer_graph(state, faction, -1, obs, zoc=False))
    hexes = [hm.hex_of(i) for i in range(n)]

    def h(u, v):
        return hex_distance(hexes[u], hexes[v])      # every step costs at least 1
    ours: list[float] = []
    theirs: dict[str, list[float]] = {}
    lengths = []
    for a_id, b_id in routes:
        a, b = _place(scn, a_id), _place(scn, b_id)
        if a is None or b is None:
            continue
        army = dataclasses.replace(any_army, faction=faction, hex=a)
        i, j = hm.index(a), hm.index(b)
        got = M.route(state, army, b, obs)
        if got is None:
            continue
        for p in peers.names:
            if peers.costs(p, i).get(j) != got[1]:
                raise AssertionError(f"{p} and ours disagree on the route {a_id}-{b_id}")
        lengths.append(f"{a_id}-{b_id} {len(got[0])} steps")
        ours += timed(lambda: M.route(state, army, b, obs), reps)
        for p in peers.names:
            theirs.setdefault(p, []).extend(timed(lambda: peers.route(p, i, j, h), reps))
    return [_row("route between distant hexes", ours, theirs,
                 "; ".join(lengths) + "; no armies or cities in the way (networkx: A*; "
                 "scipy: its Dijkstra, which has no early exit)", {"networkx": 1.0})]


def field_rows(state, reps: int, targets=FIELD_TARGETS) -> list[Row]:
    from game.ai import distances
    from game.rules import movement as M
    scn = state.scenario
    hm = scn.map
    n = hm.width * hm.height
    faction = "byzantium" if "byzantium" in state.factions else state.order[0]
    caps = distances.capabilities(state, M.obstacles(state, faction))
    probe = M.Obstacles(set(), set(), set(caps[2]), set(caps[3]), set(caps[4]), caps[1])
    peers = Peers(n, peer_graph(state, faction, -1, probe, zoc=False), reverse=True)
    distances._reverse_graph(scn, caps)        # built once a season and capabilities, as in play
    ours: list[float] = []
    theirs: dict[str, list[float]] = {}
    for pid in targets:
        h = _place(scn, pid)
        if h is None:
            continue
        t = hm.index(h)
        mine = distances._search(scn, t, caps)
        _compare(f"the field to {pid}", {k: v for k, v in enumerate(mine) if v < distances.INF},
                 peers, t)
        ours += timed(lambda: distances._search(scn, t, caps), reps)
        for p in peers.names:
            theirs.setdefault(p, []).extend(timed(lambda: peers.field(p, t), reps))
    return [_row("distance field to one hex", ours, theirs,
                 f"all {n} hexes, to {', '.join(targets)} (the computer's fields)",
                 {"networkx": 1.0})]


def run(quick: bool = False, scenario: str = "full_war") -> list[Row]:
    _scn, state = _setup(scenario)
    if quick:
        return (reachable_rows(state, (8, 20), 1, most=2) + route_rows(state, 1, ROUTES[:1])
                + field_rows(state, 1, FIELD_TARGETS[:1]))
    return reachable_rows(state, (8, 20), 40) + route_rows(state, 10) + field_rows(state, 10)


def main(argv=None) -> int:
    from bench.report import group_main
    return group_main(run, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
