"""Answers kept while a game's state stands still.

A computer's turn asks the same questions of the same state many times
between two orders: the plan asks what stands in its way, then the rules ask
it again to check the order the plan gives.  Inside `steady(state)` such an
answer (say, `movement.obstacles_known`) is worked out once and kept; it is
given again only while the state cannot have changed.

The rule that keeps this correct: nothing changes the state inside a steady
stretch except `engine.apply`, and `engine.apply` calls `changed(state)` after
checking the order and before changing anything, which drops every answer kept
for that state and keeps nothing more until the stretch ends.  Outside a
steady stretch (the user interface, tests that move armies by hand, loading a
game) nothing is kept at all, so no one can be handed an answer about a state
that has since been changed.

The stretches are per thread (the computer may plan on a worker thread) and
per state object (a look-ahead plays on copies of the state, each its own).
"""
from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Iterator

_local = threading.local()


def _open() -> dict:
    got = getattr(_local, "open", None)
    if got is None:
        got = _local.open = {}
    return got


@contextmanager
def steady(state) -> Iterator[None]:
    """A stretch in which `state` is changed only by `engine.apply` (which ends the keeping:
    see the module text).  Stretches of the same state may nest."""
    table = _open()
    key = id(state)
    entry = table.get(key)
    if entry is not None and entry[0] is state:
        entry[1] += 1
        try:
            yield
        finally:
            entry[1] -= 1
        return
    entry = [state, 1, {}]          # the state, how deep, what is kept (None: no more)
    table[key] = entry
    try:
        yield
    finally:
        if table.get(key) is entry:
            del table[key]


def changed(state) -> None:
    """The state is about to change: drop what is kept for it, keep nothing more in this
    stretch."""
    entry = _open().get(id(state))
    if entry is not None and entry[0] is state:
        entry[2] = None


def kept(state) -> dict | None:
    """The answers kept for `state` (a dict to read and fill), or None when nothing may be
    kept now (outside a steady stretch, or after a change)."""
    entry = _open().get(id(state))
    if entry is None or entry[0] is not state:
        return None
    return entry[2]
