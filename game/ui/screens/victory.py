"""The end of the war: who won and why, the war against history, and the charts.

The war is over, so everyone sees everything: the charts come from the
omniscient View, and the record is the full event log.
"""
from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.i18n import N_, _, ngettext, number
from game.session.view import observe
from game.ui import describe
from game.ui import charts
from game.session import seats
from game.ui.dialogs import esc
from game.ui.screens.base import Screen
from game.ui.scale import px

KIND_WORDS = {"decisive": N_("a decisive victory"), "major": N_("a major victory"),
              "minor": N_("a minor victory"), "peace": N_("a negotiated peace"),
              "undecided": N_("no victor")}


def result_text(state) -> str:
    """Why the war ended, in the language in use: the scenario's victory text when the
    result is one of its victories."""
    return describe.victory_text(state, state.result_text or "")


def history_summary_html(state) -> str | None:
    """The "war against history" rows, in the language in use."""
    from game.events.history import summary
    rows = summary(state)
    if not rows:
        return None
    return "<br>".join(f"• {esc(history_row(state, row))}" for row in rows)


def history_row(state, row) -> str:
    """One row of the war against history: the event, when it happened here, and how far
    that is from history."""
    from game import calendar as cal
    title = describe.scenario_text(state.scenario, f"events.{row.event}.title", row.title)
    real = _(describe.MONTH_DATES[cal.year_month(row.historical)[1] - 1]).format(
        year=cal.year_month(row.historical)[0])
    if not row.happened:
        return _("{event}: did not happen (history: {date})").format(event=title, date=real)
    when = describe.date_text(state, *cal.year_month(row.when))
    months = abs(row.diff)
    how = (_("as in history") if row.diff == 0 else
           ngettext("{n} month earlier than history", "{n} months earlier than history",
                    months) if row.diff < 0 else
           ngettext("{n} month later than history", "{n} months later than history",
                    months)).format(n=months)
    return _("{event}: {when}, {how} ({date})").format(event=title, when=when, how=how,
                                                       date=real)


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
        winner = describe.faction_name(st, st.winner) if st.winner else None
        kind = _(KIND_WORDS[st.result_kind]) if st.result_kind in KIND_WORDS else \
            (st.result_kind or _("the end"))
        title = f"{winner}: {kind}" if winner else _("The war ends undecided")
        self.add(UILabel(pygame.Rect(0, px(10), w, px(60)), title, self.manager,
                         object_id="@title"))
        you = ""
        if viewer is not None and st.winner and not seats.hotseat(self.session.sides):
            you = "  " + (_("You have won.") if st.winner == viewer else _("You have lost."))
        why = result_text(st)
        why = why[:1].upper() + why[1:]
        self.add(UILabel(pygame.Rect(0, px(70), w, px(28)),
                         _("{why}  ({date}, turn {turn})").format(
                             why=why, date=describe.now_text(st), turn=st.turn) + you,
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
            stats.append(f"<b>{esc(describe.faction_name(st, fid))}</b>: " + ngettext(
                "{n} city, treasury {gold}, {lost} men lost, war-weariness {weary}",
                "{n} cities, treasury {gold}, {lost} men lost, war-weariness {weary}",
                cities).format(n=cities, gold=number(f.treasury), lost=number(f.men_lost),
                               weary=f.war_weariness))
        body = "<font color='#d6b04a'><b>" + _("Your war against history") + "</b></font><br>"
        body += hist if hist else ("<i>" + _("The comparison with the real war is not "
                                             "available in this version.") + "</i>")
        body += "<br><br><font color='#d6b04a'><b>" + _("The powers at the end") + \
            "</b></font><br>"
        body += "<br>".join(stats)
        if self.log_lines:
            body += "<br><br><font color='#d6b04a'><b>" + _("What happened") + "</b></font><br>"
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
                                         _("Look at the map"), self.manager,
                                         tool_tip_text=_("See the map as the war left it")))
        self.menu_btn = self.add(UIButton(pygame.Rect(w // 2 - px(90), by, px(180), px(40)),
                                          _("Main menu"),
                                          self.manager, object_id="@big_button"))
        self.quit_btn = self.add(UIButton(pygame.Rect(w // 2 + px(110), by, px(180), px(40)),
                                          _("Quit"),
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
