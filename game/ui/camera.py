"""The camera: which part of the map is on screen, and at which zoom level.

Zoom is a ladder of hex sizes in pixels, so each level can be pre-rendered;
the camera's centre is kept in map units (a hex of size 1), so it does not
move when the level changes.  Zooming keeps the map point under the cursor
under the cursor.
"""
from __future__ import annotations

import pygame

from game.ui.geometry import map_size_units
from game.ui.scale import px

# Hex sizes (centre to corner, pixels).  The smallest level that shows the
# whole map and the largest (a dozen or two hexes across) bound the zoom.  The
# largest is 48 at 100 % and grows with the interface's scale (game.ui.scale), so
# counters and cities are as large at 200 % as the texts: 96.
LEVELS = (6, 8, 11, 15, 20, 27, 36, 48, 64, 96)
BIGGEST = 48            # the largest hex at 100 %


class Camera:
    def __init__(self, map_w: int, map_h: int, viewport: pygame.Rect):
        self.units_w, self.units_h = map_size_units(map_w, map_h)
        self.viewport = pygame.Rect(viewport)
        self.level = 0
        self.cx, self.cy = self.units_w / 2, self.units_h / 2
        self.level = self.fit_level()

    # --- levels ---
    @property
    def s(self) -> int:
        return LEVELS[self.level]

    def fit_level(self) -> int:
        """The largest level at which the whole map fits in the viewport (or the smallest)."""
        best = 0
        for i, s in enumerate(LEVELS[:self.max_level + 1]):
            if self.units_w * s <= self.viewport.w and self.units_h * s <= self.viewport.h:
                best = i
        return best

    @property
    def max_level(self) -> int:
        """The closest zoom at the interface's scale."""
        return max(i for i, s in enumerate(LEVELS) if s <= max(BIGGEST, px(BIGGEST)))

    @property
    def min_level(self) -> int:
        return self.fit_level()

    def set_viewport(self, rect: pygame.Rect) -> None:
        self.viewport = pygame.Rect(rect)
        self.level = min(max(self.level, self.min_level), self.max_level)
        self.clamp()

    # --- conversions ---
    def to_screen(self, ux: float, uy: float) -> tuple[float, float]:
        s = self.s
        return ((ux - self.cx) * s + self.viewport.centerx,
                (uy - self.cy) * s + self.viewport.centery)

    def to_units(self, x: float, y: float) -> tuple[float, float]:
        s = self.s
        return ((x - self.viewport.centerx) / s + self.cx,
                (y - self.viewport.centery) / s + self.cy)

    def world_origin(self) -> tuple[int, int]:
        """Screen position of world pixel (0, 0) at the current level, rounded."""
        x, y = self.to_screen(0.0, 0.0)
        return round(x), round(y)

    def visible_units(self) -> tuple[float, float, float, float]:
        x0, y0 = self.to_units(self.viewport.left, self.viewport.top)
        x1, y1 = self.to_units(self.viewport.right, self.viewport.bottom)
        return x0, y0, x1, y1

    # --- moving ---
    def clamp(self) -> None:
        vw = self.viewport.w / self.s
        vh = self.viewport.h / self.s
        for attr, size, view in (("cx", self.units_w, vw), ("cy", self.units_h, vh)):
            if size <= view:
                setattr(self, attr, size / 2)
            else:
                lo, hi = view / 2 - 1.0, size - view / 2 + 1.0
                setattr(self, attr, min(hi, max(lo, getattr(self, attr))))

    def pan(self, dx: float, dy: float) -> None:
        """Move the view by (dx, dy) screen pixels (the map moves the other way)."""
        self.cx += dx / self.s
        self.cy += dy / self.s
        self.clamp()

    def center_on(self, ux: float, uy: float) -> None:
        self.cx, self.cy = ux, uy
        self.clamp()

    def zoom(self, steps: int, at: tuple[int, int] | None = None) -> bool:
        """Change level by steps about screen point `at`; returns whether it changed."""
        new = min(self.max_level, max(self.min_level, self.level + steps))
        if new == self.level:
            return False
        at = at or self.viewport.center
        ux, uy = self.to_units(*at)
        self.level = new
        s = self.s
        self.cx = ux - (at[0] - self.viewport.centerx) / s
        self.cy = uy - (at[1] - self.viewport.centery) / s
        self.clamp()
        return True
