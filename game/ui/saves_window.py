"""The save and load window: a list of saved games with what each holds.

Each row shows the save's name, scenario, date in the game, who plays
which side and when it was saved; a damaged file is listed as damaged with
the reason, and cannot be loaded (it is never changed).  In save mode a
name box gives the file name; saving over an existing name asks first.
"""
from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel, UISelectionList, UITextBox, UITextEntryLine, UIWindow

from game.i18n import _
from game.ui.describe import seat_text
from game.session.save import SaveError, SaveMeta, read_meta
from game.session import seats
from game.ui.dialogs import centred, esc
from game.ui.scale import px
from game.ui.shown import shown

QUICK = "quicksave"


@dataclass
class Entry:
    path: Path
    meta: SaveMeta | None
    error: str | None
    mtime: float

    @property
    def name(self) -> str:
        return shown(self.path.stem)

    @property
    def sides(self) -> dict:
        """Who plays each side, as saved (nothing, if that part of the file is damaged)."""
        sides = self.meta.sides if self.meta is not None else None
        return {shown(f, 40): shown(w, 40) for f, w in list(sides.items())[:20]
                if isinstance(w, str)} if isinstance(sides, dict) else {}

    def row(self) -> str:
        if self.meta is None:
            return _("{name}: damaged, cannot be loaded").format(name=self.name)
        m = self.meta
        when = shown(m.saved_at.replace("T", " ")[5:16]) if m.saved_at else ""
        humans = [f.replace("_", " ").title() for f, w in self.sides.items() if seats.is_human(w)]
        who = f", {' & '.join(humans)}" if humans else ", " + _("computer only")
        if len(humans) >= 2:
            who += " " + _("(hot-seat)")
        return f"{self.name}: {shown(m.date, 20)}, {shown(m.scenario_title, 60)}{who} ({when})"

    def details(self) -> str:
        if self.meta is None:
            return (f"<b>{esc(self.name)}</b><br><font color='#e05a50'>"
                    + _("This save cannot be loaded:") + f"</font> {esc(shown(self.error, 600))}")
        m = self.meta
        sides = ", ".join(f"{f.replace('_', ' ').title()}: {seat_text(w)}"
                          for f, w in self.sides.items()) or _("not recorded")
        saved = shown(m.saved_at.replace("T", " ")) if m.saved_at else "?"
        locked = m.extra.get("passwords") if isinstance(m.extra, dict) else None
        hot = ""
        if sum(seats.is_human(w) for w in self.sides.values()) >= 2:
            hot = "<br><i>" + _("Hot-seat: it opens at the handover screen")
            if isinstance(locked, dict) and locked:
                hot += "; " + _("a password guards {sides}").format(sides=esc(", ".join(
                    shown(f).replace("_", " ").title() for f in list(locked)[:20])))
            hot += ".</i>"
        return (f"<b>{esc(self.name)}</b><br>"
                + _("Scenario: {title}").format(title=esc(shown(m.scenario_title))) + "<br>"
                + _("In the game: {date}, turn {turn}").format(date=esc(shown(m.date, 20)),
                                                              turn=shown(m.turn, 20)) + "<br>"
                + _("Sides: {sides}").format(sides=esc(sides)) + "<br>"
                + _("Saved: {when}").format(when=esc(saved)) + hot)


def list_saves(folder: Path) -> list[Entry]:
    out = []
    if not folder.is_dir():
        return out
    for p in folder.glob("*.json"):
        try:
            if not p.is_file():
                continue
            meta, err = read_meta(p), None
        except SaveError as exc:
            meta, err = None, str(exc).split(": ", 1)[-1]
        except Exception as exc:    # whatever one file holds, the window still opens
            meta, err = None, f"cannot be read ({type(exc).__name__})"
        try:
            mtime = p.stat().st_mtime
        except OSError:
            mtime = 0.0
        out.append(Entry(p, meta, err, mtime))
    out.sort(key=lambda e: -e.mtime)
    return out


def safe_name(text: str) -> str:
    """A file name from what the player typed: letters, digits, - and _ only."""
    name = re.sub(r"[^A-Za-z0-9_\- ]+", "", text).strip().replace(" ", "_")
    return name[:60] or time.strftime("save_%Y%m%d_%H%M%S")


class SavesWindow(UIWindow):
    """mode 'save' or 'load'; on_done(action, path) with action 'save', 'load' or None."""

    def __init__(self, manager, screen_size, mode: str, folder: Path, on_done,
                 default_name: str = ""):
        rect = centred(screen_size, (920, 560))
        super().__init__(rect, manager, window_display_title=_("Save the game") if mode == "save"
                         else _("Load a game"), object_id="#saves")
        self.set_blocking(True)
        self.mode = mode
        self.folder = folder
        self.on_done = on_done
        inner = self.get_container().get_rect()
        iw, ih = inner.w, inner.h
        self.entries = list_saves(folder)
        list_w = iw * 62 // 100
        bottom = px(46)
        top = px(8)
        if mode == "save":
            UILabel(pygame.Rect(px(10), px(8), px(100), px(32)), _("Name:"), manager,
                    container=self)
            self.name = UITextEntryLine(pygame.Rect(px(110), px(8), list_w - px(100), px(32)),
                                        manager,
                                        container=self)
            self.name.set_text(default_name)
            self.name.set_tooltip(_("The save's file name; saving over a name replaces that "
                                    "save (the old one is kept as a backup)"), delay=0.4)
            top = px(48)
        self.list = UISelectionList(pygame.Rect(px(10), top, list_w, ih - top - bottom - px(8)),
                                    [(e.row(), f"#save_{i}") for i, e in enumerate(self.entries)],
                                    manager, container=self)
        self.info = UITextBox(_("Choose a save from the list.") if self.entries else
                              _("There are no saved games yet."),
                              pygame.Rect(list_w + px(18), top, iw - list_w - px(28),
                                          ih - top - bottom - px(8)),
                              manager, container=self)
        by = ih - bottom + px(4)
        self.ok = UIButton(pygame.Rect(iw - px(10 + 110), by, px(110), px(34)),
                           _("Save") if mode == "save" else _("Load"), manager, container=self)
        self.cancel = UIButton(pygame.Rect(iw - px(10 + 110 + 8 + 100), by, px(100), px(34)),
                               _("Cancel"),
                               manager, container=self)
        self.delete = UIButton(pygame.Rect(px(10), by, px(130), px(34)), _("Delete"), manager,
                               container=self,
                               tool_tip_text=_("Delete the chosen save (press twice)"))
        self.selected: Entry | None = None
        self.confirming = False
        self._refresh_buttons()

    def _refresh_buttons(self) -> None:
        if self.mode == "load":
            if self.selected is not None and self.selected.meta is not None:
                self.ok.enable()
            else:
                self.ok.disable()
        if self.selected is None:
            self.delete.disable()
        else:
            self.delete.enable()

    def select_index(self, i: int) -> None:
        self.selected = self.entries[i]
        self.confirming = False
        self.delete.set_text(_("Delete"))
        self.info.set_text(self.selected.details())
        if self.mode == "save":
            self.name.set_text(self.selected.name)
        self._refresh_buttons()

    def handle(self, event) -> bool:
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and event.ui_element is self.list:
            sel = self.list.get_single_selection(include_object_id=True)
            if sel is not None:
                idx = int(sel[1].split("_")[-1])
                self.select_index(idx)
            return True
        if event.type == pygame_gui.UI_SELECTION_LIST_DOUBLE_CLICKED_SELECTION and \
                event.ui_element is self.list and self.mode == "load":
            self._press_ok()
            return True
        if event.type == pygame_gui.UI_TEXT_ENTRY_FINISHED and self.mode == "save" and \
                event.ui_element is self.name:
            self._press_ok()
            return True
        if event.type != pygame_gui.UI_BUTTON_PRESSED:
            return False
        if event.ui_element is self.ok:
            self._press_ok()
            return True
        if event.ui_element is self.cancel or event.ui_element is self.close_window_button:
            self.done(None, None)
            return True
        if event.ui_element is self.delete and self.selected is not None:
            if not self.confirming:             # a second press deletes
                self.confirming = True
                self.delete.set_text(_("Really delete?"))
                return True
            try:
                self.selected.path.unlink()
            except OSError as exc:
                self.info.set_text(_("Cannot delete it: {error}").format(
                    error=esc(exc.strerror or str(exc))))
                return True
            self._reload()
            return True
        return False

    def _reload(self) -> None:
        self.entries = list_saves(self.folder)
        self.list.set_item_list([(e.row(), f"#save_{i}") for i, e in enumerate(self.entries)])
        self.selected = None
        self.confirming = False
        self.delete.set_text(_("Delete"))
        self.info.set_text(_("Choose a save from the list.") if self.entries else
                           _("There are no saved games yet."))
        self._refresh_buttons()

    def _press_ok(self) -> None:
        if self.mode == "save":
            path = self.folder / f"{safe_name(self.name.get_text())}.json"
            self.done("save", path)
        elif self.selected is not None and self.selected.meta is not None:
            self.done("load", self.selected.path)

    def on_close_window_button_pressed(self):
        self.done(None, None)

    def done(self, action, path) -> None:
        self.kill()
        if self.on_done is not None:
            cb, self.on_done = self.on_done, None
            cb(action, path)
