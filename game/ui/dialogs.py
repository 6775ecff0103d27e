"""Dialog windows (pygame_gui): messages, events and their choices, the turn
summary, confirmations and the help.

A `Dialog` is a window with a text and a row of buttons; pressing one calls
`on_result(value)` and closes it.  A dialog that must be answered (an
event's choice) has no close button and blocks the rest of the interface.
"""
from __future__ import annotations

import html
import re
import warnings
from typing import Callable

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIImage, UITextBox, UIWindow

from game.i18n import _
from game.ui import help as help_text
from game.ui.scale import px


def hide_text(entry) -> None:
    """A password field: its text shown as dots, drawn at the interface's scale (pygame_gui
    draws them in its own symbol font, at 14 points whatever the theme says)."""
    entry.set_text_hidden(True)
    size = px(14)
    if size != 14:
        with warnings.catch_warnings():        # "font not preloaded": loaded here instead
            warnings.simplefilter("ignore")
            entry.hidden_font = entry.ui_theme.get_font_dictionary().find_font(
                size, "fira_code_symbols")
        entry.rebuild()


def centred(screen_size, size, margin: int = 40) -> pygame.Rect:
    """A window's rect: `size` at 100 % scaled, within the screen less a margin, centred."""
    w = min(px(size[0]), screen_size[0] - px(margin))
    h = min(px(size[1]), screen_size[1] - px(margin))
    return pygame.Rect((screen_size[0] - w) // 2, (screen_size[1] - h) // 2, w, h)


def esc(text: str) -> str:
    return html.escape(text or "", quote=False).replace("\n", "<br>")


def prose(text: str) -> str:
    """Running text as the box should wrap it: the line breaks of a YAML block joined into
    spaces, runs of spaces made one (a wrapped line never starts with a space), a blank line
    kept as the break between paragraphs."""
    paras = re.split(r"\n\s*\n", (text or "").strip())
    return "\n\n".join(" ".join(p.split()) for p in paras if p.strip())


class Dialog(UIWindow):
    def __init__(self, manager, screen_size, title: str, body_html: str,
                 buttons: list[tuple[str, object, str]], on_result: Callable | None = None,
                 size=(520, 340), must_answer: bool = False, object_id: str = "#dialog"):
        rect = centred(screen_size, size)
        super().__init__(rect, manager, window_display_title=title, object_id=object_id,
                         draggable=True)
        self.on_result = on_result
        self.must_answer = must_answer
        self.value_of: dict = {}
        self.result = None
        self.lit = 0                          # the button Enter presses
        inner = self.get_container().get_rect()
        iw, ih = inner.w, inner.h
        bh, gap, edge = px(36), px(8), px(10)
        rows = self._rows(buttons, iw)
        text_h = max(px(40), ih - 2 * gap - len(rows) * (bh + gap))
        self.text = UITextBox(body_html, pygame.Rect(edge, gap, iw - 2 * edge, text_h), manager,
                              container=self)
        y = gap + text_h + gap
        for row in rows:
            bw = (iw - 2 * edge - gap * (len(row) - 1)) // len(row)
            for i, (label, value, tip) in enumerate(row):
                b = UIButton(pygame.Rect(edge + i * (bw + gap), y, bw, bh), label, manager,
                             container=self, tool_tip_text=tip or None,
                             object_id="@choice")
                self.value_of[b] = value
            y += bh + gap
        if must_answer:
            self.set_blocking(True)
            if self.close_window_button is not None:
                extra = self.close_window_button.rect.w
                self.close_window_button.hide()
                if self.title_bar is not None:      # let the title run the full width
                    self.title_bar.set_dimensions((self.title_bar.rect.w + extra,
                                                   self.title_bar.rect.h))

    @staticmethod
    def _rows(buttons, width):
        if len(buttons) <= 3 and width >= px(420):
            return [buttons] if buttons else []
        return [[b] for b in buttons]

    def on_close_window_button_pressed(self):
        if not self.must_answer:
            self.finish(None)

    def handle(self, event) -> bool:
        """Consume a button press that belongs to this dialog."""
        if event.type == pygame_gui.UI_BUTTON_PRESSED and event.ui_element in self.value_of:
            self.finish(self.value_of[event.ui_element])
            return True
        return False

    def on_key(self, key: int) -> bool:
        """The keys of a dialog: Enter presses the lit button, Tab and the arrows light
        the next or the previous one, 1 to 9 press the first to ninth.  True when used."""
        buttons = list(self.value_of)
        if not buttons:
            return False
        if key in (pygame.K_RETURN, pygame.K_KP_ENTER):
            self.finish(self.value_of[buttons[min(self.lit, len(buttons) - 1)]])
        elif pygame.K_1 <= key <= pygame.K_9 and key - pygame.K_1 < len(buttons):
            self.finish(self.value_of[buttons[key - pygame.K_1]])
        elif key in (pygame.K_TAB, pygame.K_RIGHT, pygame.K_DOWN, pygame.K_LEFT, pygame.K_UP):
            back = key in (pygame.K_LEFT, pygame.K_UP)
            buttons[self.lit % len(buttons)].unselect()
            self.lit = (self.lit + (-1 if back else 1)) % len(buttons)
            buttons[self.lit].select()
        else:
            return False
        return True

    def finish(self, value) -> None:
        self.result = value
        self.kill()
        if self.on_result is not None:
            self.on_result(value)


def message(manager, screen_size, title: str, text: str, on_result=None) -> Dialog:
    return Dialog(manager, screen_size, title, esc(text), [(_("OK"), True, "")], on_result,
                  size=(480, 260))


def confirm(manager, screen_size, title: str, text: str, yes: str, on_result,
            no: str | None = None, size: tuple[int, int] = (460, 230)) -> Dialog:
    no = _("Cancel") if no is None else no
    return Dialog(manager, screen_size, title, esc(text), [(yes, True, ""), (no, False, "")],
                  on_result, size=size)


def event_dialog(manager, screen_size, title: str, date: str, text: str,
                 choices: list[dict] | None, on_result, can_choose: bool) -> Dialog:
    """A scripted event: its title and text; its options if this player must choose."""
    text = prose(text)
    body = f"<font color='#d6b04a'><i>{esc(date)}</i></font><br><br>{esc(text)}"
    buttons: list[tuple[str, object, str]] = []
    if choices and can_choose:
        body += "<br><br><b>" + _("Your choice:") + "</b>"
        for c in choices:
            if c.get("hint"):
                body += f"<br>• <b>{esc(c['label'])}</b>: {esc(prose(c['hint']))}"
            buttons.append((c["label"], c["id"], c.get("hint", "")))
    else:
        buttons.append((_("Continue"), None, ""))
    lines = 3 + len(text) // 62 + text.count("\n")
    if choices and can_choose:
        lines += 2 + sum(1 + len(c.get("hint", "")) // 62 for c in choices)
    rows = len(buttons) if len(buttons) > 3 else 1
    h = 110 + 22 * lines + 44 * rows
    return Dialog(manager, screen_size, title, body, buttons, on_result, size=(560, h),
                  must_answer=bool(choices and can_choose), object_id="#event_dialog")


def summary_dialog(manager, screen_size, title: str, lines: list[tuple[str, str]],
                   on_result=None) -> Dialog:
    """The turn summary: (heading, text) lines grouped under their headings."""
    parts = []
    last = None
    for head, text in lines:
        if head != last:
            parts.append(f"{'<br>' if parts else ''}<font color='#d6b04a'><b>{esc(head)}</b>"
                         "</font>")
            last = head
        parts.append(f"• {esc(text)}")
    body = "<br>".join(parts) if parts else _("A quiet season: nothing of note happened.")
    h = 150 + 23 * max(2, len(parts) + sum(len(t) // 70 for _, t in lines))
    return Dialog(manager, screen_size, title, body, [(_("To your turn"), None, "")], on_result,
                  size=(600, min(560, h)), object_id="#summary_dialog")


def help_window(manager, screen_size, bindings: dict[str, str] | None = None) -> UIWindow:
    rect = centred(screen_size, (760, 640))
    win = UIWindow(rect, manager, window_display_title=_("How to play  (F1 closes)"),
                   object_id="#help")
    listed = help_text.keys_for(bindings) if bindings is not None else help_text.KEYS
    rows = "".join(f"<b>{esc(_(k))}</b>: {esc(_(v))}<br>" for k, v in listed)
    body = ("<font color='#d6b04a'><b>" + _("Keys and mouse") + "</b></font><br>" + rows +
            "<br><font color='#d6b04a'><b>" + _("How to play") + "</b></font><br>" +
            "<br><br>".join(esc(_(p)) for p in help_text.HOW_TO_PLAY))
    inner = win.get_container().get_rect()
    UITextBox(body, pygame.Rect(px(8), px(8), inner.w - px(16), inner.h - px(16)), manager,
              container=win)
    return win


def charts_window(manager, screen_size, view) -> UIWindow:
    """"The war so far": the charts of cities, men and treasury, as `view` knows them."""
    from game.ui import charts
    rect = centred(screen_size, (760, 640))
    win = UIWindow(rect, manager, window_display_title=_("The war so far, as you know it"),
                   object_id="#charts")
    inner = win.get_container().get_rect()
    gap = px(8)
    ch = (inner.h - 2 * gap - 2 * gap) // 3
    win.images = charts.charts_for(view, inner.w - 2 * gap, ch)
    for i, img in enumerate(win.images):
        UIImage(pygame.Rect(gap, gap + i * (ch + gap), img.get_width(), img.get_height()), img,
                manager, container=win)
    return win


def concepts_dialog(manager, screen_size, rules: dict) -> Dialog:
    """The help page on supply, morale and war-weariness (H opens and closes it)."""
    parts = []
    for title, paras in help_text.concepts(rules):
        parts.append(f"<font color='#d6b04a'><b>{esc(title)}</b></font><br>"
                     + "<br>".join(esc(p) for p in paras))
    dlg = Dialog(manager, screen_size, _("Supply, morale and war-weariness  (H closes)"),
                 "<br><br>".join(parts), [(_("OK"), True, "")], size=(700, 640),
                 object_id="#concepts")
    dlg.is_concepts = True
    return dlg
