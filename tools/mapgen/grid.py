"""The hex grid of a map in lat/lon terms, using the game's own projection.

Every conversion goes through game.hexmap (latlon_to_hex, hex_to_latlon,
latlon_to_km), so the tool and the game can never disagree about where a
coordinate falls.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from game.hexgrid import (hex_direction_to, hex_from_offset, hex_neighbor, hex_to_pixel,
                          offset_from_hex)
from game.hexmap import km_to_latlon, latlon_to_hex, latlon_to_km, projection_layout
from game.scenario.model import ProjectionSpec

Cell = tuple[int, int]   # (col, row) in odd-r offset coordinates


class MapBuildError(Exception):
    """A problem in the hand-written map data; the message says what and where."""


@dataclass
class Grid:
    proj: ProjectionSpec
    hex_km: float
    width: int
    height: int

    @property
    def layout(self):
        return projection_layout(self.hex_km)

    def in_map(self, cell: Cell) -> bool:
        return 0 <= cell[0] < self.width and 0 <= cell[1] < self.height

    def cells(self):
        for row in range(self.height):
            for col in range(self.width):
                yield col, row

    def cell_of(self, lat: float, lon: float) -> Cell:
        return offset_from_hex(latlon_to_hex(self.proj, self.hex_km, lat, lon))

    def centre_km(self, cell: Cell) -> tuple[float, float]:
        return hex_to_pixel(self.layout, hex_from_offset(*cell))

    def centre_latlon(self, cell: Cell) -> tuple[float, float]:
        return km_to_latlon(self.proj, *self.centre_km(cell))

    def km(self, lat: float, lon: float) -> tuple[float, float]:
        return latlon_to_km(self.proj, lat, lon)

    def neighbours(self, cell: Cell) -> list[tuple[int, Cell]]:
        """(direction, neighbour cell) for the neighbours that are on the map."""
        h = hex_from_offset(*cell)
        out = []
        for d in range(6):
            n = offset_from_hex(hex_neighbor(h, d))
            if self.in_map(n):
                out.append((d, n))
        return out

    def direction(self, a: Cell, b: Cell) -> int | None:
        return hex_direction_to(hex_from_offset(*a), hex_from_offset(*b))

    def sample_offsets(self, n: int = 6) -> np.ndarray:
        """Points (x, y) in km spread evenly inside a hex centred on (0, 0)."""
        size = self.hex_km / math.sqrt(3.0)
        half = self.hex_km / 2.0
        pts = []
        for i in range(-n, n + 1):
            for j in range(-n, n + 1):
                x, y = i * half / n, j * size / n
                if abs(y) <= size - abs(x) / math.sqrt(3.0) + 1e-9:
                    pts.append((x, y))
        return np.array(pts)

    def sample_latlon(self, cell: Cell, offsets: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        cx, cy = self.centre_km(cell)
        lats, lons = km_to_latlon(self.proj, cx + offsets[:, 0], cy + offsets[:, 1])
        return np.asarray(lats), np.asarray(lons)
