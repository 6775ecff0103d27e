"""Pre-rendered terrain tiles per zoom level, so panning and zooming never stutter.

The map is cut into 256-pixel tiles per zoom level.  A tile is drawn once
(terrain pixels from `terrain_raster`, then the fixed line work from
`map_features`) and kept in a least-recently-used cache.  A helper process
draws the tiles the view needs, then those of the next and previous zoom
levels and a ring around the view, so the drawing never competes with the
frame for the interpreter (should a process not start, a thread does the
same work).  Until a tile is ready, that part of the view is filled from a
picture of the whole map (kept at the smallest zoom), scaled up, so a frame
never waits.  With `threaded=False` (tests, screenshots) missing tiles are
drawn at once.
"""
from __future__ import annotations

import math
import multiprocessing
import os
import sys
import threading
from collections import OrderedDict

import numpy as np
import pygame

from game.hexmap import HexMap
from game.ui import map_features
from game.ui import palette as P
from game.ui.camera import LEVELS, Camera
from game.ui.terrain_raster import TerrainRaster

TILE = 256
MAX_TILES = 320             # about 80 MB at 32 bits a pixel
SETTLE_FRAMES = 12          # frames without moving before the next zoom levels are drawn


class MapTiles:
    def __init__(self, hm: HexMap, threaded: bool = True, max_tiles: int = MAX_TILES):
        self.hm = hm
        self.raster = TerrainRaster(hm)
        self.features = map_features.Features(hm)
        self.units_w, self.units_h = self.raster.units
        self.cache: OrderedDict[tuple[int, int, int], pygame.Surface] = OrderedDict()
        self.max_tiles = max_tiles
        self.shown = 0                   # tiles in the view at the last frame
        self.threaded = threaded
        self._cond = threading.Condition()
        self._wanted: list[tuple[int, int, int]] = []
        self._stop = False
        self._thread: threading.Thread | None = None
        self._last_plan = None
        self.base_level = 0
        self.base = self.render_region(LEVELS[0], 0, 0, *self.level_size(0))
        self.drawn_tiles = 0          # tiles rendered so far (for tests and benchmarks)
        # while tiles are missing: (level, picture, the world rect it covers, the one asked)
        self._stand_in = None
        self._stand_in_buf: pygame.Surface | None = None    # what the stand-in is scaled into
        self.scalings = 0             # stand-in scalings so far (a frame with one is heavy)
        self._last_view = None
        self._still = 0
        self._painter: Painter | None = None
        self._inflight: dict = {}           # tile keys asked of the helper process
        self._use_process = True
        self._keys_for = None               # (camera, the view's keys) of the last frame
        self._fresh = None                  # (keys, cache size, tiles drawn) when all at hand
        # tile key -> the hex of each of its pixels (hex_index), for laying the shade of
        # fog and owners over it; most come with the tile from the helper process
        self.hexes: OrderedDict = OrderedDict()
        self.max_hexes = 256                # about 32 MB

    # --- sizes ---
    def level_size(self, li: int) -> tuple[int, int]:
        s = LEVELS[li]
        return math.ceil(self.units_w * s), math.ceil(self.units_h * s)

    def tile_range(self, li: int) -> tuple[int, int]:
        w, h = self.level_size(li)
        return (w + TILE - 1) // TILE, (h + TILE - 1) // TILE

    # --- rendering ---
    def render_region(self, s: float, x0: int, y0: int, w: int, h: int) -> pygame.Surface:
        surf = pygame.Surface((w, h))
        surf.blit(paint(self.raster, self.features, s, x0, y0, w, h), (0, 0))
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

    def hex_index(self, key) -> np.ndarray:
        """The hex each pixel of a tile lies in (see `hex_index`), kept for the tiles used
        last."""
        idx = self.hexes.get(key)
        if idx is None:
            idx = hex_index(self.raster, key)
            self._keep_hexes(key, idx)
        else:
            self.hexes.move_to_end(key)
        return idx

    def _keep_hexes(self, key, idx: np.ndarray) -> None:
        self.hexes[key] = idx
        self.hexes.move_to_end(key)
        most = max(self.max_hexes, 2 * self.shown)
        while len(self.hexes) > most:
            self.hexes.popitem(last=False)

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
            if self._use_process:
                return
            if self._wanted:
                if self._thread is None:
                    # hand the interpreter back and forth often, so the frame never waits
                    # long for the worker (the default is every 5 ms)
                    sys.setswitchinterval(0.0005)
                    self._thread = threading.Thread(target=self._work, name="map-tiles",
                                                    daemon=True)
                    self._thread.start()
                self._cond.notify()

    # --- the helper process ---
    def _pump(self) -> None:
        """Take in finished tiles and keep two in the making, most urgent first."""
        try:
            if self._painter is not None:
                for key, surf, idx in self._painter.finished():
                    self._inflight.pop(key, None)
                    self._store(key, surf)
                    self._keep_hexes(key, idx)
                    self.drawn_tiles += 1
            with self._cond:
                if not self._wanted or len(self._inflight) >= Painter.SLOTS:
                    return               # nothing to ask for, or no slot free
                self._wanted = [k for k in self._wanted
                                if k not in self.cache and k not in self._inflight]
                while self._wanted and len(self._inflight) < Painter.SLOTS:
                    key = self._wanted.pop(0)
                    if self._painter is None:
                        self._painter = Painter(self.raster, self.features)
                    self._painter.ask(key)
                    self._inflight[key] = True
        except Exception as exc:        # no helper process here: draw in a thread instead
            print(f"map tiles: drawing in a thread ({type(exc).__name__}: {exc})",
                  file=sys.stderr)
            self._use_process = False
            self._inflight = {}
            self._stop_painter()
            self._last_plan = None

    def _stop_painter(self) -> None:
        if self._painter is not None:
            self._painter.close()
            self._painter = None

    def close(self) -> None:
        with self._cond:
            self._stop = True
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout=2.0)
        self._stop_painter()

    def pending(self) -> int:
        """Tiles wanted and not yet drawn (also takes in finished ones)."""
        if self.threaded and self._use_process:
            self._pump()
        with self._cond:
            return len(self._wanted) + len(self._inflight)

    # --- which tiles ---
    def visible_keys(self, cam: Camera, li: int | None = None, ring: int = 0) -> list:
        li = cam.level if li is None else li
        key = (li, ring, cam.level, cam.cx, cam.cy, tuple(cam.viewport))
        if self._keys_for is not None and self._keys_for[0] == key:
            return self._keys_for[1]          # the same view as the last frame's
        keys = self._visible_keys(cam, li, ring)
        if li == cam.level and ring == 0:
            self._keys_for = (key, keys)
        return keys

    def _visible_keys(self, cam: Camera, li: int, ring: int) -> list:
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

    def plan(self, cam: Camera, settled: bool = True) -> list:
        """The tiles to have ready, most urgent first: the view, a ring around it, and
        (once the view has settled) the same place at the next and previous zoom."""
        keys = self.visible_keys(cam) + self.visible_keys(cam, ring=1)
        if settled:
            for d in (1, -1):
                li = cam.level + d
                if cam.min_level <= li <= cam.max_level:
                    keys += self.visible_keys(cam, li)
        seen = set()
        return [k for k in keys if not (k in seen or seen.add(k))]

    def prepare(self, cam: Camera) -> None:
        """Draw now every tile the view needs (for tests, screenshots and the first frame)."""
        for key in self.visible_keys(cam):
            if key not in self.cache:
                self._store(key, self.render_tile(key))

    # --- drawing ---
    def draw(self, screen: pygame.Surface, cam: Camera, dress=None) -> list:
        """Blit the view's tiles; `dress(key, tile)` may give a tile to blit in place of a
        terrain tile (the terrain with the shade laid over it).  Returns the keys of the
        tiles not drawn yet (a stand-in shows)."""
        self.keep_fresh(cam)
        ox, oy = cam.world_origin()
        vp = cam.viewport
        return self.paint(screen, cam, ox, oy, pygame.Rect(vp.x - ox, vp.y - oy, vp.w, vp.h),
                          dress)

    def keep_fresh(self, cam: Camera) -> list:
        """For a frame: the view's tiles kept fresh in the cache (drawn at once when not
        threaded), the helper asked for what comes next; the keys still missing."""
        keys = self.visible_keys(cam)
        if self._fresh is not None and self._fresh[0] is keys \
                and self._fresh[1:] == (len(self.cache), self.drawn_tiles):
            self.tend(cam, keys, [])         # the same view, every tile at hand as before
            return []
        self.shown = len(keys)
        # a large window (a 4K screen) shows more tiles than the cache was made for: keep
        # the view, its ring and the next zoom's view, or they would push each other out
        self.max_tiles = max(self.max_tiles, 4 * len(keys))
        missing = [k for k in keys if k not in self.cache]
        if missing and not self.threaded:
            for k in missing:
                self._store(k, self.render_tile(k))
            missing = []
        for key in keys:
            if key in self.cache:
                self.cache.move_to_end(key)
        self.tend(cam, keys, missing)
        self._fresh = None if missing else (keys, len(self.cache), self.drawn_tiles)
        return missing

    def keys_in(self, li: int, region: pygame.Rect) -> list:
        """The keys of the tiles at level li that a world-pixel rectangle touches."""
        nx, ny = self.tile_range(li)
        tx0, ty0 = max(0, region.x // TILE), max(0, region.y // TILE)
        tx1 = min(nx - 1, (region.right - 1) // TILE)
        ty1 = min(ny - 1, (region.bottom - 1) // TILE)
        return [(li, tx, ty) for ty in range(ty0, ty1 + 1) for tx in range(tx0, tx1 + 1)]

    def paint(self, screen: pygame.Surface, cam: Camera, ox: int, oy: int,
              region: pygame.Rect, dress=None) -> list:
        """Blit the tiles of the camera's level over a world-pixel region, world pixel
        (0, 0) at (ox, oy) on `screen`, clipped to the region; beyond the map the
        background.  Tiles not drawn yet are filled from the stand-in; their keys are
        returned.  Each pixel depends only on its world position, so a region painted
        alone matches the same pixels of a whole view painted at once."""
        old_clip = screen.get_clip()
        clip = region.move(ox, oy).clip(old_clip)
        screen.set_clip(clip)
        w, h = self.level_size(cam.level)
        inside = pygame.Rect(0, 0, w, h)
        if not inside.contains(region):
            # part of the region lies beyond the map: fill only that part (the tiles cover
            # the rest; a whole-window fill or blit costs over a millisecond at 4K)
            for band in outside(region, inside):
                screen.fill(P.BACKGROUND, band.move(ox, oy))
        keys = self.keys_in(cam.level, region)
        missing = [k for k in keys if k not in self.cache]
        if missing:
            self._draw_stand_in(screen, cam, missing, ox, oy, region)
        for key in keys:
            surf = self.cache.get(key)
            if surf is not None:
                if dress is not None:
                    surf = dress(key, surf)
                screen.blit(surf, (ox + key[1] * TILE, oy + key[2] * TILE))
        screen.set_clip(old_clip)
        return missing

    def tend(self, cam: Camera, keys: list, missing: list) -> None:
        """After a frame: ask the helper for what the view needs next, take what it drew."""
        ox, oy = cam.world_origin()
        if self.threaded:
            view_key = (cam.level, ox, oy)
            self._still = self._still + 1 if view_key == self._last_view else 0
            self._last_view = view_key
            settled = self._still >= SETTLE_FRAMES
            plan_key = (cam.level, keys[0] if keys else None, len(keys), len(missing), settled)
            if plan_key != self._last_plan or missing:
                self._last_plan = plan_key
                self._request(self.plan(cam, settled))
            if self._use_process:
                self._pump()

    def _draw_stand_in(self, screen: pygame.Surface, cam: Camera, missing: list,
                       ox: int, oy: int, region: pygame.Rect) -> None:
        """Fill the missing tiles from the whole-map picture scaled to the current zoom, in
        one piece.  Just after a zoom, or for a strip the view uncovered, only the missing
        part is scaled, straight into its place.  Else (a view painted whole each frame) the
        picture is scaled once for the view and a tile's margin around it, and kept while
        the view pans inside that (a scaling each frame cost several milliseconds at 4K)."""
        cox, coy = cam.world_origin()
        vp = cam.viewport
        view = pygame.Rect(vp.x - cox, vp.y - coy, vp.w, vp.h)     # in world pixels
        want = [pygame.Rect(k[1] * TILE, k[2] * TILE, TILE, TILE).clip(region)
                for k in missing]
        want = [r for r in want if r.w > 0 and r.h > 0]
        if not want:
            return
        need = want[0].unionall(want[1:])
        got = self._stand_in
        k = LEVELS[self.base_level] / cam.s
        zoomed = got is None or got[0] != cam.level
        if zoomed or (not got[3].contains(need) and 4 * need.w * need.h <= view.w * view.h):
            # just after a zoom, or a strip the view uncovered: only what is missing,
            # scaled straight into its place (a scaling into a picture of its own and a
            # copy of that cost about half as much again at 4K, and the view with its
            # margin several times a strip).  A large part missing while the view is
            # painted whole each frame scales the view and a margin, kept for the frames
            # after it
            if zoomed:
                self._stand_in = (cam.level, None, pygame.Rect(0, 0, 0, 0),
                                  pygame.Rect(0, 0, 0, 0))
            w, h = self.level_size(cam.level)
            r = need.clip(pygame.Rect(0, 0, w, h)).move(ox, oy).clip(screen.get_clip())
            src = pygame.Rect(math.floor((r.x - ox) * k), math.floor((r.y - oy) * k),
                              max(1, round(r.w * k)), max(1, round(r.h * k)))
            src = src.clip(self.base.get_rect())
            if r.w > 0 and r.h > 0 and src.w > 0 and src.h > 0:
                self.scalings += 1
                part = self.base.subsurface(src)
                if screen.get_bitsize() == part.get_bitsize():
                    pygame.transform.scale(part, r.size, screen.subsurface(r))
                else:           # not the base's format: scaled apart, then copied
                    screen.blit(pygame.transform.scale(part, r.size), r)
            return
        if not got[3].contains(need):
            w, h = self.level_size(cam.level)
            # panning at this zoom: the view and a tile's margin, for the next frames
            area = view.inflate(2 * TILE, 2 * TILE).clip(pygame.Rect(0, 0, w, h))
            area = area.union(need)
            src = pygame.Rect(math.floor(area.x * k), math.floor(area.y * k),
                              math.ceil(area.w * k) + 1, math.ceil(area.h * k) + 1)
            src = src.clip(self.base.get_rect())
            if src.w <= 0 or src.h <= 0:
                return
            size = (math.ceil(src.w / k), math.ceil(src.h / k))
            buf = self._stand_in_buf
            if buf is None or buf.get_width() < size[0] or buf.get_height() < size[1]:
                # kept for the next scalings: a new picture of 4K's size each time cost
                # several times the scaling itself (the memory's first touch); made large
                # enough at once for the view and the margin it is scaled with
                most = (vp.w + 3 * TILE, vp.h + 3 * TILE)
                buf = self._stand_in_buf = pygame.Surface(
                    (max(size[0], most[0], buf.get_width() if buf else 0),
                     max(size[1], most[1], buf.get_height() if buf else 0)), 0, self.base)
            self.scalings += 1
            img = pygame.transform.scale(self.base.subsurface(src), size,
                                         buf.subsurface((0, 0, *size)))
            at = (round(src.x / k), round(src.y / k))
            self._stand_in = got = (cam.level, img, pygame.Rect(at, img.get_size()), area)
        _level, img, covered, _area = got
        r = need.clip(covered)          # one blit (many small ones cost more at 4K)
        screen.blit(img, (ox + r.x, oy + r.y), r.move(-covered.x, -covered.y))


def outside(rect: pygame.Rect, inner: pygame.Rect) -> list[pygame.Rect]:
    """The parts of `rect` that `inner` does not cover, as up to four bands."""
    inner = inner.clip(rect)
    if inner.w <= 0 or inner.h <= 0:
        return [rect]
    bands = [pygame.Rect(rect.x, rect.y, rect.w, inner.y - rect.y),
             pygame.Rect(rect.x, inner.bottom, rect.w, rect.bottom - inner.bottom),
             pygame.Rect(rect.x, inner.y, inner.x - rect.x, inner.h),
             pygame.Rect(inner.right, inner.y, rect.right - inner.right, inner.h)]
    return [b for b in bands if b.w > 0 and b.h > 0]


# --- painting, here and in the helper process ----------------------------------

def hex_index(raster: TerrainRaster, key) -> np.ndarray:
    """Which hex each pixel of tile `key` lies in: [TILE, TILE], the hex's flat index in
    the map, and the map's number of hexes beyond it (so a table of the hexes with one
    more row for "beyond the map" is indexed by it directly)."""
    li, tx, ty = key
    idx = raster.nearest(LEVELS[li], tx * TILE, ty * TILE, TILE, TILE)
    n = raster.w * raster.h
    return np.where(idx < 0, n, idx).astype(index_dtype(raster))


def index_dtype(raster: TerrainRaster) -> np.dtype:
    return np.dtype(np.uint16 if raster.w * raster.h < 65535 else np.int32)


def paint(raster: TerrainRaster, features, s: float, x0: int, y0: int, w: int, h: int
          ) -> pygame.Surface:
    """Terrain pixels and the line work of a region, as a 24-bit surface (no display needed)."""
    arr = raster.render(s, x0, y0, w, h)
    surf = pygame.image.frombuffer(bytearray(arr.tobytes()), (w, h), "RGB")
    pad = 1.2
    feats = features.near(x0 / s - pad, y0 / s - pad, (x0 + w) / s + pad, (y0 + h) / s + pad)
    map_features.draw(surf, feats, s, x0, y0)
    return surf


class Painter:
    """The helper process that paints tiles.

    A tile key and a slot of shared memory go down a pipe; the helper paints
    the tile's pixels into the slot, with the hex each pixel lies in
    (`hex_index`), and sends the key and slot back.  Only
    these small messages cross the pipe, so reading one never waits on the
    helper, and `finished` only looks whether one has arrived: a frame never
    waits.  No thread of this process is involved (a thread would take the
    interpreter from the frame each time it had something to do).
    """
    SLOTS = 2                   # tiles in the making at once

    def __init__(self, raster: TerrainRaster, features):
        from multiprocessing import shared_memory
        ctx = multiprocessing.get_context("spawn")
        self.dtype = index_dtype(raster)
        self.slots = [shared_memory.SharedMemory(
            create=True, size=TILE * TILE * (3 + self.dtype.itemsize))
            for _ in range(self.SLOTS)]
        self.free = list(range(self.SLOTS))
        self.conn, theirs = ctx.Pipe()
        self.process = ctx.Process(target=_paint_tiles,
                                   args=(theirs, [m.name for m in self.slots], raster, features),
                                   name="map-tiles", daemon=True)
        self.process.start()
        theirs.close()

    def ask(self, key: tuple[int, int, int]) -> None:
        self.conn.send((key, self.free.pop()))

    def finished(self) -> list[tuple[tuple[int, int, int], pygame.Surface, np.ndarray]]:
        """The tiles painted since: (key, tile, the hex of each pixel)."""
        out = []
        rgb = TILE * TILE * 3
        while self.conn.poll():
            key, slot = self.conn.recv()
            buf = self.slots[slot].buf
            img = pygame.image.frombuffer(buf[:rgb], (TILE, TILE), "RGB")
            surf = pygame.Surface((TILE, TILE))
            surf.blit(img, (0, 0))
            del img                     # it holds on to the shared memory
            idx = np.frombuffer(buf, self.dtype, TILE * TILE, rgb).reshape(TILE, TILE).copy()
            self.free.append(slot)
            out.append((key, surf, idx))
        return out

    def close(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.conn.close()
        self.process.join(timeout=1.0)
        if self.process.is_alive():
            self.process.terminate()
        for m in self.slots:
            try:
                m.close()
                m.unlink()
            except (OSError, BufferError):
                pass


def _paint_tiles(conn, slot_names: list[str], raster: TerrainRaster, features) -> None:
    """The helper process: paint each tile asked for into its slot until told to stop.

    It runs at a lower priority than the game, so that on a busy machine the
    frames come first and the tiles wait.
    """
    from multiprocessing import shared_memory
    try:
        os.nice(5)
    except (AttributeError, OSError):       # not on this system
        pass
    slots = [shared_memory.SharedMemory(name=n) for n in slot_names]
    try:
        while True:
            try:
                asked = conn.recv()
            except (EOFError, OSError):
                return
            if asked is None:
                return
            (li, tx, ty), slot = asked
            surf = paint(raster, features, LEVELS[li], tx * TILE, ty * TILE, TILE, TILE)
            rgb = TILE * TILE * 3
            slots[slot].buf[:rgb] = pygame.image.tobytes(surf, "RGB")
            slots[slot].buf[rgb:] = hex_index(raster, (li, tx, ty)).tobytes()
            try:
                conn.send(asked)
            except (BrokenPipeError, OSError):
                return
    finally:
        for m in slots:
            m.close()
