"""A game in progress: its state, the orders given so far, and undo.

Undo keeps a snapshot before each order of the current turn.  It closes
(the snapshots are dropped) whenever an order used the random generator,
revealed something hidden, fired a scripted event or ended the turn, so
undo can never reroll a battle or un-see an enemy.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from game.rules import engine
from game.rules.orders import Order
from game.rules.report import Event
from game.rules.state import GameState, clone, state_hash

# Events after which undo would leak or reroll something.
CLOSING_KINDS = {"battle", "assault", "fired", "chosen", "choice", "spotted", "turn_ended",
                 "turn_began", "game_over", "siege_progress"}


def closes_undo(events: list[Event], draws_before: int, draws_after: int) -> bool:
    if draws_after != draws_before:
        return True
    return any(e.random or e.kind in CLOSING_KINDS for e in events)


@dataclass
class Session:
    state: GameState
    orders: list[Order] = field(default_factory=list)
    undo_stack: list[tuple[GameState, int]] = field(default_factory=list)
    sides: dict[str, str] = field(default_factory=dict)   # faction -> "human" / "computer:LEVEL"

    @classmethod
    def new(cls, scn, seed: int) -> tuple["Session", list[Event]]:
        state, events = engine.new_game(scn, seed)
        return cls(state), events

    def do(self, order: Order) -> list[Event]:
        """Check and apply an order; raises Refused (and changes nothing) if illegal."""
        engine.check(self.state, order)
        snapshot = clone(self.state)
        before = self.state.rng.draws
        events = engine.apply(self.state, order)
        self.orders.append(order)
        if closes_undo(events, before, self.state.rng.draws):
            self.undo_stack.clear()
        else:
            self.undo_stack.append((snapshot, len(self.orders) - 1))
        return events

    def can_undo(self) -> bool:
        return bool(self.undo_stack)

    def undo(self) -> bool:
        if not self.undo_stack:
            return False
        snapshot, n = self.undo_stack.pop()
        self.state = snapshot
        del self.orders[n:]
        return True

    def hash(self) -> str:
        return state_hash(self.state)


def replay(scn, seed: int, orders: list[Order], on_turn=None) -> GameState:
    """Play recorded orders from the start; on_turn(state) is called as each round begins."""
    state, _ = engine.new_game(scn, seed)
    turn = state.turn
    for o in orders:
        engine.apply(state, o)
        if on_turn is not None and state.turn != turn:
            turn = state.turn
            on_turn(state)
    return state
