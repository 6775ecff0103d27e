"""The play screen's modes: what the screen is doing now, each with its own input,
update and drawing.

The play screen (screens/game_screen.py) is always in exactly one mode, chosen
each frame by `current(gs)` from the game and the screen's state:

- playback (modes/playback.py): a hot-seat side's "while you were away" news
  plays over the map; Space, Esc or the button move it on;
- dialog (modes/dialog.py): a window is open (or waits its turn in the queue)
  and takes the input first;
- send (modes/send.py): a game by e-mail, and the player's part of the turn
  is over: the turn file is written and the screen goes back to the list;
- ended (modes/ended.py): the war is over; the map stays a moment, then the
  end screen;
- gate (modes/gate.py): hot-seat, the next human is someone else, so the screen
  hides behind the handover gate;
- turn start (modes/turn_start.py): a new side's turn has come round;
- orders (modes/orders.py): a person gives orders with mouse and keys;
- computer (modes/computer.py): a computer side plays; Space skips to the end.

Each mode is a `Mode` with `handle(gs, event)`, `update(gs, dt)` (returning the
next screen or None), `draw(gs, surface)` over the map and `draw_over(gs,
surface)` over the widgets.  What every mode shares (panning, zooming, looking
at the map, the menu) is `Mode`'s own behaviour (game_input.py).
"""
from __future__ import annotations

from game.ui.screens.modes.base import Mode
from game.ui.screens.modes.computer import COMPUTER
from game.ui.screens.modes.dialog import DIALOG
from game.ui.screens.modes.ended import ENDED
from game.ui.screens.modes.gate import GATE
from game.ui.screens.modes.orders import ORDERS
from game.ui.screens.modes.playback import PLAYBACK
from game.ui.screens.modes.send import SEND, must_send
from game.ui.screens.modes.turn_start import TURN_START

__all__ = ["Mode", "current", "below_dialogs"]


def current(gs) -> Mode:
    """The mode the play screen is in now: the one place that decides which goes first."""
    if gs.playback is not None:
        return PLAYBACK
    if gs.modal() or gs.queue:
        return DIALOG
    return below_dialogs(gs)


def below_dialogs(gs) -> Mode:
    """The mode under any dialog: what the game itself is doing."""
    st = gs.state
    if must_send(gs):
        return SEND
    if st.over:
        return ENDED
    if gs.needs_gate():
        return GATE
    if (st.turn, st.active_faction) != gs.turn_key:
        return TURN_START
    if gs.human_to_play() is not None:
        return ORDERS
    return COMPUTER
