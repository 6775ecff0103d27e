"""Fonts, loaded once per size.  Map labels use the shipped DejaVu Sans Bold;
the widgets use pygame_gui's own fonts (see assets/theme.json)."""
from __future__ import annotations

from functools import lru_cache

import pygame

from game.resources import assets_dir

BOLD = assets_dir() / "fonts" / "DejaVuSans-Bold.ttf"


@lru_cache(maxsize=64)
def font(size: int) -> pygame.font.Font:
    """A font of `size` pixels: the shipped one, or pygame's built-in default if missing."""
    size = max(6, int(size))
    return pygame.font.Font(BOLD if BOLD.is_file() else None, size)


@lru_cache(maxsize=4096)
def text(s: str, size: int, color=(24, 22, 20), halo=None) -> pygame.Surface:
    """Rendered text, cached; with halo, an outline of that colour makes it readable on the map."""
    f = font(size)
    surf = f.render(s, True, color)
    if halo is None:
        return surf
    w, h = surf.get_size()
    out = pygame.Surface((w + 2, h + 2), pygame.SRCALPHA)
    ring = f.render(s, True, halo)
    for dx, dy in ((0, 1), (2, 1), (1, 0), (1, 2), (0, 0), (2, 2), (0, 2), (2, 0)):
        out.blit(ring, (dx, dy))
    out.blit(surf, (1, 1))
    return out


def reset() -> None:
    """Forget loaded fonts and texts (after pygame.font was shut down and started again)."""
    font.cache_clear()
    text.cache_clear()
