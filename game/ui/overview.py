"""A whole-map overview picture: terrain, rivers, roads, straits, passes, towns.

Used by tools/render_map.py to make docs/map-overview.png, and usable as a
minimap.  It reads a HexMap and never changes it.  The picture is drawn at
twice the requested size and scaled down, which smooths the lines without
needing anti-aliased primitives for everything.
"""
from __future__ import annotations

import math

import numpy as np
import pygame

from game import terrain as T
from game.hexgrid import (POINTY, Layout, edge_corners, hex_from_offset, hex_neighbor,
                          hex_to_pixel, offset_from_hex, polygon_corners)
from game.hexmap import HexMap
from game.ui import palette as P
from game.ui.palette import HALO, INK

SUPERSAMPLE = 2

class OverviewPainter:
    """Draws one HexMap onto a surface `width` pixels wide."""

    def __init__(self, hm: HexMap, width: int, font_path: str | None):
        self.hm = hm
        self.out_width = width
        w = width * SUPERSAMPLE
        size = w / ((hm.width + 0.5) * math.sqrt(3.0))
        self.size = size
        self.layout = Layout(POINTY, size, size, size * math.sqrt(3.0) / 2.0, size)
        h = int(math.ceil((1.5 * (hm.height - 1) + 2.0) * size))
        self.surface = pygame.Surface((int(w), h))
        self.font_path = font_path
        self._fonts: dict[int, pygame.font.Font] = {}

    # --- helpers ---------------------------------------------------------------------
    def font(self, px: int) -> pygame.font.Font:
        if px not in self._fonts:
            self._fonts[px] = pygame.font.Font(self.font_path, px)
        return self._fonts[px]

    def centre(self, h) -> tuple[float, float]:
        return hex_to_pixel(self.layout, h)

    def cells(self):
        for row in range(self.hm.height):
            for col in range(self.hm.width):
                yield col, row, hex_from_offset(col, row)

    def edge_line(self, h, d, colour, width):
        a, b = edge_corners(self.layout, h, d)
        pygame.draw.line(self.surface, colour, a, b, width)

    # --- layers ----------------------------------------------------------------------
    def draw_terrain(self):
        self.surface.fill(P.shade(P.TERRAIN_RGB[T.SEA], 1.0))
        hm = self.hm
        for col, row, h in self.cells():
            t = int(hm.terrain[row, col])
            # Slope facing the light (higher to the south-east) is brighter.
            nw, se = hex_neighbor(h, 2), hex_neighbor(h, 5)
            up = P.RELIEF[hm.terrain_at(nw)] if hm.contains(nw) else P.RELIEF[t]
            down = P.RELIEF[hm.terrain_at(se)] if hm.contains(se) else P.RELIEF[t]
            factor = 1.0 + 0.05 * (down - up) if t not in T.WATER_IDS else 1.0
            pts = polygon_corners(self.layout, h)
            pygame.draw.polygon(self.surface, P.shade(P.TERRAIN_RGB[t], factor), pts)
            self.draw_mark(t, h)

    def draw_mark(self, t: int, h):
        """Small map symbols: peaks, hills, trees, reeds, dunes."""
        x, y = self.centre(h)
        s = self.size
        dark = (90, 70, 50)
        if t in (T.MOUNTAINS, T.PEAKS):
            colour = (110, 100, 100) if t == T.PEAKS else (96, 76, 56)
            pts = [(x - 0.55 * s, y + 0.35 * s), (x, y - 0.45 * s), (x + 0.55 * s, y + 0.35 * s)]
            pygame.draw.lines(self.surface, colour, False, pts, max(1, int(s / 6)))
        elif t == T.HILLS:
            rect = pygame.Rect(x - 0.45 * s, y - 0.2 * s, 0.9 * s, 0.6 * s)
            pygame.draw.arc(self.surface, dark, rect, 0.3, math.pi - 0.3, max(1, int(s / 8)))
        elif t == T.FOREST:
            for dx in (-0.3, 0.3):
                pygame.draw.circle(self.surface, (60, 104, 56), (x + dx * s, y), 0.22 * s)
        elif t == T.MARSH:
            for dy in (-0.15, 0.2):
                pygame.draw.line(self.surface, (70, 110, 120), (x - 0.4 * s, y + dy * s),
                                 (x + 0.4 * s, y + dy * s), max(1, int(s / 8)))
        elif t == T.DESERT:
            for dx, dy in ((-0.3, -0.1), (0.25, 0.2), (0.05, -0.3)):
                pygame.draw.circle(self.surface, (190, 160, 110), (x + dx * s, y + dy * s),
                                   max(1.0, 0.07 * s))

    def draw_coasts_and_borders(self):
        hm = self.hm
        w = max(1, int(self.size / 5))
        for col, row, h in self.cells():
            water = hm.is_water(h)
            for d in range(3):
                n = hex_from_offset(*_neighbour_offset(col, row, d))
                if not hm.contains(n):
                    continue
                n_water = hm.is_water(n)
                if water != n_water:
                    self.edge_line(h, d, P.OVERVIEW_COAST, w + 1)
                elif not water and hm.region_of(h) != hm.region_of(n):
                    self.edge_line(h, d, P.OVERVIEW_BORDER, w)

    def draw_rivers(self):
        hm = self.hm
        width = max(2, int(self.size / 3.5))
        for col, row, h in self.cells():
            bits = hm.edge_bits(hm.river, h)
            for d in range(3):
                if bits >> d & 1:
                    self.edge_line(h, d, P.OVERVIEW_RIVER, width)
        for (h, d), _name in hm.crossing_names.items():
            if d > 2:
                continue
            a, b = edge_corners(self.layout, h, d)
            mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
            if hm.has_edge(hm.bridge, h, d):
                pygame.draw.circle(self.surface, (90, 60, 40), (mx, my), self.size * 0.28)
            else:
                pygame.draw.circle(self.surface, (240, 240, 255), (mx, my), self.size * 0.25)
                pygame.draw.circle(self.surface, P.OVERVIEW_RIVER, (mx, my), self.size * 0.25, 2)

    def draw_roads(self):
        hm = self.hm
        for col, row, h in self.cells():
            bits = hm.edge_bits(hm.road, h)
            for d in range(3):
                if not bits >> d & 1:
                    continue
                n = hex_from_offset(*_neighbour_offset(col, row, d))
                kind = hm.road_kinds.get((h, d), "roman")
                width = max(2, int(self.size / (4 if kind != "track" else 6)))
                pygame.draw.line(self.surface, P.OVERVIEW_ROAD[kind], self.centre(h), self.centre(n),
                                 width)

    def draw_straits(self):
        for (h, d), _sid in self.hm.strait_of_edge.items():
            if d <= 2:
                self.edge_line(h, d, P.OVERVIEW_STRAIT, max(3, int(self.size / 2.2)))

    def draw_passes(self):
        s = self.size
        for p in self.hm.passes.values():
            x, y = self.centre(p.hex)
            pts = [(x - 0.5 * s, y - 0.5 * s), (x, y), (x + 0.5 * s, y - 0.5 * s)]
            pygame.draw.lines(self.surface, INK, False, pts, max(2, int(s / 5)))
            pts = [(x - 0.5 * s, y + 0.5 * s), (x, y + 0.05 * s), (x + 0.5 * s, y + 0.5 * s)]
            pygame.draw.lines(self.surface, INK, False, pts, max(2, int(s / 5)))

    def draw_places(self, keep_clear: list[pygame.Rect]):
        s = self.size
        taken: list[pygame.Rect] = list(keep_clear)
        order = sorted(self.hm.places.values(), key=lambda p: (-p.importance, p.kind == "site", p.id))
        for p in order:
            x, y = self.centre(p.hex)
            r = s * (0.22 + 0.1 * p.importance)
            if p.kind == "site":
                pygame.draw.circle(self.surface, INK, (x, y), s * 0.22, max(1, int(s / 8)))
            elif p.kind == "fortress":
                rect = pygame.Rect(0, 0, 2 * r, 2 * r)
                rect.center = (round(x), round(y))
                pygame.draw.rect(self.surface, HALO, rect.inflate(4, 4))
                pygame.draw.rect(self.surface, INK, rect)
            else:
                pygame.draw.circle(self.surface, HALO, (x, y), r + 2)
                pygame.draw.circle(self.surface, INK, (x, y), r)
            if p.holy:
                pygame.draw.circle(self.surface, (214, 170, 30), (x, y), r + 3, 3)
            taken.append(pygame.Rect(x - r, y - r, 2 * r, 2 * r))
        for p in order:
            self.label(p, taken)

    def label(self, p, taken: list[pygame.Rect]):
        px = {3: 15, 2: 12, 1: 10}[p.importance] * SUPERSAMPLE
        if p.kind == "site":
            px = 10 * SUPERSAMPLE
        name = p.name.split(" (")[0]
        text = self.font(px).render(name, True, INK if p.kind != "site" else (60, 50, 90))
        x, y = self.centre(p.hex)
        w, h = text.get_size()
        bounds = self.surface.get_rect()
        spots = []
        for gap in (self.size * 0.7, self.size * 1.6):
            spots += [(gap, -h / 2), (-gap - w, -h / 2), (-w / 2, -gap - h), (-w / 2, gap),
                      (gap, -h), (gap, 0), (-gap - w, -h), (-gap - w, 0)]
        rects = [pygame.Rect(x + dx, y + dy, w, h) for dx, dy in spots]
        free = [r for r in rects if bounds.contains(r) and not any(r.colliderect(o) for o in taken)]
        if free:
            rect = free[0]
        elif p.importance >= 2:
            # An important name is shown even if it must overlap: where it overlaps least.
            def overlap(r):
                return sum(r.clip(o).width * r.clip(o).height for o in taken)
            rect = min((r for r in rects if bounds.contains(r)), key=overlap, default=rects[0])
        else:
            return            # no room: minor names are the ones left out
        halo = self.font(px).render(name, True, HALO)
        for ox, oy in ((-2, 0), (2, 0), (0, -2), (0, 2), (-2, -2), (2, 2), (-2, 2), (2, -2)):
            self.surface.blit(halo, (rect.x + ox, rect.y + oy))
        self.surface.blit(text, rect.topleft)
        taken.append(rect)

    def draw_legend(self, title: str):
        S = SUPERSAMPLE
        pad = 8 * S
        f_title, f = self.font(12 * S), self.font(9 * S)
        short = {T.PEAKS: "Impassable"}
        entries = [(short.get(t.id, t.name), P.shade(P.TERRAIN_RGB[t.id], 1.0), "box")
                   for t in T.TERRAINS]
        road = P.OVERVIEW_ROAD
        entries += [("River", P.OVERVIEW_RIVER, "line"), ("Roman road", road["roman"], "line"),
                    ("Persian road", road["persian"], "line"), ("Track", road["track"], "line"),
                    ("Strait", P.OVERVIEW_STRAIT, "line")]
        cols, col_w, row_h = 3, 108 * S, 13 * S
        rows = math.ceil(len(entries) / cols)
        note = (f"Hexes {self.hm.hex_km:g} km, {self.hm.width} x {self.hm.height}.  Dot town, "
                "square fortress, ring site, gold ring holy, >< pass")
        title_img, note_img = f_title.render(title, True, INK), f.render(note, True, INK)
        width = max(cols * col_w, title_img.get_width(), note_img.get_width()) + 2 * pad
        box = pygame.Rect(0, 0, width, pad * 2 + 20 * S + row_h * (rows + 1))
        box.bottomleft = (pad, self.surface.get_height() - pad)
        pygame.draw.rect(self.surface, (246, 242, 230), box)
        pygame.draw.rect(self.surface, INK, box, S)
        self.surface.blit(title_img, (box.x + pad, box.y + pad))
        y0 = box.y + pad + 20 * S
        for i, (name, colour, how) in enumerate(entries):
            x, y = box.x + pad + (i % cols) * col_w, y0 + (i // cols) * row_h
            if how == "box":
                pygame.draw.rect(self.surface, colour, (x, y + S, 16 * S, 9 * S))
                pygame.draw.rect(self.surface, INK, (x, y + S, 16 * S, 9 * S), 1)
            else:
                pygame.draw.line(self.surface, colour, (x, y + 6 * S), (x + 16 * S, y + 6 * S), 3 * S)
            self.surface.blit(f.render(name, True, INK), (x + 20 * S, y))
        self.surface.blit(note_img, (box.x + pad, y0 + rows * row_h))
        return box

    def paint(self) -> pygame.Surface:
        self.draw_terrain()
        self.draw_coasts_and_borders()
        self.draw_rivers()
        self.draw_roads()
        self.draw_straits()
        self.draw_passes()
        legend = self.draw_legend(self.hm.name)
        self.draw_places([legend])
        w, h = self.surface.get_size()
        return pygame.transform.smoothscale(self.surface, (self.out_width, round(h / SUPERSAMPLE)))


def _neighbour_offset(col: int, row: int, d: int) -> tuple[int, int]:
    return offset_from_hex(hex_neighbor(hex_from_offset(col, row), d))


def render_overview(hm: HexMap, width: int = 1200, font_path: str | None = None) -> pygame.Surface:
    """The overview picture of `hm`, `width` pixels wide."""
    if not pygame.font.get_init():
        pygame.font.init()
    return OverviewPainter(hm, width, font_path).paint()


def to_palette(surface: pygame.Surface, colours: int = 256) -> pygame.Surface:
    """An 8-bit copy using the most common colours: a far smaller PNG.

    Colours are grouped to the nearest multiple of 6 per channel first, so the
    soft edges left by scaling share a few palette entries.
    """
    rgb = pygame.surfarray.array3d(surface).astype(np.int32)
    flat = rgb.reshape(-1, 3)
    keys = ((flat // 6) * 6 + 3) @ np.array([65536, 256, 1])
    uniq, inverse, counts = np.unique(keys, return_inverse=True, return_counts=True)
    top = uniq[np.argsort(-counts, kind="stable")[:colours]]
    palette = np.stack([top // 65536, top // 256 % 256, top % 256], axis=1)
    ucol = np.stack([uniq // 65536, uniq // 256 % 256, uniq % 256], axis=1)
    nearest = np.empty(len(uniq), dtype=np.uint8)
    for i in range(0, len(uniq), 4096):
        d = ((ucol[i:i + 4096, None, :] - palette[None, :, :]) ** 2).sum(axis=2)
        nearest[i:i + 4096] = d.argmin(axis=1)
    out = pygame.Surface(surface.get_size(), depth=8)
    out.set_palette([tuple(int(v) for v in c) for c in palette])
    pygame.surfarray.blit_array(out, nearest[inverse.ravel()].reshape(rgb.shape[:2]))
    return out


def save_overview(hm: HexMap, path: str, width: int = 1200, font_path: str | None = None) -> tuple[int, int]:
    surface = render_overview(hm, width, font_path)
    pygame.image.save(to_palette(surface), path)
    return surface.get_size()
