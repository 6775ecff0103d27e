"""Lines of text drawn over the map: the tooltip, the passing message, the banner."""
from __future__ import annotations

import pygame

from game.ui import fonts
from game.ui import palette as P


def _box(surface, rect: pygame.Rect, fill, edge) -> None:
    bg = pygame.Surface(rect.size, pygame.SRCALPHA)
    bg.fill(fill)
    surface.blit(bg, rect)
    pygame.draw.rect(surface, edge, rect, 1)


def tooltip(surface: pygame.Surface, lines: list[str], mouse: tuple[int, int],
            bounds: pygame.Rect | None = None) -> None:
    """A box of lines by the cursor, the first as its title, kept inside bounds (the
    map's part of the window for the map's tooltip; the whole window by default)."""
    if not lines:
        return
    imgs = [fonts.text(t, 13 if i else 14, P.GOLD if i == 0 else P.TEXT)
            for i, t in enumerate(lines)]
    w = max(i.get_width() for i in imgs) + 16
    h = sum(i.get_height() + 2 for i in imgs) + 10
    area = bounds if bounds is not None else surface.get_rect()
    x, y = mouse[0] + 18, mouse[1] + 18
    if x + w > area.right:
        x = mouse[0] - w - 8
    if y + h > area.bottom:
        y = mouse[1] - h - 8
    x = max(area.left, min(x, area.right - w))
    y = max(area.top, min(y, area.bottom - h))
    _box(surface, pygame.Rect(x, y, w, h), (30, 26, 20, 235), P.GOLD)
    yy = y + 5
    for img in imgs:
        surface.blit(img, (x + 8, yy))
        yy += img.get_height() + 2


def toast(surface: pygame.Surface, text: str, midtop: tuple[int, int], bad: bool) -> None:
    """A one-line message (what an order did, or why it was refused)."""
    img = fonts.text(text[:140], 15, P.PAPER)
    box = img.get_rect(midtop=midtop).inflate(20, 10)
    _box(surface, box, (60, 20, 16, 225) if bad else (28, 24, 18, 225),
         P.BAD if bad else P.GOLD)
    surface.blit(img, img.get_rect(center=box.center))


def banner(surface: pygame.Surface, text: str, midbottom: tuple[int, int]) -> None:
    img = fonts.text(text, 15, P.PAPER, (20, 18, 14))
    surface.blit(img, img.get_rect(midbottom=midbottom))
