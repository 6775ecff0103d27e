"""Map geometry in "units": a hex of size 1 (centre to corner), pointy-top.

At zoom level with hex size s (pixels), a point (ux, uy) in units is at
(ux * s, uy * s) in that level's world pixels; the camera then shifts world
pixels onto the screen.  Hex (col 0, row 0) is centred at (SQ3/2, 1), so the
whole map fits in [0, width_units] x [0, height_units].
"""
from __future__ import annotations

import math

from game.hexgrid import POINTY, Hex, Layout, hex_corner_offset, hex_to_pixel, pixel_to_hex

SQ3 = math.sqrt(3.0)
UNIT = Layout(POINTY, 1.0, 1.0, SQ3 / 2, 1.0)
# corner offsets of a unit hex, corner i at 30 + 60*i degrees (y down)
CORNERS = [hex_corner_offset(UNIT, i) for i in range(6)]


def map_size_units(width: int, height: int) -> tuple[float, float]:
    return SQ3 * (width + 0.5), 1.5 * (height - 1) + 2.0


def center(h: Hex) -> tuple[float, float]:
    return hex_to_pixel(UNIT, h)


def hex_at(ux: float, uy: float) -> Hex:
    return pixel_to_hex(UNIT, ux, uy)


def corners(h: Hex, scale: float = 1.0) -> list[tuple[float, float]]:
    """Corner points of h in units (scale < 1 shrinks the hex about its centre)."""
    cx, cy = center(h)
    return [(cx + ox * scale, cy + oy * scale) for ox, oy in CORNERS]


def edge(h: Hex, direction: int) -> tuple[tuple[float, float], tuple[float, float]]:
    """The two corners of h's edge facing `direction` (0=E, 1=NE, ... 5=SE)."""
    c = corners(h)
    return c[(5 - direction) % 6], c[(6 - direction) % 6]
