"""What one side knows of the game: `observe(state, side)`.

The user interface draws only from a View, never from the full state, so a
side can see no more than its own sight allows.  Until fog of war is built
this view shows everything; `side=None` always means an omniscient view
(after the game is over, or for replays and tests).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from game.rules.state import Army, City, GameState, LogEntry, TurnStats


@dataclass
class View:
    side: str | None
    visible: np.ndarray            # bool [row, col]: seen this turn
    explored: np.ndarray           # bool [row, col]: ever seen
    armies: dict[str, Army]        # the armies this side can see (copies)
    cities: dict[str, City]        # every city as this side last saw it (copies)
    log: list[LogEntry]            # the fired events this side was told of
    history: list[TurnStats]       # chart rows, limited to what this side knew


def observe(state: GameState, side: str | None) -> View:
    hm = state.scenario.map
    everything = np.ones((hm.height, hm.width), dtype=bool)
    import copy
    return View(side, everything, everything.copy(),
                {k: copy.copy(a) for k, a in state.armies.items()},
                {k: copy.copy(c) for k, c in state.cities.items()},
                [e for e in state.log if side is None or side in e.seen_by],
                list(state.history))
