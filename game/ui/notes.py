"""Lines of text drawn over the map: the tooltip, the passing message, the banner."""
from __future__ import annotations

import pygame

from game.ui import fonts
from game.ui import palette as P
from game.ui.scale import px

# When a list, every box drawn here is added to it as (what, rect): tests check that
# none leaves the window or covers another.
drawn: list | None = None
# Every box drawn here since the play screen began its frame (it clears the list): the
# map draws those places again in the next frame (game.ui.map_view, `drawn_over`).
boxes: list[pygame.Rect] = []


def note(what: str, rect: pygame.Rect) -> None:
    """Tell the tests, and the play screen, a box was drawn."""
    boxes.append(pygame.Rect(rect))
    if len(boxes) > 200:                 # nobody clears it (another screen): keep it small
        del boxes[:100]
    if drawn is not None:
        drawn.append((what, pygame.Rect(rect)))


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
    imgs = [fonts.text(t, px(13 if i else 14), P.GOLD if i == 0 else P.TEXT)
            for i, t in enumerate(lines)]
    w = max(i.get_width() for i in imgs) + px(16)
    h = sum(i.get_height() + px(2) for i in imgs) + px(10)
    area = bounds if bounds is not None else surface.get_rect()
    x, y = mouse[0] + px(18), mouse[1] + px(18)
    if x + w > area.right:
        x = mouse[0] - w - px(8)
    if y + h > area.bottom:
        y = mouse[1] - h - px(8)
    x = max(area.left, min(x, area.right - w))
    y = max(area.top, min(y, area.bottom - h))
    box = pygame.Rect(x, y, w, h)
    _box(surface, box, (30, 26, 20, 235), P.GOLD)
    note("tooltip", box)
    yy = y + px(5)
    for img in imgs:
        surface.blit(img, (x + px(8), yy))
        yy += img.get_height() + px(2)


def toast(surface: pygame.Surface, text: str, midtop: tuple[int, int], bad: bool) -> None:
    """A one-line message (what an order did, or why it was refused)."""
    img = fonts.text(text[:140], px(15), P.PAPER)
    box = img.get_rect(midtop=midtop).inflate(px(20), px(10))
    box.clamp_ip(surface.get_rect())
    _box(surface, box, (60, 20, 16, 225) if bad else (28, 24, 18, 225),
         P.BAD if bad else P.GOLD)
    note("toast", box)
    surface.blit(img, img.get_rect(center=box.center))


def banner(surface: pygame.Surface, text: str, midbottom: tuple[int, int]) -> None:
    img = fonts.text(text, px(15), P.PAPER, (20, 18, 14))
    rect = img.get_rect(midbottom=midbottom)
    surface.blit(img, rect)
    note("banner", rect)
