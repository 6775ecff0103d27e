"""Settings, as a window over the menu or the game; saved when it closes."""
from __future__ import annotations

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UIHorizontalSlider, UILabel, UIWindow

from game.ui.settings import Settings, save_settings


class SettingsWindow(UIWindow):
    def __init__(self, manager, screen_size, settings: Settings):
        w, h = 460, 440
        rect = pygame.Rect((screen_size[0] - w) // 2, (screen_size[1] - h) // 2, w, h)
        super().__init__(rect, manager, window_display_title="Settings", object_id="#settings")
        self.settings = settings
        inner = self.get_container().get_rect()
        iw = inner.w
        y = 14
        self.sliders = {}
        rows = [("scroll_speed", "Scroll speed",
                 "How fast the arrow keys and the window's edges move the map", 1),
                ("animation_speed", "Animation speed",
                 "How fast counters march and the computer moves; 10 shows no animation", 1),
                ("volume", "Sound volume",
                 "How loud the sounds of marches, battles and events are; 0 is silent "
                 "(M mutes them in the game)", 0)]
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
                             tool_tip_text="Scroll the map when the mouse touches the edge of "
                                           "the window")
        y += 48
        self.confirm = UIButton(pygame.Rect(12, y, iw - 24, 34), self._confirm_text(), manager,
                                container=self,
                                tool_tip_text="Ask before ending a turn while some of your "
                                              "armies could still move")
        y += 48
        self.tint = UIButton(pygame.Rect(12, y, iw - 24, 34), self._tint_text(), manager,
                             container=self,
                             tool_tip_text="Lay each owner's colour softly over its land (G in "
                                           "the game)")
        y += 48
        note = UILabel(pygame.Rect(12, y, iw - 24, 24), "F11 switches fullscreen at any time.",
                       manager, container=self)
        self.ok = UIButton(pygame.Rect(iw - 112, inner.h - 46, 100, 36), "Done", manager,
                           container=self)
        _ = note

    def _edge_text(self) -> str:
        return f"Edge scrolling: {'on' if self.settings.edge_scroll else 'off'}"

    def _confirm_text(self) -> str:
        return f"Ask before ending a turn with armies left to move: " \
               f"{'on' if self.settings.confirm_end_turn else 'off'}"

    def _tint_text(self) -> str:
        return f"Owners' colours over their land: " \
               f"{'on' if self.settings.territory_tint else 'off'}"

    def handle(self, event) -> bool:
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
            if event.ui_element is self.tint:
                self.settings.territory_tint = not self.settings.territory_tint
                self.tint.set_text(self._tint_text())
                return True
            if event.ui_element is self.ok:
                self.kill()
                return True
        return False

    def kill(self):
        save_settings(self.settings.clamp())
        super().kill()
