"""Plane geometry on projected kilometres: polygons, polylines, distances.

Map data are written in (lat, lon); the grid turns them into kilometres east
and south of the top-left hex (game.hexmap.latlon_to_km) before any test, so
a polygon means the same area here as it does on the game's map.
"""
from __future__ import annotations

import numpy as np


def to_km(grid, points) -> np.ndarray:
    """[(lat, lon), ...] -> array of (x, y) km."""
    return np.array([grid.km(lat, lon) for lat, lon in points], dtype=float)


def inside_polygon(poly: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Even-odd test of many points against one polygon (vertices in order)."""
    inside = np.zeros(x.shape, dtype=bool)
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        if y1 == y2:
            continue
        crosses = (y1 > y) != (y2 > y)
        xcross = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
        inside ^= crosses & (x < xcross)
    return inside


def distance_to_polyline(line: np.ndarray, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Distance (km) from each point to the nearest segment of a polyline."""
    best = np.full(x.shape, np.inf)
    if len(line) == 1:
        return np.hypot(x - line[0, 0], y - line[0, 1])
    for (x1, y1), (x2, y2) in zip(line[:-1], line[1:]):
        dx, dy = x2 - x1, y2 - y1
        L2 = dx * dx + dy * dy
        t = np.zeros(x.shape) if L2 == 0 else np.clip(((x - x1) * dx + (y - y1) * dy) / L2, 0, 1)
        d = np.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
        best = np.minimum(best, d)
    return best


def distance_to_segment(p: tuple[float, float], a: tuple[float, float], b: tuple[float, float]) -> float:
    ax, ay = a
    bx, by = b
    px, py = p
    dx, dy = bx - ax, by - ay
    L2 = dx * dx + dy * dy
    t = 0.0 if L2 == 0 else max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / L2))
    return float(np.hypot(px - (ax + t * dx), py - (ay + t * dy)))
