"""Line charts drawn with pygame: one line per faction, turn by turn.

Used by the victory screen and the "war so far" window for cities held, men
under arms and treasury.  They are drawn from a View's history, so while the
war goes on a side sees its own and its allies' figures, and of the others
only the cities it believed they held; a figure it does not know is left
out (no line, not a line at zero).
"""
from __future__ import annotations

import pygame

from game.i18n import N_, _, number
from game.ui import fonts
from game.ui import palette as P
from game.ui.scale import px


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
    return number(v)


def line_chart(size: tuple[int, int], title: str, xs: list[str],
               series: list[tuple[str, tuple[int, int, int], list[int]]]) -> pygame.Surface:
    """A chart of `series` (name, colour, values per x) over the x labels `xs`."""
    w, h = size
    surf = pygame.Surface(size, pygame.SRCALPHA)
    surf.fill((36, 31, 25, 255))
    pygame.draw.rect(surf, P.PANEL_LINE, surf.get_rect(), 1)
    head = fonts.text(title, px(15), P.GOLD)
    surf.blit(head, (px(10), px(6)))
    left, top, right, bottom = px(52), px(30), w - px(12), h - px(44)
    values = [v for _name, _colour, vs in series for v in vs if v is not None]
    if not xs or not values:
        msg = fonts.text(_("No turns played yet"), px(13), P.TEXT_DIM)
        surf.blit(msg, msg.get_rect(center=(w // 2, h // 2)))
        return surf
    lo = min(0, min(values))
    hi = max(values)
    step = nice_step(hi - lo)
    hi = max(step, -(-hi // step) * step)
    pw, ph = right - left, bottom - top

    def xpos(i: int) -> float:
        return left + (pw * i / (len(xs) - 1) if len(xs) > 1 else pw / 2)

    def ypos(v: float) -> float:
        return bottom - ph * (v - lo) / max(1, hi - lo)

    v = lo
    while v <= hi:
        y = ypos(v)
        pygame.draw.line(surf, (70, 60, 48), (left, y), (right, y), 1)
        lab = fonts.text(short(int(v)), px(11), P.TEXT_DIM)
        surf.blit(lab, lab.get_rect(midright=(left - px(4), y)))
        v += step
    every = max(1, len(xs) // 6)
    for i, x in enumerate(xs):
        if i % every == 0 or i == len(xs) - 1:
            lab = fonts.text(x, px(11), P.TEXT_DIM)
            surf.blit(lab, lab.get_rect(midtop=(xpos(i), bottom + px(4))))
    for name, color, vs in series:
        run: list = []
        for i, val in enumerate([*vs, None]):      # a gap where the value is not known
            if val is not None:
                run.append((xpos(i), ypos(val)))
                continue
            if len(run) == 1:
                pygame.draw.circle(surf, color, run[0], px(3))
            elif run:
                pygame.draw.lines(surf, P.INK, False, run, px(5))
                pygame.draw.lines(surf, color, False, run, px(3))
            run = []
    # legend
    x = left
    for name, color, _values in series:
        pygame.draw.rect(surf, color, (x, h - px(18), px(12), px(10)))
        lab = fonts.text(name, px(11), P.TEXT)
        surf.blit(lab, (x + px(16), h - px(20)))
        x += px(16) + lab.get_width() + px(14)
    return surf


def series_of(history, attr: str, only: list[str]) -> list[tuple[str, list[int | None]]]:
    """(faction, value per row or None where not known) for the factions with any value."""
    out = []
    for fid in only:
        vals = [getattr(r, attr).get(fid) for r in history]
        if any(v is not None for v in vals):
            out.append((fid, vals))
    return out


def year_labels(history) -> list[str]:
    """An x label per row: the year at its first row, blank elsewhere (monthly or seasonal)."""
    return [f"{r.year}" if i == 0 or r.year != history[i - 1].year else ""
            for i, r in enumerate(history)]


CHARTS = ((N_("Cities held"), "cities"), (N_("Men under arms"), "men"),
          (N_("Treasury"), "treasury"))


def history_charts(history, factions: dict, colors: dict, width: int, height: int,
                   only: list[str]) -> list[pygame.Surface]:
    """Cities, men and treasury per side from the View's history rows (TurnStats)."""
    xs = year_labels(history)
    out = []
    for title, attr in CHARTS:
        series = [(factions[fid], colors.get(fid, (128, 128, 128)), vals)
                  for fid, vals in series_of(history, attr, only)]
        out.append(line_chart((width, height), _(title), xs, series))
    return out


def charts_for(view, width: int, height: int) -> list[pygame.Surface]:
    """The three charts as `view` may see them (names and colours are public)."""
    state = view.world
    shown = [f for f in state.order if state.factions[f].major or state.factions[f].in_play]
    from game.ui.describe import faction_name
    names = {f: faction_name(state, f) for f in state.order}
    colors = {f.id: P.hex_to_rgb(f.color) for f in state.factions.values()}
    return history_charts(view.history, names, colors, width, height, shown)
