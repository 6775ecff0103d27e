"""Orders mode: a person plays the side whose turn it is.  A click with one of its
armies selected marches, attacks or besieges; Enter ends the turn, Ctrl+Z undoes,
Tab picks the next army, B besieges, T storms (or sallies); the panel's buttons do the same."""
from __future__ import annotations

import pygame

from game.i18n import _
from game.hexgrid import Hex, hex_neighbors
from game.rules import engine
from game.rules import movement as M
from game.rules.orders import Assault, Attack, Besiege, EndTurn, Move
from game.ui import actions
from game.ui import describe
from game.ui import dialogs
from game.ui.screens import game_input, news
from game.ui.screens.modes.base import Mode


class OrdersMode(Mode):
    name = "orders"

    def on_key(self, gs, event) -> bool:
        k = event.key
        ctrl = event.mod & pygame.KMOD_CTRL
        act = game_input.bound(gs, event)
        if ctrl and k == pygame.K_z:
            undo(gs)
        elif act == "show_fog":
            update_fog(gs)
        elif act == "end_turn" or k == pygame.K_KP_ENTER:
            end_turn(gs)
        elif act == "next_army":
            next_army(gs)
        elif act in ("besiege", "raise", "split", "merge"):
            action(gs, act)
        elif act == "storm":
            action(gs, "assault")
        else:
            return False
        return True

    def on_button(self, gs, el) -> bool:
        hud = gs.hud
        if hud is None:
            return False
        if el is hud.end_btn:
            end_turn(gs)
        elif el is hud.undo_btn:
            undo(gs)
        else:
            for key, b in hud.actions.items():
                if el is b:
                    action(gs, key)
                    return True
            return False
        return True

    def click(self, gs, h: Hex) -> None:
        me = gs.human_to_play()
        a = gs.selected_army()
        ov = gs.overlay
        if a is not None and me is not None and a.faction == me and h != a.hex \
                and gs.thinker is None:
            if h in ov.attack:
                gs.do(Attack(me, a.id, h))
                return
            if h in ov.siege:
                gs.do(Besiege(me, a.id, gs.scn.city_at[h]))
                return
            if h in ov.reach:
                path = M.path_to(gs.state, gs.reach_costs, h)
                if path and gs.do(Move(me, a.id, path)):
                    gs.refresh_overlay()
                return
            here = any(x.hex == h for x in gs.view().armies.values())
            if not here and gs.scn.city_at.get(h) is None:
                gs.say(why_not(gs, a, h), bad=True)
                return
        game_input.select_at(gs, h)

    def hover(self, gs, h: Hex | None) -> None:
        update_path(gs, h)

    def update(self, gs, dt: float):
        news.show_pending_choice(gs)
        return None


ORDERS = OrdersMode()


def why_not(gs, a, h: Hex) -> str:
    """Why the selected army cannot march to `h` this turn."""
    name = describe.army_name(gs.state, a)
    if a.moves <= 0:
        return _("{army} has no movement left this turn").format(army=name)
    r = M.route(gs.state, a, h)
    if r is None:
        return _("{army} cannot get there").format(army=name)
    cost = r[1]
    label = describe.path_label(cost, a.moves, M.move_budget(gs.state, a))[0]
    return _("Too far for this turn ({label})").format(label=label)


# --- the orders and what they would do ---
def update_path(gs, h: Hex | None) -> None:
    a = gs.selected_army()
    key = (gs.version, gs.overlay.version, h)
    if key == gs._path_key:
        return
    gs._path_key = key
    ov = gs.overlay
    ov.path, ov.path_label, ov.path_ok = [], "", True
    if h is None or a is None or a.faction != gs.human_to_play() or h == a.hex:
        return
    if h in ov.attack or h in ov.siege:
        return
    st = gs.state
    hm = gs.scn.map
    budget = M.move_budget(st, a)
    if h in ov.reach:
        path = M.path_to(st, gs.reach_costs, h)
        cost = gs.reach_costs[hm.index(h)][0]
        ov.path = [a.hex, *path]
        ov.path_label, ov.path_ok = describe.path_label(cost, a.moves, budget)
        ov.path_label += "; " + describe.after_march(gs.view(), a, h, cost)
        return
    if hm.is_water(h) and not st.factions[a.faction].navy:
        return
    r = M.route(st, a, h)
    if r is None:
        ov.path_label = ""
        return
    path, cost = r
    ov.path = [a.hex, *path]
    ov.path_label, ov.path_ok = describe.path_label(cost, a.moves, budget)


def end_turn(gs, confirmed: bool = False) -> None:
    """End the human's turn; first ask, if the settings say so, when some of its armies
    could still march.  Nothing while a dialog, the news or the turn's opening is up."""
    me = gs.human_to_play()
    if me is None or gs.modal() or gs.queue or gs.playback is not None:
        return
    if not confirmed and gs.app.settings.confirm_end_turn:
        left = M.armies_left_to_move(gs.state, me)
        if left:
            gs.open_dialog(dialogs.confirm(
                gs.manager, gs.size, _("End the turn?"),
                describe.left_to_move_text([describe.army_name(gs.state, a) for a in left]),
                _("End the turn"), lambda ok: ok and end_turn(gs, confirmed=True),
                no=_("Keep playing"), size=(560, 300)))    # room for a longer language
            return
    if gs.do(EndTurn(me)):
        gs.app.sounds.play("end_turn")
        gs.deselect()


def undo(gs) -> None:
    if gs.human_to_play() is None:
        return
    if not gs.session.can_undo():
        gs.say(_("Nothing to undo: a battle, a roll of the dice or an event has happened "
                 "since (or no order was given)"), bad=True)
        return
    gs.session.undo()
    marks = gs.log_marks.pop() if gs.log_marks else {}
    for f, n in marks.items():
        del gs.logs.setdefault(f, [])[n:]
    gs.changed()
    gs.say(_("Undone"))


def update_fog(gs) -> None:
    """With delayed fog updates: show what the side's moves have revealed (undo closes if
    that is new ground)."""
    me = gs.human_to_play()
    if me is None or not gs.session.delay_fog:
        return
    if gs.session.update_fog(me):
        gs.log_marks.clear()
        gs.changed()
        gs.say(_("The fog lifts from what your armies have seen"))
    else:
        gs.say(_("Your moves have shown nothing new"))


def next_army(gs) -> None:
    me = gs.human_to_play()
    if me is None:
        return
    ready = sorted((a for a in gs.view().armies.values()
                    if a.faction == me and (a.moves > 0 or can_strike(gs, a))),
                   key=lambda a: a.id)
    if not ready:
        gs.say(_("Every army has moved and struck"))
        return
    ids = [a.id for a in ready]
    cur = gs.overlay.selected_army
    nxt = ids[(ids.index(cur) + 1) % len(ids)] if cur in ids else ids[0]
    gs.select_army(nxt)
    gs.center_selection()
    gs.overlay.cursor = gs.selected_army().hex


def can_strike(gs, a) -> bool:
    """Whether army `a` could still attack, lay siege or storm this turn."""
    if not a.may_strike:
        return False
    st, hm, me = gs.state, gs.scn.map, a.faction
    for n in hex_neighbors(a.hex):
        if hm.contains(n) and engine.is_legal(st, Attack(me, a.id, n)):
            return True
    for n in [a.hex, *hex_neighbors(a.hex)]:
        cid = gs.scn.city_at.get(n)
        if cid and (engine.is_legal(st, Besiege(me, a.id, cid))
                    or engine.is_legal(st, Assault(me, a.id, cid))):
            return True
    return False


def possible_actions(gs) -> dict[str, tuple[object | None, str]]:
    return actions.possible(gs.view(), gs.human_to_play(),
                            gs.selected_army(), gs.overlay.selected_city)


def action(gs, key: str) -> None:
    if gs.human_to_play() is None or gs.modal():
        return
    order, tip = possible_actions(gs).get(key, (None, ""))
    if key == "next":
        next_army(gs)
        return
    if order is None:
        gs.say(tip, bad=True)
        return
    if gs.do(order):
        if key == "split":
            gs.refresh_overlay()
