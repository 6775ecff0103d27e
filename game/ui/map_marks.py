"""The small pictures on the map: city marks, army counters, pass and place marks.

Each is drawn once for what it shows (owner colour, walls, men, state, size)
and cached, so a frame only blits them.
"""
from __future__ import annotations

import math
from functools import lru_cache

import pygame

from game.ui import fonts
from game.ui import palette as P
from game.ui.scale import px

WALL = (70, 62, 54)


def men_text(men: int) -> str:
    if men >= 10000:
        return f"{men // 1000}k"
    if men >= 1000:
        return f"{men / 1000:.1f}k"
    return str(men)


def _star(surf, c, r, color) -> None:
    pts = []
    for i in range(10):
        a = -math.pi / 2 + i * math.pi / 5
        rr = r if i % 2 == 0 else r * 0.45
        pts.append((c[0] + rr * math.cos(a), c[1] + rr * math.sin(a)))
    pygame.draw.polygon(surf, color, pts)
    pygame.draw.polygon(surf, P.INK, pts, 1)


def draw_emblem(surf, name: str, c: tuple[float, float], k: float, color, width: int = 0) -> None:
    """A faction's emblem (game.scenario.emblems) centred on c, about 2k across.
    width 0 fills the shape; the line shapes (cross, bars, chevron, ring) use
    a stroke of about k/2.5 then."""
    x, y = c
    lw = width or max(1, round(k / 2.5))
    if name == "cross":
        pygame.draw.line(surf, color, (x, y - k), (x, y + k), lw)
        pygame.draw.line(surf, color, (x - k * 0.8, y - k * 0.25), (x + k * 0.8, y - k * 0.25), lw)
    elif name == "crescent":
        pygame.draw.circle(surf, color, (x, y), k)
        pygame.draw.circle(surf, (0, 0, 0, 0), (x + k * 0.55, y - k * 0.2), k * 0.85)
    elif name == "chevron":
        pygame.draw.lines(surf, color, False, [(x - k, y + k * 0.5), (x, y - k * 0.6),
                                               (x + k, y + k * 0.5)], lw + 1)
    elif name == "bars":
        for dx in (-k * 0.5, k * 0.5):
            pygame.draw.line(surf, color, (x + dx, y - k), (x + dx, y + k), lw)
    elif name == "triangle":
        pygame.draw.polygon(surf, color, [(x, y - k), (x + k, y + k * 0.8), (x - k, y + k * 0.8)])
    elif name == "ring":
        pygame.draw.circle(surf, color, (x, y), k, lw)
    elif name == "diamond":
        pygame.draw.polygon(surf, color, [(x, y - k), (x + k, y), (x, y + k), (x - k, y)])
    else:                                   # square
        pygame.draw.rect(surf, color, (x - k * 0.8, y - k * 0.8, k * 1.6, k * 1.6))


@lru_cache(maxsize=256)
def badge(name: str, color: tuple, k: int) -> pygame.Surface:
    """An emblem in the faction's colour on a light disc with a dark edge, 2k+2 across."""
    size = 2 * k + 2
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    c = size / 2
    pygame.draw.circle(surf, P.PAPER, (c, c), k)
    pygame.draw.circle(surf, P.INK, (c, c), k, 1)
    mark = pygame.Surface((size, size), pygame.SRCALPHA)
    draw_emblem(mark, name, (c, c), k * 0.62, P.shade(color, 0.8) if sum(color) > 420 else color)
    surf.blit(mark, (0, 0))
    return surf


@lru_cache(maxsize=256)
def mini_mark(emblem: str, color: tuple, k: int, army: bool = False) -> pygame.Surface:
    """A side's mark where the map is drawn small (the minimap, the new game's picture),
    2k+4 across.  A city is its owner's emblem in the owner's colour, outlined in ink;
    an army the same emblem on a light square.  So the side shows by shape as well as
    by colour."""
    size = 2 * k + 4
    c = (size / 2, size / 2)
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    lw = max(1, round(k / 2.5))
    if army:
        pygame.draw.rect(surf, P.PAPER, (0, 0, size, size))
        pygame.draw.rect(surf, P.INK, (0, 0, size, size), 1)
        mark = pygame.Surface((size, size), pygame.SRCALPHA)
        draw_emblem(mark, emblem, c, k * 0.75, P.shade(color, 0.8) if sum(color) > 420
                    else color, lw)
        surf.blit(mark, (0, 0))
        return surf
    for kk, ink, w in ((k + 1, P.INK, lw + 2), (k, color, lw)):
        layer = pygame.Surface((size, size), pygame.SRCALPHA)
        draw_emblem(layer, emblem, c, kk, ink, w)
        surf.blit(layer, (0, 0))
    return surf


@lru_cache(maxsize=2048)
def city_mark(kind: str, color: tuple, walls: int, max_walls: int, holy: bool, capital: bool,
              besieged: bool, r: int, emblem: str = "", strong: bool = False) -> pygame.Surface:
    """A disc (city) or square (fortress) in the owner's colour, ringed by its walls.

    The ring is thicker for stronger walls and shows a red gap once breached; a
    capital carries a gold star, a holy city a cross; a besieged one a red ring.
    The owner's emblem sits on a small badge at the upper left.  strong (the
    high-contrast setting) rings the mark in white and black.
    """
    ring = 0 if max_walls == 0 else max(1, min(4, 1 + walls * r // 10))
    size = 2 * (r + ring + 4)
    surf = pygame.Surface((size, size), pygame.SRCALPHA)
    c = size // 2
    if besieged:
        pygame.draw.circle(surf, (*P.BAD, 235), (c, c), r + ring + 4, 2)
    if kind == "fortress":
        rect = pygame.Rect(0, 0, 2 * r, 2 * r)
        rect.center = (c, c)
        if ring:
            outer = rect.inflate(2 * ring, 2 * ring)
            pygame.draw.rect(surf, WALL, outer)
            step = max(3, ring * 2)          # crenels along the top
            for x in range(outer.left + step, outer.right - step, step * 2):
                pygame.draw.rect(surf, (0, 0, 0, 0), (x, outer.top, step, max(1, ring // 2)))
        pygame.draw.rect(surf, color, rect)
        pygame.draw.rect(surf, P.INK, rect, 1)
    else:
        if ring:
            pygame.draw.circle(surf, WALL, (c, c), r + ring)
        pygame.draw.circle(surf, color, (c, c), r)
        pygame.draw.circle(surf, P.INK, (c, c), r, 1)
    if ring and walls < max_walls:           # breached: a red gap on the right
        pygame.draw.arc(surf, P.BAD, (c - r - ring, c - r - ring, 2 * (r + ring),
                                      2 * (r + ring)), -0.6, 0.6, max(2, ring))
    if capital:
        _star(surf, (c, c), max(2, r * 2 // 3), P.GOLD)
    elif holy:
        k = max(2, r * 2 // 3)
        lw = max(1, r // 4)
        pygame.draw.line(surf, P.PAPER, (c, c - k), (c, c + k), lw)
        pygame.draw.line(surf, P.PAPER, (c - k * 2 // 3, c - k // 3), (c + k * 2 // 3, c - k // 3),
                         lw)
    if strong:
        pygame.draw.circle(surf, P.PAPER, (c, c), r + ring + 2, 2)
        pygame.draw.circle(surf, P.INK, (c, c), r + ring + 3, 1)
    if emblem and r >= 5:
        b = badge(emblem, color, max(5, r * 4 // 5))
        surf.blit(b, (0, 0))
    return surf


def counter_size(s: int) -> tuple[int, int]:
    """A counter's size at hex size s: narrower than the gap between two hexes' centres
    (s * 1.73), so that counters of neighbouring hexes never cover each other, and as
    wide as that allows, to leave room for the emblem beside the number."""
    return max(8, min(px(64), round(s * 1.68))), max(5, min(px(38), round(s * 0.9)))


def stack_step(s: int) -> int:
    """How far each counter of a stack is drawn from the one above it."""
    return max(1, int(s * 0.14))


SMALL = 13       # counters lower than this show no number (the tooltip gives it)


def emblem_room(h: int) -> int:
    """The width an emblem takes at the left of a counter of height h."""
    return 2 * max(3, h // 4) + 3


def supply_color(supply: int) -> tuple[int, int, int]:
    return P.GOOD if supply >= 70 else P.WARN if supply >= 50 else P.BAD


@lru_cache(maxsize=2048)
def counter(color: tuple, men: int, s: int, state: str, supply: int = 100,
            emblem: str = "", strong: bool = False) -> pygame.Surface:
    """An army counter: faction colour, its emblem at the left, men, a green mark while
    it can still move, and along its foot a strip for its supply (green, amber below 70,
    red below 50).

    state is "selected", "ready" (can move), "spent" (greyed) or "plain" (not its turn);
    supply is rounded to tens by the caller so that few pictures are made; strong (the
    high-contrast setting) gives the counter a white and black edge.
    """
    w, h = counter_size(s)
    surf = pygame.Surface((w + 4, h + 4), pygame.SRCALPHA)
    rect = pygame.Rect(2, 2, w, h)
    pygame.draw.rect(surf, (0, 0, 0, 90), rect.move(1, 1) if h < SMALL else rect.move(2, 2),
                     border_radius=3)
    pygame.draw.rect(surf, color, rect, border_radius=3)
    band = pygame.Rect(rect.x, rect.y, rect.w, max(2, h // 5))
    pygame.draw.rect(surf, P.shade(color, 0.65), band, border_top_left_radius=3,
                     border_top_right_radius=3)
    ink = P.text_on(color)
    if h >= SMALL:
        txt = fonts.text(men_text(men), max(10, min(px(17), h * 11 // 20)), ink)
        # the emblem goes at the left when the counter is wide enough for both
        room = emblem_room(h) if emblem and rect.w >= txt.get_width() + emblem_room(h) + 2 else 0
        if room:
            k = max(3, h // 4)
            draw_emblem(surf, emblem, (rect.x + 3 + k, rect.centery + h // 12), k, ink)
        elif emblem:                     # too narrow for both: a small emblem in the corner
            k = max(2, h // 6)
            draw_emblem(surf, emblem, (rect.x + 1 + k, rect.y + 1 + k), k, ink)
        surf.blit(txt, txt.get_rect(center=(rect.centerx + room // 2, rect.centery + h // 12)))
    elif emblem and h >= 6:
        # a small counter shows no number, but keeps its emblem: colour is never the only cue
        draw_emblem(surf, emblem, rect.center, max(2, h // 3), ink)
    strip = max(2, h // 9)
    foot = pygame.Rect(rect.x + 2, rect.bottom - strip - 1, rect.w - 4, strip)
    pygame.draw.rect(surf, (30, 26, 22), foot)
    pygame.draw.rect(surf, supply_color(supply),
                     (foot.x, foot.y, max(1, foot.w * max(0, min(100, supply)) // 100), strip))
    if state == "spent":
        dim = pygame.Surface(rect.size, pygame.SRCALPHA)
        dim.fill((40, 40, 40, 120))
        surf.blit(dim, rect)
    elif state in ("ready", "selected"):
        k = max(2, h // 8)
        pygame.draw.circle(surf, P.GOOD, (rect.right - k - 1, rect.top + k + 1), k)
        pygame.draw.circle(surf, P.INK, (rect.right - k - 1, rect.top + k + 1), k, 1)
    if state == "selected":
        pygame.draw.rect(surf, P.SELECT, rect.inflate(2, 2), 3, border_radius=4)
    elif strong:
        pygame.draw.rect(surf, P.INK, rect.inflate(2, 2), 1, border_radius=4)
        pygame.draw.rect(surf, P.PAPER, rect, 2, border_radius=3)
    else:
        pygame.draw.rect(surf, P.INK, rect, 1, border_radius=3)
    return surf


@lru_cache(maxsize=64)
def pass_mark(s: int, closed: bool) -> pygame.Surface:
    """Two brackets facing away from each other, ")(", as on old maps; red when shut."""
    k = max(4, s // 4)
    lw = 2 if s < 27 else 3
    surf = pygame.Surface((5 * k, 3 * k), pygame.SRCALPHA)
    x, y = surf.get_width() / 2, surf.get_height() / 2
    col = P.BAD if closed else (52, 38, 26)
    pygame.draw.arc(surf, col, (x - 2.4 * k, y - k, 2 * k, 2 * k), -1.1, 1.1, lw)
    pygame.draw.arc(surf, col, (x + 0.4 * k, y - k, 2 * k, 2 * k), math.pi - 1.1,
                    math.pi + 1.1, lw)
    return surf


@lru_cache(maxsize=16)
def place_mark(s: int) -> pygame.Surface:
    """A small grey diamond for a named place that is no city in this scenario."""
    k = max(3, s // 9)
    surf = pygame.Surface((2 * k + 2, 2 * k + 2), pygame.SRCALPHA)
    c = k + 1
    pts = [(c, c - k), (c + k, c), (c, c + k), (c - k, c)]
    pygame.draw.polygon(surf, (90, 80, 70), pts)
    pygame.draw.polygon(surf, P.PAPER, pts, 1)
    return surf


@lru_cache(maxsize=64)
def shadow_box(size: tuple[int, int]) -> pygame.Surface:
    """A dark translucent box to set a line of text off from the map."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    surf.fill((24, 20, 16, 215))
    pygame.draw.rect(surf, (120, 100, 70, 255), surf.get_rect(), 1)
    return surf


def reset() -> None:
    for f in (city_mark, counter, pass_mark, place_mark, shadow_box, badge, mini_mark):
        f.cache_clear()
