"""The handover gate of a hot-seat game: "pass the device to <side>".

It covers the whole window and draws nothing of the game: no map, no
minimap, no top bar, no event log; only the name and colour of the side to
take the screen, which every player knows anyway.  It appears when a game
with two or more human sides starts, whenever the screen passes from one
human side to another, and after loading such a game.  While it is up the
computer sides play their turns behind it, unseen (`GameScreen.play_hidden`);
the button to go on is enabled once the named side's turn has come.  A side
may have a password (set when the game is made, kept as a salted hash): it
must be typed here, and a wrong one is refused.  The main menu is always one
click away, for a player who cannot go on.

The gate must be passed on purpose: it takes no input for its first moments
(`ARM_SECONDS`), and Enter or Space go on only if they were pressed afresh
while it was up, so the player who has just ended his turn cannot slip
through it with a key still held or pressed once too often.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UITextEntryLine

from game.i18n import _
from game.scenario.lang import text as scenario_text
from game.ui import describe
from game.session.password import check_password, upgrade
from game.ui import fonts
from game.ui.dialogs import hide_text
from game.ui import palette as P
from game.ui.screens.base import Screen
from game.ui.scale import px

ARM_SECONDS = 0.6


@dataclass(frozen=True)
class Gate:
    """What the gate shows: all of it public (who plays next), nothing of the game."""
    side: str | None               # the side to take the screen; None once the war is over
    name: str
    color: tuple[int, int, int]
    locked: bool = False           # the side set a password
    when: str = ""                 # the war and the date, e.g. "Test Theatre, Summer 603"


class HandoverScreen(Screen):
    def __init__(self, app, game=None, gate: Gate | None = None):
        """`game` is the GameScreen behind the gate; `gate` alone draws a gate with no game
        at all (the tests compare the two frames)."""
        super().__init__(app)
        self.game = game
        self.fixed = gate
        self.gate = gate or self._gate_now()
        self.ready = game is None
        self.age = 0.0                 # seconds since the gate went up
        self.released: set[int] = set()     # keys let go of while the gate is up
        self.error = ""
        self.returning = False
        self.next_screen = None
        self.begin_btn = self.menu_btn = self.password = None
        self._bg = None

    @property
    def session(self):
        """The game behind the gate (the crash handler saves it)."""
        return self.game.session if self.game is not None else None

    def _gate_now(self) -> Gate:
        st = self.game.state
        side = None if st.over else self.game.gate_side()
        when = f"{scenario_text(st.scenario, 'title', st.scenario.title)}, " \
               f"{describe.now_text(st)}"
        if side is None:
            return Gate(None, "", P.TEXT_DIM, False, when)
        f = st.factions[side]
        return Gate(side, describe.faction_name(st, side), P.hex_to_rgb(f.color),
                    side in self.game.session.passwords,
                    when)

    # --- widgets ---
    def build(self) -> None:
        w, h = self.size
        g = self.gate
        label = _("Begin the turn of {side}").format(side=g.name) if g.side \
            else _("See how the war ended")
        bw = min(px(520), w - px(80))
        y = h // 2 + px(70)
        if g.locked:
            self.password = self.add(UITextEntryLine(pygame.Rect((w - px(300)) // 2, y, px(300),
                                                                 px(36)),
                                                     self.manager,
                                                     placeholder_text=_("Password of {side}").format(
                                                         side=g.name)))
            hide_text(self.password)
            self.password.focus()
            y += px(52)
        self.begin_btn = self.add(UIButton(pygame.Rect((w - bw) // 2, y, bw, px(50)), label,
                                           self.manager, object_id="@big_button"))
        self.menu_btn = self.add(UIButton(pygame.Rect((w - px(200)) // 2, h - px(80), px(200),
                                                      px(40)),
                                          _("Main menu"), self.manager,
                                          tool_tip_text=_("Leave this game; it can be loaded "
                                                          "again from its save or the autosave")))
        self._enable()

    @property
    def armed(self) -> bool:
        return self.age >= ARM_SECONDS

    def _enable(self) -> None:
        if self.begin_btn is None:
            return
        if self.ready and self.armed:
            self.begin_btn.enable()
        else:
            self.begin_btn.disable()

    # --- the game behind ---
    def update(self, dt: float):
        if self.next_screen is not None:
            nxt, self.next_screen = self.next_screen, None
            return nxt
        was_armed = self.armed
        self.age += dt
        if self.armed != was_armed:
            self._enable()
        if self.game is None or self.fixed is not None:
            return None
        ready = self.game.play_hidden(dt)
        gate = self._gate_now()
        if gate != self.gate:            # the war ended, or another side plays next
            self.gate = gate
            self.error = ""
            self.clear()
            self.build()
        if ready and not self.ready:
            g = self.game
            if gate.side is not None and not g.just_loaded:
                g.autosave()             # the start of this side's turn, news not yet seen
        if ready != self.ready:
            self.ready = ready
            self._enable()
        return None

    def waiting_for(self) -> str:
        """Who is still moving behind the gate (public: the turn order is no secret)."""
        if self.ready or self.game is None:
            return ""
        st = self.game.state
        return _("{side} moving...").format(side=describe.faction_name(st, st.active_faction))

    # --- input ---
    def handle(self, event):
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.begin_btn:
                return self.confirm()
            if event.ui_element is self.menu_btn:
                return self.to_menu()
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and event.ui_element is self.password:
            return self.confirm() if self.password.get_text() else None
        if event.type == pygame.KEYUP:
            self.released.add(event.key)
        if event.type == pygame.KEYDOWN and self.password is None and event.key in (
                pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) \
                and event.key in self.released:
            return self.confirm()
        return None

    def confirm(self):
        if not (self.ready and self.armed) or self.game is None:
            return None
        g = self.gate
        if g.locked:
            stored = self.game.session.passwords.get(g.side, "")
            typed = self.password.get_text() if self.password is not None else ""
            if not check_password(stored, typed):
                self.error = _("That is not the password of {side}.").format(side=g.name)
                self.password.set_text("")
                self.password.focus()
                return None
            stronger = upgrade(stored, typed)      # an older save's weaker hash
            if stronger is not None:
                self.game.session.passwords[g.side] = stronger
        if g.side is not None:
            self.game.hand_over(g.side)
        self.returning = True
        return self.game

    def to_menu(self):
        from game.ui.screens.main_menu import MainMenu
        return MainMenu(self.app)

    def leave(self) -> None:
        super().leave()
        if self.game is not None and not self.returning:
            self.game.keep_map = False
            self.game.map.close()

    # --- drawing: the gate and nothing else ---
    def draw(self, surface: pygame.Surface) -> None:
        from game.ui.screens.main_menu import backdrop
        if self._bg is None or self._bg.get_size() != surface.get_size():
            self._bg = backdrop(surface.get_size())
        surface.blit(self._bg, (0, 0))
        w, h = surface.get_size()
        cx, y = w // 2, h // 2 - px(150)
        g = self.gate
        if g.when:
            img = fonts.text(g.when, px(15), P.TEXT_DIM)
            surface.blit(img, img.get_rect(midtop=(cx, px(28))))
        if g.side is None:
            lines = [(fonts.text(_("The war is over"), px(40), P.GOLD), px(16)),
                     (fonts.text(_("Everyone may look now: the whole map is shown."), px(17),
                                 P.TEXT), 0)]
        else:
            lines = [(fonts.text(_("Pass the device to"), px(22), P.TEXT_DIM), px(10)),
                     (fonts.text(g.name, px(44), P.PAPER), px(14)),
                     (None, px(22)),
                     (fonts.text(_("Everyone else, please look away."), px(17), P.TEXT), 0)]
        for img, gap in lines:
            if img is None:              # the side's colour, as a band under its name
                band = pygame.Rect(0, 0, px(220), px(10))
                band.midtop = (cx, y)
                pygame.draw.rect(surface, g.color, band)
                pygame.draw.rect(surface, P.INK, band, 1)
                y += band.h + gap
                continue
            surface.blit(img, img.get_rect(midtop=(cx, y)))
            y += img.get_height() + gap
        status = self.error or self.waiting_for()
        if status:
            img = fonts.text(status, px(16), P.BAD if self.error else P.TEXT_DIM)
            surface.blit(img, img.get_rect(midtop=(cx, h // 2 + px(30))))
