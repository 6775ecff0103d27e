"""Gate mode (hot-seat): the next human to play is someone else, so the screen hides
behind the handover gate (screens/handover.py).  What the last owner was doing is
put away; behind the gate the computer sides play on, unseen (`play_hidden`); once
the gate is passed, the screen is the new owner's, with its own camera."""
from __future__ import annotations

from game.session import seats
from game.ui.screens.modes import computer
from game.ui.screens.modes.base import Mode


class GateMode(Mode):
    name = "gate"

    def update(self, gs, dt: float):
        return raise_gate(gs)


GATE = GateMode()


def gate_side(gs) -> str | None:
    """The human side that takes the screen next."""
    return seats.next_human(gs.state, gs.session.sides)


def needs_gate(gs) -> bool:
    """Whether the screen must change hands (hot-seat, the next human is someone else)."""
    if not gs.hotseat or gs.state.over:
        return False
    side = gate_side(gs)
    return side is not None and side != gs.owner


def raise_gate(gs):
    """Hide the game: put away what the owner was looking at and show the gate."""
    from game.ui.screens.handover import HandoverScreen
    cam = gs.map.camera
    if gs.owner is not None:
        gs.cameras[gs.owner] = (cam.cx, cam.cy, cam.level)
    gs.owner = None
    if not gs.just_loaded:           # the next side has yet to see its news
        gs.news_shown = False
    reset_transient(gs)
    gs.keep_map = True
    return HandoverScreen(gs.app, gs)


def reset_transient(gs) -> None:
    """Forget what the last owner was doing (selection, messages, animations)."""
    gs.overlay.selected_army = gs.overlay.selected_city = None
    gs.overlay.hover = None
    gs.refresh_overlay()
    gs.toast_text, gs.toast_time = "", 0.0
    gs.flashes = []
    gs.march = None
    gs.playback = None
    gs.mouse = None
    gs.press = None
    gs.dragging = gs.mini_drag = False
    gs.held.clear()
    gs.enter_spent = False
    gs._tip_key = None
    gs._tip_lines = []
    gs._view_key = None


def play_hidden(gs, dt: float) -> bool:
    """Behind the gate the computer sides play on, unseen.  True once the side at the
    gate may take the screen (its turn has come, or the war is over)."""
    st = gs.state
    if st.over or seats.is_human(gs.session.sides.get(st.active_faction)):
        return True
    key = (st.turn, st.active_faction)
    if key != gs.turn_key:
        gs.turn_key = key
        gs.turn_begins()
        return False
    gs.skip = True
    computer.step(gs, dt)
    return False


def hand_over(gs, side: str) -> None:
    """The gate was passed: the screen is `side`'s, with its own camera."""
    gs.owner = side
    reset_transient(gs)
    cam = gs.map.camera
    saved = gs.cameras.get(side)
    if saved is not None:
        cam.cx, cam.cy, cam.level = saved
        cam.level = max(cam.level, cam.min_level)
        cam.clamp()
    else:
        cam.level = cam.fit_level()
        own = [a for a in gs.view().armies.values() if a.faction == side]
        if own:
            gs.map.center_on(max(own, key=lambda a: a.men).hex)
