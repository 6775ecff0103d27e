"""A picture of a scenario's start, for its author: `run.py map SCENARIO --out FILE.png`.

The map's terrain, rivers and roads as in the overview (game.ui.overview),
cropped to where the scenario's cities and armies are, with each city in its
owner's colour, each army as a flag of its faction with its id and men, and
every place labelled with its id (what the scenario file names), large
enough to read.  It reads the scenario and never changes it.
"""
from __future__ import annotations

import pygame

from game.hexgrid import hex_from_offset, offset_from_hex, polygon_corners
from game.ui.overview import HALO, INK, SUPERSAMPLE, OverviewPainter

MARGIN = 4          # hexes around the scenario's cities and armies
HEX_PX = 34         # a hex's width in the picture, in pixels (more on a small map)
MIN_WIDTH = 1400    # the whole map's width at least, so a small map is not a thumbnail


def _rgb(colour: str) -> tuple[int, int, int]:
    c = colour.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


class StartPainter(OverviewPainter):
    """The overview painter, drawing a scenario's owners, armies and place ids."""

    def __init__(self, scn, font_path: str | None):
        hm = scn.map
        super().__init__(hm, int(max(HEX_PX * (hm.width + 0.5), MIN_WIDTH)), font_path)
        self.scn = scn
        self.colours = {f.id: _rgb(f.color) for f in scn.spec.factions}
        self.taken: list[pygame.Rect] = []

    def text(self, words: str, px: int, x: float, y: float, colour=INK, anchor="midleft",
             avoid: bool = False):
        img = self.font(px).render(words, True, colour)
        halo = self.font(px).render(words, True, HALO)
        rect = img.get_rect(**{anchor: (round(x), round(y))})
        if avoid:       # beside, above or below: the first spot no other label takes
            w, h, s = rect.width, rect.height, self.size
            spots = [rect, rect.move(-w - s, 0), rect.move(-w / 2 - s * 0.5, -h - s * 0.2),
                     rect.move(-w / 2 - s * 0.5, h + s * 0.6), rect.move(0, -h), rect.move(0, h)]
            inside = self.surface.get_rect()
            rect = next((r for r in spots if r.collidelist(self.taken) < 0
                         and inside.contains(r)), rect)
            self.taken.append(rect)
        for ox, oy in ((-2, 0), (2, 0), (0, -2), (0, 2), (-2, -2), (2, 2), (-2, 2), (2, -2)):
            self.surface.blit(halo, rect.move(ox, oy))
        self.surface.blit(img, rect)
        return rect

    def draw_owners(self):
        s = self.size
        for h, cid in self.scn.city_at.items():
            city = next(c for c in self.scn.spec.cities if c.id == cid)
            colour = self.colours.get(city.owner, (128, 128, 128))
            pygame.draw.polygon(self.surface, colour, polygon_corners(self.layout, h),
                                max(3, int(s / 4)))
            x, y = self.centre(h)
            pygame.draw.circle(self.surface, HALO, (x, y), s * 0.42)
            pygame.draw.circle(self.surface, colour, (x, y), s * 0.34)

    def draw_place_ids(self):
        s = self.size
        px = max(10, int(s * 0.5))
        cities = set(self.scn.city_at)
        for p in sorted(self.hm.places.values(), key=lambda p: p.id):
            if p.hex in cities:
                continue
            x, y = self.centre(p.hex)
            pygame.draw.circle(self.surface, INK, (x, y), s * 0.14)
            self.text(p.id, int(px * 0.8), x + s * 0.3, y, (60, 50, 90))
        for h, cid in sorted(self.scn.city_at.items(), key=lambda kv: kv[1]):
            x, y = self.centre(h)
            col, row = offset_from_hex(h)
            self.text(f"{cid} ({col},{row})", px, x + s * 0.5, y - s * 0.3, avoid=True)

    def draw_armies(self):
        s = self.size
        px = max(10, int(s * 0.45))
        stacked: dict = {}
        for a in self.scn.spec.armies:
            h = next((hh for hh, cid in self.scn.city_at.items() if cid == a.at), None)
            h = h or self.hm.resolve(a.at)
            if h is None:
                continue
            n = stacked.get(h, 0)
            stacked[h] = n + 1
            x, y = self.centre(h)
            y += s * 0.35 + n * px * 1.1
            colour = self.colours.get(a.faction, (128, 128, 128))
            flag = pygame.Rect(0, 0, int(s * 0.55), int(s * 0.38))
            flag.midright = (round(x - s * 0.1), round(y))
            pygame.draw.rect(self.surface, HALO, flag.inflate(4, 4))
            pygame.draw.rect(self.surface, colour, flag)
            self.text(f"{a.id} {a.men}", px, x, y, INK, avoid=True)

    def crop(self) -> pygame.Rect:
        """The part of the picture around the scenario's cities and armies."""
        hexes = list(self.scn.city_at)
        hexes += [h for h in (self.hm.resolve(a.at) for a in self.scn.spec.armies) if h]
        if not hexes:
            return self.surface.get_rect()
        cells = [offset_from_hex(h) for h in hexes]
        c0 = max(0, min(c for c, _ in cells) - MARGIN)
        c1 = min(self.hm.width - 1, max(c for c, _ in cells) + MARGIN + 3)
        r0 = max(0, min(r for _, r in cells) - MARGIN)
        r1 = min(self.hm.height - 1, max(r for _, r in cells) + MARGIN)
        x0, y0 = self.centre(hex_from_offset(c0, r0))
        x1, y1 = self.centre(hex_from_offset(c1, r1))
        rect = pygame.Rect(int(x0 - self.size), int(y0 - self.size),
                           int(x1 - x0 + 2 * self.size), int(y1 - y0 + 2 * self.size))
        return rect.clip(self.surface.get_rect())

    def draw_title(self, rect: pygame.Rect):
        s = self.size
        px = max(12, int(s * 0.6))
        spec = self.scn.spec
        y = rect.y + px
        self.text(f"{spec.title} ({spec.id}), {spec.start}", px, rect.x + px, y)
        for f in spec.factions:
            y += px * 1.4
            box = pygame.Rect(rect.x + px, int(y - px / 2), px, px)
            pygame.draw.rect(self.surface, self.colours[f.id], box)
            pygame.draw.rect(self.surface, INK, box, 2)
            self.text(f"{f.id}: {f.name}", int(px * 0.8), rect.x + px * 2.5, y)

    def paint(self) -> pygame.Surface:
        self.draw_map()
        self.draw_owners()
        self.draw_place_ids()
        self.draw_armies()
        rect = self.crop()
        self.draw_title(rect)
        part = self.surface.subsurface(rect).copy()
        w, h = part.get_size()
        return pygame.transform.smoothscale(part, (w // SUPERSAMPLE, h // SUPERSAMPLE))


def save_start(scn, path: str, font_path: str | None = None) -> tuple[int, int]:
    """Draw the scenario's start to a PNG at `path`; its size in pixels."""
    if not pygame.font.get_init():
        pygame.font.init()
    surface = StartPainter(scn, font_path).paint()
    pygame.image.save(surface, path)
    return surface.get_size()
