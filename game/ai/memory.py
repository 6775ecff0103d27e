"""What the computer remembers from one of its turns to the next: each army's errand.

A general who changes his mind every season gets nowhere, so an army keeps
the goal it marched for last turn unless another is clearly better (see
`operations.assign`).  The note is carried in the game itself: the computer
writes it into the order that ends its turn (`EndTurn.plans`), applying that
order keeps it in `state.plans`, and the next turn reads it back.  So a save,
a replay or an undo carries the notes like everything else, and a game loaded
in a fresh process plays on exactly as it would have in the process that
saved it.  An army's note counts only if the army still stands where its
side's last turn left it.

The note is text: the turn it was written, then for each army
`id q r goal` (goal names such as `take:dara` or `visit:12,40` hold no spaces),
separated by semicolons.
"""
from __future__ import annotations

import re

from game.rules.state import GameState


def note(state: GameState, errands: dict) -> str:
    """At the end of a faction's turn: each army's place and the goal it marched for."""
    items = [str(state.turn)]
    for aid in sorted(errands):
        e = errands[aid]
        a = state.armies.get(aid)
        if a is not None and e.goal is not None:
            items.append(f"{aid} {a.hex.q} {a.hex.r} {e.goal.name}")
    return ";".join(items)


def recall(state: GameState, faction: str) -> dict[str, str]:
    """Army id -> the goal it marched for on its side's last turn (if it still stands where
    that turn left it).  A note it cannot read is ignored."""
    text = state.plans.get(faction, "")
    if not isinstance(text, str) or note_problem(text):
        return {}
    items = text.split(";")
    if int(items[0]) != state.turn - 1:
        return {}
    out = {}
    for item in items[1:]:
        parts = item.split(" ")
        if len(parts) != 4:
            continue
        aid, q, r, goal = parts
        a = state.armies.get(aid)
        if (a is not None and a.faction == faction
                and f"{a.hex.q}" == q and f"{a.hex.r}" == r):
            out[aid] = goal
    return out


_NUMBER = re.compile(r"-?[0-9]{1,9}")
MAX_NOTE_CHARS = 1_000_000


def note_problem(text: str) -> str | None:
    """Why `text` is not a note the computer could have written, or None."""
    if len(text) > MAX_NOTE_CHARS:
        return f"it is {len(text)} characters long"
    items = text.split(";")
    if not _NUMBER.fullmatch(items[0]):
        return "it does not start with a turn number"
    for item in items[1:]:
        parts = item.split(" ")
        if (len(parts) != 4 or not _NUMBER.fullmatch(parts[1]) or not _NUMBER.fullmatch(parts[2])
                or not parts[0] or not parts[3]):
            return f"the item {item[:40]!r} is not `army q r goal`"
    return None
