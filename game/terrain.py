"""Terrain kinds: their ids, the character each has in map files, and names.

The numbers that make terrain matter in play (movement cost, defence, sight,
attrition) live in the rules table, `game/rules/table.py`, so a scenario can
override them.  This module only says what kinds exist.
"""
from __future__ import annotations

from typing import NamedTuple


class TerrainKind(NamedTuple):
    id: int
    key: str       # the rules-table / YAML name
    char: str      # the character in a map file's `terrain` rows
    name: str      # shown to players
    water: bool


TERRAINS: tuple[TerrainKind, ...] = (
    TerrainKind(0, "sea", "~", "Sea", True),
    TerrainKind(1, "lake", "%", "Lake", True),
    TerrainKind(2, "plain", ".", "Plain", False),
    TerrainKind(3, "farmland", ":", "Farmland", False),
    TerrainKind(4, "hills", "h", "Hills", False),
    TerrainKind(5, "mountains", "m", "Mountains", False),
    TerrainKind(6, "peaks", "M", "High peaks (impassable)", False),
    TerrainKind(7, "forest", "f", "Forest", False),
    TerrainKind(8, "marsh", "w", "Marsh", False),
    TerrainKind(9, "desert", "d", "Desert", False),
    TerrainKind(10, "steppe", "s", "Steppe", False),
)

SEA, LAKE, PLAIN, FARMLAND, HILLS, MOUNTAINS, PEAKS, FOREST, MARSH, DESERT, STEPPE = range(11)

BY_CHAR = {t.char: t for t in TERRAINS}
BY_KEY = {t.key: t for t in TERRAINS}
WATER_IDS = frozenset(t.id for t in TERRAINS if t.water)
