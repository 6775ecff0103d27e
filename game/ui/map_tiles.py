"""Pre-rendered terrain tiles per zoom level, so panning and zooming never stutter.

The map is cut into 256-pixel tiles per zoom level.  A tile is drawn once
(terrain pixels from `terrain_raster`, then the fixed line work from
`map_features`) and kept in a least-recently-used cache.  A worker thread
draws the tiles the view needs, then those of the next and previous zoom
levels and a ring around the view; the frame never waits for it.  Until a
tile is ready, that part of the view is filled from a picture of the whole
map (kept at the smallest zoom), scaled up, so a frame never waits.  With
`threaded=False` (tests, screenshots) missing tiles are drawn at once.
"""
from __future__ import annotations

import math
import threading
from collections import OrderedDict

import pygame

from game.hexmap import HexMap
from game.ui import map_features
from game.ui import palette as P
from game.ui.camera import LEVELS, Camera
from game.ui.terrain_raster import TerrainRaster

TILE = 256
MAX_TILES = 320             # about 80 MB at 32 bits a pixel


class MapTiles:
    def __init__(self, hm: HexMap, threaded: bool = True, max_tiles: int = MAX_TILES):
        self.hm = hm
        self.raster = TerrainRaster(hm)
        self.features = map_features.Features(hm)
        self.units_w, self.units_h = self.raster.units
        self.cache: OrderedDict[tuple[int, int, int], pygame.Surface] = OrderedDict()
        self.max_tiles = max_tiles
        self.threaded = threaded
        self._cond = threading.Condition()
        self._wanted: list[tuple[int, int, int]] = []
        self._stop = False
        self._thread: threading.Thread | None = None
        self._last_plan = None
        self.base_level = 0
        self.base = self.render_region(LEVELS[0], 0, 0, *self.level_size(0))
        self.drawn_tiles = 0          # tiles rendered so far (for tests and benchmarks)
        self._bg = None

    # --- sizes ---
    def level_size(self, li: int) -> tuple[int, int]:
        s = LEVELS[li]
        return math.ceil(self.units_w * s), math.ceil(self.units_h * s)

    def tile_range(self, li: int) -> tuple[int, int]:
        w, h = self.level_size(li)
        return (w + TILE - 1) // TILE, (h + TILE - 1) // TILE

    # --- rendering ---
    def render_region(self, s: float, x0: int, y0: int, w: int, h: int) -> pygame.Surface:
        arr = self.raster.render(s, x0, y0, w, h)
        surf = pygame.Surface((w, h))
        surf.blit(pygame.image.frombuffer(arr.tobytes(), (w, h), "RGB"), (0, 0))
        pad = 1.2
        feats = self.features.near(x0 / s - pad, y0 / s - pad, (x0 + w) / s + pad,
                                   (y0 + h) / s + pad)
        map_features.draw(surf, feats, s, x0, y0)
        return surf

    def render_tile(self, key: tuple[int, int, int]) -> pygame.Surface:
        li, tx, ty = key
        surf = self.render_region(LEVELS[li], tx * TILE, ty * TILE, TILE, TILE)
        self.drawn_tiles += 1
        return surf

    def _store(self, key, surf) -> None:
        with self._cond:
            self.cache[key] = surf
            self.cache.move_to_end(key)
            while len(self.cache) > self.max_tiles:
                self.cache.popitem(last=False)

    # --- the worker ---
    def _work(self) -> None:
        while True:
            with self._cond:
                while not self._wanted and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                key = self._wanted.pop(0)
                if key in self.cache:
                    continue
            try:
                surf = self.render_tile(key)
            except pygame.error:        # the display went away while closing
                return
            self._store(key, surf)

    def _request(self, keys: list[tuple[int, int, int]]) -> None:
        with self._cond:
            self._wanted = [k for k in keys if k not in self.cache]
            if self._wanted:
                if self._thread is None:
                    self._thread = threading.Thread(target=self._work, name="map-tiles",
                                                    daemon=True)
                    self._thread.start()
                self._cond.notify()

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=2.0)

    def pending(self) -> int:
        with self._cond:
            return len(self._wanted)

    # --- which tiles ---
    def visible_keys(self, cam: Camera, li: int | None = None, ring: int = 0) -> list:
        li = cam.level if li is None else li
        s = LEVELS[li]
        x0, y0, x1, y1 = cam.visible_units()
        nx, ny = self.tile_range(li)
        tx0 = max(0, int(x0 * s // TILE) - ring)
        ty0 = max(0, int(y0 * s // TILE) - ring)
        tx1 = min(nx - 1, int(x1 * s // TILE) + ring)
        ty1 = min(ny - 1, int(y1 * s // TILE) + ring)
        cx, cy = (tx0 + tx1) / 2, (ty0 + ty1) / 2
        keys = [(li, tx, ty) for ty in range(ty0, ty1 + 1) for tx in range(tx0, tx1 + 1)]
        keys.sort(key=lambda k: (k[1] - cx) ** 2 + (k[2] - cy) ** 2)
        return keys

    def plan(self, cam: Camera) -> list:
        """The tiles to have ready, most urgent first: the view, zoom neighbours, a ring."""
        keys = self.visible_keys(cam)
        for d in (1, -1):
            li = cam.level + d
            if cam.min_level <= li < len(LEVELS):
                keys += self.visible_keys(cam, li)
        keys += self.visible_keys(cam, ring=1)
        seen = set()
        return [k for k in keys if not (k in seen or seen.add(k))]

    def prepare(self, cam: Camera) -> None:
        """Draw now every tile the view needs (for tests, screenshots and the first frame)."""
        for key in self.visible_keys(cam):
            if key not in self.cache:
                self._store(key, self.render_tile(key))

    # --- drawing ---
    def draw(self, screen: pygame.Surface, cam: Camera) -> None:
        vp = cam.viewport
        old_clip = screen.get_clip()
        screen.set_clip(vp)
        ox, oy = cam.world_origin()
        w, h = self.level_size(cam.level)
        if not pygame.Rect(ox, oy, w, h).contains(vp):
            # part of the view lies beyond the map (a fill is slower than a blit here)
            if self._bg is None or self._bg.get_size() != vp.size:
                self._bg = pygame.Surface(vp.size)
                self._bg.fill(P.BACKGROUND)
            screen.blit(self._bg, vp)
        keys = self.visible_keys(cam)
        missing = [k for k in keys if k not in self.cache]
        if missing and not self.threaded:
            for k in missing:
                self._store(k, self.render_tile(k))
            missing = []
        if missing:
            self._draw_fallback(screen, cam)
        for key in keys:
            surf = self.cache.get(key)
            if surf is not None:
                self.cache.move_to_end(key)
                screen.blit(surf, (ox + key[1] * TILE, oy + key[2] * TILE))
        if self.threaded:
            plan_key = (cam.level, keys[0] if keys else None, len(keys), len(missing))
            if plan_key != self._last_plan or missing:
                self._last_plan = plan_key
                self._request(self.plan(cam))
        screen.set_clip(old_clip)

    def _draw_fallback(self, screen: pygame.Surface, cam: Camera) -> None:
        """Fill the view from the whole-map picture, scaled to the current zoom."""
        k = LEVELS[self.base_level] / cam.s
        ox, oy = cam.world_origin()
        vp = cam.viewport
        src = pygame.Rect(math.floor((vp.left - ox) * k), math.floor((vp.top - oy) * k),
                          math.ceil(vp.w * k) + 2, math.ceil(vp.h * k) + 2)
        src = src.clip(self.base.get_rect())
        if src.w <= 0 or src.h <= 0:
            return
        dw, dh = round(src.w / k), round(src.h / k)
        scaled = pygame.transform.scale(self.base.subsurface(src), (dw, dh))
        screen.blit(scaled, (ox + round(src.x / k), oy + round(src.y / k)))
