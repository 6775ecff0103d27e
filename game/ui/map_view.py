"""The map on screen: pre-rendered terrain tiles, then what changes during play.

Everything that moves only when the game changes (city marks, counters,
names placed so they do not overlap, passes, frontiers, the shade of the
fog and the owners' territory tint) is composed once
per zoom level and view into a "scene" of pictures at world-pixel
positions; a frame blits the terrain tiles and the scene at the camera's
offset, then draws the few things that follow the mouse (the hovered hex,
the path, a marching counter, flashes).  It draws from a View only, never
from the armies of the full state; hexes the viewer has never seen are
hidden and those it does not see now are dimmed (View.explored, .visible).
"""
from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
import pygame

from game import colour_vision
from game.hexgrid import Hex, hex_neighbor
from game.scenario.emblems import emblems_of
from game.i18n import _
from game.ui import describe, fonts, map_marks
from game.ui import palette as P
from game.ui.camera import LEVELS, Camera
from game.ui.geometry import CORNERS, center, edge, hex_at
from game.ui.kept_view import KeptView
from game.ui.map_tiles import TILE, MapTiles
from game.ui.territory import Territory
from game.ui.scale import px


IDLE_AFTER = 2           # still frames before the next zoom levels are prepared
IDLE_BUDGET = 0.002      # seconds of a still frame given to that
BORDER_TILES_PER_FRAME = 4   # frontier tiles made in one frame; the rest drawn directly

FOG_RGB = (22, 24, 30)
TINT_ALPHA = 52         # the owner's colour over its land, when the tint is on
TINT_CHROMA = 60        # a colour more vivid than this (CIELAB chroma) is laid on thinner
DRESS_PER_FRAME = 1     # shaded tiles made in a frame without fog
DRESSED_KEPT = 96       # shaded tiles kept (256 KB each)
FOG_UNKNOWN = 255       # never seen: hidden
FOG_MEMORY = 110        # seen before, not now: dimmed


def merged(rects: list[pygame.Rect]) -> list[pygame.Rect]:
    """The non-empty rectangles, those that overlap joined into their union."""
    out: list[pygame.Rect] = []
    for r in rects:
        if r.w <= 0 or r.h <= 0:
            continue
        r = pygame.Rect(r)
        while True:
            i = r.collidelist(out)
            if i < 0:
                break
            r.union_ip(out.pop(i))
        out.append(r)
    return out


def _run(steps):
    """Run a generator of steps to its end; its return value."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value


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
    cursor: Hex | None = None            # the keyboard's hex cursor
    version: int = 0                     # bumped when reach/attack/siege change


@dataclass
class Scene:
    items: list[tuple[pygame.Surface, tuple[int, int]]]   # pictures at world pixels
    stacks: dict[Hex, pygame.Rect]                          # top counters, world pixels
    badges: dict[Hex, int] = field(default_factory=dict)    # stacks marked with a count
    counters: dict[Hex, list] = field(default_factory=dict)  # every counter, world pixels
    rects: list | None = None            # where each item lies, world pixels (made when asked)


def tint_alpha(rgb) -> int:
    """How strongly an owner's colour is laid over its land: TINT_ALPHA, less for a vivid
    colour (the Byzantine purple) so that every owner's land is tinted about as strongly."""
    _l, a, b = colour_vision.lab(rgb)
    chroma = math.hypot(a, b)
    return round(TINT_ALPHA * min(1.0, TINT_CHROMA / chroma)) if chroma else TINT_ALPHA


class MapView:
    def __init__(self, scn, viewport: pygame.Rect, threaded: bool = True, strong: bool = False):
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
        self.emblems = emblems_of(scn.spec.factions)
        self.strong = strong                 # the high-contrast setting: stronger edges
        self.city_places = set(scn.city_at)
        self._scene: Scene | None = None         # the scene drawn last
        self._scenes: dict[tuple, Scene] = {}     # scene key -> scene, for one view
        self._scene_view = None
        self._cam_key = None
        self._still = 0                      # frames the camera has not moved
        self._prep = None                    # the idle work under way (a generator)
        self._prep_key = None
        self._borders_key = None
        self._borders_view = None
        self._lines: list = []
        self._border_tiles: dict = {}
        self._border_segs: dict = {}
        self._reach_surf = None
        self._reach_key = None
        self._fog_view = None
        self._fog_lut: np.ndarray | None = None
        self._shade_key = None
        self._shade_view = None
        self._shade_lut: np.ndarray | None = None
        self._shade_tiles: dict = {}
        self._lut32 = None                   # (shade table, it as BGRA 32-bit pixels)
        self._dressed: dict = {}             # tile key -> (terrain tile, it with the shade)
        self._dressed_now = 0
        self._scalings = 0                   # the tiles' stand-in scalings before this frame
        self._kept = KeptView()              # the ground of the view, kept between frames
        # set by the screen after each frame: the boxes drawn over the map by others then
        # (None: not known, the next frame draws the whole view)
        self.drawn_over: list[pygame.Rect] | None = None
        self._last = None                    # what the last frame showed
        self._last_marks: list[pygame.Rect] | None = None
        self.redrawn: list[pygame.Rect] | None = None   # what the last frame drew (None: all)
        self._fogged = False
        self._borders_made = 0
        self._bare: list = []                # tiles left unshaded in the last painting
        self.tint = True                     # the owners' colours over their land (G)

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

    def pick(self, pos) -> Hex | None:
        """The hex a click or hover at `pos` means: that of the army counter drawn there
        (in a city a counter stands above its hex, over the next one), else the hex under
        the cursor."""
        if not self.camera.viewport.collidepoint(pos):
            return None
        if self._scene is not None:
            ox, oy = self.camera.world_origin()
            wx, wy = pos[0] - ox, pos[1] - oy
            for h, rect in self._scene.stacks.items():
                if rect.collidepoint(wx, wy):
                    return h
        return self.hex_at(pos)

    def screen_of(self, h: Hex) -> tuple[float, float]:
        ox, oy = self.camera.world_origin()
        s = self.camera.s
        ux, uy = center(h)
        return round(ux * s) + ox, round(uy * s) + oy

    def center_on(self, h: Hex) -> None:
        self.camera.center_on(*center(h))

    # --- the frame ---
    def draw(self, surf: pygame.Surface, view, ov: Overlay) -> None:
        """Draw the map as the View's side knows it (its `world`, never the full state)."""
        state = view.world
        cam = self.camera
        s = cam.s
        ox, oy = cam.world_origin()
        lut = self.shade_lut(view)
        old_clip = surf.get_clip()
        self._refresh_borders(view)
        self._dressed_now = 0
        self._scalings = self.tiles.scalings
        self._borders_made = 0
        self._fogged = lut is not None and self.fog_alpha(view) is not None
        self.tiles.keep_fresh(cam)
        reach = (ov.version, s) if ov.reach or ov.attack or ov.siege else None
        # the ground (terrain, shade, frontiers, the reach) is kept from frame to frame:
        # painted again only where the view uncovers it or something about it changed
        vp = cam.viewport
        changed = self._kept.update(
            vp, ox, oy, (cam.level, tuple(vp), self.tint, reach), (view, lut, self._lines),
            lambda dest, region, dx, dy: self._paint_ground(dest, region, dx, dy, ov),
            self._can_finish, surf)
        scene = self._scene_for(view, state, ov, s)
        marks = self._marks(view, ov, s, ox, oy)
        # what the screen shows of the map is last frame's picture when the view, the
        # scene and the window are the same: then only where the ground was painted
        # again (a tile come from the helper), where a mark was or is now, or where
        # something else was drawn over the map, is drawn again
        last = ((surf.get_size(), ox, oy, tuple(vp)), (surf, scene, view))
        dirty = None
        again = self._kept.repainted if changed else []
        if again is not None and self.drawn_over is not None \
                and self._last_marks is not None \
                and self._last is not None and last[0] == self._last[0] \
                and all(x is y for x, y in zip(last[1], self._last[1])):
            dirty = merged([r.clip(vp) for r in (*self._last_marks, *self.drawn_over, *marks,
                                                 *(g.move(ox, oy) for g in again))])
        self._last, self._last_marks, self.drawn_over = last, marks, None
        self.redrawn = dirty
        if dirty is None:
            self._kept.blit(surf, ox, oy)
            surf.set_clip(vp.clip(old_clip))
            self._draw_marks(surf, view, ov, scene, s, ox, oy, vp)
        else:
            for r in dirty:
                surf.set_clip(r.clip(old_clip))
                self._kept.blit(surf, ox, oy, r)
                self._draw_marks(surf, view, ov, scene, s, ox, oy, r)
        surf.set_clip(old_clip)
        cam_key = (cam.level, ox, oy, cam.viewport.size)
        self._still = self._still + 1 if cam_key == self._cam_key else 0
        self._cam_key = cam_key
        if self._still >= IDLE_AFTER:
            self._idle(view, state, ov)

    def _draw_marks(self, surf, view, ov: Overlay, scene: Scene, s: int, ox: int, oy: int,
                    clip: pygame.Rect) -> None:
        """What is drawn over the ground, in order: the hovered hex, the cursor, the path,
        the scene, marching counters, the path's label, flashes (of the scene, only the
        pictures that reach into `clip`)."""
        if ov.hover is not None:
            pygame.draw.polygon(surf, (255, 255, 255), self._hex_points(ov.hover, s, ox, oy), 1)
        if ov.cursor is not None:
            pts = self._hex_points(ov.cursor, s, ox, oy)
            pygame.draw.polygon(surf, P.INK, pts, 5 if s >= 11 else 3)
            pygame.draw.polygon(surf, P.SELECT, pts, 3 if s >= 11 else 1)
        self._draw_path(surf, ov, s, ox, oy)      # under the counters: never over a number
        if scene.rects is None:
            scene.rects = [pygame.Rect(xy, img.get_size()) for img, xy in scene.items]
        items = scene.items
        surf.blits([(items[i][0], (items[i][1][0] + ox, items[i][1][1] + oy))
                    for i in clip.move(-ox, -oy).collidelistall(scene.rects)],
                   doreturn=False)
        for img, rect in self._moving(view, ov, s, ox, oy):
            surf.blit(img, rect)
        self._draw_path_label(surf, ov, s, ox, oy)
        self._draw_flashes(surf, ov, s, ox, oy)

    def _moving(self, view, ov: Overlay, s: int, ox: int, oy: int) -> list:
        out = []
        for aid, (ux, uy) in ov.moving.items():
            a = view.armies.get(aid)
            if a is not None:
                img = map_marks.counter(self.colors.get(a.faction, (128, 128, 128)), a.men, s,
                                        "plain", a.supply // 10 * 10,
                                        self.emblems.get(a.faction, ""), self.strong)
                out.append((img, img.get_rect(center=(round(ux * s) + ox, round(uy * s) + oy))))
        return out

    def _marks(self, view, ov: Overlay, s: int, ox: int, oy: int) -> list[pygame.Rect]:
        """Where this frame's marks over the ground and scene fall on the screen (each
        rectangle holds all of a mark's pixels, with a margin)."""
        out = []

        def around(points, pad):
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            x0, y0 = math.floor(min(xs)) - pad, math.floor(min(ys)) - pad
            return pygame.Rect(x0, y0, math.ceil(max(xs)) + pad + 1 - x0,
                               math.ceil(max(ys)) + pad + 1 - y0)
        if ov.hover is not None:
            out.append(around(self._hex_points(ov.hover, s, ox, oy), 3))
        if ov.cursor is not None:
            out.append(around(self._hex_points(ov.cursor, s, ox, oy), 6))
        if len(ov.path) >= 2:
            out.append(around([(center(h)[0] * s + ox, center(h)[1] * s + oy)
                               for h in ov.path], max(2, s // 8) + 6))
            box = self._path_label_box(ov, s, ox, oy)
            if box is not None:
                out.append(box[1].inflate(2, 2))
        out += [rect.inflate(2, 2) for _img, rect in self._moving(view, ov, s, ox, oy)]
        for h, age, _rgb in ov.flashes:
            x, y = center(h)[0] * s + ox, center(h)[1] * s + oy
            r = max(8, s) * (0.4 + 0.9 * age) + 4
            out.append(around([(x - r, y - r), (x + r, y + r)], 1))
        return out

    # --- idle frames: the zoom levels next to this one made ready, a little at a time ---
    def _idle(self, view, state, ov: Overlay) -> None:
        key = (id(view), self._scene_key(ov, self.camera.s), self.camera.level, id(self._lines))
        if key != self._prep_key:
            self._prep_key = key
            self._prep = self._preparations(view, state, ov)
        if self._prep is None:
            return
        deadline = time.perf_counter() + IDLE_BUDGET
        for _step in self._prep:
            if time.perf_counter() > deadline:
                return
        self._prep = None

    def _preparations(self, view, state, ov: Overlay):
        """The scenes and frontier tiles of the next and previous zoom levels, as steps."""
        cam = self.camera
        for d in (1, -1):
            li = cam.level + d
            if not cam.min_level <= li <= cam.max_level:
                continue
            s = LEVELS[li]
            key = self._scene_key(ov, s)
            if key not in self._scenes and self._scene_view is view:
                scene = yield from self._compose(view, state, ov, s)
                if self._scene_view is view and len(self._scenes) < 12:
                    self._scenes[key] = scene
            segs = self._segments(s)
            for _li, tx, ty in self.tiles.visible_keys(cam, li, ring=1):
                if (s, tx, ty) not in self._border_tiles:
                    self._border_tiles[(s, tx, ty)] = self._border_tile(segs, s, tx, ty)
                    yield

    # --- the scene: marks, counters and names at world pixels ---
    def _scene_key(self, ov: Overlay, s: int) -> tuple:
        return (s, ov.selected_army, ov.active, frozenset(ov.moving))

    def _scene_for(self, view, state, ov: Overlay, s: int) -> Scene:
        if view is not self._scene_view:
            self._scene_view = view
            self._scenes = {}
        key = self._scene_key(ov, s)
        scene = self._scenes.get(key)
        if scene is None:
            if len(self._scenes) >= 12:
                self._scenes.clear()
            scene = self._scenes[key] = _run(self._compose(view, state, ov, s))
        self._scene = scene
        return scene

    def _compose(self, view, state, ov: Overlay, s: int):
        """Compose the scene at hex size s, as steps (a generator returning the Scene), so
        idle frames can prepare the next zoom levels a little at a time."""
        from game.rules.movement import pass_closed
        items: list = []
        labels: list = []        # (priority, image, x, y, gap)
        taken: list[pygame.Rect] = []

        def wp(h: Hex) -> tuple[int, int]:
            ux, uy = center(h)
            return round(ux * s), round(uy * s)

        if s >= 11:
            for p in self.hm.passes.values():
                closed = pass_closed(state, p.id)
                img = map_marks.pass_mark(s, closed)
                x, y = wp(p.hex)
                items.append((img, img.get_rect(center=(x, y)).topleft))
                if s >= 20:
                    name = fonts.text(describe.pass_name(state, p.id)
                                      + (" " + _("(closed)") if closed else ""), px(11),
                                      P.BAD if closed else (50, 36, 24), P.HALO)
                    labels.append((1, name, x, y, img.get_height() // 2))
                yield
        if s >= 20:
            for pl in self.hm.places.values():
                if pl.hex in self.city_places or pl.hex in self.hm.pass_at:
                    continue          # a city's or a pass's own mark names it
                img = map_marks.place_mark(s)
                x, y = wp(pl.hex)
                items.append((img, img.get_rect(center=(x, y)).topleft))
                labels.append((0, fonts.text(describe.place_name(state, pl.id, pl.name), px(11),
                                             (60, 52, 44), P.HALO), x, y,
                               img.get_height() // 2 + 1))
                yield
        capitals = {f.capital for f in state.factions.values() if f.capital}
        show = 3 if s < 8 else 2 if s < 15 else 1
        for c in view.cities.values():
            imp = self.importance.get(c.id, 1)
            x, y = wp(c.hex)
            r = max(3, min(px(14), round(s * (0.22 + 0.05 * imp))))
            img = map_marks.city_mark(c.kind, self.colors.get(c.owner, (128, 128, 128)), c.walls,
                                      c.max_walls, c.holy, c.id in capitals,
                                      c.siege is not None, r, self.emblems.get(c.owner, ""),
                                      self.strong)
            rect = img.get_rect(center=(x, y))
            items.append((img, rect.topleft))
            mark = rect.inflate(-6, -6)            # the mark without its transparent margin
            taken.append(mark)
            if imp >= show:
                size = px({3: 17, 2: 14, 1: 12}[imp] - (2 if s < 11 else 0))
                labels.append((10 * imp + 5, fonts.text(describe.place_name(state, c.id, c.name),
                                                        size, P.INK, P.HALO), x, y,
                               mark.h // 2))
            yield
        stacks: dict[Hex, list] = {}
        for a in view.armies.values():
            if a.id not in ov.moving:
                stacks.setdefault(a.hex, []).append(a)
        stack_rects: dict[Hex, pygame.Rect] = {}
        covered: dict[Hex, list[pygame.Rect]] = {}
        groups: list = []                        # (hex, its armies, their counters)
        names: list = []
        # counters in the open first, then those in cities, which stand above the city's
        # mark only where that covers no other counter; an enemy's army on a city's hex
        # (its besiegers) stands apart, below the mark, so that both sides show
        for hx in sorted(stacks, key=lambda h: (h in self.city_places, h.q, h.r)):
            armies = stacks[hx]
            armies.sort(key=lambda a: (a.id == ov.selected_army, a.men))
            x, y = wp(hx)
            others = [r for rs in covered.values() for r in rs]
            in_city = hx in self.city_places
            held, outside = armies, []
            city = view.cities.get(self.scn.city_at[hx]) if in_city else None
            if city is not None:
                outside = [a for a in armies if a.faction != city.owner]
                held = [a for a in armies if a.faction == city.owner]
            rects = []
            if outside and held:
                at = self._beside_city(x, y, s, len(outside[-3:]), others)
                out_rects, name = self._stack(items, state, ov, outside, *at, s, False, others)
                groups.append((hx, outside, out_rects))
                if name is not None:
                    names.append((hx, name))
                rects += out_rects
                others = others + out_rects
                armies = held
            got, name = self._stack(items, state, ov, armies, x, y, s, in_city, others)
            groups.append((hx, armies, got))
            rects += got
            covered[hx] = rects
            stack_rects[hx] = got[-1]
            if name is not None:
                names.append((hx, name))
            yield
        counters = [r for rs in covered.values() for r in rs]
        badges: dict[Hex, int] = {}
        for hx, armies, own in groups:          # the stack marker: how many armies
            if len(armies) > 1:
                badges[hx] = badges.get(hx, 0) + len(armies)
                rect = self._badge(items, len(armies), own[-1],
                                   [r for r in counters if not any(r is o for o in own)])
                taken.append(rect)
        for hx, (img, rect) in names:           # commanders' names where they hide nothing
            if rect.collidelist(counters) < 0 and rect.collidelist(taken) < 0:
                items.append((img, rect.topleft))
                taken.append(rect)
        taken += counters
        bounds = pygame.Rect(0, 0, math.floor(self.camera.units_w * s),
                             math.floor(self.camera.units_h * s))
        self._place_labels(items, labels, taken, bounds)
        return Scene(items, stack_rects, badges, covered)

    @staticmethod
    def _beside_city(x: int, y: int, s: int, n: int, others: list) -> tuple[int, int]:
        """Where the besiegers' counters of a city at (x, y) stand: below its mark, else
        below to one side, wherever they cover no other counter (below if nowhere)."""
        w, h = map_marks.counter_size(s)
        spread = (n - 1) * map_marks.stack_step(s)
        down = max(round(h * 0.8), 6)
        spots = ((x, y + down), (x + w // 2, y + down), (x - w // 2, y + down))
        for cx, cy in spots:
            box = pygame.Rect(0, 0, w + spread, h + spread)
            box.center = (cx - spread // 2, cy + spread // 2)
            if box.collidelist(others) < 0:
                return cx, cy
        return spots[0]

    def _stack(self, items, state, ov, armies, x, y, s, in_city, others):
        """Counters of one hex, up to three shown offset.  Returns the rectangles they
        cover, the top one last, and the commander's name to show above (image, rect)."""
        w, h = map_marks.counter_size(s)
        step = map_marks.stack_step(s)
        shown = armies[-3:]
        if in_city:        # stand above the city's mark, leaving it (and its siege ring) in view
            up = y - max(round(h * 0.8), 6)
            spread = (len(shown) - 1) * step
            box = pygame.Rect(0, 0, w + spread, h + spread)
            box.center = (x - spread // 2, up + spread // 2)
            if box.collidelist(others) < 0:
                y = up
        rects = []
        for k, a in enumerate(shown):
            if a.id == ov.selected_army:
                st = "selected"
            elif a.faction == ov.active:
                st = "ready" if a.moves > 0 else "spent"
            else:
                st = "plain"
            img = map_marks.counter(self.colors.get(a.faction, (128, 128, 128)), a.men, s, st,
                                    a.supply // 10 * 10, self.emblems.get(a.faction, ""),
                                    self.strong)
            off = (k - len(shown) + 1) * step
            items.append((img, img.get_rect(center=(x - off, y + off)).topleft))
            rects.append(pygame.Rect(0, 0, w, h).move(round(x - off - w / 2),
                                                      round(y + off - h / 2)))
        top = shown[-1]
        name = None
        if s >= 20 and top.commander:
            c = state.commanders.get(top.commander)
            if c is not None and c.alive:
                img = fonts.text(describe.commander_name(state, c.id, c.name), px(11), P.PAPER,
                                 (20, 18, 16))
                name = (img, img.get_rect(midbottom=(rects[-1].centerx, rects[-1].top + 1)))
        return rects, name

    @staticmethod
    def _badge(items, n: int, rect: pygame.Rect, others: list) -> pygame.Rect:
        """The count of a stack beside its top counter, where it covers no other counter
        (else on the counter itself); returns where it went."""
        img = fonts.text(f"x{n}", px(10 if rect.h < map_marks.SMALL else 11), P.PAPER,
                         (30, 26, 22))
        bw, bh = img.get_size()
        for spot in (pygame.Rect(rect.right - 3, rect.top - bh + 5, bw, bh),
                     pygame.Rect(rect.left - bw + 3, rect.top - bh + 5, bw, bh),
                     pygame.Rect(rect.right - 3, rect.bottom - 5, bw, bh),
                     pygame.Rect(rect.right - bw, rect.top, bw, bh)):
            if spot.collidelist(others) < 0:
                break
        items.append((img, spot.topleft))
        return spot

    @staticmethod
    def _place_labels(items, labels, taken, bounds: pygame.Rect | None = None) -> None:
        """Place names, most important first, where they cover no other name, mark or
        counter and stay on the map (so none runs off its edge, under the side panel)."""
        labels.sort(key=lambda t: -t[0])
        placed: list[pygame.Rect] = []
        for _prio, img, x, y, gap in labels:
            w, h = img.get_size()
            # below, above, right, left of the mark; then the same a step further out
            # (a besieged city's name, whose mark has counters above and below it)
            for rect in (pygame.Rect(round(x - w / 2), round(y + gap), w, h),
                         pygame.Rect(round(x - w / 2), round(y - gap - h), w, h),
                         pygame.Rect(round(x + gap + 2), round(y - h / 2), w, h),
                         pygame.Rect(round(x - gap - 2 - w), round(y - h / 2), w, h),
                         pygame.Rect(round(x - w / 2), round(y + gap + h), w, h),
                         pygame.Rect(round(x - w / 2), round(y + gap + 2 * h), w, h),
                         pygame.Rect(round(x - w / 2), round(y - gap - 3 * h), w, h),
                         pygame.Rect(round(x + gap + 2 + h), round(y - h / 2), w, h),
                         pygame.Rect(round(x - gap - 2 - h - w), round(y - h / 2), w, h)):
                if bounds is not None and not bounds.contains(rect):
                    continue
                shrunk = rect.inflate(-2, -4)
                if shrunk.collidelist(placed) < 0 and shrunk.collidelist(taken) < 0:
                    placed.append(rect)
                    items.append((img, rect.topleft))
                    break

    # --- fog of war: what the viewer has never seen, or does not see now ---
    def fog_alpha(self, view) -> np.ndarray | None:
        """Per hex index: how much to darken it (255 never seen, 110 not seen now), or None."""
        if view is not self._fog_view:
            self._fog_view = view
            vis = np.asarray(view.visible, bool).ravel()
            seen = np.asarray(view.explored, bool).ravel()
            if vis.all():
                self._fog_lut = None
            else:
                lut = np.where(vis, 0, np.where(seen, FOG_MEMORY, FOG_UNKNOWN)).astype(np.uint8)
                sig = lut.tobytes()
                if self._fog_lut is None or sig != self._fog_lut[:-1].tobytes():
                    self._fog_lut = np.append(lut, np.uint8(0))   # index -1: beyond the map
        return self._fog_lut

    def fog_image(self, lut: np.ndarray, s: float, x0: int, y0: int, w: int, h: int
                  ) -> pygame.Surface:
        """The fog alone over a w x h area at hex size s (the minimap's)."""
        alpha = lut[self.tiles.raster.nearest(s, x0, y0, w, h)]
        img = pygame.Surface((w, h), pygame.SRCALPHA)
        img.fill(FOG_RGB)
        pygame.surfarray.pixels_alpha(img)[:] = alpha.T
        return img

    # --- the shade over the terrain: fog, and each owner's colour over its land ---
    def tint_rgba(self, view) -> np.ndarray:
        """Per hex index (and -1 beyond the map): the owner's colour and TINT_ALPHA over
        the land of each city the viewer knows of, else transparent."""
        terr = self.territory
        own = np.zeros((len(terr.city_ids) + 1, 4), np.uint8)     # the last row: no city
        for k, cid in enumerate(terr.city_ids):
            c = view.cities.get(cid)
            if c is not None and c.owner in self.colors:
                own[k] = (*self.colors[c.owner], tint_alpha(self.colors[c.owner]))
        rgba = np.zeros((len(terr.nearest) + 1, 4), np.uint8)
        rgba[:-1] = own[terr.nearest]
        return rgba

    def shade_lut(self, view) -> np.ndarray | None:
        """Per hex index: the RGBA laid over the terrain (the tint under the fog), or None
        when there is nothing to lay."""
        if self._shade_view is not None and self._shade_view[0] is view \
                and self._shade_view[1] == self.tint:
            return self._shade_lut
        self._shade_view = (view, self.tint)
        fog = self.fog_alpha(view)
        owners = tuple(view.cities[c].owner if c in view.cities else None
                       for c in self.territory.city_ids) if self.tint else None
        key = (id(fog), owners)
        if key == self._shade_key:
            return self._shade_lut
        self._shade_key = key
        self._shade_tiles = {}
        self._dressed = {}
        if fog is None and not self.tint:
            self._shade_lut = None
            return None
        n = len(self.territory.nearest) + 1
        rgb = np.zeros((n, 3), np.float32)
        alpha = np.zeros(n, np.float32)
        if self.tint:
            t = self.tint_rgba(view)
            rgb, alpha = t[:, :3].astype(np.float32), t[:, 3] / np.float32(255)
        if fog is not None:          # the fog over the tint: "over" compositing
            fa = fog / np.float32(255)
            out = fa + alpha * (1 - fa)
            w = np.where(out > 0, 1 / np.maximum(out, 1e-6), 0)
            rgb = (np.float32(FOG_RGB) * fa[:, None] + rgb * (alpha * (1 - fa))[:, None]) \
                * w[:, None]
            alpha = out
        lut = np.zeros((n, 4), np.uint8)
        lut[:, :3] = np.clip(rgb + 0.5, 0, 255)
        lut[:, 3] = np.clip(alpha * 255 + 0.5, 0, 255)
        if not lut[:, 3].any():
            lut = None
        self._shade_lut = lut
        return lut

    def shade_image(self, lut: np.ndarray, s: float, x0: int, y0: int, w: int, h: int
                    ) -> pygame.Surface:
        px = lut[self.tiles.raster.nearest(s, x0, y0, w, h)]
        return pygame.image.frombytes(px.tobytes(), (w, h), "RGBA")

    def _shade_tile(self, key, keep: bool = False) -> pygame.Surface:
        """The shade over one tile, looked up from the hex of each of its pixels; with
        `keep`, kept for the next paintings (a fogged stand-in lays it in every one; a
        shaded tile is kept itself, so its shade is made once)."""
        img = self._shade_tiles.get(key)
        if img is None:
            lut = self._shade_lut
            if self._lut32 is None or self._lut32[0] is not lut:
                # the table as 32-bit pixels in the order of the screen's (blue, green,
                # red, alpha in memory): blitted over a tile some forty times faster than
                # red-first pixels, which take SDL's slow path, for the very same result
                self._lut32 = (lut, np.ascontiguousarray(lut[:, [2, 1, 0, 3]])
                               .view(np.uint32).ravel())
            bgra = self._lut32[1][self.tiles.hex_index(key)]
            img = pygame.image.frombuffer(bgra, (TILE, TILE), "BGRA")
            if keep:
                if len(self._shade_tiles) >= max(DRESSED_KEPT, 2 * self.tiles.shown):
                    self._shade_tiles.clear()
                self._shade_tiles[key] = img
        return img

    def _dress_spent(self) -> bool:
        """Whether this frame may make no more shaded tiles: it made its share, or it
        scaled the stand-in (a zoom's first frame, the slowest there is: the tiles go bare
        and are shaded in the frames after)."""
        return self._dressed_now >= DRESS_PER_FRAME or self.tiles.scalings != self._scalings

    def _dress(self, key, tile: pygame.Surface) -> pygame.Surface:
        """The terrain tile with the shade laid over it, made once and kept (an opaque tile
        blits far faster than a transparent layer over it each frame).  Without fog only
        a few are made a frame; the others go bare meanwhile (the tint comes a moment
        later); with fog every one is made at once, so nothing unseen ever shows."""
        got = self._dressed.get(key)
        if got is not None and got[0] is tile:
            return got[1]
        fog = self.fog_alpha(self._shade_view[0]) is not None
        if not fog and self._dress_spent():
            self._bare.append(key)
            return tile
        self._dressed_now += 1
        if len(self._dressed) >= max(DRESSED_KEPT, 2 * self.tiles.shown):
            self._dressed.clear()
        img = tile.copy()
        img.blit(self._shade_tile(key), (0, 0))
        self._dressed[key] = (tile, img)
        return img

    # --- frontiers, as transparent tiles redrawn only when a city changes hands ---
    def _refresh_borders(self, view) -> None:
        if view is not self._borders_view:
            self._borders_view = view
            self._lines = self.territory.border_lines({cid: c.owner
                                                        for cid, c in view.cities.items()})
        key = id(self._lines)
        if key != self._borders_key:
            self._borders_key = key
            self._border_tiles = {}
            self._border_segs = {}

    def _paint_borders(self, surf, region: pygame.Rect, ox, oy) -> list:
        """The frontier over a world region; the keys of the tiles where it was drawn
        straight on (its tile not made yet: a few are made a frame)."""
        if not self._lines:
            return []
        cam = self.camera
        s = cam.s
        segs = self._segments(s)
        direct = []
        for key in self.tiles.keys_in(cam.level, region):
            _li, tx, ty = key
            tkey = (s, tx, ty)
            img = self._border_tiles.get(tkey, False)
            if img is False:
                if self._borders_made >= BORDER_TILES_PER_FRAME:
                    if (tx, ty) in segs:
                        self._draw_segments(surf, segs[(tx, ty)], s, ox, oy)
                        direct.append(key)
                    continue
                img = self._border_tiles[tkey] = self._border_tile(segs, s, tx, ty)
                self._borders_made += 1
            if img is not None:
                surf.blit(img, (ox + tx * TILE, oy + ty * TILE))
        return direct

    # --- the ground, painted a region at a time into the kept picture ---
    def _paint_ground(self, dest, region: pygame.Rect, ox: int, oy: int, ov: Overlay) -> set:
        """Terrain, shade, frontiers and the reach over a world region, world pixel (0, 0)
        at (ox, oy) of dest; the keys of the tiles painted provisionally (a stand-in)."""
        cam = self.camera
        lut = self._shade_lut
        self._bare = []
        missing = self.tiles.paint(dest, cam, ox, oy, region,
                                   None if lut is None else self._dress)
        old = dest.get_clip()
        dest.set_clip(region.move(ox, oy).clip(old))
        if missing and self._fogged:     # the fog over the stand-in too: nothing unseen shows
            for key in missing:
                dest.blit(self._shade_tile(key, keep=True),
                          (ox + key[1] * TILE, oy + key[2] * TILE))
        direct = self._paint_borders(dest, region, ox, oy)
        self._draw_reach(dest, ov, cam.s, ox, oy)
        dest.set_clip(old)
        return set(missing) | set(self._bare) | set(direct)

    def _can_finish(self, key) -> bool:
        """Whether a tile painted provisionally can now be painted in full."""
        tile = self.tiles.cache.get(key)
        if tile is None:
            return False
        if self._shade_lut is not None and not self._fogged:
            got = self._dressed.get(key)
            if (got is None or got[0] is not tile) and self._dress_spent():
                return False
        if self._lines and (self.camera.s, key[1], key[2]) not in self._border_tiles \
                and self._borders_made >= BORDER_TILES_PER_FRAME:
            return False
        return True

    def _segments(self, s: int) -> dict:
        """The frontier's segments at hex size s, in world pixels, by the tile they cross."""
        segs = self._border_segs.get(s)
        if segs is None:
            segs = {}
            for f, (ax, ay, bx, by) in self._lines:
                a, b = (ax * s, ay * s), (bx * s, by * s)
                for tx in range(int(min(a[0], b[0]) - 3) // TILE, int(max(a[0], b[0]) + 3) // TILE + 1):
                    for ty in range(int(min(a[1], b[1]) - 3) // TILE,
                                    int(max(a[1], b[1]) + 3) // TILE + 1):
                        segs.setdefault((tx, ty), []).append((f, a, b))
            self._border_segs[s] = segs
        return segs

    def _border_tile(self, segs: dict, s: int, tx: int, ty: int) -> pygame.Surface | None:
        """One tile of the frontier (transparent elsewhere), or None where none runs."""
        if (tx, ty) not in segs:
            return None
        img = pygame.Surface((TILE, TILE))
        img.fill((0, 0, 0))
        img.set_colorkey((0, 0, 0), pygame.RLEACCEL)
        self._draw_segments(img, segs[(tx, ty)], s, -tx * TILE, -ty * TILE)
        return img

    def _draw_segments(self, surf, segments, s: int, ox: int, oy: int) -> None:
        width = 1 if s < 11 else 2 if s < 27 else 3
        for f, a, b in segments:
            pygame.draw.line(surf, self.colors.get(f, (128, 128, 128)),
                             (a[0] + ox, a[1] + oy), (b[0] + ox, b[1] + oy), width)

    # --- the player's overlays ---
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
        surf.blit(img, (round(ux * s) + ox, round(uy * s) + oy))

    def _make_reach(self, ov: Overlay, s):
        hexes = ov.reach | ov.attack | ov.siege
        xs = [center(h)[0] for h in hexes]
        ys = [center(h)[1] for h in hexes]
        ux0 = math.floor((min(xs) - 1.2) * s) / s
        uy0 = math.floor((min(ys) - 1.2) * s) / s
        w = math.ceil((max(xs) - ux0 + 1.2) * s) + 2
        h = math.ceil((max(ys) - uy0 + 1.2) * s) + 2
        img = pygame.Surface((w, h), pygame.SRCALPHA)
        ox, oy = -ux0 * s, -uy0 * s
        for hx in ov.reach:
            pygame.draw.polygon(img, (255, 250, 225, 70), self._hex_points(hx, s, ox, oy))
        lw = 2 if s >= 11 else 1
        for hx in ov.reach:                 # outline the area: sides with no reachable neighbour
            for d in range(6):
                if hex_neighbor(hx, d) not in ov.reach:
                    a, b = edge(hx, d)
                    pygame.draw.line(img, (255, 244, 190, 235), (a[0] * s + ox, a[1] * s + oy),
                                     (b[0] * s + ox, b[1] * s + oy), lw)
        for hexes_, fill, line in ((ov.attack, (220, 60, 50, 70), (235, 70, 60, 255)),
                                   (ov.siege, (240, 150, 40, 60), (245, 160, 50, 255))):
            for hx in hexes_:
                pts = self._hex_points(hx, s, ox, oy, 0.92)
                pygame.draw.polygon(img, fill, pts)
                pygame.draw.polygon(img, line, pts, lw + 1)
        return img, (ux0, uy0)

    def _draw_path(self, surf, ov: Overlay, s, ox, oy) -> None:
        if len(ov.path) < 2:
            return
        pts = [(center(h)[0] * s + ox, center(h)[1] * s + oy) for h in ov.path]
        col = (255, 214, 64) if ov.path_ok else (244, 140, 60)
        pygame.draw.lines(surf, (20, 18, 14), False, pts, 5 if s >= 11 else 3)
        pygame.draw.lines(surf, col, False, pts, 3 if s >= 11 else 1)
        for p in pts[1:]:
            pygame.draw.circle(surf, col, p, max(2, s // 8))
            pygame.draw.circle(surf, (20, 18, 14), p, max(2, s // 8), 1)

    def _path_label_box(self, ov: Overlay, s, ox, oy):
        """The march's cost and what follows it: its picture and box, or None."""
        if len(ov.path) >= 2 and ov.path_label:
            col = (255, 214, 64) if ov.path_ok else (244, 140, 60)
            end = (center(ov.path[-1])[0] * s + ox, center(ov.path[-1])[1] * s + oy)
            img = fonts.text(ov.path_label, px(13), col)
            box = img.get_rect(midbottom=(end[0], end[1] - max(10, s * 0.6))).inflate(10, 4)
            mine = self._scene.stacks.get(ov.path[0]) if self._scene is not None else None
            if mine is not None and box.colliderect(mine.move(ox, oy)):   # below, then
                box = img.get_rect(midtop=(end[0], end[1] + max(10, s * 0.6))).inflate(10, 4)
            return img, box
        return None

    def _draw_path_label(self, surf, ov: Overlay, s, ox, oy) -> None:
        """The march's cost and what follows it, over everything at the path's end."""
        got = self._path_label_box(ov, s, ox, oy)
        if got is not None:
            img, box = got
            surf.blit(map_marks.shadow_box(box.size), box)
            surf.blit(img, img.get_rect(center=box.center))

    def _draw_flashes(self, surf, ov: Overlay, s, ox, oy) -> None:
        for h, age, rgb in ov.flashes:
            x, y = center(h)[0] * s + ox, center(h)[1] * s + oy
            r = max(8, s) * (0.4 + 0.9 * age)
            pygame.draw.circle(surf, rgb, (x, y), r, max(1, round(3 * (1 - age))))
