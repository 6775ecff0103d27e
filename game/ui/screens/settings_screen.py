"""Settings, as a window over the menu or the game; saved when it closes."""
from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider, UILabel, UISelectionList, UIWindow

from game import i18n
from game.i18n import LANGUAGES, N_, _
from game.ui import keys, scale
from game.ui.dialogs import centred
from game.ui.settings import Settings, save_settings
from game.ui.scale import px


class KeysWindow(UIWindow):
    """The changeable keys (game.ui.keys): pick an action, then press its new key.

    With the keys alone: Up and Down (or Tab) mark a row, Enter or Space waits for
    the marked action's new key, Esc then keeps the old one; D gives every action
    its default key; Esc closes the window."""

    HINT = N_("Up/Down: pick an action, Enter: change its key, D: default keys, Esc: done.")

    def __init__(self, manager, screen_size, settings: Settings):
        rect = centred(screen_size, (720, 560))
        super().__init__(rect, manager, window_display_title=_("Keys"), object_id="#keys")
        self.settings = settings
        inner = self.get_container().get_rect()
        self.note = UILabel(pygame.Rect(px(10), px(6), inner.w - px(20), px(28)),
                            _("Pick an action (a click, or Up/Down and Enter), then press its "
                              "new key."), manager, container=self)
        self.note.set_tooltip(_(self.HINT), delay=0.3)
        self.list = UISelectionList(pygame.Rect(px(10), px(40), inner.w - px(20),
                                                inner.h - px(96)), [],
                                    manager, container=self)
        self.defaults = UIButton(pygame.Rect(px(10), inner.h - px(46), px(180), px(36)),
                                 _("Default keys (D)"), manager, container=self,
                                 tool_tip_text=_("Give every action its default key"))
        self.ok = UIButton(pygame.Rect(inner.w - px(110), inner.h - px(46), px(100), px(36)),
                           _("Done"), manager, container=self, tool_tip_text=_("Close (Esc)"))
        self.waiting: str | None = None          # the action whose new key is awaited
        self.row = -1                            # the row the arrow keys marked
        self._fill()

    ROW_CHARS = 84            # a row's text, cut to fit the list; the note gives it whole

    def _fill(self) -> None:
        rows = []
        for i, a in enumerate(keys.ACTIONS):
            text = (f"{keys.key_text(self.settings.keys.get(a.id, '')) or _('(none)')}: "
                    f"{_(a.what)}")
            if len(text) > self.ROW_CHARS:
                text = text[:self.ROW_CHARS - 1].rstrip(" ,;(") + "…"
            rows.append((("> " if i == self.row else "") + text, f"#{a.id}"))
        self.list.set_item_list(rows)

    def _wait_for(self, action: str) -> None:
        self.waiting = action
        self.note.set_text(_("Press the new key for: {action} (Esc: keep the old one)")
                           .format(action=_(keys.BY_ID[action].what)[:60]))

    def _defaults(self) -> None:
        self.settings.keys = dict(keys.DEFAULTS)
        self.waiting = None
        self.note.set_text(_("Every key is back to its default."))
        self._fill()

    def on_key(self, key: int) -> bool:
        """The keys of the window when no new key is awaited.  True when used."""
        if key in (pygame.K_DOWN, pygame.K_UP, pygame.K_TAB):
            step = -1 if key == pygame.K_UP else 1
            self.row = (self.row + step) % len(keys.ACTIONS) if self.row >= 0 else 0
            self._fill()
            self._scroll_to(self.row)
            self.note.set_text(_(keys.ACTIONS[self.row].what)[:110])
            self.note.set_tooltip(_(keys.ACTIONS[self.row].what), delay=0.3)
        elif key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE) and self.row >= 0:
            self._wait_for(keys.ACTIONS[self.row].id)
        elif key == pygame.K_d:
            self._defaults()
        elif key == pygame.K_ESCAPE:
            self.kill()
        else:
            return False
        return True

    def _scroll_to(self, row: int) -> None:
        """Scroll the list so the marked row shows."""
        bar = getattr(self.list, "scroll_bar", None)
        if bar is None or not self.list.item_list:
            return
        bar.set_scroll_from_start_percentage(max(0.0, (row - 3) / len(self.list.item_list)))

    def handle(self, event) -> bool:
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and \
                event.ui_element is self.list:
            sel = self.list.get_single_selection(include_object_id=True)
            if sel is not None:
                action = sel[1].lstrip("#")
                self.row = [a.id for a in keys.ACTIONS].index(action)
                self._wait_for(action)
            return True
        if event.type == pygame.KEYDOWN and self.waiting is not None:
            if event.key == pygame.K_ESCAPE:
                self.note.set_text(_("Kept."))
            else:
                name = keys.key_name(event.key)
                if name is None:
                    self.note.set_text(_("That key cannot be given to an action."))
                else:
                    self.settings.keys, said = keys.rebind(self.settings.keys, self.waiting, name)
                    self.note.set_text(said[:110])
            self.waiting = None
            self._fill()
            return True
        if event.type == pygame.KEYDOWN:
            return self.on_key(event.key)
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.defaults:
                self._defaults()
                return True
            if event.ui_element is self.ok:
                self.kill()
                return True
        return False


def on_off(state: bool) -> str:
    return _("on") if state else _("off")


class SettingsWindow(UIWindow):
    def __init__(self, manager, screen_size, settings: Settings):
        rect = centred(screen_size, (560, 680))    # wide for longer translations
        super().__init__(rect, manager, window_display_title=_("Settings"), object_id="#settings")
        self.settings = settings
        self.scale_choice = settings.ui_scale       # applied when the window closes
        inner = self.get_container().get_rect()
        iw = inner.w
        y = px(14)
        row, gap = px(34), px(48)
        self.sliders = {}
        rows = [("scroll_speed", _("Scroll speed"),
                 _("How fast the arrow keys and the window's edges move the map"), 1),
                ("animation_speed", _("Animation speed"),
                 _("How fast counters march and the computer moves; 10 shows no animation"), 1),
                ("volume", _("Sound volume"),
                 _("How loud the sounds of marches, battles and events are; 0 is silent "
                   "(V mutes them in the game)"), 0)]
        for key, label, tip, low in rows:
            lab = UILabel(pygame.Rect(px(12), y, px(160), px(30)), label, manager,
                          container=self)
            lab.set_tooltip(tip, delay=0.3)
            s = UIHorizontalSlider(pygame.Rect(px(176), y, iw - px(176 + 60), px(30)),
                                   getattr(settings, key), (low, 10), manager, container=self,
                                   click_increment=1)
            val = UILabel(pygame.Rect(iw - px(52), y, px(40), px(30)),
                          str(getattr(settings, key)), manager, container=self)
            self.sliders[key] = (s, val)
            y += px(46)
        self.scale = UIButton(pygame.Rect(px(12), y, iw - px(24), row), self._scale_text(),
                              manager, container=self,
                              tool_tip_text=_("The size of the texts, panels and windows: 100 "
                                              "to 200 %, or Auto from the screen's size; "
                                              "applied when this window closes"))
        y += gap
        self.edge = UIButton(pygame.Rect(px(12), y, iw - px(24), row), self._edge_text(),
                             manager,
                             container=self,
                             tool_tip_text=_("Scroll the map when the mouse touches the edge "
                                             "of the window"))
        y += gap
        self.confirm = UIButton(pygame.Rect(px(12), y, iw - px(24), row), self._confirm_text(),
                                manager,
                                container=self,
                                tool_tip_text=_("Ask before ending a turn while some of "
                                                "your armies could still move"))
        y += gap
        self.contrast = UIButton(pygame.Rect(px(12), y, iw - px(24), row),
                                 self._contrast_text(), manager,
                                 container=self,
                                 tool_tip_text=_("White text on black panels and strong "
                                                 "edges on the map's counters and cities; takes "
                                                 "effect when the game next starts"))
        y += gap
        self.keys = UIButton(pygame.Rect(px(12), y, iw - px(24), row), _("Keys... (K)"), manager,
                             container=self,
                             tool_tip_text=_("Change the keys of the play screen (K)"))
        self.keys_window: KeysWindow | None = None
        y += gap
        self.fog = UIButton(pygame.Rect(px(12), y, iw - px(24), row), self._fog_text(), manager,
                            container=self,
                            tool_tip_text=_("Moves show no new ground until you press U or "
                                            "end the turn, so you may undo while exploring"))
        y += gap
        self.tint = UIButton(pygame.Rect(px(12), y, iw - px(24), row), self._tint_text(),
                             manager,
                             container=self,
                             tool_tip_text=_("Lay each owner's colour softly over its land (G "
                                             "in the game)"))
        y += gap
        self.language = UIButton(pygame.Rect(px(12), y, iw - px(24), row),
                                 self._language_text(), manager, container=self,
                                 tool_tip_text=_("The language of the game's texts; the windows "
                                                 "opened from now on use it"))
        self.language_changed = False
        y += gap
        note = UILabel(pygame.Rect(px(12), y, iw - px(24), px(24)),
                       _("F11 switches fullscreen at any time."), manager, container=self)
        self.ok = UIButton(pygame.Rect(iw - px(112), inner.h - px(46), px(100), px(36)),
                           _("Done"), manager, container=self)
        self.note = note

    def _scale_text(self) -> str:
        if self.scale_choice == scale.AUTO:
            return _("Interface scale: Auto (now {percent} %)").format(percent=scale.percent())
        return _("Interface scale: {size}").format(size=scale.label(self.scale_choice))

    def _edge_text(self) -> str:
        return _("Edge scrolling: {state}").format(state=on_off(self.settings.edge_scroll))

    def _confirm_text(self) -> str:
        return _("Ask before ending a turn with armies left to move: {state}").format(
            state=on_off(self.settings.confirm_end_turn))

    def _contrast_text(self) -> str:
        return _("High contrast (after a restart): {state}").format(
            state=on_off(self.settings.high_contrast))

    def _fog_text(self) -> str:
        return _("Delay fog updates (U shows them): {state}").format(
            state=on_off(self.settings.delay_fog))

    def _tint_text(self) -> str:
        return _("Owners' colours over their land: {state}").format(
            state=on_off(self.settings.territory_tint))

    def _language_text(self) -> str:
        return _("Language: {name}").format(name=i18n.language_name(i18n.language()))

    def handle(self, event) -> bool:
        if self.keys_window is not None and self.keys_window.alive() \
                and self.keys_window.handle(event):
            return True
        if event.type == pygame.KEYDOWN and event.key == pygame.K_k:
            self.open_keys()
            return True
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED:
            for key, (s, val) in self.sliders.items():
                if event.ui_element is s:
                    v = int(round(s.get_current_value()))
                    setattr(self.settings, key, v)
                    val.set_text(str(v))
                    return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.scale:
                options = [scale.AUTO, *scale.CHOICES]
                at = options.index(self.scale_choice) if self.scale_choice in options else 0
                self.scale_choice = options[(at + 1) % len(options)]
                self.scale.set_text(self._scale_text())
                return True
            if event.ui_element is self.edge:
                self.settings.edge_scroll = not self.settings.edge_scroll
                self.edge.set_text(self._edge_text())
                return True
            if event.ui_element is self.confirm:
                self.settings.confirm_end_turn = not self.settings.confirm_end_turn
                self.confirm.set_text(self._confirm_text())
                return True
            if event.ui_element is self.contrast:
                self.settings.high_contrast = not self.settings.high_contrast
                self.contrast.set_text(self._contrast_text())
                return True
            if event.ui_element is self.keys:
                self.open_keys()
                return True
            if event.ui_element is self.fog:
                self.settings.delay_fog = not self.settings.delay_fog
                self.fog.set_text(self._fog_text())
                return True
            if event.ui_element is self.tint:
                self.settings.territory_tint = not self.settings.territory_tint
                self.tint.set_text(self._tint_text())
                return True
            if event.ui_element is self.language:
                codes = list(LANGUAGES)         # from the language in use (--lang may differ)
                at = codes.index(i18n.language()) if i18n.language() in codes else -1
                self.settings.language = codes[(at + 1) % len(codes)]
                i18n.set_language(self.settings.language)
                self.language_changed = True
                self.language.set_text(self._language_text())
                return True
            if event.ui_element is self.ok:
                self.kill()
                return True
        return False

    def open_keys(self) -> None:
        """The keys window, over this one."""
        if self.keys_window is not None and self.keys_window.alive():
            return
        size = self.ui_manager.get_root_container().get_rect().size
        self.keys_window = KeysWindow(self.ui_manager, size, self.settings)

    def kill(self):
        if self.keys_window is not None and self.keys_window.alive():
            self.keys_window.kill()
        self.settings.ui_scale = self.scale_choice     # the App applies it (game.ui.app)
        save_settings(self.settings.clamp())
        super().kill()
