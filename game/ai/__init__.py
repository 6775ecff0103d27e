"""The computer opponent's public entry points.

Everything outside game/ai calls these, never a policy module directly:
    next_order(state, level) -> the next order for the side to play
    play_turn(state, level)  -> play the side's whole turn, returning (order, events) pairs
`level` is a difficulty name from LEVELS.  The policy behind them is the
simple placeholder until the real computer opponent replaces it.
"""
from __future__ import annotations

from game.ai import placeholder

LEVELS = ("easy", "normal", "hard")


def next_order(state, level: str = "normal"):
    return placeholder.next_order(state)


def play_turn(state, level: str = "normal"):
    return placeholder.play_turn(state)
