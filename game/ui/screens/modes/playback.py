"""Playback mode: a hot-seat side's "while you were away" news plays over the map
(game/ui/playback.py).  Space goes to the next item, Esc, Enter or the button
skip the rest; the map may be panned and zoomed, nothing else."""
from __future__ import annotations

import pygame
import pygame_gui

from game.i18n import _
from game.rules.report import Event
from game.ui.playback import Playback, beats
from game.ui.screens import game_input
from game.ui.screens.modes.base import Mode


class PlaybackMode(Mode):
    name = "playback"

    def handle(self, gs, event) -> None:
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element is gs.skip_btn:
            gs.playback.skip()
        elif event.type == pygame.KEYDOWN:
            if event.key == pygame.K_SPACE:
                gs.playback.next()
            elif event.key in (pygame.K_ESCAPE, pygame.K_RETURN, pygame.K_KP_ENTER):
                gs.playback.skip()
        elif event.type in (pygame.MOUSEWHEEL, pygame.MOUSEMOTION):
            game_input.on_mouse(gs, event, self)
        elif event.type == pygame.WINDOWLEAVE:
            gs.mouse = None

    def update(self, gs, dt: float):
        pb = gs.playback
        pb.update(dt)
        if pb.done:
            stop(gs)
            return None
        focus = pb.focus()
        if focus is not None:           # the camera follows, gliding
            cam = gs.map.camera
            k = min(1.0, dt * 5)
            cam.center_on(cam.cx + (focus[0] - cam.cx) * k, cam.cy + (focus[1] - cam.cy) * k)
        return None

    def draw(self, gs, surface) -> None:
        gs.playback.draw(surface, gs.map.camera, gs.map.colors, gs.map.emblems)
        gs.playback.draw_caption(surface, gs.map.camera.viewport)

    def draw_over(self, gs, surface) -> None:
        return None


PLAYBACK = PlaybackMode()


def start(gs, news: list[Event]) -> None:
    """Play back what the side to play saw since its last turn (nothing if nothing)."""
    items = beats(news, gs.view().world)
    if not items:
        return
    gs.playback = Playback(items, gs.app.settings.animation_speed)
    make_skip_button(gs)


def make_skip_button(gs) -> None:
    from pygame_gui.elements import UIButton
    if gs.skip_btn is not None or gs.hud is None:
        return
    vp = gs.hud.map_rect
    from game.ui.scale import px
    gs.skip_btn = UIButton(pygame.Rect(vp.right - px(130), vp.top + px(10), px(120), px(34)),
                           _("Skip (Esc)"),
                           gs.manager, tool_tip_text=_("Skip the rest of the news"))


def stop(gs) -> None:
    gs.playback = None
    if gs.skip_btn is not None:
        gs.skip_btn.kill()
        gs.skip_btn = None
