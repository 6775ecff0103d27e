"""The turn flow of the play screen: whose turn it is, what each side is shown when
its turn begins, and the computer's moves.

`TurnFlow` is a part of `GameScreen` (screens/game_screen.py), kept here so
that file holds the screen and its drawing.  At the start of a human side's
turn it queues the briefing (its first turn), the "while you were away"
playback (hot-seat), the summary, the events that fired and an autosave.  In
hot-seat the screen changes hands through the gate (screens/handover.py);
behind the gate the computer sides play on, unseen.  A computer side's
orders are thought out by `computer.Thinker` and applied one by one at the
pace set in the settings.
"""
from __future__ import annotations

import time

import pygame

from game.rules.orders import EndTurn
from game.rules.report import Event
from game.session import objectives as aims
from game.ui import describe
from game.ui import dialogs
from game.session import seats
from game.ui.computer import Thinker
from game.ui.playback import Playback, beats


class TurnFlow:
    """The turn flow methods of GameScreen (see the module's docstring)."""

    # --- hot-seat: the gate and the news ---
    def gate_side(self) -> str | None:
        """The human side that takes the screen next."""
        return seats.next_human(self.state, self.session.sides)

    def needs_gate(self) -> bool:
        """Whether the screen must change hands (hot-seat, the next human is someone else)."""
        if not self.hotseat or self.state.over:
            return False
        side = self.gate_side()
        return side is not None and side != self.owner

    def raise_gate(self):
        """Hide the game: put away what the owner was looking at and show the gate."""
        from game.ui.screens.handover import HandoverScreen
        cam = self.map.camera
        if self.owner is not None:
            self.cameras[self.owner] = (cam.cx, cam.cy, cam.level)
        self.owner = None
        if not self.just_loaded:         # the next side has yet to see its news
            self.news_shown = False
        self._reset_transient()
        self.keep_map = True
        return HandoverScreen(self.app, self)

    def _reset_transient(self) -> None:
        """Forget what the last owner was doing (selection, messages, animations)."""
        self.overlay.selected_army = self.overlay.selected_city = None
        self.overlay.hover = None
        self.refresh_overlay()
        self.toast_text, self.toast_time = "", 0.0
        self.flashes = []
        self.march = None
        self.playback = None
        self.mouse = None
        self.press = None
        self.dragging = self.mini_drag = False
        self.held.clear()
        self.enter_spent = False
        self._tip_key = None
        self._tip_lines = []
        self._view_key = None

    def play_hidden(self, dt: float) -> bool:
        """Behind the gate the computer sides play on, unseen.  True once the side at the
        gate may take the screen (its turn has come, or the war is over)."""
        st = self.state
        if st.over or seats.is_human(self.session.sides.get(st.active_faction)):
            return True
        key = (st.turn, st.active_faction)
        if key != self.turn_key:
            self.turn_key = key
            self.turn_begins()
            return False
        self.skip = True
        self.computer_step(dt)
        return False

    def hand_over(self, side: str) -> None:
        """The gate was passed: the screen is `side`'s, with its own camera."""
        self.owner = side
        self._reset_transient()
        cam = self.map.camera
        saved = self.cameras.get(side)
        if saved is not None:
            cam.cx, cam.cy, cam.level = saved
            cam.level = max(cam.level, cam.min_level)
            cam.clamp()
        else:
            cam.level = cam.fit_level()
            own = [a for a in self.view().armies.values() if a.faction == side]
            if own:
                self.map.center_on(max(own, key=lambda a: a.men).hex)

    def start_playback(self, news: list[Event]) -> None:
        items = beats(news)
        if not items:
            return
        self.playback = Playback(items, self.app.settings.animation_speed)
        self._make_skip_button()

    def _make_skip_button(self) -> None:
        from pygame_gui.elements import UIButton
        if self.skip_btn is not None or self.hud is None:
            return
        vp = self.hud.map_rect
        self.skip_btn = UIButton(pygame.Rect(vp.right - 130, vp.top + 10, 120, 34), "Skip (Esc)",
                                 self.manager, tool_tip_text="Skip the rest of the news")

    def end_playback(self) -> None:
        self.playback = None
        if self.skip_btn is not None:
            self.skip_btn.kill()
            self.skip_btn = None

    def _update_playback(self, dt: float) -> None:
        pb = self.playback
        pb.update(dt)
        if pb.done:
            self.end_playback()
            return
        focus = pb.focus()
        if focus is not None:           # the camera follows, gliding
            cam = self.map.camera
            k = min(1.0, dt * 5)
            cam.center_on(cam.cx + (focus[0] - cam.cx) * k, cam.cy + (focus[1] - cam.cy) * k)

    def turn_begins(self) -> None:
        fid = self.state.active_faction
        self.thinker = None
        self.replans = 0
        loaded, self.just_loaded = self.just_loaded, False
        if not seats.is_human(self.session.sides.get(fid)):
            return
        self.skip = False
        self._view_key = None
        self.deselect()
        news = self.start_news.pop(fid, []) + self.session.news_for(fid)
        if loaded and self.news_shown:   # the player is where he saved: no news again
            self.queue.append(lambda: self._say_peace(fid))
            return
        first = fid not in self.briefed
        self.briefed.add(fid)
        self.news_shown = False
        if first:                        # each side's first turn: its briefing
            if self.briefing_text(fid):
                self.queue.append(lambda: self.open_dialog(self.briefing_dialog(fid)))
        if self.hotseat:                 # what it saw while the others played
            self.queue.append(lambda: self.start_playback(news))
        if not first:
            lines = describe.summary_lines(news, fid)
            title = f"{self.state.factions[fid].name}: {self.state.date_text()}"
            self.queue.append(lambda: self.open_dialog(
                dialogs.summary_dialog(self.manager, self.size, title, lines)))
        self.queue_fired(news)
        self.queue.append(self._news_read)
        self.queue.append(lambda: self._say_peace(fid))
        if not loaded and self.autosaved != (self.state.turn, fid):
            self.autosave()
        if not self.hotseat:
            armies = [a for a in self.view().armies.values() if a.faction == fid]
            if armies:          # bring the main army into view if it is not
                main = max(armies, key=lambda a: a.men)
                if not self.map.camera.viewport.collidepoint(self.map.screen_of(main.hex)):
                    self.map.center_on(main.hex)

    def briefing_text(self, fid: str) -> str:
        """The scenario's description and the side's own briefing."""
        spec = next(f for f in self.scn.spec.factions if f.id == fid)
        text = self.scn.spec.description
        if spec.briefing:
            text = (text + "\n\n" if text else "") + f"{spec.name}: {spec.briefing}"
        return text

    def briefing_dialog(self, fid: str):
        text = self.briefing_text(fid) or "This scenario has no briefing."
        h = 170 + 22 * (len(text) // 70 + text.count("\n"))
        return dialogs.Dialog(self.manager, self.size, f"{self.scn.title}: "
                              f"{self.state.date_text()}", dialogs.esc(text), [("OK", True, "")],
                              size=(640, min(560, max(260, h))))

    def _say_peace(self, fid: str) -> None:
        """The status line when the side is at war with nobody (the full war opens so)."""
        note = aims.peace_note(self.state, fid)
        if note and self.human_to_play() == fid:
            self.say(note)

    def _news_read(self) -> None:
        self.news_shown = True

    def computer_step(self, dt: float) -> None:
        st = self.state
        fid = st.active_faction
        t = self.thinker
        if t is None or t.faction != fid or t.turn != st.turn:
            self.thinker = Thinker(st, seats.seat_of(self.session.sides.get(fid)),
                                   threaded=self.app.threaded)
            self.pace = 0.0
            return
        if not t.done:
            return
        if t.error:
            self.say(f"The computer player failed ({t.error}); its turn ends.", bad=True)
            self.thinker = None
            self.do(EndTurn(fid))
            return
        speed = self.app.settings.animation_speed
        self.pace -= dt
        if self.pace > 0 and not self.skip:
            return
        fast = self.skip or speed >= 10
        budget = 0.012 if fast else 0.0
        start = time.perf_counter()
        while True:
            order = t.next_order()
            if order is None:
                self.thinker = None
                return
            if not self.do(order):
                # the real game went otherwise than the clone: think again from here
                self.replans += 1
                self.thinker = None
                if self.replans > 3:
                    self.do(EndTurn(fid))
                return
            if self.state.active_faction != fid or self.state.over or self.queue \
                    or self.march is not None:
                break
            if not fast or time.perf_counter() - start > budget:
                break
        self.pace = 0.08 * (10 - speed)
