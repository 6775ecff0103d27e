"""Ended mode: the war is over.  The map stays a moment, then the end screen; looking
back at the map from the end screen, it stays until the menu takes the player back."""
from __future__ import annotations

from game.ui.screens.modes.base import Mode


class EndedMode(Mode):
    name = "ended"

    def update(self, gs, dt: float):
        gs.over_wait -= dt
        if gs.over_wait <= 0:
            from game.ui.screens.victory import VictoryScreen
            return VictoryScreen(gs.app, gs.session, gs.logs[None])
        return None


ENDED = EndedMode()
