"""Colours and per-terrain drawing data, as lookup tables indexed by terrain id.

The renderer turns the map's terrain ids into pixels with these tables
(`TERRAIN_RGB[terrain]`), as python-tcod's tile graphics do; nothing here
knows about the rules.
"""
from __future__ import annotations

import numpy as np

from game import terrain as T


def _table(values: dict[int, object], dtype) -> np.ndarray:
    return np.array([values[t.id] for t in T.TERRAINS], dtype=dtype)


# Base colour of each terrain: a muted atlas palette.
TERRAIN_RGB = _table({
    T.SEA: (70, 110, 150), T.LAKE: (86, 132, 168), T.PLAIN: (190, 196, 138),
    T.FARMLAND: (164, 186, 104), T.HILLS: (176, 162, 112), T.MOUNTAINS: (150, 130, 102),
    T.PEAKS: (214, 210, 204), T.FOREST: (96, 136, 84), T.MARSH: (128, 156, 128),
    T.DESERT: (222, 198, 146), T.STEPPE: (200, 194, 128),
}, np.float32)

# A rough height per terrain, for the relief shading (light from the north-west).
RELIEF = _table({
    T.SEA: 0.0, T.LAKE: 0.0, T.PLAIN: 0.3, T.FARMLAND: 0.2, T.HILLS: 1.1, T.MOUNTAINS: 2.4,
    T.PEAKS: 3.6, T.FOREST: 0.5, T.MARSH: 0.1, T.DESERT: 0.4, T.STEPPE: 0.4,
}, np.float32)

# How rugged the ground looks within a hex (amplitude of the relief texture).
ROUGHNESS = _table({
    T.SEA: 0.0, T.LAKE: 0.0, T.PLAIN: 0.05, T.FARMLAND: 0.04, T.HILLS: 0.35, T.MOUNTAINS: 0.9,
    T.PEAKS: 1.1, T.FOREST: 0.12, T.MARSH: 0.03, T.DESERT: 0.12, T.STEPPE: 0.06,
}, np.float32)

BACKGROUND = (24, 28, 34)          # beyond the map's edge
COAST = (40, 58, 78)
SHALLOW = (120, 162, 190)
GRID = (0, 0, 0)
RIVER = (52, 104, 176)
STRAIT = (70, 110, 150)
ROAD = {"roman": (122, 52, 36), "persian": (92, 70, 50), "track": (112, 88, 60)}
BRIDGE = (70, 52, 40)
INK = (24, 22, 20)
PAPER = (246, 240, 224)
HALO = (250, 246, 232)

# Lines on the whole-map overview picture (game.ui.overview): stronger than on the
# play screen, so they read at a few pixels a hex.
OVERVIEW_RIVER = (40, 96, 200)
OVERVIEW_COAST = (52, 76, 104)
OVERVIEW_BORDER = (96, 72, 80)
OVERVIEW_ROAD = {"roman": (150, 40, 30), "persian": (110, 40, 130), "track": (120, 90, 60)}
OVERVIEW_STRAIT = (230, 60, 60)

# UI colours (the pygame_gui theme in assets/theme.json uses the same family).
PANEL_BG = (31, 27, 22)
PANEL_LINE = (92, 76, 52)
TEXT = (239, 230, 210)
TEXT_DIM = (178, 166, 140)
GOLD = (214, 176, 74)
GOOD = (110, 190, 110)
WARN = (230, 190, 80)
BAD = (220, 90, 80)
SELECT = (255, 226, 90)
REACH = (255, 250, 230)


def hex_to_rgb(text: str) -> tuple[int, int, int]:
    """'#7b2d8e' -> (123, 45, 142); grey for anything malformed."""
    t = text.lstrip("#")
    try:
        return int(t[0:2], 16), int(t[2:4], 16), int(t[4:6], 16)
    except (ValueError, IndexError):
        return (128, 128, 128)


def shade(rgb, factor: float) -> tuple[int, int, int]:
    return tuple(max(0, min(255, int(c * factor))) for c in rgb)


def mix(a, b, t: float) -> tuple[int, int, int]:
    return tuple(int(x + (y - x) * t) for x, y in zip(a, b))


def text_on(rgb) -> tuple[int, int, int]:
    """Dark or light text, whichever reads better on the colour rgb."""
    r, g, b = rgb[:3]
    return INK if (r * 299 + g * 587 + b * 114) // 1000 > 140 else PAPER
