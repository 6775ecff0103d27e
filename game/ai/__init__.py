"""The computer opponent's public entry points.

Everything outside game/ai calls these, never a policy module directly:
    next_order(state, level)  -> the next order for the side to play
    play_turn(state, level)   -> play the side's whole turn, returning (order, events) pairs
    plan_turn(state, level)   -> the orders of that whole turn, worked out on a copy
    describe_level(level)     -> what a difficulty level does, for the menu
`level` is a difficulty name from LEVELS.  The computer uses only the public
rules API (check, apply, reachable, odds, the rules of sight) and its own generators,
so the same game and the same human orders always give the same computer
orders.  `play_turn` (or `plan_turn` on a worker thread, replaying the orders
it returns) is the canonical way to let it move; `next_order` called again
on the state it last answered, after its order was applied, continues the
same plan, so a loop of next_order/apply plays exactly what play_turn plays.
The baseline policy for tests and benchmarks is `game.ai.placeholder`.
"""
from __future__ import annotations

import threading
import weakref

from game.ai import player, search
from game.ai.levels import LEVELS, LEVELS_TEXT
from game.ai.levels import get as get_level
from game.rules.state import clone

__all__ = ["LEVELS", "LEVELS_TEXT", "describe_level", "known_enemy_ids", "next_order",
           "play_turn", "plan_turn"]

_lock = threading.Lock()
_plans: dict[int, tuple[weakref.ref, str, player.Plan]] = {}


def describe_level(level: str) -> str:
    """The menu text of a difficulty level (raises ValueError for an unknown one)."""
    return get_level(level).text


def next_order(state, level: str = "normal"):
    """The next order for the side to play (its whole turn's plan is kept between calls)."""
    get_level(level)
    with _lock:
        for key in [k for k, (ref, _l, _p) in _plans.items() if ref() is None]:
            del _plans[key]
        entry = _plans.get(id(state))
        plan = None
        if entry is not None:
            ref, lvl, p = entry
            if ref() is state and lvl == level and p.matches(state) and p.stage != "end":
                plan = p
        if plan is None:
            plan = player.Plan(state, search.choose(state, get_level(level)))
            _plans[id(state)] = (weakref.ref(state), level, plan)
    return plan.next_order(state)


def play_turn(state, level: str = "normal"):
    """Play the side-to-play's whole turn on `state`; returns the (order, events) pairs."""
    get_level(level)
    return player.play_turn(state, level)


def plan_turn(state, level: str = "normal") -> list:
    """The orders the computer would give this turn, worked out on a copy of the state.

    For the user interface: run it on a worker thread, then replay the orders
    one by one through the session at a pace the player can follow.
    """
    return [order for order, _events in play_turn(clone(state), level)]


def known_enemy_ids(state, faction: str, level: str = "normal") -> list[str]:
    """The hostile armies the computer playing `faction` knows of now (seen, or remembered),
    for measuring how well it keeps track of its enemies."""
    from game.ai import knowledge
    from game.ai.minor import profile
    k = knowledge.gather(state, faction, get_level(level), profile(state.scenario, faction))
    return sorted({a.id for a in k.enemies} | {g.id for g in k.ghosts})
