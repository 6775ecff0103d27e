"""What every screen has: its widgets, input, update and drawing."""
from __future__ import annotations

import pygame


class Screen:
    """A screen builds its pygame_gui widgets for the window size and can rebuild them.

    `handle(event)` and `update(dt)` return the next screen, or None to stay.
    """

    def __init__(self, app):
        self.app = app
        self.widgets: list = []          # top-level pygame_gui elements, killed on leave

    @property
    def manager(self):
        return self.app.manager

    @property
    def size(self) -> tuple[int, int]:
        return self.app.window.get_size()

    def add(self, element):
        self.widgets.append(element)
        return element

    def enter(self) -> None:
        self.build()

    def build(self) -> None:
        """Create the widgets for the current window size."""

    def clear(self) -> None:
        for w in self.widgets:
            w.kill()
        self.widgets = []

    def leave(self) -> None:
        self.clear()

    def resize(self) -> None:
        self.clear()
        self.build()

    def handle(self, event: pygame.event.Event) -> "Screen | None":
        return None

    def update(self, dt: float) -> "Screen | None":
        return None

    def draw(self, surface: pygame.Surface) -> None:
        surface.fill((22, 19, 16))

    def draw_over(self, surface: pygame.Surface) -> None:
        """Drawn after the widgets (e.g. a tooltip that must sit above them)."""
