"""Computer mode: a computer side plays.  Its orders are thought out in a worker
thread (game/ui/computer.py) and applied one by one at the pace set in the
settings; Space skips to the end of its turn.  A banner says who is thinking or
moving.  The same steps run unseen behind the hot-seat gate (modes/gate.py)."""
from __future__ import annotations

import time

import pygame

from game.i18n import _
from game.ui import describe
from game.rules import queries as Q
from game.rules.orders import EndTurn
from game.ui import notes
from game.ui.scale import px
from game.session import seats
from game.ui.computer import Thinker
from game.ui.screens.modes.base import Mode


class ComputerMode(Mode):
    name = "computer"

    def on_key(self, gs, event) -> bool:
        if event.key == pygame.K_SPACE:
            gs.skip = True
            gs.march = None
            return True
        return False

    def update(self, gs, dt: float):
        step(gs, dt)
        return None

    def draw(self, gs, surface) -> None:
        st = gs.state
        fid = st.active_faction
        name = describe.faction_name(st, fid)
        busy = gs.thinker is not None and not gs.thinker.done
        vp = gs.map.camera.viewport
        many = Q.is_plural(st, fid)
        if busy:
            text = _("{side} are thinking...") if many else _("{side} is thinking...")
        else:
            text = _("{side} move  (Space: skip)") if many else _("{side} moves  (Space: skip)")
        notes.banner(surface, text.format(side=name), (vp.centerx, vp.bottom - px(12)))


COMPUTER = ComputerMode()


def step(gs, dt: float) -> None:
    """Think (in the background) or apply the next of the computer's orders."""
    st = gs.state
    fid = st.active_faction
    t = gs.thinker
    if t is None or t.faction != fid or t.turn != st.turn:
        gs.thinker = Thinker(st, seats.seat_of(gs.session.sides.get(fid)),
                             threaded=gs.app.threaded)
        gs.pace = 0.0
        return
    if not t.done:
        return
    if t.error:
        gs.say(_("The computer player failed ({error}); its turn ends.").format(error=t.error),
               bad=True)
        gs.thinker = None
        gs.do(EndTurn(fid))
        return
    speed = gs.app.settings.animation_speed
    gs.pace -= dt
    if gs.pace > 0 and not gs.skip:
        return
    fast = gs.skip or speed >= 10
    budget = 0.012 if fast else 0.0
    start = time.perf_counter()
    while True:
        order = t.next_order()
        if order is None:
            gs.thinker = None
            return
        if not gs.do(order):
            # the real game went otherwise than the clone: think again from here
            gs.replans += 1
            gs.thinker = None
            if gs.replans > 3:
                gs.do(EndTurn(fid))
            return
        if gs.state.active_faction != fid or gs.state.over or gs.queue \
                or gs.march is not None:
            break
        if not fast or time.perf_counter() - start > budget:
            break
    gs.pace = 0.08 * (10 - speed)
