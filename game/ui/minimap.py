"""The minimap: the whole map small, cities and armies as dots, the view as a frame.

Clicking or dragging on it moves the main view there.
"""
from __future__ import annotations

import pygame

from game.ui import map_marks
from game.ui import palette as P
from game.ui.scale import px
from game.ui.geometry import center


class Minimap:
    def __init__(self, map_view, rect: pygame.Rect):
        self.mv = map_view
        self.set_rect(rect)

    def set_rect(self, rect: pygame.Rect) -> None:
        base = self.mv.tiles.base
        bw, bh = base.get_size()
        k = min(rect.w / bw, rect.h / bh)
        w, h = max(1, round(bw * k)), max(1, round(bh * k))
        self.rect = pygame.Rect(0, 0, w, h)
        self.rect.center = rect.center
        self.image = pygame.transform.smoothscale(base, (w, h))
        self.k = w / self.mv.camera.units_w      # pixels per unit
        self._cities = None
        self._cities_view = None

    def to_units(self, pos) -> tuple[float, float]:
        return (pos[0] - self.rect.x) / self.k, (pos[1] - self.rect.y) / self.k

    def click(self, pos) -> bool:
        if not self.rect.collidepoint(pos):
            return False
        self.mv.camera.center_on(*self.to_units(pos))
        return True

    def draw(self, surf: pygame.Surface, view) -> None:
        k, x0, y0 = self.k, self.rect.x, self.rect.y
        colors, emblems = self.mv.colors, self.mv.emblems
        r = px(3 if k < 4 else 4)
        if self._cities is None or view is not self._cities_view:
            img = self.image.copy()
            lut = self.mv.fog_alpha(view)
            if lut is not None:
                img.blit(self.mv.fog_image(lut, k, 0, 0, *img.get_size()), (0, 0))
            for c in view.cities.values():       # the owner's emblem: shape as well as colour
                ux, uy = center(c.hex)
                mark = map_marks.mini_mark(emblems.get(c.owner, ""),
                                           colors.get(c.owner, (128, 128, 128)), r)
                img.blit(mark, mark.get_rect(center=(round(ux * k), round(uy * k))))
            self._cities, self._cities_view = img, view
        surf.blit(self._cities, self.rect)
        for a in view.armies.values():
            ux, uy = center(a.hex)
            mark = map_marks.mini_mark(emblems.get(a.faction, ""),
                                       colors.get(a.faction, (128, 128, 128)), r, army=True)
            surf.blit(mark, mark.get_rect(center=(round(x0 + ux * k), round(y0 + uy * k))))
        cam = self.mv.camera
        vx0, vy0, vx1, vy1 = cam.visible_units()
        frame = pygame.Rect(round(x0 + vx0 * k), round(y0 + vy0 * k),
                            round((vx1 - vx0) * k), round((vy1 - vy0) * k)).clip(self.rect)
        pygame.draw.rect(surf, P.SELECT, frame, 1)
        pygame.draw.rect(surf, P.PANEL_LINE, self.rect, 1)
