"""The ground of the map view (terrain, shade, frontiers, the reach) kept as one picture.

A frame that shows the same ground as the last one (the same zoom level,
view, shade and overlays) does not paint it again: the picture is kept, and
when the view pans only the strip it uncovers is painted.  The picture is as
large as the view and holds world pixel (x, y) at (x - x0, (y - y0) mod
height), x0 the view's left edge, y0 its top when it was last painted
whole (so a whole painting is one piece): panning up or down moves nothing inside it (the
strip is painted where the rows that left the view were, and the view goes
to the screen as two bands of whole rows), panning sideways scrolls it.
Each copy to the screen is of whole rows of the picture starting at its
left edge: such a blit copies rows in one aligned run, over twice as fast as
one of part of each row (measured at 4K).

Every pixel of the ground depends only on its world position (tiles,
frontier tiles and the reach are pictures at fixed world positions), so a
view put together from strips is the very picture a whole painting gives.
Where a part was painted with a stand-in (a tile not drawn yet, a tile not
yet shaded, a frontier drawn straight on), the tile is remembered and
painted again once it can be painted in full.
"""
from __future__ import annotations

import pygame

from game.ui.map_tiles import TILE, outside


def tile_rect(key) -> pygame.Rect:
    """The world pixels of a tile key (level, tx, ty)."""
    return pygame.Rect(key[1] * TILE, key[2] * TILE, TILE, TILE)


class KeptView:
    def __init__(self):
        self.pic: pygame.Surface | None = None
        self.key = None                  # what the ground depends on, by value
        self.refs: tuple = ()            # and by identity (views, tables)
        self.have: pygame.Rect | None = None    # the world pixels the picture holds
        self.x0 = 0                      # the world x of the picture's first column
        self.y0 = 0                      # a world y held in the picture's first row
        self.prov: set = set()           # tiles painted provisionally
        self.painted = 0                 # pixels painted in the last frame (for tests)
        # the world rectangles painted again in the last update while the view stayed
        # (None: the view moved or was painted whole, so all of it changed)
        self.repainted: list[pygame.Rect] | None = None

    def forget(self) -> None:
        """Paint the whole ground again at the next frame."""
        self.key = None

    def same(self, key, refs) -> bool:
        return key == self.key and len(refs) == len(self.refs) \
            and all(a is b for a, b in zip(refs, self.refs))

    def show(self, surf: pygame.Surface, vp: pygame.Rect, ox: int, oy: int, key, refs,
             paint, can_finish) -> None:
        """Bring the picture up to date (`update`) and copy the whole view to the screen."""
        self.update(vp, ox, oy, key, refs, paint, can_finish, surf)
        self.blit(surf, ox, oy)

    def update(self, vp: pygame.Rect, ox: int, oy: int, key, refs, paint, can_finish,
               like: pygame.Surface) -> bool:
        """Bring the picture up to date for the view `vp` (world pixel (0, 0) at (ox, oy)
        on the screen).  `paint(dest, region, dx, dy)` paints a world region with world
        (0, 0) at (dx, dy) of dest and returns the tiles it painted provisionally;
        `can_finish(key)` says whether such a tile could now be painted in full.  Returns
        whether the picture of the view changed; `repainted` then says where, when the
        view did not move."""
        view = pygame.Rect(vp.x - ox, vp.y - oy, vp.w, vp.h)
        if self.pic is None or self.pic.get_size() != vp.size:
            self.pic = pygame.Surface(vp.size, 0, like)     # the screen's format: fast blits
            self.key = None
        self.painted = 0
        moved = view != self.have
        if not self.same(key, refs) or self.have is None \
                or not self.have.colliderect(view):
            self.key, self.refs, self.prov = key, refs, set()
            todo = [view]
            moved = True
            self.y0 = view.y             # painted in one piece
        else:
            if view.x != self.x0:        # sideways: the picture scrolls
                self.pic.scroll(self.x0 - view.x, 0)
            todo = outside(view, self.have)
            self.prov = {k for k in self.prov if tile_rect(k).colliderect(view)}
        self.have = view
        self.x0 = view.x
        for region in todo:
            self._paint(region, paint)
        self.repainted = None if moved else []
        for k in sorted(self.prov):
            if k in self.prov and can_finish(k):
                self.prov.discard(k)
                region = tile_rect(k).clip(view)
                self._paint(region, paint)
                if self.repainted is not None:
                    self.repainted.append(region)
        return moved or self.painted > 0

    def blit(self, surf: pygame.Surface, ox: int, oy: int, area: pygame.Rect | None = None
             ) -> None:
        """Copy the view's ground (or the part of it in `area`, screen pixels) to the
        screen."""
        view = self.have
        if area is not None:
            view = area.move(-ox, -oy).clip(view)
            if view.w <= 0 or view.h <= 0:
                return
        surf.blits([(self.pic, (p.x + ox, p.y + oy), b) for p, b in self._pieces(view)],
                   doreturn=False)

    def _paint(self, region: pygame.Rect, paint) -> None:
        for p, b in self._pieces(region):
            self.prov |= paint(self.pic, p, b.x - p.x, b.y - p.y)
            self.painted += p.w * p.h

    def _pieces(self, r: pygame.Rect) -> list[tuple[pygame.Rect, pygame.Rect]]:
        """A world rectangle inside the view as up to two bands that do not wrap:
        (world rectangle, the same pixels in the picture)."""
        h = self.pic.get_height()
        y0 = (r.y - self.y0) % h
        h1 = min(r.h, h - y0)
        x = r.x - self.x0
        out = [(pygame.Rect(r.x, r.y, r.w, h1), pygame.Rect(x, y0, r.w, h1))]
        if r.h > h1:
            out.append((pygame.Rect(r.x, r.y + h1, r.w, r.h - h1),
                        pygame.Rect(x, 0, r.w, r.h - h1)))
        return [p for p in out if p[0].w > 0 and p[0].h > 0]
