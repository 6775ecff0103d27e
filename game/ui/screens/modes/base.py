"""What every mode of the play screen does unless it says otherwise: the map may be
panned, zoomed and looked at, the menu and panels opened; nothing is ordered."""
from __future__ import annotations

import pygame

from game.ui.screens import game_input


class Mode:
    name = "mode"

    def handle(self, gs, event) -> None:
        game_input.browse(gs, event, self)

    def on_key(self, gs, event) -> bool:
        """A key this mode has its own use for; True when it was used."""
        return False

    def on_button(self, gs, el) -> bool:
        """A button of the panel this mode has its own use for; True when it was used."""
        return False

    def click(self, gs, h) -> None:
        """A click on hex `h` of the map: select what is there."""
        game_input.select_at(gs, h)

    def hover(self, gs, h) -> None:
        """The mouse is over hex `h` (None: off the map): no path to preview."""
        ov = gs.overlay
        ov.path, ov.path_label, ov.path_ok = [], "", True
        gs._path_key = None

    def update(self, gs, dt: float):
        return None

    def draw(self, gs, surface: pygame.Surface) -> None:
        """Drawn over the map and the panels."""

    def draw_over(self, gs, surface: pygame.Surface) -> None:
        """Drawn over the widgets: by default the map tooltip."""
        game_input.draw_tooltip(gs, surface)

    def __repr__(self) -> str:
        return f"<mode {self.name}>"
