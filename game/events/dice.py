"""The dice of scripted events: `chance` and `mean_time`.

An event's dice are rolled once per turn, not at each check point: the roll
is a pure function of the game's seed, the event and the turn, so an event
checked at the start, after every order and at the end of a turn gets one
answer for that turn, and no undo, reload or exploring beforehand changes it.
The game's own generator (`state.rng`) is not touched.

The runner says which event is being checked (`rolling_for`); event tests may
force the outcome (`forced`) instead of searching for a seed.
"""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from contextvars import ContextVar

_event: ContextVar[str] = ContextVar("event_being_checked", default="")
_forced: ContextVar[dict] = ContextVar("forced_dice", default={})


@contextmanager
def rolling_for(event_id: str):
    """Dice rolled inside belong to this event."""
    token = _event.set(event_id)
    try:
        yield
    finally:
        _event.reset(token)


@contextmanager
def forced(outcomes: dict[str, "bool | int"]):
    """Inside, the rolls of these events succeed (True) or fail (False), or come up as the
    given roll out of a hundred (an int 0..99: `chance: 35` then holds for rolls below 35);
    other events roll as usual."""
    token = _forced.set(outcomes)
    try:
        yield
    finally:
        _forced.reset(token)


def draw(state, sides: int) -> int:
    """This turn's roll for the event being checked: a whole number in 0..sides-1."""
    mix = getattr(state, "dice_mix", "")      # a game by e-mail: see game/pbem/dice.py
    key = (f"{state.seed}|{mix}|{_event.get()}|{state.turn}" if mix
           else f"{state.seed}|{_event.get()}|{state.turn}").encode()
    return int.from_bytes(hashlib.sha256(key).digest()[:8], "big") % sides


def percent(state, chance: int) -> bool:
    """True with `chance` percent probability, once per turn per event."""
    if chance <= 0 or chance >= 100:
        return chance >= 100
    outcome = _forced.get().get(_event.get())
    if outcome is not None:
        return outcome if isinstance(outcome, bool) else outcome < chance
    return draw(state, 100) < chance


def one_in(state, turns: int) -> bool:
    """True with probability 1/turns each turn, so that it first holds after `turns`
    turns on average (Paradox's "mean time to happen")."""
    if turns <= 1:
        return True
    outcome = _forced.get().get(_event.get())
    if outcome is not None:
        return outcome if isinstance(outcome, bool) else outcome * turns < 100
    return draw(state, turns) == 0
