"""Shortest paths over the movement graph: the one search that movement, supply and the
computer's distance fields all use.

A graph here is a list, per hex index, of steps `(neighbour, cost, special)`: special is
None for a plain step over land and a value the caller understands for the others
(movement uses `(kind, strait id)` for sea and strait steps).  Costs are whole movement
points.

`search` is Dijkstra with a bucket per cost, in plain Python.  It gives the costs and,
for each hex reached, the hex it was reached from.  Which previous hex a hex gets is
fixed by one rule, so that the same game always takes the same path: the buckets are
taken in order of cost, each bucket in order of hex index, and a hex keeps the first
hex that reached it at its final cost.  With costs of at least 1 that is exactly what a
heap of (cost, hex) would give.

`costs` answers only "how far", for many hexes at once, with scipy's compiled Dijkstra
(`scipy.sparse.csgraph`).  Costs are unique whatever the order of the search, so the
two always agree on them (tests/test_paths.py checks both against a plain heap search);
use `search` wherever the path itself matters.
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import numpy as np

INF = 1 << 30

Steps = Sequence[Sequence[tuple[int, int, object]]]


def search(steps: Steps, sources: Iterable[int], limit: int = INF,
           barred: set[int] | frozenset[int] = frozenset(),
           stop: set[int] | frozenset[int] = frozenset(),
           special: Callable[[int, int, object], bool] | None = None,
           goal: int = -1) -> tuple[list[int], dict[int, int]]:
    """Cheapest costs from the sources: (cost per hex index, INF where not reached;
    reached hex -> the hex it was reached from, -1 for a source, in the order reached).

    limit: no hex costing more is reached.  barred: hexes a plain step may not enter.
    stop: hexes that may be entered but not left (a source always may be left).
    special(i, j, tag): whether a step whose special value is `tag` may be taken; with
    None such steps never are.  goal: stop searching once this hex's cost is settled
    (hexes costing more are then left unsettled).
    """
    dist = [INF] * len(steps)
    prev: dict[int, int] = {}
    first: list[int] = []
    for s in sources:
        if dist[s]:
            dist[s] = 0
            prev[s] = -1
            first.append(s)
    buckets: dict[int, list[int]] = {0: first} if first else {}
    cost = 0
    while buckets:
        bucket = buckets.pop(cost, None)
        if bucket is None:
            cost = min(buckets)         # skip a gap in the costs
            continue
        if goal >= 0 and dist[goal] == cost:
            break
        bucket.sort()
        for i in bucket:
            if dist[i] != cost:
                continue                # reached more cheaply since it was queued
            if stop and i in stop and prev[i] != -1:
                continue
            for j, c, tag in steps[i]:
                nc = cost + c
                if dist[j] <= nc or nc > limit:
                    continue
                if tag is None:
                    if j in barred:
                        continue
                elif special is None or not special(i, j, tag):
                    continue
                dist[j] = nc
                prev[j] = i
                b = buckets.get(nc)
                if b is None:
                    buckets[nc] = [j]
                else:
                    b.append(j)
        cost += 1
    return dist, prev


_REACH_BUCKETS = 4096     # a longer limit goes to `search` (its buckets are a dict)


def reach(steps: Steps, source: int, limit: int,
          barred: set[int] | frozenset[int] = frozenset(),
          stop: set[int] | frozenset[int] = frozenset(),
          special: Callable[[int, int, object], bool] | None = None
          ) -> dict[int, tuple[int, int]]:
    """`search` from one source within a limit (a march this turn), its answer in one dict:
    reached hex -> (cost, the hex it was reached from, -1 for the source), in the order
    reached.  The same costs, paths and order as `search` (the same loop, with a list of
    buckets, one per cost up to the limit, instead of a dict of them)."""
    if limit < 0 or limit > _REACH_BUCKETS:
        dist, prev = search(steps, (source,), limit, barred, stop, special)
        return {j: (dist[j], p) for j, p in prev.items()}
    dist = [INF] * len(steps)
    dist[source] = 0
    out: dict[int, tuple[int, int]] = {source: (0, -1)}
    buckets: list[list[int] | None] = [None] * (limit + 1)
    buckets[0] = [source]
    for cost in range(limit + 1):
        bucket = buckets[cost]
        if bucket is None:
            continue
        bucket.sort()
        for i in bucket:
            if dist[i] != cost:
                continue                # reached more cheaply since it was queued
            if i in stop and i != source:
                continue
            for j, c, tag in steps[i]:
                nc = cost + c
                if nc > limit or dist[j] <= nc:
                    continue
                if tag is None:
                    if j in barred:
                        continue
                elif special is None or not special(i, j, tag):
                    continue
                dist[j] = nc
                out[j] = (nc, i)
                b = buckets[nc]
                if b is None:
                    buckets[nc] = [j]
                else:
                    b.append(j)
    return out


def path(prev: dict[int, int], goal: int) -> list[int] | None:
    """The hexes from the one after the source to goal, by `search`'s previous hexes;
    None if goal was not reached."""
    if goal not in prev:
        return None
    out = []
    j = goal
    while prev[j] != -1:
        out.append(j)
        j = prev[j]
    out.reverse()
    return out


# --- costs only, compiled -------------------------------------------------------------

class Matrix:
    """A graph for `costs`: its steps as a compressed sparse row matrix (row: from, column:
    to, value: cost).  Build it once and keep it; it does not change."""

    def __init__(self, n: int, edges: Iterable[tuple[int, int, int]]):
        a = np.array(sorted(edges), dtype=np.int64).reshape(-1, 3)
        self._set(n, a[:, 0], a[:, 1], a[:, 2])

    @classmethod
    def of_arrays(cls, n: int, rows: np.ndarray, cols: np.ndarray, weights: np.ndarray
                  ) -> "Matrix":
        """The same from arrays of its steps, already sorted by row, then column."""
        m = cls.__new__(cls)
        m._set(n, rows.astype(np.int64), cols.astype(np.int64), weights)
        return m

    def _set(self, n: int, rows: np.ndarray, cols: np.ndarray, weights: np.ndarray) -> None:
        self.n = n
        self.rows = rows
        self.cols = cols
        self.weights = weights.astype(np.float64)
        self.indptr = np.searchsorted(self.rows, np.arange(n + 1)).astype(np.int32)
        self.csr = self._csr(self.weights, self.cols.astype(np.int32), self.indptr)

    def _csr(self, weights, cols, indptr):
        from scipy.sparse import csr_matrix
        return csr_matrix((weights, cols, indptr), shape=(self.n, self.n), copy=False)

    def without_entering(self, barred: Iterable[int]):
        """The same graph less every step into a barred hex (such a step costs infinity)."""
        mask = np.zeros(self.n, dtype=bool)
        barred = np.fromiter(barred, dtype=np.int64)
        mask[barred[barred >= 0]] = True
        weights = np.where(mask[self.cols], np.inf, self.weights)
        return self._csr(weights, self.csr.indices, self.csr.indptr)

    def reversed(self) -> "Matrix":
        """Every step turned round: the costs to a hex rather than from it."""
        return Matrix(self.n, zip(self.cols.tolist(), self.rows.tolist(),
                                  self.weights.astype(np.int64).tolist()))


def load_compiled() -> None:
    """Import scipy's compiled search now.  The import costs a few tenths of a second, once
    a process; a game calls this as it begins or is loaded, so that the wait comes with
    setting the game up rather than in the middle of its first turn."""
    import scipy.sparse.csgraph  # noqa: F401


def costs(graph, sources: Sequence[int], limit: int | None = None) -> np.ndarray:
    """The cheapest cost from the nearest source to every hex (float, inf where not
    reached or beyond limit); graph is a `Matrix` or a matrix from `without_entering`."""
    from scipy.sparse.csgraph import dijkstra
    csr = graph.csr if isinstance(graph, Matrix) else graph
    return dijkstra(csr, directed=True, indices=np.asarray(sources, dtype=np.int32),
                    min_only=True, limit=np.inf if limit is None else limit)


def as_list(d: np.ndarray) -> list[int]:
    """`costs` as a list of whole numbers, INF where not reached (fast to index)."""
    return np.nan_to_num(d, posinf=INF).astype(np.int64).tolist()


def as_dict(d: np.ndarray) -> dict[int, int]:
    """`costs` as hex index -> cost for the hexes reached, in hex order."""
    reached = np.flatnonzero(np.isfinite(d))
    return dict(zip(reached.tolist(), d[reached].astype(np.int64).tolist()))
