"""Mouse and keys on the play screen: what a click, a drag or a key does.

Dialogs take their own input first; then the map: a left click selects, or
with an army of yours selected marches, attacks or besieges; dragging pans;
the wheel zooms about the cursor; the keys are listed in game/ui/help.py.
"""
from __future__ import annotations

import math

import pygame
import pygame_gui

from game.hexgrid import Hex
from game.rules import movement as M
from game.rules.orders import Attack, Besiege, Move
from game.ui import describe
from game.ui import dialogs

ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)
PAN_KEYS = {pygame.K_LEFT: (-1, 0), pygame.K_a: (-1, 0), pygame.K_RIGHT: (1, 0),
            pygame.K_d: (1, 0), pygame.K_UP: (0, -1), pygame.K_w: (0, -1),
            pygame.K_DOWN: (0, 1), pygame.K_s: (0, 1)}


def handle(gs, event):
    if event.type == pygame.KEYUP and event.key in ENTER or event.type == pygame.WINDOWFOCUSLOST:
        gs.enter_spent = False               # Enter let go: the next press may act again
    elif event.type == pygame.KEYDOWN and event.key in ENTER:
        if gs.enter_spent:
            return None                      # still the same press (key repeat): once only
        gs.enter_spent = True
    if gs.playback is not None:
        return on_playback(gs, event)
    for d in list(gs.dialogs):
        if d.alive() and hasattr(d, "handle") and d.handle(event):
            gs.modal()
            return None
    if event.type == pygame_gui.UI_BUTTON_PRESSED:
        on_button(gs, event.ui_element)
        return None
    if event.type == pygame.KEYUP:
        gs.held.discard(event.key)
        return None
    if event.type == pygame.KEYDOWN:
        on_key(gs, event)
        return None
    if event.type == pygame.WINDOWLEAVE:
        gs.mouse = None
        return None
    if event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                      pygame.MOUSEWHEEL):
        on_mouse(gs, event)
    return None


def on_playback(gs, event):
    """While the news plays back: Space for the next item, Esc (or the button) skips it all;
    the map may be panned and zoomed, nothing else."""
    if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is gs.skip_btn:
        gs.playback.skip()
    elif event.type == pygame.KEYDOWN:
        if event.key == pygame.K_SPACE:
            gs.playback.next()
        elif event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
            gs.playback.skip()
    elif event.type in (pygame.MOUSEWHEEL, pygame.MOUSEMOTION):
        on_mouse(gs, event)
    elif event.type == pygame.WINDOWLEAVE:
        gs.mouse = None
    return None


def on_mouse(gs, event) -> None:
    consumed = event.dict.get("consumed", False)
    if event.type == pygame.MOUSEWHEEL:
        if not consumed and gs.mouse and gs.map.camera.viewport.collidepoint(gs.mouse) \
                and not gs.modal():
            gs.map.camera.zoom(1 if event.y > 0 else -1, gs.mouse)
        return
    pos = event.pos
    if event.type == pygame.MOUSEMOTION:
        gs.mouse = pos
        gs.hover_time = 0.0
        if gs.mini_drag:
            gs.minimap.click(pos)
        elif gs.press is not None and (event.buttons[0] or event.buttons[1]):
            if gs.dragging or math.dist(pos, gs.press) > 5:
                gs.dragging = True
                gs.map.camera.pan(-event.rel[0], -event.rel[1])
        h = gs.map.pick(pos) if not gs.modal() else None
        gs.overlay.hover = h
        gs.update_path(h)
        return
    if gs.modal():
        return
    if event.type == pygame.MOUSEBUTTONDOWN:
        if gs.minimap and gs.minimap.rect.collidepoint(pos) and event.button == 1:
            gs.mini_drag = gs.minimap.click(pos)
            return
        if consumed or not gs.map.camera.viewport.collidepoint(pos):
            return
        if event.button in (1, 2):
            gs.press = pos
            gs.dragging = False
        elif event.button == 3:
            gs.deselect()
        return
    if event.type == pygame.MOUSEBUTTONUP:
        if gs.mini_drag:
            gs.mini_drag = False
            return
        was_drag, gs.dragging = gs.dragging, False
        pressed, gs.press = gs.press, None
        if event.button == 1 and pressed is not None and not was_drag and not consumed:
            h = gs.map.pick(pos)
            if h is not None:
                click_hex(gs, h)


def click_hex(gs, h: Hex) -> None:
    view = gs.view()
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
    here = [x for x in view.armies.values() if x.hex == h]
    own = sorted((x for x in here if x.faction == me), key=lambda x: x.id)
    if own:
        ids = [x.id for x in own]
        if ov.selected_army in ids:
            nxt = ids[(ids.index(ov.selected_army) + 1) % len(ids)]
        else:
            nxt = max(own, key=lambda x: (x.moves > 0, x.men)).id
        gs.select_army(nxt)
        return
    if a is not None and a.faction == me and me is not None and not here:
        cid = gs.scn.city_at.get(h)
        if cid is None:
            gs.say(why_not(gs, a, h), bad=True)
            return
    if here:
        gs.select_army(max(here, key=lambda x: x.men).id)
        return
    cid = gs.scn.city_at.get(h)
    if cid is not None and cid in view.cities:
        gs.select_city(cid)
        return
    gs.deselect()


def why_not(gs, a, h: Hex) -> str:
    if a.moves <= 0:
        return f"{a.name} has no movement left this turn"
    r = M.route(gs.state, a, h)
    if r is None:
        return f"{a.name} cannot get there"
    _, cost = r
    label, _ = describe.path_label(cost, a.moves, M.move_budget(gs.state, a))
    return f"Too far for this turn ({label})"


def on_key(gs, event) -> None:
    k = event.key
    ctrl = event.mod & pygame.KMOD_CTRL
    if gs.modal():
        top = gs.dialogs[-1]
        if k == pygame.K_o and getattr(top, "is_aims", False):
            top.finish(None)                 # O again closes the aims panel
        elif k == pygame.K_l and not ctrl and getattr(top, "is_army_list", False):
            top.kill()                       # and L the army list
        elif isinstance(top, dialogs.Dialog) and not top.must_answer:
            if k in (pygame.K_RETURN, pygame.K_KP_ENTER) and top.value_of:
                top.finish(next(iter(top.value_of.values())))     # the first button
            elif k == pygame.K_ESCAPE:
                top.finish(None)
        elif k == pygame.K_ESCAPE and hasattr(top, "done"):
            top.done(None, None)
        elif k == pygame.K_ESCAPE and not getattr(top, "must_answer", False):
            top.kill()
        gs.modal()
        return
    if k in PAN_KEYS and not ctrl:
        gs.held.add(k)
        return
    if ctrl and k == pygame.K_z:
        gs.undo()
    elif ctrl and k == pygame.K_s:
        gs.open_saves("save")
    elif ctrl and k == pygame.K_l:
        gs.open_saves("load")
    elif k == pygame.K_ESCAPE:
        if gs.overlay.selected_army or gs.overlay.selected_city:
            gs.deselect()
        else:
            gs.open_menu()
    elif k in (pygame.K_RETURN, pygame.K_KP_ENTER):
        gs.end_turn()
    elif k == pygame.K_SPACE:
        if gs.human_to_play() is None:
            gs.skip = True
            gs.march = None
    elif k == pygame.K_TAB:
        gs.next_army()
    elif k == pygame.K_b:
        gs.action("besiege")
    elif k == pygame.K_c:
        gs.center_selection()
    elif k == pygame.K_o:
        gs.open_aims()
    elif k == pygame.K_l:
        gs.open_army_list()
    elif k in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS):
        gs.map.camera.zoom(1)
    elif k in (pygame.K_MINUS, pygame.K_KP_MINUS):
        gs.map.camera.zoom(-1)
    elif k == pygame.K_F5:
        gs.quick_save()
    elif k == pygame.K_F9:
        gs.quick_load()
    elif k == pygame.K_F6 and gs.app.author:
        gs.reload_scenario()
    elif k == pygame.K_F7 and gs.app.author:
        gs.events_panel = not gs.events_panel
    elif k == pygame.K_t:
        gs.action("assault")


def on_button(gs, el) -> None:
    hud = gs.hud
    if hud is None:
        return
    if el is hud.end_btn:
        gs.end_turn()
    elif el is hud.undo_btn:
        gs.undo()
    elif el is hud.menu_btn:
        gs.open_menu()
    elif el is hud.help_btn:
        gs.app.toggle_help()
    elif el is hud.aims_btn:
        gs.open_aims()
    elif el is hud.armies_btn:
        gs.open_army_list()
    else:
        for key, b in hud.actions.items():
            if el is b:
                gs.action(key)
