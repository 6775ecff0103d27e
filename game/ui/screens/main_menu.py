"""The main menu: new game, load game, settings, help, quit."""
from __future__ import annotations

from pathlib import Path

import pygame
import pygame_gui
from pygame_gui.elements import UIButton, UILabel

from game.i18n import _
from game.ui import dialogs
from game.ui.saves_window import SavesWindow
from game.ui.screens.base import Screen
from game.ui.shown import shown
from game.ui.settings import saves_dir
from game.ui.scale import px


class MainMenu(Screen):
    def __init__(self, app):
        super().__init__(app)
        self.window = None
        self.next_screen = None
        self._backdrop = None

    def build(self) -> None:
        w, h = self.size
        top = max(px(10), min(h // 5, (h - px(100 + 6 * 60)) // 2) - px(30))
        self.add(UILabel(pygame.Rect(0, top, w, px(60)), _("Last Great War"), self.manager,
                         object_id="@title"))
        self.add(UILabel(pygame.Rect(0, top + px(60), w, px(30)),
                         _("Byzantium against Sassanid Persia, 602-628"), self.manager,
                         object_id="@subtitle"))
        bw, bh = px(300), px(48)
        x = (w - bw) // 2
        y = top + px(130)
        specs = [("new", _("New game"), _("Choose a scenario and who plays each side")),
                 ("load", _("Load game"), _("Continue a saved game")),
                 ("pbem", _("Play by e-mail"), _("Open a turn file, watch a shared folder, "
                                                 "play your turn of a game by e-mail")),
                 ("settings", _("Settings"), _("Speeds, sounds, keys, language")),
                 ("help", _("How to play"), _("The keys and the rules in brief (F1)")),
                 ("quit", _("Quit"), _("Close the game"))]
        self.buttons = {}
        for i, (key, label, tip) in enumerate(specs):
            self.buttons[key] = self.add(UIButton(pygame.Rect(x, y + i * (bh + px(12)), bw, bh),
                                                  label, self.manager, tool_tip_text=tip,
                                                  object_id="@big_button"))
        self._backdrop = None

    def handle(self, event):
        if self.window is not None and self.window.alive() and hasattr(self.window, "handle"):
            if self.window.handle(event):
                if not self.window.alive() and getattr(self.window, "language_changed", False):
                    return MainMenu(self.app)        # built again in the new language
                return self._take_next()
        if event.type == pygame_gui.UI_BUTTON_PRESSED:
            b = self.buttons
            if event.ui_element is b["new"]:
                from game.ui.screens.new_game import NewGame
                return NewGame(self.app)
            if event.ui_element is b["pbem"]:
                from game.ui.screens.pbem import PbemMenu
                return PbemMenu(self.app)
            if event.ui_element is b["load"]:
                self.window = SavesWindow(self.manager, self.size, "load", saves_dir(),
                                          self._loaded)
            elif event.ui_element is b["settings"]:
                from game.ui.screens.settings_screen import SettingsWindow
                self.window = SettingsWindow(self.manager, self.size, self.app.settings)
            elif event.ui_element is b["help"]:
                self.app.toggle_help()
            elif event.ui_element is b["quit"]:
                self.app.quit()
        elif event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            if self.window is not None and self.window.alive():
                self.window.kill()
        return self._take_next()

    def _take_next(self):
        nxt, self.next_screen = self.next_screen, None
        return nxt

    def _loaded(self, action, path) -> None:
        if action != "load":
            return
        from game.session.save import SaveError, load_game
        from game.ui.screens.game_screen import GameScreen
        try:
            self.next_screen = GameScreen.loaded(self.app, load_game(path))
        except SaveError as exc:
            self.window = dialogs.message(self.manager, self.size, _("Cannot load"),
                                          shown(str(exc), 600))

    def leave(self) -> None:
        if self.window is not None:
            self.window.kill()
        super().leave()

    def draw(self, surface: pygame.Surface) -> None:
        if self._backdrop is None or self._backdrop.get_size() != surface.get_size():
            self._backdrop = map_backdrop(self.app, surface.get_size())
        surface.blit(self._backdrop, (0, 0))


def map_backdrop(app, size) -> pygame.Surface:
    """The largest scenario map, dimmed, behind the menu (or the plain pattern)."""
    cache = getattr(app, "backdrops", None)
    if cache is None:
        cache = app.backdrops = {}
    if size in cache:
        return cache[size]
    from game.ui.geometry import map_size_units
    from game.ui.terrain_raster import TerrainRaster
    best = largest_map(app.scenario_dir)
    if best is None or best.width * best.height < 400:
        surf = backdrop(size)
    else:
        uw, uh = map_size_units(best.width, best.height)
        s = max(size[0] / uw, size[1] / uh)
        w, h = int(uw * s), int(uh * s)
        x0, y0 = (w - size[0]) // 2, (h - size[1]) // 2
        arr = TerrainRaster(best).render(s, x0, y0, size[0], size[1], grid=False)
        surf = pygame.image.frombuffer(arr.tobytes(), size, "RGB").copy()
        shade = pygame.Surface(size, pygame.SRCALPHA)
        shade.fill((20, 16, 12, 175))
        surf.blit(shade, (0, 0))
    cache[size] = surf
    return surf


def largest_map(scenario_dir=None):
    """The largest map of the scenarios: from the shared maps folder if it has one (quick),
    else from the scenarios themselves; None if there is none."""
    from game.scenario.load import SCENARIO_DIR, load_scenario, map_file, scenario_files, yaml_files
    maps = []
    for f in yaml_files(Path(scenario_dir or SCENARIO_DIR) / "maps"):
        try:
            maps.append(map_file(f))
        except Exception:   # a broken map is no backdrop; `validate` says what is wrong
            continue
    if not maps:
        for f in scenario_files(scenario_dir):
            try:
                maps.append(load_scenario(f).map)
            except Exception:
                continue
    return max(maps, key=lambda hm: hm.width * hm.height, default=None)


def backdrop(size) -> pygame.Surface:
    """A dark parchment gradient with a faint hex pattern, drawn by code."""
    import math
    w, h = size
    surf = pygame.Surface(size)
    for y in range(h):
        t = y / max(1, h - 1)
        c = (int(38 - 14 * t), int(32 - 12 * t), int(24 - 10 * t))
        pygame.draw.line(surf, c, (0, y), (w, y))
    r = 34
    dx = math.sqrt(3) * r
    for row in range(int(h / (1.5 * r)) + 2):
        for col in range(int(w / dx) + 2):
            cx = col * dx + (dx / 2 if row % 2 else 0)
            cy = row * 1.5 * r
            pts = [(cx + r * math.cos(math.radians(30 + 60 * i)),
                    cy + r * math.sin(math.radians(30 + 60 * i))) for i in range(6)]
            pygame.draw.polygon(surf, (52, 44, 33), pts, 1)
    return surf
