"""New game: pick a scenario, who plays each side, and the seed.

With two or more human sides the game is played hot-seat, and each human
side may set a password that the handover gate will ask for; only its
salted hash is kept (game.session.password).

Every scenario is listed: the shipped ones, then the player's own (from their
scenarios folder or --scenarios, marked as theirs; see game.scenario.load); a
broken one is listed as broken with its first problems, and cannot be started.  Choosing one shows its
title, years, description, each side's briefing and a small picture of its
map with the area in play framed.  Below the sides, the text of each difficulty
chosen for a computer side says how that level plays and that it gets no bonus.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import (UIButton, UIDropDownMenu, UIImage, UILabel, UISelectionList,
                                 UITextBox, UITextEntryLine)

from game.ai import LEVELS
from game.cli import program_name
from game.scenario.load import Listed, listed_scenarios, load_scenario, search_folders
from game.scenario.yamlsrc import InputError
from game.session.password import hash_password
from game.ui import palette as P
from game.i18n import _, ngettext
from game.scenario.lang import text as scenario_text
from game.session import seats
from game.ui import describe
from game.ui.dialogs import esc, hide_text, prose
from game.ui.map_marks import mini_mark
from game.scenario.emblems import emblems_of
from game.ui.geometry import center, map_size_units
from game.ui.screens.base import Screen
from game.ui.shown import shown
from game.ui.scale import px

def human_label() -> str:
    return _("Human")


def computer_labels() -> dict[str, str]:
    """Difficulty -> what the side's menu says, in the language in use."""
    return {lv: _("Computer ({level})").format(level=describe.level_text(lv)) for lv in LEVELS}


@dataclass
class Choice:
    path: Path
    scn: object | None
    problems: list[str]
    players_own: bool = False            # from the player's folder or --scenarios
    where: str = ""                      # its file, within the folder it came from

    def row(self) -> str:
        mark = "  [" + _("yours") + "]" if self.players_own else ""
        if self.scn is None:
            return f"{shown(self.path.stem)}  -  {_('BROKEN')}{mark}"
        title = scenario_text(self.scn, "title", self.scn.title)
        return f"{shown(title)}  ({self.scn.years()}){mark}"


def scan(folder: Path | None) -> list[Choice]:
    """The scenarios to offer; `folder` stands in for the game's own (tests)."""
    return [_choice(item) for item in listed_scenarios(search_folders(folder))]


def _choice(item: Listed) -> Choice:
    f, own, where = item.path, item.players_own, item.where()
    clash = item.clash()
    if clash is not None:
        return Choice(f, None, [str(clash)], own, where)
    try:
        return Choice(f, load_scenario(f), [], own, where)
    except InputError as exc:
        return Choice(f, None, [str(p) for p in exc.problems[:5]], own, where)
    except Exception as exc:    # whatever one file holds, the menu still opens
        return Choice(f, None, [f"{f}: cannot be read ({type(exc).__name__}: {exc})"], own,
                      where)


def thumbnail(scn, size: tuple[int, int]) -> pygame.Surface:
    """The scenario's map, small, with its cities and armies and their area framed."""
    from game.ui.terrain_raster import TerrainRaster
    hm = scn.map
    uw, uh = map_size_units(hm.width, hm.height)
    s = min(size[0] / uw, size[1] / uh)
    w, h = max(1, int(uw * s)), max(1, int(uh * s))
    arr = TerrainRaster(hm).render(s, 0, 0, w, h, grid=False)
    surf = pygame.Surface((w, h))
    surf.blit(pygame.image.frombuffer(arr.tobytes(), (w, h), "RGB"), (0, 0))
    colors = {f.id: P.hex_to_rgb(f.color) for f in scn.spec.factions}
    emblems = emblems_of(scn.spec.factions)     # each side's shape, not its colour alone
    k = px(3)
    pts = []
    for h_, cid in scn.city_at.items():
        owner = next((c.owner for c in scn.spec.cities if c.id == cid), None)
        x, y = center(h_)
        p = (round(x * s), round(y * s))
        pts.append(p)
        mark = mini_mark(emblems.get(owner, ""), colors.get(owner, (128, 128, 128)), k)
        surf.blit(mark, mark.get_rect(center=p))
    for a in scn.spec.armies:
        hx = next((hh for hh, c in scn.city_at.items() if c == a.at), None) or hm.resolve(a.at)
        if hx is None:
            continue
        x, y = center(hx)
        p = (round(x * s), round(y * s))
        pts.append(p)
        mark = mini_mark(emblems.get(a.faction, ""), colors.get(a.faction, (128, 128, 128)),
                         k, army=True)
        surf.blit(mark, mark.get_rect(center=p))
    if pts:
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        m = px(10)
        box = pygame.Rect(min(xs) - m, min(ys) - m, max(xs) - min(xs) + 2 * m,
                          max(ys) - min(ys) + 2 * m)
        if box.w < w - 10 or box.h < h - 10:
            pygame.draw.rect(surf, P.SELECT, box.clip(surf.get_rect()), px(2))
    return surf


class NewGame(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.choices = scan(app.scenario_dir)
        self.index: int | None = None
        self.side_menus: dict[str, UIDropDownMenu] = {}
        self.passwords: dict[str, UITextEntryLine] = {}
        self.sides: dict[str, str] = {}
        self.side_widgets: list = []
        self.thumbs: dict[int, pygame.Surface] = {}
        self.levels_box: UITextBox | None = None

    def build(self) -> None:
        w, h = self.size
        self.add(UILabel(pygame.Rect(0, px(10), w, px(60)), _("New game"), self.manager,
                         object_id="@title"))
        lw = min(px(380), w // 3)
        m, top = px(24), px(76)
        if self.index is None:
            self.index = next((i for i, c in enumerate(self.choices) if c.scn is not None), None)
        items = [(c.row(), f"#scn_{i}") for i, c in enumerate(self.choices)]
        self.list = self.add(UISelectionList(
            pygame.Rect(m, top, lw, h - top - px(80)), items, self.manager,
            default_selection=items[self.index] if self.index is not None else None))
        rx = m + lw + px(20)
        rw = w - rx - m
        self.rx, self.rw = rx, rw
        self.heading = self.add(UILabel(pygame.Rect(rx, top, rw, px(30)), "", self.manager,
                                        object_id="@heading"))
        self.sub = self.add(UILabel(pygame.Rect(rx, top + px(30), rw, px(24)), "",
                                    self.manager))
        tw = min(px(360), rw // 2)
        ty = top + px(60)
        by = h - px(64)
        # the picture and the description leave room for the sides (up to six) below, and
        # for the text of the difficulties chosen (three lines; it scrolls if longer)
        th = max(px(90), min(tw * 2 // 3, by - ty - px(14 + 32 + 6 * 38 + 8 + 72)))
        self.thumb_rect = pygame.Rect(rx + rw - tw, ty, tw, th)
        self.desc = self.add(UITextBox("", pygame.Rect(rx, ty, rw - tw - px(12),
                                                       self.thumb_rect.h), self.manager))
        self.thumb = None
        self.sides_y = ty + self.thumb_rect.h + px(14)
        self.back = self.add(UIButton(pygame.Rect(m, by, px(140), px(44)), _("Back"),
                                      self.manager))
        self.start = self.add(UIButton(pygame.Rect(w - m - px(200), by, px(200), px(44)),
                                       _("Start"), self.manager, object_id="@big_button",
                                       tool_tip_text=_("Begin the war")))
        self.seed_label = self.add(UILabel(pygame.Rect(rx, by + px(6), px(110), px(32)),
                                           _("Seed:"), self.manager))
        self.seed = self.add(UITextEntryLine(pygame.Rect(rx + px(110), by + px(6), px(160),
                                                         px(32)),
                                             self.manager, placeholder_text=_("random")))
        self.seed.set_tooltip(_("The same seed and the same orders give the same war; leave it "
                                "empty for a new one"), delay=0.3)
        self.start.disable()
        if not self.choices:
            self.heading.set_text(_("No scenarios found"))
            where = ", ".join(str(f) for f, _ in search_folders(self.app.scenario_dir))
            self.desc.set_text(esc(_("There are no scenario files in {where}.").format(where=where)))
        if self.index is not None:
            self.pick(self.index)

    def _drop_scenario(self) -> None:
        """Remove the picked scenario's side menus, passwords and map thumbnail."""
        for wdg in self.side_widgets:
            wdg.kill()
        self.side_widgets = []
        self.levels_box = None
        self.side_menus = {}
        self.passwords = {}
        if self.thumb is not None:
            self.thumb.kill()
            self.thumb = None

    def clear(self) -> None:
        self._drop_scenario()
        super().clear()

    def pick(self, i: int) -> None:
        self.index = i
        c = self.choices[i]
        self._drop_scenario()
        if c.scn is None:
            self.heading.set_text(_("{file}: this scenario is broken").format(
                file=shown(c.path.name)))
            self.sub.set_text(_("Fix it ({command} validate shows every problem) to play it.")
                              .format(command=program_name()))
            self.desc.set_text("<br>".join(esc(shown(p, 600)) for p in c.problems))
            self.start.disable()
            return
        scn = c.scn
        self.heading.set_text(scenario_text(scn, "title", scn.title))
        turns = scn.total_turns
        if scn.months_per_turn == 3:
            length = ngettext("{start} to {end}: {n} turn of a season",
                              "{start} to {end}: {n} turns of a season", turns)
        else:
            length = ngettext("{start} to {end}: {n} turn of a month",
                              "{start} to {end}: {n} turns of a month", turns)
        mine = ";  " + _("yours: {file}").format(file=shown(c.where)) if c.players_own else ""
        self.sub.set_text(length.format(start=scn.spec.start, end=scn.spec.end, n=turns) + mine)
        briefs = "".join(
            f"<br><br><b>{esc(scenario_text(scn, f'factions.{f.id}.name', f.name))}</b>: "
            f"{esc(prose(scenario_text(scn, f'factions.{f.id}.briefing', f.briefing)))}"
            for f in scn.spec.factions if f.briefing)
        self.desc.set_text(esc(prose(scenario_text(scn, "description", scn.spec.description)))
                           + briefs)
        key = (i, self.thumb_rect.size)
        if key not in self.thumbs:
            self.thumbs[key] = thumbnail(scn, self.thumb_rect.size)
        img = self.thumbs[key]
        rect = img.get_rect(center=self.thumb_rect.center)
        self.thumb = UIImage(rect, img, self.manager)
        self.sides = seats.default_sides(scn)
        y = self.sides_y
        self.side_widgets.append(UILabel(pygame.Rect(self.rx, y, self.rw, px(28)),
                                         _("Who plays"), self.manager, object_id="@heading"))
        y += px(32)
        cw = min(px(270), (self.rw - px(20)) // 3)          # name, who plays, password
        emblems = emblems_of(scn.spec.factions)
        for f in scn.spec.factions:
            # the side's mark as on the picture above: its emblem, then its name
            mark = mini_mark(emblems[f.id], P.hex_to_rgb(f.color), px(6))
            self.side_widgets.append(UIImage(mark.get_rect(midleft=(self.rx, y + px(16))),
                                             mark, self.manager))
            room = mark.get_width() + px(6)
            lab = UILabel(pygame.Rect(self.rx + room, y, cw - room, px(32)),
                          scenario_text(scn, f"factions.{f.id}.name", f.name), self.manager)
            self.side_widgets.append(lab)
            if f.playable:
                options = [human_label()] + [computer_labels()[lv] for lv in LEVELS]
                current = self.label_of(self.sides[f.id])
                dd = UIDropDownMenu(options, current,
                                    pygame.Rect(self.rx + cw + px(10), y, cw, px(32)),
                                    self.manager)
                self.side_menus[f.id] = dd
                self.side_widgets.append(dd)
                pw = UITextEntryLine(pygame.Rect(self.rx + 2 * cw + px(20), y, cw, px(32)),
                                     self.manager,
                                     placeholder_text=_("password (optional)"))
                hide_text(pw)
                pw.set_tooltip(_("With two or more human sides, the screen is passed between "
                                 "the players; a password keeps the others out of this side's "
                                 "turn"), delay=0.3)
                self.passwords[f.id] = pw
                self.side_widgets.append(pw)
                self._lock(f.id)
            else:
                lab2 = UILabel(pygame.Rect(self.rx + cw + px(10), y, 2 * cw + px(10), px(32)),
                               _("Computer (not playable)") +
                               ("" if f.in_play else _("; enters the war later")), self.manager)
                lab2.set_tooltip(_("A minor power: the computer always plays it"), delay=0.3)
                self.side_widgets.append(lab2)
            y += px(38)
        by = self.size[1] - px(64)
        self.levels_box = UITextBox("", pygame.Rect(self.rx, y + px(2), self.rw,
                                                    max(px(40), by - y - px(8))),
                                    self.manager)
        self.side_widgets.append(self.levels_box)
        self.show_levels()
        self.start.enable()

    def chosen_levels(self) -> list[str]:
        """The difficulties chosen for the computer's playable sides, in the menu's order."""
        scn = self.choices[self.index].scn if self.index is not None else None
        playable = {f.id for f in scn.spec.factions if f.playable} if scn else set()
        used = {seats.level_of(who) for fid, who in self.sides.items()
                if fid in playable and not seats.is_human(who)}
        return [lv for lv in LEVELS if lv in used]

    def show_levels(self) -> None:
        """Each chosen difficulty's text under the sides (none: every side is a person's)."""
        if self.levels_box is None:
            return
        self.levels_box.set_text("<br>".join(esc(describe.level_description(lv))
                                             for lv in self.chosen_levels()))

    def _lock(self, fid: str) -> None:
        """A password only for a human side."""
        pw = self.passwords.get(fid)
        if pw is None:
            return
        if seats.is_human(self.sides.get(fid)):
            pw.enable()
        else:
            pw.set_text("")
            pw.disable()

    def chosen_passwords(self) -> dict[str, str]:
        """Side -> salted hash, for each human side given a password."""
        return {f: hash_password(pw.get_text()) for f, pw in self.passwords.items()
                if seats.is_human(self.sides.get(f)) and pw.get_text()}

    @staticmethod
    def label_of(who: str) -> str:
        return human_label() if seats.is_human(who) else computer_labels()[seats.level_of(who)]

    def handle(self, event):
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and event.ui_element is self.list:
            sel = self.list.get_single_selection(include_object_id=True)
            if sel is not None:
                self.pick(int(sel[1].split("_")[-1]))
            return None
        if event.type == pygame_gui.UI_DROP_DOWN_MENU_CHANGED:
            for fid, dd in self.side_menus.items():
                if event.ui_element is dd:
                    text = event.text
                    if text == human_label():
                        self.sides[fid] = seats.HUMAN
                    else:
                        lv = next((k for k, v in computer_labels().items() if v == text),
                                  "normal")
                        self.sides[fid] = seats.computer(lv)
                    self._lock(fid)
                    self.show_levels()
            return None
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.back:
                from game.ui.screens.main_menu import MainMenu
                return MainMenu(self.app)
            if event.ui_element is self.start:
                return self.begin()
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            from game.ui.screens.main_menu import MainMenu
            return MainMenu(self.app)
        return None

    def begin(self):
        if self.index is None or self.choices[self.index].scn is None:
            return None
        text = self.seed.get_text().strip()
        if text:
            try:
                seed = int(text)
            except ValueError:
                self.seed.set_text("")
                self.desc.set_text(_("The seed must be a whole number (or empty for a random one)."))
                return None
        else:
            seed = random.randrange(1 << 31)
        from game.ui.screens.game_screen import GameScreen
        return GameScreen.new(self.app, self.choices[self.index].scn, seed, dict(self.sides),
                              self.chosen_passwords())

    def draw(self, surface: pygame.Surface) -> None:
        from game.ui.screens.main_menu import backdrop
        if getattr(self, "_bg", None) is None or self._bg.get_size() != surface.get_size():
            self._bg = backdrop(surface.get_size())
        surface.blit(self._bg, (0, 0))
