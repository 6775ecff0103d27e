"""What the computer remembers from one of its turns to the next: each army's errand.

A general who changes his mind every season gets nowhere, so an army keeps
the goal it marched for last turn unless another is clearly better (see
`operations.assign`).  The notes are kept here, in the process, not in the
game state: they are the computer's habits, not part of the game, and a
save does not carry them.  They are keyed by scenario, seed and faction,
and an army's note counts only if the army still stands where its side's
last turn left it, so notes from another game (or another branch of this
one, after a load or an undo) are simply not used.  A game played from its
start is therefore the same every time; a loaded game plays on as the
computer would after forgetting its plans, which is deterministic too.
"""
from __future__ import annotations

import threading
from collections import OrderedDict

from game.rules.state import GameState

_LIMIT = 64             # games remembered at once (the oldest are forgotten)
_lock = threading.Lock()
_notes: OrderedDict[tuple, tuple[int, dict[str, tuple]]] = OrderedDict()


def _key(state: GameState, faction: str) -> tuple:
    return (state.scenario_id, state.seed, faction)


def remember(state: GameState, faction: str, errands: dict) -> None:
    """At the end of a faction's turn: each army's place and the goal it marched for."""
    marks = {}
    for aid, e in errands.items():
        a = state.armies.get(aid)
        if a is not None and e.goal is not None:
            marks[aid] = (a.hex, e.goal.name)
    with _lock:
        _notes[_key(state, faction)] = (state.turn, marks)
        _notes.move_to_end(_key(state, faction))
        while len(_notes) > _LIMIT:
            _notes.popitem(last=False)


def recall(state: GameState, faction: str) -> dict[str, str]:
    """Army id -> the goal it marched for on its side's last turn (if it still stands where
    that turn left it)."""
    with _lock:
        entry = _notes.get(_key(state, faction))
    if entry is None:
        return {}
    turn, marks = entry
    if turn != state.turn - 1:
        return {}
    out = {}
    for aid, (h, goal) in marks.items():
        a = state.armies.get(aid)
        if a is not None and a.faction == faction and a.hex == h:
            out[aid] = goal
    return out


def forget() -> None:
    """Drop every note (for tests)."""
    with _lock:
        _notes.clear()
