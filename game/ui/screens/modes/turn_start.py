"""Turn start: a new side's turn has come round.  For a human side the screen queues
its briefing, news, summary and events and autosaves (game_turns.turn_begins); the
next frames show them (dialog mode), then orders.  A computer side goes straight on."""
from __future__ import annotations

from game.ui.screens.modes.base import Mode


class TurnStartMode(Mode):
    name = "turn start"

    def update(self, gs, dt: float):
        st = gs.state
        gs.turn_key = (st.turn, st.active_faction)
        gs.turn_begins()
        return None


TURN_START = TurnStartMode()
