"""The end of the war: who won and why, the war against history, and the charts.

The war is over, so everyone sees everything: the charts come from the
omniscient View, and the record is the full event log.
"""
from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.session.view import observe
from game.ui import charts
from game.session import seats
from game.ui.dialogs import esc
from game.ui.screens.base import Screen
from game.ui.scale import px

KIND_WORDS = {"decisive": "a decisive victory", "major": "a major victory",
              "minor": "a minor victory", "peace": "a negotiated peace",
              "undecided": "no victor"}


def history_summary_html(state) -> str | None:
    """The "war against history" rows, if the events module provides them."""
    try:
        from game.events.history import summary
    except ImportError:
        return None
    rows = summary(state)
    if not rows:
        return None
    lines = []
    for row in rows:
        text = getattr(row, "text", None)
        if text is None and isinstance(row, dict):
            text = row.get("text")
        lines.append(f"• {esc(str(text if text is not None else row))}")
    return "<br>".join(lines)


class VictoryScreen(Screen):
    def __init__(self, app, session, log_lines: list[str]):
        super().__init__(app)
        self.session = session
        self.log_lines = log_lines
        self.images: list[tuple[pygame.Surface, tuple[int, int]]] = []

    def build(self) -> None:
        st = self.session.state
        w, h = self.size
        viewer = seats.viewer(self.session.sides, st.active_faction)
        view = observe(st, viewer)
        winner = st.factions[st.winner].name if st.winner else None
        kind = KIND_WORDS.get(st.result_kind, st.result_kind or "the end")
        title = f"{winner}: {kind}" if winner else "The war ends undecided"
        self.add(UILabel(pygame.Rect(0, px(10), w, px(60)), title, self.manager,
                         object_id="@title"))
        you = ""
        if viewer is not None and st.winner and not seats.hotseat(self.session.sides):
            you = "  You have won." if st.winner == viewer else "  You have lost."
        why = st.result_text or ""
        why = why[:1].upper() + why[1:]
        self.add(UILabel(pygame.Rect(0, px(70), w, px(28)),
                         f"{why}  ({st.date_text()}, turn {st.turn}){you}",
                         self.manager, object_id="@subtitle"))
        # left: the war against history, the record of the war
        col_w = min(px(440), w // 3)
        top, foot, m = px(110), px(70), px(20)
        hist = history_summary_html(st)
        stats = []
        for fid in st.order:
            f = st.factions[fid]
            if not (f.in_play or f.major):
                continue
            cities = sum(1 for c in st.cities.values() if c.owner == fid)
            stats.append(f"<b>{esc(f.name)}</b>: {cities} cities, treasury {f.treasury:,}, "
                         f"{f.men_lost:,} men lost, war-weariness {f.war_weariness}")
        body = "<font color='#d6b04a'><b>Your war against history</b></font><br>"
        body += hist if hist else ("<i>The comparison with the real war is not available in "
                                   "this version.</i>")
        body += "<br><br><font color='#d6b04a'><b>The powers at the end</b></font><br>"
        body += "<br>".join(stats)
        if self.log_lines:
            body += "<br><br><font color='#d6b04a'><b>What happened</b></font><br>"
            body += "<br>".join(esc(x) for x in self.log_lines[-40:])
        self.add(UITextBox(body, pygame.Rect(m, top, col_w, h - top - foot), self.manager))
        # right: the charts
        cx = m + col_w + px(16)
        cw = w - cx - m
        ch = (h - top - foot - 2 * px(10)) // 3
        imgs = charts.charts_for(view, cw, ch)
        self.images = [(img, (cx, top + i * (ch + px(10)))) for i, img in enumerate(imgs)]
        by = h - px(56)
        self.map_btn = self.add(UIButton(pygame.Rect(w // 2 - px(290), by, px(180), px(40)),
                                         "Look at the map", self.manager,
                                         tool_tip_text="See the map as the war left it"))
        self.menu_btn = self.add(UIButton(pygame.Rect(w // 2 - px(90), by, px(180), px(40)),
                                          "Main menu",
                                          self.manager, object_id="@big_button"))
        self.quit_btn = self.add(UIButton(pygame.Rect(w // 2 + px(110), by, px(180), px(40)),
                                          "Quit",
                                          self.manager))

    def handle(self, event):
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.menu_btn:
                from game.ui.screens.main_menu import MainMenu
                return MainMenu(self.app)
            if event.ui_element is self.quit_btn:
                self.app.quit()
            if event.ui_element is self.map_btn:
                from game.ui.screens.game_screen import GameScreen
                gs = GameScreen(self.app, self.session, [])
                gs.over_wait = float("inf")       # stay on the map
                gs.logs[None] = list(self.log_lines)
                gs.back_to = self
                return gs
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from game.ui.screens.main_menu import MainMenu
            return MainMenu(self.app)
        return None

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((24, 20, 16))
        for img, pos in self.images:
            surface.blit(img, pos)
