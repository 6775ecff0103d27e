"""Settings, as a window over the menu or the game; saved when it closes."""
from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider, UILabel, UISelectionList, UIWindow

from game import i18n
from game.i18n import LANGUAGES, _
from game.ui import keys
from game.ui.settings import Settings, save_settings


class KeysWindow(UIWindow):
    """The changeable keys (game.ui.keys): pick an action, then press its new key."""

    def __init__(self, manager, screen_size, settings: Settings):
        w, h = min(720, screen_size[0] - 40), min(560, screen_size[1] - 40)
        rect = pygame.Rect((screen_size[0] - w) // 2, (screen_size[1] - h) // 2, w, h)
        super().__init__(rect, manager, window_display_title=_("Keys"), object_id="#keys")
        self.settings = settings
        inner = self.get_container().get_rect()
        self.note = UILabel(pygame.Rect(10, 6, inner.w - 20, 28),
                            _("Pick an action, then press its new key."), manager, container=self)
        self.list = UISelectionList(pygame.Rect(10, 40, inner.w - 20, inner.h - 96), [],
                                    manager, container=self)
        self.defaults = UIButton(pygame.Rect(10, inner.h - 46, 180, 36), _("Default keys"),
                                 manager, container=self)
        self.ok = UIButton(pygame.Rect(inner.w - 110, inner.h - 46, 100, 36), _("Done"), manager,
                           container=self)
        self.waiting: str | None = None          # the action whose new key is awaited
        self._fill()

    def _fill(self) -> None:
        self.list.set_item_list([
            (f"{keys.key_text(self.settings.keys.get(a.id, '')) or _('(none)')}: {_(a.what)}",
             f"#{a.id}") for a in keys.ACTIONS])

    def handle(self, event) -> bool:
        if event.type == pygame_gui.UI_SELECTION_LIST_NEW_SELECTION and \
                event.ui_element is self.list:
            sel = self.list.get_single_selection(include_object_id=True)
            if sel is not None:
                self.waiting = sel[1].lstrip("#")
                self.note.set_text(_("Press the new key for: {action} (Esc: keep the old one)")
                                   .format(action=_(keys.BY_ID[self.waiting].what)[:60]))
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
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            if event.ui_element is self.defaults:
                self.settings.keys = dict(keys.DEFAULTS)
                self.waiting = None
                self.note.set_text(_("Every key is back to its default."))
                self._fill()
                return True
            if event.ui_element is self.ok:
                self.kill()
                return True
        return False


def on_off(state: bool) -> str:
    return _("on") if state else _("off")


class SettingsWindow(UIWindow):
    def __init__(self, manager, screen_size, settings: Settings):
        w, h = 560, 632
        rect = pygame.Rect((screen_size[0] - w) // 2, (screen_size[1] - h) // 2, w, h)
        super().__init__(rect, manager, window_display_title=_("Settings"), object_id="#settings")
        self.settings = settings
        inner = self.get_container().get_rect()
        iw = inner.w
        y = 14
        self.sliders = {}
        rows = [("scroll_speed", _("Scroll speed"),
                 _("How fast the arrow keys and the window's edges move the map"), 1),
                ("animation_speed", _("Animation speed"),
                 _("How fast counters march and the computer moves; 10 shows no animation"), 1),
                ("volume", _("Sound volume"),
                 _("How loud the sounds of marches, battles and events are; 0 is silent "
                   "(V mutes them in the game)"), 0)]
        for key, label, tip, low in rows:
            lab = UILabel(pygame.Rect(12, y, 160, 30), label, manager, container=self)
            lab.set_tooltip(tip, delay=0.3)
            s = UIHorizontalSlider(pygame.Rect(176, y, iw - 176 - 60, 30), getattr(settings, key),
                                   (low, 10), manager, container=self,
                                   click_increment=1)
            val = UILabel(pygame.Rect(iw - 52, y, 40, 30), str(getattr(settings, key)),
                          manager, container=self)
            self.sliders[key] = (s, val)
            y += 46
        self.edge = UIButton(pygame.Rect(12, y, iw - 24, 34), self._edge_text(), manager,
                             container=self,
                             tool_tip_text=_("Scroll the map when the mouse touches the edge "
                                             "of the window"))
        y += 48
        self.confirm = UIButton(pygame.Rect(12, y, iw - 24, 34), self._confirm_text(), manager,
                                container=self,
                                tool_tip_text=_("Ask before ending a turn while some of "
                                                "your armies could still move"))
        y += 48
        self.contrast = UIButton(pygame.Rect(12, y, iw - 24, 34), self._contrast_text(), manager,
                                 container=self,
                                 tool_tip_text=_("White text on black panels and strong "
                                                 "edges on the map's counters and cities; takes "
                                                 "effect when the game next starts"))
        y += 48
        self.keys = UIButton(pygame.Rect(12, y, iw - 24, 34), _("Keys..."), manager,
                             container=self, tool_tip_text=_("Change the keys of the play screen"))
        self.keys_window: KeysWindow | None = None
        y += 48
        self.fog = UIButton(pygame.Rect(12, y, iw - 24, 34), self._fog_text(), manager,
                            container=self,
                            tool_tip_text=_("Moves show no new ground until you press U or "
                                            "end the turn, so you may undo while exploring"))
        y += 48
        self.tint = UIButton(pygame.Rect(12, y, iw - 24, 34), self._tint_text(), manager,
                             container=self,
                             tool_tip_text=_("Lay each owner's colour softly over its land (G "
                                             "in the game)"))
        y += 48
        self.language = UIButton(pygame.Rect(12, y, iw - 24, 34), self._language_text(),
                                 manager, container=self,
                                 tool_tip_text=_("The language of the game's texts; the windows "
                                                 "opened from now on use it"))
        self.language_changed = False
        y += 48
        note = UILabel(pygame.Rect(12, y, iw - 24, 24), _("F11 switches fullscreen at any time."),
                       manager, container=self)
        self.ok = UIButton(pygame.Rect(iw - 112, inner.h - 46, 100, 36), _("Done"), manager,
                           container=self)
        self.note = note

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
        if event.type == pygame_gui.UI_HORIZONTAL_SLIDER_MOVED:
            for key, (s, val) in self.sliders.items():
                if event.ui_element is s:
                    v = int(round(s.get_current_value()))
                    setattr(self.settings, key, v)
                    val.set_text(str(v))
                    return True
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
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
                size = self.ui_manager.get_root_container().get_rect().size
                self.keys_window = KeysWindow(self.ui_manager, size, self.settings)
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

    def kill(self):
        if self.keys_window is not None and self.keys_window.alive():
            self.keys_window.kill()
        save_settings(self.settings.clamp())
        super().kill()
