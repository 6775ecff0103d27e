"""Hexes as small immutable values and plain functions over them.

Axial coordinates (q, r) with s = -q - r, pointy-top orientation, following
Red Blob Games' "Implementation of Hex Grids".  Offset coordinates ("odd-r":
odd rows shoved right by half a hex) appear only at the edges, to index numpy
arrays and to read and write map files.  Pixels exist only through a Layout.
"""
from __future__ import annotations

import math
from typing import Iterator, NamedTuple


class Hex(NamedTuple):
    q: int
    r: int

    @property
    def s(self) -> int:
        return -self.q - self.r

    def __str__(self) -> str:  # used in messages, e.g. "hex (3,-1)"
        return f"({self.q},{self.r})"


# Direction i points to the neighbour across edge i.  0 is east, then
# counter-clockwise: north-east, north-west, west, south-west, south-east.
DIRECTIONS: tuple[Hex, ...] = (
    Hex(1, 0), Hex(1, -1), Hex(0, -1), Hex(-1, 0), Hex(-1, 1), Hex(0, 1),
)
DIRECTION_NAMES = ("E", "NE", "NW", "W", "SW", "SE")


def hex_add(a: Hex, b: Hex) -> Hex:
    return Hex(a.q + b.q, a.r + b.r)


def hex_subtract(a: Hex, b: Hex) -> Hex:
    return Hex(a.q - b.q, a.r - b.r)


def hex_scale(a: Hex, k: int) -> Hex:
    return Hex(a.q * k, a.r * k)


def hex_neighbor(h: Hex, direction: int) -> Hex:
    d = DIRECTIONS[direction % 6]
    return Hex(h.q + d.q, h.r + d.r)


def hex_neighbors(h: Hex) -> list[Hex]:
    return [Hex(h.q + d.q, h.r + d.r) for d in DIRECTIONS]


def hex_direction_to(a: Hex, b: Hex) -> int | None:
    """The direction from a to an adjacent hex b, or None if not adjacent."""
    diff = Hex(b.q - a.q, b.r - a.r)
    try:
        return DIRECTIONS.index(diff)
    except ValueError:
        return None


def hex_length(h: Hex) -> int:
    return (abs(h.q) + abs(h.r) + abs(h.q + h.r)) // 2


def hex_distance(a: Hex, b: Hex) -> int:
    dq = a.q - b.q
    dr = a.r - b.r
    return (abs(dq) + abs(dr) + abs(dq + dr)) // 2


def hex_ring(center: Hex, radius: int) -> list[Hex]:
    """The hexes exactly `radius` steps from center, in ring order."""
    if radius < 0:
        return []
    if radius == 0:
        return [center]
    results = []
    h = hex_add(center, hex_scale(DIRECTIONS[4], radius))
    for i in range(6):
        for _ in range(radius):
            results.append(h)
            h = hex_neighbor(h, i)
    return results


def hex_range(center: Hex, radius: int) -> list[Hex]:
    """Every hex within `radius` steps of center (a filled hexagon)."""
    out = []
    for dq in range(-radius, radius + 1):
        for dr in range(max(-radius, -dq - radius), min(radius, -dq + radius) + 1):
            out.append(Hex(center.q + dq, center.r + dr))
    return out


def hex_round(fq: float, fr: float) -> Hex:
    """The hex containing fractional axial coordinates (fq, fr)."""
    fs = -fq - fr
    q, r, s = round(fq), round(fr), round(fs)
    dq, dr, ds = abs(q - fq), abs(r - fr), abs(s - fs)
    if dq > dr and dq > ds:
        q = -r - s
    elif dr > ds:
        r = -q - s
    return Hex(int(q), int(r))


def hex_linedraw(a: Hex, b: Hex) -> list[Hex]:
    """Hexes on the straight line from a to b, both ends included."""
    n = hex_distance(a, b)
    if n == 0:
        return [a]
    # Nudge so that lines along edges fall consistently to one side.
    aq, ar = a.q + 1e-6, a.r + 1e-6
    bq, br = b.q + 1e-6, b.r + 1e-6
    step = 1.0 / n
    return [hex_round(aq + (bq - aq) * i * step, ar + (br - ar) * i * step) for i in range(n + 1)]


# --- offset coordinates: only for arrays and files --------------------------

def offset_from_hex(h: Hex) -> tuple[int, int]:
    """Axial -> (col, row) in odd-r offset coordinates."""
    col = h.q + (h.r - (h.r & 1)) // 2
    return col, h.r


def hex_from_offset(col: int, row: int) -> Hex:
    return Hex(col - (row - (row & 1)) // 2, row)


def iter_offset(width: int, height: int) -> Iterator[tuple[int, int]]:
    for row in range(height):
        for col in range(width):
            yield col, row


# --- edges -------------------------------------------------------------------

def canonical_edge(h: Hex, direction: int) -> tuple[Hex, int]:
    """Each edge is owned by one hex, as one of its directions 0, 1 or 2."""
    direction %= 6
    if direction < 3:
        return h, direction
    return hex_neighbor(h, direction), direction - 3


# --- pixels ------------------------------------------------------------------

class Orientation(NamedTuple):
    f0: float
    f1: float
    f2: float
    f3: float
    b0: float
    b1: float
    b2: float
    b3: float
    start_angle: float


POINTY = Orientation(
    math.sqrt(3.0), math.sqrt(3.0) / 2.0, 0.0, 3.0 / 2.0,
    math.sqrt(3.0) / 3.0, -1.0 / 3.0, 0.0, 2.0 / 3.0,
    0.5,
)


class Layout(NamedTuple):
    """Maps hexes to a plane.  size is the centre-to-corner distance."""
    orientation: Orientation
    size_x: float
    size_y: float
    origin_x: float
    origin_y: float


def hex_to_pixel(layout: Layout, h: Hex) -> tuple[float, float]:
    m = layout.orientation
    x = (m.f0 * h.q + m.f1 * h.r) * layout.size_x
    y = (m.f2 * h.q + m.f3 * h.r) * layout.size_y
    return x + layout.origin_x, y + layout.origin_y


def pixel_to_hex_fractional(layout: Layout, x: float, y: float) -> tuple[float, float]:
    m = layout.orientation
    px = (x - layout.origin_x) / layout.size_x
    py = (y - layout.origin_y) / layout.size_y
    return m.b0 * px + m.b1 * py, m.b2 * px + m.b3 * py


def pixel_to_hex(layout: Layout, x: float, y: float) -> Hex:
    return hex_round(*pixel_to_hex_fractional(layout, x, y))


def hex_corner_offset(layout: Layout, corner: int) -> tuple[float, float]:
    angle = 2.0 * math.pi * (layout.orientation.start_angle + corner) / 6.0
    return layout.size_x * math.cos(angle), layout.size_y * math.sin(angle)


def polygon_corners(layout: Layout, h: Hex) -> list[tuple[float, float]]:
    cx, cy = hex_to_pixel(layout, h)
    out = []
    for i in range(6):
        ox, oy = hex_corner_offset(layout, i)
        out.append((cx + ox, cy + oy))
    return out


def edge_corners(layout: Layout, h: Hex, direction: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """The two corners of the edge of h that faces `direction`.

    Pixel y grows downward, so the north-east neighbour is up and right.  With
    corner i at angle 30 + 60*i degrees (y down), edge direction d (E=0, NE=1,
    ...) lies between corners (5 - d) % 6 and (6 - d) % 6.
    """
    corners = polygon_corners(layout, h)
    return corners[(5 - direction) % 6], corners[(6 - direction) % 6]
