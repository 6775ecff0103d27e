"""Land, water and terrain per hex.

Land and sea come from the `global_land_mask` package (MIT licence; Todd
Karin's 1 km mask derived from NOAA's GLOBE elevation data), sampled at about
a hundred points per hex.  The mask counts inland water bodies (the Caspian,
Lake Van, Lake Urmia, ...) as land, so those are painted back as water from
hand-drawn polygons.  Terrain on land starts as plain and is painted over by
the hand-written layers in order, later layers winning.
"""
from __future__ import annotations

import numpy as np

from game import terrain as T
from game.hexgrid import hex_from_offset, hex_linedraw, offset_from_hex
from tools.mapgen.grid import Grid, MapBuildError
from tools.mapgen.shapes import distance_to_polyline, inside_polygon, to_km
from tools.mapgen.spec import Area, Band, Chain, Fix, Spot, Water

LAND_SHARE = 0.5      # a hex is land when at least this share of its samples is land


def land_mask_sampler():
    try:
        from global_land_mask import globe
    except ImportError as exc:  # the mapbuild extra is not installed
        raise MapBuildError("the land mask is missing: install the map tools with "
                            "`pip install -e .[mapbuild]` (package global-land-mask)") from exc
    return globe.is_land


def sample_grid(grid: Grid):
    """Sample points of every hex: (x_km, y_km, lat, lon), each [row, col, k]."""
    offs = grid.sample_offsets()
    H, W, K = grid.height, grid.width, len(offs)
    x = np.zeros((H, W, K))
    y = np.zeros((H, W, K))
    for col, row in grid.cells():
        cx, cy = grid.centre_km((col, row))
        x[row, col] = cx + offs[:, 0]
        y[row, col] = cy + offs[:, 1]
    lat = grid.proj.origin_lat - y / (np.pi / 180.0 * 6371.0)
    lon = grid.proj.origin_lon + x / (np.pi / 180.0 * 6371.0 * np.cos(np.radians(grid.proj.standard_parallel)))
    return x, y, lat, lon


def land_and_water(grid: Grid, waters: list[Water], fixes: list[Fix]) -> np.ndarray:
    """A [row, col] array of characters: "." for land, "~" sea, "%" lake."""
    is_land = land_mask_sampler()
    x, y, lat, lon = sample_grid(grid)
    land = np.asarray(is_land(lat.ravel(), lon.ravel())).reshape(lat.shape)
    # Which polygon (if any) claims each land sample; the first listed wins.
    claim = np.full(land.shape, -1, dtype=np.int16)
    for i, w in enumerate(waters):
        if w.char not in ("~", "%"):
            raise MapBuildError(f"water {w.name!r}: char must be '~' or '%', not {w.char!r}")
        poly = to_km(grid, w.points)
        hit = inside_polygon(poly, x, y) & land & (claim < 0)
        claim[hit] = i
    out = np.full((grid.height, grid.width), ".", dtype="<U1")
    K = land.shape[2]
    for col, row in grid.cells():
        dry = land[row, col] & (claim[row, col] < 0)
        if dry.sum() >= LAND_SHARE * K:
            continue
        sea = (~land[row, col]).sum()
        counts = np.bincount(claim[row, col][claim[row, col] >= 0], minlength=len(waters))
        if counts.size and counts.max() > sea:
            out[row, col] = waters[int(counts.argmax())].char
        else:
            out[row, col] = "~"
    for f in fixes:
        col, row = grid.cell_of(*f.point)
        if not grid.in_map((col, row)):
            raise MapBuildError(f"fix {f.name!r} at {f.point} is off the map")
        if f.to == "land":
            out[row, col] = "."
        elif f.to in ("~", "%"):
            out[row, col] = f.to
        else:
            raise MapBuildError(f"fix {f.name!r}: `to` must be 'land', '~' or '%', not {f.to!r}")
    return out


def chain_cells(grid: Grid, points) -> list[tuple[int, int]]:
    """Hexes along a polyline, each adjacent to the one before (hex line drawing)."""
    cells = [hex_from_offset(*grid.cell_of(*p)) for p in points]
    out = [cells[0]]
    for a, b in zip(cells, cells[1:]):
        out.extend(hex_linedraw(a, b)[1:])
    return [offset_from_hex(h) for h in out]


def paint_terrain(grid: Grid, base: np.ndarray, layers) -> np.ndarray:
    """Apply terrain layers to the land hexes of `base`; water stays as it is."""
    out = base.copy()
    water = np.isin(base, ["~", "%"])
    cx = np.zeros(base.shape)
    cy = np.zeros(base.shape)
    for col, row in grid.cells():
        cx[row, col], cy[row, col] = grid.centre_km((col, row))
    for layer in layers:
        if layer.char not in T.BY_CHAR or T.BY_CHAR[layer.char].water:
            raise MapBuildError(f"terrain layer {layer.name!r}: {layer.char!r} is not a land "
                                "terrain character")
        if isinstance(layer, Area):
            hit = inside_polygon(to_km(grid, layer.points), cx, cy)
        elif isinstance(layer, Band):
            hit = distance_to_polyline(to_km(grid, layer.points), cx, cy) <= layer.width_km / 2
        elif isinstance(layer, (Chain, Spot)):
            pts = layer.points if isinstance(layer, Chain) else (layer.point,)
            hit = np.zeros(base.shape, dtype=bool)
            for col, row in chain_cells(grid, pts):
                if not grid.in_map((col, row)):
                    raise MapBuildError(f"terrain layer {layer.name!r} runs off the map")
                hit[row, col] = True
        else:
            raise MapBuildError(f"unknown terrain layer {layer!r}")
        out[hit & ~water] = layer.char
    return out
