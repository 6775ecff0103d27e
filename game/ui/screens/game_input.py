"""Mouse and keys on the play screen that every mode shares (modes/base.py): the map
may be panned, dragged, zoomed and clicked to select; the menu, the saves, the
objectives panel and the army list open from any mode.  A mode first gets its own
keys and buttons (`mode.on_key`, `mode.on_button`) and its own clicks on the map
(`mode.click`); the keys are listed in game/ui/help.py.
"""
from __future__ import annotations

import math

import pygame
import pygame_gui

from game.i18n import _
from game.hexgrid import Hex
from game.ui import keys
from game.ui import notes

ENTER = (pygame.K_RETURN, pygame.K_KP_ENTER)
TOOLTIP_DELAY = 0.35


def bound(gs, event) -> str | None:
    """The action (game.ui.keys) a key press stands for with the player's keys; None with
    Ctrl or Alt held, which the fixed keys use."""
    if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
        return None
    return keys.action_of(gs.app.settings.keys, event.key)


def repeats(gs, event) -> bool:
    """Whether a key goes on acting while held: moving the cursor and zooming do; a key
    that saves, loads, ends the turn or gives an order acts once a press."""
    act = bound(gs, event)
    return (act in keys.PAN or act in keys.CURSOR or event.key in keys.KEYPAD
            or act in ("zoom_in", "zoom_out")
            or event.key in (pygame.K_PLUS, pygame.K_KP_PLUS, pygame.K_KP_MINUS))


def pan_of(gs, key: int) -> tuple[int, int]:
    aid = keys.action_of(gs.app.settings.keys, key)
    return keys.PAN.get(aid, (0, 0))


def move_cursor(gs, mode, move) -> None:
    """Move the hex cursor (from the selection, or the middle of the view, when there is
    none yet), keep it in view, and show what is there as the mouse's hover would."""
    ov = gs.overlay
    h = ov.cursor
    if h is None:
        a = gs.selected_army()
        h = a.hex if a is not None else gs.map.hex_at(gs.map.camera.viewport.center)
        if h is None:
            return
    else:
        nxt = keys.step(h, move)
        if not gs.scn.map.contains(nxt):
            return
        h = nxt
    set_cursor(gs, mode, h)


def set_cursor(gs, mode, h: Hex) -> None:
    ov = gs.overlay
    ov.cursor = h
    ov.hover = h
    gs.key_tip = True
    gs.hover_time = TOOLTIP_DELAY
    x, y = gs.map.screen_of(h)
    if not gs.map.camera.viewport.inflate(-80, -80).collidepoint(x, y):
        gs.map.center_on(h)
    mode.hover(gs, h)


def browse(gs, event, mode) -> None:
    """The input every mode shares, after the mode's own keys and buttons."""
    if event.type == pygame_gui.UI_BUTTON_PRESSED:
        if not mode.on_button(gs, event.ui_element):
            on_button(gs, event.ui_element)
    elif event.type == pygame.KEYUP:
        gs.held.discard(event.key)
    elif event.type == pygame.KEYDOWN:
        if event.dict.get("repeat") and not repeats(gs, event):
            return                       # a held F9 loads once, a held Enter ends one turn
        if not mode.on_key(gs, event):
            on_key(gs, event, mode)
    elif event.type == pygame.WINDOWLEAVE:
        gs.mouse = None
    elif event.type in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP,
                        pygame.MOUSEWHEEL):
        on_mouse(gs, event, mode)


def on_mouse(gs, event, mode) -> None:
    consumed = event.dict.get("consumed", False)
    if event.type == pygame.MOUSEWHEEL:
        if not consumed and gs.mouse and gs.map.camera.viewport.collidepoint(gs.mouse) \
                and not gs.modal():
            gs.map.camera.zoom(1 if event.y > 0 else -1, gs.mouse)
            rehover(gs)
        return
    pos = event.pos
    if event.type == pygame.MOUSEMOTION:
        gs.mouse = pos
        gs.key_tip = False
        gs.hover_time = 0.0
        if gs.mini_drag:
            gs.minimap.click(pos)
        elif gs.press is not None and (event.buttons[0] or event.buttons[1]):
            if gs.dragging or math.dist(pos, gs.press) > 5:
                gs.dragging = True
                gs.map.camera.pan(-event.rel[0], -event.rel[1])
        h = gs.map.pick(pos) if not gs.modal() else None
        gs.overlay.hover = h
        if h is not None:
            gs.overlay.cursor = h            # the keys go on from where the mouse is
        mode.hover(gs, h)
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
                mode.click(gs, h)


def select_at(gs, h: Hex) -> None:
    """Select what is at `h`: one of the player's armies there (a second click picks the
    next), else the largest army there, else the city, else nothing."""
    view = gs.view()
    me = gs.human_to_play()
    ov = gs.overlay
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
    if here:
        gs.select_army(max(here, key=lambda x: x.men).id)
        return
    cid = gs.scn.city_at.get(h)
    if cid is not None and cid in view.cities:
        gs.select_city(cid)
        return
    gs.deselect()


def on_key(gs, event, mode=None) -> None:
    k = event.key
    ctrl = event.mod & pygame.KMOD_CTRL
    act = bound(gs, event)
    if act in keys.PAN:
        gs.held.add(k)
        return
    if mode is not None and not gs.modal():
        if act in keys.CURSOR:
            move_cursor(gs, mode, keys.CURSOR[act])
            return
        if k in keys.KEYPAD:
            move_cursor(gs, mode, keys.KEYPAD[k])
            return
        if act == "act" or k == keys.KEYPAD_ACT:
            if gs.overlay.cursor is None:
                move_cursor(gs, mode, None)
            elif gs.overlay.cursor is not None:
                mode.click(gs, gs.overlay.cursor)
            return
    if ctrl and k == pygame.K_s:
        gs.open_saves("save")
    elif ctrl and k == pygame.K_l:
        gs.open_saves("load")
    elif k == pygame.K_ESCAPE:
        if gs.overlay.selected_army or gs.overlay.selected_city:
            gs.deselect()
        else:
            gs.open_menu()
    elif act == "centre":
        gs.center_selection()
    elif act == "aims":
        gs.open_aims()
    elif act == "armies":
        gs.open_army_list()
    elif act == "concepts":
        gs.open_concepts()
    elif act == "tint":
        gs.toggle_tint()
    elif act == "mute":
        gs.toggle_mute()
    elif act == "zoom_in" or k in (pygame.K_PLUS, pygame.K_KP_PLUS):
        gs.map.camera.zoom(1)
        rehover(gs)
    elif act == "zoom_out" or k == pygame.K_KP_MINUS:
        gs.map.camera.zoom(-1)
        rehover(gs)
    elif act == "quick_save":
        gs.quick_save()
    elif act == "quick_load":
        gs.quick_load()
    elif k == pygame.K_F6 and gs.app.author:
        gs.reload_scenario()
    elif k == pygame.K_F7 and gs.app.author:
        gs.events_panel = not gs.events_panel


def rehover(gs) -> None:
    """The map moved under a still mouse (a zoom, the keys panning): the hex under the
    cursor is looked up again, so the tooltip and the march preview follow the map."""
    if gs.mouse is None or gs.modal():
        return
    h = gs.map.pick(gs.mouse)
    if h != gs.overlay.hover:
        gs.overlay.hover = h
        gs.hover_time = 0.0                  # the new hex's note comes after the usual pause
        gs.mode().hover(gs, h)


def on_button(gs, el) -> None:
    hud = gs.hud
    if hud is None:
        return
    if el is hud.menu_btn:
        gs.open_menu()
    elif el is hud.help_btn:
        gs.app.toggle_help()
    elif el is hud.aims_btn:
        gs.open_aims()
    elif el is hud.armies_btn:
        gs.open_army_list()


def draw_tooltip(gs, surface) -> None:
    """The map tooltip: what is under the cursor, and the odds of an attack."""
    at = gs.mouse
    if gs.key_tip and gs.overlay.cursor is not None:     # the keys moved the cursor last
        x, y = gs.map.screen_of(gs.overlay.cursor)
        at = (int(x), int(y) + 8)
    if at is None or gs.modal() or gs.dragging or gs.mini_drag \
            or gs.hover_time < TOOLTIP_DELAY or gs.playback is not None:
        return
    if not gs.key_tip and gs.minimap is not None and gs.minimap.rect.collidepoint(gs.mouse):
        notes.tooltip(surface, [_("The whole map"), _("Click or drag to move the view there")],
                      gs.mouse)
        return
    h = gs.overlay.hover
    if h is None or (not gs.key_tip and gs.ui_hovered()):
        return
    key = (gs.version, gs.overlay.version, h)
    if key != gs._tip_key:
        gs._tip_key = key
        a = gs.selected_army()
        from game.ui import describe
        own = a if a is not None and a.faction == gs.human_to_play() else None
        gs._tip_lines = describe.hover_lines(gs.view(), h, own)
        if gs.overlay.path_label:
            gs._tip_lines.append(_("March: {route}").format(route=gs.overlay.path_label))
    notes.tooltip(surface, gs._tip_lines, at, gs.map.camera.viewport)
