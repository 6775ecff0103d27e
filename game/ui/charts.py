"""Line charts drawn with pygame: one line per faction, turn by turn.

Used by the victory screen for cities held, men under arms and treasury.
"""
from __future__ import annotations

import pygame

from game.ui import fonts
from game.ui import palette as P


def nice_step(span: float, ticks: int = 4) -> int:
    """A round step (1, 2 or 5 times a power of ten) giving about `ticks` gridlines."""
    raw = max(1.0, span / max(1, ticks))
    mag = 10 ** (len(str(int(raw))) - 1)
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return int(m * mag)
    return int(10 * mag)


def short(v: int) -> str:
    if abs(v) >= 1_000_000:
        return f"{v / 1_000_000:.1f}M"
    if abs(v) >= 10_000:
        return f"{v // 1000}k"
    return f"{v:,}"


def line_chart(size: tuple[int, int], title: str, xs: list[str],
               series: list[tuple[str, tuple[int, int, int], list[int]]]) -> pygame.Surface:
    """A chart of `series` (name, colour, values per x) over the x labels `xs`."""
    w, h = size
    surf = pygame.Surface(size, pygame.SRCALPHA)
    surf.fill((36, 31, 25, 255))
    pygame.draw.rect(surf, P.PANEL_LINE, surf.get_rect(), 1)
    head = fonts.text(title, 15, P.GOLD)
    surf.blit(head, (10, 6))
    left, top, right, bottom = 52, 30, w - 12, h - 44
    values = [v for _, _, vs in series for v in vs]
    if not xs or not values:
        msg = fonts.text("No turns played yet", 13, P.TEXT_DIM)
        surf.blit(msg, msg.get_rect(center=(w // 2, h // 2)))
        return surf
    lo = min(0, min(values))
    hi = max(values)
    step = nice_step(hi - lo)
    hi = max(step, -(-hi // step) * step)
    pw, ph = right - left, bottom - top

    def px(i: int) -> float:
        return left + (pw * i / (len(xs) - 1) if len(xs) > 1 else pw / 2)

    def py(v: float) -> float:
        return bottom - ph * (v - lo) / max(1, hi - lo)

    v = lo
    while v <= hi:
        y = py(v)
        pygame.draw.line(surf, (70, 60, 48), (left, y), (right, y), 1)
        lab = fonts.text(short(int(v)), 11, P.TEXT_DIM)
        surf.blit(lab, lab.get_rect(midright=(left - 4, y)))
        v += step
    every = max(1, len(xs) // 6)
    for i, x in enumerate(xs):
        if i % every == 0 or i == len(xs) - 1:
            lab = fonts.text(x, 11, P.TEXT_DIM)
            surf.blit(lab, lab.get_rect(midtop=(px(i), bottom + 4)))
    for name, color, vs in series:
        pts = [(px(i), py(val)) for i, val in enumerate(vs)]
        if len(pts) == 1:
            pygame.draw.circle(surf, color, pts[0], 3)
        elif pts:
            pygame.draw.lines(surf, P.INK, False, pts, 5)
            pygame.draw.lines(surf, color, False, pts, 3)
    # legend
    x = left
    for name, color, _ in series:
        pygame.draw.rect(surf, color, (x, h - 18, 12, 10))
        lab = fonts.text(name, 11, P.TEXT)
        surf.blit(lab, (x + 16, h - 20))
        x += 16 + lab.get_width() + 14
    return surf


def history_charts(history, factions: dict, colors: dict, width: int, height: int,
                   only: list[str]) -> list[pygame.Surface]:
    """Cities, men and treasury per side from the View's history rows (TurnStats)."""
    xs = [f"{r.year}" if r.month in (3, 1) or i == 0 else "" for i, r in enumerate(history)]
    xs = [x or "" for x in xs]
    out = []
    for title, attr in (("Cities held", "cities"), ("Men under arms", "men"),
                        ("Treasury", "treasury")):
        series = []
        for fid in only:
            vals = [getattr(r, attr).get(fid, 0) for r in history]
            series.append((factions[fid], colors.get(fid, (128, 128, 128)), vals))
        out.append(line_chart((width, height), title, xs, series))
    return out
