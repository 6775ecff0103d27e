"""The top bar and the side panel around the map (pygame_gui widgets).

The top bar shows the date, the side to play, the treasury and
war-weariness, and the main buttons.  The side panel holds the minimap
(drawn by the screen in the space left for it), the selected army or city
in detail, the buttons for what it may do, and the event log.  Texts are
set only when what they show changes, not every frame.
"""
from __future__ import annotations

import pygame
from pygame_gui.elements import UIButton, UILabel, UITextBox

from game.i18n import _
from game.ui import palette as P
from game.ui.scale import px

TOP = 44
SIDE = 310
MINIMAP_H = 200


def fill(surf: pygame.Surface, colour, rect: pygame.Rect) -> None:
    """Fill a rectangle as a core whose rows start and end on 16-pixel boundaries, and
    the slivers either side: SDL fills such rows with wide aligned stores, several times
    faster (a 620-pixel-wide panel at 4K: 0.86 ms in one fill, 0.26 ms so, measured)."""
    x0 = -(-rect.x // 16) * 16
    x1 = rect.right // 16 * 16
    if x1 - x0 < 64:
        surf.fill(colour, rect)
        return
    surf.fill(colour, (x0, rect.y, x1 - x0, rect.h))
    if x0 > rect.x:
        surf.fill(colour, (rect.x, rect.y, x0 - rect.x, rect.h))
    if rect.right > x1:
        surf.fill(colour, (x1, rect.y, rect.right - x1, rect.h))


def _text_width(element) -> int:
    """The width a button or label needs for its text (with its padding)."""
    font = getattr(element, "font", None)
    text = getattr(element, "text", "")
    return font.size(text)[0] + px(16) if font is not None and text else 0


class Hud:
    def __init__(self, manager, size: tuple[int, int]):
        self.manager = manager
        w, h = size
        top, side, mini = px(TOP), px(SIDE), px(MINIMAP_H)
        self.elements = []
        self.map_rect = pygame.Rect(0, top, w - side, h - top)
        self.top_rect = pygame.Rect(0, 0, w, top)
        # the buttons on the right, each as wide as its text needs (a longer language)
        bx = w - px(8)
        self.help_btn = self._button(bx, px(34), "?", _("How to play and the keys (F1)"))
        self.menu_btn = self._button(self.help_btn.relative_rect.x - px(6), px(70), _("Menu"),
                                     _("Save, load, settings, or leave the game (Esc)"))
        self.end_btn = self._button(self.menu_btn.relative_rect.x - px(6), px(110), _("End turn"),
                                    _("End your turn (Enter): the other powers move"),
                                    "@end_turn")
        self.undo_btn = self._button(self.end_btn.relative_rect.x - px(6), px(70), _("Undo"),
                                     _("Take back the last order (Ctrl+Z), while no battle, "
                                       "dice roll or event has happened since"))
        # the labels share what the buttons on the right leave free
        self.compact = w < px(1200)      # shorter texts in a narrow window
        free = self.undo_btn.relative_rect.x - px(10) - px(10)
        widths = [int(free * k) for k in (0.25, 0.31, 0.24, 0.20)]
        x = px(10)
        self.date = self._label(pygame.Rect(x, px(6), widths[0], px(30)), "")
        x += widths[0]
        self.swatch = pygame.Rect(x, px(13), px(16), px(16))
        self.side = self._label(pygame.Rect(x + px(22), px(6), widths[1] - px(22), px(30)), "")
        x += widths[1]
        self.money = self._label(pygame.Rect(x, px(6), widths[2], px(30)), "")
        x += widths[2]
        self.weary = self._label(pygame.Rect(x, px(6), widths[3], px(30)), "")
        # the side panel
        px_ = w - side
        self.panel_rect = pygame.Rect(px_, top, side, h - top)
        self.minimap_rect = pygame.Rect(px_ + px(8), top + px(8), side - px(16), mini)
        y = top + mini + px(16)
        detail_h = max(px(150), min(px(250), (h - y) // 2 - px(40)))
        self.details = self._add(UITextBox("", pygame.Rect(px_ + px(6), y, side - px(12),
                                                           detail_h), manager))
        y += detail_h + px(6)
        self.actions: dict[str, UIButton] = {}
        names = [("besiege", _("Besiege")), ("assault", _("Assault")), ("next", _("Next army")),
                 ("split", _("Split")), ("merge", _("Merge")), ("raise", _("Raise men"))]
        for key, label in names:
            self.actions[key] = self._add(UIButton(pygame.Rect(px_ + px(6), y, px(90), px(30)),
                                                   label, manager))
        # three buttons a row, or two when a label would not fit in a third of the panel
        need = max(_text_width(b) for b in self.actions.values())
        cols = 3 if need <= (side - px(12) - px(8)) // 3 else 2
        bw = (side - px(12) - px(4) * (cols - 1)) // cols
        for k, b in enumerate(self.actions.values()):
            b.set_relative_position((px_ + px(6) + (k % cols) * (bw + px(4)),
                                     y + (k // cols) * px(34)))
            b.set_dimensions((bw, px(30)))
        y += -(-len(names) // cols) * px(34) + px(6)
        self.armies_btn = self._add(UIButton(pygame.Rect(px_, y, px(94), px(28)), _("Armies (L)"),
                                             manager,
                                             tool_tip_text=_("A list of your armies, sortable; "
                                                             "click one to select it (L)")))
        self.aims_btn = self._add(UIButton(pygame.Rect(px_, y, px(94), px(28)), _("Aims (O)"),
                                           manager,
                                           tool_tip_text=_("What your side needs to win, the "
                                                           "deadline, the briefing and who is "
                                                           "at war with whom (O)")))
        aw = max(px(94), _text_width(self.aims_btn))
        rw = max(px(94), _text_width(self.armies_btn))
        self.aims_btn.set_dimensions((aw, px(28)))
        self.aims_btn.set_relative_position((px_ + side - px(8) - aw, y))
        self.armies_btn.set_dimensions((rw, px(28)))
        self.armies_btn.set_relative_position((px_ + side - px(8) - aw - px(4) - rw, y))
        self.log_title = self._add(UILabel(pygame.Rect(px_ + px(8), y, side - px(16), px(28)),
                                           _("Event log"), manager, object_id="@heading"))
        beside = side - px(16) - aw - rw - px(8)
        if _text_width(self.log_title) <= beside:
            self.log_title.set_dimensions((beside, px(28)))
        else:                            # the heading on a line of its own, above the buttons
            y += px(30)
            self.armies_btn.set_relative_position((px_ + side - px(8) - aw - px(4) - rw, y))
            self.aims_btn.set_relative_position((px_ + side - px(8) - aw, y))
        self.log_title.set_tooltip(_("What has happened so far that your side knows of, "
                                     "newest first"), delay=0.4)
        y += px(30)
        self.log = self._add(UITextBox("", pygame.Rect(px_ + px(6), y, side - px(12),
                                                       h - y - px(6)), manager))
        self.top_free = free + px(10)    # the width left of the buttons, for the labels
        self._texts: dict[str, str] = {}
        self._top_key = None

    # --- the top bar's labels, laid out by the width of what they say ---
    TOP_ORDER = ("date", "side", "money", "weary")
    TOP_GAP = 18                          # between two labels (the swatch sits in one)

    def top_width(self, texts: dict[str, str]) -> int:
        """How wide the labels would be, side by side, saying `texts`."""
        return px(10) + sum(getattr(self, k).font.size(texts[k])[0] + px(self.TOP_GAP)
                            for k in self.TOP_ORDER) + px(22)

    def fit_top(self, texts: dict[str, str]) -> None:
        """Place the labels one after another, each as wide as its text, so none runs
        into the next or under the buttons (the caller picks texts that fit)."""
        key = tuple(texts[k] for k in self.TOP_ORDER)
        if key == self._top_key:
            return
        self._top_key = key
        x = px(10)
        for k in self.TOP_ORDER:
            label = getattr(self, k)
            w = label.font.size(texts[k])[0] + px(8)
            if k == "side":
                self.swatch.x = x
                x += px(22)
            label.set_relative_position((x, px(6)))
            label.set_dimensions((w, px(30)))
            x += w + px(self.TOP_GAP) - px(8)

    def top_rects(self) -> list[pygame.Rect]:
        """Where the labels and the swatch are (for tests)."""
        return [self.date.rect, self.swatch, self.side.rect, self.money.rect, self.weary.rect]

    def _add(self, el):
        self.elements.append(el)
        return el

    def _label(self, rect, text) -> UILabel:
        return self._add(UILabel(rect, text, self.manager, object_id="@topbar"))

    def _button(self, right, w, text, tip, object_id=None) -> UIButton:
        """A top-bar button ending at `right`, at least `w` wide and as wide as its text."""
        b = UIButton(pygame.Rect(right - w, px(6), w, px(32)), text, self.manager,
                     tool_tip_text=tip,
                     object_id=object_id)
        need = max(w, _text_width(b))
        if need > w:
            b.set_dimensions((need, px(32)))
            b.set_relative_position((right - need, px(6)))
        return self._add(b)

    def draw_background(self, surf: pygame.Surface) -> None:
        """The bars behind the widgets (drawn before them, so dialogs cover the minimap):
        filled, each line clipped to its bar."""
        old = surf.get_clip()
        for rect in (self.top_rect, self.panel_rect):
            fill(surf, P.PANEL_BG, rect)
        t, p = self.top_rect, self.panel_rect
        surf.set_clip(t.clip(old))
        pygame.draw.line(surf, P.PANEL_LINE, (t.x, t.bottom - 1), (t.right, t.bottom - 1), 2)
        surf.set_clip(p.clip(old))
        pygame.draw.line(surf, P.PANEL_LINE, p.topleft, p.bottomleft, 2)
        surf.set_clip(old)

    def kill(self) -> None:
        for el in self.elements:
            el.kill()
        self.elements = []

    # --- updating only what changed ---
    def set_label(self, key: str, label: UILabel, text: str, tip: str | None = None) -> None:
        if self._texts.get(key) != text:
            self._texts[key] = text
            label.set_text(text)
        if tip is not None and self._texts.get(key + ":tip") != tip:
            self._texts[key + ":tip"] = tip
            label.set_tooltip(tip, delay=0.4)

    def set_box(self, key: str, box: UITextBox, html: str) -> None:
        if self._texts.get(key) != html:
            self._texts[key] = html
            box.set_text(html)

    def set_action(self, key: str, enabled: bool, tip: str, label: str | None = None) -> None:
        b = self.actions[key]
        state = (enabled, tip, label)
        if self._texts.get("act:" + key) == state:
            return
        self._texts["act:" + key] = state
        if label is not None:
            b.set_text(label)
        b.set_tooltip(tip, delay=0.3)
        if enabled:
            b.enable()
        else:
            b.disable()

    def set_button(self, button: UIButton, enabled: bool) -> None:
        key = f"btn:{id(button)}"
        if self._texts.get(key) == enabled:
            return
        self._texts[key] = enabled
        if enabled:
            button.enable()
        else:
            button.disable()
