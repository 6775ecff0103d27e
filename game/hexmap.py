"""The map: terrain and features per hex (read from a file by game.scenario.mapfile).

Per-hex data are numpy arrays indexed [row, col] in odd-r offset
coordinates; everything else speaks axial Hex values.  Edge features
(rivers, roads, straits, crossings) are 6-bit masks per hex, set on both
sides of each edge, so a lookup never needs the canonical form.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from game import terrain as T
from game.hexgrid import (DIRECTIONS, Hex, Layout, POINTY, hex_from_offset,
                          hex_neighbor, offset_from_hex, pixel_to_hex, hex_to_pixel)

if TYPE_CHECKING:
    from game.scenario.model import ProjectionSpec

EARTH_RADIUS_KM = 6371.0


# --- projection ----------------------------------------------------------------

def projection_layout(hex_km: float) -> Layout:
    """Pointy-top hexes whose flat-to-flat width is hex_km, in kilometre units."""
    size = hex_km / math.sqrt(3.0)
    return Layout(POINTY, size, size, 0.0, 0.0)


def latlon_to_km(proj: ProjectionSpec, lat: float, lon: float) -> tuple[float, float]:
    """Kilometres east and south of the origin hex's centre."""
    k = math.pi / 180.0 * EARTH_RADIUS_KM
    x = (lon - proj.origin_lon) * k * math.cos(math.radians(proj.standard_parallel))
    y = (proj.origin_lat - lat) * k
    return x, y


def km_to_latlon(proj: ProjectionSpec, x: float, y: float) -> tuple[float, float]:
    k = math.pi / 180.0 * EARTH_RADIUS_KM
    lat = proj.origin_lat - y / k
    lon = proj.origin_lon + x / (k * math.cos(math.radians(proj.standard_parallel)))
    return lat, lon


def latlon_to_hex(proj: ProjectionSpec, hex_km: float, lat: float, lon: float) -> Hex:
    x, y = latlon_to_km(proj, lat, lon)
    return pixel_to_hex(projection_layout(hex_km), x, y)


def hex_to_latlon(proj: ProjectionSpec, hex_km: float, h: Hex) -> tuple[float, float]:
    x, y = hex_to_pixel(projection_layout(hex_km), h)
    return km_to_latlon(proj, x, y)


# --- parsing helpers -----------------------------------------------------------

def parse_cell(text: str) -> tuple[int, int] | None:
    parts = text.strip().split(",")
    if len(parts) != 2:
        return None
    try:
        return int(parts[0]), int(parts[1])
    except ValueError:
        return None


def parse_edge(text: str) -> tuple[int, int, int] | None:
    parts = text.strip().split(",")
    if len(parts) != 3:
        return None
    try:
        c, r, d = (int(p) for p in parts)
    except ValueError:
        return None
    return (c, r, d) if 0 <= d <= 5 else None


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    kind: str
    hex: Hex
    lat: float | None
    lon: float | None
    port: bool
    walls: int
    income: int
    holy: bool
    importance: int


@dataclass(frozen=True)
class Pass:
    id: str
    name: str
    hex: Hex
    winter_closed: bool


@dataclass
class HexMap:
    id: str
    name: str
    hex_km: float
    projection: ProjectionSpec | None
    width: int
    height: int
    terrain: np.ndarray            # uint8 [row, col], ids from game.terrain
    region: np.ndarray             # int16 [row, col], index into region_ids or -1
    river: np.ndarray              # uint8 [row, col], bit d: a river on edge d
    road: np.ndarray               # uint8: bit d: a road crosses edge d
    strait: np.ndarray             # uint8: bit d: a strait on edge d
    bridge: np.ndarray             # uint8: bit d: a bridge on edge d
    ford: np.ndarray               # uint8: bit d: a ford on edge d
    region_ids: list[str]
    region_names: dict[str, str]
    river_names: dict[tuple[Hex, int], str]
    strait_of_edge: dict[tuple[Hex, int], str]
    crossing_names: dict[tuple[Hex, int], str]
    road_kinds: dict[tuple[Hex, int], str]
    passes: dict[str, Pass]
    places: dict[str, Place]
    place_at: dict[Hex, str]
    pass_at: dict[Hex, str]
    cache: dict = field(default_factory=dict, repr=False)

    # --- lookups ---
    def contains(self, h: Hex) -> bool:
        col, row = offset_from_hex(h)
        return 0 <= col < self.width and 0 <= row < self.height

    def index(self, h: Hex) -> int:
        """Flat index row*width+col, or -1 off the map."""
        try:
            return self._index_of.get(h, -1)
        except AttributeError:
            self._lookups()
            return self._index_of.get(h, -1)

    def hex_of(self, i: int) -> Hex:
        try:
            return self._hex_list[i] if i >= 0 else hex_from_offset(i % self.width,
                                                                    i // self.width)
        except AttributeError:
            self._lookups()
            return self.hex_of(i)
        except IndexError:
            return hex_from_offset(i % self.width, i // self.width)

    def hex_table(self) -> list[Hex]:
        """Every hex in index order, as a list to index (shared: do not change it)."""
        try:
            return self._hex_list
        except AttributeError:
            self._lookups()
            return self._hex_list

    def _lookups(self) -> None:
        """Every hex in index order and the other way round, made when first asked (the
        computer asks a million times a game; the two formulas cost more than a look-up)."""
        self._hex_list = [hex_from_offset(i % self.width, i // self.width)
                          for i in range(self.width * self.height)]
        self._index_of = {h: i for i, h in enumerate(self._hex_list)}

    def terrain_at(self, h: Hex) -> int:
        col, row = offset_from_hex(h)
        return int(self.terrain[row, col])

    def terrain_name(self, h: Hex) -> str:
        return T.TERRAINS[self.terrain_at(h)].key

    def is_water(self, h: Hex) -> bool:
        return self.terrain_at(h) in T.WATER_IDS

    def region_of(self, h: Hex) -> str | None:
        col, row = offset_from_hex(h)
        i = int(self.region[row, col])
        return self.region_ids[i] if i >= 0 else None

    def edge_bits(self, layer: np.ndarray, h: Hex) -> int:
        col, row = offset_from_hex(h)
        return int(layer[row, col])

    def has_edge(self, layer: np.ndarray, h: Hex, direction: int) -> bool:
        col, row = offset_from_hex(h)
        return bool(layer[row, col] >> direction & 1)

    def is_coastal(self, h: Hex) -> bool:
        return any(self.contains(n) and self.terrain_at(n) == T.SEA
                   for n in (hex_neighbor(h, d) for d in range(6)))

    def hexes(self):
        for row in range(self.height):
            for col in range(self.width):
                yield hex_from_offset(col, row)

    def resolve(self, where: str) -> Hex | None:
        """A place id or "col,row" -> Hex on the map, else None."""
        if where in self.places:
            return self.places[where].hex
        cell = parse_cell(where)
        if cell is None:
            return None
        h = hex_from_offset(*cell)
        return h if self.contains(h) else None

    def neighbor_index(self) -> np.ndarray:
        """[N, 6] flat indices of each hex's neighbours, -1 off the map (cached)."""
        nb = self.cache.get("neighbors")
        if nb is None:
            row, col = np.divmod(np.arange(self.width * self.height), self.width)
            q = col - (row - (row & 1)) // 2           # axial, as hex_from_offset
            nb = np.full((len(row), 6), -1, dtype=np.int32)
            for d, dh in enumerate(DIRECTIONS):
                nq, nr = q + dh.q, row + dh.r
                ncol = nq + (nr - (nr & 1)) // 2       # offset, as offset_from_hex
                inside = (ncol >= 0) & (ncol < self.width) & (nr >= 0) & (nr < self.height)
                nb[inside, d] = (nr * self.width + ncol)[inside]
            self.cache["neighbors"] = nb
        return nb


def __getattr__(name: str):
    """`load_map` and `build_map` live in game.scenario.mapfile, beside the scenario loader;
    this keeps `from game.hexmap import load_map` working without importing it here."""
    if name in ("load_map", "build_map"):
        from game.scenario import mapfile
        return getattr(mapfile, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
