"""The map on screen: pre-rendered terrain tiles, then what changes during play.

Per frame this blits the tiles and draws the dynamic layers from a View
(never from the full state): territory borders, passes, cities with their
walls and owners, armies as counters in their faction's colours, and the
player's overlays (reachable hexes, the path under the cursor, the
selection, moving counters).  Every small picture (a counter, a city mark,
a label) is drawn once and cached by what it shows.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pygame

from game.hexgrid import Hex
from game.rules.state import Army, City
from game.ui import fonts
from game.ui import palette as P
from game.ui.camera import Camera
from game.ui.geometry import CORNERS, center, hex_at
from game.ui.map_tiles import MapTiles
from game.ui.territory import Territory


@dataclass
class Overlay:
    """What the player is doing, drawn over the map."""
    selected_army: str | None = None
    selected_city: str | None = None
    reach: set[Hex] = field(default_factory=set)
    attack: set[Hex] = field(default_factory=set)
    siege: set[Hex] = field(default_factory=set)
    hover: Hex | None = None
    path: list[Hex] = field(default_factory=list)
    path_ok: bool = True
    path_label: str = ""
    moving: dict[str, tuple[float, float]] = field(default_factory=dict)  # army -> units
    flashes: list[tuple[Hex, float, tuple]] = field(default_factory=list)  # hex, age 0..1, rgb
    active: str | None = None            # the faction to play (its armies show moves left)
    version: int = 0                     # bumped when reach/attack/siege change


def men_text(men: int) -> str:
    if men >= 10000:
        return f"{men // 1000}k"
    if men >= 1000:
        return f"{men / 1000:.1f}k"
    return str(men)


class MapView:
    def __init__(self, scn, viewport: pygame.Rect, threaded: bool = True):
        self.scn = scn
        hm = scn.map
        self.hm = hm
        self.tiles = MapTiles(hm, threaded=threaded)
        self.camera = Camera(hm.width, hm.height, viewport)
        self.importance = {cid: (hm.places[cid].importance if cid in hm.places else 1)
                           for cid in scn.city_at.values()}
        for c in scn.spec.cities:
            if c.at and c.at in hm.places:
                self.importance[c.id] = hm.places[c.at].importance
        self.territory = Territory(scn, self.importance)
        self.colors = {f.id: P.hex_to_rgb(f.color) for f in scn.spec.factions}
        self.city_places = {h for h in scn.city_at}
        self._cache: dict = {}
        self._reach_surf = None
        self._reach_key = None

    def close(self) -> None:
        self.tiles.close()

    # --- geometry ---
    def set_viewport(self, rect: pygame.Rect) -> None:
        self.camera.set_viewport(rect)

    def hex_at(self, pos) -> Hex | None:
        if not self.camera.viewport.collidepoint(pos):
            return None
        h = hex_at(*self.camera.to_units(*pos))
        return h if self.hm.contains(h) else None

    def screen_of(self, h: Hex) -> tuple[float, float]:
        return self.camera.to_screen(*center(h))

    def center_on(self, h: Hex) -> None:
        self.camera.center_on(*center(h))

    # --- small cached pictures ---
    def _cached(self, key, make):
        surf = self._cache.get(key)
        if surf is None:
            if len(self._cache) > 3000:
                self._cache.clear()
            surf = self._cache[key] = make()
        return surf

    def city_icon(self, city: City, capital: bool, r: int) -> pygame.Surface:
        color = self.colors.get(city.owner, (128, 128, 128))
        key = ("city", city.kind, color, city.walls, city.max_walls, city.holy, capital,
               city.siege is not None, r)

        def make():
            ring = 0 if city.max_walls == 0 else max(1, min(4, 1 + city.walls * r // 10))
            size = 2 * (r + ring + 3)
            surf = pygame.Surface((size, size), pygame.SRCALPHA)
            c = size // 2
            if city.siege is not None:
                pygame.draw.circle(surf, (*P.BAD, 230), (c, c), r + ring + 3, 2)
            if city.kind == "fortress":
                rect = pygame.Rect(0, 0, 2 * r, 2 * r)
                rect.center = (c, c)
                if ring:
                    pygame.draw.rect(surf, (70, 62, 54), rect.inflate(2 * ring, 2 * ring))
                    self._crenels(surf, rect.inflate(2 * ring, 2 * ring), ring)
                pygame.draw.rect(surf, color, rect)
                pygame.draw.rect(surf, P.INK, rect, 1)
            else:
                if ring:
                    pygame.draw.circle(surf, (70, 62, 54), (c, c), r + ring)
                    if city.walls < city.max_walls:      # breached: a gap in the walls
                        pygame.draw.arc(surf, P.BAD, (c - r - ring, c - r - ring,
                                                      2 * (r + ring), 2 * (r + ring)),
                                        -0.6, 0.6, max(1, ring))
                pygame.draw.circle(surf, color, (c, c), r)
                pygame.draw.circle(surf, P.INK, (c, c), r, 1)
            if capital:
                self._star(surf, (c, c), max(2, r * 2 // 3), P.GOLD)
            elif city.holy:
                k = max(2, r * 2 // 3)
                pygame.draw.line(surf, P.PAPER, (c, c - k), (c, c + k), max(1, r // 4))
                pygame.draw.line(surf, P.PAPER, (c - k * 2 // 3, c - k // 3),
                                 (c + k * 2 // 3, c - k // 3), max(1, r // 4))
            return surf
        return self._cached(key, make)

    @staticmethod
    def _crenels(surf, rect, ring):
        step = max(3, ring * 2)
        for x in range(rect.left, rect.right, step * 2):
            pygame.draw.rect(surf, (0, 0, 0, 0), (x + step, rect.top, step, 1))

    @staticmethod
    def _star(surf, c, r, color):
        pts = []
        for i in range(10):
            a = -math.pi / 2 + i * math.pi / 5
            rr = r if i % 2 == 0 else r * 0.45
            pts.append((c[0] + rr * math.cos(a), c[1] + rr * math.sin(a)))
        pygame.draw.polygon(surf, color, pts)
        pygame.draw.polygon(surf, P.INK, pts, 1)

    def counter(self, army: Army, commander: str | None, s: int, state: str) -> pygame.Surface:
        """An army's counter: faction colour, men, and a mark for moves left or spent."""
        color = self.colors.get(army.faction, (128, 128, 128))
        w = max(14, min(58, round(s * 1.25)))
        h = max(10, min(34, round(s * 0.74)))
        key = ("army", color, men_text(army.men), w, h, state)

        def make():
            surf = pygame.Surface((w + 4, h + 4), pygame.SRCALPHA)
            rect = pygame.Rect(2, 2, w, h)
            pygame.draw.rect(surf, (0, 0, 0, 90), rect.move(2, 2), border_radius=3)
            pygame.draw.rect(surf, color, rect, border_radius=3)
            band = pygame.Rect(rect.x, rect.y, rect.w, max(2, h // 5))
            pygame.draw.rect(surf, P.shade(color, 0.65), band, border_top_left_radius=3,
                             border_top_right_radius=3)
            outline = P.SELECT if state == "selected" else P.INK
            pygame.draw.rect(surf, outline, rect, 2 if state == "selected" else 1,
                             border_radius=3)
            if h >= 14:
                txt = fonts.text(men_text(army.men), max(9, min(17, h * 11 // 20)),
                                 P.text_on(color))
                surf.blit(txt, txt.get_rect(center=(rect.centerx, rect.centery + h // 12)))
            if state == "spent":
                dim = pygame.Surface(rect.size, pygame.SRCALPHA)
                dim.fill((40, 40, 40, 110))
                surf.blit(dim, rect)
            elif state in ("ready", "selected"):
                pygame.draw.circle(surf, P.GOOD, (rect.right - 4, rect.top + 4), max(2, h // 8))
                pygame.draw.circle(surf, P.INK, (rect.right - 4, rect.top + 4), max(2, h // 8), 1)
            return surf
        return self._cached(key, make)

    # --- drawing ---
    def draw(self, surf: pygame.Surface, view, state, ov: Overlay) -> None:
        cam = self.camera
        self.tiles.draw(surf, cam)
        old_clip = surf.get_clip()
        surf.set_clip(cam.viewport)
        s = cam.s
        ox, oy = cam.to_screen(0.0, 0.0)
        vx0, vy0, vx1, vy1 = cam.visible_units()
        pad = 2.0

        def on_screen(ux, uy):
            return vx0 - pad <= ux <= vx1 + pad and vy0 - pad <= uy <= vy1 + pad

        self._draw_borders(surf, view, s, ox, oy, (vx0 - pad, vy0 - pad, vx1 + pad, vy1 + pad))
        self._draw_reach(surf, ov, s, ox, oy)
        self._draw_passes(surf, state, s, ox, oy, on_screen)
        self._draw_places(surf, s, ox, oy, on_screen)
        labels = self._draw_cities(surf, view, state, s, ox, oy, on_screen)
        self._draw_hover(surf, ov, s, ox, oy)
        self._draw_armies(surf, view, state, ov, s, ox, oy, on_screen)
        for img, pos in labels:
            surf.blit(img, pos)
        self._draw_path(surf, ov, s, ox, oy)
        self._draw_flashes(surf, ov, s, ox, oy)
        surf.set_clip(old_clip)

    def _draw_borders(self, surf, view, s, ox, oy, box) -> None:
        owners = {cid: c.owner for cid, c in view.cities.items()}
        x0, y0, x1, y1 = box
        width = 1 if s < 11 else 2 if s < 27 else 3
        for f, (ax, ay, bx, by) in self.territory.border_lines(owners):
            if max(ax, bx) < x0 or min(ax, bx) > x1 or max(ay, by) < y0 or min(ay, by) > y1:
                continue
            pygame.draw.line(surf, self.colors.get(f, (128, 128, 128)),
                             (ax * s + ox, ay * s + oy), (bx * s + ox, by * s + oy), width)

    def _hex_points(self, h: Hex, s, ox, oy, scale=1.0):
        cx, cy = center(h)
        return [((cx + dx * scale) * s + ox, (cy + dy * scale) * s + oy) for dx, dy in CORNERS]

    def _draw_reach(self, surf, ov: Overlay, s, ox, oy) -> None:
        if not (ov.reach or ov.attack or ov.siege):
            return
        key = (ov.version, s)
        if key != self._reach_key:
            self._reach_key = key
            self._reach_surf = self._make_reach(ov, s)
        img, (ux, uy) = self._reach_surf
        surf.blit(img, (round(ux * s + ox), round(uy * s + oy)))

    def _make_reach(self, ov: Overlay, s):
        hexes = ov.reach | ov.attack | ov.siege
        xs = [center(h)[0] for h in hexes]
        ys = [center(h)[1] for h in hexes]
        ux0, uy0 = min(xs) - 1.2, min(ys) - 1.2
        w = math.ceil((max(xs) - ux0 + 1.2) * s) + 2
        h = math.ceil((max(ys) - uy0 + 1.2) * s) + 2
        img = pygame.Surface((w, h), pygame.SRCALPHA)
        ox, oy = -ux0 * s, -uy0 * s
        for hx in ov.reach:
            pygame.draw.polygon(img, (255, 250, 225, 70), self._hex_points(hx, s, ox, oy))
        # outline the reachable area: sides with no reachable neighbour
        from game.hexgrid import hex_neighbor
        from game.ui.geometry import edge
        lw = 2 if s >= 11 else 1
        for hx in ov.reach:
            for d in range(6):
                if hex_neighbor(hx, d) not in ov.reach:
                    a, b = edge(hx, d)
                    pygame.draw.line(img, (255, 244, 190, 235), (a[0] * s + ox, a[1] * s + oy),
                                     (b[0] * s + ox, b[1] * s + oy), lw)
        for hx in ov.attack:
            pygame.draw.polygon(img, (220, 60, 50, 70), self._hex_points(hx, s, ox, oy, 0.92))
            pygame.draw.polygon(img, (235, 70, 60, 255), self._hex_points(hx, s, ox, oy, 0.92),
                                lw)
        for hx in ov.siege:
            pygame.draw.polygon(img, (240, 150, 40, 60), self._hex_points(hx, s, ox, oy, 0.92))
            pygame.draw.polygon(img, (245, 160, 50, 255), self._hex_points(hx, s, ox, oy, 0.92),
                                lw)
        return img, (ux0, uy0)

    def _draw_passes(self, surf, state, s, ox, oy, on_screen) -> None:
        if s < 11:
            return
        from game.rules.movement import pass_closed
        for p in self.hm.passes.values():
            ux, uy = center(p.hex)
            if not on_screen(ux, uy):
                continue
            x, y = ux * s + ox, uy * s + oy
            k = max(4, s // 4)
            closed = pass_closed(state, p.id)
            col = (60, 44, 30)
            pygame.draw.arc(surf, col, (x - 2 * k, y - k, 2 * k, 2 * k), -1.2, 1.2, 2)
            pygame.draw.arc(surf, col, (x, y - k, 2 * k, 2 * k), math.pi - 1.2, math.pi + 1.2, 2)
            if closed:
                pygame.draw.line(surf, P.BAD, (x - k, y - k), (x + k, y + k), 2)
                pygame.draw.line(surf, P.BAD, (x - k, y + k), (x + k, y - k), 2)
            if s >= 27:
                img = fonts.text(p.name + (" (closed)" if closed else ""), 11, (50, 36, 24),
                                 P.HALO)
                surf.blit(img, img.get_rect(midtop=(x, y + k + 1)))

    def _draw_places(self, surf, s, ox, oy, on_screen) -> None:
        """Named places that are not cities in play: sites and towns of no account here."""
        if s < 20:
            return
        for pl in self.hm.places.values():
            if pl.hex in self.city_places:
                continue
            ux, uy = center(pl.hex)
            if not on_screen(ux, uy):
                continue
            x, y = ux * s + ox, uy * s + oy
            k = max(3, s // 9)
            pts = [(x, y - k), (x + k, y), (x, y + k), (x - k, y)]
            pygame.draw.polygon(surf, (90, 80, 70), pts)
            pygame.draw.polygon(surf, P.PAPER, pts, 1)
            img = fonts.text(pl.name, 11, (60, 52, 44), P.HALO)
            surf.blit(img, img.get_rect(midtop=(x, y + k + 1)))

    def _draw_cities(self, surf, view, state, s, ox, oy, on_screen) -> list:
        labels = []
        capitals = {f.capital for f in state.factions.values() if f.capital}
        show = 3 if s < 8 else 2 if s < 15 else 1
        for c in view.cities.values():
            ux, uy = center(c.hex)
            if not on_screen(ux, uy):
                continue
            imp = self.importance.get(c.id, 1)
            x, y = ux * s + ox, uy * s + oy
            r = max(3, min(14, round(s * (0.22 + 0.05 * imp))))
            icon = self.city_icon(c, c.id in capitals, r)
            surf.blit(icon, icon.get_rect(center=(round(x), round(y))))
            if imp >= show:
                size = {3: 17, 2: 14, 1: 12}[imp] - (2 if s < 11 else 0)
                img = fonts.text(c.name, size, P.INK, P.HALO)
                labels.append((img, img.get_rect(midtop=(round(x), round(y + r + 2)))))
        return labels

    def _draw_hover(self, surf, ov: Overlay, s, ox, oy) -> None:
        if ov.selected_city is not None:
            pass
        if ov.hover is not None:
            pygame.draw.polygon(surf, (255, 255, 255), self._hex_points(ov.hover, s, ox, oy), 1)

    def _draw_armies(self, surf, view, state, ov: Overlay, s, ox, oy, on_screen) -> None:
        stacks: dict[Hex, list[Army]] = {}
        for a in view.armies.values():
            if a.id not in ov.moving:
                stacks.setdefault(a.hex, []).append(a)
        show_names = s >= 20
        for hx, armies in stacks.items():
            ux, uy = center(hx)
            if not on_screen(ux, uy):
                continue
            armies.sort(key=lambda a: (a.id == ov.selected_army, a.men))
            self._draw_stack(surf, state, ov, armies, ux * s + ox, uy * s + oy, s,
                             hx in self.city_places, show_names)
        for aid, (ux, uy) in ov.moving.items():
            a = view.armies.get(aid)
            if a is not None:
                self._draw_stack(surf, state, ov, [a], ux * s + ox, uy * s + oy, s, False, False)

    def _draw_stack(self, surf, state, ov, armies, x, y, s, in_city, show_names) -> None:
        if in_city:
            y -= s * 0.42
        n = len(armies)
        step = max(2, s // 10)
        top = None
        for k, a in enumerate(armies[-3:]):
            if a.id == ov.selected_army:
                st = "selected"
            elif a.faction == ov.active:
                st = "ready" if a.moves > 0 else "spent"
            else:
                st = "plain"
            img = self.counter(a, a.commander, s, st)
            off = (k - min(n, 3) + 1) * step
            rect = img.get_rect(center=(round(x - off), round(y + off)))
            surf.blit(img, rect)
            top = (a, rect)
        if top is None:
            return
        a, rect = top
        if n > 1:
            badge = fonts.text(f"x{n}", 11, P.PAPER, (30, 26, 22))
            surf.blit(badge, badge.get_rect(bottomleft=(rect.right - 6, rect.top + 8)))
        if show_names and a.commander:
            c = state.commanders.get(a.commander)
            if c is not None and c.alive:
                img = fonts.text(c.name, 11, P.PAPER, (20, 18, 16))
                surf.blit(img, img.get_rect(midbottom=(rect.centerx, rect.top + 1)))

    def _draw_path(self, surf, ov: Overlay, s, ox, oy) -> None:
        if len(ov.path) < 2:
            return
        pts = [(center(h)[0] * s + ox, center(h)[1] * s + oy) for h in ov.path]
        col = (255, 240, 150) if ov.path_ok else (240, 120, 90)
        pygame.draw.lines(surf, (20, 18, 14), False, pts, 5 if s >= 11 else 3)
        pygame.draw.lines(surf, col, False, pts, 3 if s >= 11 else 1)
        for p in pts[1:]:
            pygame.draw.circle(surf, col, p, max(2, s // 8))
            pygame.draw.circle(surf, (20, 18, 14), p, max(2, s // 8), 1)
        if ov.path_label:
            img = fonts.text(ov.path_label, 13, P.INK, col)
            end = pts[-1]
            surf.blit(img, img.get_rect(midbottom=(end[0], end[1] - s * 0.55)))

    def _draw_flashes(self, surf, ov: Overlay, s, ox, oy) -> None:
        for h, age, rgb in ov.flashes:
            x, y = center(h)[0] * s + ox, center(h)[1] * s + oy
            r = s * (0.4 + 0.9 * age)
            pygame.draw.circle(surf, rgb, (x, y), r, max(1, round(3 * (1 - age))))
