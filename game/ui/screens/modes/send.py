"""Send mode: in a game by e-mail, the player's part of the turn is over (a side he
does not play is to move, or the war has ended).  The turn file is written once
(game.pbem.chain.finish_turn plays the computer sides that follow him), and the
screen goes back to the list of games by e-mail; at the end of the war it stays,
and the end screen follows."""
from __future__ import annotations

from game.ui.screens.modes.base import Mode


def must_send(gs) -> bool:
    if getattr(gs, "pbem", None) is None or gs.pbem_sent is not None:
        return False
    from game.pbem.chain import turn_done
    return turn_done(gs.pbem)


class SendMode(Mode):
    name = "send"

    def update(self, gs, dt: float):
        from game.ui.screens.pbem import send
        return send(gs)


SEND = SendMode()
