"""The computer's turn, thought out off the main thread so the window never freezes.

A `Thinker` plays the side's whole turn by its seat (`Seat.play_turn`) on a clone
of the state, in a worker thread, and keeps the orders it gave.  The screen
then applies them to the real game through the Session one by one, at a
pace the player can follow.  The rules are deterministic, so the real game
follows the same course as the clone; should an order be refused anyway,
the screen asks for a new plan from the position as it stands.
"""
from __future__ import annotations

import threading

from game.rules.orders import Order
from game.rules.state import GameState, clone
from game.session.seats import Seat


class Thinker:
    def __init__(self, state: GameState, seat: Seat, threaded: bool = True):
        self.faction = state.active_faction
        self.turn = state.turn
        self.seat = seat
        self.orders: list[Order] = []
        self.error: str | None = None
        self._done = threading.Event()
        snapshot = clone(state)
        if threaded:
            threading.Thread(target=self._think, args=(snapshot,), name="computer",
                             daemon=True).start()
        else:
            self._think(snapshot)

    def _think(self, snapshot: GameState) -> None:
        try:
            self.orders = [o for o, _events in self.seat.play_turn(snapshot)]
        except Exception as exc:       # a bug in a policy must not take the window down
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self._done.set()

    @property
    def done(self) -> bool:
        return self._done.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        return self._done.wait(timeout)

    def next_order(self) -> Order | None:
        return self.orders.pop(0) if self.orders else None
